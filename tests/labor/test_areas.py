"""OEWS by area: area lookup, an occupation in an area, and sub-cluster roll-ups (checked by hand on a small
made-up area, and against BLS's published figures). Reading the files is in sources/test_oews_areas.py."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from careerclusters.labor import market as lm
from careerclusters.labor.areas import UnknownAreaError, find_area, list_areas
from careerclusters.store import StoreError, connect

# -- against the real data -------------------------------------------------------------------------------

def test_area_lookup(conn) -> None:
    assert find_area(conn, "OH").code == "3900000"
    assert find_area(conn, "ohio").code == find_area(conn, "39").code == "3900000"
    assert find_area(conn, "Columbus, OH").code == find_area(conn, "18140").code == "0018140"
    assert find_area(conn, "US").type == "national"
    with pytest.raises(UnknownAreaError, match="did you mean: .*Columbus, OH"):
        find_area(conn, "Columbus")
    states = list_areas(conn, "state")
    assert len(states) == 51 and {"Ohio", "District of Columbia"} <= {a.name for a in states}


def test_registered_nurses_in_ohio_columbus_and_a_nonmetro_area(conn) -> None:
    ohio = lm.occupation_in_area(conn, "29-1141", "OH")
    assert ohio.area.employment == 143730 and ohio.area.annual_median == 82510
    assert ohio.national.annual_median == 97550 and ohio.area.location_quotient == 1.19
    # the nation's openings rate (189.1k openings a year on 3,391.0k jobs) on Ohio's nurses: an estimate
    assert ohio.openings_estimate == pytest.approx(189.1 / 3391.0 * 143730, abs=0.1)
    assert ohio.openings_source == "national"
    columbus = lm.occupation_in_area(conn, "29-1141", "Columbus, OH")
    assert columbus.area.employment == 30510 and columbus.area.annual_median == 83900
    rural = lm.occupation_in_area(conn, "29-1141", "Southern Ohio nonmetropolitan area")
    assert rural.area.area.type == "nonmetro" and rural.area.annual_median > 0


def test_openings_and_jobs_on_one_basis_for_a_mostly_self_employed_occupation(conn) -> None:
    """Hairdressers are 47.6 % self-employed nationally: counted on the area's wage-and-salary jobs, their
    openings keep the nation's rate (75.8 thousand openings a year on 575.2 thousand jobs, about 13 %), not the
    25 % the nation's openings over its wage-and-salary jobs would give."""
    hairdressers = lm.occupation_in_area(conn, "39-5012", "Columbus, OH")
    assert hairdressers.openings_estimate / hairdressers.area.employment == pytest.approx(75.8 / 575.2, abs=5e-4)
    cosmetology = lm.program_in_area(conn, "12.0401", "Columbus, OH")
    assert cosmetology.openings_estimate / cosmetology.employment == pytest.approx(0.13, abs=0.005)


def test_a_wage_not_released_stays_a_marker(conn) -> None:
    actors = lm.occupation_in_area(conn, "27-2011", "US")
    assert actors.area.annual_median is None and actors.area.markers["a_median"] == "not_released"
    assert actors.area.hourly_only and actors.area.hourly_median == 29.05


def test_physical_health_in_ohio(conn) -> None:
    profile = lm.subcluster_in_area(conn, "Physical Health", "OH")
    assert profile.top_occupations[0].title == "Registered Nurses"
    assert profile.top_occupations[0].employment == 143730
    total = conn.execute("SELECT tot_emp FROM oews_area_wage WHERE area_code = '3900000' AND soc = '00-0000'"
                         ).fetchone()[0]
    assert profile.share_of_jobs == pytest.approx(profile.employment / total, abs=1e-5)
    assert profile.median_wage == 82510  # half of its jobs are in occupations paying the nurses' median or less


def test_subclusters_rank_by_location_quotient(conn) -> None:
    _area, profiles = lm.subclusters_in_area(conn, "Ohio")
    assert len(profiles) == 72
    ranked = lm.rank(profiles, "lq")
    quotients = [p.location_quotient for p in ranked if p.location_quotient is not None]
    assert quotients == sorted(quotients, reverse=True)
    assert ranked[-1].name == "Unmanned Vehicle Technology"  # no occupations: no figure, ranked last


def test_area_answers_need_the_area_data(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not imported yet: wages and employment in every state"):
        find_area(connect(tmp_path / "fresh.sqlite"), "OH")


# -- a small area, checked by hand ------------------------------------------------------------------------

def _small_store(path: Path) -> sqlite3.Connection:
    """A store with one made-up area and three Physical Health occupations (the bundled crosswalk's
    real memberships): nurses 1,000 jobs at $80,000; LPNs 500 at $60,000; physicians (29-1229) 100, top-coded;
    and the same occupations nationally at ten times the jobs, the area's total 10,000, the nation's 200,000."""
    conn = connect(path)
    conn.execute("INSERT INTO oews_area VALUES ('0099999', 'metro', '39', 'OH', 'Smallville, OH'), "
                 "('0000000', 'national', '00', 'US', 'National')")
    rows = [("0099999", "00-0000", "total", 10000, None, '{}'), ("0099999", "29-1141", "detailed", 1000, 80000, None),
            ("0099999", "29-2061", "detailed", 500, 60000, None),
            ("0099999", "29-1229", "detailed", 100, None, '{"a_median": "top_coded"}'),
            ("0000000", "00-0000", "total", 200000, None, None), ("0000000", "29-1141", "detailed", 10000, 90000, None),
            ("0000000", "29-2061", "detailed", 5000, 62000, None), ("0000000", "29-1229", "detailed", 1000, None, None)]
    for area, soc, level, employment, median, markers in rows:
        conn.execute("INSERT INTO oews_area_wage (area_code, soc, o_group, tot_emp, a_median, annual_only, "
                     "hourly_only, markers) VALUES (?, ?, ?, ?, ?, 0, 0, ?)",
                     (area, soc, level, employment, median, markers))
    conn.execute("INSERT INTO source_file (kind, publisher, release, file_name, sha256, imported_at, row_counts) "
                 "VALUES ('bls-oews-areas', 'test', 'made up', 'none', 'x', '', '{}')")
    return conn


def test_rollup_by_hand(tmp_path: Path) -> None:
    conn = _small_store(tmp_path / "small.sqlite")
    profile = lm.subcluster_in_area(conn, "physical-health", "Smallville, OH")
    assert profile.employment == 1600
    assert profile.share_of_jobs == 0.16
    assert profile.location_quotient == round(0.16 / (16000 / 200000), 2) == 2.0
    # medians by weight: 60,000 ×500, 80,000 ×1,000, top-coded ×100 → half of 1,600 jobs is reached at 80,000
    assert profile.median_wage == 80000 and not profile.median_wage_at_least
    assert profile.openings_estimate is None  # no projections imported: no estimate rather than a guess
    assert profile.occupations_with_data == 3
