"""Programs of study on the web pages and the planner, through the app with a real store holding the examples:
the list, a program's sequence grid with credentials, occupations (Registered Nurses 29-1141, $97,550) and
findings, the sub-cluster and CIP pages' lists, the planner in both languages and its file round trip (the PDFs
are in browser/test_pos.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from careerclusters.pos import files, workbook
from careerclusters.server.app import create_app
from tests.helpers import STATE_MATRIX, html_text

NURSING = "/programs-of-study/example-registered-nursing"


@pytest.fixture(scope="module")
def client(pos_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(pos_db, warm=False)) as test_client:
        yield test_client


def test_the_list_filters_by_subcluster(client: TestClient) -> None:
    page = html_text(client.get("/programs-of-study").text)
    assert "9 programs of study" in page and "Welding Technology (example)" in page
    assert "Registered Nursing (example) example Example State Department of Education Physical Health" in page
    only = html_text(client.get("/programs-of-study?subcluster=Physical Health").text)
    assert "2 programs of study in Physical Health" in only and "Welding" not in only.split("programs of study)")[1]
    assert client.get("/programs-of-study?subcluster=nowhere").status_code == 404


def test_a_program_of_study_page(client: TestClient) -> None:
    response = client.get(NURSING)
    assert response.status_code == 200
    page = html_text(response.text)
    assert "Grade 9 High school entry point HS-101 Exploration of Health Care Occupations CTE introductory · 1 credit" \
           in page
    assert "SCED 14154: Medical Terminology" in page  # the SCED title, its description folded beneath
    assert "Grade 12 High school exit point" in page and "Earns: Certified Nursing Assistant" in page
    assert "HS-301 Anatomy and Physiology academic science · 1 credit Dual enrollment SCED 03053" in page
    assert "elective Work-based learning Earns" not in page and "elective Work-based learning SCED 14298" in page
    assert ("Certified Nursing Assistant licence Example State Department of Health HS-401 Grade 12" in page
            and "NCLEX-RN licence National Council of State Boards of Nursing NUR-220 Term 4" in page)
    assert "29-1141 Registered Nurses $97,550 +4.9%" in page
    assert "51.3801 Registered Nursing/Registered Nurse" in page
    assert "No findings: it has every element the default rules check." in page
    flawed = html_text(client.get("/programs-of-study/example-flawed").text)
    assert "error levels in order Grade 10 (step 10) comes after Grade 11 (step 11)." in flawed
    assert client.get("/programs-of-study/no-such-program").status_code == 404


def test_subcluster_and_instructional_program_pages_list_their_programs_of_study(client: TestClient) -> None:
    sub = html_text(client.get("/subclusters/physical-health").text)
    assert "Programs of study Course sequences from high school to a credential that belong to this sub-cluster: " \
           "Nurse Assisting (state matrix example) · State Department of Education (example) example · plan your " \
           "path Registered Nursing (example) · Example State Department of Education example · plan your path" in sub
    cip = client.get("/programs/51.3801").text
    assert f'href="{NURSING}"' in cip and "that use this CIP code" in cip
    other = html_text(client.get("/programs/52.0201").text)
    assert "No programs of study that use this CIP code are imported." in other


def test_downloads_in_the_open_format(client: TestClient) -> None:
    yaml_file = client.get("/programs-of-study/example-welding.yaml")
    assert yaml_file.headers["content-disposition"] == 'attachment; filename="example-welding.yaml"'
    assert "id: example-welding" in yaml_file.text
    csv_file = client.get("/programs-of-study/example-welding.csv").text
    assert csv_file.startswith("program_id,program_title") and ",WLD-300," in csv_file
    assert client.get("/programs-of-study/example-welding.exe").status_code == 422


def test_the_planner_lays_out_a_plan(client: TestClient) -> None:
    start = html_text(client.get("/planner").text)
    assert "Choose a program of study" in start and "Registered Nursing (example)" in start
    assert "Barbering and Retail" not in start  # the flawed example: the checker finds errors in it
    assert "Programs of study not listed here until their authors fix the errors their checks found: 1." in start
    assert ("Programas de estudio que no aparecen aquí hasta que sus autores corrijan los errores que encontró su "
            "revisión: 1.") in html_text(client.get("/planner?lang=es").text)
    response = client.get(NURSING + "/plan?finish=Grade+12&year=2026&take=HS-402&done=HS-101")
    page = html_text(response.text)
    assert "2029–30 Grade 12 · high school you can stop here" in page
    assert ("Certified Nursing Assistant (license, Example State Department of Health): with HS-401 in Grade 12, "
            "2029–30") in page
    assert "Associate Degree in Nursing (two-year degree): It is earned in Term 4, after you leave at Grade 12." \
           in page
    assert "You leave at Grade 12. You can come back later and start again at Term 1." in page
    # leaving after grade 12 with the nurse-aide license: nursing assistants now, registered nurses with more study
    assert ("Jobs you can start then Job Typical pay a year School or training to start Change in jobs, 10 years "
            "Nursing Assistants $42,260 A certificate after high school +2.3%") in page
    assert ("Jobs with more study: finish the whole program Job Typical pay a year School or training to start "
            "Change in jobs, 10 years Nursing Instructors and Teachers, Postsecondary") in page
    assert "Registered Nurses $97,550 Four-year college degree +4.9%" in page
    assert "11 credits in your plan; 1 done so far." in page
    assert 'id="take-401-2" name="take" value="HS-402" checked' in response.text
    assert 'name="done" value="HS-101" checked' in response.text
    assert ('href="/programs-of-study/example-registered-nursing/plan.pdf?start=Grade+9&amp;finish=Grade+12&amp;'
            'year=2026&amp;take=HS-402&amp;done=HS-101"') in response.text
    assert response.headers.get("set-cookie") is None


def test_the_planner_in_spanish(client: TestClient) -> None:
    response = client.get(NURSING + "/plan?lang=es&start=Term+1&take=HS-402")
    page = html_text(response.text)
    assert '<html lang="es">' in response.text
    assert "Mi plan: Registered Nursing (example)" in page and "Año 1" in page
    assert "HS-402 no es una optativa de los niveles de tu plan; se dejó fuera." in page
    assert "Certified Nursing Assistant (licencia): Se obtiene en Grade 12, antes de que empieces en Term 1." in page
    assert "In English" in page


def test_bad_plan_addresses_say_what_is_wrong(client: TestClient) -> None:
    bad_year = client.get(NURSING + "/plan?year=next&finish=Grade+12")
    assert bad_year.status_code == 400  # the plan again, the message beside the field and what was typed kept
    page = html_text(bad_year.text)
    assert "My plan: Registered Nursing (example)" in page and "You leave at Grade 12." in page
    assert 'aria-invalid="true" value="next"' in bad_year.text
    assert "Type the year your first school year begins, such as 2026 for 2026–27 (not “next”)." in page
    spanish = html_text(client.get(NURSING + "/plan?year=1850&lang=es").text)
    assert "Escribe el año en que empieza tu primer año escolar, por ejemplo 2026 para 2026–27 (no “1850”)." in spanish
    assert client.get(NURSING + "/plan?pace=sometimes").status_code == 400
    assert client.get("/programs-of-study/nothing/plan").status_code == 404


def test_the_plan_file_opens_the_same_plan(client: TestClient) -> None:
    query = "finish=Grade+12&year=2026&take=HS-402&done=HS-101"
    saved = client.get(NURSING + "/plan.json?" + query)
    assert saved.headers["content-disposition"] == 'attachment; filename="plan-example-registered-nursing.json"'
    assert json.loads(saved.text) == {
        "format": "careerclusters/plan/1", "program": "example-registered-nursing",
        "program_title": "Registered Nursing (example)", "start": "Grade 9", "finish": "Grade 12", "first_year": 2026,
        "pace": "full-time", "take": ["HS-402"], "done": ["HS-101"]}
    opened = client.post("/es/planner/open", files={"plan": ("my-plan.json", saved.content, "application/json")},
                         follow_redirects=False)
    assert opened.status_code == 303
    assert opened.headers["location"] == ("/es" + NURSING + "/plan?start=Grade+9&finish=Grade+12&year=2026&"
                                          "take=HS-402&done=HS-101")
    broken = client.post("/planner/open", files={"plan": ("notes.txt", b"my plan", "text/plain")})
    assert broken.status_code == 400 and "notes.txt: not a plan file" in broken.text
    gone = client.post("/planner/open", files={"plan": ("old.json", b'{"program": "retired-program"}', "text/json")})
    assert gone.status_code == 404


def test_with_no_programs_of_study_imported_the_pages_say_how(imported_db: Path) -> None:
    with TestClient(create_app(imported_db, warm=False)) as empty:
        listing = html_text(empty.get("/programs-of-study").text)
        assert "No programs of study are imported yet." in listing and "careerclusters pos import --examples" in listing
        planner = html_text(empty.get("/es/planner").text)
        assert "Todavía no hay programas de estudio: pide a tu escuela o a tu estado que agreguen los suyos." in planner
        assert "No programs of study that belong to this sub-cluster are imported." in html_text(
            empty.get("/subclusters/physical-health").text)


MATRIX = "/programs-of-study/fixture-nurse-assisting"


def test_the_state_matrix_page_shows_every_part(client: TestClient) -> None:
    response = client.get(MATRIX)
    page = html_text(response.text)
    assert "Grade 7 Middle school entry point HC-07 Exploring Health Careers CTE introductory · 0.5 credits" in page
    assert ("Grade 13 Postsecondary · year 1 entry point exit point Continue courses in the area of specialization "
            "(practical nursing). Earns: Practical Nursing Certificate Earns: NCLEX-PN Grade 14 Postsecondary · year 2"
            ) in page
    assert ("At least 1 credit: Physical education academic physical education graduation requirement Any courses of "
            "this subject the school offers.") in page
    assert "HLTH-9 Health academic health · 0.5 credits graduation requirement" in page
    assert "Choose one: Pre-Calculus or Statistics academic math graduation requirement PCAL-12 Pre-Calculus" in page
    assert ("Articulated credit: Example Technical Community College, HLC 110 Medical Terminology, 3 college credits "
            "(Statewide health science articulation agreement)") in page
    assert "AP exam: AP Biology" in page
    assert "Dual enrollment: Example Technical Community College, NUR 105 Nurse Assistant, 4 college credits" in page
    assert ("Co-op: Patient care co-op work-based learning 120 hours · 1 credit With Example Regional Health System "
            "elective") in page
    assert "Pre-apprenticeship: Health care pre-apprenticeship" in page
    assert "Student organization: HOSA-Future Health Professionals" in page
    assert ("by the education they are entered with: median wage in Delaware (BLS, May 2025) and projected change in "
            "jobs (2024–2034), national") in page
    assert ("High school 31-1131 Nursing Assistants $42,030 +2.3% 31-1121 Home Health Aides $34,320 combined group "
            "31-1120 +17.0% combined group 31-1120 Certificate 29-2061") in page
    assert "Example School District (DE) NA-101 → 7710 Foundations of Health Careers; NA-201 → 7720" in page
    assert f'href="{MATRIX}.xlsx"' in response.text and f'href="{MATRIX}.csv"' not in response.text
    assert f'href="{NURSING}.csv"' in client.get(NURSING).text  # a version 1 program still has its CSV


def test_the_state_matrix_downloads(client: TestClient) -> None:
    book = client.get(MATRIX + ".xlsx")
    assert book.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert book.headers["content-disposition"] == 'attachment; filename="fixture-nurse-assisting.xlsx"'
    assert workbook.parse_workbook(book.content, "m.xlsx") == files.read(STATE_MATRIX)
    refused = client.get(MATRIX + ".csv")
    assert refused.status_code == 400 and "write it as YAML, JSON or a workbook (xlsx)" in refused.text


def test_the_planner_lays_out_the_state_matrix(client: TestClient) -> None:
    response = client.get(MATRIX + "/plan?year=2026")
    page = html_text(response.text)
    assert "2026–27 Grade 7 · middle school you can start here" in page
    assert ("2032–33 Grade 13 · college or training · a year you can start here you can stop here Continue courses "
            "in the area of specialization (practical nursing). 2033–34 Grade 14") in page
    assert "In Grade 12, choose one of Pre-Calculus or Statistics." in page
    assert "Choose one: Pre-Calculus or Statistics · Grade 12 · needed to graduate still to choose" in page
    assert 'name="take" value="STAT-12"' in response.text
    assert ("co-op (paid work with school credit) : Patient care co-op · 120 hours · with Example Regional Health "
            "System · if you choose it") in page
    assert "Student organization you can join: HOSA-Future Health Professionals" in page
    assert "Bachelor of Science in Nursing (four-year degree, Example State University): on finishing Grade 16, " \
           "2035–36" in page
    assert "Nursing Assistants In this program: after high school $42,030 A certificate after high school +2.3%" in page
    assert ("Home Health Aides In this program: after high school $34,320 (group) — +17.0% (group)") in page
    assert "Typical pay is the middle pay in Delaware (May 2025)" in page
    chosen = html_text(client.get(MATRIX + "/plan?year=2026&take=STAT-12").text)
    assert "In Grade 12, choose" not in chosen and "Statistics · Grade 12 · needed to graduate chosen" in chosen
    spanish = html_text(client.get(MATRIX + "/plan?lang=es").text)
    assert "Grade 7 · escuela intermedia" in spanish and "En Grade 12, elige una de estas opciones" in spanish


def test_every_credential_kind_is_named_in_words(client: TestClient) -> None:
    """The kinds version 2 adds (a registered apprenticeship's certificate) read as words, in both languages."""
    electrical = "/programs-of-study/example-electrical-apprenticeship"
    page = html_text(client.get(electrical).text)
    assert ("Certificate of Completion of Registered Apprenticeship (Electrician) apprenticeship certificate U.S. "
            "Department of Labor") in page
    matrix = html_text(client.get(MATRIX).text)
    assert "Bachelor of Science in Nursing bachelor's degree Example State University" in matrix
    plan = html_text(client.get(electrical + "/plan").text)
    assert "Certificate of Completion of Registered Apprenticeship (Electrician) (apprenticeship certificate, U.S. " \
           "Department of Labor)" in plan
    spanish = html_text(client.get(electrical + "/plan?lang=es").text)
    assert "(certificado del programa de aprendizaje, U.S. Department of Labor)" in spanish
