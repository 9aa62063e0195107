"""Career changers through every interface, on the real data: ``GET /api/v1/occupations/{code}/next``, the
``/next-jobs`` page (in English and Spanish, its printable list, its errors on the same page, never kept by the page
cache), the doors to it, and ``careerclusters next``."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from careerclusters.cli import app

runner = CliRunner()


# -- the API ----------------------------------------------------------------------------------------------------

def test_the_api_shows_each_part_of_each_score(client: TestClient) -> None:
    answer = client.get("/api/v1/occupations/53-3032/next", params={"limit": 5, "area": "OH"}).json()
    assert answer["source"]["code"] == "53-3032.00" and answer["area"]["code"] == "3900000"
    assert len(answer["destinations"]) == 5
    first = answer["destinations"][0]
    assert first["title"] == "Light Truck Drivers" and first["pay"] == {"median": 42600.0, "marker": None,
                                                                        "basis": "area", "group": None}
    assert [p["name"] for p in first["parts"]] == ["activities", "technologies", "related", "openings",
                                                   "preparation", "pay"]
    assert abs(sum(p["points"] for p in first["parts"]) - first["score"]) < 0.3
    assert first["demand"]["estimate"] is True and first["subclusters"][0]["id"] == "ground-rail-transportation"


def test_the_api_lists_moves_outside_the_preferences_apart(client: TestClient) -> None:
    answer = client.get("/api/v1/occupations/29-1141.00/next", params={"education": "none", "pay_floor": 60000}).json()
    assert answer["education"] == "none" and answer["pay_floor"] == 60000
    reasons = {d["title"]: d["outside"] for d in answer["outside_preferences"]}
    assert reasons["General Internal Medicine Physicians"] == [
        "Needs Doctoral or professional degree, more school than you chose"]
    assert all(d["fits"] for d in answer["destinations"])


def test_the_api_answers_bad_input_with_status_and_suggestions(client: TestClient) -> None:
    unknown = client.get("/api/v1/occupations/53-9999.00/next")
    assert unknown.status_code == 404
    assert unknown.json()["error"]["suggestions"][0] == "53-1041.00 Aircraft Cargo Handling Supervisors"
    military = client.get("/api/v1/occupations/55-3016/next").json()["error"]
    assert military["type"] == "NotComparableError" and "civilian" in military["suggestions"][0]
    assert client.get("/api/v1/occupations/truck/next").status_code == 400
    assert client.get("/api/v1/occupations/29-1141/next", params={"education": "phd"}).status_code == 422
    assert client.get("/api/v1/occupations/29-1141/next", params={"limit": 0}).status_code == 422
    assert client.get("/api/v1/occupations/29-1141/next", params={"area": "Narnia"}).status_code == 404


# -- the pages --------------------------------------------------------------------------------------------------

def test_the_page_reads_a_job_in_a_persons_words(client: TestClient) -> None:
    page = client.get("/next-jobs", params={"job": "truck driver", "area": "OH", "edu": "certificate",
                                            "pay": "45,000"})
    assert page.status_code == 200
    text = page.text
    assert "From: Heavy and Tractor-Trailer Truck Drivers" in text and "Light Truck Drivers" in text
    assert 'href="/next-jobs?job=53-3033.00&amp;area=OH&amp;edu=certificate&amp;pay=45%2C000"' in text  # a reading
    assert "Also close, but outside what you chose" in text and "under your floor of $45,000" in text
    assert "Work you already do" in text and "Similar work is not a job offer." in text
    assert 'value="certificate" selected' in text and 'value="45,000"' in text  # the form keeps what was typed


def test_bad_input_is_told_on_the_same_page(client: TestClient) -> None:
    unknown = client.get("/next-jobs", params={"job": "53-9999.00"})
    assert unknown.status_code == 404 and "We have no occupation with that code" in unknown.text
    assert 'href="/next-jobs?job=53-1041.00"' in unknown.text and '<form class="next-form"' in unknown.text
    military = client.get("/next-jobs", params={"job": "army infantry"})
    assert "Served in the military? Type the civilian job closest" in military.text
    veteran = client.get("/next-jobs", params={"job": "veteran"})
    assert veteran.status_code == 200 and "Served in the military? O*NET does not describe military" in veteran.text
    pay = client.get("/next-jobs", params={"job": "29-1141", "pay": "lots"})
    assert pay.status_code == 400 and "such as 40000" in pay.text and "Traceback" not in pay.text
    area = client.get("/next-jobs", params={"job": "29-1141", "area": "Narnia"})
    assert area.status_code == 404 and "We could not find that area" in area.text


def test_the_page_in_spanish(client: TestClient) -> None:
    page = client.get("/es/next-jobs", params={"job": "29-1141"}).text
    assert '<html lang="es">' in page and "Tengo trabajo: ¿a qué otro trabajo puedo pasar?" in page
    assert "Desde: Enfermeros/as registrados/as" in page and "Salud física" in page  # names in Spanish
    assert "Tareas que ya haces" in page and "Un trabajo parecido no es una oferta de empleo." in page
    assert 'href="/next-jobs?job=29-1141" hreflang="en" lang="en">In English</a>' in page
    typed = client.get("/es/next-jobs", params={"job": "enfermera"}).text  # a job typed in Spanish
    assert "Desde: Enfermeros/as registrados/as" in typed and "Puedes escribirlo en español o en inglés." in typed


def test_the_printable_list_opens_every_section_and_drops_the_form(client: TestClient) -> None:
    page = client.get("/next-jobs/print", params={"job": "41-2031"}).text
    assert '<form class="next-form"' not in page and "<details open>" in page
    assert "http://testserver/next-jobs?job=41-2031" in page and page.count('class="move"') == 10


def test_what_a_person_typed_is_never_kept(client: TestClient) -> None:
    for url in ("/next-jobs?job=truck+driver", "/api/v1/occupations/53-3032/next?pay_floor=40000"):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200 and "x-cache" not in response.headers


def test_the_doors_lead_to_it(client: TestClient) -> None:
    assert 'href="/next-jobs">I have a job — what could I do next?</a>' in client.get("/").text
    assert 'href="/next-jobs">I have a job — what next?</a>' in client.get("/areas").text  # the navigation
    assert 'href="/es/next-jobs">Tengo trabajo: ¿y ahora qué?</a>' in client.get("/es/survey").text
    occupation = client.get("/occupations/41-1011").text
    assert '<a href="/next-jobs?job=41-1011.00">Jobs people move to from here</a>' in occupation


# -- the command line -------------------------------------------------------------------------------------------

def test_the_next_command(imported_db: Path) -> None:
    def run(*args: str):
        return runner.invoke(app, ["--db", str(imported_db), "next", *args])

    text = run("29-1141", "--limit", "3").stdout
    assert "From Registered Nurses (29-1141.00)" in text and "1. Acute Care Nurses (29-1141.01)" in text
    assert "Similar work is not a job offer" in text
    answer = json.loads(run("41-2031", "--area", "OH", "--json").stdout)
    assert answer["area"]["name"] == "Ohio" and len(answer["destinations"]) == 10
    assert {p["name"] for p in answer["destinations"][0]["parts"]} >= {"activities", "related", "pay"}
    unknown = run("53-9999.00")
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("error: no O*NET occupation 53-9999.00; did you mean: 53-1041.00")
    assert run("29-1141", "--education", "phd").exit_code == 2
    assert run("29-1141", "--area", "Narnia").stderr.startswith("error: no area 'Narnia'")
