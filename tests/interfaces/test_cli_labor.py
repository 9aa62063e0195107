"""Labour-market answers on the command line: an occupation and a sub-cluster in an area, areas listed and ranked,
and an occupation's jobs and wages by industry."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from careerclusters.cli import app

runner = CliRunner()


def test_area_commands(imported_db: Path) -> None:
    def run(*args: str):
        return runner.invoke(app, ["--db", str(imported_db), *args])

    nurses = json.loads(run("occupation", "29-1141", "--area", "OH", "--json").stdout)
    assert nurses["area"]["employment"] == 143730 and nurses["area"]["annual_median"] == 82510
    assert "estimate" in nurses["note"]
    text = run("occupation", "29-1141", "--area", "Columbus, OH").stdout
    assert "Columbus, OH" in text and "30,510" in text and "$83,900" in text
    sub = json.loads(run("subcluster", "Physical Health", "--area", "OH", "--json").stdout)
    assert sub["area"]["code"] == "3900000" and sub["top_occupations"][0]["soc"] == "29-1141"
    ranked = json.loads(run("area", "rank", "Ohio", "--by", "lq", "--json").stdout)["subclusters"]
    assert ranked[0]["location_quotient"] >= ranked[1]["location_quotient"]
    assert "Ohio" in run("area", "list", "--type", "state").stdout
    bad = run("area", "show", "Columbus")
    assert bad.exit_code == 2 and bad.stderr.startswith("error: no area 'Columbus'; did you mean")
    assert run("area", "rank", "OH", "--by", "colour").exit_code == 2
    health = json.loads(run("cluster", "Healthcare & Human Services", "--area", "OH", "--json").stdout)
    assert health["level"] == "cluster" and health["top_occupations"][0]["soc"] == "29-1141"
    program = json.loads(run("program", "51.3801", "--area", "OH", "--json").stdout)
    assert program["occupations"][0]["soc"] == "29-1141" and program["occupations"][0]["employment"] == 143730


def test_registered_nurses_by_industry(imported_db: Path) -> None:
    def run(*args: str):
        return runner.invoke(app, ["--db", str(imported_db), "occupation", "29-1141", "--by-industry", *args])

    sectors = json.loads(run("--json").stdout)
    assert sectors["area"]["name"] == "National" and sectors["employment"] == 3379720
    health = sectors["industries"][0]
    assert (health["naics"], health["title"], health["employment"], health["annual_median"]) == (
        "62", "Health Care and Social Assistance", 2895620, 97660)
    assert health["share_of_occupation"] == round(2895620 / 3379720, 4)
    assert "999201" not in {i["naics"] for i in sectors["industries"]}  # state government with its hospitals
    #   overlaps sector 62, so it ranks with the ownership groupings, not the sectors
    hospitals = json.loads(run("--industry-level", "3-digit", "--json").stdout)["industries"][0]
    assert (hospitals["naics"], hospitals["employment"], hospitals["annual_median"]) == ("622000", 2020230, 100220)
    text = run().stdout
    assert "Health Care" in text and "2,895,620" in text and "85.7%" in text and "$97,660" in text
    ohio = run("--area", "OH")
    assert ohio.exit_code == 2
    assert "Ohio: no OEWS figures by industry (BLS publishes them for the nation only)" in ohio.stderr
    assert run("--industry-level", "7").exit_code == 2
    # a marker stays a marker: actors' annual wages are not released in any industry
    actors = json.loads(runner.invoke(app, ["--db", str(imported_db), "occupation", "27-2011", "--by-industry",
                                            "--industry-level", "3-digit", "--json"]).stdout)["industries"][0]
    assert actors["naics"] == "512000" and actors["annual_median"] is None
    assert actors["markers"]["a_median"] == "not_released"
