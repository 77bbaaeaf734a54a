"""Seeded messy attendance lists made from clean records, with the true identities kept aside.

The test corpus of the attendance importer and its 50,000-row benchmark are made here: each
participation of a person becomes one row as someone would type it into a sign-in sheet, with
typos, dropped diacritics, changed case, a middle name left out, a department after the
organisation, missing e-mails. The ``true_person`` and ``true_organisation`` columns say who
each row really is, so resolution can be scored (:func:`netmap.resolve.pair_scores`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

__all__ = ["MESSY_COLUMNS", "messy_attendance"]

#: Columns of :func:`messy_attendance`'s table.
MESSY_COLUMNS = (
    "event",
    "date",
    "name",
    "organisation",
    "email",
    "municipality",
    "role",
    "true_person",
    "true_organisation",
)

_DEPARTMENTS = (
    "kultur- och fritidsförvaltningen",
    "socialförvaltningen",
    "kommunstaben",
    "arbetsmarknadsförvaltningen",
    "barn- och utbildningsförvaltningen",
    "samhällsbyggnadsförvaltningen",
)
_PLAIN = str.maketrans("åäöÅÄÖéÉüÜ", "aaoAAOeEuU")


def messy_attendance(
    tables: Mapping[str, pd.DataFrame],
    *,
    seed: int = 0,
    email_rate: float = 0.7,
    typo_rate: float = 0.04,
    variant_rate: float = 0.25,
    department_rate: float = 0.2,
) -> pd.DataFrame:
    """Write the people's participations of clean record tables as a messy attendance list.

    Parameters
    ----------
    tables : mapping of str to DataFrame
        Clean ``organisations``, ``people``, ``collaborations`` and ``participation`` tables
        (record model of :mod:`netmap.schema`; people may carry an ``email``).
    seed : int, default 0
        Seed of the random choices: equal seeds give equal lists.
    email_rate : float, default 0.7
        Share of rows that carry the person's e-mail (when the person has one).
    typo_rate : float, default 0.04
        Share of rows with one typo (swapped, dropped or doubled letter) in the person's
        name, and, separately, in the organisation's name (names of 10 letters or more).
    variant_rate : float, default 0.25
        Share of rows written another way: case changed, diacritics dropped, the middle name
        left out or the family name first ("Berg, Anna"); for organisations case, diacritics
        or "Kommun" with a capital.
    department_rate : float, default 0.2
        Share of rows of public-sector people that add a department after a comma.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`MESSY_COLUMNS`, one row per participation of a person, in the order
        of the collaborations (then of the participation table). ``date`` is ISO text;
        ``true_person`` and ``true_organisation`` are the record ids.

    Examples
    --------
    >>> orgs = pd.DataFrame({"id": ["O1"], "name": ["Luleå kommun"], "sector": ["public"],
    ...                      "municipality": ["Luleå"]})
    >>> people = pd.DataFrame({"id": ["P1"], "name": ["Anna Maria Berg"],
    ...                        "organisation_id": ["O1"], "email": ["anna.berg@lulea.se"]})
    >>> collabs = pd.DataFrame({"id": ["C1", "C2"], "title": ["Dialog", "Dialog"],
    ...                         "start_date": ["2020-04-22", "2020-06-02"]})
    >>> part = pd.DataFrame({"collaboration_id": ["C1", "C2"], "person_id": ["P1", "P1"]})
    >>> rows = messy_attendance({"organisations": orgs, "people": people,
    ...     "collaborations": collabs, "participation": part}, seed=1, variant_rate=1.0)
    >>> rows[["date", "true_person", "true_organisation"]].to_records(index=False).tolist()
    [('2020-04-22', 'P1', 'O1'), ('2020-06-02', 'P1', 'O1')]
    """
    rng = np.random.default_rng(seed)
    people = tables["people"].set_index("id")
    orgs = tables["organisations"].set_index("id")
    collabs = tables["collaborations"].set_index("id")
    part = tables["participation"]
    part = part[part["person_id"].notna()]
    order = {c: i for i, c in enumerate(collabs.index)}
    part = part.iloc[
        np.argsort(part["collaboration_id"].map(order).to_numpy(), kind="stable")
    ].reset_index(drop=True)
    has_email = "email" in people.columns
    has_role = "role" in part.columns
    rows = []
    for rec in part.itertuples(index=False):
        person = people.loc[rec.person_id]
        collab = collabs.loc[rec.collaboration_id]
        org_id = person["organisation_id"]
        org = orgs.loc[org_id] if isinstance(org_id, str) else None
        email = person["email"] if has_email else None
        if not isinstance(email, str) or rng.random() >= email_rate:
            email = None
        elif rng.random() < 0.05:
            email = email.upper()
        org_text = None
        if org is not None:
            org_text = _mess_organisation(org["name"], rng, typo_rate, variant_rate)
            if org.get("sector") == "public" and rng.random() < department_rate:
                org_text += ", " + _DEPARTMENTS[int(rng.integers(len(_DEPARTMENTS)))]
        role = rec.role if has_role and isinstance(rec.role, str) else None
        rows.append(
            (
                collab["title"],
                str(pd.Timestamp(collab["start_date"]).date()),
                _mess_person(person["name"], rng, typo_rate, variant_rate),
                org_text,
                email,
                org.get("municipality") if org is not None else None,
                role,
                rec.person_id,
                org_id if org is not None else None,
            )
        )
    return pd.DataFrame(rows, columns=list(MESSY_COLUMNS))


def _typo(text: str, rng: np.random.Generator) -> str:
    """One swapped, dropped or doubled letter inside a word (never the first letter)."""
    positions = [i for i in range(1, len(text) - 1) if text[i].isalpha() and text[i + 1].isalpha()]
    if not positions:
        return text
    i = positions[int(rng.integers(len(positions)))]
    kind = int(rng.integers(3))
    if kind == 0:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind == 1:
        return text[:i] + text[i + 1 :]
    return text[:i] + text[i] + text[i:]


def _mess_person(name: str, rng: np.random.Generator, typo_rate: float, rate: float) -> str:
    words = name.split()
    if rng.random() < rate:
        kind = int(rng.integers(4))
        if kind == 0:
            name = name.lower() if rng.random() < 0.5 else name.upper()
        elif kind == 1:
            name = name.translate(_PLAIN)
        elif kind == 2 and len(words) > 2:
            name = f"{words[0]} {words[-1]}"
        else:
            name = f"{words[-1]}, {' '.join(words[:-1])}"
    if len(name) >= 10 and rng.random() < typo_rate:
        name = _typo(name, rng)
    if rng.random() < 0.02:
        name = f" {name.replace(' ', '  ', 1)} "
    return name


def _mess_organisation(name: str, rng: np.random.Generator, typo_rate: float, rate: float) -> str:
    if rng.random() < rate:
        kind = int(rng.integers(3))
        if kind == 0:
            name = name.lower() if rng.random() < 0.5 else name.upper()
        elif kind == 1:
            name = name.translate(_PLAIN)
        else:
            name = name.replace(" kommun", " Kommun").replace(" förening", " Förening")
    if len(name) >= 10 and rng.random() < typo_rate:
        name = _typo(name, rng)
    return name
