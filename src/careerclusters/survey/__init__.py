"""The interest survey's instrument: items in each language, keyed to RIASEC types, clusters, sub-clusters
and purpose groupings, and the rules that score it (the scoring itself is ``services.survey``)."""

from careerclusters.survey.instrument import (
    RIASEC,
    Answer,
    Instrument,
    Item,
    Part,
    Rules,
    SurveyDataError,
    languages,
    load_instrument,
    load_rules,
    missing_words,
)

__all__ = ["RIASEC", "Answer", "Instrument", "Item", "Part", "Rules", "SurveyDataError", "languages",
           "load_instrument", "load_rules", "missing_words"]
