"""The score of every move from one job: a sum of named parts, each a vector over all occupations, so that the page
can show each part's points and the order is exactly their sum (ties broken by code, so it is deterministic).

The parts (weights in ``rules.yaml``):

- ``activities``: the similarity of the two jobs' detailed work activities, rare activities counting more;
- ``technologies``: the same over the technologies their workers use;
- ``ratings``: the similarity of their skill, knowledge, ability and work-activity importance profiles (only when
  O*NET's rating files are imported);
- ``related``: points when O*NET's analysts list the destination among the job's related occupations;
- ``openings``: where people can actually go: the destination's openings a year, nationally or in the area;
- ``preparation``: points off for each year of school the move adds;
- ``pay``: points for a raise, off for a cut, on the same basis (area or national) for both jobs.

A destination is a candidate when the work is alike in any way computed here; O*NET's related list alone never
makes one, so moves are found by what the jobs share, with the analysts' list as evidence beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from careerclusters.changers import figures
from careerclusters.changers.figures import AreaFigures
from careerclusters.changers.index import ChangeIndex
from careerclusters.changers.model import EDUCATION_CHOICES, EducationChoice
from careerclusters.changers.rules import Rules

#: The parts, in the order they are shown.
PARTS = ("activities", "technologies", "ratings", "related", "openings", "preparation", "pay")


@dataclass
class Scores:
    """Every occupation's points per part (``index.codes`` order), their total, and which are candidates."""

    source: str
    row: int
    parts: dict[str, np.ndarray]
    total: np.ndarray
    candidates: np.ndarray  # bool
    ranks: np.ndarray  # each occupation's preparation on the rules' education scale, -1 unknown
    added_years: np.ndarray  # the years of school each move adds (0 when none or unknown)
    destination_pay: np.ndarray  # each move's median pay on the basis it is compared with the job's on

    def step(self, row: int) -> int | None:
        """The rank on the education scale a move reaches above the job's, or None when it adds none (or
        either is unknown)."""
        mine, theirs = int(self.ranks[self.row]), int(self.ranks[row])
        return theirs if mine >= 0 and theirs > mine else None

    def ordered(self) -> list[int]:
        """Candidate rows, highest total first; equal totals by code (rows are in code order)."""
        rows = np.flatnonzero(self.candidates)
        return rows[np.lexsort((rows, -np.round(self.total[rows], 9)))].tolist()


def education_ranks(index: ChangeIndex, rules: Rules) -> np.ndarray:
    """Each occupation's preparation on the rules' scale (BLS entry education, else job zone); -1 unknown. The
    same for every job, so kept on the index for these rules."""
    kept = index.memo.get(id(rules.education))
    if kept is not None and kept[0] is rules.education:
        return kept[1]
    ranks = []
    for code in index.codes:
        outlook = index.outlook.get(index.soc[code])
        rank = rules.rank(outlook.entry_education if outlook else None, index.job_zone.get(code))
        ranks.append(-1 if rank is None else rank)
    index.memo[id(rules.education)] = (rules.education, np.array(ranks))
    return index.memo[id(rules.education)][1]


def score_moves(index: ChangeIndex, code: str, rules: Rules, local: AreaFigures | None = None) -> Scores:
    """The points of every move from the job ``code`` (an O*NET-SOC code in the index)."""
    weights = rules.weights
    similar = index.similarities(code)
    row = index.position[code]
    parts: dict[str, np.ndarray] = {
        "activities": weights.activities * similar["activities"],
        "technologies": weights.technologies * similar["technologies"],
    }
    if "ratings" in similar and index.ratings.get(code):
        parts["ratings"] = weights.ratings * similar["ratings"]
    related = np.zeros(len(index.codes))
    for other, tier in index.related.get(code, {}).items():
        if other in index.position:
            related[index.position[other]] = weights.related.get(tier, 0.0)
    parts["related"] = related

    openings = figures.openings(index, local)
    known = np.nan_to_num(openings, nan=0.0)
    top = known.max() if known.size else 0.0
    parts["openings"] = weights.openings * np.log1p(known) / np.log1p(top) if top > 0 else np.zeros_like(known)

    ranks = education_ranks(index, rules)
    years = np.array(rules.education.years, dtype=float)
    mine = ranks[row]
    added = np.where((ranks > mine) & (mine >= 0), years[np.clip(ranks, 0, None)] - years[max(mine, 0)], 0.0)
    parts["preparation"] = -weights.education_per_year * np.maximum(added, 0.0)

    theirs, own = figures.medians(index, row, local)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.log2(theirs / own)
    parts["pay"] = weights.pay_per_doubling * np.nan_to_num(np.clip(ratio, -1.0, 1.0), nan=0.0)

    candidates = sum(similar.values()) > 0  # the work shares something, whatever the weights
    candidates[row] = False
    total = sum(parts.values())
    return Scores(code, row, {name: parts[name] for name in PARTS if name in parts}, total, candidates, ranks,
                  np.maximum(added, 0.0), theirs)


def outside(scores: Scores, row: int, education: EducationChoice | None, pay_floor: float | None) -> list[str]:
    """What keeps a move outside the person's preferences (empty when it fits): ``"education"`` when its entry
    education is above both the job's and the most the person would add, ``"pay"`` when its median is under the
    floor. An unknown education or pay is not held against a move."""
    reasons = []
    rank = scores.ranks[row]
    if education is not None and rank >= 0 and rank > max(EDUCATION_CHOICES.index(education), scores.ranks[scores.row]):
        reasons.append("education")
    pay = scores.destination_pay[row]
    if pay_floor is not None and not np.isnan(pay) and pay < pay_floor:
        reasons.append("pay")
    return reasons
