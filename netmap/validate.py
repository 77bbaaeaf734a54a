"""Raw record tables (text as typed) -> typed tables, or one error listing every problem."""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["parse_date"]

#: Years a record date may have; anything else is almost surely a typo (2202, 0022).
_YEARS = range(1800, 2200)

_TIME = r"(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?)?"
_ISO = re.compile(rf"(\d{{4}})([-/.])(\d{{1,2}})\2(\d{{1,2}}){_TIME}")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DAY_FIRST = re.compile(rf"(\d{{1,2}})([/.-])(\d{{1,2}})\2(\d{{4}}){_TIME}")
_WORDS = re.compile(r"(?:den\s+)?(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})")

#: Month names and abbreviations, Swedish and English.
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "january", "jan"),
            ("februari", "february", "feb"),
            ("mars", "march", "mar"),
            ("april", "apr"),
            ("maj", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("augusti", "august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


def parse_date(text: str) -> pd.Timestamp | None:
    """Read a date as people write it in Sweden; None when it is not a date.

    Accepted: ISO dates (``2022-06-08``, also ``2022-06-08 00:00:00`` as Excel and pandas
    write date cells), day first with ``/``, ``.`` or ``-`` (``8/6/2022``, ``8.6.2022``),
    ``20220608``, and day, month name, year in Swedish or English (``8 juni 2022``,
    ``den 8 jun. 2022``, ``8 June 2022``). A time of day is dropped: netmap counts days.
    Years outside 1800–2199 are refused as typos.

    Examples
    --------
    8/6/2022 is the 8th of June (day first, as in Sweden):

    >>> parse_date("8/6/2022")
    Timestamp('2022-06-08 00:00:00')
    >>> parse_date("8 juni 2022") == parse_date("2022-06-08 00:00:00")
    True
    >>> parse_date("31/2/2022") is None  # there is no 31 February
    True
    """
    text = text.strip()
    found = None
    if m := _ISO.fullmatch(text):
        found = (m[1], m[3], m[4])
    elif m := _COMPACT.fullmatch(text):
        found = (m[1], m[2], m[3])
    elif m := _DAY_FIRST.fullmatch(text):
        found = (m[4], m[3], m[1])
    elif (m := _WORDS.fullmatch(text.lower())) and m[2] in _MONTHS:
        found = (m[3], _MONTHS[m[2]], m[1])
    if found is None:
        return None
    year, month, day = (int(v) for v in found)
    if year not in _YEARS:
        return None
    try:
        return pd.Timestamp(year=year, month=month, day=day)
    except ValueError:
        return None
