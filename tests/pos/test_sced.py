"""SCED course lookup over the imported SCED v12 list."""

from __future__ import annotations

import pytest

from careerclusters.pos import sced
from careerclusters.store import NotInDataError


def test_a_course_by_code_with_its_subject_area_and_cluster(conn) -> None:
    nursing = sced.course(conn, "14051")
    assert (nursing.title, nursing.subject_area, nursing.subject_name) == ("Nursing", "14", "Health Care Sciences")
    assert nursing.description.startswith("Nursing courses place a special emphasis")
    assert nursing.cte and nursing.clusters == ["healthcare-human-services"]


def test_a_code_that_lost_its_leading_zero_and_an_academic_course(conn) -> None:
    english = sced.course(conn, "1001")
    assert english.code == "01001" and english.title == "English/Language Arts I (9th grade)"
    assert not english.cte and english.clusters == []
    with pytest.raises(NotInDataError, match="'99999' is not a SCED v12 course code"):
        sced.course(conn, "99999")


def test_find_courses_by_name(conn) -> None:
    found = sced.find(conn, "welding")
    assert [m.course.code for m in found[:2]] == ["13207", "13208"]
    assert found[0].score == 100.0
    assert all(m.score >= 80 for m in found)
    assert [m.course.code for m in sced.find(conn, "nursing")] == ["14051", "14052"]
    in_area = sced.find(conn, "agricultural mechanics", area="18")
    assert in_area[0].course.code == "18449" and all(m.course.subject_area == "18" for m in in_area)
