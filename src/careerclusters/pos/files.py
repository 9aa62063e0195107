"""Programs of study as files: YAML or JSON (one program, or a list), the flat CSV layout with one row per course
that state offices keep their catalogs in, and the state matrix workbook (``pos.workbook``).

Files in format version 2 are read as they are; version 1 files (``format: careerclusters/program-of-study/1``,
or no ``format`` and valid as version 1) are read as version 1 and upgraded (``pos.version1``). A file is told by
its contents where it can be: a zip (a workbook) is read as a workbook whatever its name, binary data is refused,
and text is CSV when the name ends in ``.csv`` and YAML or JSON otherwise.

Every bad file is refused with one line naming the file and where in it the problem is: the line and field
for YAML and JSON, the row and column for CSV, the sheet, row and column for a workbook. Nothing is half-read: a
file either gives all its programs or none. What could make a small file expensive to read is refused before it
is read: YAML aliases (a few lines can expand without end), nesting deeper than any program of study needs (a
document nested thousands of levels deep would exhaust the parser's recursion), files over the size limit.

CSV layout (version 1's, kept for catalogs): one row per course, in sequence order; rows of one program share
``program_id``. The program's own columns (title, owner, CIP codes, …) are read from its first row; later rows
may repeat them or leave them blank, but may not contradict them. Lists inside a cell are separated by ``;``:
CIP codes, sub-cluster ids, occupations (``29-1141 Registered Nurses``), articulations (``institution | program |
CIP | credits``) and the credentials a course earns (``credential``, ``credential_issuer`` and ``credential_kind``
aligned). A program that uses what version 1 cannot hold (groups, years, work-based learning of a named kind…)
is written as YAML, JSON or a workbook instead; writing it as CSV says so.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from careerclusters.base.errors import CareerClustersError
from careerclusters.base.tables import WORKBOOK_SUFFIXES, ZIP_MAGIC
from careerclusters.base.text import decode_text
from careerclusters.pos import version1
from careerclusters.pos.model import FORMAT, ProgramOfStudy
from careerclusters.pos.problems import ProgramFileError, dotted, first_problem

SCHEMA_FILE = Path(__file__).with_name("program-of-study.schema.json")
SCHEMA_V1_FILE = Path(__file__).with_name("program-of-study-1.schema.json")
MAX_FILE_BYTES = 20_000_000
#: The deepest nesting a program-of-study document needs is about eight (a list of programs, a level, a group, a
#: course, its early-college credit); anything far deeper is not one, and would only tax the parser.
MAX_DEPTH = 40
FORMATS = {FORMAT: ProgramOfStudy, version1.FORMAT: version1.ProgramOfStudy}

PROGRAM_COLUMNS = ("program_id", "program_title", "owner", "owner_kind", "example", "program_description",
                   "subclusters", "pathway", "secondary_cip", "postsecondary_cip", "occupations", "articulations")
LEVEL_COLUMNS = ("level", "stage", "step", "entry_point", "exit_point")
COURSE_COLUMNS = ("course_code", "sced_code", "course_title", "credits", "course_type", "course_level",
                  "dual_credit", "work_based_learning", "elective")
CREDENTIAL_COLUMNS = ("credential", "credential_issuer", "credential_kind")
COLUMNS = PROGRAM_COLUMNS + LEVEL_COLUMNS + COURSE_COLUMNS + CREDENTIAL_COLUMNS
REQUIRED = ("program_id", "level", "stage", "step", "course_code", "course_title", "credits", "course_type")

_COURSE_FIELDS = dict(zip(COURSE_COLUMNS, ("code", "sced", "title", "credits", "kind", "level", "dual_credit",
                                           "work_based_learning", "elective"), strict=True))
_LEVEL_FIELDS = dict(zip(LEVEL_COLUMNS, ("name", "stage", "step", "entry_point", "exit_point"), strict=True))
_TRUE, _FALSE = {"yes", "y", "true", "1", "x"}, {"no", "n", "false", "0", ""}


def model_for(data: object) -> type[BaseModel]:
    """The model a document's ``format`` names; without one, version 1 when the data is valid version 1 (files
    written before version 2 left it out), else version 2."""
    if isinstance(data, dict) and "format" in data:
        found = FORMATS.get(data["format"]) if isinstance(data["format"], str) else None
        if found is None:
            raise ValueError(f"format {str(data['format'])[:80]!r} is not one this version reads: use "
                             f"{FORMAT} (or {version1.FORMAT})")
        return found
    try:
        version1.ProgramOfStudy.model_validate(data)
    except ValidationError:
        return ProgramOfStudy
    return version1.ProgramOfStudy


def program_from(data: object) -> ProgramOfStudy:
    """A version 2 program from a document's data in either version; pydantic's ``ValidationError`` (or a
    ``ValueError`` for an unknown format) when it is not one."""
    kind = model_for(data)
    program = kind.model_validate(data)
    return version1.upgrade(program) if isinstance(program, version1.ProgramOfStudy) else program


def from_document(text: str) -> ProgramOfStudy:
    """A program stored as JSON, in either version (stores written before version 2 hold version 1)."""
    return program_from(json.loads(text))


# -- YAML and JSON -----------------------------------------------------------------------------------------

def _line_of(node: yaml.Node | None, loc: Sequence[int | str]) -> int | None:
    """The line of ``loc`` in a composed YAML document, or of its nearest parent that exists."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            child = next((value for key, value in node.value if key.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            break
        node, line = child, child.start_mark.line + 1
    return line


