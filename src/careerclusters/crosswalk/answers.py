"""Profiles that answer the everyday questions: what an occupation is and pays, what a program leads
to, and what a cluster or sub-cluster contains. Each is a pydantic model so the CLI, the API and the web
pages all show the same answer."""

from __future__ import annotations

import json
import sqlite3
from typing import Literal

from pydantic import BaseModel

from careerclusters.base.codes import cip_code, occupation_code
from careerclusters.framework import Edition, Level, Node, load_framework
from careerclusters.store import MissingDataError, NotInDataError
from careerclusters.store import crosswalk as q


class Ref(BaseModel):
    """A link to a framework node."""

    id: str
    name: str
    parent_id: str | None = None

    @classmethod
    def of(cls, node: Node) -> Ref:
        return cls(id=node.id, name=node.name, parent_id=node.parent_id)


class Program(BaseModel):
    cip: str
    title: str
    sources: list[str] = []


class OccupationRef(BaseModel):
    code: str
    title: str


class Wage(BaseModel):
    """OEWS national wages. ``None`` with a marker means BLS did not release the figure, or (top_coded)
    that it is at or above the top of the published range; a figure is never replaced by 0."""

    release: str
    soc: str
    aggregate: bool  # True when BLS publishes the occupation only within its broad group
    annual_median: float | None
    annual_pct10: float | None
    annual_pct25: float | None
    annual_pct75: float | None
    annual_pct90: float | None
    hourly_median: float | None
    employment: float | None
    markers: dict[str, str]
    hourly_only: bool


class Outlook(BaseModel):
    """BLS employment projections (employment and openings in thousands, as published)."""

    release: str
    employment_base_k: float | None
    employment_projected_k: float | None
    change_pct: float | None
    openings_k: float | None
    entry_education: str | None
    work_experience: str | None
    job_training: str | None


class Occupation(BaseModel):
    soc: str
    onet_soc: str | None
    title: str
    description: str | None
    onet_occupations: list[OccupationRef]
    clusters: list[Ref]
    subclusters: list[Ref]
    original_clusters: list[Ref]
    pathways: list[Ref]
    programs: list[Program]
    wage: Wage | None
    outlook: Outlook | None
    job_zone: int | None
    riasec: dict[str, float]
    riasec_code: str | None
    tasks: list[str]
    alternate_titles: list[str]
    related: list[OccupationRef]
    education: list[tuple[str, float]]


class ProgramProfile(BaseModel):
    cip: str
    title: str
    definition: str | None
    action: str | None
    examples: str | None
    clusters: list[Ref]
    subclusters: list[Ref]
    occupations: list[OccupationListing]


class OccupationListing(BaseModel):
    soc: str
    title: str
    median_wage: float | None
    wage_marker: str | None
    openings_k: float | None
    employment_k: float | None
    change_pct: float | None
    entry_education: str | None
    sources: list[str] = []


class Industry(BaseModel):
    naics: str
    title: str


class IndustryLink(BaseModel):
    """A NAICS sector and the framework nodes the Advance CTE crosswalk aligns it to."""

    naics: str
    title: str
    clusters: list[Ref]
    subclusters: list[Ref]


class NodeContents(BaseModel):
    """What a cluster or sub-cluster contains in the imported data."""

    node: Ref
    level: str
    definition: str
    occupations: list[OccupationListing]
    programs: list[Program]
    industries: list[Industry]


ALL_OCCUPATIONS = "00-0000"
SortKey = Literal["title", "wage", "openings", "employment", "growth", "soc"]


def _require(conn: sqlite3.Connection, *kinds: str) -> None:
    imported = q.imported_kinds(conn)
    missing = [k for k in kinds if k not in imported]
    if missing:
        raise MissingDataError(missing)


def _wage_release(conn: sqlite3.Connection, sources: dict[str, sqlite3.Row]) -> str | None:
    """The release the national wages come from: BLS's national file, else the nation's rows of the all-areas
    import (the same figures), else None."""
    kind = q.national_wage_kind(conn)
    if kind is None:
        return None
    release = sources[kind]["release"]
    return release if kind == "bls-oews" else f"{release} (the nation's figures)"


def _refs(ids: list[str]) -> list[Ref]:
    fw = load_framework()
    return [Ref.of(fw.node(i)) for i in dict.fromkeys(ids)]


def _wage(conn: sqlite3.Connection, soc: str, release: str) -> Wage | None:
    row = q.wage(conn, soc)
    if row is None:
        return None
    return Wage(release=release, soc=row["soc"], aggregate=bool(row["aggregate"]), annual_median=row["a_median"],
                annual_pct10=row["a_pct10"], annual_pct25=row["a_pct25"], annual_pct75=row["a_pct75"],
                annual_pct90=row["a_pct90"], hourly_median=row["h_median"],
                employment=row["tot_emp"], markers=json.loads(row["markers"] or "{}"),
                hourly_only=bool(row["hourly_only"]))


