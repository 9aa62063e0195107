"""The O*NET database in its tab-delimited text format, from a folder or the official zip.

Only the files the project uses are read. Newer releases (30.x, 31.0) renamed some files and columns,
so each dataset lists the names it accepts and columns are matched by header name, never by position.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from careerclusters.base.errors import SourceError
from careerclusters.sources.base import ONET_SOC, Columns, Extract, checked_code, text

PUBLISHER = "O*NET Resource Center (USDOL/ETA)"
KIND = "onet-db"
CODE = ("O*NET-SOC Code", "O*NET SOC Code", "ONET-SOC Code", "O*NET-SOC 2019 Code")


#: O*NET's rating files and the domain each one rates, as the store names it.
RATING_FILES: dict[str, str] = {"Skills.txt": "skills", "Knowledge.txt": "knowledge", "Abilities.txt": "abilities",
                                "Work Activities.txt": "work-activities"}
RATING_COLUMNS: dict[str, tuple[str, ...]] = {
    "onet_soc": CODE, "element_id": ("Element ID",), "element": ("Element Name",), "scale": ("Scale ID",),
    "value": ("Data Value",), "suppress": ("Recommend Suppress",), "not_relevant": ("Not Relevant",)}
#: The rating scales kept: importance (1–5) and level (0–7).
RATING_SCALES = ("IM", "LV")


@dataclass(frozen=True)
class Dataset:
    table: str
    files: tuple[str, ...]
    columns: dict[str, tuple[str, ...]]
    required: bool = True


DATASETS = (
    Dataset("onet_occupation", ("Occupation Data.txt", "Occupations.txt"),
            {"onet_soc": CODE, "title": ("Title",), "description": ("Description",)}),
    Dataset("onet_alt_title", ("Alternate Titles.txt", "Job Titles.txt", "Alternate Job Titles.txt"),
            {"onet_soc": CODE, "title": ("Alternate Title", "Job Title", "Title"),
             "short_title": ("Short Title",)}),
    Dataset("onet_reported_title", ("Sample of Reported Titles.txt", "Reported Job Titles.txt",
                                    "Sample of Reported Job Titles.txt"),
            {"onet_soc": CODE, "title": ("Reported Job Title", "Reported Title", "Title"),
             "shown": ("Shown in My Next Move", "Shown in MNM")}),
    Dataset("onet_task", ("Task Statements.txt", "Tasks.txt"),
            {"onet_soc": CODE, "task_id": ("Task ID",), "task": ("Task", "Task Statement"),
             "task_type": ("Task Type",), "incumbents": ("Incumbents Responding",)}),
    Dataset("onet_interest", ("Interests.txt", "Occupational Interests.txt"),
            {"onet_soc": CODE, "element": ("Element Name",), "scale": ("Scale ID",),
             "value": ("Data Value",)}),
    Dataset("onet_job_zone", ("Job Zones.txt",), {"onet_soc": CODE, "job_zone": ("Job Zone",)}),
    Dataset("onet_related", ("Related Occupations.txt",),
            {"onet_soc": CODE, "related": ("Related O*NET-SOC Code", "Related O*NET SOC Code"),
             "tier": ("Relatedness Tier",), "rank": ("Index",)}, required=False),
    Dataset("onet_education", ("Education, Training, and Experience.txt", "Education and Training.txt"),
            {"onet_soc": CODE, "element_id": ("Element ID",), "scale": ("Scale ID",),
             "category": ("Category",), "value": ("Data Value",)}),
    Dataset("onet_education_category", ("Education, Training, and Experience Categories.txt",
                                         "Education and Training Categories.txt"),
            {"element_id": ("Element ID",), "scale": ("Scale ID",), "category": ("Category",),
             "description": ("Category Description",)}),
    # The work itself, for comparing two occupations: detailed work activities (DWAs) and the tasks they
    # group, and the technologies workers use. Optional, so a reduced copy of the database still imports.
    Dataset("onet_dwa", ("DWA Reference.txt",),
            {"element_id": ("Element ID",), "iwa_id": ("IWA ID",), "dwa_id": ("DWA ID",),
             "title": ("DWA Title",)}, required=False),
    Dataset("onet_task_dwa", ("Tasks to DWAs.txt",),
            {"onet_soc": CODE, "task_id": ("Task ID",), "dwa_id": ("DWA ID",)}, required=False),
    Dataset("onet_technology", ("Technology Skills.txt",),
            {"onet_soc": CODE, "example": ("Example",), "commodity_code": ("Commodity Code",),
             "commodity_title": ("Commodity Title",), "hot": ("Hot Technology",), "in_demand": ("In Demand",)},
            required=False),
    # The rating files (importance IM and level LV of each element): in the full database, not in every copy.
    *(Dataset("onet_rating", (name,), RATING_COLUMNS, required=False) for name in RATING_FILES),
)

OPTIONAL = {"short_title", "shown", "task_type", "incumbents", "tier", "rank", "hot", "in_demand", "suppress",
            "not_relevant"}
_RIASEC = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")


class _Folder:
    """The database's files, from a directory or a zip (whose files sit in one sub-folder)."""

    def __init__(self, path: Path):
        self.path = path
        if path.is_dir():
            self.names = {p.name.lower(): p.name for p in path.iterdir() if p.is_file()}
            self.zip = None
        else:
            try:
                self.zip = zipfile.ZipFile(path)
            except (zipfile.BadZipFile, OSError) as exc:
                raise SourceError(path.name, f"not a readable zip archive ({exc})") from exc
            self.names = {n.rsplit("/", 1)[-1].lower(): n for n in self.zip.namelist() if not n.endswith("/")}

    def has(self, name: str) -> bool:
        return name.lower() in self.names

    def read_text(self, name: str) -> str:
        member = self.names[name.lower()]
        try:
            raw = self.zip.read(member) if self.zip else (self.path / member).read_bytes()
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise SourceError(self.path.name, f"cannot read {name} ({exc})") from exc
        return raw.decode("utf-8-sig", errors="replace")


