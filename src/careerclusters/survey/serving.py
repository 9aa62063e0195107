"""What a server keeps for the interest survey: its reference data, built once per data version (and at
start), so that scoring a survey touches no SQL. See ``base.shared``."""

from __future__ import annotations

from careerclusters.base.shared import Shared, warm_up
from careerclusters.survey.data import SurveyData


@warm_up("survey data")
def survey_data(shared: Shared) -> SurveyData | None:
    """What the survey scores against (None without the data)."""
    return shared.cached(("survey-data",), lambda: SurveyData.load(shared.conn))
