"""Reports as standalone HTML documents (styles inlined from a file into one ``<link>``-free page would break
the web app's Content-Security-Policy, so the document links its stylesheet when served and embeds it only
when written to a file for printing or e-mail)."""

from __future__ import annotations

from datetime import date
from importlib import resources
from types import SimpleNamespace

from jinja2 import PackageLoader

from careerclusters import charts
from careerclusters.alignment.analysis import JUDGED, AlignmentReport
from careerclusters.base.templating import environment
from careerclusters.charts import areas as area_charts
from careerclusters.framework import load_framework
from careerclusters.pos import ProgramOfStudy
from careerclusters.pos.checker import Checker, Report
from careerclusters.reports import words

_env = environment(PackageLoader(__package__, "templates"), trim=True)
words.install(_env)
STYLESHEET = resources.files(__package__).joinpath("templates/report.css")


def alignment_body(report: AlignmentReport) -> str:
    """The report's content (no page chrome), for a web page to place inside its own layout. Its charts are
    inline SVG without style sheets or scripts, so the page keeps its Content-Security-Policy."""
    drawn = {spec.name: charts.render(spec) for spec in (area_charts.demand_and_supply(report),
                                                         area_charts.program_wages(report))}
    demand = sorted((d for d in report.subclusters if d.employment is not None),
                    key=lambda d: (-(d.at_levels.openings_estimate or 0), -(d.openings_estimate or 0)))
    shown = [d for d in demand if d.in_demand or d.programs or d.unconfirmed]
    return _env.get_template("_alignment.html").render(
        report=report, today=date.today(), charts=drawn, judged_verdicts=JUDGED, demand_shown=shown,
        demand_rest=[d for d in demand if d not in shown])


def alignment_document(report: AlignmentReport, *, stylesheet_url: str | None = None) -> str:
    """The report as a complete HTML document. With ``stylesheet_url`` the page links its stylesheet (as the
    web app serves it); without, the stylesheet is embedded so the file stands alone."""
    css = None if stylesheet_url else STYLESHEET.read_text(encoding="utf-8")
    return _env.get_template("alignment_document.html").render(
        report=report, today=date.today(), body=alignment_body(report), css=css, stylesheet_url=stylesheet_url)


POS_STYLESHEET = resources.files(__package__).joinpath("templates/program_of_study.css")


def program_of_study_body(program: ProgramOfStudy, report: Report, checker: Checker) -> str:
    """A program of study's sequence grid, credentials, occupations and findings (no page chrome), for the web
    page and the printed document alike; ``checker`` holds the SCED and CIP titles it names."""
    fw = load_framework()
    return _env.get_template("_program_of_study.html").render(
        program=program, report=report, courses=checker.ref.courses, cip_titles=checker.ref.cip_titles,
        subclusters=[fw.node(s) if s in checker.subclusters else SimpleNamespace(id=s, name=s)
                     for s in program.subclusters],
        pathway=fw.node(program.pathway) if program.pathway in checker.pathways else None)


def program_of_study_document(program: ProgramOfStudy, report: Report, checker: Checker) -> str:
    """A program of study as one standalone HTML document (stylesheets embedded) for printing to PDF."""
    css = STYLESHEET.read_text(encoding="utf-8") + POS_STYLESHEET.read_text(encoding="utf-8")
    return _env.get_template("program_of_study_document.html").render(
        program=program, css=css, body=program_of_study_body(program, report, checker))
