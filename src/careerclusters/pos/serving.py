"""What a server keeps for programs of study: the checker with the default rules (its reference data read once
per data version, so a new import of codes or wages is what it checks against) and each imported program,
parsed once per data version (a plan page asks for it on every change a learner makes). See ``base.shared``."""

from __future__ import annotations

from careerclusters.base.shared import Shared, warm_up
from careerclusters.pos import catalogue
from careerclusters.pos.checker import Checker
from careerclusters.pos.model import ProgramOfStudy


@warm_up("program-of-study checker")
def checker(shared: Shared) -> Checker:
    return shared.cached(("pos-checker",), lambda: Checker(shared.conn))


def program_of_study(shared: Shared, program_id: str) -> ProgramOfStudy:
    """One imported program of study, shared between requests: read it, never change it."""
    return shared.cached(("program-of-study", program_id), lambda: catalogue.get(shared.conn, program_id).program)
