"""Which occupations a program leads to at its level, and why.

The crosswalks (NCES's CIP→SOC and Advance CTE's) list every occupation a field of study can lead to: for an EMT
program, the EMTs and paramedics it trains, and the postsecondary health teachers a doctorate in the field
makes; for Construction Trades, only the first-line supervisors. Judging a program by all of them judges it by
jobs its completers cannot take. So each occupation is classed against the program's level, by BLS's typical
education needed for entry and related work experience (Employment Projections; O*NET's job zone where BLS
publishes none):

- **entry**: reachable with the program's credential, allowing one step of further education (``reach``);
- **with experience**: managers, first-line supervisors, and occupations BLS says need years of related
  experience: the ladder above;
- **with further study**: two or more education steps above the program's level, and postsecondary teachers
  always: the ladder above too.

Verdicts use entry occupations; the others are listed with the reason each was classed as it was. A general
program (46.0000) whose crosswalk occupations are all on the ladder is judged on the entry occupations of its
family's specific programs; occupations the crosswalks leave out come from the rules file, with their reason.
"""

from __future__ import annotations

import sqlite3
from typing import Literal

from pydantic import BaseModel

from careerclusters.alignment.rules import Rules
from careerclusters.store import alignment as sq
from careerclusters.store import crosswalk as q

Kind = Literal["entry", "with experience", "with further study"]
KINDS: tuple[Kind, ...] = ("entry", "with experience", "with further study")
STEP_NAMES = {0: "no formal credential", 1: "a high school diploma", 2: "a postsecondary certificate",
              3: "an associate degree", 4: "a bachelor's degree", 5: "a master's degree", 6: "a doctoral degree"}


class Placement(BaseModel):
    """An occupation a program leads to, where it stands for the program's level, and why."""

    soc: str
    title: str
    kind: Kind
    reason: str  # why it was classed so: "BLS: postsecondary nondegree award, one step past secondary"
    via: str  # where the link comes from: "NCES crosswalk", "Advance CTE", "the rules file", a family program


def _education(row: sqlite3.Row | None, rules: Rules) -> tuple[int | None, str]:
    """The occupation's education step and where it came from."""
    if row is not None and row["entry_education"] in rules.levels.education:
        return rules.levels.education[row["entry_education"]], f"BLS: {row['entry_education'].lower()}"
    if row is not None and row["job_zone"] in rules.levels.job_zones:
        return rules.levels.job_zones[row["job_zone"]], f"O*NET job zone {row['job_zone']} (BLS publishes none)"
    return None, "no typical entry education published"


def place(soc: str, title: str, facts: sqlite3.Row | None, level: str, rules: Rules) -> tuple[Kind, str]:
    """Where an occupation stands for a program taught at ``level``, and the reason."""
    ladder = rules.ladder
    if soc.startswith(tuple(ladder.further_study_soc_prefixes)):
        return "with further study", ("a postsecondary teacher: colleges hire them with graduate degrees or "
                                      "years of work in the field they teach")
    if soc.startswith(tuple(ladder.experience_soc_prefixes)):
        return "with experience", "a manager: filled from experienced workers"
    if set(title.lower().replace(",", " ").split()) & set(ladder.experience_title_words):
        return "with experience", "a first-line supervisor: filled from experienced workers"
    experience = facts["work_experience"] if facts is not None else None
    if experience in ladder.experience:
        return "with experience", f"BLS: {experience.lower()} of related work experience"
    step, source = _education(facts, rules)
    own = rules.levels.programs[level]
    if step is None:
        return "entry", f"{source}: counted as entry"
    if step >= own + rules.levels.reach + 1:
        return "with further study", f"{source}, {step - own} steps past a {level} program"
    if step > own:
        return "entry", f"{source}, one step past a {level} program"
    return "entry", f"{source}: within reach of a {level} program"


def _sources(value: str) -> str:
    return " and ".join("NCES crosswalk" if s == "NCES" else s for s in sorted(value.split(",")))


def leads_to(conn: sqlite3.Connection, cip: str, level: str, rules: Rules) -> list[Placement]:
    """Every occupation a program (``cip``, taught at ``level``) leads to, classed: the crosswalks' and the
    rules file's; for a general program with no entry occupation, its family's specific programs' entry ones."""
    links = [(row["soc"], row["title"], _sources(row["sources"])) for row in q.occupations_for_cip(conn, cip)]
    links += [(a.soc, next(iter(q.soc_titles(conn, a.soc)), a.soc), f"the rules file: {a.reason}")
              for a in rules.occupations.added if a.cip == cip and level in a.levels
              and a.soc not in {soc for soc, _t, _v in links}]
    facts = sq.entry_requirements(conn, [soc for soc, _t, _v in links])
    placed = [Placement(soc=soc, title=title, kind=kind, reason=reason, via=via)
              for soc, title, via in links
              for kind, reason in [place(soc, title, facts.get(soc), level, rules)]]
    if any(p.kind == "entry" for p in placed) or not rules.occupations.general_programs_use_family:
        return placed
    prefix = _general_scope(cip)
    if prefix is None:
        return placed
    family = sq.family_occupations(conn, prefix, cip)
    facts = sq.entry_requirements(conn, [row["soc"] for row in family])
    known = {p.soc for p in placed}
    for row in family:
        kind, reason = place(row["soc"], row["title"], facts.get(row["soc"]), level, rules)
        if kind == "entry" and row["soc"] not in known:
            placed.append(Placement(soc=row["soc"], title=row["title"], kind=kind, reason=reason,
                                    via=f"a general program, through {row['cip']} {row['cip_title'].rstrip('.')}"))
    return placed


def _general_scope(cip: str) -> str | None:
    """The codes a general program stands for: its family for xx.0000, its series for xx.yy00; None when the
    program is not general."""
    if cip.endswith(".0000"):
        return cip[:3]
    if cip.endswith("00"):
        return cip[:5]
    return None
