"""The chart service on the real data: summaries written from the real figures, honest markers (a wage
not released is never drawn, let alone at 0; a top-coded one is drawn and told as "or more"), and SVG that
a strict Content-Security-Policy allows."""

from __future__ import annotations

import re
import sqlite3

import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from careerclusters import charts
from careerclusters.charts import svg
from careerclusters.crosswalk import answers
from careerclusters.framework import Level, load_framework

HIGHEST = 742_310.0  # the highest annual figure in OEWS May 2025 (Athletes, 90th percentile)


def drawn(spec: charts.ChartSpec) -> Figure:
    figure = Figure(figsize=spec.size)
    spec.draw(figure)
    return figure


def bars(figure: Figure) -> list[Rectangle]:
    return [p for axes in figure.axes for p in axes.patches if isinstance(p, Rectangle)]


def points(figure: Figure) -> list[tuple[float, float]]:
    return [tuple(xy) for axes in figure.axes for c in axes.collections for xy in c.get_offsets()]


def arrows(figure: Figure) -> list[tuple[float, float]]:
    """Where the "or more" arrows start: annotations with an arrow head (leader lines have none)."""
    return [t.xyann for axes in figure.axes for t in axes.texts
            if getattr(t, "arrowprops", None) and t.arrowprops.get("arrowstyle") == "-|>"]


def csp_safe(markup: str) -> None:
    assert "<style" not in markup and " style=" not in markup and "<script" not in markup
    assert "javascript:" not in markup and " on" not in re.sub(r'"[^"]*"', '""', markup).replace(" on ", "")


@pytest.fixture(scope="module")
def national(imported_db):
    from careerclusters.store import connect

    conn = connect(imported_db, readonly=True)
    yield answers.national(conn)
    conn.close()


def test_national_yardstick_is_all_occupations(national) -> None:
    assert national.wage.soc == "00-0000" and national.wage.annual_median == 50980
    assert national.outlook.employment_base_k == 169956.1 and national.highest_wage == HIGHEST


def test_wage_range_of_registered_nurses(conn, national) -> None:
    nurse = answers.occupation(conn, "29-1141")
    spec = charts.wage_range(nurse.title, nurse.wage, national)
    assert spec.summary.startswith("Half of Registered Nurses earn between $80,330 and $112,350 a year; the "
                                   "median is $97,550. The median is 1.9 times the median for all occupations "
                                   "($50,980).")
    assert [(r[0].text, r[1].text) for r in spec.table.rows] == [
        ("10th percentile", "$68,940"), ("25th percentile", "$80,330"), ("Median", "$97,550"),
        ("75th percentile", "$112,350"), ("90th percentile", "$137,470"), ("Median, all occupations", "$50,980")]
    figure = drawn(spec)
    assert arrows(figure) == []  # nothing top-coded
    outer, middle = bars(figure)
    assert (outer.get_x(), outer.get_x() + outer.get_width()) == (68940, 137470)
    assert (middle.get_x(), middle.get_x() + middle.get_width()) == (80330, 112350)


def test_wage_not_released_is_told_and_not_drawn(conn, national) -> None:
    actors = answers.occupation(conn, "27-2011")
    spec = charts.wage_range(actors.title, actors.wage, national)
    assert spec.summary.startswith("BLS did not release annual wages for Actors; it publishes hourly wages only "
                                   "(median $29.05 an hour).")
    assert {r[1].text for r in spec.table.rows[:5]} == {"not released"}
    assert bars(drawn(spec)) == []  # no bar at all, least of all one from 0


def test_scatter_leaves_out_wages_not_released(conn) -> None:
    arts = answers.contents(conn, "performing-arts", Level.SUBCLUSTER)
    actors = next(o for o in arts.occupations if o.soc == "27-2011")
    assert actors.median_wage is None and actors.wage_marker == "not_released"
    spec = charts.occupations_scatter("Performing Arts", arts.occupations, HIGHEST)
    figure = drawn(spec)
    plotted = points(figure)
    assert len(plotted) == 14 and min(y for _x, y in plotted) > 0
    assert "4 jobs are not in the chart because BLS has not released its pay or its openings" in spec.summary
    assert [c.text for c in next(r for r in spec.table.rows if r[0].text == "Actors")][:2] == ["Actors", "not released"]
    chart = charts.render(spec)
    assert 'href="/occupations/27-2011"' not in chart.svg
    assert 'href="/occupations/27-2022"' in chart.svg  # Coaches and Scouts


