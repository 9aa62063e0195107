"""The state matrix workbook: every example and the state matrix round-trip through it unchanged, a staffer can fill a
blank matrix by hand, and every bad cell is one line naming the sheet, row and column."""

from __future__ import annotations

import io
from collections.abc import Callable

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook

from careerclusters.pos import files, workbook
from careerclusters.pos.examples import examples
from careerclusters.pos.files import ProgramFileError
from careerclusters.pos.model import Choice, CourseKind, Education, Stage, StepUnit, Subject, WorkKind
from tests.helpers import HYPERLINK, STATE_MATRIX

MATRIX = files.read(STATE_MATRIX)[0]
FIRST_LEVEL_ROW = len(workbook.FIELDS) + 3  # the program's fields, a blank row, the header row


@pytest.mark.parametrize("program", [*examples(), MATRIX], ids=lambda p: p.id)
def test_every_program_round_trips_through_the_workbook(program) -> None:
    data = workbook.write(program)
    assert workbook.parse_workbook(data, f"{program.id}.xlsx") == [program]
    assert files.parse_bytes(data, "saved-under-another-name.bin") == [program]  # told by its contents


def _book(data: bytes) -> Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _saved(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _column(sheet, name: str) -> int:
    header = [cell.value for cell in sheet[FIRST_LEVEL_ROW - 1]]
    return header.index(name) + 1


def test_the_matrix_sheet_reads_as_a_state_staffer_wrote_it() -> None:
    sheet = _book(workbook.write(MATRIX))[workbook.MATRIX]
    header = [cell.value for cell in sheet[FIRST_LEVEL_ROW - 1]]
    assert header[6:16] == ["English", "Math", "Science", "Social studies", "Other required", "CTE courses",
                            "Early college", "Work-based learning", "Credentials", "CTSO"]
    grade_12 = {name: sheet.cell(FIRST_LEVEL_ROW + 5, _column(sheet, name)).value for name in header}
    assert grade_12["Level"] == "Grade 12" and grade_12["Stage"] == "High school"
    assert grade_12["Math"] == ("Choose one [math-12]: Pre-Calculus or Statistics\n- PCAL-12: Pre-Calculus (1 credit)\n"
                                "- STAT-12: Probability and Statistics (1 credit)")
    assert grade_12["Early college"] == ("NA-401: Dual enrollment; college: Example Technical Community College; "
                                         "course: NUR 105 Nurse Assistant; credits: 4")
    assert grade_12["Work-based learning"].splitlines()[1] == (
        "Co-op: Patient care co-op; hours: 120; credits: 1; partner: Example Regional Health System; role: Elective")
    assert grade_12["CTSO"] == "HOSA-Future Health Professionals"
    grade_13 = [sheet.cell(FIRST_LEVEL_ROW + 6, column).value for column in range(1, 18)]
    assert grade_13[:4] == ["Grade 13", "Postsecondary", 1, "year"] and grade_13[16].startswith("Continue courses")
    careers = [row for row in sheet.iter_rows(values_only=True) if row[0] == "High school" and row[1]]
    assert careers == [("High school", "31-1131 Nursing Assistants\n31-1121 Home Health Aides", *[None] * 15)]


def test_a_blank_matrix_filled_by_hand_reads() -> None:
    """Only the matrix sheet, written the loose way people type: lower case, 'license', no detail sheets."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Program of study"
    for row in (["Program of study", "Pharmacy Technician"], ["Id", "pharmacy-technician"],
                ["Owner", "Example School District"], ["Owner kind", "district"], ["Sub-clusters", "physical-health"],
                ["Secondary CIP", 51.0805], [],
                ["Level", "Stage", "Step", "Unit", "Entry point", "Exit point", "Math", "Other required", "CTE courses",
                 "Work-based learning", "Credentials", "CTSO", "Note"],
                ["Grade 8", "middle school", 8, None, "x", None, "M-8: Math 8 (1 credit)", None,
                 "HC-8: Health Careers (0.5 credits)"],
                ["Grade 11", "high school", 11, None, "x", None, "At least 2 credits [math]: Upper-level math\n"
                 "- ALG2: Algebra II (1 credit)\n- STAT: Statistics (1 credit)\n- PCAL: Pre-Calculus (1 credit)",
                 "PE: Physical Education (0.5 credits)", "PH-1: Pharmacy Technician I (1 credit)", "Job shadow", "",
                 "HOSA"],
                ["Grade 12", "High School", 12, None, "no", "yes", None, None, "PH-2: Pharmacy Technician II "
                 "(2 credits)", "Internship: Retail pharmacy; hours: 60; course: PH-2",
                 "Pharmacy Technician Certification; kind: license; issuer: PTCB; course: PH-2", "hosa"],
                ["Year 1", "postsecondary", 1, "year", "yes", "yes", None, None, None, None,
                 "Pharmacy Technician Diploma; kind: certificate; issuer: Example College", None,
                 "Courses at the college."],
                [], ["Careers by education level"], ["Education", "Occupations"],
                ["High school", "29-2052 Pharmacy Technicians"], ["Bachelor's degree", "29-1051"]):
        sheet.append(row)
    [program] = workbook.parse_workbook(_saved(book), "filled.xlsx")
    assert [(level.name, level.stage, level.step_unit) for level in program.levels] == [
        ("Grade 8", Stage.middle, StepUnit.grade), ("Grade 11", Stage.secondary, StepUnit.grade),
        ("Grade 12", Stage.secondary, StepUnit.grade), ("Year 1", Stage.postsecondary, StepUnit.year)]
    math = program.levels[1].groups[0]
    assert (math.choose, math.credits, len(math.courses), math.effective_subject()) == (Choice.credits, 2, 3,
                                                                                        Subject.math)
    pe = program.levels[1].courses[0]
    assert (pe.kind, pe.effective_subject()) == (CourseKind.academic, Subject.other)
    assert program.levels[0].courses[0].subject is Subject.math  # no SCED code: the column says math
    assert [w.kind for _, w in program.work()] == [WorkKind.job_shadow, WorkKind.internship]
    assert [(c.name, c.kind.value, c.course, c.level) for c in program.credentials] == [
        ("Pharmacy Technician Certification", "licence", "PH-2", None),
        ("Pharmacy Technician Diploma", "certificate", None, "Year 1")]
    assert [(o.name, o.levels) for o in program.student_organizations] == [("hosa", ["Grade 11", "Grade 12"])]
    assert program.secondary_cip == ["51.0805"]
    assert [(o.soc, o.title, o.education) for o in program.occupations] == [
        ("29-2052", "Pharmacy Technicians", Education.high_school), ("29-1051", None, Education.bachelors)]


def _cell(name: str, value: object, row: int = FIRST_LEVEL_ROW + 5) -> Callable[[Workbook], None]:
    def change(book: Workbook) -> None:
        sheet = book[workbook.MATRIX]
        sheet.cell(row, _column(sheet, name)).value = value
    return change


def _detail(column: int, value: object, row: int = 2) -> Callable[[Workbook], None]:
    def change(book: Workbook) -> None:
        book[workbook.DETAILS].cell(row, column).value = value
    return change


ROW_12 = FIRST_LEVEL_ROW + 5
BAD_CELLS = [
    (_cell("Stage", "High schol"), f"sheet 'Program of study', row {ROW_12}, column 'B (Stage)': 'High schol' is not "
                                   "one of: Middle school, High school, Postsecondary, Apprenticeship, Workforce"),
    (_cell("English", "ENG-12: English IV"), f"row {ROW_12}, column 'G (English)': 'ENG-12: English IV': write a "
                                             "course as 'CODE: Title (1 credit)'"),
    (_cell("Math", "- PCAL-12: Pre-Calculus (1 credit)"), f"row {ROW_12}, column 'H (Math)': '- PCAL-12: Pre-Calculus "
                                                          "(1 credit)': a line starting '- ' is a course of a group"),
    (_cell("Early college", "ENG-9: AP; exam: AP English"), f"row {ROW_12}, column 'M (Early college)': 'ENG-9' is "
                                                            "not a course of Grade 12 in the matrix"),
    (_cell("Credentials", "Certified Nursing Assistant; issuer: State"), f"row {ROW_12}, column 'O (Credentials)': "
                                                                         "'Certified Nursing Assistant; issuer: "
                                                                         "State': give the credential's kind"),
    (_cell("Credentials", "CNA; kind: licence; hours: 75"), f"row {ROW_12}, column 'O (Credentials)': 'CNA; kind: "
                                                            "licence; hours: 75': unknown label 'hours'"),
    (_cell("Step", 13), f"row {ROW_12}, column 'A (Level)': Grade 12: secondary grades are 9–12, not 13"),
    (_cell("Step", 7), "Grade 12: secondary grades are 9–12, not 7 (grade 7 is middle school: use stage middle)"),
    (_cell("Work-based learning", "Apprenticeship: wiring; RAPIDS: 0159"), f"row {ROW_12}, column 'N (Work-based "
                                                                          "learning)': 'Apprenticeship' is not one of"),
    (_detail(3, "Exploring Careers"), "sheet 'Course details', row 2, column 'C (Title)': 'Exploring Careers' differs "
                                      "from the matrix's title 'Exploring Health Careers': change one"),
    (_detail(2, "HC-99"), "sheet 'Course details', row 2, column 'B (Code)': 'HC-99' is not a course of Grade 7 in "
                          "the matrix"),
    (_detail(8, "Math", row=3), f"row {FIRST_LEVEL_ROW}, column 'G (English)': LA-07 counts as Math (Course "
                                "details), not English: move it or change its subject"),
    (_detail(4, "CTE", row=3), "sheet 'Course details', row 3, column 'D (Kind)': LA-07 is in the matrix's "
                               "'English' column, so it is Academic, not CTE"),
]


@pytest.mark.parametrize(("change", "expected"), BAD_CELLS, ids=[f"bad-{n}" for n in range(len(BAD_CELLS))])
def test_a_bad_cell_is_one_line_naming_sheet_row_and_column(change: Callable[[Workbook], None], expected: str) -> None:
    book = _book(workbook.write(MATRIX))
    change(book)
    with pytest.raises(ProgramFileError) as caught:
        workbook.parse_workbook(_saved(book), "matrix.xlsx")
    message = str(caught.value)
    assert message.startswith("matrix.xlsx, sheet ") and "\n" not in message
    assert expected in message


def test_text_that_looks_like_a_formula_stays_text() -> None:
    program = MATRIX.model_copy(update={"title": HYPERLINK})
    data = workbook.write(program)
    cell = _book(data)[workbook.MATRIX]["B1"]
    assert (cell.value, cell.data_type) == (HYPERLINK, "s")
    assert workbook.parse_workbook(data, "m.xlsx")[0].title == HYPERLINK


def test_the_workbook_says_how_to_fill_it() -> None:
    how = _book(workbook.write(MATRIX))[workbook.HOW_TO]
    parts = [row[0] for row in how.iter_rows(min_row=2, values_only=True)]
    assert parts[:4] == ["Program of study", "Courses", "Groups", "Early college"]
