"""Each part of a move's score, on the small store of ``conftest.py``: what earns its points, that the score is their
sum, that the order is deterministic, and what keeps a move outside a person's preferences (shown, not dropped)."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import pytest

from careerclusters.changers import ChangeIndex, NotComparableError, UnknownOccupationError, load_rules, next_jobs
from careerclusters.changers.model import Reading
from careerclusters.changers.ranking import score_moves
from careerclusters.changers.resolve import served
from careerclusters.store import MissingDataError, connect

ALPHA = "11-1111.00"


@pytest.fixture()
def conn(small_store: Callable[..., Path]):
    connection = connect(small_store(), readonly=True)
    yield connection
    connection.close()


def _moves(conn, job: str = ALPHA, **options) -> dict:  # noqa: ANN001
    answer = next_jobs(conn, job, **options)
    return {d.code: d for d in answer.destinations} | {d.code: d for d in answer.outside_preferences}


def _points(move) -> dict[str, float]:  # noqa: ANN001
    return {p.name: p.points for p in move.parts}


def test_rare_shared_activities_count_more_than_ones_every_job_has(conn) -> None:
    moves = _moves(conn)
    beta, gamma = _points(moves["11-1112.00"]), _points(moves["11-1113.00"])
    # Five occupations have activities; "common" is done by four of them, "rare-a" by three, "rare-b" by two.
    idf = {"common": math.log(5 / 4), "rare-a": math.log(5 / 3), "rare-b": math.log(5 / 2), "own": math.log(5),
           "beta-only": math.log(5), "gamma-only": math.log(5)}
    alpha_norm = math.sqrt(sum(idf[d] ** 2 for d in ("common", "rare-a", "rare-b", "own")))
    beta_norm = math.sqrt(sum(idf[d] ** 2 for d in ("common", "rare-a", "rare-b", "beta-only")))
    shared = idf["common"] ** 2 + idf["rare-a"] ** 2 + idf["rare-b"] ** 2
    assert beta["activities"] == pytest.approx(100 * shared / (alpha_norm * beta_norm), abs=0.05)
    assert gamma["activities"] < 10 < beta["activities"]
    assert moves["11-1112.00"].shared_activity_count == 3 and moves["11-1112.00"].new_activity_count == 1
    assert [a.title for a in moves["11-1112.00"].shared_activities] == ["Secure cargo.", "Drive trucks.",
                                                                        "Keep records."]  # rarest first
    assert [a.title for a in moves["11-1112.00"].new_activities] == ["Load trailers."]


def test_shared_technologies_count_by_rarity_and_hot_ones_are_marked(conn) -> None:
    moves = _moves(conn)
    beta, gamma = moves["11-1112.00"], moves["11-1113.00"]
    assert _points(gamma)["technologies"] == 0.0  # Excel: every occupation with technologies lists it
    assert _points(beta)["technologies"] > 10  # RouteApp is Alpha's and Beta's alone
    assert [(t.name, t.hot) for t in beta.shared_technologies] == [("Microsoft Excel", True), ("RouteApp", False)]
    assert [(t.name, t.kind, t.hot) for t in beta.new_technologies] == [("FleetPro", "Fleet software", True)]
    assert "You already use 2 of its 3 technologies" in {p.detail for p in beta.parts}


def test_related_occupations_add_points_but_never_make_a_move_alone(conn) -> None:
    moves = _moves(conn)
    rules = load_rules()
    gamma = moves["11-1113.00"]
    assert _points(gamma)["related"] == rules.weights.related["Primary-Short"]
    assert gamma.related_tier == "Primary-Short"
    assert _points(moves["11-1112.00"])["related"] == 0.0
    assert "22-2221.00" not in moves  # listed by O*NET, but nothing in the work is shared
    assert "11-1119.00" not in moves and ALPHA not in moves


def test_openings_weigh_in_on_a_log_scale(conn) -> None:
    moves = _moves(conn)
    weight = load_rules().weights.openings
    gamma, delta = _points(moves["11-1113.00"])["openings"], _points(moves["11-1114.00"])["openings"]
    assert gamma == pytest.approx(weight, abs=0.05)  # the most openings of any occupation: 20,000 a year
    assert delta == pytest.approx(weight * math.log1p(1000) / math.log1p(20000), abs=0.05)
    assert moves["11-1113.00"].demand.openings == 20000 and not moves["11-1113.00"].demand.estimate


def test_an_education_step_costs_points_and_is_shown(conn) -> None:
    moves = _moves(conn)
    rules = load_rules()
    delta = moves["11-1114.00"]
    assert delta.education_step == "Bachelor's degree"
    assert _points(delta)["preparation"] == -4 * rules.weights.education_per_year  # high school to a bachelor's
    assert _points(moves["11-1112.00"])["preparation"] == 0.0 and moves["11-1112.00"].education_step is None
    assert "Typically needs: Bachelor's degree, about 4 more years of school" in {p.detail for p in delta.parts}


def test_pay_counts_on_a_log_scale_up_to_one_doubling(conn) -> None:
    moves = _moves(conn)
    weight = load_rules().weights.pay_per_doubling
    assert _points(moves["11-1114.00"])["pay"] == weight  # $100,000 against $50,000
    assert _points(moves["11-1113.00"])["pay"] == pytest.approx(weight * math.log2(40000 / 50000), abs=0.05)
    assert moves["11-1114.00"].pay_change == 50000 and moves["11-1114.00"].pay.basis == "national"


def test_the_score_is_the_sum_of_its_parts_and_the_order_follows_it(conn) -> None:
    answer = next_jobs(conn, ALPHA)
    scores = [d.score for d in answer.destinations]
    assert scores == sorted(scores, reverse=True)
    for move in answer.destinations:
        assert move.score == pytest.approx(sum(p.points for p in move.parts), abs=0.3)
        assert [p.name for p in move.parts] == ["activities", "technologies", "related", "openings", "preparation",
                                                "pay"]
    assert answer.destinations[0].code == "11-1112.00"
    assert next_jobs(conn, ALPHA).model_dump() == answer.model_dump()  # deterministic


def test_moves_outside_the_preferences_are_listed_apart_with_the_reason(conn) -> None:
    answer = next_jobs(conn, ALPHA, education="certificate", floor="45,000")
    kept = [d.code for d in answer.destinations]
    outside = {d.code: d.outside for d in answer.outside_preferences}
    assert kept == ["11-1112.00"]
    assert outside == {"11-1114.00": ["Needs Bachelor's degree, more school than you chose"],
                       "11-1113.00": ["Median pay $40,000, under your floor of $45,000"]}
    assert all(not d.fits for d in answer.outside_preferences)
    willing = next_jobs(conn, ALPHA, education="bachelor")
    assert "11-1114.00" in [d.code for d in willing.destinations] and willing.outside_preferences == []


def test_a_code_resolves_and_bad_codes_say_what_to_try(conn) -> None:
    assert next_jobs(conn, "11-1111").source.code == ALPHA  # a SOC code: its O*NET occupation
    with pytest.raises(UnknownOccupationError) as unknown:
        next_jobs(conn, "11-1115.00")
    assert unknown.value.suggestions[0] == "11-1111.00 Alpha Drivers"
    with pytest.raises(NotComparableError, match="Epsilon Workers, All Other"):
        next_jobs(conn, "11-1119")
    with pytest.raises(Exception, match="pay floor"):
        next_jobs(conn, ALPHA, floor="a lot")
    with pytest.raises(Exception, match="unknown education 'phd'"):
        next_jobs(conn, ALPHA, education="phd")


def test_a_person_who_served_is_told_to_type_the_closest_civilian_job() -> None:
    words = load_rules().readings.military_words
    civilian = Reading(code="53-3032.00", title="Truck Drivers", confidence=0.6, has_data=True)
    infantry = Reading(code="55-3016.00", title="Infantry", confidence=0.3, has_data=False)
    assert served("Army truck driver", [civilian], words) and served("U.S. Air Force mechanic", [], words)
    assert served("driver", [civilian, infantry], words)  # a reading that is a military occupation
    assert not served("truck driver", [civilian], words) and not served("armyworm scout", [], words)


def test_without_the_rating_files_the_ratings_part_is_left_out_and_said_so(conn) -> None:
    answer = next_jobs(conn, ALPHA)
    assert not answer.ratings_used
    assert all("ratings" not in _points(d) and d.rating_gaps == [] for d in answer.destinations)
    assert any("ratings are not in this data" in note for note in answer.notes)


def test_the_rating_files_add_profile_similarity_and_gaps(small_store: Callable[..., Path]) -> None:
    conn = connect(small_store(with_ratings=True), readonly=True)
    index = ChangeIndex.build(conn)
    assert set(index.ratings) == {"11-1111.00", "11-1112.00", "11-1114.00"}  # Gamma's only rating was suppressed
    assert index.ratings[ALPHA]["skills:2.A.1.a"].importance == 3.0
    answer = next_jobs(conn, ALPHA, index=index)
    moves = {d.code: d for d in answer.destinations}
    assert answer.ratings_used
    beta, delta = _points(moves["11-1112.00"]), _points(moves["11-1114.00"])
    assert beta["ratings"] > 25 and delta["ratings"] == 0.0  # Beta's profile follows Alpha's; Delta's runs against
    assert "ratings" not in _points(moves["11-1113.00"]) or _points(moves["11-1113.00"])["ratings"] == 0.0
    gaps = [(g.element, g.level, g.your_level) for g in moves["11-1114.00"].rating_gaps]
    assert gaps == [("Administration and Management", 5.0, 1.0), ("Reading Comprehension", 5.5, 3.0)]
    assert moves["11-1112.00"].rating_gaps == []  # nothing Beta needs is clearly above Alpha's level
    conn.close()


def test_an_area_uses_its_own_pay_and_estimated_openings(small_store: Callable[..., Path]) -> None:
    path = small_store()
    conn = connect(path)
    conn.execute("INSERT INTO oews_area VALUES ('0000000', 'national', '00', 'US', 'National'), "
                 "('0099999', 'metro', '39', 'OH', 'Smallville, OH')")
    for soc, national, local, median in (("11-1111", 100000, 1000, 60000), ("11-1112", 50000, 500, 70000),
                                         ("11-1113", 200000, 400, 30000)):
        for area, employment, pay in (("0000000", national, None), ("0099999", local, median)):
            conn.execute("INSERT INTO oews_area_wage (area_code, soc, o_group, tot_emp, a_median, annual_only, "
                         "hourly_only) VALUES (?, ?, 'detailed', ?, ?, 0, 0)", (area, soc, employment, pay))
    conn.execute("INSERT INTO source_file (kind, publisher, release, file_name, sha256, imported_at, row_counts) "
                 "VALUES ('bls-oews-areas', 'BLS', 'test', 'test', 'x', '2099-01-01', '{}')")
    conn.close()
    conn = connect(path, readonly=True)
    answer = next_jobs(conn, ALPHA, area="Smallville, OH")
    moves = {d.code: d for d in answer.destinations}
    beta = moves["11-1112.00"]
    assert beta.pay.basis == "area" and beta.pay.median == 70000 and beta.pay_change == 10000
    assert beta.demand.estimate and beta.demand.openings == pytest.approx(5000 * 500 / 50000, abs=0.1)
    delta = moves["11-1114.00"]  # the area publishes nothing for it: national pay, no openings there
    assert delta.pay.basis == "national" and delta.demand.openings is None and _points(delta)["openings"] == 0
    assert answer.area.name == "Smallville, OH" and "estimates" in answer.notes[0]
    conn.close()


def test_a_store_imported_before_the_work_tables_asks_for_a_new_import(small_store: Callable[..., Path]) -> None:
    conn = connect(small_store())
    conn.execute("DELETE FROM onet_task_dwa")
    with pytest.raises(MissingDataError, match="detailed work activities"):
        ChangeIndex.build(conn)
    conn.close()


def test_scores_cover_every_occupation_in_the_index(conn) -> None:
    index = ChangeIndex.build(conn)
    scores = score_moves(index, ALPHA, load_rules())
    assert all(len(points) == len(index.codes) for points in scores.parts.values())
    assert [index.codes[row] for row in scores.ordered()] == ["11-1112.00", "11-1113.00", "11-1114.00"]
