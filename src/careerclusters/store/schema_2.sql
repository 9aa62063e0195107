-- Schema version 2: SCED courses, and where each source's rows came from.

-- NCES SCED v12: secondary course codes (five digits: subject area + course) and the subject areas
CREATE TABLE sced_course (code TEXT PRIMARY KEY, subject_area TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL);
CREATE INDEX sced_course_area ON sced_course (subject_area);
CREATE TABLE sced_subject (area TEXT PRIMARY KEY, name TEXT NOT NULL);

-- OEWS for every area (states, territories, metro and nonmetropolitan areas), cross-industry. Area codes are
-- BLS's seven characters (3900000 Ohio, 0018140 Columbus, OH); area_type national|state|territory|metro|nonmetro
CREATE TABLE oews_area (area_code TEXT PRIMARY KEY, area_type TEXT NOT NULL, state_fips TEXT NOT NULL,
                        postal TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE oews_area_wage (
    area_code TEXT NOT NULL, soc TEXT NOT NULL, o_group TEXT NOT NULL,
    tot_emp REAL, jobs_1000 REAL, loc_quotient REAL, h_mean REAL, a_mean REAL,
    h_pct10 REAL, h_pct25 REAL, h_median REAL, h_pct75 REAL, h_pct90 REAL,
    a_pct10 REAL, a_pct25 REAL, a_median REAL, a_pct75 REAL, a_pct90 REAL,
    annual_only INTEGER NOT NULL, hourly_only INTEGER NOT NULL,
    markers TEXT,                          -- JSON {field: "not_released" | "top_coded"}; NULL when none
    PRIMARY KEY (area_code, soc)
) WITHOUT ROWID;
CREATE INDEX oews_area_wage_soc ON oews_area_wage (soc);

-- 'imported' (an official file a user imported) or 'bundled' (the crosswalks shipped in the package)
ALTER TABLE source_file ADD COLUMN origin TEXT NOT NULL DEFAULT 'imported';
