"""A program of study as the workbook a state CTE office fills: its matrix on one sheet, the way state templates
lay it out (a row per grade or year; columns for English, math, science, social studies, other required
courses, CTE courses, early college, work-based learning, credentials and the student organization; the careers
by education level below), and the details a matrix leaves out on sheets of their own.

``write`` makes the workbook from a program and ``parse_workbook`` reads one back, losslessly: what ``write``
writes reads back as the same program. A staffer can also start from a blank matrix and fill it by hand; the
sheet "How to fill" (written with every workbook) says how each cell is written. A cell holds one entry a line:

- a course: ``ENG-9: English I (1 credit)``; a group of alternatives: a line ``Choose one [math-12]: Pre-Calculus
  or Statistics`` (or ``Choose 2 [id]``, ``At least 1 credit [id]: Physical education``) with its courses on the
  lines after it, each starting ``- ``;
- early college, for a course of that row: ``MATH-AP: AP; exam: AP Statistics`` or ``HS-301: Dual enrollment;
  college: Example Community College; course: BIO 120; credits: 4``; articulated credit may add ``agreement:``;
- work-based learning: ``Co-op: Patient care co-op; hours: 120; partner: …; course: NA-301; credits: 1;
  RAPIDS: 0159; role: elective`` (only the kind is required);
- a credential: ``Certified Nursing Assistant; kind: licence; issuer: …; course: NA-301`` (no course: earned
  at that row's level); a student organization: its name (HOSA, SkillsUSA, … or a local club's name).

Every problem is one line naming the file, the sheet, the row and the column. A workbook is opened only once its
parts are known to unpack to a sensible size (``base.excel.open_given_workbook``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

import openpyxl
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import ValidationError

from careerclusters.base.excel import open_given_workbook
from careerclusters.base.tables import WORKBOOK_SUFFIXES
from careerclusters.pos.model import (
    Calendar,
    Choice,
    CourseKind,
    CourseLevel,
    CourseRole,
    CredentialKind,
    EarlyCollegeKind,
    Education,
    OrganizationKind,
    ProgramOfStudy,
    Stage,
    StepUnit,
    Subject,
    WorkKind,
    organization_key,
    organization_name,
)
from careerclusters.pos.problems import ProgramFileError, first_problem

SUFFIXES = WORKBOOK_SUFFIXES
MATRIX, DETAILS, GROUPS, ADOPTERS, ARTICULATIONS, HOW_TO = (
    "Program of study", "Course details", "Course groups", "Adopters", "Articulations", "How to fill")
CAREERS_HEADING = "Careers by education level"
NOT_GIVEN = "Not given"

#: The program's own fields at the top of the matrix sheet: label → field.
FIELDS = {"Program of study": "title", "Id": "id", "Format": "format", "Owner": "owner", "Owner kind": "owner_kind",
          "State": "state", "Example": "example", "Description": "description", "Sub-clusters": "subclusters",
          "Original pathway": "pathway", "Secondary CIP": "secondary_cip", "Postsecondary CIP": "postsecondary_cip",
          "Calendar": "calendar", "Student organizations": "student_organizations"}
#: The matrix's course columns and what a course in each counts as (a subject, or CTE).
COURSE_COLUMNS: dict[str, Subject | CourseKind] = {
    "English": Subject.english, "Math": Subject.math, "Science": Subject.science,
    "Social studies": Subject.social_studies, "Other required": Subject.other, "CTE courses": CourseKind.cte}
LEVEL_COLUMNS = ("Level", "Stage", "Step", "Unit", "Entry point", "Exit point")
MATRIX_COLUMNS = (*LEVEL_COLUMNS, *COURSE_COLUMNS, "Early college", "Work-based learning", "Credentials", "CTSO",
                  "Note")
DETAIL_COLUMNS = ("Level", "Code", "Title", "Kind", "SCED", "Course level", "Role", "Subject")
GROUP_COLUMNS = ("Level", "Group", "Role", "Subject", "Kind")
ADOPTER_COLUMNS = ("Adopter", "Kind", "State", "Course", "Local code", "Local title")
ARTICULATION_COLUMNS = ("Institution", "Program", "CIP", "Credits", "Agreement")

# -- words people write, for each value -------------------------------------------------------------------------

STAGES = {Stage.middle: "Middle school", Stage.secondary: "High school", Stage.postsecondary: "Postsecondary",
          Stage.apprenticeship: "Apprenticeship", Stage.workforce: "Workforce"}
ROLES = {CourseRole.required: "Required", CourseRole.graduation: "Graduation requirement",
         CourseRole.recommended: "Recommended", CourseRole.elective: "Elective"}
SUBJECTS = {Subject.english: "English", Subject.math: "Math", Subject.science: "Science",
            Subject.social_studies: "Social studies", Subject.physical_education: "Physical education",
            Subject.health: "Health", Subject.world_language: "World language", Subject.arts: "Arts",
            Subject.other: "Other"}
EARLY_COLLEGE = {EarlyCollegeKind.ap: "AP", EarlyCollegeKind.ib: "IB",
                 EarlyCollegeKind.dual_enrollment: "Dual enrollment",
                 EarlyCollegeKind.articulated_credit: "Articulated credit"}
WORK = {WorkKind.career_exploration: "Career exploration", WorkKind.job_shadow: "Job shadow",
        WorkKind.internship: "Internship", WorkKind.co_op: "Co-op", WorkKind.clinical: "Clinical",
        WorkKind.pre_apprenticeship: "Pre-apprenticeship", WorkKind.registered_apprenticeship:
        "Registered apprenticeship", WorkKind.unspecified: "Work-based learning"}
CREDENTIALS = {CredentialKind.industry_certification: "Industry certification", CredentialKind.licence: "Licence",
               CredentialKind.certificate: "Certificate",
               CredentialKind.apprenticeship_certificate: "Apprenticeship certificate",
               CredentialKind.associate: "Associate degree", CredentialKind.bachelors: "Bachelor's degree",
               CredentialKind.masters: "Master's degree", CredentialKind.doctorate: "Doctorate"}
EDUCATION = {Education.high_school: "High school", Education.certificate: "Certificate",
             Education.apprenticeship: "Apprenticeship", Education.associate: "Associate degree",
             Education.bachelors: "Bachelor's degree", Education.graduate: "Graduate degree"}
KINDS = {CourseKind.cte: "CTE", CourseKind.academic: "Academic"}
ORGANIZATIONS = {kind: kind.value.capitalize() for kind in OrganizationKind}
LEVELS = {level: level.value.capitalize() for level in CourseLevel}
UNITS = {unit: unit.value for unit in StepUnit}
CALENDARS = {calendar: calendar.value for calendar in Calendar}
#: Other ways of writing a value that people use.
_ALSO = {"license": "licence", "ctecourse": "cte", "careerandtechnical": "cte", "dualcredit": "dual-enrollment",
         "concurrentenrollment": "dual-enrollment", "mastersdegree": "masters", "graduate": "graduate",
         "highschooldiploma": "high-school"}

E = TypeVar("E", bound=StrEnum)

_COURSE = re.compile(r"^(?P<code>[^:]+?):\s*(?P<title>.+?)\s*\((?P<credits>\d+(?:\.\d+)?)\s+credits?\)$")
_GROUP = re.compile(r"^(?:Choose one|Choose (?P<number>\d+)|At least (?P<credits>\d+(?:\.\d+)?) credits?)\s*"
                    r"\[(?P<id>[^\]]+)\](?::\s*(?P<name>.*))?$", re.IGNORECASE)
_MEMBER = re.compile(r"^\s*[-•–]\s*")


def _fold(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def _number(value: float) -> str:
    return f"{value:g}"


def _credits(value: float) -> str:
    return f"({_number(value)} credit{'' if value == 1 else 's'})"


# -- writing ------------------------------------------------------------------------------------------------------

HEAD_FONT = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)
HEAD_FILL = PatternFill("solid", fgColor="DCE6F0")
WRAP = Alignment(wrap_text=True, vertical="top")


def _put(sheet: Worksheet, row: int, column: int, value: object, *, head: bool = False) -> Cell:
    """One cell; text is always text (a title beginning with ``=`` is not a formula in Excel)."""
    cell = sheet.cell(row=row, column=column)
    cell.value = value if value != "" else None
    if isinstance(value, str) and value:
        cell.data_type = "s"
    cell.alignment = WRAP
    if head:
        cell.font, cell.fill = HEAD_FONT, HEAD_FILL
    return cell


def _table(sheet: Worksheet, columns: Iterable[str], rows: Iterable[Iterable[object]], first: int = 1) -> int:
    """A header row and its rows from row ``first``; returns the row after the last."""
    for column, name in enumerate(columns, start=1):
        _put(sheet, first, column, name, head=True)
    row = first + 1
    for values in rows:
        for column, value in enumerate(values, start=1):
            _put(sheet, row, column, value)
        row += 1
    return row


def _labelled(name: str, fields: Iterable[tuple[str, object]]) -> str:
    """``name; label: value; …`` for the values that are given."""
    return "; ".join([name] + [f"{label}: {_number(value) if isinstance(value, float) else value}"
                               for label, value in fields if value not in (None, "")])


def _course_lines(courses: Iterable[Any], prefix: str = "") -> list[str]:
    return [f"{prefix}{c.code}: {c.title} {_credits(c.credits)}" for c in courses]


def _column_of(kind: CourseKind, subject: Subject) -> str:
    """The matrix column a course (or group) of this kind and subject is written in."""
    if kind is CourseKind.cte:
        return "CTE courses"
    return next((name for name, held in COURSE_COLUMNS.items() if held == subject), "Other required")


def _level_cells(program: ProgramOfStudy, index: int) -> dict[str, str]:
    level = program.levels[index]
    cells: dict[str, list[str]] = {name: [] for name in COURSE_COLUMNS}
    for course in level.courses:
        cells[_column_of(course.kind, course.effective_subject())] += _course_lines([course])
    for group in level.groups:
        rule = {Choice.one_of: "Choose one", Choice.n_of: f"Choose {group.number}",
                Choice.credits: f"At least {_number(group.credits or 0)} credit{'' if group.credits == 1 else 's'}"}
        head = f"{rule[group.choose]} [{group.id}]" + (f": {group.name}" if group.name else "")
        cells[_column_of(group.effective_kind(), group.effective_subject())] += [
            head, *_course_lines(group.courses, "- ")]
    early = [_labelled(f"{course.code}: {EARLY_COLLEGE[e.kind]}", (
        ("exam", e.exam), ("college", e.institution), ("course", e.course), ("credits", e.credits),
        ("agreement", e.agreement))) for _, course in level.all_courses() for e in course.early_college]
    work = [_labelled(WORK[w.kind] + (f": {w.title}" if w.title else ""), (
        ("hours", w.hours), ("credits", w.credits), ("course", w.course), ("partner", w.partner),
        ("RAPIDS", w.rapids), ("role", ROLES[w.role] if w.role is not CourseRole.required else None)))
        for w in level.work_based_learning]
    credentials = [_labelled(c.name, (("kind", CREDENTIALS[c.kind]), ("issuer", c.issuer), ("course", c.course)))
                   for c in program.credentials if program.credential_level(c) is level]
    organizations = [organization_name(o.name) for o in program.student_organizations
                     if not o.levels or level.name in o.levels]
    return {name: "\n".join(lines) for name, lines in cells.items()} | {
        "Early college": "\n".join(early), "Work-based learning": "\n".join(work),
        "Credentials": "\n".join(credentials), "CTSO": "\n".join(organizations)}


def _write_matrix(sheet: Worksheet, program: ProgramOfStudy) -> None:
    p = program
    values = {"title": p.title, "id": p.id, "format": p.format, "owner": p.owner.name,
              "owner_kind": ORGANIZATIONS[p.owner.kind], "state": p.owner.state or "",
              "example": "yes" if p.example else "no", "description": p.description or "",
              "subclusters": "; ".join(p.subclusters), "pathway": p.pathway or "",
              "secondary_cip": "; ".join(p.secondary_cip), "postsecondary_cip": "; ".join(p.postsecondary_cip),
              "calendar": p.calendar.value if p.calendar else "",
              "student_organizations": "; ".join(organization_name(o.name) for o in p.student_organizations)}
    for row, (label, key) in enumerate(FIELDS.items(), start=1):
        _put(sheet, row, 1, label, head=True)
        _put(sheet, row, 2, values[key])
    sheet.cell(row=1, column=2).font = TITLE_FONT
    rows = []
    for index, level in enumerate(p.levels):
        cells = _level_cells(p, index)
        rows.append([level.name, STAGES[level.stage], level.step, level.unit.value if level.unit else "",
                     "yes" if level.entry_point else "no", "yes" if level.exit_point else "no",
                     *(cells[name] for name in MATRIX_COLUMNS[len(LEVEL_COLUMNS):-1]), level.note or ""])
    first = len(FIELDS) + 2
    after = _table(sheet, MATRIX_COLUMNS, rows, first)
    sheet.freeze_panes = sheet.cell(row=first + 1, column=2)
    _put(sheet, after + 1, 1, CAREERS_HEADING).font = TITLE_FONT
    by_education: dict[str, list[str]] = {}
    for o in p.occupations:
        label = EDUCATION[o.education] if o.education else NOT_GIVEN
        by_education.setdefault(label, []).append(f"{o.soc} {o.title}" if o.title else o.soc)
    _table(sheet, ("Education", "Occupations"), [(label, "\n".join(lines)) for label, lines in by_education.items()],
           after + 2)
    for column, width in enumerate((18, 16, 6, 7, 8, 8, 30, 30, 30, 30, 30, 40, 40, 40, 40, 22, 40), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def _detail_rows(program: ProgramOfStudy) -> Iterator[list[object]]:
    for level in program.levels:
        for _, course in level.all_courses():
            yield [level.name, course.code, course.title, KINDS[course.kind], course.sced or "",
                   LEVELS[course.level] if course.level else "", ROLES[course.role],
                   SUBJECTS[course.subject] if course.subject else ""]


def _sheet(book: Workbook, title: str, columns: tuple[str, ...], rows: Iterable[Iterable[object]],
           widths: Iterable[int]) -> None:
    sheet = book.create_sheet(title)
    _table(sheet, columns, rows)
    sheet.freeze_panes = "A2"
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


HOW_TO_FILL = [
    ("Program of study", "One program of study per workbook. The first rows hold the program's facts; lists in a "
                         "cell are separated by ';'. A row per level follows: Level is its name, Stage is Middle "
                         "school, High school, Postsecondary, Apprenticeship or Workforce, Step is the grade (5–8, "
                         "9–12) or the year or term number, Unit is grade, year or term (blank: the usual one)."),
    ("Courses", "In English, Math, Science, Social studies, Other required and CTE courses: one course a line, "
                "'CODE: Title (1 credit)'. A course in CTE courses is career and technical; any other is academic."),
    ("Groups", "Alternatives: a line 'Choose one [id]: Name', 'Choose 2 [id]' or 'At least 1 credit [id]: Name', "
               "then its courses, each on a line starting '- '. The id is short and unique in the workbook."),
    ("Early college", "For a course of the row: 'CODE: AP; exam: AP Biology', 'CODE: Dual enrollment; college: …; "
                      "course: BIO 120; credits: 4', 'CODE: Articulated credit; college: …; agreement: …'."),
    ("Work-based learning", "'Kind: Title; hours: 120; partner: …; course: CODE; credits: 1; RAPIDS: 0159; role: "
                            "elective'. Kinds: " + ", ".join(WORK.values()) + ". Only the kind is needed."),
    ("Credentials", "'Name; kind: Licence; issuer: …; course: CODE'. Without a course it is earned at the row's "
                    "level. Kinds: " + ", ".join(CREDENTIALS.values()) + "."),
    ("CTSO", "The student organizations learners join at that level, one a line: HOSA, SkillsUSA, FFA, DECA, "
             "FCCLA, FBLA, BPA, TSA, Educators Rising, or a local organization's name."),
    ("Note", "What a level holds when it lists no course: 'Continue courses in the area of specialization'."),
    ("Careers", "Under 'Careers by education level': the education (" + ", ".join(EDUCATION.values()) +
                ") and its occupations, one a line: '31-1131 Nursing Assistants'."),
    ("Course details", "Optional: a course's kind, SCED code, course level (Introductory, Concentrator, Capstone), "
                       "role (" + ", ".join(ROLES.values()) + ") and subject; its row order is the level's order."),
    ("Course groups", "Optional: a group's role, subject and kind (for a group that lists no course)."),
    ("Adopters", "Districts, schools or colleges that adopt the program, a row per course they give a code of their "
                 "own: the course's code here, and theirs."),
]


def write(program: ProgramOfStudy) -> bytes:
    """The program of study as the state matrix workbook (.xlsx)."""
    book = openpyxl.Workbook()
    _write_matrix(book.active, program)
    book.active.title = MATRIX
    _sheet(book, DETAILS, DETAIL_COLUMNS, _detail_rows(program), (16, 14, 40, 10, 8, 14, 22, 18))
    _sheet(book, GROUPS, GROUP_COLUMNS, ([level.name, group.id, ROLES[group.role],
                                          SUBJECTS[group.subject] if group.subject else "",
                                          KINDS[group.kind] if group.kind else ""]
                                         for level in program.levels for group in level.groups), (16, 16, 22, 18, 10))
    _sheet(book, ADOPTERS, ADOPTER_COLUMNS, _adopter_rows(program), (36, 12, 8, 14, 14, 36))
    _sheet(book, ARTICULATIONS, ARTICULATION_COLUMNS, ([a.institution, a.program, a.cip or "",
                                                        "" if a.credits is None else _number(a.credits),
                                                        a.agreement or ""] for a in program.articulations),
           (36, 40, 10, 8, 36))
    _sheet(book, HOW_TO, ("Part", "How to write it"), HOW_TO_FILL, (20, 120))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _adopter_rows(program: ProgramOfStudy) -> Iterator[list[object]]:
    for a in program.adopters:
        head = [a.name, ORGANIZATIONS[a.kind], a.state or ""]
        if not a.courses:
            yield [*head, "", "", ""]
        for c in a.courses:
            yield [*head, c.course, c.code, c.title or ""]


# -- reading ------------------------------------------------------------------------------------------------------

#: A program's workbook is a few dozen kilobytes; this bounds what opening one may unpack.
MAX_UNPACKED_BYTES = 20_000_000
#: Rows read from a sheet at most: a program of study has a few dozen levels and a few hundred courses.
MAX_ROWS = 5_000
#: Labels a cell's entries may carry after their name, per column.
EARLY_LABELS = {"exam": "exam", "college": "institution", "course": "course", "credits": "credits",
                "agreement": "agreement"}
WORK_LABELS = {"hours": "hours", "credits": "credits", "course": "course", "partner": "partner", "rapids": "rapids",
               "role": "role"}
CREDENTIAL_LABELS = {"kind": "kind", "issuer": "issuer", "course": "course"}


def _cell_text(value: object) -> str:
    """A cell as the text a person typed (12.0 → "12"; nothing → "")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _cip_text(value: object) -> str:
    """A CIP code cell: Excel turns ``13.1210`` typed as a number into 13.121, so numbers keep four decimals."""
    return f"{value:.4f}" if isinstance(value, float) else _cell_text(value)