def _check_shape(text: str, file: str) -> None:
    """Refuse aliases and deep nesting from the parser's events, before anything recursive reads the document."""
    depth = 0
    for event in yaml.parse(text):
        if isinstance(event, yaml.AliasEvent):
            raise ProgramFileError(file, "uses YAML aliases (*name); write each value out")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise ProgramFileError(file, f"nested more than {MAX_DEPTH} levels deep: not a program of study",
                                       line=event.start_mark.line + 1)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def parse_document(text: str, file: str) -> list[ProgramOfStudy]:
    """Programs from YAML or JSON text (JSON is read as the YAML it is a subset of, for line numbers)."""
    try:
        _check_shape(text, file)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ProgramFileError(file, f"not valid YAML or JSON ({getattr(exc, 'problem', None) or exc})",
                               line=mark.line + 1 if mark else None) from None
    if data is None:
        raise ProgramFileError(file, "holds no program of study (it is empty)")
    many = isinstance(data, list)
    items = data if many else [data]
    programs = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            where = (index,) if many else ()
            raise ProgramFileError(file, "not a program of study: a program is a mapping of its fields (format, id, "
                                         "title, owner, levels, …)", line=_line_of(yaml.compose(text), where),
                                   field=dotted(where) or "(document)")
        try:
            programs.append(program_from(item))
        except ValidationError as exc:
            loc, message = first_problem(exc)
            full = (index, *loc) if many else loc
            raise ProgramFileError(file, message, line=_line_of(yaml.compose(text), full),
                                   field=dotted(full) or "(document)") from None
        except ValueError as exc:
            where = (index, "format") if many else ("format",)
            raise ProgramFileError(file, str(exc), line=_line_of(yaml.compose(text), where),
                                   field=dotted(where)) from None
    if not programs:
        raise ProgramFileError(file, "holds no program of study")
    return programs


def to_yaml(program: ProgramOfStudy) -> str:
    return _yaml({"format": program.format} | _compact(program))


def _compact(program: ProgramOfStudy) -> dict[str, Any]:
    return program.model_dump(mode="json", exclude_defaults=True, exclude={"format"})


def _yaml(data: object) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)


