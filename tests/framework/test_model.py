"""Loading, validation, navigation and lookup of the embedded framework."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from careerclusters import (
    AmbiguousLookupError,
    Edition,
    Framework,
    FrameworkDataError,
    Level,
    NotFoundError,
    load_framework,
)
from careerclusters.framework.loader import DATA_DIR
from careerclusters.framework.names import name_key
from tests.helpers import require


@pytest.fixture(scope="module")
def fw() -> Framework:
    return load_framework()


def _framework_md_tables(shared: Path) -> dict[str, list[list[str]]]:
    """The markdown tables of framework.md, keyed by their header row's first cell."""
    tables: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for line in require(shared / "framework.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            current = None
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if set("".join(cells)) <= {"-", ":", " "}:
            continue
        if current is None:
            current = tables.setdefault(" ".join(cells), [])
        else:
            current.append(cells)
    return tables


def test_counts(fw: Framework) -> None:
    assert fw.counts(Edition.MODERN) == {
        "groupings": 6, "clusters": 14, "subclusters": 72, "cross_cutting_clusters": 3}
    assert fw.counts(Edition.ORIGINAL) == {"clusters": 16, "pathways": 79}
    assert [c.name for c in fw.clusters() if c.cross_cutting] == [
        "Digital Technology", "Management & Entrepreneurship", "Marketing & Sales"]


def test_names_match_framework_md(fw: Framework, shared_dir: Path) -> None:
    tables = _framework_md_tables(shared_dir)
    groupings = tables["code grouping clusters (code, 2-digit NAICS)"]
    for code, grouping_name, clusters in groupings:
        grouping = fw.get(code, edition=Edition.MODERN, level=Level.GROUPING)
        if not grouping_name.startswith("Cross-cutting"):
            assert grouping.name == grouping_name
        expected = [(m[0], m[1], m[2].split(", ")) for m in
                    re.findall(r"(?:; )?(.+?) \((\d{6}), ([\d, -]+)\)", clusters)]
        assert [(c.name, c.code, list(c.naics)) for c in fw.children(grouping)] == expected
    subclusters = tables["cluster sub-clusters"]
    assert len(subclusters) == 14
    for cluster_name, names in subclusters:
        cluster = fw.get(cluster_name, edition=Edition.MODERN)
        assert cluster.name == cluster_name
        assert [s.name for s in fw.children(cluster)] == names.split("; ")
    original = tables["# cluster pathways"]
    assert len(original) == 16
    for number, cluster_name, pathways in original:
        cluster = fw.get(number, edition=Edition.ORIGINAL)
        assert cluster.name == cluster_name
        assert [p.name for p in fw.children(cluster)] == pathways.split("; ")


def test_navigation_up_and_down(fw: Framework) -> None:
    physical = fw.get("physical-health")
    assert [a.id for a in fw.ancestors(physical)] == ["caring-communities", "healthcare-human-services"]
    assert fw.parent(physical).name == "Healthcare & Human Services"
    cluster = fw.parent(physical)
    assert physical in fw.children(cluster)
    descendants = fw.descendants(fw.get("caring-communities"))
    assert len([d for d in descendants if d.level is Level.SUBCLUSTER]) == 4 + 6 + 5
    assert fw.parent(fw.get("o-lodging")).name == "Hospitality & Tourism"
    assert fw.roots(Edition.ORIGINAL)[0].code == "1"


def test_lookup_by_id_code_name_and_alias(fw: Framework) -> None:
    assert fw.get("arts-entertainment-design").code == "020100"
    assert fw.get("040200").name == "Healthcare & Human Services"
    assert fw.get("Arts, Entertainment & Design").id == "arts-entertainment-design"
    assert fw.get("  HOSPITALITY events and TOURISM ").id == "hospitality-events-tourism"
    assert fw.get("Food Products and Processing Systems").id == "o-food-products-processing-systems"
    assert fw.get("Arts, Audio/Video Technology & Communications").id == "o-arts-av-technology-communications"
    assert fw.get("Connecting & Supporting Success").code == "06"
    assert fw.get("water systems").id == "water-systems"
    assert fw.get("STEM").name == "Science, Technology, Engineering & Mathematics"


def test_ambiguous_name_lists_candidates_and_edition_resolves_it(fw: Framework) -> None:
    with pytest.raises(AmbiguousLookupError) as info:
        fw.get("Animal Systems")
    assert {n.id for n in info.value.candidates} == {"animal-systems", "o-animal-systems"}
    assert "o-animal-systems" in str(info.value)
    assert fw.get("Animal Systems", edition=Edition.ORIGINAL).level is Level.PATHWAY


def test_unknown_name_suggests_closest(fw: Framework) -> None:
    with pytest.raises(NotFoundError) as info:
        fw.get("Helthcare and Human Service")
    assert info.value.suggestions[0] == "Healthcare & Human Services"
    assert "did you mean" in str(info.value)
    with pytest.raises(NotFoundError):
        fw.get("zzzz qqqq")


def test_name_key_folds_case_punctuation_and_ampersand() -> None:
    assert name_key("Arts, Entertainment, & Design") == name_key("arts entertainment and design")
    assert name_key("Design/Pre-Construction") == "design pre construction"


def test_every_node_has_a_plain_definition(fw: Framework) -> None:
    for node in fw.nodes():
        assert 10 <= len(node.definition) <= 220, node.id
        assert node.definition.endswith("."), node.id


def test_practices_are_labelled_with_their_edition(fw: Framework) -> None:
    assert [(p.edition, len(p.practices)) for p in fw.practices] == [(Edition.ORIGINAL, 12)]
    assert fw.practices[0].practices[0].code == "CRP1"


def test_edition_parse() -> None:
    assert Edition.parse("2024") is Edition.MODERN
    assert Edition.parse("Legacy") is Edition.ORIGINAL
    with pytest.raises(ValueError):
        Edition.parse("1999")


# -- validation of broken data files ----------------------------------------------------------------------

def _broken_copy(tmp_path: Path, edit) -> Framework:
    for name in ("modern.yaml", "original.yaml", "practices.yaml"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    data = yaml.safe_load((tmp_path / "modern.yaml").read_text())
    edit(data)
    (tmp_path / "modern.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    return Framework.from_files(
        tmp_path / "modern.yaml", tmp_path / "original.yaml", tmp_path / "practices.yaml")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["subclusters"].pop(), r"modern\.yaml: expected 72 subclusters, found 71"),
        (lambda d: d["subclusters"][0].update(cluster="no-such-cluster"),
         r"subcluster 'engineering' names unknown cluster 'no-such-cluster'"),
        (lambda d: d["subclusters"][1].update(id="engineering"), r"duplicate id\(s\): engineering"),
        (lambda d: d["clusters"][0].update(grouping="nowhere"), r"unknown grouping 'nowhere'"),
        (lambda d: d["clusters"][0].update(code="12"), r"clusters\.0\.code: String should match pattern"),
        (lambda d: d["subclusters"][0].update(colour="red"), r"subclusters\.0\.colour: Extra inputs"),
        (lambda d: d["subclusters"][0].pop("definition"), r"subclusters\.0\.definition: Field required"),
        (lambda d: [d["subclusters"].remove(s) for s in list(d["subclusters"])
                    if s["cluster"] == "education"] and None, r"'education' has no children"),
    ],
)
def test_broken_data_file_gives_clear_error(tmp_path: Path, edit, message: str) -> None:
    with pytest.raises(FrameworkDataError, match=message):
        _broken_copy(tmp_path, edit)


def test_unreadable_yaml_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "modern.yaml"
    bad.write_text("groupings: [unclosed\n")
    with pytest.raises(FrameworkDataError, match=r"modern\.yaml: cannot read"):
        Framework.from_files(bad, DATA_DIR / "original.yaml", DATA_DIR / "practices.yaml")
