"""Program names as career centers and colleges write them (``benchmarks/data/program_names.csv``): how often the
program classifier codes them to the right CIP 2020 program, first and among its first three answers, how often
it says it is unsure (below the alignment report's review threshold), and how often it is sure and wrong.

The names were written by hand from how US career centers, high schools and community colleges list their
programs, each with the CIP codes that would be right for it (several where schools really use several). The
``dev`` names were used while writing the classifier's program-name rules; the ``test`` names were written
before any of that and never looked at one by one, so they are the figure to quote. No benchmark name is in the
rules (``tests/classifier/test_program_names.py`` checks).

Peer, in the same run: a TF-IDF model over character 2–4-grams of every CIP title and NCES example, answering
with the nearest ones; the ratio of top-1 accuracies is printed.

Run: .venv/bin/python -m benchmarks.program_names   (or scripts/bench program_names)
"""

from __future__ import annotations

import csv
import tempfile
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from benchmarks.common import imported_store, machine
from careerclusters.alignment.rules import load_rules
from careerclusters.classifier.service import TextClassifier
from careerclusters.store import connect

NAMES = Path(__file__).with_name("data") / "program_names.csv"
WATCHED = ("HVAC", "EMT", "Auto Tech", "Health Technologies")


def load() -> list[dict[str, str]]:
    with NAMES.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def peer(conn, names: list[str]) -> list[list[str]]:  # noqa: ANN001 - a sqlite3 connection
    """The nearest CIP titles and examples by TF-IDF over character 2–4-grams, best three codes first."""
    rows = conn.execute("SELECT cip, title, examples FROM cip WHERE digits = 6 AND action NOT IN "
                        "('Deleted', 'Moved from')").fetchall()
    texts, codes = [], []
    for code, title, examples in rows:
        for text in [title, *(examples or "").removeprefix("Examples:").split(", -")]:
            if text.strip(" -,"):
                texts.append(text.strip(" -,"))
                codes.append(code)
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)
    index = vectorizer.fit_transform(texts)
    similarity = (vectorizer.transform(names) @ index.T).toarray()
    return [list(dict.fromkeys(codes[j] for j in np.argsort(-row)[:50]))[:3] for row in similarity]


def main() -> None:
    rows = load()
    threshold = load_rules().classifier.review_below_confidence
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(imported_store(Path(tmp)), readonly=True)
        started = time.perf_counter()
        classifier = TextClassifier.build(conn, "program")
        built = time.perf_counter() - started
        print(f"program names: {len(rows)} names ({machine()}); classifier built in {built:.1f} s; "
              f"review below confidence {threshold}")
        for split in ("dev", "test"):
            chosen = [r for r in rows if r["split"] == split]
            names, gold = [r["name"] for r in chosen], [set(r["cip"].split(";")) for r in chosen]
            answers = classifier.classify(names, k=3, explain=False)
            top1 = np.mean([a[0].code in g for a, g in zip(answers, gold, strict=True)])
            top3 = np.mean([any(c.code in g for c in a) for a, g in zip(answers, gold, strict=True)])
            unsure = np.mean([a[0].confidence < threshold for a in answers])
            sure_wrong = [n for n, a, g in zip(names, answers, gold, strict=True)
                          if a[0].code not in g and a[0].confidence >= threshold]
            peer_top1 = np.mean([p[0] in g for p, g in zip(peer(conn, names), gold, strict=True)])
            print(f"  {split:4} ({len(names)} names): top-1 {top1:.3f}, top-3 {top3:.3f}; flagged for review "
                  f"{unsure:.0%}; sure and wrong {len(sure_wrong)}"
                  + (f" ({', '.join(sure_wrong)})" if split == "test" else ""))
            print(f"        peer (TF-IDF nearest title): top-1 {peer_top1:.3f}; classifier/peer {top1 / peer_top1:.2f}")
        for name in WATCHED:
            best = classifier.classify([name], k=1, explain=False)[0][0]
            gold = next(set(r["cip"].split(";")) for r in rows if r["name"] == name)
            verdict = "right" if best.code in gold else "wrong, flagged" if best.confidence < threshold else "WRONG"
            print(f"  {name!r}: {best.code} {best.title} (confidence {best.confidence:.2f}, {verdict})")
        conn.close()


if __name__ == "__main__":
    main()