def to_json(program: ProgramOfStudy) -> str:
    return program.model_dump_json(indent=2) + "\n"


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of the file format (version 2), generated from the model."""
    schema = TypeAdapter(ProgramOfStudy).json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            **schema}


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


# -- CSV ---------------------------------------------------------------------------------------------------

def _cells(values: Iterable[str]) -> str:
    return "; ".join(values)


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _flag(cell: str, file: str, row: int, column: str) -> bool:
    lowered = cell.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ProgramFileError(file, f"{cell!r} is not yes or no", row=row, column=column)


def _number(text: str) -> str:
    return f"{float(text):g}"


def _first_level(program: version1.ProgramOfStudy, code: str) -> version1.Level:
    return next(level for level in program.levels if any(course.code == code for course in level.courses))


def to_csv_rows(programs: Iterable[ProgramOfStudy]) -> list[dict[str, str]]:
    """One row per course, every column filled (the program's and the level's columns repeated); a program the
    version 1 layout cannot hold is refused naming what it uses (``version1.NotInVersion1``)."""
    rows = []
    for p in (version1.downgrade(program) for program in programs):
        head = {"program_id": p.id, "program_title": p.title, "owner": p.owner.name, "owner_kind": p.owner.kind,
                "example": _yes(p.example), "program_description": p.description or "",
                "subclusters": _cells(p.subclusters), "pathway": p.pathway or "",
                "secondary_cip": _cells(p.secondary_cip), "postsecondary_cip": _cells(p.postsecondary_cip),
                "occupations": _cells(f"{o.soc} {o.title or ''}".strip() for o in p.occupations),
                "articulations": _cells(" | ".join([a.institution, a.program, a.cip or "",
                                                    "" if a.credits is None else _number(str(a.credits))])
                                        for a in p.articulations)}
        for level in p.levels:
            for course in level.courses:
                earned = [c for c in p.credentials if c.course == course.code and _first_level(p, c.course) is level]
                rows.append(head | {
                    "level": level.name, "stage": level.stage, "step": str(level.step),
                    "entry_point": _yes(level.entry_point), "exit_point": _yes(level.exit_point),
                    "course_code": course.code, "sced_code": course.sced or "", "course_title": course.title,
                    "credits": _number(str(course.credits)), "course_type": course.kind.value,
                    "course_level": course.level.value if course.level else "",
                    "dual_credit": _yes(course.dual_credit), "work_based_learning": _yes(course.work_based_learning),
                    "elective": _yes(course.elective), "credential": _cells(c.name for c in earned),
                    "credential_issuer": _cells(c.issuer for c in earned),
                    "credential_kind": _cells(c.kind for c in earned)})
    return rows


def to_csv(programs: Iterable[ProgramOfStudy]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(to_csv_rows(programs))
    return out.getvalue()


class _CsvProgram:
    """One program being gathered from its rows, remembering where each value came from."""

    def __init__(self, file: str):
        self.file = file
        self.head: dict[str, tuple[str, int]] = {}
        self.levels: dict[str, dict[str, Any]] = {}
        self.credentials: list[dict[str, Any]] = []
        self.places: dict[tuple[int | str, ...], tuple[int, str]] = {}

    def add(self, cells: dict[str, str], row: int) -> None:
        for column in PROGRAM_COLUMNS:
            value = cells.get(column, "").strip()
            if not value:
                continue
            if column in self.head and self.head[column][0] != value:
                raise ProgramFileError(self.file, f"{value!r} contradicts {self.head[column][0]!r} given in row "
                                       f"{self.head[column][1]} for the same program", row=row, column=column)
            self.head.setdefault(column, (value, row))
        name = cells["level"].strip()
        level = self.levels.get(name)
        if level is None:
            index = len(self.levels)
            level = self.levels[name] = {"courses": [], "_index": index}
            for column, field in _LEVEL_FIELDS.items():
                value = cells.get(column, "")
                level[field] = _flag(value, self.file, row, column) if column.endswith("_point") else value.strip()
                self.places[("levels", index, field)] = (row, column)
            self.places[("levels", index)] = (row, "level")
        index, position = level["_index"], len(level["courses"])
        course: dict[str, Any] = {}
        for column, field in _COURSE_FIELDS.items():
            value = cells.get(column, "").strip()
            if column in ("dual_credit", "work_based_learning", "elective"):
                course[field] = _flag(value, self.file, row, column)
            elif value:
                course[field] = value
            self.places[("levels", index, "courses", position, field)] = (row, column)
        self.places[("levels", index, "courses", position)] = (row, "course_code")
        level["courses"].append(course)
        self._add_credentials(cells, row, course.get("code", ""))

    def _add_credentials(self, cells: dict[str, str], row: int, course_code: str) -> None:
        names, issuers, kinds = (_split(cells.get(c, "")) for c in CREDENTIAL_COLUMNS)
        if not (len(names) == len(issuers) == len(kinds)):
            raise ProgramFileError(self.file, f"{len(names)} credential names, {len(issuers)} issuers and "
                                   f"{len(kinds)} kinds: give one of each per credential, separated by ';'",
                                   row=row, column="credential")
        for name, issuer, kind in zip(names, issuers, kinds, strict=True):
            position = len(self.credentials)
            self.credentials.append({"name": name, "issuer": issuer, "kind": kind, "course": course_code})
            for field, column in (("name", "credential"), ("issuer", "credential_issuer"),
                                  ("kind", "credential_kind"), ("course", "course_code")):
                self.places[("credentials", position, field)] = (row, column)
            self.places[("credentials", position)] = (row, "credential")

    def _lists(self, column: str) -> list[str]:
        return _split(self.head.get(column, ("", 0))[0])

    def _occupations(self) -> list[dict[str, Any]]:
        found = []
        for entry in self._lists("occupations"):
            code, _, title = entry.partition(" ")
            found.append({"soc": code, "title": title.strip() or None})
        return found

    def _articulations(self) -> list[dict[str, Any]]:
        found = []
        row = self.head.get("articulations", ("", 0))[1]
        for entry in self._lists("articulations"):
            parts = [part.strip() for part in entry.split("|")] + ["", ""]
            if len(parts) > 6:
                raise ProgramFileError(self.file, f"{entry!r}: write an articulation as 'institution | program | "
                                       "CIP | credits'", row=row, column="articulations")
            found.append({"institution": parts[0], "program": parts[1] if len(parts) > 1 else "",
                          "cip": parts[2] or None, "credits": parts[3] or None})
        return found

    def build(self) -> ProgramOfStudy:
        value = {column: text for column, (text, _) in self.head.items()}
        data: dict[str, Any] = {
            "id": value.get("program_id", ""), "title": value.get("program_title", ""),
            "owner": {"name": value.get("owner", ""), "kind": value.get("owner_kind") or "state"},
            "example": _flag(value.get("example", ""), self.file, self.head.get("example", ("", 0))[1], "example"),
            "description": value.get("program_description"), "subclusters": self._lists("subclusters"),
            "pathway": value.get("pathway"), "secondary_cip": self._lists("secondary_cip"),
            "postsecondary_cip": self._lists("postsecondary_cip"), "occupations": self._occupations(),
            "articulations": self._articulations(), "credentials": self.credentials,
            "levels": [{k: v for k, v in level.items() if k != "_index"} for level in self.levels.values()],
        }
        columns = {"id": "program_id", "title": "program_title", "owner": "owner", "description":
                   "program_description", "subclusters": "subclusters", "pathway": "pathway",
                   "secondary_cip": "secondary_cip", "postsecondary_cip": "postsecondary_cip",
                   "occupations": "occupations", "articulations": "articulations"}
        try:
            return version1.upgrade(version1.ProgramOfStudy.model_validate(data))
        except ValidationError as exc:
            loc, message = first_problem(exc)
            for cut in range(len(loc), 0, -1):
                if loc[:cut] in self.places:
                    row, column = self.places[loc[:cut]]
                    break
            else:
                column = columns.get(str(loc[0]) if loc else "", "program_id")
                row = self.head.get(column, ("", min(r for r, _ in self.places.values())))[1]
            raise ProgramFileError(self.file, f"{dotted(loc) or 'program'}: {message}", row=row,
                                   column=column) from None


def parse_csv(text: str, file: str) -> list[ProgramOfStudy]:
    """Programs from the flat CSV layout (see the module's docstring)."""
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip().lower().replace(" ", "_") for h in next(reader, [])]
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise ProgramFileError(file, f"missing column(s) {', '.join(missing)}; the layout's columns are "
                                   f"{', '.join(COLUMNS)}", row=1, column=missing[0])
        unknown = [h for h in header if h and h not in COLUMNS]
        if unknown:
            raise ProgramFileError(file, f"unknown column {unknown[0]!r}", row=1, column=unknown[0])
        gathered: dict[str, _CsvProgram] = {}
        for number, row in enumerate(reader, start=2):
            if any(cell.strip() for cell in row):
                _gather(gathered, header, row, number, file)
    except csv.Error as exc:
        raise ProgramFileError(file, f"not a readable CSV file ({exc})", row=reader.line_num or 1) from None
    if not gathered:
        raise ProgramFileError(file, "holds no courses", row=2)
    return [program.build() for program in gathered.values()]