def _list(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]


@dataclass
class _Sheet:
    """One sheet's rows (row ``n`` of the sheet is ``rows[n - 1]``) and the columns of its header row."""

    file: str
    name: str
    raw: list[tuple[object, ...]]
    columns: dict[str, int] = field(default_factory=dict)

    def text(self, row: int, column: str) -> str:
        index = self.columns.get(column)
        values = self.raw[row - 1]
        return _cell_text(values[index]) if index is not None and index < len(values) else ""

    def value(self, row: int, column: str) -> object:
        index = self.columns.get(column)
        values = self.raw[row - 1]
        return values[index] if index is not None and index < len(values) else None

    def where(self, column: str | int) -> str:
        """A column as people find it: its letter, and its header."""
        if isinstance(column, int):
            return get_column_letter(column + 1)
        index = self.columns.get(column)
        return f"{get_column_letter(index + 1)} ({column})" if index is not None else column

    def error(self, problem: str, row: int | None = None, column: str | int | None = None) -> ProgramFileError:
        return ProgramFileError(self.file, problem, sheet=self.name, row=row,
                                column=None if column is None else self.where(column))

    def header(self, row: int, known: tuple[str, ...], required: tuple[str, ...]) -> None:
        """Read the header row ``row``: each column's name, which must be one of ``known``."""
        folded = {_fold(name): name for name in known}
        for index, value in enumerate(self.raw[row - 1]):
            text = _cell_text(value)
            if not text:
                continue
            name = folded.get(_fold(text))
            if name is None:
                raise self.error(f"unknown column {text!r}; the columns are {', '.join(known)}", row, index)
            if name in self.columns:
                raise self.error(f"column {name!r} is given twice", row, index)
            self.columns[name] = index
        missing = [name for name in required if name not in self.columns]
        if missing:
            raise self.error(f"missing column(s) {', '.join(missing)}", row)

    def blank(self, row: int) -> bool:
        return not any(_cell_text(value) for value in self.raw[row - 1])

    def body(self, first: int = 2) -> Iterator[int]:
        """The numbers of the non-blank rows from ``first`` to the end."""
        return (row for row in range(first, len(self.raw) + 1) if not self.blank(row))