class National(BaseModel):
    """All occupations together (SOC 00-0000 in both BLS tables): the yardstick for any one occupation.
    ``highest_wage`` is the highest annual figure the release published, the floor of any top-coded one."""

    wage: Wage | None
    outlook: Outlook | None
    highest_wage: float | None


def national(conn: sqlite3.Connection) -> National:
    sources = q.imported_kinds(conn)
    wages = _wage_release(conn, sources)
    return National(
        wage=_wage(conn, ALL_OCCUPATIONS, wages) if wages else None,
        outlook=_outlook(conn, ALL_OCCUPATIONS, sources["bls-projections"]["release"])
        if "bls-projections" in sources else None,
        highest_wage=q.highest_annual_wage(conn) if wages else None)


def _outlook(conn: sqlite3.Connection, soc: str, release: str) -> Outlook | None:
    row = q.projection(conn, soc)
    if row is None:
        return None
    return Outlook(release=release, **{k: row[k] for k in Outlook.model_fields if k != "release"})


def occupation(conn: sqlite3.Connection, code: str, *, top: int = 10) -> Occupation:
    """Everything known about an occupation, by SOC (``29-1141``) or O*NET-SOC (``29-1141.00``) code. With
    only the bundled crosswalks (no O*NET database yet) it still gives the title, the clusters, sub-clusters,
    pathways and programs; the details O*NET adds are empty."""
    _require(conn, "advance-cte-soc")
    soc, onet_soc = occupation_code(code)
    onets = q.onet_occupations_for_soc(conn, soc)
    titles = q.soc_titles(conn, soc)
    sources = q.imported_kinds(conn)
    if "onet-db" in sources and onet_soc is not None and not any(o["onet_soc"] == onet_soc for o in onets):
        known = f"; {soc} has {', '.join(o['onet_soc'] for o in onets)}" if onets else ""
        raise NotInDataError(f"no O*NET occupation {onet_soc}{known}")
    if not onets and not titles:
        raise NotInDataError(f"no occupation {soc} in the imported data")
    primary = onet_soc or next((o["onet_soc"] for o in onets if o["onet_soc"].endswith(".00")),
                               onets[0]["onet_soc"] if onets else None)
    detail = q.onet_occupation(conn, primary) if primary else None
    modern = q.modern_memberships(conn, [soc])
    original = q.pathway_memberships(conn, [onet_soc] if onet_soc else [o["onet_soc"] for o in onets]) \
        if onets or onet_soc else q.pathway_memberships_for_soc(conn, soc)
    scores = {r["riasec"]: r["score"] for r in q.interests(conn, primary)} if primary else {}
    wages = _wage_release(conn, sources)
    return Occupation(
        soc=soc, onet_soc=primary, title=detail["title"] if detail else titles[0],
        description=detail["description"] if detail else None,
        onet_occupations=[OccupationRef(code=o["onet_soc"], title=o["title"]) for o in onets],
        clusters=_refs([m["cluster_id"] for m in modern]), subclusters=_refs([m["subcluster_id"] for m in modern]),
        original_clusters=_refs([p["cluster_id"] for p in original]),
        pathways=_refs([p["pathway_id"] for p in original]),
        programs=[Program(cip=r["cip"], title=r["title"], sources=r["sources"].split(","))
                  for r in q.programs_for_soc(conn, soc)],
        wage=_wage(conn, soc, wages) if wages else None,
        outlook=_outlook(conn, soc, sources["bls-projections"]["release"]) if "bls-projections" in sources else None,
        job_zone=q.job_zone(conn, primary) if primary else None,
        riasec=scores,
        riasec_code="".join(k[0] for k, _v in sorted(scores.items(), key=lambda kv: -kv[1])[:3]) or None,
        tasks=[r["task"] for r in q.tasks(conn, primary, top)] if primary else [],
        alternate_titles=q.alternate_titles(conn, primary, top * 2) if primary else [],
        related=[OccupationRef(code=r["onet_soc"], title=r["title"] or "") for r in q.related(conn, primary, top)]
        if primary else [],
        education=[(r["description"] or str(r["category"]), r["percent"]) for r in q.education(conn, primary)][:5]
        if primary else [],
    )


