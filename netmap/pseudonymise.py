"""Stable pseudonyms for people: a copy of the records in which nobody is named.

Reports and exports that leave the coordinator's desk may have to keep people anonymous while
organisations stay named. :func:`pseudonymise` returns a :class:`~netmap.Network` whose people
are "Person 07" and the like, with new ids, no e-mail addresses and none of the people table's
extra columns; every table that refers to a person (participation, ties) follows. Everything
built from it (graphs, metric tables, maps, the report) therefore names no person.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pandas as pd

from netmap.network import Network

__all__ = ["pseudonymise"]

#: The people columns a pseudonymised copy keeps (``email`` is kept empty, extra columns go).
_KEPT_PEOPLE_COLUMNS = ("id", "name", "organisation_id", "role", "email")
#: What replaces an e-mail address found in free text (warnings).
_HIDDEN_EMAIL = "(e-mail hidden)"
_EMAIL = re.compile(r"[^\s'\"<>(),;:]+@[^\s'\"<>(),;:]+")


def pseudonymise(network: Network, *, key: str = "netmap", label: str = "Person") -> Network:
    """Replace every person's name and id by a stable pseudonym; drop e-mail addresses.

    People are numbered 1, 2, ... in the order of a keyed hash (BLAKE2b) of their id, so the
    numbers follow neither the order of the records nor the alphabet; the same records and
    key give every person the same pseudonym every time. Numbers are zero-padded to the same
    width (``Person 007`` among 320 people), so they sort as they count.

    Parameters
    ----------
    network : Network
        Validated records, e.g. from :func:`netmap.load`.
    key : str, default "netmap"
        Key of the hash. Another key gives other numbers; keep it secret if readers of the
        pseudonymised output may also see records with real names.
    label : str, default "Person"
        The word before the number ("Person" reads well in English and Swedish).

    Returns
    -------
    Network
        A new Network: ``people`` has ids ``p001``, ``p002``, ... and names ``Person 001``,
        ...; ``email`` is empty and extra user columns of ``people`` are dropped (they may
        name people); ``participation.person_id`` and person ends of ``ties`` use the new ids.
        Organisations, collaborations and their fields are unchanged. The load report is kept;
        in the warnings, people's names, ids and e-mail addresses (and anything that looks
        like an address) are replaced in every text. ``source`` is kept.

    Notes
    -----
    Only the people table is rewritten: a person named inside a collaboration's title or an
    organisation's name stays there. Job titles (``people.role``) are kept.

    Examples
    --------
    The sample has 14 people, so pseudonyms have two digits; nobody keeps their name or
    e-mail address, everyone keeps their organisation (Person 01 works at Sametinget):

    >>> import netmap
    >>> net = netmap.load("data/sample")
    >>> anon = pseudonymise(net)
    >>> sorted(anon.tables["people"]["name"])[:3]
    ['Person 01', 'Person 02', 'Person 03']
    >>> "Veronica Labba" in set(anon.tables["people"]["name"])
    False
    >>> int(anon.tables["people"]["email"].notna().sum())
    0
    >>> G = anon.graph("people")
    >>> sorted(G.nodes[n]["organisation"] for n in G if G.nodes[n]["name"] == "Person 01")
    ['Sametinget']
    """
    people = network.tables["people"]
    new_ids = _pseudonym_ids(people["id"], key=key)
    width = len(str(len(people)))
    numbers = new_ids.str.slice(1).astype(int)
    new_people = people[list(_KEPT_PEOPLE_COLUMNS)].copy()
    new_people["id"] = new_ids.to_numpy()
    pseudonyms = [f"{label} {n:0{width}d}" for n in numbers]
    new_people["name"] = pd.array(pseudonyms, dtype=people["name"].dtype)
    new_people["email"] = pd.array([np.nan] * len(people), dtype=people["email"].dtype)
    new_people = new_people.sort_values("id", kind="stable").reset_index(drop=True)
    mapping = dict(zip(people["id"], new_ids, strict=True))

    tables = dict(network.tables)
    tables["people"] = new_people
    participation = tables["participation"].copy()
    participation["person_id"] = _renamed(participation["person_id"], mapping)
    tables["participation"] = participation
    ties = tables["ties"].copy()
    for end in ("source", "target"):
        is_person = ties[f"{end}_type"] == "person"
        ties.loc[is_person, f"{end}_id"] = _renamed(ties.loc[is_person, f"{end}_id"], mapping)
    tables["ties"] = ties
    names = dict(zip(people["name"], pseudonyms, strict=True))
    return Network(
        tables,
        load_report=network.load_report,
        warnings=_scrubbed(network.warnings, people, mapping, names),
        source=network.source,
    )


def _pseudonym_ids(ids: pd.Series, *, key: str) -> pd.Series:
    """``p`` + number (zero-padded) per person, numbered in the order of a keyed hash."""
    secret = hashlib.sha256(key.encode("utf-8")).digest()[:32]
    digests = [
        hashlib.blake2b(str(i).encode("utf-8"), key=secret, digest_size=16).hexdigest() for i in ids
    ]
    order = np.lexsort((ids.astype(str).to_numpy(), np.array(digests)))
    numbers = np.empty(len(ids), dtype=int)
    numbers[order] = np.arange(1, len(ids) + 1)
    width = len(str(len(ids)))
    return pd.Series([f"p{n:0{width}d}" for n in numbers], index=ids.index, dtype="str")


def _renamed(column: pd.Series, mapping: dict[str, str]) -> pd.Series:
    """Person ids replaced by their pseudonym ids; missing values stay missing."""
    return column.map(lambda v: mapping.get(v, v) if isinstance(v, str) else v).astype(column.dtype)


def _scrubbed(
    warnings: pd.DataFrame | None,
    people: pd.DataFrame,
    ids: dict[str, str],
    names: dict[str, str],
) -> pd.DataFrame | None:
    """The warnings with every person's name, id and e-mail replaced in every text cell."""
    if warnings is None or warnings.empty:
        return warnings
    replacements = {**ids, **names}
    replacements.update(dict.fromkeys(people["email"].dropna(), _HIDDEN_EMAIL))
    words = sorted(replacements, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words if w)
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if alternatives else None

    def scrub(value):
        if not isinstance(value, str):
            return value
        if pattern is not None:
            value = pattern.sub(lambda m: replacements[m.group(0)], value)
        return _EMAIL.sub(_HIDDEN_EMAIL, value)

    out = warnings.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(scrub)
    return out
