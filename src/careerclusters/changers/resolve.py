"""Which job a person means: an O*NET-SOC or SOC code, or a job title in their own words, read by the occupation
classifier. A title gets the classifier's readings (with confidence), so the person can pick another; the job
compared is the best reading whose work O*NET describes in enough detail to compare."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from careerclusters.base.codes import CodeError, occupation_code
from careerclusters.base.errors import CareerClustersError
from careerclusters.changers.index import ChangeIndex
from careerclusters.changers.model import Reading
from careerclusters.classifier import TextClassifier
from careerclusters.store import NotInDataError

#: How many of the classifier's readings of a title are offered.
READINGS = 6


class UnknownOccupationError(NotInDataError):
    """No occupation has this code; ``suggestions`` names the nearest codes the data has."""

    def __init__(self, message: str, suggestions: list[str]):
        self.suggestions = suggestions
        hint = f"; did you mean: {'; '.join(suggestions)}?" if suggestions else ""
        super().__init__(message + hint)


class NotComparableError(NotInDataError):
    """O*NET describes the occupation without the work activities, technologies or ratings a comparison needs
    (military occupations, most "All Other" ones); ``suggestions`` names readings or codes that have them."""

    def __init__(self, message: str, suggestions: list[str]):
        self.suggestions = suggestions
        hint = f"; try: {'; '.join(suggestions)}" if suggestions else ""
        super().__init__(message + hint)


@dataclass(frozen=True)
class Resolved:
    code: str
    readings: list[Reading]


#: What to tell a person whose job O*NET does not describe in enough detail (a veteran's military occupation).
CIVILIAN = ("the civilian job closest to the work you did, such as 'vehicle mechanic', 'supply clerk' or "
            "'security guard'")


def served(asked: str, readings: list[Reading], military_words: list[str]) -> bool:
    """Whether what a person typed says they served in the military: one of ``military_words`` in it, or a reading
    of it that is a military occupation (55-xxxx). Their list is still made from the best civilian reading, but
    a veteran is better served by the civilian job closest to the work they did, and the page says so."""
    typed = " ".join(re.findall(r"[a-z]+", asked.lower()))
    return any(r.code.startswith("55-") for r in readings) or any(
        re.search(rf"\b{re.escape(word.lower())}\b", typed) for word in military_words)


def resolve(index: ChangeIndex, asked: str, classifier: Callable[[], TextClassifier] | None,
            min_confidence: float) -> Resolved:
    """The job ``asked`` names (a code or a title). ``classifier`` is called only for a title; a reading other
    than the best is used only with at least ``min_confidence``."""
    text = asked.strip()
    if not text:
        raise CareerClustersError("type a job title (such as 'truck driver') or an occupation code (53-3032)")
    try:
        soc, onet_soc = occupation_code(text)
    except CodeError:
        if any(ch.isalpha() for ch in text):
            return _from_title(index, text, classifier, min_confidence)
        raise
    return Resolved(_from_code(index, soc, onet_soc), [])


def _describe(index: ChangeIndex, code: str) -> str:
    return f"{code} {index.titles[code]}"


def _from_code(index: ChangeIndex, soc: str, onet_soc: str | None) -> str:
    if onet_soc is not None and onet_soc not in index.titles:
        raise UnknownOccupationError(f"no O*NET occupation {onet_soc}", _nearest(index, onet_soc))
    if onet_soc is None:
        under = [c for c in index.codes if index.soc[c] == soc]
        if not under:
            raise UnknownOccupationError(f"no occupation {soc} in the O*NET database", _nearest(index, soc + ".00"))
        onet_soc = next((c for c in under if index.comparable(c)), under[0])
    if not index.comparable(onet_soc):
        alike = [c for c in index.codes if index.soc[c] == index.soc[onet_soc] and index.comparable(c)]
        raise NotComparableError(
            f"O*NET does not describe the work of {_describe(index, onet_soc)} in enough detail to compare it "
            "with other jobs", [_describe(index, c) for c in alike] or _nearest(index, onet_soc, comparable=True)
            or [CIVILIAN])
    return onet_soc


def _nearest(index: ChangeIndex, code: str, *, comparable: bool = False, limit: int = 5) -> list[str]:
    """Occupations whose codes share the longest start with ``code`` (its broad, minor or major group)."""
    pool = [c for c in index.codes if c != code and (index.comparable(c) or not comparable)]
    for width in (6, 5, 4, 2):
        near = [c for c in pool if c[:width] == code[:width]]
        if near:
            return [_describe(index, c) for c in near[:limit]]
    return []


def _from_title(index: ChangeIndex, text: str, classifier: Callable[[], TextClassifier] | None,
                min_confidence: float) -> Resolved:
    if classifier is None:
        raise CareerClustersError("reading a job title needs the occupation classifier: give a code instead")
    candidates = classifier().classify([text], k=READINGS)[0]
    readings = [Reading(code=str(c.code), title=c.title, confidence=round(float(c.confidence), 3),
                        has_data=str(c.code) in index.position and index.comparable(str(c.code)))
                for c in candidates]
    chosen = next((r.code for i, r in enumerate(readings) if r.has_data and (i == 0 or r.confidence >= min_confidence)),
                  None)
    if chosen is None:
        raise NotComparableError(
            f"O*NET does not describe the work of the jobs {text!r} reads as "
            f"({'; '.join(r.title for r in readings[:3])}) in enough detail to compare them with other jobs",
            [CIVILIAN])
    return Resolved(chosen, readings)
