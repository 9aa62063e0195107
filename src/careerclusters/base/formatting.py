"""How figures read to people, shared by the command line and the pages."""

from __future__ import annotations


def money(value: float | None, marker: str | None = None) -> str:
    """A wage: '$97,550' or '$46.90', or what BLS's marker means when there is no figure."""
    if value is not None:
        return f"${value:,.0f}" if value >= 1000 else f"${value:,.2f}"
    return {"top_coded": "top of range or more", "not_released": "not released"}.get(marker or "", "—")


def figure(value: float | None, unit: str = "") -> str:
    return "—" if value is None else f"{value:,.1f}{unit}"


def count(value: float | None) -> str:
    """A count of jobs or openings, to the unit: '143,730'."""
    return "—" if value is None else f"{value:,.0f}"
