"""A program's CIP code: the one given, checked against CIP 2020, or one found from its name by the program
classifier. A code the report cannot stand on is never judged: it is flagged with the reason.

- a code of the right shape that CIP 2020 does not have (51.3800: 51.38 is a series, not a program) is flagged,
  naming the series' programs to choose from;
- 99.9999, the crosswalk's "NO MATCH" rows (occupations no program leads to), is flagged: it is not a program;
- a code CIP 2020 deleted is flagged; one it moved (51.0808 → 01.8301) is followed, and the move noted;
- a name is coded by the classifier with its confidence and next candidates; below the rules' threshold it is
  flagged for review, and a name with no words to classify is flagged as such.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Literal

from pydantic import BaseModel

from careerclusters.alignment.programs import ProgramInput
from careerclusters.alignment.rules import Rules
from careerclusters.base.commands import command
from careerclusters.base.errors import UnavailableError
from careerclusters.classifier import TextClassifier
from careerclusters.classifier.batch import classify_each, unusable
from careerclusters.store import alignment as sq
from careerclusters.store import crosswalk as q

CodedBy = Literal["given", "classifier", "none"]


class Coding(BaseModel):
    """How a program got its CIP code, how sure that is, and why it is flagged if it is."""

    cip: str | None
    title: str | None
    coded_by: CodedBy
    confidence: float | None = None
    alternatives: list[str] = []  # the classifier's next candidates: "51.0801 Medical/Clinical Assistant"
    problem: str | None = None  # why the row is flagged; None: the code stands
    note: str | None = None  # something the reader should know that does not flag it (a moved code)



class NoProgramClassifier(UnavailableError):
    """Programs named without CIP codes where the program classifier is not available: the operator is told what
    to import; a visitor, what they can do about it themselves."""

    def for_visitors(self) -> str:
        from careerclusters.base.languages import gettext

        return gettext("Some programs have no CIP code, and this site cannot find codes from program names yet: "
                       "add the CIP codes to your file.")

def _moved_to(definition: str) -> str | None:
    found = re.search(r"Moved from \d{2}\.\d{4} to (\d{2}\.\d{4})", definition or "")
    return found.group(1) if found else None


def check_given(conn: sqlite3.Connection, code: str) -> Coding:
    """A given CIP code as CIP 2020 knows it (or as the imported crosswalks do, without the CIP list)."""
    if sq.is_no_match(conn, code):
        return Coding(cip=None, title=None, coded_by="given",
                      problem=f"{code} is the crosswalk's \"NO MATCH\" code (occupations no program leads to), "
                              "not a program: give the program's own CIP code")
    if "nces-cip" not in q.imported_kinds(conn):
        title = q.cip_title_from_crosswalks(conn, code)
        if title is None:
            return Coding(cip=None, title=None, coded_by="given",
                          problem=f"CIP {code} is in none of the imported crosswalks")
        return Coding(cip=code, title=title.rstrip("."), coded_by="given")
    row = q.cip(conn, code)
    if row is None or row["digits"] != 6:
        series = q.cip(conn, code[:5])
        if series is None:
            return Coding(cip=None, title=None, coded_by="given",
                          problem=f"{code} is not a CIP 2020 program code")
        choices = "; ".join(f"{r['cip']} {r['title']}" for r in sq.series_programs(conn, code[:5]))
        return Coding(cip=None, title=None, coded_by="given",
                      problem=f"{code} is not a CIP 2020 program code: {code[:5]} is the series "
                              f"\"{series['title']}\"; give one of its programs (such as {choices})")
    if row["action"] == "Deleted":
        return Coding(cip=None, title=None, coded_by="given", problem=f"CIP {code} was deleted in CIP 2020")
    moved = _moved_to(row["definition"]) if row["action"] == "Moved from" else None
    if moved and (target := q.cip(conn, moved)) is not None:
        return Coding(cip=moved, title=target["title"], coded_by="given",
                      note=f"CIP {code} moved to {moved} in CIP 2020; the report uses {moved}")
    return Coding(cip=code, title=row["title"], coded_by="given")


def code_programs(conn: sqlite3.Connection, programs: list[ProgramInput], classifier: TextClassifier | None,
                  rules: Rules) -> dict[int, Coding]:
    """Each program's coding, by input row: given codes checked, names through the program classifier."""
    coded = {p.row: check_given(conn, p.cip) for p in programs if p.cip}
    named = [p for p in programs if not p.cip]
    if not named:
        return coded
    if classifier is None and any(unusable(p.name) is None for p in named):
        raise NoProgramClassifier(f"{len(named)} programs have no CIP code and the program classifier is not "
                               f"available: import the NCES CIP list (`{command('data fetch')}`) or add codes")
    answers = classify_each(classifier, [p.name for p in named], k=3, explain=False) if classifier else []
    threshold = rules.classifier.review_below_confidence
    for program, (candidates, reason) in zip(named, answers or [([], "no words to classify")] * len(named),
                                             strict=True):
        if not candidates:
            coded[program.row] = Coding(cip=None, title=None, coded_by="none",
                                        problem=f"no CIP code could be found from its name ({reason})")
            continue
        best, others = candidates[0], candidates[1:]
        unsure = best.confidence < threshold
        coded[program.row] = Coding(
            cip=best.code, title=best.title, coded_by="classifier", confidence=best.confidence,
            alternatives=[f"{c.code} {c.title}" for c in others],
            problem=(f"coded from its name with low confidence ({best.confidence:.0%}); check the code, or give "
                     f"it (other candidates: {'; '.join(f'{c.code} {c.title}' for c in others)})")
            if unsure else None)
    return coded
