-- Schema version 5: a state's own figures, and which county lies in which OEWS area.

-- A state's long-term occupational projections (Projections Central's layout: base and projected employment,
-- change, average annual openings), one row per state and SOC code; the alignment report and the area pages use
-- them for the state and its areas instead of the nation's projections. Figures the state does not publish are NULL.
CREATE TABLE state_projection (state_fips TEXT NOT NULL, area_name TEXT NOT NULL, soc TEXT NOT NULL,
                               title TEXT NOT NULL, base_year INTEGER, base REAL, projected_year INTEGER,
                               projected REAL, change REAL, change_pct REAL, openings REAL,
                               PRIMARY KEY (state_fips, soc)) WITHOUT ROWID;

-- A state's list of in-demand occupations (SOC codes, the list's name and year): an additional verdict.
CREATE TABLE in_demand_occupation (state_fips TEXT NOT NULL, list_name TEXT NOT NULL, year TEXT NOT NULL,
                                   soc TEXT NOT NULL, title TEXT NOT NULL,
                                   PRIMARY KEY (state_fips, list_name, soc)) WITHOUT ROWID;

-- BLS's OEWS area definitions: each county (in New England, each township) and the metro or nonmetropolitan
-- area its jobs are counted in, under the area's seven-character code (0018140 Columbus, OH; 3900003 a
-- nonmetropolitan area). township_code is '' outside New England.
CREATE TABLE county_area (state_fips TEXT NOT NULL, county_code TEXT NOT NULL, township_code TEXT NOT NULL,
                          name TEXT NOT NULL, area_code TEXT NOT NULL, area_name TEXT NOT NULL,
                          PRIMARY KEY (state_fips, county_code, township_code)) WITHOUT ROWID;
CREATE INDEX county_area_name ON county_area (state_fips, name)
