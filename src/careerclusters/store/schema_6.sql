-- Schema version 6: occupation titles in another language from an official list an operator imported
-- (`careerclusters data import titles-es.csv`), which win over the project's own translations shipped in the
-- package (base/locale/<lang>/occupations.csv). code: SOC (29-1141) or O*NET-SOC (29-1141.01). Each language's
-- list is its own kind (occupation-titles-<lang>), so importing one replaces only that language's rows.
CREATE TABLE occupation_title_translation (
    kind TEXT NOT NULL, lang TEXT NOT NULL, code TEXT NOT NULL, title TEXT NOT NULL,
    PRIMARY KEY (lang, code)
) WITHOUT ROWID
