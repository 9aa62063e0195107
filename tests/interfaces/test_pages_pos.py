"""Programs of study on the web pages and the planner, through the app with a real store holding the examples:
the list, a program's sequence grid with credentials, occupations (Registered Nurses 29-1141, $97,550) and
findings, the sub-cluster and CIP pages' lists, the planner in both languages and its file round trip (the PDFs
are in browser/test_pos.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from careerclusters.server.app import create_app

NURSING = "/programs-of-study/example-registered-nursing"


@pytest.fixture(scope="module")
def client(pos_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(pos_db, warm=False)) as test_client:
        yield test_client


def text(html: str) -> str:
    """The page's words, tags removed and spaces collapsed, to assert on what a reader sees."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" ,", ",")


def test_the_list_filters_by_subcluster(client: TestClient) -> None:
    page = text(client.get("/programs-of-study").text)
    assert "9 programs of study" in page and "Welding Technology (example)" in page
    assert "Registered Nursing (example) example Example State Department of Education Physical Health" in page
    only = text(client.get("/programs-of-study?subcluster=Physical Health").text)
    assert "1 program of study in Physical Health" in only and "Welding" not in only.split("programs of study)")[1]
    assert client.get("/programs-of-study?subcluster=nowhere").status_code == 404


def test_a_program_of_study_page(client: TestClient) -> None:
    response = client.get(NURSING)
    assert response.status_code == 200
    page = text(response.text)
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
    flawed = text(client.get("/programs-of-study/example-flawed").text)
    assert "error levels in order Grade 10 (step 10) comes after Grade 11 (step 11)." in flawed
    assert client.get("/programs-of-study/no-such-program").status_code == 404


def test_subcluster_and_instructional_program_pages_list_their_programs_of_study(client: TestClient) -> None:
    sub = text(client.get("/subclusters/physical-health").text)
    assert "Programs of study Course sequences from high school to a credential that belong to this sub-cluster: " \
           "Registered Nursing (example) · Example State Department of Education example · plan your path" in sub
    cip = client.get("/programs/51.3801").text
    assert f'href="{NURSING}"' in cip and "that use this CIP code" in cip
    other = text(client.get("/programs/52.0201").text)
    assert "No programs of study that use this CIP code are imported." in other


def test_downloads_in_the_open_format(client: TestClient) -> None:
    yaml_file = client.get("/programs-of-study/example-welding.yaml")
    assert yaml_file.headers["content-disposition"] == 'attachment; filename="example-welding.yaml"'
    assert "id: example-welding" in yaml_file.text
    csv_file = client.get("/programs-of-study/example-welding.csv").text
    assert csv_file.startswith("program_id,program_title") and ",WLD-300," in csv_file
    assert client.get("/programs-of-study/example-welding.exe").status_code == 422


def test_the_planner_lays_out_a_plan(client: TestClient) -> None:
    start = text(client.get("/planner").text)
    assert "Choose a program of study" in start and "Registered Nursing (example)" in start
    assert "Barbering and Retail" not in start  # the flawed example: the checker finds errors in it
    assert "Programs of study not listed here until their authors fix the errors their checks found: 1." in start
    assert ("Programas de estudio que no aparecen aquí hasta que sus autores corrijan los errores que encontró su "
            "revisión: 1.") in text(client.get("/planner?lang=es").text)
    response = client.get(NURSING + "/plan?finish=Grade+12&year=2026&take=HS-402&done=HS-101")
    page = text(response.text)
    assert "2029–30 Grade 12 · high school exit point" in page
    assert ("Certified Nursing Assistant (licence, Example State Department of Health): with HS-401 in Grade 12, "
            "2029–30") in page
    assert "Associate Degree in Nursing (associate degree): It is earned in Term 4, after you leave at Grade 12." \
           in page
    assert "You leave at Grade 12. You can come back later and start again at Term 1." in page
    assert "Registered Nurses $97,550 +4.9%" in page
    assert "11 credits in your plan; 1 done so far." in page
    assert 'id="take-401-2" name="take" value="HS-402" checked' in response.text
    assert 'name="done" value="HS-101" checked' in response.text
    assert ('href="/programs-of-study/example-registered-nursing/plan.pdf?start=Grade+9&amp;finish=Grade+12&amp;'
            'year=2026&amp;take=HS-402&amp;done=HS-101"') in response.text
    assert response.headers.get("set-cookie") is None


def test_the_planner_in_spanish(client: TestClient) -> None:
    response = client.get(NURSING + "/plan?lang=es&start=Term+1&take=HS-402")
    page = text(response.text)
    assert '<html lang="es">' in response.text
    assert "Mi plan: Registered Nursing (example)" in page and "Año 1" in page
    assert "HS-402 no es una optativa de los niveles de tu plan; se dejó fuera." in page
    assert "Certified Nursing Assistant (licencia): Se obtiene en Grade 12, antes de que empieces en Term 1." in page
    assert "View in English" in page


def test_bad_plan_addresses_say_what_is_wrong(client: TestClient) -> None:
    bad_year = client.get(NURSING + "/plan?year=next")
    assert bad_year.status_code == 400 and "the first school year must be a year such as 2026" in bad_year.text
    assert client.get(NURSING + "/plan?year=1850").status_code == 400
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
    opened = client.post("/planner/open", files={"plan": ("my-plan.json", saved.content, "application/json")},
                         data={"lang": "es"}, follow_redirects=False)
    assert opened.status_code == 303
    assert opened.headers["location"] == (NURSING + "/plan?lang=es&start=Grade+9&finish=Grade+12&year=2026&"
                                          "take=HS-402&done=HS-101")
    broken = client.post("/planner/open", files={"plan": ("notes.txt", b"my plan", "text/plain")})
    assert broken.status_code == 400 and "notes.txt: not a plan file" in broken.text
    gone = client.post("/planner/open", files={"plan": ("old.json", b'{"program": "retired-program"}', "text/json")})
    assert gone.status_code == 404


def test_with_no_programs_of_study_imported_the_pages_say_how(imported_db: Path) -> None:
    with TestClient(create_app(imported_db, warm=False)) as empty:
        listing = text(empty.get("/programs-of-study").text)
        assert "No programs of study are imported yet." in listing and "careerclusters pos import --examples" in listing
        planner = text(empty.get("/planner?lang=es").text)
        assert "Todavía no hay programas de estudio: pide a tu escuela o a tu estado que agreguen los suyos." in planner
        assert "No programs of study that belong to this sub-cluster are imported." in text(
            empty.get("/subclusters/physical-health").text)
