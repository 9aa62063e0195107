"""Whose jobs a sub-cluster's figures are: its largest occupations and their shares of its jobs.

A sub-cluster's median wage is the employment-weighted median of its occupations' medians, so one large
occupation can set it for all of them: Design & Digital Arts in Columbus, OH has a median of $122,340 because
software developers hold 9,880 of its 14,410 jobs, while its graphic designers earn $64,000. Shown beside the
median, the shares say whose pay it is.
"""

from __future__ import annotations

from pydantic import BaseModel

from careerclusters.labor.market import SubclusterInArea


class JobShare(BaseModel):
    """One occupation's part of a sub-cluster in an area."""

    soc: str
    title: str
    share: float  # of the sub-cluster's jobs in the area
    median_wage: float | None
    wage_marker: str | None


def job_shares(profile: SubclusterInArea, top: int = 3) -> list[JobShare]:
    """The largest occupations of a sub-cluster's profile (built with at least ``top`` top occupations) and
    their shares of its jobs, largest first."""
    if not profile.employment:
        return []
    return [JobShare(soc=o.soc, title=o.title, share=round((o.employment or 0) / profile.employment, 3),
                     median_wage=o.median_wage, wage_marker=o.wage_marker)
            for o in profile.top_occupations[:top] if o.employment]
