"""``area=`` on the occupation, sub-cluster and program resources: the same answer, with the area's figures
(from the labor-market service the path-style ``/api/v1/areas/{area}/…`` routes use) in ``in_area``.

The answers of those path-style routes are declared here too, so that both ways of asking return one shape
for the area's part. An unknown area is a 404 with suggestions; a store without area data a 503 saying how
to import it (``services.areas`` raises both, ``api.errors`` maps them).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from careerclusters.api.context import Explorer
from careerclusters.api.models import NodeDetail
from careerclusters.crosswalk import answers
from careerclusters.framework import Level
from careerclusters.labor import market as lm
from careerclusters.labor.areas import Area

NOTE = "openings are estimates: national projections scaled to the area's employment"
AreaQuery = Annotated[str | None, Query(max_length=200, description=(
    "Add an area's figures: a BLS area code (3900000), FIPS (39), CBSA (18140), postal abbreviation (OH) or "
    "name ('Columbus, OH')."))]


class AreaOccupation(lm.OccupationInArea):
    note: str


class AreaProgram(lm.ProgramInArea):
    note: str


class AreaSubcluster(lm.SubclusterInArea):
    area: Area
    note: str


class OccupationWithArea(answers.Occupation):
    """An occupation; with ``area=``, ``in_area`` holds its figures in that area beside the nation's."""

    in_area: AreaOccupation | None = None


class ProgramWithArea(answers.ProgramProfile):
    """A program; with ``area=``, ``in_area`` holds its occupations' jobs, wages and openings in that area."""

    in_area: AreaProgram | None = None


ProgramWithArea.model_rebuild(_types_namespace=vars(answers))  # ProgramProfile names a model defined after it


class SubclusterWithArea(NodeDetail):
    """A sub-cluster; with ``area=``, ``in_area`` holds its profile and top occupations in that area."""

    in_area: AreaSubcluster | None = None


class ContentsWithArea(answers.NodeContents):
    """A sub-cluster's contents; with ``area=``, ``in_area`` holds its profile in that area."""

    in_area: AreaSubcluster | None = None


def occupation_in_area(ctx: Explorer, code: str, area: str) -> AreaOccupation:
    return AreaOccupation(note=NOTE, **lm.occupation_in_area(ctx.conn, code, area).model_dump())


def program_in_area(ctx: Explorer, cip: str, area: str) -> AreaProgram:
    return AreaProgram(note=NOTE, **lm.program_in_area(ctx.conn, cip, area).model_dump())


def subcluster_in_area(ctx: Explorer, subcluster: str, area: str) -> AreaSubcluster:
    """The sub-cluster's profile from the area's cached roll-up of all 72."""
    found, profiles = ctx.area_profiles(area)
    wanted = lm.subcluster_id(subcluster)
    profile = next(p for p in profiles if p.id == wanted)
    return AreaSubcluster(area=found, note=NOTE, **profile.model_dump())


def occupation(ctx: Explorer, code: str, area: str | None) -> OccupationWithArea:
    found = ctx.occupation(code)
    return OccupationWithArea(**dict(found), in_area=occupation_in_area(ctx, code, area) if area else None)


def program(ctx: Explorer, cip: str, area: str | None) -> ProgramWithArea:
    found = ctx.program(cip)
    return ProgramWithArea(**dict(found), in_area=program_in_area(ctx, cip, area) if area else None)


def subcluster(ctx: Explorer, node: dict[str, Any], area: str) -> SubclusterWithArea:
    """The framework node (as ``routes._node`` gives it) with the area's profile."""
    return SubclusterWithArea(**node, in_area=subcluster_in_area(ctx, node["id"], area))


def contents(ctx: Explorer, subcluster_id: str, sort: answers.SortKey, area: str | None) -> ContentsWithArea:
    found = ctx.contents(subcluster_id, Level.SUBCLUSTER, sort)
    return ContentsWithArea(**dict(found), in_area=subcluster_in_area(ctx, found.node.id, area) if area else None)
