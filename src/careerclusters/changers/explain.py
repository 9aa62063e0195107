"""A move in words a person can act on: what the two jobs share, what is new (work activities, technologies,
rating gaps), the education step, pay and demand on the basis the page states, and the programs that close the
gap (CIP programs that lead to the destination, and the imported programs of study that contain them)."""

from __future__ import annotations

import sqlite3

from careerclusters.changers import figures, words
from careerclusters.changers.figures import AreaFigures
from careerclusters.changers.index import ChangeIndex
from careerclusters.changers.model import (
    Activity,
    Destination,
    NodeRef,
    Part,
    Preparation,
    ProgramLink,
    ProgramOfStudyRef,
    RatingGap,
    Source,
    Technology,
)
from careerclusters.changers.ranking import Scores, outside
from careerclusters.changers.rules import Rules
from careerclusters.framework import load_framework
from careerclusters.store import changers as q


def _nodes(ids: list[str]) -> list[NodeRef]:
    fw = load_framework()
    return [NodeRef(id=i, name=fw.node(i).name) for i in ids]


def _preparation(index: ChangeIndex, code: str) -> Preparation:
    outlook = index.outlook.get(index.soc[code])
    return Preparation(entry_education=outlook.entry_education if outlook else None,
                       job_zone=index.job_zone.get(code))


def source(index: ChangeIndex, code: str, local: AreaFigures | None) -> Source:
    soc = index.soc[code]
    return Source(code=code, soc=soc, title=index.titles[code], clusters=_nodes(index.clusters.get(soc, [])),
                  subclusters=_nodes(index.subclusters.get(soc, [])), preparation=_preparation(index, code),
                  pay=figures.pay(index, soc, "area" if local else "national", local)
                  or (figures.pay(index, soc, "national", None) if local else None),
                  demand=figures.demand(index, soc, local), activities=len(index.activities.get(code, {})),
                  technologies=len(index.technologies.get(code, {})))


def _activities(index: ChangeIndex, mine: str, theirs: str, limit: int) -> tuple[list[Activity], int,
                                                                                 list[Activity], int]:
    """Shared activities, rarest first; new ones, those most of its tasks need first (then rarest)."""
    own, other = index.activities.get(mine, {}), index.activities.get(theirs, {})
    idf = index.activity_idf
    shared = sorted((d for d in other if d in own), key=lambda d: (-idf[d], d))
    new = sorted((d for d in other if d not in own), key=lambda d: (-other[d], -idf[d], d))

    def listed(ids: list[str]) -> list[Activity]:
        return [Activity(id=d, title=index.activity_titles.get(d, d)) for d in ids[:limit]]

    return listed(shared), len(shared), listed(new), len(new)


def _technologies(index: ChangeIndex, mine: str, theirs: str, limit: int) -> tuple[list[Technology], int,
                                                                                   list[Technology], int]:
    """Shared technologies, hot ones first, then the rarer (what makes the two jobs alike); new ones, hot first,
    then the more widely used (what is most worth learning first)."""
    own, other = index.technologies.get(mine, {}), index.technologies.get(theirs, {})
    idf = index.technology_idf
    shared = sorted((t for t in other if t in own), key=lambda t: (not other[t][1], -idf[t], t))
    new = sorted((t for t in other if t not in own), key=lambda t: (not other[t][1], idf[t], t))

    def listed(names: list[str]) -> list[Technology]:
        return [Technology(name=t, kind=other[t][0], hot=other[t][1]) for t in names[:limit]]

    return listed(shared), len(shared), listed(new), len(new)


def _rating_gaps(index: ChangeIndex, mine: str, theirs: str, rules: Rules) -> list[RatingGap]:
    """Elements the destination rates important and needs at a level clearly above the job's, the largest
    gaps (weighted by importance) first."""
    own, other = index.ratings.get(mine, {}), index.ratings.get(theirs, {})
    gaps = []
    for key, rating in other.items():
        had = own.get(key)
        if rating.level is None or rating.importance is None or had is None or had.level is None:
            continue
        if rating.importance >= rules.gaps.importance_at_least and \
                rating.level - had.level >= rules.gaps.level_difference:
            gaps.append(RatingGap(domain=rating.domain, element=rating.name, level=round(rating.level, 2),
                                  your_level=round(had.level, 2), importance=round(rating.importance, 2)))
    gaps.sort(key=lambda g: (-(g.level - g.your_level) * g.importance, g.domain, g.element))
    return gaps[:rules.shown.rating_gaps]


