"""Reading the codes people type: SOC, O*NET-SOC, CIP and NAICS, written the many ways they are."""

from __future__ import annotations

import re

from careerclusters.base.errors import CareerClustersError


class CodeError(CareerClustersError):
    """A code that is not in any form of the system it should belong to."""


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text.strip().removeprefix("=").strip('"'))


def occupation_code(text: str) -> tuple[str, str | None]:
    """``(soc, onet_soc or None)`` from ``29-1141``, ``29-1141.00``, ``291141`` or ``29114100``."""
    digits = _digits(text)
    if re.fullmatch(r"\d{6}", digits) and not re.search(r"\.\d", text):
        return f"{digits[:2]}-{digits[2:]}", None
    if re.fullmatch(r"\d{8}", digits):
        return f"{digits[:2]}-{digits[2:6]}", f"{digits[:2]}-{digits[2:6]}.{digits[6:]}"
    raise CodeError(f"{text!r} is not an occupation code: use SOC (29-1141) or O*NET-SOC (29-1141.00)")


def cip_code(text: str) -> str:
    """``51.3801`` from ``51.3801``, ``513801`` or ``="51.3801"``."""
    digits = _digits(text)
    if re.fullmatch(r"\d{6}", digits):
        return f"{digits[:2]}.{digits[2:]}"
    raise CodeError(f"{text!r} is not a CIP 2020 program code: use the 6-digit form, such as 51.3801")


#: NAICS sectors that span several 2-digit codes, as the crosswalks write them.
_SPANS = {"31": "31-33", "32": "31-33", "33": "31-33", "44": "44-45", "45": "44-45", "48": "48-49", "49": "48-49"}


def naics_code(text: str) -> str:
    """A 2-digit NAICS sector as the crosswalks write it (``62``, ``31-33``)."""
    cleaned = text.strip()
    if re.fullmatch(r"\d{2}-\d{2}", cleaned):
        return cleaned
    if re.fullmatch(r"\d{2,6}", cleaned):
        return _SPANS.get(cleaned[:2], cleaned[:2])
    raise CodeError(f"{text!r} is not a NAICS code: use a sector such as 62 or 31-33")
