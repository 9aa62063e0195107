-- Schema version 4: OEWS by industry, kept beside the cross-industry rows (imported only when asked:
-- `data import --industries`). The cross-industry table oews_area_wage is unchanged, so every query that
-- answers with cross-industry figures reads exactly what it read before.

-- The industries OEWS publishes: NAICS sectors (31-33), 3- to 6-digit industries (622000, 622100) and OEWS's
-- own groupings (000001 private ownership, 999xxx government designations). level: 1 ownership groupings,
-- 2 sectors, 3 NAICS 3-digit, 4 NAICS 4-digit, 5 NAICS 5- and 6-digit; levels 2 and 3 each cover all jobs once
CREATE TABLE oews_industry (naics TEXT PRIMARY KEY, title TEXT NOT NULL, level INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE oews_area_industry_wage (
    area_code TEXT NOT NULL, naics TEXT NOT NULL, soc TEXT NOT NULL, o_group TEXT NOT NULL,
    tot_emp REAL, jobs_1000 REAL, loc_quotient REAL, h_mean REAL, a_mean REAL,
    h_pct10 REAL, h_pct25 REAL, h_median REAL, h_pct75 REAL, h_pct90 REAL,
    a_pct10 REAL, a_pct25 REAL, a_median REAL, a_pct75 REAL, a_pct90 REAL,
    annual_only INTEGER NOT NULL, hourly_only INTEGER NOT NULL,
    markers TEXT,                          -- as in oews_area_wage
    PRIMARY KEY (area_code, naics, soc)
) WITHOUT ROWID;
CREATE INDEX oews_area_industry_wage_occupation ON oews_area_industry_wage (area_code, soc)
