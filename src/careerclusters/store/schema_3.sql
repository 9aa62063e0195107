-- Schema version 3: programs of study (the files states, districts and colleges keep), with where each came from.

-- The whole program as its JSON document (the open file format), plus the columns lists and filters need
CREATE TABLE program_of_study (id TEXT PRIMARY KEY, title TEXT NOT NULL, owner TEXT NOT NULL,
                               example INTEGER NOT NULL, document TEXT NOT NULL,
                               file_name TEXT NOT NULL, sha256 TEXT NOT NULL, imported_at TEXT NOT NULL);
CREATE TABLE program_of_study_subcluster (program_id TEXT NOT NULL, subcluster_id TEXT NOT NULL);
CREATE INDEX program_of_study_subcluster_sub ON program_of_study_subcluster (subcluster_id);
CREATE INDEX program_of_study_subcluster_program ON program_of_study_subcluster (program_id);
-- stage: secondary | postsecondary
CREATE TABLE program_of_study_cip (program_id TEXT NOT NULL, cip TEXT NOT NULL, stage TEXT NOT NULL);
CREATE INDEX program_of_study_cip_cip ON program_of_study_cip (cip);
CREATE INDEX program_of_study_cip_program ON program_of_study_cip (program_id)
