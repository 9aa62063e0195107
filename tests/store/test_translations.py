"""Occupation titles in Spanish in the store: every occupation the data can show has one, every education word
the data uses has one, and an operator's official list imports with provenance, wins over the project's own
and is replaced only by another list in its language."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerclusters.base.errors import SourceError
from careerclusters.base.languages import LANGUAGES
from careerclusters.base.translations import education, occupation_names
from careerclusters.cli import app
from careerclusters.store import connect, import_paths
from careerclusters.store.translations import occupation_titles, title_status

OTHER_LANGUAGES = LANGUAGES[1:]


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_every_occupation_the_data_shows_has_a_title_in_every_language(conn: sqlite3.Connection, lang: str) -> None:
    socs = {r[0] for r in conn.execute(
        "SELECT soc FROM cte_soc UNION SELECT soc FROM oews_wage WHERE o_group = 'detailed' "
        "UNION SELECT soc FROM projection WHERE occupation_type = 'Line item' UNION SELECT soc FROM onet_occupation "
        "UNION SELECT soc FROM cip_soc")}
    titles = occupation_titles(conn, lang)
    assert sorted(s for s in socs if not titles.title(s)) == []
    # an O*NET occupation whose title is not its SOC code's has its own
    specific = [r[0] for r in conn.execute("SELECT o.onet_soc FROM onet_occupation o JOIN onet_occupation p "
                                           "ON p.onet_soc = o.soc || '.00' WHERE o.title != p.title")]
    assert specific and sorted(c for c in specific if c not in occupation_names(lang)) == []


def test_a_spanish_title_of_an_o_net_occupation(conn: sqlite3.Connection) -> None:
    assert occupation_titles(conn, "es").title("29-1141.03") == "Enfermeros/as de cuidados críticos"


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_every_education_word_the_data_uses_has_one_in_every_language(conn: sqlite3.Connection, lang: str) -> None:
    words = education(lang)
    for column, translate in (("entry_education", words.entry_education), ("work_experience",
                              words.work_experience), ("job_training", words.job_training)):
        used = {r[0] for r in conn.execute(f"SELECT DISTINCT {column} FROM projection WHERE {column} IS NOT NULL")}
        assert used and sorted(w for w in used if translate(w) == w) == [], column
    for category, english in conn.execute("SELECT category, description FROM onet_education_category"):
        assert words.onet_education(category, english) != english
    zones = {r[0] for r in conn.execute("SELECT DISTINCT job_zone FROM onet_job_zone")}
    assert zones == {1, 2, 3, 4, 5} and all(words.job_zone(z) != str(z) for z in zones)


def _official_list(folder: Path, rows: str, name: str = "titulos-es.csv") -> Path:
    path = folder / name
    path.write_text("SOC code,title_es\n" + rows, "utf-8")
    return path


def test_an_official_list_is_imported_with_provenance_and_wins(tmp_path: Path) -> None:
    conn = connect(tmp_path / "store.sqlite")
    [result] = import_paths(conn, [_official_list(tmp_path, "29-1141,Enfermeras y enfermeros titulados\n"
                                                            "47-2031.00,Carpinteros\n")])
    assert (result.kind, result.status, result.rows) == ("occupation-titles-es", "imported",
                                                         {"occupation_title_translation": 2})
    titles = occupation_titles(conn, "es")
    assert titles.title("29-1141") == "Enfermeras y enfermeros titulados"
    assert titles.title("47-2031") == "Carpinteros"  # the list's O*NET code names its SOC code
    assert titles.title("51-4121") == "Soldadores/as, cortadores/as y soldadores/as de estaño y latón"  # our own
    assert title_status(conn) == [{"lang": "es", "own": len(occupation_names("es")), "imported": 2,
                                   "imported_from": "titulos-es.csv"}]
    row = conn.execute("SELECT publisher, release FROM source_file WHERE kind = 'occupation-titles-es'").fetchone()
    assert tuple(row) == ("imported by the operator", "Spanish occupation titles (2 codes)")
    # a second list replaces the first, and only it
    import_paths(conn, [_official_list(tmp_path, "29-1141,Enfermeros\n", "otra.csv")])
    assert occupation_titles(conn, "es").title("47-2031") == "Carpinteros/as"
    conn.close()


@pytest.mark.parametrize(("rows", "problem"), [
    ("29-1141,\n", "row 2, column 'title_es': 29-1141 has no title"),
    ("291141,Enfermeros\n", "row 2, column 'code': '291141' is not a SOC"),
    ("29-1141,Enfermeros\n29-1141,Otra vez\n", "29-1141 is listed twice (rows 2 and 3)"),
    ("", "no titles"),
])
def test_a_bad_list_changes_nothing_and_says_where(tmp_path: Path, rows: str, problem: str) -> None:
    conn = connect(tmp_path / "store.sqlite")
    with pytest.raises(SourceError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        import_paths(conn, [_official_list(tmp_path, rows)])
    assert conn.execute("SELECT COUNT(*) FROM occupation_title_translation").fetchone()[0] == 0
    conn.close()


def test_data_status_says_where_the_titles_come_from(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    runner = CliRunner()
    before = runner.invoke(app, ["--db", str(db), "data", "status"])
    assert "Occupation titles in es: the project's own translation" in " ".join(before.stdout.split())
    imported = runner.invoke(app, ["--db", str(db), "data", "import", str(_official_list(tmp_path, "29-1141,X\n"))])
    assert imported.exit_code == 0, imported.output
    after = json.loads(runner.invoke(app, ["--db", str(db), "data", "status", "--json"]).stdout)
    assert after["occupation_titles"][0]["imported"] == 1
    assert "occupation-titles-es" in {s["kind"] for s in after["sources"]}
