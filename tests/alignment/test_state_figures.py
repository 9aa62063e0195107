"""A state's own figures: its long-term projections serve its areas' openings and growth, and its in-demand
list is an additional verdict; both change the verdicts as they should and are labelled in every output (the
report's data, its HTML and PDF text, the workbook, the CSV's reasons)."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from careerclusters.alignment import analysis as alignment
from careerclusters.alignment.files import programs_csv, workbook
from careerclusters.alignment.programs import read_programs
from careerclusters.alignment.rules import load_rules
from careerclusters.reports import html
from careerclusters.store import connect, import_paths
from tests.helpers import area_definitions_workbook, in_demand_csv, projections_csv, projections_row

PROGRAMS = "program,cip\nEmergency Medical Technician,51.0904\nCosmetology,12.0401\n"


def _report(conn) -> alignment.AlignmentReport:
    rules = load_rules()
    return alignment.alignment(conn, "Columbus, OH", read_programs(PROGRAMS, "programs.csv", rules, "secondary"),
                               rules=rules)


def test_a_states_projections_and_in_demand_list_change_the_verdicts(store_copy: Path, tmp_path: Path) -> None:
    conn = connect(store_copy)
    before = _report(conn)
    emt, cosmetology = before.programs
    assert emt.verdict == "neither" and cosmetology.verdict == "in demand"
    assert "openings from the state's own projections" not in html.alignment_document(before)  # no mark to explain
    # Ohio projects many EMT openings and few for hairdressers, and lists EMTs among its in-demand occupations
    ohio = [projections_row("39", "Ohio", "29-2042", "Emergency Medical Technicians", 10000, 11500, 4000),
            projections_row("39", "Ohio", "29-2043", "Paramedics", 8000, 8800, 3200),
            projections_row("39", "Ohio", "39-5012", "Hairdressers, Hairstylists, and Cosmetologists", 20000, 17000,
                            400)]
    import_paths(conn, [projections_csv(tmp_path / "ohio-projections.csv", ohio),
                        in_demand_csv(tmp_path / "ohio-top-jobs.csv", "OH", "Ohio Top Jobs", 2024, ["29-2042"])])
    after = _report(conn)
    emt, cosmetology = after.programs
    emts = next(o for o in emt.occupations if o.soc == "29-2042")
    assert emts.openings_source == "state" and emts.on_state_list and emts.in_demand
    assert emts.openings_estimate == round(4000 / 10000 * emts.employment, 1)
    assert emt.verdict == "in demand"
    hairdressers = next(o for o in cosmetology.occupations if o.soc == "39-5012")
    assert hairdressers.change_pct == -15.0 and hairdressers.declining and not hairdressers.in_demand
    assert cosmetology.verdict == "neither" and cosmetology.declining_share > 0.5
    assert any(g.kind == "declining" and g.subject == "Cosmetology" for g in after.gaps)
    # labelled: in the report's data, its document, its workbook and its CSV
    assert "Ohio's own long-term projections (2022–2032" in after.openings_note
    assert after.state_lists[0].name == "Ohio Top Jobs" and after.state_lists[0].year == "2024"
    releases = " ".join(f"{s.what}: {s.release}" for s in after.sources)
    assert "Ohio long-term occupational projections 2022–2032" in releases and "Ohio Top Jobs 2024" in releases
    document = html.alignment_document(after)
    assert "Ohio&#39;s own long-term projections" in document or "Ohio's own long-term projections" in document
    assert "In-demand list: Ohio Top Jobs 2024" in document and "on the state list" in document
    assert "<sup>s</sup> openings from the state&#39;s own projections" in document or \
        "<sup>s</sup> openings from the state's own projections" in document
    book = openpyxl.load_workbook(io.BytesIO(workbook(after)))
    occupations = book["Occupations"]
    header = [c.value for c in occupations[3]]
    row = next(r for r in occupations.iter_rows(min_row=4, values_only=True) if r[header.index("soc")] == "29-2042")
    assert row[header.index("openings_from")] == "state" and row[header.index("on_state_list")] == "yes"
    assert "Ohio's own long-term projections" in occupations["A2"].value
    method = "\n".join(str(c.value) for c in book["Method"]["B"])
    assert "Ohio Top Jobs 2024" in method and "Ohio long-term occupational projections" in method
    assert "on the state's in-demand list" in programs_csv(after)


def test_a_county_names_its_area_and_the_report_says_so(store_copy: Path, tmp_path: Path) -> None:
    conn = connect(store_copy)
    import_paths(conn, [area_definitions_workbook(tmp_path / "area_definitions_m2024.xlsx")])
    rules = load_rules()
    report = alignment.alignment(conn, "Franklin County, OH", read_programs(PROGRAMS, "programs.csv", rules,
                                                                           "secondary"), rules=rules)
    assert report.area.name == "Columbus, OH"
    assert report.place == "Franklin County, OH is in Columbus, OH (metro area)"
    assert any("Franklin County, OH is in Columbus, OH" in step for step in report.method)
    assert any(s.what == "Counties in areas (BLS)" and "area definitions" in s.release for s in report.sources)
    assert "Franklin County, OH is in Columbus, OH" in html.alignment_document(report)
