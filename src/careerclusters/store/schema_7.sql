-- Schema version 7: what O*NET says about the work itself, to compare two occupations (career changers):
-- the detailed work activities (DWAs) each occupation's tasks link to, the technologies its workers use, and,
-- when the full database's rating files are imported, the importance and level of each skill, knowledge area,
-- ability and work activity. All belong to the onet-db kind.

CREATE TABLE onet_dwa (dwa_id TEXT PRIMARY KEY, iwa_id TEXT NOT NULL, element_id TEXT NOT NULL, title TEXT NOT NULL);
CREATE TABLE onet_task_dwa (onet_soc TEXT NOT NULL, task_id INTEGER NOT NULL, dwa_id TEXT NOT NULL);
CREATE INDEX onet_task_dwa_code ON onet_task_dwa (onet_soc);
-- example: a product (Microsoft Excel); commodity: its UNSPSC class (Spreadsheet software); hot: O*NET's
-- "Hot Technology" (often in job postings); in_demand: "In Demand" (newer releases only; 0 where absent)
CREATE TABLE onet_technology (onet_soc TEXT NOT NULL, example TEXT NOT NULL, commodity_code TEXT NOT NULL,
                              commodity_title TEXT NOT NULL, hot INTEGER NOT NULL, in_demand INTEGER NOT NULL);
CREATE INDEX onet_technology_code ON onet_technology (onet_soc);
-- domain: skills | knowledge | abilities | work-activities; scale: IM (importance 1-5) | LV (level 0-7).
-- Estimates O*NET recommends suppressing and levels it marks not relevant are left out on import.
CREATE TABLE onet_rating (onet_soc TEXT NOT NULL, domain TEXT NOT NULL, element_id TEXT NOT NULL,
                          element_name TEXT NOT NULL, scale TEXT NOT NULL, value REAL NOT NULL);
CREATE INDEX onet_rating_code ON onet_rating (onet_soc)

