"""Programs of study kept in the store: importing files (all or nothing), listing and showing them.

Files are read and checked completely before anything is written, so one bad file among many leaves the store
exactly as it was; a program id given twice in one run is refused, since one of the two would be lost.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel

from careerclusters.base.codes import cip_code
from careerclusters.base.commands import command
from careerclusters.base.errors import CareerClustersError
from careerclusters.framework import Edition, Level, load_framework
from careerclusters.pos import ProgramOfStudy, files
from careerclusters.pos.checker import Checker
from careerclusters.store import NotInDataError
from careerclusters.store import pos as pq


class ImportedProgram(BaseModel):
    id: str
    title: str
    file: str
    status: str  # imported, replaced or unchanged


class ProgramSummary(BaseModel):
    id: str
    title: str
    owner: str
    example: bool
    subclusters: list[str]
    cips: list[str]
    file_name: str
    imported_at: str


class StoredProgramOfStudy(BaseModel):
    program: ProgramOfStudy
    file_name: str
    imported_at: str


#: A program as read: (file name, the file's SHA-256, the program).
Read = tuple[str, str, ProgramOfStudy]


def read_files(paths: Sequence[Path]) -> list[Read]:
    """``(file name, file checksum, program)`` for every program in ``paths``; any bad file fails them all."""
    found: list[Read] = []
    seen: dict[str, str] = {}
    for path in paths:
        data = files.read_bytes(path)
        digest = hashlib.sha256(data).hexdigest()
        for program in files.parse_bytes(data, path.name):
            if program.id in seen:
                raise CareerClustersError(f"{path.name}: program id {program.id!r} is also given in {seen[program.id]}")
            seen[program.id] = path.name
            found.append((path.name, digest, program))
    return found


def _stored(file_name: str, digest: str, p: ProgramOfStudy) -> pq.StoredProgram:
    return pq.StoredProgram(
        id=p.id, title=p.title, owner=p.owner.name, example=p.example, document=p.model_dump_json(),
        subclusters=p.subclusters, file_name=file_name, sha256=digest,
        cips=[(cip, "secondary") for cip in p.secondary_cip] + [(cip, "postsecondary") for cip in p.postsecondary_cip])


def import_files(conn: sqlite3.Connection, paths: Sequence[Path]) -> list[ImportedProgram]:
    """Import every program of study in ``paths`` in one transaction; programs with the same id are replaced."""
    return import_programs(conn, read_files(paths))


def import_programs(conn: sqlite3.Connection, found: Sequence[Read]) -> list[ImportedProgram]:
    """Import programs already read by ``read_files`` (to check and import them from one reading)."""
    statuses = pq.save(conn, [_stored(name, digest, p) for name, digest, p in found])
    return [ImportedProgram(id=p.id, title=p.title, file=name, status=statuses[p.id]) for name, _, p in found]


def _subcluster(text: str) -> str:
    return load_framework().get(text, edition=Edition.MODERN, level=Level.SUBCLUSTER).id


def list_programs(conn: sqlite3.Connection, *, subcluster: str | None = None,
                  cip: str | None = None) -> list[ProgramSummary]:
    """Stored programs of study, optionally those of one sub-cluster (id or name) or using one CIP code."""
    rows = pq.listing(conn, subcluster=_subcluster(subcluster) if subcluster else None,
                      cip=cip_code(cip) if cip else None)
    return [ProgramSummary(id=r["id"], title=r["title"], owner=r["owner"], example=bool(r["example"]),
                           subclusters=(r["subclusters"] or "").split(";"),
                           cips=sorted(set((r["cips"] or "").split(";")) - {""}),
                           file_name=r["file_name"], imported_at=r["imported_at"]) for r in rows]


def offered_to_learners(conn: sqlite3.Connection, checker: Checker) -> tuple[list[ProgramSummary], int]:
    """The programs of study a learner may plan with, and how many are held back: a program the checker finds
    an error in (an unknown code, no credential, ...) would lead a student to a plan that misleads, so it
    waits until its authors fix it (staff still see it, with its findings, on its own page)."""
    programs = list_programs(conn)
    offered = [p for p in programs
               if not any(f.severity == "error" for f in checker.check(get(conn, p.id).program).findings)]
    return offered, len(programs) - len(offered)


def get(conn: sqlite3.Connection, program_id: str) -> StoredProgramOfStudy:
    row = pq.one(conn, program_id.strip().lower())
    if row is None:
        raise NotInDataError(f"no program of study {program_id!r} is imported (see `{command('pos list')}`)")
    return StoredProgramOfStudy(program=files.from_document(row["document"]),
                                file_name=row["file_name"], imported_at=row["imported_at"])