def _listing(row: sqlite3.Row) -> OccupationListing:
    markers = json.loads(row["wage_markers"] or "{}")
    return OccupationListing(soc=row["soc"], title=row["title"], median_wage=row["median_wage"],
                             wage_marker=markers.get("a_median"), openings_k=row["openings_k"],
                             employment_k=row["employment_base_k"], change_pct=row["change_pct"],
                             entry_education=row["entry_education"])


def sort_occupations(items: list[OccupationListing], key: SortKey, descending: bool | None = None
                     ) -> list[OccupationListing]:
    """Sort a listing; figures sort highest first by default, and missing figures always go last."""
    field = {"wage": "median_wage", "openings": "openings_k", "employment": "employment_k",
             "growth": "change_pct"}.get(key)
    if field is None:
        return sorted(items, key=lambda o: (o.title.lower() if key == "title" else o.soc), reverse=bool(descending))
    present = [o for o in items if getattr(o, field) is not None]
    missing = [o for o in items if getattr(o, field) is None]
    desc = True if descending is None else descending
    return sorted(present, key=lambda o: getattr(o, field), reverse=desc) + missing


def contents(conn: sqlite3.Connection, query: str, level: Level, sort: SortKey = "title",
             descending: bool | None = None) -> NodeContents:
    """A modern cluster's or sub-cluster's occupations (with wage and openings), programs and industries."""
    _require(conn, "advance-cte-soc", "advance-cte-cip", "advance-cte-naics")
    node = load_framework().get(query, edition=Edition.MODERN, level=level)
    scope = {"cluster_id": node.id} if level is Level.CLUSTER else {"subcluster_id": node.id}
    occupations = [_listing(r) for r in q.occupations_in(conn, **scope)]
    return NodeContents(
        node=Ref.of(node), level=level.value, definition=node.definition,
        occupations=sort_occupations(occupations, sort, descending),
        programs=[Program(cip=r["cip"], title=r["title"]) for r in q.programs_in(conn, **scope)],
        industries=[Industry(naics=r["naics"], title=r["naics_title"]) for r in q.industries_in(conn, **scope)],
    )


def program(conn: sqlite3.Connection, code: str) -> ProgramProfile:
    """A CIP program: its title and definition, its clusters and sub-clusters, and where it leads."""
    _require(conn, "advance-cte-cip")
    cip = cip_code(code)
    row = q.cip(conn, cip)
    title = row["title"] if row else q.cip_title_from_crosswalks(conn, cip)
    if title is None:
        raise NotInDataError(f"no CIP program {cip} in the imported data")
    memberships = q.program_memberships(conn, cip)
    listings = []
    has_wages = q.national_wage_kind(conn) is not None
    for occ in q.occupations_for_cip(conn, cip):
        wage = _wage(conn, occ["soc"], "") if has_wages else None
        outlook = q.projection(conn, occ["soc"])
        listings.append(OccupationListing(
            soc=occ["soc"], title=occ["title"], median_wage=wage.annual_median if wage else None,
            wage_marker=wage.markers.get("a_median") if wage else None,
            openings_k=outlook["openings_k"] if outlook else None,
            employment_k=outlook["employment_base_k"] if outlook else None,
            change_pct=outlook["change_pct"] if outlook else None,
            entry_education=outlook["entry_education"] if outlook else None, sources=occ["sources"].split(",")))
    return ProgramProfile(
        cip=cip, title=title, definition=row["definition"] if row else None, action=row["action"] if row else None,
        examples=row["examples"] if row else None,
        clusters=_refs([m["cluster_id"] for m in memberships]),
        subclusters=_refs([m["subcluster_id"] for m in memberships]), occupations=listings)


def all_occupations(conn: sqlite3.Connection, sort: SortKey = "title") -> list[OccupationListing]:
    """Every occupation the framework's SOC crosswalk covers, with wage and outlook."""
    _require(conn, "advance-cte-soc")
    return sort_occupations([_listing(r) for r in q.occupations_in(conn)], sort)


def all_programs(conn: sqlite3.Connection) -> list[Program]:
    _require(conn, "advance-cte-cip")
    return [Program(cip=r["cip"], title=r["title"]) for r in q.all_programs(conn)]


def industries(conn: sqlite3.Connection) -> list[IndustryLink]:
    _require(conn, "advance-cte-naics")
    grouped: dict[str, tuple[str, list[str], list[str]]] = {}
    for row in q.industry_links(conn):
        title, clusters, subs = grouped.setdefault(row["naics"], (row["naics_title"], [], []))
        clusters.append(row["cluster_id"])
        subs.append(row["subcluster_id"])
    return [IndustryLink(naics=code, title=title, clusters=_refs(clusters), subclusters=_refs(subs))
            for code, (title, clusters, subs) in grouped.items()]
