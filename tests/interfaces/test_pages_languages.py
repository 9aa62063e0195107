"""The whole site in Spanish, as a Spanish-reading parent meets it: every page at ``/es/…`` (one mechanism for
every route), the switch and the ``hreflang`` alternates that keep the page and its query, the old ``?lang=es``
addresses sent on with 301, links and redirects that keep the language, the browser's Accept-Language as a
suggestion, error pages in the page's language, and no English left on any page type: no message of the
catalogue, no framework or occupation name that has a translation (``english_left``). English and Spanish pages
have the same structure."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from careerclusters.server.app import create_app
from careerclusters.survey import load_instrument
from careerclusters.survey.codec import encode
from tests.helpers import eighth_grader, english_left, html_text

NURSING = "/programs-of-study/example-registered-nursing"
ANSWERS = encode(eighth_grader().answers, load_instrument("en"))
#: Every kind of page, with the query a visitor brings (an area, the survey's answers, a plan's choices).
PAGES = {
    "home": "/", "clusters": "/clusters", "grouping": "/groupings/caring-communities",
    "cluster": "/clusters/healthcare-human-services", "sub-cluster": "/subclusters/physical-health?area=OH",
    "original edition": "/original", "original cluster": "/original/clusters/o-health-science",
    "original pathway": "/original/pathways/o-therapeutic-services",
    "occupation with an area": "/occupations/29-1141.00?area=OH", "program": "/programs/51.3801?area=OH",
    "programs of study": "/programs-of-study", "program of study": NURSING,
    "plan": NURSING + "/plan?finish=Grade+12&take=HS-402", "planner": "/planner",
    "survey": "/survey", **{f"survey step {n}": f"/survey?a={ANSWERS}&step={n}" for n in range(1, 6)},
    "survey result": f"/survey/result?a={ANSWERS}", "search": "/search?q=enfermera", "areas": "/areas",
    "area": "/areas/OH", "area sub-cluster": "/areas/OH/subclusters/physical-health",
    "area occupation": "/areas/OH/occupations/29-1141", "glossary": "/glossary", "status": "/status",
    "alignment report form": "/reports/alignment", "API reference": "/api", "next jobs": "/next-jobs",
    "next jobs for a nurse": "/next-jobs?job=29-1141.00&area=OH", "error": "/no-such-page",
}


@pytest.fixture(scope="module")
def client(pos_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(pos_db, warm=False)) as test_client:
        yield test_client


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_every_page_is_in_spanish_with_no_english_left(client: TestClient, pos_db: Path, path: str) -> None:
    response = client.get("/es" + path, follow_redirects=False)
    assert response.status_code == (404 if path == "/no-such-page" else 200)
    assert '<html lang="es">' in response.text
    assert english_left(response.text, "es", pos_db) == []


@pytest.mark.parametrize("path", [p for name, p in PAGES.items() if name != "status"], ids=[
    n for n in PAGES if n != "status"])
def test_english_and_spanish_pages_have_the_same_structure(client: TestClient, path: str) -> None:
    english, spanish = (Structure.of(client.get(prefix + path).text) for prefix in ("", "/es"))
    assert spanish == english


def test_the_switch_and_the_alternates_keep_the_page_and_its_query(client: TestClient) -> None:
    path = f"/survey?a={ANSWERS}&step=5"
    spanish = client.get("/es" + path).text
    assert f'<link rel="alternate" hreflang="en" href="{path.replace("&", "&amp;")}">' in spanish
    assert f'<link rel="alternate" hreflang="es" href="/es{path.replace("&", "&amp;")}">' in spanish
    assert f'<link rel="alternate" hreflang="x-default" href="{path.replace("&", "&amp;")}">' in spanish
    switch = re.search(r'class="language-switch"><a href="([^"]+)" hreflang="en" lang="en">In English</a>', spanish)
    assert switch and switch[1].replace("&amp;", "&") == path
    english = client.get(path).text
    assert re.search(r'class="language-switch"><a href="/es/survey\?a=[^"]+&amp;step=5" hreflang="es" '
                     r'lang="es">En español</a>', english)
    plan = client.get(f"/es{NURSING}/plan?finish=Grade+12&take=HS-402").text
    assert f'href="{NURSING}/plan?finish=Grade+12&amp;take=HS-402" hreflang="en"' in plan


def test_old_lang_addresses_move_to_the_language_path(client: TestClient) -> None:
    moved = client.get(f"/survey/result?lang=es&a={ANSWERS}&edu=bachelors", follow_redirects=False)
    assert moved.status_code == 301 and moved.headers["location"] == f"/es/survey/result?a={ANSWERS}&edu=bachelors"
    assert client.get("/glossary?lang=en", follow_redirects=False).headers["location"] == "/glossary"
    assert client.get("/es/planner?lang=en", follow_redirects=False).headers["location"] == "/planner"
    assert client.get("/planner?lang=es", follow_redirects=False).headers["location"] == "/es/planner"
    api = client.get("/api/v1/clusters/education", params={"lang": "es"}, follow_redirects=False)
    assert api.status_code == 200 and api.json()["name"] == "Educación"  # the API keeps its ?lang=


def test_following_links_and_redirects_keeps_the_language(client: TestClient) -> None:
    page = client.get("/es/subclusters/physical-health?area=OH").text
    links = re.findall(r'<a (?:class="[^"]*" )?href="(/[^"]*)"( hreflang="en")?', page)
    assert [h for h, english in links if english] == ["/subclusters/physical-health?area=OH"]  # the switch
    site = [h for h, english in links if not english and not h.startswith(("/static/", "/openapi.json"))]
    assert len(site) > 50 and all(h == "/es" or h.startswith("/es/") for h in site), site
    assert client.get("/es/groupings", follow_redirects=False).headers["location"] == "/es/clusters"
    assert client.get("/es/areas?q=Ohio", follow_redirects=False).headers["location"] == "/es/areas/3900000"  # Ohio
    step = client.get(f"/es/survey?a={ANSWERS}&from=5&step=6", follow_redirects=False)
    assert step.status_code == 303 and step.headers["location"].startswith("/es/survey/result?a=")
    plan = client.get(f"{NURSING}/plan.json?finish=Grade+12").content
    opened = client.post("/es/planner/open", files={"plan": ("plan.json", plan, "application/json")},
                         follow_redirects=False)
    assert opened.status_code == 303 and opened.headers["location"].startswith(f"/es{NURSING}/plan?")


def test_a_spanish_page_reads_as_a_spanish_reader_in_the_us_expects(client: TestClient) -> None:
    nurse = html_text(client.get("/es/occupations/29-1141.00").text)
    assert "Enfermeros/as registrados/as" in nurse and "Sueldo típico al año" in nurse
    assert "$97,550" in nurse  # dollars as on a US paycheck and in BLS's tables (es_US), not "97.550 US$"
    assert "Sueldo anual mediano (OEWS) $97,550" in nurse  # a median is a "mediana", never a "media"
    assert "OEWS mayo 2025" in nurse
    program = html_text(client.get(f"/es{NURSING}").text)
    assert "1 crédito" in program and "2 créditos" in program and "1 créditos" not in program
    assert "se transfieren 4 créditos" in program
    assert "Los nombres de los programas aparecen como los publica el Departamento de Educación" in program
    cluster = html_text(client.get("/es/clusters/healthcare-human-services").text)
    assert "Salud y servicios humanos" in cluster and "Salud física" in cluster


def test_accept_language_suggests_the_spanish_page_without_moving_the_reader(client: TestClient) -> None:
    spanish_browser = {"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"}
    page = client.get("/clusters/education", headers=spanish_browser, follow_redirects=False)
    assert page.status_code == 200 and '<html lang="en">' in page.text  # a suggestion, not a redirect
    assert ('<p class="language-suggestion" lang="es"><a href="/es/clusters/education" hreflang="es">'
            'Ver esta página en español</a></p>') in page.text
    assert "accept-language" in page.headers["vary"].lower()
    plain = client.get("/clusters/education", headers={"Accept-Language": "en-US"})
    assert "language-suggestion" not in plain.text  # and the page cache keeps the two apart
    assert "language-suggestion" in client.get("/clusters/education", headers=spanish_browser).text
    assert "language-suggestion" not in client.get("/es/clusters/education", headers=spanish_browser).text


def test_error_pages_are_in_the_language_of_their_address(client: TestClient) -> None:
    missing = client.get("/es/occupations/99-9999")
    assert missing.status_code == 404 and '<html lang="es">' in missing.text
    assert "No hay ninguna página en esta dirección" in html_text(missing.text)
    assert 'href="/es/survey"' in missing.text and 'href="/es/planner"' in missing.text
    invalid = client.get("/es/occupations/29-1141?area=" + "x" * 300)
    assert invalid.status_code == 422 and '<html lang="es">' in invalid.text
    assert english_left(invalid.text, "es", client.app.state.context.db_path) == []
    english = client.get("/occupations/99-9999")
    assert "no occupation 99-9999" in english.text  # English keeps the error's own words


def test_the_page_cache_keeps_each_language_apart(client: TestClient) -> None:
    english = client.get("/subclusters/physical-health")
    spanish = client.get("/es/subclusters/physical-health")
    again = client.get("/es/subclusters/physical-health")
    assert again.headers["x-cache"] == "hit" and again.text == spanish.text != english.text
    assert '<html lang="es">' in again.text and '<html lang="en">' in client.get("/subclusters/physical-health").text
    head = client.head("/es/subclusters/physical-health")
    assert head.status_code == 200 and head.headers["etag"] == spanish.headers["etag"]


class Structure(HTMLParser):
    """A page's shape, whatever its words: its landmarks, how many headings of each level, its form fields (by
    name and type) and each table's columns and rows."""

    LANDMARKS = {"header", "nav", "main", "footer", "form", "section", "aside"}

    def __init__(self) -> None:
        super().__init__()
        self.landmarks: list[str] = []
        self.headings: dict[str, int] = {}
        self.fields: list[tuple[str, str]] = []
        self.tables: list[list[int]] = []
        self._row = 0

    @classmethod
    def of(cls, page: str) -> tuple[object, ...]:
        shape = cls()
        shape.feed(page)
        return tuple(shape.landmarks), shape.headings, tuple(shape.fields), tuple(map(tuple, shape.tables))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in self.LANDMARKS:
            self.landmarks.append(tag)
        elif re.fullmatch(r"h[1-6]", tag):
            self.headings[tag] = self.headings.get(tag, 0) + 1
        elif tag in ("input", "select", "textarea", "button"):
            self.fields.append((values.get("name") or "", values.get("type") or tag))
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append(0)
        elif tag in ("td", "th") and self.tables and self.tables[-1]:
            self.tables[-1][-1] += 1
