"""The alignment report on the web: upload a CSV of programs, pick an area, read the report, download it.

Nothing is stored: the uploaded file is read in memory, and the download buttons on the result page carry the
programs back in the form (base64) so the report is rebuilt for each download rather than kept."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from careerclusters.alignment import analysis as alignment
from careerclusters.alignment.files import programs_csv, workbook
from careerclusters.base.errors import CareerClustersError
from careerclusters.base.tables import table_from_bytes
from careerclusters.classifier import serving as classifier_serving
from careerclusters.http.caching import shared
from careerclusters.labor import serving as labor_serving
from careerclusters.reports import html
from careerclusters.store import StoreError
from careerclusters.web.rendering import context, render

router = APIRouter(include_in_schema=False)
FORMATS = {"html": "text/html; charset=utf-8", "csv": "text/csv; charset=utf-8",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "pdf": "application/pdf"}


def _too_large(limit: int) -> HTTPException:
    return HTTPException(413, f"the file is larger than {limit // 1000:,} kB (CAREERCLUSTERS_MAX_UPLOAD_BYTES)")


def _decode(raw: bytes, limit: int, name: str) -> str:
    """The uploaded file as CSV text: CSV in any encoding Excel saves, or a workbook, whatever its name."""
    if len(raw) > limit:
        raise _too_large(limit)
    return table_from_bytes(raw, name).text


def _build(request: Request, content: str, area: str, file: str) -> alignment.AlignmentReport:
    ctx = context(request)
    programs = alignment.read_programs(content, file)
    limit = request.app.state.settings.max_upload_rows
    if len(programs) > limit:
        raise HTTPException(422, f"{file} has {len(programs):,} programs: at most {limit:,} a report "
                                 "(CAREERCLUSTERS_MAX_UPLOAD_ROWS)")
    classifier = None
    if not all(p.cip for p in programs):
        try:
            classifier = classifier_serving.classifier(ctx, "program")
        except StoreError:
            classifier = None  # the report says which rows it could not code
    return alignment.alignment(ctx.conn, area, programs, classifier=classifier)


@router.get("/reports/alignment", response_class=HTMLResponse)
@shared
def alignment_form(request: Request) -> HTMLResponse:
    areas = labor_serving.areas(context(request))
    return render(request, "report_form.html", title="Program alignment report", all_areas=areas)


@router.post("/reports/alignment", response_class=HTMLResponse)
async def alignment_result(request: Request, programs: Annotated[UploadFile, File()],
                           area: Annotated[str, Form(max_length=200)]) -> HTMLResponse:
    limit = request.app.state.settings.max_upload_bytes
    content = _decode(await programs.read(limit + 1), limit, programs.filename or "programs.csv")
    report = _build(request, content, area, programs.filename or "programs.csv")
    return render(request, "report_result.html", title=f"Program alignment: {report.area.name}",
                  body=html.alignment_body(report), area=area, formats=FORMATS,
                  programs_b64=base64.b64encode(content.encode("utf-8")).decode("ascii"))


@router.post("/reports/alignment/download")
def alignment_download(request: Request, programs: Annotated[str, Form()],
                       area: Annotated[str, Form(max_length=200)],
                       format: Annotated[str, Form(pattern="^(html|csv|xlsx|pdf)$")]) -> Response:
    if len(programs) > 2 * request.app.state.settings.max_upload_bytes:  # base64 is a third larger than the file
        raise _too_large(request.app.state.settings.max_upload_bytes)
    try:
        content = base64.b64decode(programs, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        raise CareerClustersError("the programs field is not the file the report page sent") from None
    report = _build(request, content, area, "programs.csv")
    if format == "csv":
        data: bytes = programs_csv(report).encode("utf-8")
    elif format == "xlsx":
        data = workbook(report)
    elif format == "pdf":
        from careerclusters.reports.pdf import render as render_pdf

        data = render_pdf(html.alignment_document(report))
    else:
        data = html.alignment_document(report).encode("utf-8")
    name = f"alignment-{report.area.code}.{format}"
    return Response(data, media_type=FORMATS[format], headers={"Content-Disposition": f'attachment; filename="{name}"'})
