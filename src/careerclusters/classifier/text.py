"""Normalising titles the way they are really written, so that "Sr. RN - ICU (Nights) - $5,000 Bonus",
"Registered Nurses" and "registered nurse" meet on the same words.

Posting noise (pay, locations, shifts, seniority, contract terms) is removed; abbreviations are expanded;
plurals are folded to a singular stem. The head noun, the word that names the kind of work ("nurse" in
"ICU Registered Nurse", "director" in "Director of Nursing"), is found for extra weight.

Titles come in Spanish too ("Mecánico de camiones", "enfermera"): accents are optional (dropped on both sides, so
"mecanico" meets "mecánico"), Spanish articles and "de" are stop words, and "de", "en" and "para" end the head
phrase as "of" does ("cocinera en un restaurante" is about a cook).
"""

from __future__ import annotations

import re
import unicodedata

from careerclusters.base.text import fold_accents

#: Abbreviations common in job titles and postings, expanded to the words O*NET uses.
ABBREVIATIONS = {
    "sr": "senior", "snr": "senior", "jr": "junior", "mgr": "manager", "mngr": "manager", "asst": "assistant",
    "assoc": "associate", "tech": "technician", "techs": "technicians", "engr": "engineer", "eng": "engineer",
    "admin": "administrative", "coord": "coordinator", "dir": "director", "supv": "supervisor",
    "supvr": "supervisor", "spvr": "supervisor", "spec": "specialist", "rep": "representative",
    "reps": "representatives", "svc": "service", "svcs": "services", "acct": "account", "acctg": "accounting",
    "mgmt": "management", "ops": "operations", "dev": "developer", "devops": "development operations",
    "sw": "software", "hr": "human resources", "qa": "quality assurance", "qc": "quality control",
    "rn": "registered nurse", "lpn": "licensed practical nurse", "lvn": "licensed vocational nurse",
    "cna": "certified nursing assistant", "cdl": "commercial truck driver", "emt": "emergency medical technician",
    "cpa": "certified public accountant", "dba": "database administrator", "vp": "vice president",
    "ceo": "chief executive officer", "cfo": "chief financial officer", "coo": "chief operating officer",
    "cto": "chief technology officer", "cio": "chief information officer", "ux": "user experience",
    "ui": "user interface", "ml": "machine learning", "ai": "artificial intelligence", "vet": "veterinary",
    "hvac": "heating air conditioning", "er": "emergency room", "icu": "intensive care unit",
    "maint": "maintenance", "mech": "mechanic", "elec": "electrical", "equip": "equipment", "ops.": "operations",
    "dept": "department", "intl": "international", "natl": "national", "univ": "university", "prof": "professor",
    "instr": "instructor", "clk": "clerk", "opr": "operator", "oper": "operator", "insp": "inspector",
    "phd": "doctor", "md": "physician", "np": "nurse practitioner", "pa": "physician assistant",
}

#: Words that only ever describe a posting's terms or a grade, never the work: dropped everywhere.
NOISE = {
    "senior", "junior", "i", "ii", "iii", "iv", "1", "2", "3", "fulltime", "parttime", "prn", "hiring", "urgently",
    "immediately", "temp", "temporary", "seasonal", "overnight", "nights", "evenings", "weekends", "hourly",
    "wanted", "needed",
}
#: Words that describe a posting's terms in a trailing segment or a parenthesis ("- Remote", "(Nights)",
#: "| Full Time", "- Contract"), but may name the work inside a title ("Travel Agent", "Contract Specialist",
#: "Shift Supervisor", "Sign Language Interpreter", "Data Entry Clerk", "Set-Up Operator"): a segment made
#: only of these (``words`` has already dropped ``NOISE``) is dropped; the words are kept everywhere else.
POSTING_TERMS = {
    "part", "full", "time", "day", "days", "night", "evening", "weekend", "shift", "shifts", "remote", "hybrid",
    "onsite", "on", "site", "contract", "contractor", "travel", "traveling", "local", "per", "diem", "sign",
    "signon", "bonus", "new", "grad", "graduate", "entry", "level", "job", "jobs", "opening", "position", "urgent",
    "now", "start", "immediate", "hour", "hr", "week", "weekly", "year", "annual", "salary", "pay", "up", "to", "k",
    "ft", "pt", "w2", "benefits", "relocation", "home", "work", "required", "available",
}
#: Posting phrases removed wherever they occur, even inside the title's own segment.
_POSTING_PHRASES = re.compile(
    r"\b(part|full)[\s-]?time\b|\bper\s+diem\b|\bsign[\s-]?on(\s+bonus)?\b|\bnew\s+grad(uate)?s?\b|"
    r"\bentry[\s-]+level\b|\b(day|night|evening|weekend|overnight|rotating|swing)\s+shifts?\b|"
    r"\bshift\s+differential\b|\bnow\s+hiring\b|\bhiring\s+now\b|\bimmediate(ly)?\s+start\b", re.I)
