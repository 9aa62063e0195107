"""Score the interest survey: from a person's answers to a RIASEC profile, clusters, sub-clusters,
occupations and programs, each recommendation with its reasons. Deterministic: the same answers and the
same imported data always give the same result.

How it works (the numbers are in ``survey/rules.yaml``):

1. **Profile.** Each RIASEC type scores -100..100: its likes minus its dislikes, as a share of its interest
   items. "Not sure" (or unanswered) counts for nothing either way, so a type the person never liked is never
   shown as half-liked; the result also says how many of each type's activities were liked and disliked.
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
6. **Combined score** = the weighted sum of the three, and the result is a ranking: the best-scoring
   clusters and sub-clusters are shown even when every score is below zero (someone who dislikes most of
   the checklist but likes one cluster's items gets that cluster). With fewer than ``min_interest_answers``
   decided interest answers the interest part gives no evidence. The result says it cannot tell only when
   nothing is liked at all, or the answers are flat (every cluster scores the same).
7. **Accounted for.** A liked checklist item whose cluster and sub-cluster are not among the results is
   still shown: where it fits, its place in the ranking, why it ranks lower, and a few of its jobs.
8. **Examples.** The jobs a result names for a node are those that fit the person *and* are typical of
   the node (``examples`` in the rules), with openings, so that a cluster is never explained by a job that
   is in it by a quirk of the crosswalk.
9. **Preferences** (education, wage floor) only filter and annotate the occupations shown; they never
   change the profile or the ranking.

Without the official data, only the checklist and purpose parts are scored, and the result says so.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Annotated, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, field_validator

from careerclusters.base import languages as i18n
from careerclusters.base.errors import CareerClustersError
from careerclusters.base.languages import Language
from careerclusters.base.translations import title_in
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
    about: str = Field(description="What the type means, in one plain sentence.")
    liked: int = Field(ge=0, description="How many of its activities were answered “like”.")
    disliked: int = Field(ge=0, description="How many were answered “dislike”.")
    items: int = Field(ge=1, description="How many activities the survey asks for this type.")
    score: int = Field(ge=-100, le=100, description="Likes minus dislikes as a share of its activities: 100 liked "
                                                    "every one, -100 disliked every one, 0 neutral (not sure, "
                                                    "or as many likes as dislikes).")


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


class Elsewhere(BaseModel):
    """Liked checklist items whose cluster and sub-cluster are not among the results: where they fit (a
    sub-cluster, or the whole cluster for a general item), its place in this person's ranking and why it
    ranks lower, with a few of its jobs."""

    id: str
    name: str
    level: Literal["cluster", "subcluster"]
    cluster_id: str
    cluster_name: str
    rank: int = Field(ge=1, description="Its place among every cluster (or sub-cluster) for these answers.")
    out_of: int
    items: list[ItemRef]
    text: str
    occupations: list[OccupationFit]


class SurveyResult(BaseModel):
    """What the survey found. ``status`` is ``cannot_tell`` when nothing is liked or the answers are flat;
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
    elsewhere: list[Elsewhere] = Field(default_factory=list,
                                       description="Liked checklist items not accounted for by the results above.")


class WageError(CareerClustersError, ValueError):
    """A wage floor that cannot be read; the message is in the person's language, for beside the field."""


_WAGE = re.compile(r"^(?P<number>\d+(?:[.,]\d+)*)\s*(?P<unit>k|mil|thousand)?$")
_CURRENCY = re.compile(r"\$|\b(?:usd|dollars?|d[oó]lares)\b")


def parse_wage(text: str, lang: str = "en") -> float | None:
    """A wage floor as people type it: "40000", "$40,000", "40k", "40 mil" (Spanish thousands), "40.000" (a
    Spanish thousands point), "40,5k"; empty means none. A number that is not a wage raises ``WageError``."""
    _ = i18n.translator(lang).gettext
    cleaned = _CURRENCY.sub("", text.lower()).strip()
    if not cleaned:
        return None
    match = _WAGE.match(cleaned)
    if match is None:
        raise WageError(_("Type the pay as a number of dollars a year, such as 40000 or 40k (not “%(text)s”).")
                        % {"text": text.strip()[:20]})
    value = _wage_number(match["number"], thousands=match["unit"] is not None)
    if match["unit"] is not None:
        value *= 1000
    if 0 < value < 1000:
        raise WageError(_("%(text)s is too little for a year’s pay. Did you mean %(guess)s? Type the pay for a "
                          "whole year, such as 40000.") % {"text": text.strip()[:20], "guess": f"${value * 1000:,.0f}"})
    if value > 1_000_000:
        raise WageError(_("Type a yearly pay between $0 and $1,000,000."))
    return value


