"""Programs of study on the web: the list (by sub-cluster), one program's page with its sequence grid, and its
downloads (the open file format, the flat CSV, a printed PDF). The planner for learners is ``web/planner.py``.

A CIP code is an instructional program (``/programs/{cip}``); a program of study is a sequence of courses that
uses one or more of them. The sub-cluster and CIP pages list the programs of study that belong to them. These
pages hold only what is imported, the same for everyone, so the server keeps them (``@shared``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from careerclusters.framework import Edition, Level, load_framework
from careerclusters.pos import catalogue as pos
from careerclusters.pos import files
from careerclusters.reports import html, pdf
from careerclusters.web.pages import render
from careerclusters.web.response_cache import shared

router = APIRouter(include_in_schema=False)
ProgramId = Annotated[str, Path(max_length=80)]
DOWNLOADS = {"yaml": "application/yaml; charset=utf-8", "json": "application/json",
             "csv": "text/csv; charset=utf-8", "pdf": "application/pdf"}


@router.get("/reports/program-of-study.css")
def stylesheet() -> Response:
    """The sequence grid's stylesheet: the page and the printed document share it."""
    return Response(html.POS_STYLESHEET.read_text(encoding="utf-8"), media_type="text/css",
                    headers={"Cache-Control": "public, max-age=86400"})


@router.get("/programs-of-study", response_class=HTMLResponse)
@shared
def programs_of_study(request: Request, subcluster: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
    conn = request.app.state.explorer.conn
    everything = pos.list_programs(conn)
    shown = pos.list_programs(conn, subcluster=subcluster) if subcluster else everything
    fw = load_framework()
    names = {n.id: n.name for n in fw.nodes(Edition.MODERN, Level.SUBCLUSTER)}
    offered = sorted({s for p in everything for s in p.subclusters if s in names}, key=lambda s: names[s])
    chosen = fw.get(subcluster, edition=Edition.MODERN, level=Level.SUBCLUSTER).id if subcluster else ""
    return render(request, "pos_list.html", title="Programs of study", programs=shown, total=len(everything),
                  subcluster_names=names, offered=offered, chosen=chosen)


@router.get("/programs-of-study/{program_id}.{fmt}")
@shared
def download(request: Request, program_id: ProgramId,
             fmt: Annotated[str, Path(pattern="^(yaml|json|csv|pdf)$")]) -> Response:
    """The program of study in the open file format (YAML, JSON), the flat CSV layout, or printed to PDF."""
    program = request.app.state.explorer.program_of_study(program_id)
    if fmt == "pdf":
        checker = request.app.state.explorer.pos_checker()
        data: bytes = pdf.render(html.program_of_study_document(program, checker.check(program), checker))
    else:
        data = files.render([program], fmt).encode("utf-8")
    return Response(data, media_type=DOWNLOADS[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{program.id}.{fmt}"'})


@router.get("/programs-of-study/{program_id}", response_class=HTMLResponse)
@shared
def program_of_study(request: Request, program_id: ProgramId) -> HTMLResponse:
    stored = pos.get(request.app.state.explorer.conn, program_id)
    checker = request.app.state.explorer.pos_checker()
    program = stored.program
    return render(request, "pos.html", title=program.title, program=program, stored=stored,
                  body=html.program_of_study_body(program, checker.check(program), checker))
