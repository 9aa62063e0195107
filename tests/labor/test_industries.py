"""OEWS by industry (``data import --industries``): the industry dimension from the bundle and from BLS's
all-areas workbook, the default staying cross-industry only, and an occupation's jobs and wages by
industry."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerclusters.labor import industries
from careerclusters.labor import market as lm
from careerclusters.sources import SourceError
from careerclusters.store import StoreError, connect, import_paths, status
from tests.helpers import oews_industry_row, oews_row, oews_workbook, small_oews_bundle


def test_the_default_import_is_cross_industry_and_industries_are_added_when_asked(data_dir: Path,
                                                                                    tmp_path: Path) -> None:
    bundle = small_oews_bundle(data_dir, tmp_path)
    conn = connect(tmp_path / "store.sqlite")
    (plain,) = import_paths(conn, [bundle])
    assert plain.status == "imported" and "oews_area_industry_wage" not in plain.rows
    assert conn.execute("SELECT COUNT(*) FROM oews_area_industry_wage").fetchone()[0] == 0
    with pytest.raises(StoreError, match="data import --industries"):
        industries.occupation_by_industry(conn, "29-1141")
    (every,) = import_paths(conn, [bundle], industries=True)
    assert every.status == "replaced"  # the same file, now with its industries
    hospitals = conn.execute("SELECT * FROM oews_area_industry_wage WHERE naics = '622000' AND soc = '29-1141'"
                             ).fetchone()
    assert hospitals["area_code"] == "0000000" and hospitals["tot_emp"] == 2020230 and hospitals["a_median"] == 100220
    assert tuple(conn.execute("SELECT * FROM oews_industry WHERE naics = '62'").fetchone()) == (
        "62", "Health Care and Social Assistance", 2)
    # the cross-industry answers are the same as before
    ohio = lm.occupation_in_area(conn, "29-1141", "OH")
    assert ohio.area.employment == 143730 and ohio.national.annual_median == 97550
    (again,) = import_paths(conn, [bundle])  # a plain import of the same file keeps what is there
    assert again.status == "unchanged"
    assert conn.execute("SELECT COUNT(*) FROM oews_area_industry_wage").fetchone()[0] == every.rows[
        "oews_area_industry_wage"]
    entry = next(e for e in status(conn) if e["kind"] == "bls-oews-areas")
    assert entry["row_counts"] == every.rows  # provenance records the industry rows


def test_the_all_areas_workbook_keeps_industries_when_asked(tmp_path: Path) -> None:
    book = oews_workbook(tmp_path / "all_data_M_2025.xlsx", "All May 2025 data",
                     [oews_row("99", "U.S.", "1", "US", "29-1141", 3379720, 97550),
                      oews_industry_row("62", "Health Care and Social Assistance", "sector", 2895620, 97660),
                      oews_industry_row("622000", "Hospitals", "3-digit", 2020230, 100220),
                      oews_industry_row("000001", "Cross-industry, private ownership only",
                                    "cross-industry, private ownership only", 2841730, 97170)])
    conn = connect(tmp_path / "store.sqlite")
    import_paths(conn, [book])
    assert conn.execute("SELECT COUNT(*) FROM oews_area_industry_wage").fetchone()[0] == 0
    import_paths(conn, [book], industries=True)
    levels = {r["naics"]: r["level"] for r in conn.execute("SELECT * FROM oews_industry")}
    assert levels == {"62": 2, "622000": 3, "000001": 1}
    nation = industries.occupation_by_industry(conn, "29-1141", "US", "3-digit")
    assert [(i.naics, i.employment, i.annual_median) for i in nation.industries] == [("622000", 2020230, 100220)]
    assert lm.occupation_in_area(conn, "29-1141", "US").area.annual_median == 97550


def test_an_unknown_industry_group_names_the_cell(tmp_path: Path) -> None:
    book = oews_workbook(tmp_path / "all_data_M_2025.xlsx", "All May 2025 data",
                     [oews_industry_row("62", "Health Care", "sectorish", 10, 10)])
    conn = connect(tmp_path / "store.sqlite")
    with pytest.raises(SourceError, match="row 2, column 'I_GROUP': unknown I_GROUP 'sectorish'"):
        import_paths(conn, [book], industries=True)
    assert conn.execute("SELECT COUNT(*) FROM source_file WHERE kind = 'bls-oews-areas'").fetchone()[0] == 0
