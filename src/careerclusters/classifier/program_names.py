"""Program names as schools write them ("Auto Tech", "HVAC", "STNA", "Construction Trades Academy"), read in the
words of NCES's CIP titles; and the names the program classifier learns besides NCES's titles and examples.

NCES names programs formally ("Automobile/Automotive Mechanics Technology/Technician") and its examples are often
specialities, so a classifier trained on them alone codes "Auto Tech" as autobody repair and "Health
Technologies" as veterinary technology. The rules (``program_names.yaml``) bridge the two: abbreviations and
filler words read on both sides, titles shortened as schools shorten them, the family and series titles as
names of their general programs, and the everyday names of commonly offered programs. The benchmark
``benchmarks/program_names`` measures the result on names held out from all of it (no benchmark name is in the
rules, which a test checks).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

from pydantic import BaseModel

from careerclusters.base.rules import read_rules

RULES_FILE = resources.files(__package__).joinpath("program_names.yaml")
_WORD = re.compile(r"[A-Za-z0-9]+")


class NameRules(BaseModel):
    """Abbreviations (a lower-case word → the words it stands for), filler words (dropped), and the CIP
    families that are not programs a school names (left out of the classifier)."""

    abbreviations: dict[str, str]
    filler: list[str]
    unsaid: list[str]
    not_school_programs: dict[str, str]
    also_called: dict[str, list[str]]


@cache
def rules() -> NameRules:
    return read_rules(NameRules, RULES_FILE)


def query_form(name: str) -> str:
    """A program's name in the CIP titles' words: abbreviations expanded, filler words dropped, everything else
    (punctuation too, which the classifier reads) left as written."""
    known = rules()
    filler = set(known.filler)

    def replace(match: re.Match[str]) -> str:
        word = match.group(0).lower()
        if word in filler:
            return " "
        return known.abbreviations.get(word, match.group(0))

    return _WORD.sub(replace, name)


#: A role written both ways in a title ("Technology/Technician"): one name, not two.
_BOTH_ROLES = re.compile(r"\b(Technolog(?:y|ies))/(?:Technicians?|Technologists?)\b")
#: A parenthesis holding only an acronym ("(HVAC)", "(EMT Ambulance)" is kept): it repeats the words before it.
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z/.&-]+)\)")


def offered(code: str) -> bool:
    """Whether a CIP code is a program a school could list (not a medical residency or fellowship)."""
    return code[:2] not in rules().not_school_programs


def title_names(code: str, title: str, listed: str | None) -> tuple[list[str], list[str]]:
    """A program's names: the pieces of its title (its alternatives, split at "/"; a single word such as
    "Administration" is no name, and a residual ", Other" program's title is kept whole, since its pieces are
    its siblings' words), and its other names: NCES's examples, the title as schools shorten it, and the
    everyday names in the rules."""
    plain = _BOTH_ROLES.sub(r"\1", title)
    pieces = [] if title.endswith(", Other") or "/" not in plain else [
        part.strip(" -") for part in plain.split("/") if " " in part.strip(" -")]
    examples = [_ACRONYM.sub("", e).strip(" -,") for e in (listed or "").removeprefix("Examples:").split(", -")]
    names = [e for e in examples if e] + shortened([title, *pieces]) + rules().also_called.get(code, [])
    return [p for p in pieces if p != title], list(dict.fromkeys(names))


def shortened(names: Iterable[str]) -> list[str]:
    """Names as schools shorten them: without the words between a field and its role that a school leaves
    unsaid ("Automotive Mechanics Technology" is taught as "Automotive Technology")."""
    unsaid = set(rules().unsaid)
    out = []
    for name in names:
        kept = [w for w in name.split() if w.lower().strip(",") not in unsaid]
        short = " ".join(kept).strip(" ,")
        if short and kept != name.split() and len(kept) >= 2:
            out.append(short)
    return list(dict.fromkeys(out))


def general_names(groups: Iterable[tuple[str, str]], programs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Other names of each general program: the title of the CIP family or series it stands for ("Construction
    Trades" for 46.0000 Construction Trades, General; "Vehicle Maintenance and Repair Technologies" for 47.0600),
    and its own title without ", General". ``groups`` are the (code, title) of 2- and 4-digit CIP codes,
    ``programs`` of 6-digit ones; a general program's code ends in 00, or its title in ", General"."""
    titles = {code: title for code, title in groups}
    names: dict[str, list[str]] = {}
    for code, title in programs:
        family, series = code[:2], code[:5]
        if code.endswith(".0000"):
            group = family
        elif code.endswith("00") or title.endswith(", General"):
            group = series
        else:
            continue
        found = [titles[group].title() if group in titles and titles[group].isupper() else titles.get(group, "")]
        if title.endswith(", General"):
            found.append(title.removesuffix(", General"))
        names[code] = [n for n in dict.fromkeys(found) if n and n.lower() != title.lower()]
    return names
