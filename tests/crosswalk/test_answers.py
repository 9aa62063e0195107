"""Answers across the imported official files, checked against real values."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from careerclusters.crosswalk import answers
from careerclusters.crosswalk.relations import Crosswalk, System
from careerclusters.crosswalk.transition import TransitionMap, map_program, map_programs_csv
from careerclusters.framework import Level, load_framework
from careerclusters.store import StoreError, connect
from careerclusters.store import crosswalk as q


def test_registered_nurses(conn) -> None:
    occ = answers.occupation(conn, "29-1141")
    assert occ.title == "Registered Nurses" and occ.onet_soc == "29-1141.00"
    assert [c.name for c in occ.clusters] == ["Healthcare & Human Services"]
    assert [s.name for s in occ.subclusters] == ["Physical Health"]
    assert [p.name for p in occ.pathways] == ["Therapeutic Services"]
    assert occ.wage.annual_median == 97550 and occ.wage.release == "OEWS May 2025, national"
    assert (occ.wage.annual_pct10, occ.wage.annual_pct90) == (68940, 137470)
    assert occ.outlook.employment_base_k == 3391.0 and occ.outlook.entry_education == "Bachelor's degree"
    assert "51.3801" in {p.cip for p in occ.programs}
    assert occ.job_zone == 4 and occ.riasec_code.startswith("S")
    assert occ.tasks and occ.alternate_titles and occ.related
    assert {o.code for o in occ.onet_occupations} >= {"29-1141.00", "29-1141.01"}


def test_onet_code_and_specialty(conn) -> None:
    occ = answers.occupation(conn, "29-1141.01")
    assert occ.title == "Acute Care Nurses" and occ.soc == "29-1141"
    with pytest.raises(StoreError, match="no O\\*NET occupation 29-1141.09"):
        answers.occupation(conn, "29-1141.09")


def test_withheld_wage_is_not_zero(conn) -> None:
    actors = answers.occupation(conn, "27-2011")
    assert actors.wage.annual_median is None and actors.wage.markers["a_median"] == "not_released"
    assert actors.wage.hourly_median == 29.05 and actors.wage.hourly_only


def test_wage_published_for_broad_group(conn) -> None:
    buyers = answers.occupation(conn, "13-1021")  # OEWS publishes 13-1020 only
    assert buyers.wage.aggregate and buyers.wage.soc == "13-1020" and buyers.wage.annual_median is not None


def test_crosswalk_counts(conn) -> None:
    assert conn.execute("SELECT COUNT(DISTINCT soc) FROM cte_soc").fetchone()[0] == 851
    assert conn.execute("SELECT COUNT(DISTINCT cip) FROM cte_cip").fetchone()[0] == 1946


def test_subclusters_with_occupations(conn) -> None:
    fw = load_framework()
    filled = {r[0] for r in conn.execute("SELECT DISTINCT subcluster_id FROM cte_soc")}
    assert len(filled) == 71
    assert {s.id for s in fw.subclusters()} - filled == {"unmanned-vehicle-technology"}
    empty = answers.contents(conn, "Unmanned Vehicle Technology", Level.SUBCLUSTER)
    assert empty.occupations == [] and empty.programs == []


def test_subcluster_contents_sorted_by_wage(conn) -> None:
    physical = answers.contents(conn, "physical-health", Level.SUBCLUSTER, sort="wage")
    wages = [o.median_wage for o in physical.occupations if o.median_wage is not None]
    assert wages == sorted(wages, reverse=True)
    nurse = next(o for o in physical.occupations if o.soc == "29-1141")
    assert nurse.median_wage == 97550 and nurse.openings_k == 189.1
    assert [i.naics for i in physical.industries] == ["62", "81"]
    assert any(p.cip == "51.3801" for p in physical.programs)
    by_openings = answers.contents(conn, "Healthcare & Human Services", Level.CLUSTER, sort="openings")
    assert by_openings.occupations[0].openings_k >= by_openings.occupations[1].openings_k


def test_program_profile(conn) -> None:
    nursing = answers.program(conn, "51.3801")
    assert nursing.title == "Registered Nursing/Registered Nurse"
    assert nursing.definition.startswith("A program that")
    assert {s.id for s in nursing.subclusters} == {"physical-health", "teaching-training-facilitation"}
    nurse = next(o for o in nursing.occupations if o.soc == "29-1141")
    assert nurse.median_wage == 97550 and set(nurse.sources) == {"NCES", "Advance CTE"}


def test_answers_need_imported_data(tmp_path) -> None:
    """A store whose bundled crosswalks were removed (as a user might) says what to import."""
    empty = connect(tmp_path / "empty.sqlite")
    empty.execute("DELETE FROM source_file")
    with pytest.raises(StoreError, match="data fetch"):
        answers.occupation(empty, "29-1141")


def test_occupation_from_the_bundled_crosswalks_alone(tmp_path) -> None:
    nurse = answers.occupation(connect(tmp_path / "fresh.sqlite"), "29-1141.00")
    assert nurse.title == "Registered Nurses" and nurse.description is None and nurse.wage is None
    assert [s.id for s in nurse.subclusters] == ["physical-health"]
    assert [p.id for p in nurse.pathways] == ["o-therapeutic-services"]
    assert "51.3801" in {p.cip for p in nurse.programs}


def test_crosswalk_any_pair(conn) -> None:
    cw = Crosswalk(conn)
    [nurse] = cw.map(System.SOC, System.SUBCLUSTER, ["29-1141"])
    assert nurse.targets == [("physical-health", "Physical Health")]
    [program] = cw.map(System.CIP, System.ONET, ["51.3801"])
    assert program.route == ["cip", "soc", "onet"] and ("29-1141.00", "Registered Nurses") in program.targets
    [sector] = cw.map(System.NAICS, System.CLUSTER, ["62"])
    assert sector.targets == [("healthcare-human-services", "Healthcare & Human Services")]
    [therapy] = cw.map(System.PATHWAY, System.SUBCLUSTER, ["Therapeutic Services"])
    assert ("physical-health", "Physical Health") in therapy.targets
    [back] = cw.map(System.SUBCLUSTER, System.CIP, ["Physical Health"])
    assert ("51.3801", "Registered Nursing/Registered Nurse") in back.targets
    bad, good = cw.map(System.SOC, System.CLUSTER, ["nurse", "11-1011"])
    assert bad.error and not bad.targets and good.targets == [("management-entrepreneurship",
                                                              "Management & Entrepreneurship")]


def test_transition_pathway_and_cluster(conn) -> None:
    tmap = TransitionMap(conn)
    therapy = tmap.of("Therapeutic Services")
    top = therapy.subclusters[0]
    assert top.id == "physical-health" and top.share > 0.8 and "29-1141.00" in top.occupations
    it = tmap.of("Information Technology")
    assert it.source_level == "cluster" and it.clusters[0].id == "digital-technology"
    assert len(tmap.all()) == 16 + 79


def test_program_file_mapping(conn) -> None:
    tmap = TransitionMap(conn)
    by_cip = map_program(tmap, conn, pathway="Therapeutic Services", cip="51.3801")
    assert by_cip.subcluster == "physical-health" and by_cip.basis == "cip+pathway" and not by_cip.needs_review
    split = map_program(tmap, conn, cluster="Finance")
    assert split.basis == "cluster" and split.needs_review
    content = "program,pathway,cip\nNursing,Therapeutic Services,51.3801\nMystery,,\nTypo,Therapeutik Servises,\n"
    lines = map_programs_csv(tmap, conn, content, "programs.csv").splitlines()
    assert lines[0].startswith("program,pathway,cip,modern_subcluster,")
    assert ",physical-health,Physical Health," in lines[1]
    assert lines[2].endswith("no CIP code with an official assignment and no original cluster or pathway evidence")
    assert "did you mean" in lines[3]


def _without_national_file(store: Path) -> sqlite3.Connection:
    """The store as after an offline first run that had the all-areas bundle but not BLS's national file."""
    conn = connect(store)
    conn.execute("DELETE FROM oews_wage")
    conn.execute("DELETE FROM source_file WHERE kind = 'bls-oews'")
    conn.commit()
    return conn