def programs(conn: sqlite3.Connection, socs: list[str], rules: Rules) -> dict[str, tuple[list[ProgramLink], int]]:
    """Per SOC code, the CIP programs that lead to it (the first few) with the programs of study containing
    them, and how many programs lead to it in all."""
    if not socs:
        return {}
    links: dict[str, list[tuple[str, str]]] = {}
    for r in q.programs_for(conn, socs):
        links.setdefault(r["soc"], []).append((r["cip"], r["title"]))
    shown = {soc: found[:rules.shown.programs] for soc, found in links.items()}
    studies: dict[str, list[ProgramOfStudyRef]] = {}
    for r in q.programs_of_study_for(conn, {cip for found in shown.values() for cip, _t in found}):
        studies.setdefault(r["cip"], []).append(ProgramOfStudyRef(id=r["id"], title=r["title"], owner=r["owner"]))
    return {soc: ([ProgramLink(cip=cip, title=title, programs_of_study=studies.get(cip, [])
                               [:rules.shown.programs_of_study]) for cip, title in shown.get(soc, [])],
                  len(links.get(soc, []))) for soc in socs}


def _step(scores: Scores, row: int, preparation: Preparation, rules: Rules) -> str | None:
    """The entry education a move adds, in BLS's words (where only the job zone is known, the level the rules
    give that zone's rank), or None when it adds none."""
    rank = scores.step(row)
    if rank is None:
        return None
    if preparation.entry_education in rules.education.levels:
        return preparation.entry_education
    return next(level for level, r in reversed(rules.education.levels.items()) if r == rank)


def destination(index: ChangeIndex, scores: Scores, row: int, rules: Rules, local: AreaFigures | None,
                found_programs: dict[str, tuple[list[ProgramLink], int]], education: str | None,
                pay_floor: float | None) -> Destination:
    mine, code = scores.source, index.codes[row]
    soc, source_soc = index.soc[code], index.soc[mine]
    shown = rules.shown
    shared_a, n_shared_a, new_a, n_new_a = _activities(index, mine, code, shown.activities)
    shared_t, n_shared_t, new_t, n_new_t = _technologies(index, mine, code, shown.technologies)
    basis = figures.pay_basis(index, source_soc, soc, local)
    pay, own_pay = figures.pay(index, soc, basis, local), figures.pay(index, source_soc, basis, local)
    change = pay.median - own_pay.median if pay and own_pay and pay.median is not None \
        and own_pay.median is not None else None
    demand = figures.demand(index, soc, local)
    preparation = _preparation(index, code)
    step = _step(scores, row, preparation, rules)
    tier = index.related.get(mine, {}).get(code)
    details = {
        "activities": words.activities_detail(n_shared_a, n_shared_a + n_new_a),
        "technologies": words.technologies_detail(n_shared_t, n_shared_t + n_new_t),
        "ratings": words.ratings_detail(scores.parts["ratings"][row] / rules.weights.ratings)
        if "ratings" in scores.parts and rules.weights.ratings else "",
        "related": words.related_detail(tier),
        "openings": words.openings_detail(demand, local.area.name if local else None),
        "preparation": words.preparation_detail(step, float(scores.added_years[row])),
        "pay": words.pay_detail(change, basis if change is not None else None),
    }
    parts = [Part(name=name, label=words.part_label(name), points=round(float(points[row]), 1) + 0.0,  # no "-0.0"
                  detail=details[name]) for name, points in scores.parts.items()]  # type: ignore[arg-type]
    reasons = outside(scores, row, education, pay_floor)  # type: ignore[arg-type]
    links, program_count = found_programs.get(soc, ([], 0))
    return Destination(
        code=code, soc=soc, title=index.titles[code], score=round(float(scores.total[row]), 1), parts=parts,
        clusters=_nodes(index.clusters.get(soc, [])), subclusters=_nodes(index.subclusters.get(soc, [])),
        related_tier=tier, shared_activities=shared_a, shared_activity_count=n_shared_a, new_activities=new_a,
        new_activity_count=n_new_a, shared_technologies=shared_t, shared_technology_count=n_shared_t,
        new_technologies=new_t, new_technology_count=n_new_t, rating_gaps=_rating_gaps(index, mine, code, rules),
        preparation=preparation, education_step=step, pay=pay, pay_change=change, demand=demand,
        fits=not reasons, outside=[words.outside_reason(r, step, pay, pay_floor)
                                   for r in reasons],
        programs=links, program_count=program_count)