def _wage_number(number: str, thousands: bool) -> float:
    """A number typed with ``,`` or ``.`` between groups of three (40,000 or 40.000) or as a decimal mark
    (40.5k, 40,5 mil): a separator followed by exactly three digits groups thousands, unless a unit follows."""
    parts = re.split(r"[.,]", number)
    if len(parts) == 1:
        return float(number)
    if not thousands and all(len(p) == 3 for p in parts[1:]):
        return float("".join(parts))
    if len(parts) == 2:
        return float(f"{parts[0]}.{parts[1]}")
    return float("".join(parts[:-1]) + "." + parts[-1])


def profile(instrument: Instrument, answers: dict[str, int]) -> np.ndarray:
    """Each RIASEC type's net liking, -100..100, in RIASEC order: likes minus dislikes as a share of its
    interest items, "not sure" counting for nothing."""
    values = {t: [] for t in RIASEC}
    for item in instrument.part(Part.INTEREST):
        values[item.key].append(answers.get(item.id, Answer.NOT_SURE) - Answer.NOT_SURE)
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


@dataclass(frozen=True)
class _Tally:
    """A group of checklist items and how they were answered."""

    items: list[Item]
    liked: list[Item]
    disliked: list[Item]

    @property
    def net(self) -> float:
        return (len(self.liked) - len(self.disliked)) / len(self.items) if self.items else 0.0