STOP = {"of", "and", "the", "for", "in", "a", "an", "or", "at", "with", "&", "as", "by", "from", "into",
        # Spanish: articles, "de" and "y"; never English words in job titles
        "de", "del", "el", "la", "los", "las", "y", "e", "en", "un", "una", "al"}
US_STATES = {
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
    "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
    "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
}
_PAY = re.compile(r"\$\s?[\d,.]+\s?[kK]?(\s*(/|per|an|a)\s*(hr|hour|yr|year|week|wk))?|\b\d+(\.\d+)?\s*/\s*(hr|hour)\b",
                  re.I)
_LOCATION = re.compile(r"\b(in\s+)?[A-Z][A-Za-z.]+(\s[A-Z][A-Za-z.]+)*,\s*(" + "|".join(US_STATES) + r")\b")
_SEGMENTS = re.compile(r"\s+[-–—|/]\s+|\s*[|•]\s*")
_PARENTHESIS = re.compile(r"\(([^()]*)\)")
_WORD = re.compile(r"[a-z0-9]+")
_MAX_CHARS = 300


def _singular(word: str) -> str:
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "ics")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def clean(text: str) -> str:
    """Strip a posting title's pay, location, posting phrases and trailing noise segments or parentheses;
    keep the job's own words."""
    text = unicodedata.normalize("NFKC", text)[:_MAX_CHARS]
    text = _PAY.sub(" ", text)
    text = _LOCATION.sub(" ", text)
    text = _POSTING_PHRASES.sub(" ", text)
    text = _PARENTHESIS.sub(lambda m: " " if _only_terms(m.group(1)) else m.group(0), text)
    segments = [s for s in _SEGMENTS.split(text) if s.strip()]
    if not segments:
        return ""
    return " ".join([segments[0]] + [s for s in segments[1:] if not _only_terms(s)])


def _only_terms(segment: str) -> bool:
    """Whether a segment says nothing but posting terms (or nothing at all)."""
    return all(w in POSTING_TERMS for w in words(segment, expand=False))


def words(text: str, expand: bool = True) -> list[str]:
    """Lower-case word stems with abbreviations expanded and posting noise and stop words removed."""
    out: list[str] = []
    for raw in _WORD.findall(fold_accents(text.lower().replace("'", ""))):
        for word in (ABBREVIATIONS.get(raw, raw).split() if expand else [raw]):
            if word in STOP or word in NOISE:
                continue
            out.append(_singular(word))
    return out


def normalise(text: str) -> str:
    """The text the classifier sees: cleaned, expanded, singular, space-separated."""
    return " ".join(words(clean(text)))


def head(text: str) -> str | None:
    """The head noun: the last word of the main phrase, or the word before "of" ("Director of Nursing")."""
    return _head_of(clean(text))


def reading(text: str) -> tuple[str, str | None]:
    """All the model reads of a text, cleaned once: its normalised form and its head noun. Texts with the
    same reading get the same answer, so a batch classifies each reading once."""
    cleaned = clean(text)
    return " ".join(words(cleaned)), _head_of(cleaned)


_OF = re.compile(r"\b(of|de|del|en|para)\b", re.I)


def _head_of(cleaned: str) -> str | None:
    main = re.split(r"[(,]", cleaned, maxsplit=1)[0]
    before_of = _OF.split(main, maxsplit=1)[0] if _OF.search(main) else main
    found = words(before_of) or words(main)
    return found[-1] if found else None