def _gather(gathered: dict[str, _CsvProgram], header: list[str], row: list[str], number: int, file: str) -> None:
    if len(row) > len(header):
        raise ProgramFileError(file, f"{len(row)} cells but {len(header)} columns", row=number,
                               column=f"#{len(header) + 1}")
    cells = dict(zip(header, row, strict=False))
    for column in REQUIRED:
        if not cells.get(column, "").strip():
            raise ProgramFileError(file, "is empty", row=number, column=column)
    gathered.setdefault(cells["program_id"].strip(), _CsvProgram(file)).add(cells, number)


def read_bytes(path: Path) -> bytes:
    """A program-of-study file's bytes; a missing, unreadable or oversized file is one line naming it."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ProgramFileError(path.name, f"larger than {MAX_FILE_BYTES // 1_000_000} MB")
        return path.read_bytes()
    except FileNotFoundError:
        raise ProgramFileError(str(path), "no such file") from None
    except IsADirectoryError:
        raise ProgramFileError(str(path), "a folder, not a file") from None
    except OSError as exc:
        raise ProgramFileError(str(path), f"cannot read ({exc.strerror or exc})") from None


def _text(data: bytes, file: str) -> str:
    """The text of a YAML, JSON or CSV file: UTF-8, Windows-1252 or (Excel's "Unicode text") UTF-16."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ProgramFileError(file, "not readable UTF-16 text") from None
    if b"\x00" in data:
        raise ProgramFileError(file, "binary data, not a YAML, JSON or CSV file (or an .xlsx workbook)")
    return decode_text(data)[0]


def parse(text: str, file: str) -> list[ProgramOfStudy]:
    """Programs from a file's text; the layout is chosen by the file name (``.csv``, else YAML/JSON)."""
    return parse_csv(text, file) if file.lower().endswith(".csv") else parse_document(text, file)


def parse_bytes(data: bytes, file: str) -> list[ProgramOfStudy]:
    """Programs from a file's bytes: a workbook when they are a zip archive, else text (see ``parse``)."""
    if len(data) > MAX_FILE_BYTES:
        raise ProgramFileError(file, f"larger than {MAX_FILE_BYTES // 1_000_000} MB")
    if data.startswith(ZIP_MAGIC):
        from careerclusters.pos import workbook  # openpyxl, loaded when a workbook is read

        return workbook.parse_workbook(data, file)
    if file.lower().endswith(WORKBOOK_SUFFIXES):
        raise ProgramFileError(file, "not an Excel workbook (.xlsx): save it from Excel or LibreOffice as .xlsx")
    return parse(_text(data, file), file)


def read(path: Path) -> list[ProgramOfStudy]:
    """Every program of study in a YAML, JSON or CSV file, or a workbook."""
    return parse_bytes(read_bytes(path), path.name)


def _leading_comments(text: str) -> str:
    """The comment lines a YAML file opens with (what it is, who wrote it), to keep when it is rewritten."""
    kept = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        kept.append(line + "\n")
    return "".join(kept)


def upgraded(path: Path) -> tuple[str, list[ProgramOfStudy]]:
    """A YAML or JSON file's text rewritten in format version 2 (YAML keeps its opening comments), and its
    programs. A CSV catalog or a workbook is not rewritten in place: write its programs out as YAML instead."""
    data = read_bytes(path)
    if data.startswith(ZIP_MAGIC) or path.suffix.lower() == ".csv":
        raise ProgramFileError(path.name, "a CSV catalog or a workbook is not rewritten in place: write its "
                                          "programs out as version 2 YAML with -o FOLDER")
    text = _text(data, path.name)
    programs = parse_document(text, path.name)
    if path.suffix.lower() == ".json":
        return render(programs, "json"), programs
    return _leading_comments(text) + render(programs, "yaml"), programs


def render(programs: Sequence[ProgramOfStudy], fmt: str) -> str:
    """Programs written as ``yaml``, ``json`` or ``csv`` (a workbook is bytes: ``workbook.write``)."""
    if fmt == "csv":
        return to_csv(programs)
    if fmt == "json":
        return "".join(to_json(p) for p in programs) if len(programs) == 1 else json.dumps(
            [p.model_dump(mode="json") for p in programs], indent=2) + "\n"
    if fmt == "yaml":
        return to_yaml(programs[0]) if len(programs) == 1 else _yaml(
            [{"format": p.format} | _compact(p) for p in programs])
    raise CareerClustersError(f"unknown format {fmt!r}: use yaml, json or csv")
