"""The words a person reads about a move, in the language being rendered (``base.languages``): each part's label
and what earned its points, the education step, why a move is outside the preferences, and the notes on whose
figures these are. English is the source; the catalogues translate them."""

from __future__ import annotations

from functools import cache

from careerclusters.base.formatting import count, money
from careerclusters.base.languages import current
from careerclusters.base.languages import gettext as _
from careerclusters.changers.model import Demand, Pay


@cache
def _vocabulary(lang: str) -> dict[str, dict[str, str]]:
    """The words for each value a move's fields take, translated once per language (``lang`` keys the cache;
    ``gettext`` follows the language being rendered)."""
    return {
        "parts": {"activities": _("Work you already do"), "technologies": _("Technology you already use"),
                  "ratings": _("Skills profile"), "related": _("O*NET lists it as related"),
                  "openings": _("Openings"), "preparation": _("Education step"), "pay": _("Pay")},
        "tiers": {"Primary-Short": _("one of the most closely related"), "Primary-Long": _("closely related"),
                  "Supplemental": _("also related")},
        "education": {  # BLS's typical entry education, in BLS's own words in English
            "No formal educational credential": _("No formal educational credential"),
            "High school diploma or equivalent": _("High school diploma or equivalent"),
            "Some college, no degree": _("Some college, no degree"),
            "Postsecondary nondegree award": _("Postsecondary nondegree award"),
            "Associate's degree": _("Associate's degree"),
            "Bachelor's degree": _("Bachelor's degree"),
            "Master's degree": _("Master's degree"),
            "Doctoral or professional degree": _("Doctoral or professional degree"),
        },
        "choices": {"none": _("No more school"), "certificate": _("A certificate (a year or less)"),
                    "associate": _("An associate's degree (2 years)"),
                    "bachelor": _("A bachelor's degree (4 years)"), "master": _("A master's degree"),
                    "doctoral": _("A doctoral or professional degree")},
    }


def _words(kind: str) -> dict[str, str]:
    return _vocabulary(current())[kind]


def part_label(name: str) -> str:
    return _words("parts")[name]


def tier(name: str | None) -> str:
    """O*NET's relatedness tier in words."""
    return _words("tiers").get(name or "", name or "")


def education(level: str | None) -> str:
    """BLS's typical entry education, translated."""
    return _words("education").get(level or "", level or _("not stated"))


def choice(name: str) -> str:
    """One of the choices of how much education a person would add."""
    return _words("choices")[name]


def dollars(value: float) -> str:
    """A yearly amount or difference to the dollar ('$13,110'): pay differences are never hourly."""
    return f"${value:,.0f}"


def pay_amount(pay: Pay | None) -> str:
    if pay is None:
        return "—"
    if pay.median is not None:
        return money(pay.median)
    return {"top_coded": _("top of range or more"), "not_released": _("not released")}.get(pay.marker or "", "—")


def activities_detail(shared: int, total: int) -> str:
    if not shared:
        return _("None of its %(total)d work activities is one your job lists") % {"total": total}
    return _("You already do %(shared)d of its %(total)d work activities") % {"shared": shared, "total": total}


def technologies_detail(shared: int, total: int) -> str:
    if not total:
        return _("O*NET lists no technologies for it")
    if not shared:
        return _("None of its %(total)d technologies is one your job lists") % {"total": total}
    return _("You already use %(shared)d of its %(total)d technologies") % {"shared": shared, "total": total}


def ratings_detail(similarity: float) -> str:
    return _("Its skills, knowledge and abilities are %(percent)d%% like your job's (by importance)") % {
        "percent": round(100 * similarity)}


def related_detail(name: str | None) -> str:
    if not name:
        return _("Not on O*NET's list of occupations related to your job")
    return _("O*NET's analysts list it as %(tier)s to your job") % {"tier": tier(name)}


def openings_detail(demand: Demand | None, area: str | None) -> str:
    """The openings the part weighs, with the jobs they come from (openings grow with them)."""
    if demand is None or demand.openings is None:
        return _("No openings figure for %(area)s") % {"area": area} if area else _("No openings figure")
    figures = {"openings": count(demand.openings), "jobs": count(demand.employment), "area": area}
    if demand.estimate:
        if demand.employment is None:
            return _("About %(openings)s openings a year in %(area)s (an estimate)") % figures
        return _("About %(openings)s openings a year among %(jobs)s jobs in %(area)s (openings: an estimate)") % \
            figures
    if demand.employment is None:
        return _("About %(openings)s openings a year in the United States") % figures
    return _("About %(openings)s openings a year among %(jobs)s jobs in the United States") % figures


def preparation_detail(step: str | None, years: float) -> str:
    if step is None:
        return _("Needs no more education than your job typically does")
    if round(years) == 1:
        return _("Typically needs: %(step)s, about one more year of school") % {"step": education(step)}
    return _("Typically needs: %(step)s, about %(years)d more years of school") % {
        "step": education(step), "years": round(years)}


def pay_detail(change: float | None, basis: str | None) -> str:
    if change is None:
        return _("No pay figures to compare")
    where = _("in your area") if basis == "area" else _("nationally")
    if abs(change) < 500:
        return _("About the same median pay %(where)s") % {"where": where}
    if change > 0:
        return _("Median pay %(amount)s a year more %(where)s") % {"amount": dollars(change), "where": where}
    return _("Median pay %(amount)s a year less %(where)s") % {"amount": dollars(-change), "where": where}


def outside_reason(reason: str, step: str | None, pay: Pay | None, floor: float | None) -> str:
    if reason == "education":
        return _("Needs %(step)s, more school than you chose") % {"step": education(step)}
    return _("Median pay %(pay)s, under your floor of %(floor)s") % {"pay": pay_amount(pay),
                                                                     "floor": dollars(floor or 0)}


def military() -> str:
    """Told to a person whose words say they served (``NextJobs.military``), above their list."""
    return _("Served in the military? O*NET does not describe military jobs in enough detail to compare them, so "
             "this list starts from a civilian job. For a closer list, type the civilian job nearest to the work "
             "you did, such as vehicle mechanic, supply clerk or security guard.")


def notes(area: str | None, ratings_used: bool, specialties: bool) -> list[str]:
    """Whose figures these are, and what the comparison leaves out."""
    found = [_("Pay and jobs in %(area)s are OEWS figures for that area; its openings are estimates: national "
               "projections scaled to the area's jobs. Growth is projected for the nation only.") % {"area": area}
             if area else _("Pay, jobs and openings are national figures from the Bureau of Labor Statistics.")]
    if specialties:
        found.append(_("BLS publishes figures by SOC code, so an O*NET specialty (a code not ending in .00) shows "
                       "the figures of its whole occupation."))
    if not ratings_used:
        found.append(_("O*NET's skill, knowledge and ability ratings are not in this data, so the skills profile "
                       "is not part of the score."))
    return found
