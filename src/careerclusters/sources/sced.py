"""NCES's School Courses for the Exchange of Data (SCED), version 12: the secondary course list.

NCES publishes SCED as a PDF; the CSV users have of it (columns ``Course Title``, ``SCED Course Code``,
``Course Description``) is often Windows-1252 and, once a spreadsheet has touched it, may have lost the
leading zero of codes in subject areas 01–09 (``1001`` for ``01001``) or kept it as a formula
(``="01001"``). The reader restores both, so a course code is always the five digits NCES prints: two for
the subject area and three for the course.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from careerclusters.base.errors import SourceError
from careerclusters.base.text import read_csv_text
from careerclusters.sources.base import Columns, Extract, text

PUBLISHER = "NCES (U.S. Department of Education)"
KIND = "nces-sced"
COLUMNS = {"title": ("Course Title",), "code": ("SCED Course Code", "Course Code"),
           "description": ("Course Description",)}
_CODE = re.compile(r"^\d{4,5}$")

#: SCED course subject areas (the first two digits of a course code), as NCES names them. Areas 10–21
#: are the career and technical areas, named for the original career clusters.
SUBJECT_AREAS: dict[str, str] = {
    "01": "English Language and Literature",
    "02": "Mathematics",
    "03": "Life and Physical Sciences",
    "04": "Social Sciences and History",
    "05": "Fine and Performing Arts",
    "07": "Religious Education and Theology",
    "08": "Physical, Health, and Safety Education",
    "09": "Military Science",
    "10": "Computer and Information Sciences",
    "11": "Communication and Audio/Visual Technology",
    "12": "Business and Marketing",
    "13": "Manufacturing",
    "14": "Health Care Sciences",
    "15": "Public, Protective, and Government Services",
    "16": "Hospitality and Tourism",
    "17": "Architecture and Construction",
    "18": "Agriculture, Food, and Natural Resources",
    "19": "Human Services",
    "20": "Transportation, Distribution and Logistics",
    "21": "Engineering and Technology",
    "22": "Miscellaneous",
    "23": "Nonsubject Specific",
    "24": "World Languages",
}


def looks_like(header: list[str]) -> bool:
    """The SCED list: its header has a ``SCED Course Code`` column."""
    return "sced course code" in {h.strip().lower() for h in header}


def _code(value: object, *, file: str, row: int) -> str:
    raw = text(value)
    if raw.startswith('="') and raw.endswith('"'):
        raw = raw[2:-1]
    if not _CODE.match(raw):
        raise SourceError(file, f"{raw!r} is not a valid SCED course code (five digits)", row=row,
                          column="SCED Course Code")
    return raw.zfill(5)


def read(path: Path, sha256: str, release: str | None = None) -> Extract:
    file = path.name
    content, _encoding = read_csv_text(path)
    reader = csv.reader(io.StringIO(content))
    cols = Columns(next(reader, []), COLUMNS, file=file, row=1)
    courses: dict[str, tuple[str, str, str, str]] = {}
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        code = _code(cols.get(row, "code"), file=file, row=number)
        title = text(cols.get(row, "title"))
        if not title:
            raise SourceError(file, "course has no title", row=number, column="Course Title")
        if code in courses:
            raise SourceError(file, f"course code {code} appears twice", row=number, column="SCED Course Code")
        courses[code] = (code, code[:2], title, text(cols.get(row, "description")))
    if not courses:
        raise SourceError(file, "no data rows")
    areas = sorted({course[1] for course in courses.values()})
    return Extract(KIND, PUBLISHER, release or "SCED version 12", file, sha256,
                   {"sced_course": sorted(courses.values()),
                    "sced_subject": [(area, SUBJECT_AREAS.get(area, f"Subject area {area}")) for area in areas]})