def test_without_the_national_file_the_bundles_national_rows_give_the_national_wages(store_copy: Path) -> None:
    conn = _without_national_file(store_copy)
    assert q.national_wage_kind(conn) == "bls-oews-areas" and "bls-oews" in q.available_kinds(conn)
    nurse = answers.occupation(conn, "29-1141")
    assert nurse.wage.annual_median == 97550 and (nurse.wage.annual_pct10, nurse.wage.annual_pct90) == (68940, 137470)
    assert nurse.wage.release == "OEWS May 2025, all areas (the nation's figures)"
    actors = answers.occupation(conn, "27-2011")  # BLS's markers come through the bundle too
    assert actors.wage.annual_median is None and actors.wage.markers["a_median"] == "not_released"
    buyers = answers.occupation(conn, "13-1021")  # published only in its broad group
    assert buyers.wage.aggregate and buyers.wage.soc == "13-1020" and buyers.wage.annual_median == 77710
    listed = answers.contents(conn, "physical-health", Level.SUBCLUSTER)
    assert next(o for o in listed.occupations if o.soc == "29-1141").median_wage == 97550
    assert answers.national(conn).wage.annual_median == 50980
    assert next(o for o in answers.program(conn, "51.3801").occupations if o.soc == "29-1141").median_wage == 97550
    conn.execute("DELETE FROM oews_area WHERE area_type = 'national'")  # state and metro workbooks alone
    assert q.national_wage_kind(conn) is None and answers.occupation(conn, "29-1141").wage is None
