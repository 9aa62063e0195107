"""``careerclusters next JOB_OR_CODE``: the jobs a person could move to from the one they have, best first, with
what each shares with it, what it adds and the programs that lead there."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from careerclusters.cli import common
from careerclusters.cli.common import console, print_json, say, user_errors

if TYPE_CHECKING:
    from careerclusters.changers import NextJobs

CHOICES = "none, certificate, associate, bachelor, master or doctoral"


@user_errors
def next_(
    job: Annotated[str, typer.Argument(metavar="JOB_OR_CODE",
                                       help="Your job in your own words ('truck driver') or its code (53-3032).")],
    area: Annotated[str | None, typer.Option("--area", help="Weigh and show an area's pay and openings: OH, "
                                                            "'Columbus, OH' or a BLS area code.")] = None,
    education: Annotated[str | None, typer.Option("--education", help=f"The most education you would add: {CHOICES}. "
                                                  "Moves needing more are listed apart.")] = None,
    pay_floor: Annotated[str | None, typer.Option("--pay-floor", help="The lowest median pay a year you would take "
                                                  "(40000). Moves paying less are listed apart.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=100, help="How many moves to show.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON: every part of every score.")] = False,
) -> None:
    """The jobs you could move to from yours, ranked by the work they share, with what each adds."""
    from careerclusters.changers import next_jobs  # the ranking's numpy and scipy load only for this command

    with common.open_store() as conn:
        answer = next_jobs(conn, job, area=area, education=education, floor=pay_floor, limit=limit,
                           db_path=common.store_path())
    if as_json:
        print_json(answer.model_dump(mode="json"))
        return
    _print(answer)


def _print(answer: NextJobs) -> None:
    """Each move as a short block (readable at any terminal width): what it is, its pay and openings, the parts
    of its score, what it adds and the programs that lead there."""
    from careerclusters.base.formatting import count
    from careerclusters.changers.words import dollars, education, military, pay_amount

    src = answer.source
    if answer.readings:
        chosen = next(r for r in answer.readings if r.code == src.code)
        say(f"read {answer.asked!r} as {src.title} (confidence {chosen.confidence:.0%}); other readings: "
            + "; ".join(f"{r.code} {r.title} ({r.confidence:.0%})" for r in answer.readings if r.code != src.code))
    if answer.military:
        say(military())
    console.print(f"[bold]From {src.title}[/bold] ({src.code}): typically {education(src.preparation.entry_education)}"
                  f", median pay {pay_amount(src.pay)}" + (f" in {answer.area.name}" if answer.area else ""),
                  highlight=False)
    for number, d in enumerate(answer.destinations, start=1):
        lines = [f"[bold]{number}. {d.title}[/bold] ({d.code}), score {d.score:.1f}"]
        figures = [", ".join(s.name for s in d.subclusters) or "no sub-cluster"]
        if d.pay:
            sign = "+" if (d.pay_change or 0) >= 0 else "-"
            change = "" if d.pay_change is None else f" ({sign}{dollars(abs(d.pay_change))})"
            figures.append(f"median pay {pay_amount(d.pay)}{change}")
        if d.demand and d.demand.openings is not None:
            figures.append(f"{count(d.demand.openings)} openings a year{' (estimate)' if d.demand.estimate else ''}")
        lines.append("   " + " · ".join(figures))
        lines.append("   score: " + "; ".join(f"{p.label} {p.points:+.1f}" for p in d.parts if p.points))
        adds = [f"education: {education(d.education_step)}"] if d.education_step else []
        adds += [f"work: {a.title}" for a in d.new_activities[:2]]
        adds += [f"technology: {', '.join(t.name + (' (hot)' if t.hot else '') for t in d.new_technologies[:3])}"] \
            if d.new_technologies else []
        adds += [f"{g.element} ({g.domain}): level {g.level:.1f} where yours is {g.your_level:.1f}"
                 for g in d.rating_gaps[:2]]
        lines += [f"   adds {item}" for item in adds]
        lines += [f"   program {p.cip} {p.title}" for p in d.programs[:2]]
        console.print("\n".join(lines), highlight=False)
    if answer.outside_preferences:
        console.print("[bold]Also close, outside what you chose[/bold]")
        for d in answer.outside_preferences:
            console.print(f"   {d.title} ({d.code}): {'; '.join(d.outside)}", highlight=False)
    for note in answer.notes:
        console.print(f"[dim]{note}[/dim]", highlight=False)
    console.print("[dim]Similar work is not a job offer: talk with a counselor or an employer about what a move "
                  "takes where you live. --json shows every part of every score.[/dim]", highlight=False)


def register(root: typer.Typer) -> None:
    root.command("next")(next_)