def looks_like(path: Path) -> bool:
    """A folder or zip with O*NET's occupation file in it."""
    try:
        folder = _Folder(path)
    except SourceError:
        return False
    return any(folder.has(name) for name in DATASETS[0].files)


def _release(folder: _Folder) -> str:
    """'O*NET 27.0 (August 2022)' from the database's Read Me, when it has one."""
    for name in ("Read Me.txt", "ReadMe.txt"):
        if folder.has(name):
            lines = folder.read_text(name).splitlines()[:3]
            version = next((m.group(1) for line in lines if (m := re.search(r"O\*NET ([\d.]+)", line))), None)
            when = next((m.group(1) for line in lines if (m := re.search(r"(\w+ \d{4}) Release", line))), None)
            if version:
                return f"O*NET {version}" + (f" ({when})" if when else "")
    return "O*NET (release not stated)"


def _tsv(folder: _Folder, dataset: Dataset) -> tuple[str, Columns, Iterator[tuple[int, list[str]]]]:
    name = next(n for n in dataset.files if folder.has(n))
    reader = csv.reader(io.StringIO(folder.read_text(name)), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header is None:
        raise SourceError(name, "the file is empty")
    cols = Columns(header, dataset.columns, file=name, row=1, optional=OPTIONAL)
    return name, cols, ((number, row) for number, row in enumerate(reader, start=2) if any(row))


def _number(value: object, file: str, row: int, column: str) -> float:
    try:
        return float(text(value))
    except ValueError:
        raise SourceError(file, f"{text(value)!r} is not a number", row=row, column=column) from None


def read(path: Path, sha256: str, release: str | None = None) -> Extract:
    folder = _Folder(path)
    extract = Extract(KIND, PUBLISHER, release or _release(folder), path.name, sha256)
    for dataset in DATASETS:
        if not any(folder.has(n) for n in dataset.files):
            if dataset.required:
                raise SourceError(path.name, f"the O*NET database has no {dataset.files[0]!r}")
            continue
        extract.tables.setdefault(dataset.table, []).extend(_rows(folder, dataset))
    return extract


def _rows(folder: _Folder, dataset: Dataset) -> Iterator[tuple]:
    file, cols, rows = _tsv(folder, dataset)
    code_column = dataset.columns["onet_soc"][0] if "onet_soc" in dataset.columns else None

    def code(row: list[str], number: int, key: str = "onet_soc") -> str:
        return checked_code(cols.get(row, key), ONET_SOC, "O*NET-SOC", file=file, row=number,
                            column=dataset.columns[key][0])

    def value(row: list[str], key: str) -> str:
        return text(cols.get(row, key))

    for number, row in rows:
        onet_soc = code(row, number) if code_column else ""
        match dataset.table:
            case "onet_occupation":
                yield onet_soc, onet_soc[:7], value(row, "title"), value(row, "description")
            case "onet_alt_title":
                short = value(row, "short_title")
                yield onet_soc, value(row, "title"), None if short in {"", "n/a"} else short
            case "onet_reported_title":
                yield onet_soc, value(row, "title"), value(row, "shown") == "Y"
            case "onet_task":
                incumbents = value(row, "incumbents")
                yield onet_soc, int(_number(cols.get(row, "task_id"), file, number, "Task ID")), \
                    value(row, "task"), value(row, "task_type") or None, \
                    None if incumbents in {"", "n/a"} else int(_number(incumbents, file, number,
                                                                        "Incumbents Responding"))
            case "onet_interest":
                # OI is the 1–7 profile score per RIASEC type; high-point (IH) rows are derived from it.
                if value(row, "scale") == "OI" and value(row, "element") in _RIASEC:
                    yield onet_soc, value(row, "element"), _number(cols.get(row, "value"), file, number,
                                                                   "Data Value")
            case "onet_job_zone":
                yield onet_soc, int(_number(cols.get(row, "job_zone"), file, number, "Job Zone"))
            case "onet_related":
                yield onet_soc, code(row, number, "related"), value(row, "tier"), \
                    int(_number(value(row, "rank") or 0, file, number, "Index"))
            case "onet_education":
                # RL: share of workers by required level of education (categories 1–12).
                if value(row, "scale") == "RL":
                    yield onet_soc, int(_number(cols.get(row, "category"), file, number, "Category")), \
                        _number(cols.get(row, "value"), file, number, "Data Value")
            case "onet_education_category":
                if value(row, "scale") == "RL":
                    yield int(_number(cols.get(row, "category"), file, number, "Category")), \
                        value(row, "description")
            case "onet_dwa":
                yield value(row, "dwa_id"), value(row, "iwa_id"), value(row, "element_id"), value(row, "title")
            case "onet_task_dwa":
                yield onet_soc, int(_number(cols.get(row, "task_id"), file, number, "Task ID")), value(row, "dwa_id")
            case "onet_technology":
                yield onet_soc, value(row, "example"), value(row, "commodity_code"), value(row, "commodity_title"), \
                    value(row, "hot") == "Y", value(row, "in_demand") == "Y"
            case "onet_rating":
                # O*NET marks some estimates "Recommend Suppress" (too few or too varied answers) and some
                # levels "Not Relevant" (importance too low to rate a level): both are kept out.
                if value(row, "scale") in RATING_SCALES and value(row, "suppress") != "Y" \
                        and value(row, "not_relevant") != "Y":
                    yield onet_soc, RATING_FILES[file], value(row, "element_id"), value(row, "element"), \
                        value(row, "scale"), _number(cols.get(row, "value"), file, number, "Data Value")
