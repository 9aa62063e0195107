"""Score the interest survey: from a person's answers to a RIASEC profile, clusters, sub-clusters,
occupations and programs, each recommendation with its reasons. Deterministic: the same answers and the
same imported data always give the same result.

How it works (the numbers are in ``survey/rules.yaml``):

1. **Profile.** Each RIASEC type scores 0–100: the mean of its interest items, like = 100, not sure (or
   unanswered) = 50, dislike = 0.
2. **Occupation fit.** The profile is compared with each occupation's O*NET occupational interest profile
   (1–7 per type) by Pearson correlation: the shapes are compared, so someone who likes everything is not
   told that every job fits. Fit runs from -1 to 1 (shown 0–100).
3. **Roll-up.** A sub-cluster's interest fit is the mean fit of its best-fitting occupations (the
   ``top_occupations`` best, through Advance CTE's SOC crosswalk), each weighted by log10 of its OEWS
   employment (the median where unknown); a cluster's likewise over all its occupations. So a cluster
   scores high when it has several good, sizeable fits, not merely one. Fits are then put on a common
   scale across the clusters (or sub-clusters): how many standard deviations above the average fit, halved
   and kept within -1..1.
4. **Checklist.** A cluster's evidence is (items liked − items disliked) / its items; a sub-cluster's mixes
   its own items (``own_items`` share) with its cluster's general ones (subjects, qualities).
5. **Purpose.** Liking a grouping's purpose adds +1 (disliking it -1) to its clusters and sub-clusters.
6. **Combined score** = the weighted sum of the three. With fewer than ``min_interest_answers`` decided
   interest answers the interest part gives no evidence; with no evidence at all, the result says it
   cannot tell instead of inventing a ranking.
7. **Preferences** (education, wage floor) only filter and annotate the occupations shown; they never
   change the profile or the ranking.

Without the official data, only the checklist and purpose parts are scored, and the result says so.
"""

from __future__ import annotations

import sqlite3
from typing import Annotated, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, field_validator

from careerclusters.base import languages as i18n
from careerclusters.base.errors import CareerClustersError
from careerclusters.base.languages import Language
from careerclusters.framework import load_framework
from careerclusters.survey import RIASEC, Answer, Instrument, Item, Part, Rules, load_instrument, load_rules
from careerclusters.survey.codec import encode
from careerclusters.survey.data import Occupation, SurveyData

#: An interest reason lists at most this many of the liked activities behind it.
MAX_DRIVING_ITEMS = 6
Education = Literal["high-school", "certificate", "associate", "bachelor", "graduate"]


class SurveyAnswers(BaseModel):
    """A filled-in survey: ``answers`` maps item ids to 0 (dislike), 1 (not sure) or 2 (like); items left
    out count as not sure. ``education`` is the most education the person plans to complete."""

    model_config = ConfigDict(extra="forbid")

    answers: dict[str, Annotated[int, Field(ge=0, le=2)]] = {}
    education: Education | None = None
    wage_floor: float | None = Field(default=None, ge=0, le=1_000_000, description="Lowest median annual wage.")
    lang: Language = "en"

    @field_validator("answers")
    @classmethod
    def _known_items(cls, answers: dict[str, int]) -> dict[str, int]:
        instrument = load_instrument("en")
        unknown = [i for i in answers if not instrument.has(i)]
        if unknown:
            raise ValueError(f"unknown item id {unknown[0]!r}" + (f" (and {len(unknown) - 1} more)"
                                                                  if len(unknown) > 1 else ""))
        return answers


class TypeScore(BaseModel):
    letter: str
    name: str
    score: int = Field(ge=0, le=100)


class ItemRef(BaseModel):
    id: str
    text: str
    answer: int


class Reason(BaseModel):
    part: Literal["interest", "cluster", "purpose"]
    text: str
    items: list[ItemRef]


class OccupationFit(BaseModel):
    soc: str
    title: str
    fit: int | None = Field(description="How well its interest profile matches yours, 0–100.")
    median_wage: float | None
    wage_marker: str | None
    openings_k: float | None
    entry_education: str | None
    bright_outlook: bool


class ProgramRef(BaseModel):
    cip: str
    title: str


