"""Occupation, program and industry codes in the forms people and spreadsheets write them."""

from __future__ import annotations

import pytest

from careerclusters.base.codes import CodeError, cip_code, naics_code, occupation_code


def test_code_forms() -> None:
    assert occupation_code("29-1141") == ("29-1141", None)
    assert occupation_code("29114100") == ("29-1141", "29-1141.00")
    assert occupation_code(" 29-1141.03 ") == ("29-1141", "29-1141.03")
    assert cip_code('="51.3801"') == "51.3801" and cip_code("513801") == "51.3801"
    assert naics_code("32") == "31-33" and naics_code("62") == "62"
    for bad in ("nurse", "29-114", "29-1141.0"):
        with pytest.raises(CodeError):
            occupation_code(bad)
