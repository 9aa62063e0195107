"""Classifying a CSV file column by column: every input column is kept and the prediction appended.

Cells that cannot be classified (empty, only digits or symbols, too long) get an empty prediction and a
reason, so one bad cell never stops a file of 40,000 postings.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, MutableMapping, Sequence

from careerclusters.base.errors import CareerClustersError
from careerclusters.base.spreadsheets import FORMULA_STARTS, SafeDictWriter
from careerclusters.classifier import text as tx
from careerclusters.classifier.service import Candidate, Kind, TextClassifier

MAX_CHARS = 300
CHUNK = 2000
COLUMNS: dict[str, tuple[str, ...]] = {
    "occupation": ("onet_soc", "soc", "occupation_title", "confidence", "clusters", "sub_clusters", "alternatives",
                   "reason"),
    "program": ("cip", "program_title", "confidence", "clusters", "sub_clusters", "alternatives", "reason"),
}


#: A spreadsheet formula rather than a title: ``=…``, ``@…``, or ``+``/``-`` followed by a call, a sheet
#: reference or a pipe (``+cmd|' /C calc'!A0``, ``-SUM(A1)``); a plain "- Nurse" is still a title.
_FORMULA = re.compile(r"[=@].*|[+-].*[(!|].*", re.S)


def unusable(cell: str | None) -> str | None:
    """Why a cell cannot be classified, or None when it can: text with no job words at all (empty, only
    digits or symbols, a spreadsheet formula, too long) gets a reason instead of an occupation."""
    if cell is None or not cell.strip():
        return "empty"
    if len(cell) > MAX_CHARS:
        return f"longer than {MAX_CHARS} characters"
    if cell.lstrip(" ").startswith(FORMULA_STARTS) and _FORMULA.fullmatch(cell.strip()):
        return "a spreadsheet formula, not a title"
    if not re.search(r"[A-Za-z]{2}", cell):
        return "no words to classify"
    return None


def classify_each(classifier: TextClassifier, texts: list[str], k: int = 5, explain: bool = True
                  ) -> list[tuple[list[Candidate], str | None]]:
    """Each text's candidates (best first) and, when it has none, the reason: the one path by which the
    CLI, the batch file and the API code texts, so junk gets the same answer everywhere."""
    reasons = [unusable(t) for t in texts]
    usable = [t for t, why in zip(texts, reasons, strict=True) if why is None]
    answers = iter(classifier.classify(usable, k=k, explain=explain) if usable else [])
    results: list[tuple[list[Candidate], str | None]] = []
    for why in reasons:
        found = next(answers) if why is None else []
        results.append((found, why or (None if found else "no words to classify")))
    return results


def _fields(kind: Kind, best: Candidate | None, alternatives: list[Candidate], reason: str) -> dict[str, str]:
    if best is None:
        return dict.fromkeys(COLUMNS[kind], "") | {"reason": reason}
    shared = {"confidence": f"{best.confidence:.3f}", "clusters": ";".join(c.name for c in best.clusters),
              "sub_clusters": ";".join(s.name for s in best.subclusters),
              "alternatives": ";".join(c.code for c in alternatives), "reason": reason}
    if kind == "occupation":
        return {"onet_soc": best.code, "soc": best.soc or "", "occupation_title": best.title} | shared
    return {"cip": best.code, "program_title": best.title} | shared


def code_distinct(classifier: TextClassifier, texts: Sequence[str], k: int = 5,
                  on_progress: Callable[[int, int], None] | None = None,
                  known: MutableMapping[tuple[str, str | None], dict[str, str]] | None = None) -> list[dict[str, str]]:
    """The appended fields (``COLUMNS``) of each text, meant for the distinct cells of a file: postings repeat
    titles heavily, so texts that read the same to the model (one normalised form and head noun) are
    classified once (see ``text.reading``), in chunks, and ``on_progress`` hears how many are done.
    ``known`` holds the fields of readings classified before (with this classifier and ``k``); the new ones
    are added to it."""
    reasons = [unusable(t) for t in texts]
    keys = [None if why else tx.reading(t) for t, why in zip(texts, reasons, strict=True)]
    known = {} if known is None else known
    first: dict[tuple[str, str | None], str] = {}  # a reading not classified yet → the first text read so
    for text, key in zip(texts, keys, strict=True):
        if key is not None and key not in known:
            first.setdefault(key, text)
    distinct = list(first)
    for start in range(0, len(distinct), CHUNK):
        chunk = distinct[start:start + CHUNK]
        coded = classify_each(classifier, [first[key] for key in chunk], k=k, explain=False)
        for key, (found, why) in zip(chunk, coded, strict=True):
            known[key] = _fields(classifier.kind, found[0] if found else None, found, why or "")
        if on_progress:
            on_progress(start + len(chunk), len(distinct))
    return [known[key] if key is not None else _fields(classifier.kind, None, [], why or "")
            for key, why in zip(keys, reasons, strict=True)]


def classify_csv(classifier: TextClassifier, content: str, column: str, file: str,
                 on_progress: Callable[[int, int], None] | None = None, raw: bool = False, k: int = 5) -> str:
    """Classify the ``column`` of a CSV text and return the CSV with the prediction columns appended (``k``
    codes in ``alternatives``), safe to open in a spreadsheet unless ``raw`` (see ``spreadsheets``)."""
    reader = csv.DictReader(io.StringIO(content))
    header = reader.fieldnames or []
    if column not in header:
        raise CareerClustersError(f"{file}: no column {column!r} (columns: {', '.join(header) or 'none'})")
    check_no_clash(classifier.kind, header, file)
    rows = list(reader)
    texts = [r.get(column) or "" for r in rows]
    distinct = list(dict.fromkeys(texts))
    fields = dict(zip(distinct, code_distinct(classifier, distinct, k, on_progress), strict=True))
    out = io.StringIO()
    writer = SafeDictWriter(out, [*header, *COLUMNS[classifier.kind]], raw=raw, extrasaction="ignore")
    writer.writeheader()
    for row, text in zip(rows, texts, strict=True):
        writer.writerow({k: (v if v is not None else "") for k, v in row.items() if k is not None} | fields[text])
    return out.getvalue()


def check_no_clash(kind: Kind, header: Sequence[str], file: str) -> None:
    """Refuse input that already has an output column: appending would silently overwrite it."""
    clash = [c for c in COLUMNS[kind] if c in header]
    if clash:
        raise CareerClustersError(f"{file}: already has output column(s) {', '.join(clash)}; rename them first")