class ClusterMatch(BaseModel):
    id: str
    name: str
    score: float = Field(description="Combined evidence; only its order means something.")
    reasons: list[Reason]


class SubclusterMatch(ClusterMatch):
    cluster_id: str
    cluster_name: str
    occupations: list[OccupationFit]
    programs: list[ProgramRef]
    note: str | None = None


class SurveyResult(BaseModel):
    """What the survey found. ``status`` is ``cannot_tell`` when the answers give no evidence either way;
    then ``clusters`` and ``subclusters`` are empty and ``message`` says why."""

    lang: Language
    status: Literal["ok", "cannot_tell"]
    message: str | None
    code: str = Field(description="The answers as a short code for a result link (/survey/result?a=…).")
    profile: list[TypeScore]
    top_types: list[str]
    parts_scored: list[Literal["interest", "cluster", "purpose"]]
    data_imported: bool
    notes: list[str]
    education: Education | None
    wage_floor: float | None
    clusters: list[ClusterMatch]
    subclusters: list[SubclusterMatch]


def parse_wage(text: str) -> float | None:
    """A wage floor as people type it ("40000", "$40,000"); empty means none."""
    cleaned = text.replace("$", "").replace(",", "").strip()
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise CareerClustersError(f"the wage floor must be a number of dollars a year, not {text!r}") from None
    if not 0 <= value <= 1_000_000:
        raise CareerClustersError("the wage floor must be between $0 and $1,000,000 a year")
    return value


def profile(instrument: Instrument, answers: dict[str, int]) -> np.ndarray:
    """The 0–100 score of each RIASEC type (in RIASEC order)."""
    values = {t: [] for t in RIASEC}
    for item in instrument.part(Part.INTEREST):
        values[item.key].append(answers.get(item.id, Answer.NOT_SURE) / 2)
    return np.array([100 * float(np.mean(values[t])) for t in RIASEC])