def test_top_coded_wage_is_drawn_as_at_least(conn, national) -> None:
    surgeon = answers.occupation(conn, "29-1249").wage  # Surgeons, All Other
    top_coded = surgeon.model_copy(update={"annual_pct75": None, "annual_pct90": None,
                                           "markers": {"a_pct75": "top_coded", "a_pct90": "top_coded"}})
    spec = charts.wage_range("Surgeons", top_coded, national)
    table = {r[0].text: r[1].text for r in spec.table.rows}
    assert table["75th percentile"] == table["90th percentile"] == "$742,310 or more"
    assert "shown as “or more”" in spec.summary
    figure = drawn(spec)
    outer = bars(figure)[0]
    assert outer.get_x() + outer.get_width() == HIGHEST  # the bar ends at the bound, then an arrow goes on
    assert arrows(figure) == [(HIGHEST, 0)]


def test_top_coded_without_a_known_bound_is_at_least_the_figure_below(conn, national) -> None:
    nurse = answers.occupation(conn, "29-1141").wage
    capped = nurse.model_copy(update={"annual_pct90": None, "markers": {"a_pct90": "top_coded"}})
    spec = charts.wage_range("Registered Nurses", capped, national.model_copy(update={"highest_wage": None}))
    assert {r[0].text: r[1].text for r in spec.table.rows}["90th percentile"] == "$112,350 or more"


def test_top_coded_median_in_a_scatter_points_up(conn) -> None:
    physical = answers.contents(conn, "physical-health", Level.SUBCLUSTER).occupations
    capped = [o.model_copy(update={"median_wage": None, "wage_marker": "top_coded"}) if o.soc == "29-1249" else o
              for o in physical]
    spec = charts.occupations_scatter("Physical Health", capped, HIGHEST)
    row = next(r for r in spec.table.rows if r[0].href == "/occupations/29-1249")
    assert row[1].text == "$742,310 or more"
    figure = drawn(spec)
    assert (0.6, HIGHEST) in points(figure)  # Surgeons, All Other: 600 openings a year, at the bound
    assert arrows(figure) == [(0.6, HIGHEST)]  # pointing up from there


def test_scatter_points_are_links_with_names(conn) -> None:
    physical = answers.contents(conn, "physical-health", Level.SUBCLUSTER).occupations
    chart = charts.render(charts.occupations_scatter("Physical Health", physical, HIGHEST))
    csp_safe(chart.svg)
    assert chart.svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert 'role="group" aria-labelledby="chart-occupations-title chart-occupations-summary"' in chart.svg
    assert ('<a href="/occupations/29-1141"><title>Registered Nurses: median wage $97,550, 189,100 openings a '
            "year, Bachelor's degree</title>") in chart.svg
    assert "Registered Nurses have the most openings" not in chart.spec.summary  # Nursing Assistants have more
    assert "Nursing Assistants have the most openings, 204,100 a year." in chart.spec.summary
    assert chart.svg.count("<a ") == 85


def cluster_chart(conn: sqlite3.Connection, cluster_id: str) -> charts.ChartSpec:
    """The cluster page's chart of its sub-clusters by jobs and pay."""
    fw = load_framework()
    cluster = fw.get(cluster_id)
    subs = [(s.name, f"/subclusters/{s.id}", answers.contents(conn, s.id, Level.SUBCLUSTER).occupations)
            for s in fw.children(cluster)]
    return charts.subclusters_by_size_and_pay(cluster.name, subs, charts.grouping_colour(cluster.parent_id), HIGHEST)


