"""Whose pay a group's typical wage is (``labor.pay``): the employment-weighted median of its occupations' medians,
and the one or two occupations that set it when they hold most of its jobs."""

from __future__ import annotations

from careerclusters.labor.pay import Earner, GroupPay, group_pay


def test_two_large_occupations_set_the_figure_and_are_named() -> None:
    design = [Earner("Software Developers", 135_980, 1693.8), Earner("Managers, All Other", 141_900, 1333.7),
              Earner("Graphic Designers", 62_960, 265.9), Earner("Photographers", 44_660, 151.2)]
    assert group_pay(design) == GroupPay(135_980, False, ("Software Developers", "Managers, All Other"), 0.879)


def test_many_occupations_set_no_one_and_none_is_named() -> None:
    spread = [Earner(f"Job {n}", 40_000 + 5_000 * n, 100) for n in range(8)]
    assert group_pay(spread) == GroupPay(55_000, False, (), None)


def test_large_occupations_that_do_not_hold_the_median_are_not_blamed_for_it() -> None:
    """Two occupations hold 80% of the jobs, at the two ends of the pay range: the median is the others' pay."""
    group = [Earner("Cashiers", 30_000, 40), Earner("Surgeons", 240_000, 40), Earner("Nurses", 60_000, 20)]
    assert group_pay(group) == GroupPay(60_000, False, (), None)


def test_top_coded_and_unreleased_wages_keep_their_meaning() -> None:
    """A top-coded median (BLS: at or above the top of the range) is at least that, never a number; a wage BLS did
    not release counts for the jobs but not for the median."""
    top = group_pay([Earner("Surgeons", float("inf"), 60), Earner("Nurses", 90_000, 40)])
    assert top == GroupPay(None, True, ("Surgeons",), 0.6)
    unreleased = group_pay([Earner("Actors", None, 70), Earner("Dancers", 40_000, 30)])
    assert unreleased == GroupPay(40_000, False, (), None)  # Actors hold most jobs but not the median's
    assert group_pay([Earner("Actors", None, 70)]) == GroupPay(None, False, (), None)
