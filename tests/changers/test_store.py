"""O*NET's work activities, technologies and rating files in the store: read from files of the official layout, and
an O*NET import recorded before these tables existed is read again on the next import of the same database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from careerclusters.server.app import create_app
from careerclusters.store import connect, import_paths, status
from tests.helpers import html_text


def test_the_work_tables_and_ratings_are_read_from_the_official_layout(tmp_path: Path,
                                                                       onet_folder: Callable[..., Path]) -> None:
    conn = connect(tmp_path / "store.sqlite")
    import_paths(conn, [onet_folder(with_ratings=True)])
    counts = {e["kind"]: e["row_counts"] for e in status(conn)}["onet-db"]
    assert counts["onet_task_dwa"] == 16 and counts["onet_dwa"] == 9 and counts["onet_technology"] == 10
    assert counts["onet_rating"] == 30  # 5 elements x 3 occupations x (IM, LV); the suppressed level is left out
    assert conn.execute("SELECT title FROM onet_dwa WHERE dwa_id = 'rare-a'").fetchone()[0] == "Drive trucks."
    fleet = conn.execute("SELECT hot, in_demand FROM onet_technology WHERE example = 'FleetPro'").fetchone()
    assert tuple(fleet) == (1, 0)
    assert tuple(conn.execute("SELECT domain, element_name, value FROM onet_rating WHERE onet_soc = '11-1114.00' "
                              "AND element_id = '2.C.1.a' AND scale = 'LV'").fetchone()) == (
        "knowledge", "Administration and Management", 5.0)


def test_an_onet_import_recorded_before_schema_7_is_read_again(tmp_path: Path,
                                                                onet_folder: Callable[..., Path]) -> None:
    """The program before schema 7 recorded an O*NET import without the work tables; the same, unchanged database
    imported again fills them instead of being skipped as unchanged."""
    folder = onet_folder()
    conn = connect(tmp_path / "store.sqlite")
    import_paths(conn, [folder])
    conn.execute("DELETE FROM onet_task_dwa")
    conn.execute("UPDATE source_file SET row_counts = json_remove(row_counts, '$.onet_task_dwa', '$.onet_dwa', "
                 "'$.onet_technology', '$.onet_rating') WHERE kind = 'onet-db'")
    [result] = import_paths(conn, [folder])
    assert result.status == "replaced" and result.rows["onet_task_dwa"] == 16
    assert import_paths(conn, [folder])[0].status == "unchanged"


def test_a_server_over_such_an_import_is_ready_and_says_what_is_missing(tmp_path: Path,
                                                                       onet_folder: Callable[..., Path]) -> None:
    """Until the O*NET database is imported again, the index cannot be built: /readyz reports it "not imported"
    (the server is ready; it does not stay "loading" for ever) and the page says, in a visitor's words, that it
    lacks the data."""
    path = tmp_path / "store.sqlite"
    conn = connect(path)
    import_paths(conn, [onet_folder()])
    conn.execute("DELETE FROM onet_task_dwa")
    conn.commit()
    conn.close()
    app = create_app(path, warm=False)
    app.state.context.warm()
    client = TestClient(app)
    ready = client.get("/readyz").json()
    assert ready["ready"] is True and ready["checks"]["career changers index"] == "not imported"
    page = client.get("/next-jobs", params={"job": "11-1114.00"})
    assert page.status_code == 503 and "data fetch" not in page.text  # a visitor's words, not the operator's
    assert "This site does not have the data to compare jobs yet." in html_text(page.text)
