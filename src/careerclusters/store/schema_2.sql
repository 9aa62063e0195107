-- Schema version 2: SCED courses, and where each source's rows came from.

-- NCES SCED v12: secondary course codes (five digits: subject area + course) and the subject areas
CREATE TABLE sced_course (code TEXT PRIMARY KEY, subject_area TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL);
CREATE INDEX sced_course_area ON sced_course (subject_area);
CREATE TABLE sced_subject (area TEXT PRIMARY KEY, name TEXT NOT NULL);

-- 'imported' (an official file a user imported) or 'bundled' (the crosswalks shipped in the package)
ALTER TABLE source_file ADD COLUMN origin TEXT NOT NULL DEFAULT 'imported';
