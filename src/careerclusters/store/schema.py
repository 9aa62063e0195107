"""Schema of the store, its versions, and which source kind owns which tables.

The version lives in SQLite's ``user_version``; ``MIGRATIONS[n]`` upgrades a store from version n to
n + 1. A store from a newer version of the program is refused rather than guessed at.
"""

from __future__ import annotations

from importlib import resources

from careerclusters.base import title_lists as titles
from careerclusters.base.languages import LANGUAGES, SOURCE_LANGUAGE

MIGRATIONS: tuple[str, ...] = tuple(resources.files(__package__).joinpath(f"schema_{n}.sql").read_text("utf-8")
                                    for n in (1, 2, 3, 4, 5, 6, 7))
SCHEMA_VERSION = len(MIGRATIONS)

#: The tables each source kind fills; importing a kind again replaces exactly these.
OWNERS: dict[str, tuple[str, ...]] = {
    "advance-cte-soc": ("cte_soc",),
    "advance-cte-cip": ("cte_cip",),
    "advance-cte-naics": ("cte_naics",),
    "advance-cte-full": ("cte_full",),
    "onet-db": ("onet_occupation", "onet_alt_title", "onet_reported_title", "onet_task", "onet_interest",
                "onet_job_zone", "onet_related", "onet_education", "onet_education_category", "onet_dwa",
                "onet_task_dwa", "onet_technology", "onet_rating"),
    "onet-legacy-clusters": ("onet_pathway",),
    "nces-cip": ("cip",),
    "nces-cip-soc": ("cip_soc",),
    "nces-sced": ("sced_course", "sced_subject"),
    "bls-oews": ("oews_wage",),
    "bls-oews-areas": ("oews_area", "oews_area_wage", "oews_industry", "oews_area_industry_wage"),
    "bls-projections": ("projection",),
    "programs-of-study": ("program_of_study", "program_of_study_subcluster", "program_of_study_cip"),
    "state-projections": ("state_projection",),
    "state-in-demand": ("in_demand_occupation",),
    "bls-oews-area-definitions": ("county_area",),
    # an official list of occupation titles in each language besides English (sources/titles.py)
    **{titles.kind(lang): (titles.TABLE,) for lang in LANGUAGES if lang != SOURCE_LANGUAGE},
}

#: Tables that several kinds fill, each kind its own rows, named in the table's ``kind`` column: importing a kind
#: again replaces only its rows.
BY_KIND: frozenset[str] = frozenset({titles.TABLE})

#: Kinds whose files may come in parts (BLS's state and metro workbooks): parts imported in one run are
#: combined into one import of the kind. For each table, how many leading columns key a row (the first
#: part's row wins where parts overlap).
COMBINABLE: dict[str, dict[str, int]] = {"bls-oews-areas": {"oews_area": 1, "oews_area_wage": 2, "oews_industry": 1,
                                                            "oews_area_industry_wage": 3},
                                          # several states' projections or lists, imported together
                                          "state-projections": {"state_projection": 2},
                                          "state-in-demand": {"in_demand_occupation": 3}}

#: Kinds whose import now fills a table that older versions of the program did not read: a recorded import without
#: it is read again even from an unchanged file (an O*NET database imported before schema 7 lacks the work
#: activities career changers compare), so the next `data fetch` or `data import` fills it.
REREAD_WITHOUT: dict[str, str] = {"onet-db": "onet_task_dwa"}

#: Kinds whose readers can also keep every industry's rows (``data import --industries``), and the table that
#: holds them: a store whose record of the file lacks that table was imported cross-industry only.
BY_INDUSTRY: dict[str, str] = {"bls-oews-areas": "oews_area_industry_wage"}
