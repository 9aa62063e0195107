"""Answers as a short, URL-safe code, so a result page's address holds every answer and nothing has to be
stored: the survey keeps no record of anyone, and a student can bookmark or send the link.

Each answer is a base-3 digit (0 dislike, 1 not sure, 2 like) in ``instrument.yaml`` order; five digits
pack into one byte (3**5 = 243), the bytes are base64url without padding, and the instrument's version is
the first character. All 153 items fit in 43 characters.
"""

from __future__ import annotations

import base64
import binascii
import string

from careerclusters.survey.instrument import Answer, Instrument, SurveyDataError

_VERSION_CHARS = string.digits + string.ascii_lowercase[:26]
_PER_BYTE = 5


def encode(answers: dict[str, int], instrument: Instrument) -> str:
    """The code for ``answers`` (unanswered items count as not sure)."""
    digits = [int(answers.get(item_id, Answer.NOT_SURE)) for item_id in instrument.code_order]
    packed = bytearray()
    for start in range(0, len(digits), _PER_BYTE):
        value = 0
        for digit in reversed(digits[start:start + _PER_BYTE]):
            value = value * 3 + digit
        packed.append(value)
    return _VERSION_CHARS[instrument.version] + base64.urlsafe_b64encode(bytes(packed)).decode().rstrip("=")


def decode(code: str, instrument: Instrument) -> dict[str, int]:
    """The answers a code holds, only those that are not "not sure"; a code that is not this version's
    or is damaged raises ``SurveyDataError`` rather than being half read."""
    code = code.strip()
    if not code:
        return {}
    if code[0] != _VERSION_CHARS[instrument.version]:
        raise SurveyDataError("this answer link was made by another version of the survey: please take it again")
    body = code[1:]
    try:
        packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError):
        raise SurveyDataError("this answer link is damaged: check that it was copied whole") from None
    expected = -(-len(instrument.code_order) // _PER_BYTE)
    if len(packed) != expected or any(b >= 3 ** _PER_BYTE for b in packed):
        raise SurveyDataError("this answer link is damaged: check that it was copied whole")
    answers: dict[str, int] = {}
    for n, item_id in enumerate(instrument.code_order):
        digit = packed[n // _PER_BYTE] // 3 ** (n % _PER_BYTE) % 3
        if digit != Answer.NOT_SURE:
            answers[item_id] = digit
    return answers
