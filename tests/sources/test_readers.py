"""Each reader against the real official files, and each reader's handling of bad input."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from careerclusters import sources
from careerclusters.sources import SourceError, detect


def rows(extract, table):
    return extract.tables[table]


# -- real files ----------------------------------------------------------------------------------------

def test_detects_every_official_file_by_contents(data_dir: Path, tmp_path: Path) -> None:
    expected = {
        "advance-cte/SOC_Career_Clusters_Crosswalk.xlsx": "advance-cte-soc",
        "advance-cte/CIP_Career_Clusters_Crosswalk.xlsx": "advance-cte-cip",
        "advance-cte/NAICS_Subclusters_Crosswalk.xlsx": "advance-cte-naics",
        "advance-cte/Full_Framework_Crosswalk.xlsx": "advance-cte-full",
        "onet/db_27_0_text": "onet-db",
        "onet/legacy-career-clusters/All_Career_Clusters.csv": "onet-legacy-clusters",
        "nces/CIPCode2020.csv": "nces-cip",
        "nces/CIP2020_SOC2018_Crosswalk.xlsx": "nces-cip-soc",
        "nces/sced/sced_v12.csv": "nces-sced",
        "bls/national_M2025_dl.xlsx": "bls-oews",
        "bls/occupation.xlsx": "bls-projections",
    }
    for relative, kind in expected.items():
        renamed = tmp_path / f"download-{kind}{(data_dir / relative).suffix}"
        source = data_dir / relative
        if source.is_dir():
            shutil.copytree(source, renamed)
        else:
            shutil.copy(source, renamed)
        assert detect(renamed)[0] == kind, relative


def test_advance_cte_soc_keeps_multi_membership(data_dir: Path) -> None:
    extract = sources.read(data_dir / "advance-cte/SOC_Career_Clusters_Crosswalk.xlsx")
    assert extract.release == "Advance CTE crosswalks 2025 (26 June 2025)"
    table = rows(extract, "cte_soc")
    assert ("29-1141", "Registered Nurses", "healthcare-human-services", "physical-health") in table
    general_managers = {r[3] for r in table if r[0] == "11-1021"}
    assert general_managers == {"conservation-land-management", "leadership-operations",
                                "entrepreneurship-small-business"}
    assert len({r[0] for r in table}) == 851


def test_advance_cte_cip_normalises_names_and_titles(data_dir: Path) -> None:
    table = rows(sources.read(data_dir / "advance-cte/CIP_Career_Clusters_Crosswalk.xlsx"), "cte_cip")
    assert len({r[0] for r in table}) == 1946
    assert ("01.0000", "Agriculture, General", "agriculture", "animal-systems") in table
    assert any(r[3] == "water-systems" for r in table)  # also spelt "water systems" in the workbook
    assert not any(r[1].endswith(".") for r in table)


def test_advance_cte_naics_and_full(data_dir: Path) -> None:
    naics = rows(sources.read(data_dir / "advance-cte/NAICS_Subclusters_Crosswalk.xlsx"), "cte_naics")
    assert ("31-33", "Manufacturing", "advanced-manufacturing", "robotics") in naics
    assert ("11", "Agriculture, Forestry, Fishing and Hunting", "agriculture", "water-systems") in naics
    full = rows(sources.read(data_dir / "advance-cte/Full_Framework_Crosswalk.xlsx"), "cte_full")
    assert ("advanced-manufacturing", "production-automation", "11-3051", "Industrial Production Managers",
            "14.3501", "Industrial Engineering", "31-33", "Manufacturing") in full


def test_onet_database(data_dir: Path) -> None:
    extract = sources.read(data_dir / "onet/db_27_0_text")
    assert extract.release == "O*NET 27.0 (August 2022)"
    occupations = {r[0]: r for r in rows(extract, "onet_occupation")}
    assert occupations["29-1141.00"][2] == "Registered Nurses" and occupations["29-1141.00"][1] == "29-1141"
    assert len(occupations) == 1016
    interests = {(r[0], r[1]): r[2] for r in rows(extract, "onet_interest")}
    assert interests[("11-1011.00", "Investigative")] == 2.0
    zones = dict(rows(extract, "onet_job_zone"))
    assert zones["11-1011.00"] == 5
    tasks = [r for r in rows(extract, "onet_task") if r[1] == 8823]
    assert tasks[0][0] == "11-1011.00" and tasks[0][3] == "Core" and tasks[0][4] == 87


def test_onet_database_from_zip(data_dir: Path, tmp_path: Path) -> None:
    archive = tmp_path / "db_27_0_text.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for name in ("Occupation Data.txt", "Alternate Titles.txt", "Sample of Reported Titles.txt",
                     "Task Statements.txt", "Interests.txt", "Job Zones.txt",
                     "Education, Training, and Experience.txt", "Education, Training, and Experience Categories.txt",
                     "Read Me.txt"):
            zf.write(data_dir / "onet/db_27_0_text" / name, f"db_27_0_text/{name}")
    extract = sources.read(archive)
    assert extract.kind == "onet-db" and len(extract.tables["onet_occupation"]) == 1016
    assert "onet_related" not in extract.tables  # optional file absent: skipped, not an error


def test_onet_legacy_pairs_multi_pathways(data_dir: Path) -> None:
    table = rows(sources.read(data_dir / "onet/legacy-career-clusters/All_Career_Clusters.csv"), "onet_pathway")
    nurse = [r for r in table if r[0] == "29-1141.00"]
    assert [(r[2], r[3]) for r in nurse] == [("o-health-science", "o-therapeutic-services")]
    assert ("o-agriculture-food-natural-resources", "o-food-products-processing-systems") in {
        (r[2], r[3]) for r in table}


def test_nces_cip_and_cip_soc(data_dir: Path) -> None:
    cip = {r[0]: r for r in rows(sources.read(data_dir / "nces/CIPCode2020.csv"), "cip")}
    assert cip["51.3801"][3] == "Registered Nursing/Registered Nurse"
    assert cip["01"][1] == 2 and cip["01.01"][1] == 4 and cip["01.0101"][1] == 6
    crosswalk = rows(sources.read(data_dir / "nces/CIP2020_SOC2018_Crosswalk.xlsx"), "cip_soc")
    assert ("51.3801", "Registered Nursing/Registered Nurse", "29-1141", "Registered Nurses") in crosswalk
    assert not any(r[2] == "99-9999" for r in crosswalk)


def test_nces_sced_courses(data_dir: Path) -> None:
    extract = sources.read(data_dir / "nces/sced/sced_v12.csv")
    assert extract.release == "SCED version 12"
    courses = {r[0]: r for r in rows(extract, "sced_course")}
    assert courses["14051"][1:3] == ("14", "Nursing")
    assert courses["17001"][2] == "Construction Careers Exploration"
    assert courses["01001"][2] == "English/Language Arts I (9th grade)"  # the leading zero is kept
    assert "’" in courses["01002"][3]  # cp1252 curly quote decoded, not mangled
    assert ("14", "Health Care Sciences") in rows(extract, "sced_subject")


def test_sced_as_a_spreadsheet_saved_it(tmp_path: Path) -> None:
    """Excel drops leading zeros and may write codes as formulas; the reader restores five digits."""
    path = tmp_path / "courses.csv"
    path.write_bytes('Course Title,SCED Course Code,Course Description\r\n'
                     'English I,1001,"Reading, writing \u2014 and speaking"\r\nNursing,="14051",Care\r\n'
                     .encode("cp1252"))
    extract = sources.read(path)
    assert rows(extract, "sced_course") == [("01001", "01", "English I", "Reading, writing \u2014 and speaking"),
                                            ("14051", "14", "Nursing", "Care")]


def test_sced_bad_code_names_the_row(tmp_path: Path) -> None:
    path = tmp_path / "courses.csv"
    path.write_text("Course Title,SCED Course Code,Course Description\nNursing,14051,x\nOops,14-05,y\n")
    with pytest.raises(SourceError, match=r"row 3, column 'SCED Course Code'.*'14-05'"):
        sources.read(path)


def test_bls_oews_keeps_markers(data_dir: Path) -> None:
    extract = sources.read(data_dir / "bls/national_M2025_dl.xlsx")
    assert extract.release == "OEWS May 2025, national"
    by_soc = {(r[0], r[2]): r for r in rows(extract, "oews_wage")}
    nurse = by_soc[("29-1141", "detailed")]
    assert nurse[13] == 97550.0  # a_median
    actors = by_soc[("27-2011", "detailed")]
    assert actors[13] is None and '"a_median": "not_released"' in actors[-1]


def test_bls_projections(data_dir: Path) -> None:
    table = {r[0]: r for r in rows(sources.read(data_dir / "bls/occupation.xlsx"), "projection")}
    nurse = table["29-1141"]
    assert nurse[1] == "Registered nurses" and nurse[3] == 3391.0 and nurse[11] == "Bachelor's degree"
    surgeons = table["29-1022"]
    assert surgeons[9] == 239200.0 and surgeons[10] is True  # ">=$239200": top-coded, not 0


# -- bad input ---------------------------------------------------------------------------------------------

def _workbook(path: Path, sheet: str, header: list[str], data: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "Overview"
    ws = book.create_sheet(sheet)
    ws.append(header)
    for row in data:
        ws.append(row)
    book.save(path)
    return path


def test_truncated_workbook(data_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / "SOC_Career_Clusters_Crosswalk.xlsx"
    content = (data_dir / "advance-cte/SOC_Career_Clusters_Crosswalk.xlsx").read_bytes()
    broken.write_bytes(content[: len(content) // 2])
    with pytest.raises(SourceError, match=r"SOC_Career_Clusters_Crosswalk\.xlsx: not a readable Excel workbook"):
        sources.read(broken)


def test_workbook_missing_column_names_sheet_row_column(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "soc.xlsx", "SOC - CC - Sub-Clusters",
                     ["SOC Code", "Occupation Title", "Career Cluster"],
                     [["29-1141", "Registered Nurses", "Healthcare & Human Services"]])
    with pytest.raises(SourceError) as info:
        sources.read(path)
    error = info.value
    assert (error.file, error.sheet, error.row, error.column) == (
        "soc.xlsx", "SOC - CC - Sub-Clusters", 1, "Sub-Cluster")


def test_workbook_code_in_wrong_format(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "soc.xlsx", "SOC - CC - Sub-Clusters",
                     ["SOC Code", "Occupation Title", "Career Cluster", "Sub-Cluster"],
                     [["29-1141", "Registered Nurses", "Healthcare & Human Services", "Physical Health"],
                      ["291141", "Registered Nurses", "Healthcare & Human Services", "Physical Health"]])
    with pytest.raises(SourceError, match=r"soc\.xlsx, sheet 'SOC - CC - Sub-Clusters', row 3, column 'SOC Code': "
                                          r"'291141' is not a valid SOC 2018 code"):
        sources.read(path)


def test_workbook_unknown_subcluster_fails_loudly(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "cip.xlsx", "CIP - CC - Sub-Clusters",
                     ["CIP Code (2020)", "CIP Title (2020)", "Career Cluster", "Sub-Cluster"],
                     [["51.3801", "Registered Nursing.", "Healthcare & Human Services", "Space Medicine"]])
    with pytest.raises(SourceError, match=r"row 2, column 'Sub-Cluster': unknown Sub-Cluster"):
        sources.read(path)
    path = _workbook(tmp_path / "cip2.xlsx", "CIP - CC - Sub-Clusters",
                     ["CIP Code (2020)", "CIP Title (2020)", "Career Cluster", "Sub-Cluster"],
                     [["51.3801", "Registered Nursing.", "Agriculture", "Physical Health"]])
    with pytest.raises(SourceError, match="'Physical Health' is not part of 'Agriculture'"):
        sources.read(path)


def test_csv_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "CIPCode2020.csv"
    path.write_text('CIPFamily,CIPCode,CIPTitle\n="01",="01.0101","Agricultural Business."\n')
    with pytest.raises(SourceError) as info:
        sources.read(path)
    assert (info.value.file, info.value.row, info.value.column) == ("CIPCode2020.csv", 1, "Action")


def test_csv_code_in_wrong_format(data_dir: Path, tmp_path: Path) -> None:
    lines = (data_dir / "onet/legacy-career-clusters/All_Career_Clusters.csv").read_text(encoding="utf-8").splitlines()
    assert "45-2021.00" in lines[4]
    lines[4] = lines[4].replace("45-2021.00", "45-2021")
    path = tmp_path / "All_Career_Clusters.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(SourceError, match=r"row 5, column 'Code': '45-2021' is not a valid O\*NET-SOC code"):
        sources.read(path)


def test_onet_file_with_bad_code(data_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "db"
    shutil.copytree(data_dir / "onet/db_27_0_text", folder)
    jobs = folder / "Job Zones.txt"
    lines = jobs.read_text(encoding="utf-8").splitlines()
    lines[3] = "11-1021\t" + lines[3].split("\t", 1)[1]
    jobs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"Job Zones\.txt, row 4, column 'O\*NET-SOC Code'"):
        sources.read(folder)


def test_wrong_file_and_unreadable_zip(tmp_path: Path) -> None:
    notes = tmp_path / "notes.csv"
    notes.write_text("name,age\nann,3\n")
    with pytest.raises(SourceError, match="cannot tell which official file"):
        sources.read(notes)
    other = _workbook(tmp_path / "budget.xlsx", "Budget", ["Item", "Cost"], [["pens", 3]])
    with pytest.raises(SourceError, match="not a known official workbook"):
        sources.read(other)
    broken_zip = tmp_path / "db_27_0_text.zip"
    broken_zip.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(SourceError, match=r"db_27_0_text\.zip"):
        sources.read(broken_zip)
    with pytest.raises(SourceError, match="no such file"):
        sources.read(tmp_path / "missing.xlsx")


def test_oews_rejects_text_in_a_number_column(tmp_path: Path) -> None:
    header = ["OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "H_MEAN", "A_MEAN", "H_PCT10", "H_PCT25", "H_MEDIAN",
              "H_PCT75", "H_PCT90", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90"]
    good = ["29-1141", "Registered Nurses", "detailed", 10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 97550, 1, 1]
    bad = ["29-1171", "Nurse Practitioners", "detailed", 10, 1, 1, 1, 1, 1, 1, 1, 1, 1, "n.a.", 1, 1]
    path = _workbook(tmp_path / "national_M2025_dl.xlsx", "national_M2025_dl", header, [good, bad])
    with pytest.raises(SourceError, match=r"row 3, column 'A_MEDIAN': 'n\.a\.' is neither a number nor a BLS marker"):
        sources.read(path)
