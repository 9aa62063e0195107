"""Career changers: from the job a person has to the jobs they could move to, ranked by what the two jobs share
(O*NET's detailed work activities, technologies and, when imported, ratings), with O*NET's related occupations as
evidence, where the openings are, and what the move adds (education, pay), every part of the score shown.

``next_jobs(conn, "truck driver", area="OH")`` is the whole answer; ``ChangeIndex`` holds every occupation's work
as vectors (built once per data version by a server, see ``serving``)."""

from careerclusters.changers.index import ChangeIndex
from careerclusters.changers.model import EDUCATION_CHOICES, Destination, NextJobs, Part
from careerclusters.changers.resolve import NotComparableError, UnknownOccupationError
from careerclusters.changers.rules import Rules, load_rules
from careerclusters.changers.service import DEFAULT_LIMIT, MAX_LIMIT, PayFloorError, next_jobs

__all__ = ["DEFAULT_LIMIT", "EDUCATION_CHOICES", "MAX_LIMIT", "ChangeIndex", "Destination", "NextJobs",
           "NotComparableError", "Part", "PayFloorError", "Rules", "UnknownOccupationError", "load_rules", "next_jobs"]
