"""The alignment report on the web: upload the programs (CSV or an Excel workbook), pick the area and the
programs' level, read the report, download it.

The form reads what the command line reads (``base.uploads``): CSV in UTF-8 or Windows-1252, or an .xlsx
workbook, told apart by content. Whatever is wrong with the file, the area or the level comes back on the form
itself, beside the field, naming the file, with the area and level kept; never a dead-end page.

Nothing is stored: the upload is read in memory, and the download buttons on the result page carry the
programs back in the form (the table as CSV, base64) so the report is rebuilt for each download."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Request
from fastapi.datastructures import UploadFile
from fastapi.responses import HTMLResponse, Response

from careerclusters.alignment import analysis as alignment
from careerclusters.alignment.programs import read_programs
from careerclusters.alignment.rules import Rules, load_rules
from careerclusters.base.errors import CareerClustersError, SourceError
from careerclusters.base.languages import gettext as _
from careerclusters.base.tables import table_from_bytes
from careerclusters.classifier import serving as classifier_serving
from careerclusters.http.caching import shared
from careerclusters.http.errors import page_message
from careerclusters.labor import serving as labor_serving
from careerclusters.labor.areas import UnknownAreaError
from careerclusters.reports import html
from careerclusters.store import StoreError
from careerclusters.web.rendering import context, render

router = APIRouter(include_in_schema=False)
FORMATS = {"html": "text/html; charset=utf-8", "csv": "text/csv; charset=utf-8",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "pdf": "application/pdf"}
#: How much larger than the upload limit a workbook may unpack to (its parts are compressed XML).
UNPACK_RATIO = 20


@dataclass
class Problems:
    """What is wrong with the form, by field (``programs``, ``area``, ``level``), for the form to show, and the
    status to answer with (413 for a file over the size limit, else 422)."""

    by_field: dict[str, str] = field(default_factory=dict)
    status: int = 422


class TooLarge(SourceError):
    """The upload is over the size limit (``CAREERCLUSTERS_MAX_UPLOAD_BYTES``)."""


def _form(request: Request, *, area: str = "", level: str = "secondary", problems: Problems | None = None
          ) -> HTMLResponse:
    rules = load_rules()
    problems = problems or Problems()
    return render(request, "report_form.html", status_code=problems.status if problems.by_field else 200,
                  title=_("Program alignment report"), all_areas=labor_serving.areas(context(request)),
                  levels=list(rules.levels.programs), area=area, level=level, problems=problems.by_field)


@router.get("/reports/alignment", response_class=HTMLResponse)
@shared
def alignment_form(request: Request) -> HTMLResponse:
    return _form(request)


def _report(request: Request, content: str, file: str, area: str, level: str, rules: Rules
            ) -> alignment.AlignmentReport:
    """The report for an uploaded table; a ``CareerClustersError`` says what stops it."""
    ctx = context(request)
    programs = read_programs(content, file, rules, level)
    limit = request.app.state.settings.max_upload_rows
    if len(programs) > limit:
        raise CareerClustersError(_("{file} has {count} programs: at most {limit} a report "
                                    "(CAREERCLUSTERS_MAX_UPLOAD_ROWS)").format(file=file, count=f"{len(programs):,}",
                                                                              limit=f"{limit:,}"))
    classifier = None
    if not all(p.cip for p in programs):
        try:
            classifier = classifier_serving.classifier(ctx, "program")
        except StoreError:
            classifier = None  # the report flags the rows it could not code
    return alignment.alignment(ctx.conn, area, programs, rules=rules, classifier=classifier)


def _problems(exc: CareerClustersError, file: str) -> Problems:
    """Which field a problem belongs to (the area, or the programs file, named), for the form."""
    said = page_message(exc)  # what a visitor can act on; an operator's hint stays in the log and /status
    if isinstance(exc, UnknownAreaError | StoreError):
        return Problems({"area": said})
    message = said if said.startswith(file) else f"{file}: {said}"
    return Problems({"programs": message}, 413 if isinstance(exc, TooLarge) else 422)


@router.post("/reports/alignment", response_class=HTMLResponse)
async def alignment_result(request: Request, programs: Annotated[UploadFile, File()],
                           area: Annotated[str, Form(max_length=200)],
                           level: Annotated[str, Form(max_length=40)] = "secondary") -> HTMLResponse:
    limit = request.app.state.settings.max_upload_bytes
    file = programs.filename or "programs"
    rules = load_rules()
    try:
        chosen = rules.level(level)
    except CareerClustersError as exc:
        return _form(request, area=area, problems=Problems({"level": str(exc)}))
    raw = await programs.read(limit + 1)
    try:
        if len(raw) > limit:
            raise TooLarge(file, _("the file is larger than {limit} kB (CAREERCLUSTERS_MAX_UPLOAD_BYTES)")
                           .format(limit=f"{limit // 1000:,}"))
        table = table_from_bytes(raw, file, max_unpacked=limit * UNPACK_RATIO)
        report = _report(request, table.text, file, area, chosen, rules)
    except CareerClustersError as exc:
        return _form(request, area=area, level=chosen, problems=_problems(exc, file))
    return render(request, "report_result.html", title=_("Program alignment: %(area)s") % {"area": report.area.name},
                  body=html.alignment_body(report), area=area, level=chosen, formats=FORMATS, file=file,
                  read_as=table.read_as, programs_b64=base64.b64encode(table.text.encode("utf-8")).decode("ascii"))


@router.post("/reports/alignment/download")
def alignment_download(request: Request, programs: Annotated[str, Form()],
                       area: Annotated[str, Form(max_length=200)],
                       format: Annotated[str, Form(pattern="^(html|csv|xlsx|pdf)$")],
                       level: Annotated[str, Form(max_length=40)] = "secondary",
                       file: Annotated[str, Form(max_length=300)] = "programs.csv") -> Response:
    if len(programs) > 2 * request.app.state.settings.max_upload_bytes:  # base64 is a third larger than the file
        raise HTTPException(413, "the programs field is larger than a report accepts")
    try:
        content = base64.b64decode(programs, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        raise CareerClustersError("the programs field is not the file the report page sent") from None
    rules = load_rules()
    report = _report(request, content, file, area, rules.level(level), rules)
    from careerclusters.alignment.files import programs_csv, workbook  # openpyxl loads with the first download

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
