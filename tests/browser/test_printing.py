"""PDFs the app prints itself with headless Chromium: the planner's plan and a program of study from the web app, and
a program of study exported from the command line. (A module of its own: Playwright's sync API cannot run inside
another module's browser session in this thread.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from careerclusters.cli import app as cli
from careerclusters.server.app import create_app
from tests.helpers import pdf_text, words

NURSING = "/programs-of-study/example-registered-nursing"


@pytest.fixture(scope="module")
def client(pos_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(pos_db, warm=False)) as test_client:
        yield test_client


def _same_page(layout: str, heading: str, row: str) -> bool:
    """Whether the printed page holding ``heading`` holds ``row`` too (pages end with a form feed)."""
    return any(heading in page and row in page for page in layout.split("\f"))


def test_the_plan_and_the_program_of_study_print_to_pdf(client: TestClient, pos_db: Path, tmp_path: Path) -> None:
    plan = client.get(NURSING + "/plan.pdf?finish=Grade+12&take=HS-402&done=HS-101")
    assert plan.headers["content-disposition"] == 'attachment; filename="plan-example-registered-nursing.pdf"'
    pages, layout = pdf_text(plan.content)
    printed = words(layout)
    assert 1 <= pages <= 2
    assert "My plan: Registered Nursing (example)" in printed and "Certified Nursing Assistant" in printed
    assert "$97,550" in printed and "chosen" in printed
    # leaving after grade 12: the nurse-aide jobs, Registered Nurses only "with more study"
    assert "Jobs you can start then Job Typical pay a year School or training to start Change in jobs, 10 years " \
           "Nursing Assistants $42,260" in printed
    assert "Jobs with more study: finish the whole program" in printed
    for heading, first_row in (("Where it leads", "Nursing Assistants"),
                               ("Jobs you can start then", "Nursing Assistants"),
                               ("Jobs with more study", "Registered Nurses")):
        assert _same_page(layout, heading, first_row), heading  # a heading is never left alone at a page's foot
    whole = pdf_text(client.get(NURSING + "/plan.pdf").content)[1]
    assert _same_page(whole, "Jobs this program of study leads to", "Registered Nurses")
    document = client.get(NURSING + ".pdf")
    pages, layout = pdf_text(document.content)
    printed = words(layout)
    assert pages <= 3 and "NCLEX-RN" in printed and "Registered Nurses $97,550" in printed
    out = tmp_path / "welding.pdf"
    result = CliRunner().invoke(cli, ["--db", str(pos_db), "pos", "export", "example-welding", "--format", "pdf",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    pages, layout = pdf_text(out.read_bytes())
    printed = words(layout)
    assert "Welding Technology (example)" in printed and "Earns: AWS Certified Welder" in printed
    assert "Welders, Cutters, Solderers, and Brazers $53,750" in printed
    refused = CliRunner().invoke(cli, ["--db", str(pos_db), "pos", "export", "example-welding", "--format", "pdf"])
    assert refused.exit_code == 2 and "a PDF is written to a file: add -o FILE.pdf" in refused.stderr


def test_the_state_matrix_prints_every_part(client: TestClient) -> None:
    document = client.get("/programs-of-study/fixture-nurse-assisting.pdf")
    pages, layout = pdf_text(document.content)
    printed = words(layout)
    assert pages <= 5
    for part in ("Grade 7 HC-07 Exploring Health", "Middle school", "Choose one: Pre-", "At least 1 credit:",
                 "Physical education", "Dual enrollment: Example", "Co-op: Patient care co-",
                 "Grade 16 Continue courses in the area of specialization (bachelor of science in nursing). "
                 "Postsecondary · year 4", "median wage in Delaware", "HOSA-Future Health Professionals",
                 "NA-101 → 7710 Foundations of Health Careers"):
        assert part in printed, part
    plan = client.get("/programs-of-study/fixture-nurse-assisting/plan.pdf?year=2026&take=STAT-12")
    pages, layout = pdf_text(plan.content)
    printed = words(layout)
    assert "Grade 7 · middle school" in printed and "2035–36" in printed and "the middle pay in Delaware" in printed
