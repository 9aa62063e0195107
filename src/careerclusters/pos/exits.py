"""Where a plan leads from the point the learner leaves: the jobs open to them with what they hold there, and
the rest of the program's jobs, "with more study".

A learner who leaves a nursing program after grade 12 with a nurse-aide certificate cannot work as a registered
nurse; showing Registered Nurses as where their plan leads would be a silent wrong answer. So what a learner
holds at an exit point is put on BLS's ladder of typical entry education (``base.education``): a high-school
exit meets "High school diploma or equivalent", a postsecondary one at least "Some college, no degree", and each
credential earned on the way meets the level ``planner.yaml`` gives its kind. The jobs open there are those of the
program, and of the CIP codes of the stage the learner finishes, whose typical entry education is no higher. At
the program's last level every one of its jobs is open: it is what the program was written to lead to (BLS puts
Registered Nurses at a bachelor's degree, yet an associate degree and the license lead there).
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from careerclusters.base import education
from careerclusters.pos import model
from careerclusters.pos.checker import TargetOccupation


class ExitSettings(BaseModel):
    """``planner.yaml``'s ``exit_education``: what leaving at each stage, and each credential kind, meets."""

    stages: dict[model.Stage, str] = Field(description="BLS's level that leaving at each stage meets.")
    credentials: dict[model.CredentialKind, str] = Field(description="BLS's level each kind of credential meets.")

    def check(self) -> list[str]:
        """The levels that are not BLS's (a typo in a state's file would silently open or close every job)."""
        return [level for level in [*self.stages.values(), *self.credentials.values()]
                if level not in education.LEVELS]


class ExitJobs(BaseModel):
    """The jobs a plan leads to from where the learner leaves."""

    holds: str | None = Field(description="BLS's level the learner meets when they leave early; None when they "
                                          "finish the whole program.")
    open_now: list[TargetOccupation] = Field(description="Jobs whose typical entry education they meet there.")
    with_more_study: list[TargetOccupation] = Field(description="The program's other jobs.")


def exit_jobs(program: model.ProgramOfStudy, finish: str, earned_kinds: list[model.CredentialKind],
              occupations: list[TargetOccupation], stage_occupations: dict[model.Stage, list[TargetOccupation]],
              settings: ExitSettings) -> ExitJobs:
    """The jobs open at the exit point ``finish`` to a learner holding credentials of ``earned_kinds``.

    ``occupations`` are the program's own targets; ``stage_occupations`` the jobs of the CIP codes of each stage.
    Each list keeps its order; a job is listed once."""
    level = program.levels[[lv.name for lv in program.levels].index(finish)]
    if level is program.levels[-1]:
        return ExitJobs(holds=None, open_now=occupations, with_more_study=[])
    met = [settings.stages[level.stage], *(settings.credentials[kind] for kind in earned_kinds)]
    holds = max(met, key=lambda name: education.rank(name) or 0)
    ceiling = education.rank(holds) or 0
    candidates = {o.soc: o for o in [*stage_occupations.get(level.stage, []), *occupations]}
    open_now = [o for o in candidates.values()
                if (needs := education.rank(o.entry_education)) is not None and needs <= ceiling]
    opened = {o.soc for o in open_now}
    return ExitJobs(holds=holds, open_now=open_now, with_more_study=[o for o in occupations if o.soc not in opened])