def _word(kind: type[E], words: dict[E, str], text: str, sheet: _Sheet, row: int, column: str) -> E:
    """The value ``text`` names: by the words written for it, or by its own value, ignoring case and punctuation."""
    wanted = _ALSO.get(_fold(text), _fold(text))
    for value in kind:
        if wanted in (_fold(words[value]), _fold(value.value)):
            return value
    raise sheet.error(f"{text!r} is not one of: {', '.join(words.values())}", row, column)


def _yes(text: str, sheet: _Sheet, row: int, column: str) -> bool:
    lowered = text.lower()
    if lowered in ("yes", "y", "true", "1", "x"):
        return True
    if lowered in ("no", "n", "false", "0", ""):
        return False
    raise sheet.error(f"{text!r} is not yes or no", row, column)


def _amount(text: str, sheet: _Sheet, row: int, column: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise sheet.error(f"{text!r} is not a number", row, column) from None


def _labelled_parts(line: str, labels: dict[str, str], sheet: _Sheet, row: int,
                    column: str) -> tuple[str, dict[str, str]]:
    """``name; label: value; …`` as the name and the values by field. A segment without a label of its own goes
    with the one before it (a title may hold ';'); an unknown label is an error."""
    head, *segments = line.split(";")
    found: dict[str, str] = {}
    last = None
    for segment in segments:
        label, colon, value = segment.partition(":")
        key = labels.get(_fold(label)) if colon else None
        if key is not None and key not in found:
            found[key], last = value.strip(), key
        elif colon and re.fullmatch(r"\s*[A-Za-z][A-Za-z ]{0,20}", label) and key is None:
            raise sheet.error(f"{line!r}: unknown label {label.strip()!r}; the labels are "
                              f"{', '.join(labels)}", row, column)
        elif last is not None:
            found[last] += ";" + segment
        else:
            head += ";" + segment
    return head.strip(), found


class _Reader:
    """Gathers one program from a workbook, remembering where in it each part came from."""

    def __init__(self, file: str, book: Workbook):
        self.file, self.book = file, book
        self.places: dict[tuple[int | str, ...], tuple[_Sheet, int, str]] = {}
        if MATRIX not in book.sheetnames:
            raise ProgramFileError(file, f"no sheet named {MATRIX!r} (sheets: {', '.join(book.sheetnames)}): not a "
                                         "program-of-study workbook; `careerclusters pos export ID --format xlsx` "
                                         "writes one to start from")
        self.matrix = self._sheet(MATRIX)
        self.head: dict[str, tuple[object, int]] = {}
        self.levels: list[dict[str, Any]] = []
        self.rows: list[int] = []  # each level's row
        self.columns: dict[tuple[int, str], str] = {}  # (level, course code) → the matrix column it is in
        self.group_columns: dict[tuple[int, str], str] = {}  # (level, group id) → likewise
        self.credentials: list[dict[str, Any]] = []
        self.organizations: dict[str, list[str]] = {}
        self.occupations: list[dict[str, Any]] = []

    def _sheet(self, name: str) -> _Sheet:
        rows = []
        for values in self.book[name].iter_rows(values_only=True):
            rows.append(values)
            if len(rows) > MAX_ROWS:
                raise ProgramFileError(self.file, f"more than {MAX_ROWS:,} rows: not a program of study",
                                       sheet=name)
        while rows and not any(_cell_text(v) for v in rows[-1]):
            rows.pop()
        return _Sheet(self.file, name, rows)

    def _place(self, loc: tuple[int | str, ...], sheet: _Sheet, row: int, column: str) -> None:
        self.places.setdefault(loc, (sheet, row, column))

    # the matrix sheet

    def read_matrix(self) -> None:
        m = self.matrix
        folded = {_fold(label): key for label, key in FIELDS.items()}
        header = None
        for row in range(1, len(m.raw) + 1):
            label = _cell_text(m.raw[row - 1][0]) if m.raw[row - 1] else ""
            if not label:
                continue
            if _fold(label) == "level":
                header = row
                break
            key = folded.get(_fold(label))
            if key is None:
                raise m.error(f"unknown field {label!r}; the fields are {', '.join(FIELDS)}, then the levels under "
                              "a header row starting 'Level'", row, 0)
            self.head[key] = (m.raw[row - 1][1] if len(m.raw[row - 1]) > 1 else None, row)
        if header is None:
            raise m.error("no header row starting 'Level' above the levels")
        m.header(header, MATRIX_COLUMNS, ("Level", "Stage", "Step"))
        row = header + 1
        while row <= len(m.raw) and not m.blank(row) and _fold(_cell_text(m.raw[row - 1][0])) not in (
                _fold(CAREERS_HEADING), "education"):
            self._level(row)
            row += 1
        if not self.levels:
            raise m.error("no level under the header row", header + 1)
        self._careers(row)

    def _level(self, row: int) -> None:
        m, index = self.matrix, len(self.levels)
        name = m.text(row, "Level")
        if not name:
            raise m.error("a level needs its name", row, "Level")
        unit = m.text(row, "Unit")
        step = m.text(row, "Step")
        if not re.fullmatch(r"\d{1,2}", step):
            raise m.error(f"{step!r} is not a grade, year or term number", row, "Step")
        level: dict[str, Any] = {
            "name": name, "stage": _word(Stage, STAGES, m.text(row, "Stage"), m, row, "Stage"), "step": int(step),
            "unit": _word(StepUnit, UNITS, unit, m, row, "Unit") if unit else None,
            "entry_point": _yes(m.text(row, "Entry point"), m, row, "Entry point"),
            "exit_point": _yes(m.text(row, "Exit point"), m, row, "Exit point"),
            "note": m.text(row, "Note") or None, "courses": [], "groups": [], "work_based_learning": []}
        self.levels.append(level)
        self.rows.append(row)
        self._place(("levels", index), m, row, "Level")
        for key, column in (("name", "Level"), ("stage", "Stage"), ("step", "Step"), ("unit", "Unit"),
                            ("note", "Note")):
            self._place(("levels", index, key), m, row, column)
        for column in COURSE_COLUMNS:
            self._courses(index, row, column)
        self._early_college(index, row)
        self._work(index, row)
        self._credentials(index, row)
        for line in m.text(row, "CTSO").splitlines():
            if line.strip():
                self.organizations.setdefault(organization_key(line), []).append(name)

    def _course(self, text: str, row: int, column: str) -> dict[str, Any]:
        found = _COURSE.match(text.strip())
        if found is None:
            raise self.matrix.error(f"{text.strip()!r}: write a course as 'CODE: Title (1 credit)'", row, column)
        kind = CourseKind.cte if COURSE_COLUMNS[column] is CourseKind.cte else CourseKind.academic
        return {"code": found["code"].strip(), "title": found["title"].strip(), "credits": float(found["credits"]),
                "kind": kind, "early_college": []}

    def _courses(self, index: int, row: int, column: str) -> None:
        level, group = self.levels[index], None
        for line in self.matrix.text(row, column).splitlines():
            if not line.strip():
                group = None
                continue
            head = _GROUP.match(line.strip())
            if head:
                choose = (Choice.credits if head["credits"] else Choice.n_of if head["number"] else Choice.one_of)
                group = {"id": head["id"].strip(), "name": (head["name"] or "").strip() or None, "choose": choose,
                         "number": int(head["number"]) if head["number"] else None,
                         "credits": float(head["credits"]) if head["credits"] else None, "courses": []}
                self._place(("levels", index, "groups", len(level["groups"])), self.matrix, row, column)
                level["groups"].append(group)
                self.group_columns[(index, group["id"])] = column
                continue
            member = _MEMBER.match(line)
            if member and group is None:
                raise self.matrix.error(f"{line.strip()!r}: a line starting '- ' is a course of a group; put "
                                        "'Choose one [id]' (or 'Choose 2 [id]', 'At least 1 credit [id]') above it",
                                        row, column)
            course = self._course(line[member.end():] if member else line, row, column)
            if member and group is not None:
                self._place(("levels", index, "groups", len(level["groups"]) - 1, "courses", len(group["courses"])),
                            self.matrix, row, column)
                group["courses"].append(course)
            else:
                group = None
                self._place(("levels", index, "courses", len(level["courses"])), self.matrix, row, column)
                level["courses"].append(course)
                self.columns[(index, course["code"])] = column

    def _find(self, index: int, code: str, row: int, column: str, sheet: _Sheet | None = None,
              occurrence: int = 0) -> dict[str, Any]:
        """The course ``code`` of level ``index`` (its own, or in one of its groups); with ``occurrence``, the
        n-th course of that code there (a level may list one twice, which the checker reports)."""
        level = self.levels[index]
        found = [course for course in [*level["courses"], *(c for g in level["groups"] for c in g["courses"])]
                 if course["code"] == code]
        if occurrence < len(found):
            return found[occurrence]
        problem = "is not a course of" if not found else f"is listed {len(found)} time(s) in"
        raise (sheet or self.matrix).error(f"{code!r} {problem} {level['name']} in the matrix", row, column)

    def _early_college(self, index: int, row: int) -> None:
        m = self.matrix
        for line in m.text(row, "Early college").splitlines():
            if not line.strip():
                continue
            code, colon, rest = line.partition(":")
            if not colon:
                raise m.error(f"{line.strip()!r}: write early college as 'CODE: AP; exam: …' or 'CODE: Dual "
                              "enrollment; college: …; course: …; credits: 4'", row, "Early college")
            course = self._find(index, code.strip(), row, "Early college")
            kind, values = _labelled_parts(rest, EARLY_LABELS, m, row, "Early college")
            entry: dict[str, Any] = {"kind": _word(EarlyCollegeKind, EARLY_COLLEGE, kind, m, row, "Early college"),
                                     **values}
            if "credits" in values:
                entry["credits"] = _amount(values["credits"], m, row, "Early college")
            course["early_college"].append(entry)

    def _work(self, index: int, row: int) -> None:
        m, level = self.matrix, self.levels[index]
        for line in m.text(row, "Work-based learning").splitlines():
            if not line.strip():
                continue
            head, values = _labelled_parts(line, WORK_LABELS, m, row, "Work-based learning")
            kind, _, title = head.partition(":")
            work: dict[str, Any] = {"kind": _word(WorkKind, WORK, kind.strip(), m, row, "Work-based learning"),
                                    "title": title.strip() or None, **values}
            if "hours" in values:
                work["hours"] = _amount(values["hours"], m, row, "Work-based learning")
            if "credits" in values:
                work["credits"] = _amount(values["credits"], m, row, "Work-based learning")
            if "role" in values:
                work["role"] = _word(CourseRole, ROLES, values["role"], m, row, "Work-based learning")
            self._place(("levels", index, "work_based_learning", len(level["work_based_learning"])), m, row,
                        "Work-based learning")
            level["work_based_learning"].append(work)

    def _credentials(self, index: int, row: int) -> None:
        m = self.matrix
        for line in m.text(row, "Credentials").splitlines():
            if not line.strip():
                continue
            name, values = _labelled_parts(line, CREDENTIAL_LABELS, m, row, "Credentials")
            if "kind" not in values:
                raise m.error(f"{line.strip()!r}: give the credential's kind ('; kind: Licence')", row, "Credentials")
            credential = {"name": name, **values,
                          "kind": _word(CredentialKind, CREDENTIALS, values["kind"], m, row, "Credentials")}
            if "course" not in values:
                credential["level"] = self.levels[index]["name"]
            self._place(("credentials", len(self.credentials)), m, row, "Credentials")
            self.credentials.append(credential)

    def _careers(self, row: int) -> None:
        m = self.matrix
        header = None
        for at in range(row, len(m.raw) + 1):
            first = _fold(_cell_text(m.raw[at - 1][0])) if m.raw[at - 1] else ""
            if m.blank(at) or first == _fold(CAREERS_HEADING):
                continue
            if first == "education" and header is None:
                header = at
                continue
            if header is None:
                raise m.error("not a level (the levels end at the first blank row) nor under the careers' header "
                              "row 'Education | Occupations'", at, 0)
            label = _cell_text(m.raw[at - 1][0])
            education = None if _fold(label) == _fold(NOT_GIVEN) else _word(Education, EDUCATION, label, m, at, 0)
            cell = _cell_text(m.raw[at - 1][1]) if len(m.raw[at - 1]) > 1 else ""
            for line in cell.splitlines():
                if line.strip():
                    soc, _, title = line.strip().partition(" ")
                    self._place(("occupations", len(self.occupations)), m, at, 1)
                    self.occupations.append({"soc": soc, "title": title.strip() or None, "education": education})

    # the other sheets

    def _optional(self, name: str, columns: tuple[str, ...], required: tuple[str, ...]) -> _Sheet | None:
        if name not in self.book.sheetnames:
            return None
        sheet = self._sheet(name)
        if sheet.raw:
            sheet.header(1, columns, required)
        return sheet

    def _level_index(self, sheet: _Sheet, row: int) -> int:
        name = sheet.text(row, "Level")
        names = [level["name"] for level in self.levels]
        if name not in names:
            raise sheet.error(f"{name!r} is not a level of the matrix", row, "Level")
        return names.index(name)

    def read_details(self) -> None:
        sheet = self._optional(DETAILS, DETAIL_COLUMNS, ("Level", "Code"))
        order: dict[int, list[str]] = {}
        seen: dict[tuple[int, str], int] = {}
        for row in sheet.body() if sheet else ():
            index = self._level_index(sheet, row)
            code = sheet.text(row, "Code")
            course = self._find(index, code, row, "Code", sheet, seen.get((index, code), 0))
            seen[(index, code)] = seen.get((index, code), 0) + 1
            own = (index, code) in self.columns
            title = sheet.text(row, "Title")
            if title and title != course["title"]:
                raise sheet.error(f"{title!r} differs from the matrix's title {course['title']!r}: change one",
                                  row, "Title")
            if kind := sheet.text(row, "Kind"):
                written = _word(CourseKind, KINDS, kind, sheet, row, "Kind")
                if own and written is not course["kind"]:
                    raise sheet.error(f"{code} is in the matrix's {self.columns[(index, code)]!r} column, so it is "
                                      f"{KINDS[course['kind']]}, not {kind}", row, "Kind")
                course["kind"] = written
            for key, column, words, kind_of in (("level", "Course level", LEVELS, CourseLevel),
                                                ("role", "Role", ROLES, CourseRole),
                                                ("subject", "Subject", SUBJECTS, Subject)):
                if text := sheet.text(row, column):
                    course[key] = _word(kind_of, words, text, sheet, row, column)
            if sced := sheet.text(row, "SCED"):
                course["sced"] = sced
            if own:
                order.setdefault(index, []).append(code)
                position = next(n for n, c in enumerate(self.levels[index]["courses"]) if c is course)
                self.places[("levels", index, "courses", position)] = (sheet, row, "Code")
        for index, codes in order.items():
            courses = self.levels[index]["courses"]
            rank = {code: n for n, code in enumerate(codes)}
            courses.sort(key=lambda c: rank.get(c["code"], len(rank)))

    def read_groups(self) -> None:
        sheet = self._optional(GROUPS, GROUP_COLUMNS, ("Level", "Group"))
        order: dict[int, list[str]] = {}
        for row in sheet.body() if sheet else ():
            index = self._level_index(sheet, row)
            wanted = sheet.text(row, "Group")
            group = next((g for g in self.levels[index]["groups"] if g["id"] == wanted), None)
            if group is None:
                raise sheet.error(f"{wanted!r} is not a group of {self.levels[index]['name']} in the matrix", row,
                                  "Group")
            for key, column, words, kind_of in (("role", "Role", ROLES, CourseRole),
                                                ("subject", "Subject", SUBJECTS, Subject),
                                                ("kind", "Kind", KINDS, CourseKind)):
                if text := sheet.text(row, column):
                    group[key] = _word(kind_of, words, text, sheet, row, column)
            order.setdefault(index, []).append(wanted)
        for index, ids in order.items():
            rank = {group_id: n for n, group_id in enumerate(ids)}
            self.levels[index]["groups"].sort(key=lambda g: rank.get(g["id"], len(rank)))

    def read_adopters(self) -> list[dict[str, Any]]:
        sheet = self._optional(ADOPTERS, ADOPTER_COLUMNS, ("Adopter",))
        adopters: dict[str, dict[str, Any]] = {}
        for row in sheet.body() if sheet else ():
            name = sheet.text(row, "Adopter")
            kind = sheet.text(row, "Kind")
            adopter = adopters.setdefault(name, {
                "name": name, "kind": _word(OrganizationKind, ORGANIZATIONS, kind, sheet, row, "Kind") if kind
                else OrganizationKind.district, "state": sheet.text(row, "State") or None, "courses": []})
            index = list(adopters).index(name)
            self._place(("adopters", index), sheet, row, "Adopter")
            if course := sheet.text(row, "Course"):
                self._place(("adopters", index, "courses", len(adopter["courses"])), sheet, row, "Local code")
                adopter["courses"].append({"course": course, "code": sheet.text(row, "Local code"),
                                           "title": sheet.text(row, "Local title") or None})
        return list(adopters.values())

    def read_articulations(self) -> list[dict[str, Any]]:
        sheet = self._optional(ARTICULATIONS, ARTICULATION_COLUMNS, ("Institution", "Program"))
        found = []
        for row in sheet.body() if sheet else ():
            credits = sheet.text(row, "Credits")
            self._place(("articulations", len(found)), sheet, row, "Institution")
            found.append({"institution": sheet.text(row, "Institution"), "program": sheet.text(row, "Program"),
                          "cip": _cip_text(sheet.value(row, "CIP")) or None,
                          "credits": _amount(credits, sheet, row, "Credits") if credits else None,
                          "agreement": sheet.text(row, "Agreement") or None})
        return found

    # the program

    def data(self) -> dict[str, Any]:
        def head(key: str) -> str:
            return _cell_text(self.head.get(key, (None, 0))[0])

        def cips(key: str) -> list[str]:
            value = self.head.get(key, (None, 0))[0]
            return [_cip_text(value)] if isinstance(value, float) else _list(head(key))

        m = self.matrix
        for key, (_, row) in self.head.items():
            self._place((key,), m, row, 1)
        for key, place in (("owner_kind", ("owner", "kind")), ("state", ("owner", "state")),
                           ("owner", ("owner",))):
            if key in self.head:
                self._place(place, m, self.head[key][1], 1)
        fmt = head("format")
        kind, calendar = head("owner_kind"), head("calendar")
        listed = [organization_key(name) for name in _list(head("student_organizations"))]
        organizations = [{"name": name, "levels": self.organizations.get(name, [])}
                         for name in dict.fromkeys([*listed, *self.organizations])]
        row = self.head.get("example", (None, 1))[1]
        return {
            "format": fmt or None, "id": head("id"), "title": head("title"),
            "owner": {"name": head("owner"), "state": head("state") or None,
                      "kind": _word(OrganizationKind, ORGANIZATIONS, kind, m, self.head["owner_kind"][1], 1) if kind
                      else OrganizationKind.state},
            "adopters": self.read_adopters(), "example": _yes(head("example"), m, row, 1),
            "description": head("description") or None, "subclusters": _list(head("subclusters")),
            "pathway": head("pathway") or None, "secondary_cip": cips("secondary_cip"),
            "postsecondary_cip": cips("postsecondary_cip"),
            "calendar": _word(Calendar, CALENDARS, calendar, m, self.head["calendar"][1], 1) if calendar else None,
            "levels": self.levels, "credentials": self.credentials, "articulations": self.read_articulations(),
            "occupations": self.occupations, "student_organizations": organizations}

    def build(self) -> ProgramOfStudy:
        self.read_matrix()
        self.read_details()
        self.read_groups()
        data = self.data()
        if data["format"] is None:
            del data["format"]
        try:
            program = ProgramOfStudy.model_validate(data)
        except ValidationError as exc:
            raise self._problem(*first_problem(exc)) from None
        self._settle_columns(program)
        return program

    def _problem(self, loc: tuple[int | str, ...], message: str) -> ProgramFileError:
        for cut in range(len(loc), 0, -1):
            if loc[:cut] in self.places:
                sheet, row, column = self.places[loc[:cut]]
                return sheet.error(message, row, column)
        return self.matrix.error(message)

    def _settle_columns(self, program: ProgramOfStudy) -> None:
        """Give a course or group the subject (or kind) of the matrix column it was written in, where its SCED code
        and its courses would put it in another: a course without a SCED code in the Math column counts as math."""
        for index, level in enumerate(program.levels):
            row = self.rows[index]
            for course in level.courses:
                column = self.columns[(index, course.code)]
                if _column_of(course.kind, course.effective_subject()) != column:
                    if course.subject is not None:
                        raise self.matrix.error(f"{course.code} counts as {SUBJECTS[course.subject]} (Course "
                                                f"details), not {column}: move it or change its subject", row, column)
                    course.subject = COURSE_COLUMNS[column]  # type: ignore[assignment]
            for group in level.groups:
                column = self.group_columns[(index, group.id)]
                held = COURSE_COLUMNS[column]
                if (held is CourseKind.cte) != (group.effective_kind() is CourseKind.cte):
                    if group.kind is not None:
                        raise self.matrix.error(f"group {group.id} is {KINDS[group.kind]} (Course groups), not in "
                                                f"{column}: move it or change its kind", row, column)
                    group.kind = CourseKind.cte if held is CourseKind.cte else CourseKind.academic
                if held is not CourseKind.cte and _column_of(group.effective_kind(),
                                                             group.effective_subject()) != column:
                    if group.subject is not None:
                        raise self.matrix.error(f"group {group.id} counts as {SUBJECTS[group.subject]} (Course "
                                                f"groups), not {column}: move it or change its subject", row, column)
                    group.subject = held  # type: ignore[assignment]


def parse_workbook(data: bytes, file: str) -> list[ProgramOfStudy]:
    """The program of study in a workbook laid out as ``write`` writes it (see the module's docstring)."""
    book = open_given_workbook(data, file, max_unpacked=MAX_UNPACKED_BYTES)
    try:
        return [_Reader(file, book).build()]
    finally:
        book.close()
