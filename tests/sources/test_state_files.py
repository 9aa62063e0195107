"""A state's own files and BLS's area definitions, written small in the layouts they are published in: read,
told apart by their contents, imported, and used (a county finds its area; a state's projections serve its
areas' openings, and say so)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from careerclusters import sources
from careerclusters.base.errors import SourceError
from careerclusters.labor import market as lm
from careerclusters.labor.areas import UnknownAreaError, find_area, find_county
from careerclusters.store import connect, import_paths
from tests.helpers import (
    PROJECTIONS_REST_HEADER,
    area_definitions_workbook,
    in_demand_csv,
    projections_csv,
    projections_row,
)

OHIO = [projections_row("39", "Ohio", "39-5012", "Hairdressers, Hairstylists, and Cosmetologists", 20000, 21000,
                        3000),
        projections_row("39", "Ohio", "29-1141", "Registered Nurses", 140000, 150000, 8000),
        projections_row("39", "Ohio", "29-2042", "Emergency Medical Technicians", "(NA)", "(NA)", "(NA)")]


def test_projections_central_download_layout(tmp_path: Path) -> None:
    path = projections_csv(tmp_path / "LongTermProjections.csv", OHIO)
    extract = sources.read(path)
    assert extract.kind == "state-projections"
    assert extract.release == "Ohio long-term occupational projections 2022–2032"
    rows = {r[2]: r for r in extract.tables["state_projection"]}
    assert set(rows) == {"39-5012", "29-1141", "29-2042"}  # the nation's row is not a state's
    assert rows["39-5012"][:3] == ("39", "Ohio", "39-5012") and rows["39-5012"][-1] == 3000
    assert rows["29-2042"][5] is None and rows["29-2042"][-1] is None  # (NA): no figure, never 0


def test_projections_central_rest_layout_as_a_workbook_with_a_code_turned_into_a_date(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(PROJECTIONS_REST_HEADER)
    sheet.append([39, "Ohio", dt.datetime(1011, 11, 1), "Chief Executives", 2022, 8000, 2032, 7900, -100, -1.3, 500])
    path = tmp_path / "ohio.xlsx"
    book.save(path)
    extract = sources.read(path)
    assert extract.kind == "state-projections"
    assert extract.tables["state_projection"][0][2] == "11-1011"


def test_a_projections_file_with_a_bad_number_names_the_cell(tmp_path: Path) -> None:
    bad = projections_row("39", "Ohio", "39-5012", "Hairdressers", 20000, 21000, "lots")
    with pytest.raises(SourceError, match=r"row 3, column 'openings'.*'lots'"):
        sources.read(projections_csv(tmp_path / "bad.csv", [bad]))


def test_in_demand_list(tmp_path: Path) -> None:
    extract = sources.read(in_demand_csv(tmp_path / "topjobs.csv", "OH", "Ohio Top Jobs", 2024,
                                         ["29-2042", "39-5012"]))
    assert extract.kind == "state-in-demand" and extract.release == "Ohio Top Jobs 2024"
    assert extract.tables["in_demand_occupation"][0][:4] == ("39", "Ohio Top Jobs", "2024", "29-2042")


def test_area_definitions(tmp_path: Path) -> None:
    extract = sources.read(area_definitions_workbook(tmp_path / "area_definitions_m2024.xlsx"))
    assert extract.kind == "bls-oews-area-definitions" and extract.release == "OEWS area definitions (May 2024)"
    rows = {(r[0], r[1], r[2]): r for r in extract.tables["county_area"]}
    assert rows[("39", "049", "")][3:] == ("Franklin County", "0018140", "Columbus, OH")
    assert rows[("39", "001", "")][4] == "3900004"  # a nonmetropolitan area keeps BLS's seven digits
    assert rows[("25", "027", "00001")][4] == "0071650"


def test_counties_find_their_area(store_copy: Path, tmp_path: Path) -> None:
    conn = connect(store_copy)
    assert find_county(conn, "Franklin County, OH") is None  # no area definitions yet: not a county lookup
    with pytest.raises(UnknownAreaError, match="a county is found through BLS's OEWS area definitions.*not "
                                               "imported.*did you mean"):
        find_area(conn, "Franklin County, OH")  # says why, and still suggests areas
    import_paths(conn, [area_definitions_workbook(tmp_path / "area_definitions_m2024.xlsx")])
    for query in ("Franklin County, OH", "franklin county ohio", "Franklin Co., OH", "39049"):
        assert find_area(conn, query).name == "Columbus, OH", query
    county = find_county(conn, "Franklin County, OH")
    assert county.name == "Franklin County, OH" and county.area.code == "0018140"
    assert find_area(conn, "Adams County, OH").type == "nonmetro"
    assert find_area(conn, "Columbus, OH").code == "0018140"  # an area's own name still wins
    with pytest.raises(UnknownAreaError) as unknown:
        find_area(conn, "Nowhere County, OH")
    assert "not imported" not in str(unknown.value)  # the definitions are there: this county is not
    with pytest.raises(UnknownAreaError, match="several areas: Boston-Cambridge-Newton, MA-NH; Worcester"):
        find_area(conn, "25027")  # a New England county: its towns lie in different areas


def test_a_states_projections_serve_its_areas(store_copy: Path, tmp_path: Path) -> None:
    conn = connect(store_copy)
    before = lm.occupation_in_area(conn, "39-5012", "Columbus, OH")
    import_paths(conn, [projections_csv(tmp_path / "ohio.csv", OHIO)])
    after = lm.occupation_in_area(conn, "39-5012", "Columbus, OH")
    jobs = after.area.employment
    assert after.openings_source == "state" and after.openings_estimate == pytest.approx(3000 / 20000 * jobs, abs=0.1)
    assert before.openings_source == "national" and before.openings_estimate != after.openings_estimate
    emts = lm.occupation_in_area(conn, "29-2042", "Columbus, OH")  # (NA) in Ohio's file: the nation's rate
    assert emts.openings_source == "national"
    assert "Ohio's own long-term projections" in lm.openings_note(conn, find_area(conn, "Columbus, OH"))
    assert "Ohio" not in lm.openings_note(conn, find_area(conn, "Indiana"))
    assert lm.occupation_in_area(conn, "39-5012", "Indiana").openings_source == "national"


def test_a_table_of_something_else_is_not_taken_for_a_state_file(tmp_path: Path) -> None:
    other = tmp_path / "roster.csv"
    other.write_text("name,grade,homeroom\nAva,10,B2\n", encoding="utf-8")
    with pytest.raises(SourceError, match="cannot tell which official file"):
        sources.read(other)
