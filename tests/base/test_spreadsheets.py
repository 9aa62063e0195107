"""Spreadsheet safety: formula-like text is written as text (a leading quote), real numbers stay numeric, and
``raw`` writes cells unchanged."""

from __future__ import annotations

import io

import pytest

from careerclusters.base.spreadsheets import SafeDictWriter, SafeWriter, safe_cell
from tests.helpers import HYPERLINK


@pytest.mark.parametrize(("value", "shown"), [
    (HYPERLINK, "'" + HYPERLINK), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("-2+3", "'-2+3"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("- Registered Nurse", "'- Registered Nurse"),
    ("-3.5", "-3.5"), ("+12", "+12"), ("1e-3", "1e-3"), (-3.5, -3.5), (97550, 97550), ("Registered Nurses",
                                                                                        "Registered Nurses"),
])
def test_safe_cell(value: object, shown: object) -> None:
    assert safe_cell(value) == shown


def test_writers_neutralise_and_raw_keeps() -> None:
    for raw, expected in ((False, "'=1+1,-3.5,'@x\n"), (True, "=1+1,-3.5,@x\n")):
        out = io.StringIO()
        SafeWriter(out, raw=raw).writerow(["=1+1", "-3.5", "@x"])
        assert out.getvalue() == expected
    out = io.StringIO()
    writer = SafeDictWriter(out, ["=name", "wage"])
    writer.writeheader()
    writer.writerow({"=name": "+SUM(A1)", "wage": -3.5})
    assert out.getvalue() == "'=name,wage\n'+SUM(A1),-3.5\n"
