"""Moves a counselor would accept, on the real O*NET 27.0 and BLS files: a truck driver, a retail salesperson and a
registered nurse, an area's figures, and a job typed in a person's own words."""

from __future__ import annotations

import pytest

from careerclusters.changers import ChangeIndex, NextJobs, NotComparableError, next_jobs
from careerclusters.labor import market as lm


@pytest.fixture(scope="module")
def index(imported_db):  # noqa: ANN001
    from careerclusters.store import connect

    conn = connect(imported_db, readonly=True)
    yield ChangeIndex.build(conn)
    conn.close()


def _codes(answer: NextJobs, top: int) -> list[str]:
    return [d.code for d in answer.destinations[:top]]


def test_a_truck_driver_sees_driving_delivery_and_logistics_moves_with_what_each_adds(conn, index) -> None:
    answer = next_jobs(conn, "53-3032", index=index)
    top = _codes(answer, 10)
    assert answer.source.title == "Heavy and Tractor-Trailer Truck Drivers"
    assert top[0] == "53-3033.00"  # Light Truck Drivers
    driving = {"53-3033.00", "53-3031.00", "53-3051.00", "53-3052.00", "53-3053.00", "53-3054.00"}
    logistics = {"53-7051.00", "53-7062.00", "53-7121.00", "53-7065.00", "53-1043.00", "53-1042.00", "43-5032.00",
                 "43-5071.00", "53-7081.00"}
    assert len(driving.intersection(top)) >= 3 and len(logistics.intersection(top)) >= 3
    for move in answer.destinations[:10]:
        assert move.new_activities or move.new_technologies, move.title  # what the move adds, in words
    light = answer.destinations[0]
    assert light.pay.median == 44860 and light.pay_change == 44860 - 58640
    assert "Record details of deliveries or shipments." in [a.title for a in light.new_activities]
    assert [p.cip for p in light.programs] == ["49.0205"]  # Truck and Bus Driver/Commercial Vehicle Operator
    forklift = next(d for d in answer.destinations if d.code == "53-7051.00")
    assert forklift.related_tier == "Primary-Short" and "49.0209" in [p.cip for p in forklift.programs]


def test_a_retail_salesperson_sees_customer_service_sales_and_supervisory_moves(conn, index) -> None:
    answer = next_jobs(conn, "41-2031", index=index)
    top = _codes(answer, 20)
    assert "41-1011.00" in top[:3]  # First-Line Supervisors of Retail Sales Workers
    assert "43-4051.00" in top  # Customer Service Representatives
    assert "41-2021.00" in top[:3]  # Counter and Rental Clerks
    assert sum(code.startswith("41-") for code in top[:10]) >= 7  # sales work
    supervisor = next(d for d in answer.destinations if d.code == "41-1011.00")
    assert supervisor.education_step is None and supervisor.pay_change == 48520 - 35410


def test_a_nurse_sees_nursing_first_and_a_doctorate_as_the_step_to_physician(conn, index) -> None:
    answer = next_jobs(conn, "29-1141", index=index)
    first = answer.destinations[:5]
    assert all("Nurs" in d.title for d in first), [d.title for d in first]
    physician = next(d for d in answer.destinations if "Physicians" in d.title)
    assert physician.education_step == "Doctoral or professional degree"
    assert {p.name: p.points for p in physician.parts}["preparation"] == -12.0  # a bachelor's to a doctorate
    assert "about 4 more years of school" in {p.name: p.detail for p in physician.parts}["preparation"]
    willing = next_jobs(conn, "29-1141", index=index, education="master")
    outside = {d.title: d.outside for d in willing.outside_preferences}
    assert outside[physician.title] == ["Needs Doctoral or professional degree, more school than you chose"]
    assert "Nurse Practitioners" in [d.title for d in willing.destinations]  # a master's: within what was chosen


def test_an_area_weighs_its_own_pay_and_estimated_openings(conn, index) -> None:
    answer = next_jobs(conn, "53-3032", index=index, area="OH")
    assert answer.area.name == "Ohio" and answer.source.pay.median == 59800 and answer.source.pay.basis == "area"
    light = next(d for d in answer.destinations if d.code == "53-3033.00")
    in_ohio = lm.occupation_in_area(conn, "53-3033", "OH")
    assert light.pay.basis == "area" and light.pay.median == in_ohio.area.annual_median == 42600
    assert light.demand.estimate and light.demand.openings == in_ohio.openings_estimate
    assert "estimates" in answer.notes[0]


def test_a_job_in_a_persons_words_is_read_with_its_other_readings(conn, index, occupations) -> None:
    answer = next_jobs(conn, "truck driver", index=index, classifier=lambda: occupations)
    assert answer.source.code == "53-3032.00"
    assert answer.readings[0].code == "53-3032.00" and answer.readings[0].confidence > 0.5
    assert "53-3033.00" in [r.code for r in answer.readings[1:]]
    assert not answer.military
    veteran = next_jobs(conn, "army truck driver", index=index, classifier=lambda: occupations)
    assert veteran.source.code == "53-3032.00" and veteran.military  # the list, and the civilian question
    with pytest.raises(NotComparableError, match="civilian job closest"):
        next_jobs(conn, "army infantry", index=index, classifier=lambda: occupations)