def test_cluster_subclusters_by_size_and_pay(conn) -> None:
    spec = cluster_chart(conn, "healthcare-human-services")
    assert ("Physical Health is the largest, with 12.0 million jobs. Biotechnology Research & Development pays "
            "best: typical pay of $103,410 a year.") in spec.summary
    physical = next(r for r in spec.table.rows if r[0].text == "Physical Health")
    assert [c.text for c in physical] == ["Physical Health", "12.0 million", "$97,550", "many occupations", "87 of 87"]
    assert {b.get_facecolor()[:3] for b in bars(drawn(spec))} == {(178 / 255, 60 / 255, 23 / 255)}  # the wheel's


def test_a_typical_wage_set_by_one_or_two_occupations_says_whose_it_is(conn) -> None:
    """Design & Digital Arts "pays best" only because software developers and managers hold four in five of its
    jobs: the summary and the table say so, and name the best-paid sub-cluster whose figure is its own."""
    spec = cluster_chart(conn, "arts-entertainment-design")
    assert ("Design & Digital Arts has the highest typical pay, $135,980 a year, but that is the pay of Software "
            "Developers and Managers, All Other, who hold 79.9% of its jobs. Of the sub-clusters whose pay is not "
            "set by one or two jobs, Media Production & Broadcasting pays best, $75,420.") in spec.summary
    assert "Design & Digital Arts pays best" not in spec.summary
    design = next(r for r in spec.table.rows if r[0].text == "Design & Digital Arts")
    assert design[3].text == "Software Developers and Managers, All Other (79.9% of its jobs)"


def test_program_chart_of_registered_nursing(conn) -> None:
    program = answers.program(conn, "51.3801")
    spec = charts.program_occupations(program.title, program.occupations, HIGHEST)
    assert spec.summary == ("Registered Nursing/Registered Nurse leads to 2 occupations. Registered Nurses have "
                            "the most openings, 189,100 a year, at a median wage of $97,550.")


def test_every_chart_is_csp_safe_and_named(conn, national) -> None:
    nurse = answers.occupation(conn, "29-1141")
    specs = [charts.wage_range(nurse.title, nurse.wage, national), charts.outlook(nurse.title, nurse.outlook),
             charts.interest_profile(nurse.title, nurse.riasec)]
    for spec in specs:
        chart = charts.render(spec)
        csp_safe(chart.svg)
        assert f'role="img" aria-labelledby="chart-{spec.name}-title chart-{spec.name}-summary"' in chart.svg
        assert "<a " not in chart.svg and ' id="' not in chart.svg.replace(f' id="chart-{spec.name}-', "")
        standalone = charts.standalone_svg(spec)
        csp_safe(standalone)
        assert f"<title id=\"{spec.name}-title\">{spec.title}</title>" in standalone
    assert specs[1].summary.startswith("Registered Nurses held 3.39 million jobs in 2024, projected to grow 4.9% to "
                                       "3.56 million by 2034, with about 189,100 openings a year")
    assert specs[2].summary.startswith("The strongest interests for Registered Nurses are Social (7.0), "
                                       "Investigative (5.7), Conventional (4.7)")


def test_png_download_is_an_image(conn, national) -> None:
    nurse = answers.occupation(conn, "29-1141")
    image = charts.png(charts.wage_range(nurse.title, nurse.wage, national))
    assert image[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(image[16:20], "big")
    assert width == 7.6 * 200  # inches × dpi: sharp in print


def test_unknown_style_property_fails_loudly() -> None:
    raw = b'<svg xmlns="http://www.w3.org/2000/svg"><path d="M 0 0" style="mix-blend-mode: multiply"/></svg>'
    with pytest.raises(ValueError, match="mix-blend-mode"):
        svg.clean(raw, "x", [])
    kept = svg.clean(b'<svg xmlns="http://www.w3.org/2000/svg"><defs><style type="text/css">*{stroke-linecap: '
                     b'butt}</style></defs><path d="M 0.123456 0" style="fill: #fff; stroke-width: 0.8"/></svg>',
                     "x", [])
    path = kept.find("{http://www.w3.org/2000/svg}path")
    assert (path.get("fill"), path.get("stroke-width"), path.get("d")) == ("#fff", "0.8", "M 0.12 0")
    assert kept.get("stroke-linecap") == "butt"