@dataclass(frozen=True)
class _Scored:
    """One cluster or sub-cluster's evidence from each part (each -1..1, before weighting) and its total."""

    node_id: str
    cluster_id: str
    interest: float
    checklist: float
    purpose: float
    total: float


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
        self.rolled: dict[str, tuple[float, np.ndarray]] = {}  # node id -> interest roll-up (fit, best rows)
        self.ordered: dict[str, list[int]] = {}  # node id -> its occupation rows, best examples first

    def answer(self, item: Item) -> int:
        return self.answers.get(item.id, Answer.NOT_SURE)

    def ref(self, item: Item) -> ItemRef:
        return ItemRef(id=item.id, text=item.text, answer=self.answer(item))

    def tally(self, items: list[Item]) -> _Tally:
        return _Tally(items, [i for i in items if self.answer(i) == Answer.LIKE],
                      [i for i in items if self.answer(i) == Answer.DISLIKE])

    # -- the three parts ----------------------------------------------------------------------------
    def checklist(self, node_id: str, subcluster: bool) -> tuple[float, _Tally, _Tally | None]:
        """Evidence -1..1 for a node from its checklist items, with the tally of its own items and, for a
        sub-cluster, of its cluster's general items (subjects, qualities), which it shares with its siblings."""
        cluster_id = self.fw.node(node_id).parent_id if subcluster else node_id
        items = [i for i in self.parts[Part.CLUSTER] if i.cluster_id == cluster_id]
        if not subcluster:
            own = self.tally(items)
            return own.net, own, None
        own, general = self.tally([i for i in items if i.subcluster_id == node_id]), \
            self.tally([i for i in items if i.subcluster_id is None])
        share = self.rules.weights.own_items
        return share * own.net + (1 - share) * general.net, own, general

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
        base = dict(lang=self.sheet.lang, code=encode(self.answers, self.inst), profile=self._profile(),
                    top_types=top_types, parts_scored=parts, data_imported=self.data is not None, notes=notes,
                    education=self.sheet.education, wage_floor=self.sheet.wage_floor)
        liked = any(self.answer(i) == Answer.LIKE for i in decided)
        if not parts or not liked:
            return SurveyResult(status="cannot_tell", clusters=[], subclusters=[], **base,
                                message=self._cannot_tell(decided, liked))
        fit = fits(person, self.data.profiles) if self.data is not None and "interest" in parts else None
        clusters, subclusters = self._score(self.clusters, fit, False), self._score(self.subclusters, fit, True)
        if len(clusters) == len(self.clusters) and clusters[0].total - clusters[-1].total < 1e-9:
            return SurveyResult(status="cannot_tell", clusters=[], subclusters=[], **base, message=_(
                "You answered about every cluster the same way, so none stands out. Try saying which activities "
                "and checklist items you like more and which less."))
        limits = self.rules.results
        return SurveyResult(
            status="ok", message=None, **base,
            clusters=[ClusterMatch(id=s.node_id, name=self.inst.name(s.node_id), score=round(s.total, 4),
                                   reasons=self._reasons(s, fit, False)) for s in clusters[:limits.clusters]],
            subclusters=[self._detail(s, fit) for s in subclusters[:limits.subclusters]],
            elsewhere=self._elsewhere(clusters, subclusters, fit))

    def _cannot_tell(self, decided: list[Item], liked: bool) -> str:
        _ = self.t.gettext
        if decided and not liked:
            return _("Your answers say what you do not like, but nothing you like yet, so no cluster stands out. "
                     "Try choosing the activities and checklist items you would enjoy, even a little.")
        if decided and all(self.answer(i) == Answer.LIKE for i in decided) and \
                len(decided) >= self.rules.results.min_interest_answers:
            return _("You liked everything you answered, so no cluster stands out above the others. Try saying "
                     "which activities you like more and which less.")
        return _("Your answers do not point anywhere yet: nothing is ticked on the checklist and (almost) every "
                 "activity is answered “not sure”. Answer some activities with like or dislike, or pick the "
                 "checklist items that fit you, and the survey can suggest clusters.")

    def _profile(self) -> list[TypeScore]:
        lang, scores = self.sheet.lang, []
        for letter, value in zip(RIASEC, self.person, strict=True):
            tally = self.tally([i for i in self.parts[Part.INTEREST] if i.key == letter])
            scores.append(TypeScore(letter=letter, name=type_name(letter, lang), about=type_about(letter, lang),
                                    liked=len(tally.liked), disliked=len(tally.disliked), items=len(tally.items),
                                    score=round(value)))
        return scores

    def _score(self, node_ids: list[str], fit: np.ndarray | None, subcluster: bool) -> list[_Scored]:
        """Every node's evidence, best first (ties in framework order): a ranking with no threshold, of the
        nodes the answers say anything about."""
        w = self.rules.weights
        rolled = _roll_up(fit, self.data, node_ids, self.rules.roll_up.top_occupations) \
            if fit is not None and self.data is not None else {}
        interest = _standardise({k: v for k, (v, _rows) in rolled.items()})
        scored = []
        for node_id in node_ids:
            cluster_id = self.fw.node(node_id).parent_id if subcluster else node_id
            _check, own, general = self.checklist(node_id, subcluster)
            purpose, purpose_item = self.purpose(cluster_id)
            answered = [i for tally in (own, general) if tally for i in tally.liked + tally.disliked]
            if node_id not in interest and not answered and purpose_item is None:
                continue  # no evidence either way: never recommended by the order of the framework alone
            parts = (interest.get(node_id, 0.0), _check, purpose)
            total = w.interest * parts[0] + w.checklist * parts[1] + w.purpose * parts[2]
            scored.append(_Scored(node_id, cluster_id, *parts, total=round(total, 10)))
        self.rolled.update(rolled)
        return sorted(scored, key=lambda s: -s.total)  # stable: ties keep framework order

    def _reasons(self, scored: _Scored, fit: np.ndarray | None, subcluster: bool) -> list[Reason]:
        """A node's reasons: its checklist items, its interest fit, the purpose of its grouping."""
        _check, own, general = self.checklist(scored.node_id, subcluster)
        reasons = self._checklist_reasons(scored.node_id, scored.cluster_id, own, general)
        rolled = self.rolled.get(scored.node_id)
        if rolled is not None and fit is not None and self.data is not None:
            reasons.append(self._interest_reason(scored.node_id, rolled[1], scored.interest, fit))
        purpose_item = self.purpose(scored.cluster_id)[1]
        if purpose_item is not None:
            reasons.append(self._purpose_reason(purpose_item))
        return reasons

    def _checklist_reasons(self, node_id: str, cluster_id: str, own: _Tally, general: _Tally | None) -> list[Reason]:
        """What the checklist said about a node: its own items, and apart from them (for a sub-cluster) the
        general items it shares with the rest of its cluster, named as the cluster's."""
        _ = self.t.gettext
        reasons = []
        if own.liked or own.disliked:
            if len(own.items) == 1:
                text = (_("You picked “%(item)s”.") if own.liked else _("You said you dislike “%(item)s”.")) % {
                    "item": own.items[0].text}
            else:
                text = self._tally_text(own, _("You chose %(chosen)d of the %(total)d %(name)s items."),
                                        _("You disliked %(n)d of the %(total)d %(name)s items."),
                                        name=self.inst.name(node_id))
            reasons.append(Reason(part="cluster", text=text, items=[self.ref(i) for i in own.liked + own.disliked]))
        if general is not None and (general.liked or general.disliked):
            text = self._tally_text(
                general, _("For %(name)s as a whole, you chose %(chosen)d of its %(total)d general items: school "
                           "subjects and what you are like."),
                _("For %(name)s as a whole, you disliked %(n)d of its %(total)d general items: school subjects and "
                  "what you are like."), name=self.inst.name(cluster_id))
            reasons.append(Reason(part="cluster", text=text,
                                  items=[self.ref(i) for i in general.liked + general.disliked]))
        return reasons

    def _tally_text(self, tally: _Tally, chosen: str, disliked_only: str, name: str) -> str:
        """How many of a group of items were liked (and disliked), or only how many were disliked."""
        values = {"chosen": len(tally.liked), "n": len(tally.disliked), "total": len(tally.items), "name": name}
        if not tally.liked:
            return disliked_only % values
        text = chosen % values
        if tally.disliked:
            text += " " + self.t.gettext("You disliked %(n)d of them.") % values
        return text

    def _purpose_reason(self, item: Item) -> Reason:
        _ = self.t.gettext
        text = _("It belongs to %(grouping)s, the kind of impact you said you want to make.") \
            if self.answer(item) == Answer.LIKE else \
            _("It belongs to %(grouping)s, a kind of impact you said does not appeal to you.")
        return Reason(part="purpose", text=text % {"grouping": self.inst.name(item.key)}, items=[self.ref(item)])

    def _interest_reason(self, node_id: str, rows: np.ndarray, relative: float, fit: np.ndarray) -> Reason:
        _, lang = self.t.gettext, self.sheet.lang
        data = self.data
        assert data is not None
        typical = np.average(data.profiles[rows], axis=0, weights=data.weights[rows])
        theirs = [RIASEC[n] for n in np.argsort(-typical, kind="stable")[:2]]
        yours = strongest(self.person)
        example = self._ordered(node_id, fit)[0]
        job = data.occupations[example]
        values = {"types": two_types(theirs, lang), "example": title_in(lang, job.soc, job.title),
                  "yours": two_types(yours, lang)}
        shared = [x for x in theirs if x in yours]
        if not yours:
            text = _("Its jobs that fit you best, such as %(example)s, mostly suit %(types)s people.")
        elif shared and len(yours) == 1:
            text = _("Its jobs that fit you best, such as %(example)s, mostly suit %(types)s people. %(yours)s is "
                     "your top type.")
        elif set(theirs) == set(yours):
            text = _("Its jobs that fit you best, such as %(example)s, mostly suit %(types)s people, the same as "
                     "your top two types.")
        elif shared:
            values["shared"] = type_name(shared[0], lang)
            text = _("Its jobs that fit you best, such as %(example)s, mostly suit %(types)s people. %(shared)s is "
                     "one of your top two types.")
        else:
            text = _("Its jobs that fit you best, such as %(example)s, mostly suit %(types)s people. Your top "
                     "types are %(yours)s.")
        text = text % values
        if relative >= 0.25:
            text += " " + _("Your interests fit its jobs better than most.")
        elif relative <= -0.25:
            text += " " + _("Your interests fit its jobs less well than most.")
        driving = [i for i in self.parts[Part.INTEREST] if i.key in shared and self.answer(i) == Answer.LIKE]
        return Reason(part="interest", text=text, items=[self.ref(i) for i in driving[:MAX_DRIVING_ITEMS]])

    # -- jobs and programs ----------------------------------------------------------------------------
    def _ordered(self, node_id: str, fit: np.ndarray | None) -> list[int]:
        """A node's occupation rows, the best examples first (``examples`` in the rules): jobs with openings
        that are not catch-alls, then by fit to the person plus how typical the job is of the node plus a
        little for its openings (typicality and openings alone without the interest part), then by code.
        Kept for the run: a node's reasons, jobs and place under "elsewhere" ask for the same order."""
        if node_id in self.ordered:
            return self.ordered[node_id]
        assert self.data is not None
        rows = self.data.members.get(node_id, np.array([], dtype=int))
        occupations = [self.data.occupations[r] for r in rows]
        examples = self.rules.examples
        openings = np.array([o.openings_k or 0.0 for o in occupations])
        match = np.nan_to_num(self.data.typicality.get(node_id, np.zeros(len(rows))), nan=-1.0) \
            + examples.openings_weight * np.log10(np.maximum(openings * 1000, 1.0))
        if fit is not None:
            match = match + np.nan_to_num(fit[rows], nan=-1.0)
        minor = [o.residual or n < examples.min_openings_k for o, n in zip(occupations, openings, strict=True)]
        order = sorted(range(len(rows)), key=lambda n: (minor[n], -match[n], occupations[n].soc))
        self.ordered[node_id] = [int(rows[n]) for n in order]
        return self.ordered[node_id]

    def _jobs(self, node_id: str, fit: np.ndarray | None) -> tuple[list[OccupationFit], int, int]:
        """The node's jobs to show (within the preferences, best examples first), how many passed, how many
        there are."""
        assert self.data is not None
        sheet = self.sheet
        rows = self._ordered(node_id, fit)
        planned = self.inst.education_levels().index(sheet.education) if sheet.education else None
        kept = [r for r in rows if _within(self.data.occupations[r], planned, sheet.wage_floor)]
        return [OccupationFit(
            soc=o.soc, title=o.title, median_wage=o.median_wage, wage_marker=o.wage_marker, openings_k=o.openings_k,
            entry_education=o.entry_education, bright_outlook=o.bright_outlook,
            fit=None if fit is None or np.isnan(fit[r]) else round(50 * (fit[r] + 1)))
            for r in kept for o in [self.data.occupations[r]]], len(kept), len(rows)

    def _detail(self, scored: _Scored, fit: np.ndarray | None) -> SubclusterMatch:
        """A sub-cluster with its reasons, its occupations (within the preferences) and programs."""
        _ = self.t.gettext
        match = SubclusterMatch(id=scored.node_id, name=self.inst.name(scored.node_id), score=round(scored.total, 4),
                                reasons=self._reasons(scored, fit, True), cluster_id=scored.cluster_id,
                                cluster_name=self.inst.name(scored.cluster_id), occupations=[], programs=[])
        if self.data is None:
            return match
        limits = self.rules.results
        jobs, kept, total = self._jobs(match.id, fit)
        note = None
        if not total:
            note = _("The crosswalk lists no occupations here yet.")
        elif not kept:
            note = _("None of its %(total)d occupations fit your education plan and wage floor.") % {"total": total}
        elif kept < min(3, total):
            note = _("Only %(kept)d of its %(total)d occupations fit your education plan and wage floor.") % {
                "kept": kept, "total": total}
        socs = {o.soc for o in jobs[:limits.occupations]}
        candidates = self.data.programs.get(match.id, [])
        ranked = sorted(candidates, key=lambda p: (-len(self.data.leads_to.get(p.cip, set()) & socs), p.cip))
        return match.model_copy(update={"occupations": jobs[:limits.occupations], "note": note,
                                        "programs": [ProgramRef(cip=p.cip, title=p.title)
                                                     for p in ranked[:limits.programs]]})

    # -- liked items the results above do not cover -----------------------------------------------------
    def _elsewhere(self, clusters: list[_Scored], subclusters: list[_Scored], fit: np.ndarray | None
                   ) -> list[Elsewhere]:
        """Every liked checklist item whose cluster is not among the top clusters and whose sub-cluster is not
        among the top sub-clusters, grouped by where it fits (its sub-cluster, or its cluster for a general
        item), with its place in the ranking and why it is lower than the last one shown."""
        limits = self.rules.results
        shown_clusters = {s.node_id for s in clusters[:limits.clusters]}
        shown_subclusters = {s.node_id for s in subclusters[:limits.subclusters]}
        groups: dict[str, list[Item]] = {}
        for item in self.parts[Part.CLUSTER]:
            if self.answer(item) == Answer.LIKE and item.cluster_id not in shown_clusters \
                    and item.subcluster_id not in shown_subclusters:
                groups.setdefault(item.subcluster_id or item.cluster_id, []).append(item)
        out = []
        for node_id, items in groups.items():
            subcluster = node_id in self.subclusters
            ranking = subclusters if subcluster else clusters
            keep = limits.subclusters if subcluster else limits.clusters
            place = next(n for n, s in enumerate(ranking) if s.node_id == node_id)
            scored = ranking[place]
            jobs = self._jobs(node_id, fit)[0][:limits.elsewhere_occupations] if self.data is not None else []
            out.append(Elsewhere(
                id=node_id, name=self.inst.name(node_id), level="subcluster" if subcluster else "cluster",
                cluster_id=scored.cluster_id, cluster_name=self.inst.name(scored.cluster_id), rank=place + 1,
                out_of=len(ranking), items=[self.ref(i) for i in items],
                text=self._lower_because(scored, ranking[keep - 1], place + 1, len(ranking), subcluster),
                occupations=jobs))
        return sorted(out, key=lambda e: (e.level != "subcluster", e.rank))

    def _lower_because(self, scored: _Scored, last_shown: _Scored, rank: int, out_of: int, subcluster: bool) -> str:
        """Where a node stands and the part of the score that puts it below the last one shown."""
        _ = self.t.gettext
        w = self.rules.weights
        values = {"rank": rank, "total": out_of, "name": self.inst.name(scored.node_id),
                  "cluster": self.inst.name(scored.cluster_id)}
        where = _("It is part of %(cluster)s, number %(rank)d of the %(total)d sub-clusters ranked for your answers.") \
            if subcluster else _("It is number %(rank)d of the %(total)d clusters ranked for your answers.")
        gaps = {"interest": w.interest * (last_shown.interest - scored.interest),
                "checklist": w.checklist * (last_shown.checklist - scored.checklist),
                "purpose": w.purpose * (last_shown.purpose - scored.purpose)}
        why = {"interest": _("It ranks lower because its jobs fit the activities you like less well than the ones "
                             "above."),
               "checklist": _("It ranks lower because you picked more items for the ones above."),
               "purpose": _("It ranks lower because of the kind of difference you said you want to make.")}
        return (where % values) + " " + why[max(gaps, key=gaps.get)]


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


