"""``careerclusters survey``: the interest survey in the terminal (resumable with a file), its items, and
scoring a file of answers. Bad answers print one line starting with ``error:`` and exit with code 2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.prompt import IntPrompt, Prompt
from rich.table import Table

from careerclusters.base import education
from careerclusters.base import languages as i18n
from careerclusters.base.commands import command
from careerclusters.base.errors import CareerClustersError
from careerclusters.base.formatting import money, spoken
from careerclusters.base.languages import LANGUAGES
from careerclusters.cli import common
from careerclusters.cli.common import console, parse_language, print_json, say, user_errors

if TYPE_CHECKING:
    from careerclusters.survey import Item
    from careerclusters.survey import scoring as survey
    from careerclusters.survey.data import SurveyData

app = typer.Typer(help="Find your cluster: a short interest survey that suggests clusters, jobs and programs.",
                  invoke_without_command=True)
LANG_HELP = f"Language of the survey: {' or '.join(LANGUAGES)}."
JSON = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _sheet(data: dict[str, Any], where: str) -> survey.SurveyAnswers:
    """Answers from a file's JSON: the API's body ({"answers": …, "education": …}) or a bare {item: value}."""
    from pydantic import ValidationError

    from careerclusters.survey import scoring as survey

    if not isinstance(data, dict):
        raise CareerClustersError(f"{where}: expected a JSON object of answers")
    body = data if "answers" in data else {"answers": data}
    body = {k: v for k, v in body.items() if k != "asked"}
    try:
        return survey.SurveyAnswers.model_validate(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        place = ".".join(str(p) for p in first["loc"]) or "answers"
        raise CareerClustersError(f"{where}: {place}: {first['msg']}") from None


def _read(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise CareerClustersError(f"{path}: cannot be read ({exc.strerror})") from None
    except json.JSONDecodeError as exc:
        raise CareerClustersError(f"{path}: not JSON (line {exc.lineno}: {exc.msg})") from None


def _data() -> SurveyData | None:
    from careerclusters.survey.data import SurveyData

    with common.open_store() as conn:
        return SurveyData.load(conn)


def print_result(result: survey.SurveyResult) -> None:
    """The result for people: the interest types in words, clusters and sub-clusters with reasons, jobs and
    programs, and where the other liked items fit."""
    _ = i18n.translator(result.lang).gettext
    with i18n.language(result.lang):
        _print_result(result, _)


def _print_result(result: survey.SurveyResult, _: Any) -> None:
    profile = Table(title=_("Your answers by interest type"), title_justify="left")
    profile.add_column(_("Interest type"))
    profile.add_column(_("You liked"), justify="right")
    profile.add_column(_("You disliked"), justify="right")
    for t in result.profile:
        top = f" [bold]({_('top')})[/bold]" if t.letter in result.top_types else ""
        profile.add_row(f"[bold]{t.name}[/bold]{top}\n[dim]{t.about}[/dim]", _("%(n)d of %(total)d") % {
            "n": t.liked, "total": t.items}, _("%(n)d of %(total)d") % {"n": t.disliked, "total": t.items})
    console.print(profile)
    for note in result.notes:
        console.print(f"[yellow]{note}[/yellow]")
    if not result.data_imported:
        say(f"(to add the official data: `{command('data fetch')}`)")
    if result.status == "cannot_tell":
        console.print(result.message)
        return
    console.print(f"\n[bold]{_('Your top clusters')}[/bold]")
    for n, c in enumerate(result.clusters, 1):
        console.print(f"{n}. [bold]{c.name}[/bold]")
        for r in c.reasons:
            console.print(f"   - {r.text}", highlight=False)
    console.print(f"\n[bold]{_('Sub-clusters to explore')}[/bold]")
    for n, s in enumerate(result.subclusters, 1):
        console.print(f"\n{n}. [bold]{s.name}[/bold] [dim]({s.cluster_name})[/dim]")
        for r in s.reasons:
            console.print(f"   - {r.text}", highlight=False)
        _print_jobs(s.occupations, _)
        if s.note:
            console.print(f"   [dim]{s.note}[/dim]")
        if s.programs:
            console.print(f"   {_('School and college programs that lead here:')} "
                          + "; ".join(f"{p.title} ({p.cip})" for p in s.programs), highlight=False)
    if result.elsewhere:
        console.print(f"\n[bold]{_('More things you picked')}[/bold]")
    for e in result.elsewhere:
        where = f" [dim]({e.cluster_name})[/dim]" if e.level == "subcluster" else ""
        console.print(f"\n[bold]{e.name}[/bold]{where}")
        for item in e.items:
            console.print("   - " + _("You picked “%(item)s”.") % {"item": item.text}, highlight=False)
        console.print(f"   - {e.text}", highlight=False)
        _print_jobs(e.occupations, _)


def _print_jobs(occupations: list[survey.OccupationFit], _: Any) -> None:
    if not occupations:
        return
    jobs = Table(show_edge=False, pad_edge=False)
    for heading in (_("Job"), _("Typical pay a year"), _("Openings a year, about"), _("School or training to start"),
                    _("Outlook")):
        jobs.add_column(heading)
    for o in occupations:
        jobs.add_row(f"{o.title} ({o.soc})", money(o.median_wage, o.wage_marker), spoken(
            None if o.openings_k is None else o.openings_k * 1000), education.plain(o.entry_education),
            _("Bright outlook") if o.bright_outlook else "—")
    console.print(jobs)


@app.callback()
@user_errors
def run(ctx: typer.Context,
        lang: Annotated[str, typer.Option("--lang", help=LANG_HELP)] = "en",
        resume: Annotated[Path | None, typer.Option(
            "--resume", help="Keep progress in this JSON file and continue from it; score it later with "
                             "`survey score --answers FILE`.")] = None) -> None:
    """Take the survey in the terminal: answer each activity, tick the checklist, see your results."""
    if ctx.invoked_subcommand is not None:
        return
    from careerclusters.survey import Answer, Part, load_instrument
    from careerclusters.survey import scoring as survey

    lang = parse_language(lang)
    _ = i18n.translator(lang).gettext
    instrument = load_instrument(lang)
    state: dict[str, Any] = {"lang": lang, "answers": {}, "asked": []}
    if resume is not None and resume.exists():
        state.update(_read(resume))
        _sheet(state, str(resume))
    asked = set(state["asked"])

    def save(item_ids: list[str]) -> None:
        state["asked"] = sorted(asked.union(item_ids))
        asked.update(item_ids)
        if resume is not None:
            resume.write_text(json.dumps(state, indent=2, ensure_ascii=False) + "\n", "utf-8")

    def record(item: Item, answer: int) -> None:
        if answer == Answer.NOT_SURE:
            state["answers"].pop(item.id, None)
        else:
            state["answers"][item.id] = answer

    console.print(f"[bold]{_('Find your cluster')}[/bold]")
    console.print(_("Your answers stay on this computer; nothing is sent anywhere.") if resume is None else
                  _("Your progress is saved in %(file)s: run the same command again to continue.") % {"file": resume})
    console.print(_("2 = Like, 1 = Not sure, 0 = Dislike"))
    for item in instrument.part(Part.INTEREST):
        if item.id not in asked:
            record(item, IntPrompt.ask(item.text, choices=["2", "1", "0"], default=1, show_choices=True))
            save([item.id])
    clusters = list(dict.fromkeys(i.cluster_id for i in instrument.part(Part.CLUSTER)))
    for cluster_id in clusters:
        group = [i for i in instrument.part(Part.CLUSTER) if i.cluster_id == cluster_id]
        if all(i.id in asked for i in group):
            continue
        _ask_checklist(instrument.name(cluster_id), group, record, lang)
        save([i.id for i in group])
    purpose = instrument.part(Part.PURPOSE)
    if not all(i.id in asked for i in purpose):
        _ask_checklist(_("What kind of difference do you want to make? Tick any that matter to you (optional)."),
                       purpose, record, lang)
        levels = ["", *instrument.education_levels()]
        console.print(_("What is the most school you plan to finish? (optional)"))
        for n, (_level, label) in enumerate(instrument.education, 1):
            console.print(f"  {n}. {label}")
        choice = IntPrompt.ask(_("Not sure yet") + " = 0", choices=[str(n) for n in range(len(levels))], default=0)
        state["education"] = levels[choice] or None
        state["wage_floor"] = _ask_wage(lang)
        save([i.id for i in purpose])
    print_result(survey.score(_sheet(state, "answers"), _data()))


def _ask_wage(lang: str) -> float | None:
    """The lowest pay, asked again until it reads ("40k", "$40,000", "40 mil" are fine)."""
    from careerclusters.survey import scoring as survey

    _ = i18n.translator(lang).gettext
    while True:
        try:
            return survey.parse_wage(Prompt.ask(_("Lowest yearly pay you would accept, in dollars (optional)"),
                                                default=""), lang)
        except survey.WageError as exc:
            console.print(f"[red]{exc}[/red]")


def _ask_checklist(title: str, items: list[Item], record: Any, lang: str) -> None:
    from careerclusters.survey import Answer

    _ = i18n.translator(lang).gettext
    console.print(f"\n[bold]{title}[/bold]")
    for n, item in enumerate(items, 1):
        console.print(f"  {n}. {item.text}", highlight=False)
    while True:
        text = Prompt.ask(_("Numbers of the ones that fit you, separated by spaces (Enter for none)"), default="")
        picked = text.replace(",", " ").split()
        if all(p.isdigit() and 1 <= int(p) <= len(items) for p in picked):
            break
    chosen = {int(p) for p in picked}
    for n, item in enumerate(items, 1):
        record(item, Answer.LIKE if n in chosen else Answer.NOT_SURE)


@app.command()
@user_errors
def items(lang: Annotated[str, typer.Option("--lang", help=LANG_HELP)] = "en", as_json: JSON = False) -> None:
    """List the survey's items with their part and key."""
    from careerclusters.survey import load_instrument

    instrument = load_instrument(parse_language(lang))
    if as_json:
        print_json([i.model_dump(mode="json") for i in instrument.items])
        return
    table = Table("id", "part", "key", "text")
    for i in instrument.items:
        table.add_row(i.id, i.part.value, i.key, i.text)
    console.print(table)


@app.command()
@user_errors
def score(answers: Annotated[Path, typer.Option("--answers", help="JSON file: {item_id: 0|1|2} or the API's body.")],
          lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None, as_json: JSON = False) -> None:
    """Score a file of answers (0 dislike, 1 not sure, 2 like) and print the results."""
    from careerclusters.survey import scoring as survey

    data = _read(answers)
    if lang is not None and isinstance(data, dict):
        data = (data if "answers" in data else {"answers": data}) | {"lang": parse_language(lang)}
    result = survey.score(_sheet(data, str(answers)), _data())
    if as_json:
        print_json(result.model_dump(mode="json"))
    else:
        print_result(result)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="survey")
