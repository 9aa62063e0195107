-- Schema version 1: provenance and one table per official dataset. Each table belongs to exactly one
-- source kind (see OWNERS in store/schema.py), so re-importing a kind replaces just its own rows.

CREATE TABLE source_file (
    kind        TEXT PRIMARY KEY,
    publisher   TEXT NOT NULL,
    release     TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    row_counts  TEXT NOT NULL            -- JSON {table: rows}
);

-- Advance CTE crosswalks (modern framework ids resolved from the workbooks' names)
CREATE TABLE cte_soc   (soc TEXT NOT NULL, soc_title TEXT NOT NULL, cluster_id TEXT NOT NULL, subcluster_id TEXT NOT NULL);
CREATE INDEX cte_soc_soc ON cte_soc (soc);
CREATE INDEX cte_soc_sub ON cte_soc (subcluster_id);
CREATE TABLE cte_cip   (cip TEXT NOT NULL, cip_title TEXT NOT NULL, cluster_id TEXT NOT NULL, subcluster_id TEXT NOT NULL);
CREATE INDEX cte_cip_cip ON cte_cip (cip);
CREATE INDEX cte_cip_sub ON cte_cip (subcluster_id);
CREATE TABLE cte_naics (naics TEXT NOT NULL, naics_title TEXT NOT NULL, cluster_id TEXT NOT NULL, subcluster_id TEXT NOT NULL);
CREATE TABLE cte_full  (cluster_id TEXT NOT NULL, subcluster_id TEXT NOT NULL, soc TEXT NOT NULL, soc_title TEXT NOT NULL,
                        cip TEXT NOT NULL, cip_title TEXT NOT NULL, naics TEXT NOT NULL, naics_title TEXT NOT NULL);
CREATE INDEX cte_full_soc ON cte_full (soc);
CREATE INDEX cte_full_cip ON cte_full (cip);

-- O*NET database
CREATE TABLE onet_occupation (onet_soc TEXT PRIMARY KEY, soc TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL);
CREATE INDEX onet_occupation_soc ON onet_occupation (soc);
CREATE TABLE onet_alt_title (onet_soc TEXT NOT NULL, title TEXT NOT NULL, short_title TEXT);
CREATE INDEX onet_alt_title_code ON onet_alt_title (onet_soc);
CREATE TABLE onet_reported_title (onet_soc TEXT NOT NULL, title TEXT NOT NULL, shown_in_my_next_move INTEGER NOT NULL);
CREATE INDEX onet_reported_title_code ON onet_reported_title (onet_soc);
CREATE TABLE onet_task (onet_soc TEXT NOT NULL, task_id INTEGER NOT NULL, task TEXT NOT NULL, task_type TEXT,
                        incumbents_responding INTEGER);
CREATE INDEX onet_task_code ON onet_task (onet_soc);
CREATE TABLE onet_interest (onet_soc TEXT NOT NULL, riasec TEXT NOT NULL, score REAL NOT NULL);
CREATE INDEX onet_interest_code ON onet_interest (onet_soc);
CREATE TABLE onet_job_zone (onet_soc TEXT PRIMARY KEY, job_zone INTEGER NOT NULL);
CREATE TABLE onet_related (onet_soc TEXT NOT NULL, related_onet_soc TEXT NOT NULL, tier TEXT, rank INTEGER);
CREATE INDEX onet_related_code ON onet_related (onet_soc);
CREATE TABLE onet_education (onet_soc TEXT NOT NULL, category INTEGER NOT NULL, percent REAL NOT NULL);
CREATE INDEX onet_education_code ON onet_education (onet_soc);
CREATE TABLE onet_education_category (category INTEGER PRIMARY KEY, description TEXT NOT NULL);

-- O*NET OnLine's original-framework assignments (16 clusters / 79 pathways)
CREATE TABLE onet_pathway (onet_soc TEXT NOT NULL, title TEXT NOT NULL, cluster_id TEXT NOT NULL, pathway_id TEXT NOT NULL);
CREATE INDEX onet_pathway_code ON onet_pathway (onet_soc);
CREATE INDEX onet_pathway_pathway ON onet_pathway (pathway_id);

-- NCES
CREATE TABLE cip (cip TEXT PRIMARY KEY, digits INTEGER NOT NULL, family TEXT NOT NULL, title TEXT NOT NULL,
                  definition TEXT NOT NULL, action TEXT NOT NULL, cross_references TEXT, examples TEXT);
CREATE TABLE cip_soc (cip TEXT NOT NULL, cip_title TEXT NOT NULL, soc TEXT NOT NULL, soc_title TEXT NOT NULL);
CREATE INDEX cip_soc_cip ON cip_soc (cip);
CREATE INDEX cip_soc_soc ON cip_soc (soc);

-- BLS
CREATE TABLE oews_wage (
    soc TEXT NOT NULL, title TEXT NOT NULL, o_group TEXT NOT NULL, tot_emp REAL,
    h_mean REAL, a_mean REAL, h_pct10 REAL, h_pct25 REAL, h_median REAL, h_pct75 REAL, h_pct90 REAL,
    a_pct10 REAL, a_pct25 REAL, a_median REAL, a_pct75 REAL, a_pct90 REAL,
    annual_only INTEGER NOT NULL, hourly_only INTEGER NOT NULL,
    markers TEXT,                          -- JSON {field: "not_released" | "top_coded"}; NULL when none
    PRIMARY KEY (soc, o_group)             -- OEWS lists a few codes at both the broad and detailed level
);
CREATE TABLE projection (
    soc TEXT PRIMARY KEY, title TEXT NOT NULL, occupation_type TEXT NOT NULL,
    employment_base_k REAL, employment_projected_k REAL, change_k REAL, change_pct REAL,
    self_employed_pct REAL, openings_k REAL, median_wage REAL, median_wage_top_coded INTEGER NOT NULL,
    entry_education TEXT, work_experience TEXT, job_training TEXT
);
