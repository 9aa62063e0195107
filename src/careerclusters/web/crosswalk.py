"""Occupation and program (CIP) pages: what the crosswalks link to each, with wages, outlook, charts and, with
``?area=``, an area's figures."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from careerclusters.base import languages as i18n
from careerclusters.crosswalk import serving
from careerclusters.http.caching import shared
from careerclusters.labor import industries
from careerclusters.pos import catalogue
from careerclusters.reports.words import occupation_title
from careerclusters.survey.scoring import type_name, type_nickname
from careerclusters.web.charts import page_charts
from careerclusters.web.labor import area_panel
from careerclusters.web.rendering import AreaQuery, context, render

router = APIRouter(include_in_schema=False)
#: The official data each page shows; a page names what of it the store lacks.
OCCUPATION_DATA = ("onet-db", "bls-oews", "bls-projections")
PROGRAM_DATA = ("nces-cip", "nces-cip-soc", "bls-oews", "bls-projections")
AREAS = ("bls-oews-areas",)  # when a page is asked for an area's figures (``?area=``)


@router.get("/occupations/{code}", response_class=HTMLResponse)
@shared
def occupation_page(request: Request, code: str, area: AreaQuery = "") -> HTMLResponse:
    ctx = context(request)
    lang = i18n.current()
    occupation = serving.occupation(ctx, code)
    return render(request, "occupation.html", needs=OCCUPATION_DATA + (AREAS if area else ()), occ=occupation,
                  title=occupation_title(ctx.conn, occupation.onet_soc or occupation.soc, occupation.title),
                  interests=[f"{type_name(letter, lang)} ({type_nickname(letter, lang)})"
                             for letter in occupation.riasec_code or ""],
                  charts=page_charts(ctx, "occupations", code), chart_base=i18n.url(f"/occupations/{code}"),
                  panel=area_panel(ctx, "occupation", occupation.soc, area),
                  sectors=industries.national_sectors(ctx.conn, occupation.soc))


@router.get("/programs/{cip}", response_class=HTMLResponse)
@shared
def program_page(request: Request, cip: str, area: AreaQuery = "") -> HTMLResponse:
    ctx = context(request)
    program = serving.program(ctx, cip)
    return render(request, "program.html", needs=PROGRAM_DATA + (AREAS if area else ()), prog=program,
                  title=program.title, pos_scope=i18n.gettext("use this CIP code"),
                  programs_of_study=catalogue.list_programs(ctx.conn, cip=program.cip),
                  charts=page_charts(ctx, "programs", cip), chart_base=i18n.url(f"/programs/{cip}"),
                  panel=area_panel(ctx, "program", program.cip, area))