def type_nickname(letter: str, lang: str) -> str:
    """A RIASEC type's everyday name ("doers"), which says more to a student than "Realistic"."""
    _ = i18n.translator(lang).gettext
    return {"R": _("doers"), "I": _("thinkers"), "A": _("creators"), "S": _("helpers"), "E": _("persuaders"),
            "C": _("organizers")}[letter]


def type_about(letter: str, lang: str) -> str:
    """What a RIASEC type means, in one sentence a 13-year-old reads: a type's name alone says little."""
    _ = i18n.translator(lang).gettext
    about = {"R": _("Doers: people who like to work with their hands, with tools and machines, or with plants and "
                    "animals."),
             "I": _("Thinkers: people who like to find out how things work, ask questions and solve problems."),
             "A": _("Creators: people who like to make up new things and show ideas in art, music, words or design."),
             "S": _("Helpers: people who like to help, teach and take care of others."),
             "E": _("Persuaders: people who like to lead, sell, start new things and get others on board."),
             "C": _("Organizers: people who like to keep things in order, with lists, numbers and clear steps.")}
    return about[letter]


def two_types(letters: list[str], lang: str) -> str:
    """One or two types' names as a phrase ("Artistic and Social")."""
    _ = i18n.translator(lang).gettext
    names = [type_name(letter, lang) for letter in letters]
    return _("%(first)s and %(second)s") % {"first": names[0], "second": names[1]} if len(names) == 2 \
        else "".join(names)


def score(sheet: SurveyAnswers, data: SurveyData | None, rules: Rules | None = None) -> SurveyResult:
    """Score a filled-in survey against ``data`` (None: the embedded framework only)."""
    return _Scorer(sheet, data, rules or load_rules()).run()


def score_answers(answers: SurveyAnswers | dict, conn: sqlite3.Connection | None = None) -> SurveyResult:
    """The Python entry point: score ``answers`` (a ``SurveyAnswers`` or its dict form) with the data in
    ``conn`` (an open store), or with the embedded framework alone when ``conn`` is None."""
    sheet = answers if isinstance(answers, SurveyAnswers) else SurveyAnswers.model_validate(answers)
    return score(sheet, SurveyData.load(conn) if conn is not None else None)