def fits(person: np.ndarray, profiles: np.ndarray) -> np.ndarray:
    """Pearson correlation of the person's profile with each occupation's (NaN where either is flat)."""
    p = person - person.mean()
    o = profiles - profiles.mean(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (o @ p) / (np.linalg.norm(o, axis=1) * np.linalg.norm(p))


def _roll_up(fit: np.ndarray, data: SurveyData, node_ids: list[str], top: int) -> dict[str, tuple[float, np.ndarray]]:
    """Each node's interest fit (weighted mean of its ``top`` best occupations) and those occupations' rows."""
    out = {}
    for node_id in node_ids:
        rows = data.members.get(node_id, np.array([], dtype=int))
        rows = rows[~np.isnan(fit[rows])] if len(rows) else rows
        if not len(rows):
            continue
        best = rows[np.argsort(-fit[rows], kind="stable")[:top]]
        out[node_id] = (float(np.average(fit[best], weights=data.weights[best])), best)
    return out


def _standardise(values: dict[str, float]) -> dict[str, float]:
    """Fits as (fit − mean) / (2 × standard deviation) across the nodes, within -1..1."""
    if len(values) < 2:
        return dict.fromkeys(values, 0.0)
    arr = np.array(list(values.values()))
    spread = float(arr.std()) or 1.0
    return {k: float(np.clip((v - arr.mean()) / (2 * spread), -1, 1)) for k, v in values.items()}


class _Scorer:
    """One scoring run: the answers, the instrument in the person's language, the rules and the data."""

    def __init__(self, sheet: SurveyAnswers, data: SurveyData | None, rules: Rules):
        self.sheet, self.data, self.rules = sheet, data, rules
        self.inst = load_instrument(sheet.lang)
        self.t = i18n.translator(sheet.lang)
        self.answers = sheet.answers
        self.fw = load_framework()
        self.parts = {part: self.inst.part(part) for part in Part}
        self.person = profile(self.inst, self.answers)
        self.clusters = [c.id for c in self.fw.clusters()]
        self.subclusters = [s.id for s in self.fw.subclusters()]

    def answer(self, item: Item) -> int:
        return self.answers.get(item.id, Answer.NOT_SURE)

    def ref(self, item: Item) -> ItemRef:
        return ItemRef(id=item.id, text=item.text, answer=self.answer(item))

    # -- the three parts ----------------------------------------------------------------------------
    def checklist(self, node_id: str, subcluster: bool) -> tuple[float, list[Item], list[Item], int]:
        """Evidence -1..1 for a node from its checklist items, with the items liked, disliked and counted."""
        cluster_id = self.fw.node(node_id).parent_id if subcluster else node_id
        general = [i for i in self.parts[Part.CLUSTER] if i.cluster_id == cluster_id]
        own = [i for i in general if i.subcluster_id == node_id] if subcluster else general

        def net(group: list[Item]) -> float:
            return sum(self.answer(i) - 1 for i in group) / len(group) if group else 0.0

        if subcluster:
            share = self.rules.weights.own_items
            value = share * net(own) + (1 - share) * net([i for i in general if i.subcluster_id is None])
            counted = own + [i for i in general if i.subcluster_id is None]
        else:
            value, counted = net(general), general
        return value, [i for i in counted if self.answer(i) == Answer.LIKE], \
            [i for i in counted if self.answer(i) == Answer.DISLIKE], len(counted)

    def purpose(self, cluster_id: str) -> tuple[float, Item | None]:
        grouping = self.fw.node(cluster_id).parent_id
        for item in self.parts[Part.PURPOSE]:
            if item.key == grouping and self.answer(item) != Answer.NOT_SURE:
                return float(self.answer(item) - 1), item
        return 0.0, None

    # -- the whole result -----------------------------------------------------------------------------
    def run(self) -> SurveyResult:
        _ = self.t.gettext
        person = self.person
        decided = [i for i in self.inst.items if self.answer(i) != Answer.NOT_SURE]
        decided_interest = sum(1 for i in decided if i.part is Part.INTEREST)
        interest_ok = decided_interest >= self.rules.results.min_interest_answers and person.max() > person.min()
        top_types = strongest(person) if interest_ok else []
        parts = [p for p in ("interest", "cluster", "purpose")
                 if any(i.part.value == p for i in decided) and (p != "interest" or interest_ok)]
        if "interest" in parts and self.data is None:
            parts.remove("interest")
        notes = []
        if self.data is None:
            notes.append(_("Only the checklist and purpose parts could be scored: occupations, wages and the "
                           "interest comparison need official data that is not loaded yet."))
        elif decided_interest and not interest_ok:
            notes.append(_("Too few interest activities were answered with like or dislike to compare your "
                           "interests with occupations."))
        base = dict(lang=self.sheet.lang, code=encode(self.answers, self.inst),
                    profile=[TypeScore(letter=letter, name=type_name(letter, self.sheet.lang), score=round(s))
                             for letter, s in zip(RIASEC, person, strict=True)],
                    top_types=top_types, parts_scored=parts, data_imported=self.data is not None, notes=notes,
                    education=self.sheet.education, wage_floor=self.sheet.wage_floor)
        if not parts:
            return SurveyResult(status="cannot_tell", clusters=[], subclusters=[], **base, message=_(
                "Your answers do not point anywhere yet: nothing is ticked on the checklist and (almost) every "
                "activity is answered “not sure”. Answer some activities with like or dislike, or pick the "
                "checklist items that fit you, and the survey can suggest clusters."))
        fit = fits(person, self.data.profiles) if self.data is not None and "interest" in parts else None
        clusters = [ClusterMatch(id=m.id, name=m.name, score=m.score, reasons=m.reasons)
                    for m in self._rank(self.clusters, fit, False, self.rules.results.clusters)]
        subclusters = self._rank(self.subclusters, fit, True, self.rules.results.subclusters)
        if not clusters:
            return SurveyResult(status="cannot_tell", clusters=[], subclusters=[], **base, message=_(
                "Your answers say more about what you do not like than what you do, so no cluster stands out. "
                "Try choosing the activities and checklist items you would enjoy, even a little."))
        return SurveyResult(status="ok", message=None, clusters=clusters,
                            subclusters=[self._detail(s, fit) for s in subclusters], **base)

    def _rank(self, node_ids: list[str], fit: np.ndarray | None, subcluster: bool, keep: int
              ) -> list[SubclusterMatch]:
        """The ``keep`` best nodes by combined score (ties in framework order), with their reasons; only
        nodes with some evidence for them (a score above 0) are recommended."""
        w = self.rules.weights
        rolled = _roll_up(fit, self.data, node_ids, self.rules.roll_up.top_occupations) \
            if fit is not None and self.data is not None else {}
        interest = _standardise({k: v for k, (v, _rows) in rolled.items()})
        scores = []
        for position, node_id in enumerate(node_ids):
            cluster_id = self.fw.node(node_id).parent_id if subcluster else node_id
            check = self.checklist(node_id, subcluster)[0]
            score = w.interest * interest.get(node_id, 0.0) + w.checklist * check + w.purpose * self.purpose(
                cluster_id)[0]
            scores.append((-score, position, node_id, cluster_id))
        matches = []
        for negative, _position, node_id, cluster_id in [s for s in sorted(scores) if s[0] < 0][:keep]:
            _check, liked, disliked, total = self.checklist(node_id, subcluster)
            reasons = self._reasons(node_id, rolled.get(node_id), interest.get(node_id), liked, disliked, total,
                                    self.purpose(cluster_id)[1])
            matches.append(SubclusterMatch(
                id=node_id, name=self.inst.name(node_id), score=round(-negative, 4), reasons=reasons,
                cluster_id=cluster_id, cluster_name=self.inst.name(cluster_id), occupations=[], programs=[]))
        return matches

    def _reasons(self, node_id: str, rolled: tuple[float, np.ndarray] | None, relative: float | None,
                 liked: list[Item], disliked: list[Item], total: int, purpose_item: Item | None) -> list[Reason]:
        _ = self.t.gettext
        name = self.inst.name(node_id)
        reasons = []
        if liked or disliked:
            text = _("You chose %(chosen)d of the %(total)d %(name)s items.") % {
                "chosen": len(liked), "total": total, "name": name}
            if disliked:
                text += " " + _("You disliked %(n)d of them.") % {"n": len(disliked)}
            reasons.append(Reason(part="cluster", text=text, items=[self.ref(i) for i in liked + disliked]))
        if rolled is not None and relative is not None and self.data is not None:
            _fit, rows = rolled
            reasons.append(self._interest_reason(rows, relative))
        if purpose_item is not None:
            grouping = self.fw.node(purpose_item.key)
            text = _("It belongs to %(grouping)s, the kind of impact you said you want to make.") \
                if self.answer(purpose_item) == Answer.LIKE else \
                _("It belongs to %(grouping)s, a kind of impact you said does not appeal to you.")
            reasons.append(Reason(part="purpose", text=text % {"grouping": self.inst.name(grouping.id)},
                                  items=[self.ref(purpose_item)]))
        return reasons

    def _interest_reason(self, rows: np.ndarray, relative: float) -> Reason:
        _, lang = self.t.gettext, self.sheet.lang
        data = self.data
        assert data is not None
        typical = np.average(data.profiles[rows], axis=0, weights=data.weights[rows])
        theirs = [RIASEC[n] for n in np.argsort(-typical, kind="stable")[:2]]
        yours = strongest(self.person)
        names = [type_name(x, lang) for x in yours]
        values = {"types": "–".join(type_name(x, lang) for x in theirs), "example": data.occupations[rows[0]].title,
                  "yours": _("%(first)s and %(second)s") % {"first": names[0], "second": names[1]}
                  if len(names) == 2 else "".join(names)}
        shared = [x for x in theirs if x in yours]
        if not yours:
            text = _("Its jobs that fit you best, such as %(example)s, are mostly %(types)s.")
        elif shared and len(yours) == 1:
            text = _("Its jobs that fit you best, such as %(example)s, are mostly %(types)s, led by your top type, "
                     "%(yours)s.")
        elif set(theirs) == set(yours):
            text = _("Its jobs that fit you best, such as %(example)s, are mostly %(types)s, like your top two "
                     "types.")
        elif shared:
            values["shared"] = type_name(shared[0], lang)
            text = _("Its jobs that fit you best, such as %(example)s, are mostly %(types)s: they share "
                     "%(shared)s with your top two types (%(yours)s).")
        else:
            text = _("Its jobs that fit you best, such as %(example)s, are mostly %(types)s; your strongest "
                     "interests are %(yours)s.")
        text = text % values
        if relative >= 0.25:
            text += " " + _("Your interests fit its jobs better than most.")
        elif relative <= -0.25:
            text += " " + _("Your interests fit its jobs less well than most.")
        driving = [i for i in self.parts[Part.INTEREST] if i.key in shared and self.answer(i) == Answer.LIKE]
        return Reason(part="interest", text=text, items=[self.ref(i) for i in driving[:MAX_DRIVING_ITEMS]])

    def _detail(self, match: SubclusterMatch, fit: np.ndarray | None) -> SubclusterMatch:
        """A sub-cluster's occupations (best fit first, within the preferences) and programs."""
        if self.data is None:
            return match
        _ = self.t.gettext
        limits, sheet = self.rules.results, self.sheet
        rows = list(self.data.members.get(match.id, []))
        if fit is not None:
            order = np.nan_to_num(fit, nan=-2.0)
            rows.sort(key=lambda r: -order[r])
        else:
            rows.sort(key=lambda r: -(self.data.occupations[r].openings_k or 0))
        planned = self.inst.education_levels().index(sheet.education) if sheet.education else None
        kept = [r for r in rows if _within(self.data.occupations[r], planned, sheet.wage_floor)]
        shown = kept[:limits.occupations]
        occupations = [OccupationFit(
            soc=o.soc, title=o.title, median_wage=o.median_wage, wage_marker=o.wage_marker, openings_k=o.openings_k,
            entry_education=o.entry_education, bright_outlook=o.bright_outlook,
            fit=None if fit is None or np.isnan(fit[r]) else round(50 * (fit[r] + 1)))
            for r in shown for o in [self.data.occupations[r]]]
        note = None
        if not rows:
            note = _("The crosswalk lists no occupations here yet.")
        elif len(kept) < min(3, len(rows)):
            note = _("Only %(kept)d of its %(total)d occupations fit your education plan and wage floor.") % {
                "kept": len(kept), "total": len(rows)}
        socs = {o.soc for o in occupations}
        candidates = self.data.programs.get(match.id, [])
        ranked = sorted(candidates, key=lambda p: (-len(self.data.leads_to.get(p.cip, set()) & socs), p.cip))
        programs = [ProgramRef(cip=p.cip, title=p.title) for p in ranked[:limits.programs]]
        return match.model_copy(update={"occupations": occupations, "programs": programs, "note": note})


def _within(occupation: Occupation, planned: int | None, wage_floor: float | None) -> bool:
    """Whether an occupation fits the preferences; an unknown level or wage is not held against it."""
    if planned is not None and occupation.level is not None and occupation.level > planned:
        return False
    wage = occupation.median_wage
    return not (wage_floor is not None and wage is not None and wage < wage_floor)


def strongest(person: np.ndarray) -> list[str]:
    """The person's top two types, or one, or none: only types that stand above the rest (a tie for second
    place leaves just the first; a flat profile has none)."""
    order = np.argsort(-person, kind="stable")
    top = [RIASEC[n] for n in order[:2] if person[n] > person[order[2]]]
    if len(top) < 2 and person[order[0]] > person[order[1]]:
        return [RIASEC[order[0]]]
    return top


def type_name(letter: str, lang: str) -> str:
    """A RIASEC type's name in ``lang``."""
    _ = i18n.translator(lang).gettext
    names = {"R": _("Realistic"), "I": _("Investigative"), "A": _("Artistic"), "S": _("Social"),
             "E": _("Enterprising"), "C": _("Conventional")}
    return names[letter]


def score(sheet: SurveyAnswers, data: SurveyData | None, rules: Rules | None = None) -> SurveyResult:
    """Score a filled-in survey against ``data`` (None: the embedded framework only)."""
    return _Scorer(sheet, data, rules or load_rules()).run()


def score_answers(answers: SurveyAnswers | dict, conn: sqlite3.Connection | None = None) -> SurveyResult:
    """The Python entry point: score ``answers`` (a ``SurveyAnswers`` or its dict form) with the data in
    ``conn`` (an open store), or with the embedded framework alone when ``conn`` is None."""
    sheet = answers if isinstance(answers, SurveyAnswers) else SurveyAnswers.model_validate(answers)
    return score(sheet, SurveyData.load(conn) if conn is not None else None)

