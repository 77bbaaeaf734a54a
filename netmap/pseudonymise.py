"""Pseudonyms for people: a copy of the records in which nobody is named.

Reports and exports that leave the coordinator's desk may have to keep people anonymous while
organisations stay named. :func:`pseudonymise` returns a :class:`~netmap.Network` whose people
are "Person 07" and the like, with new ids, no e-mail addresses, no job titles and none of the
people table's extra columns; every table that refers to a person (participation, ties)
follows. Everything built from it (graphs, metric tables, maps, the report) therefore names no
person.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pandas as pd

from netmap.network import Network

__all__ = ["pseudonymise"]

#: The people columns a pseudonymised copy keeps (some emptied, extra columns go).
_KEPT_PEOPLE_COLUMNS = ("id", "name", "organisation_id", "role", "email")
#: Kept but emptied: e-mail addresses and job titles.
_EMPTIED_PEOPLE_COLUMNS = ("email", "role")
#: What replaces an e-mail address, and a name two people share, in free text (warnings).
_TEXTS = {
    "email": {"en": "(e-mail hidden)", "sv": "(e-post dold)"},
    "person": {"en": "(a person)", "sv": "(en person)"},
}
_EMAIL = re.compile(r"[^\s'\"<>(),;:]+@[^\s'\"<>(),;:]+")


def pseudonymise(
    network: Network, *, key: str | None = None, label: str = "Person", lang: str = "en"
) -> Network:
    """Replace every person's name and id by a pseudonym; drop e-mail addresses and job titles.

    Without a ``key``, people are numbered by what they did, not by who they are: the person
    who took part in the most collaborations is ``Person 01``; equal counts are ordered by
    more direct ties, then more fellow participants (summed over their collaborations), then
    the earlier first collaboration, and people equal in all four by a hash of their id keyed
    with the fingerprint of the whole records (:attr:`Network.fingerprint`), which a reader of
    the output cannot recompute without every record. So the numbers are no function of the
    ids or names alone: knowing the participant list does not give the mapping, and the same
    records give every person the same pseudonym every time (same input, same bytes).

    With a ``key``, people are numbered in the order of a BLAKE2b hash of their id keyed with
    it: unguessable without the key, and the same person keeps their number across reports
    made with the same key as long as the same people are in the records.

    Numbers are zero-padded to the same width (``Person 007`` among 320 people), so they sort
    as they count.

    Parameters
    ----------
    network : Network
        Validated records, e.g. from :func:`netmap.load`.
    key : str, optional
        Secret key of the numbering (see above). Keep it secret: whoever has it and the
        participant list can recompute every pseudonym.
    label : str, default "Person"
        The word before the number ("Person" reads well in English and Swedish).
    lang : {"en", "sv"}, default "en"
        Language of what replaces e-mail addresses and shared names in the warnings.

    Returns
    -------
    Network
        A new Network: ``people`` has ids ``p001``, ``p002``, ... and names ``Person 001``,
        ...; ``email`` and ``role`` (job titles) are empty and extra user columns of ``people``
        are dropped (they may name people); ``participation.person_id`` and person ends of
        ``ties`` use the new ids. Organisations, collaborations and their fields are
        unchanged. The load report is kept; in the warnings, people's ids, names and e-mail
        addresses (and anything that looks like an address) are replaced in every text; a
        name two people share becomes "(a person)". ``source`` is kept.

    Raises
    ------
    ValueError
        For an unknown ``lang`` or an empty ``key``.

    Notes
    -----
    What a pseudonym protects against: a reader of the output who does not know the network
    cannot learn who is who, and the participant list alone does not give the mapping. What it
    does not protect against: organisations stay named, so the only member of an
    organisation is recognisable through it; and a reader who knows the network well can
    recognise its most central people by their position (how many collaborations, with whom).
    Only the people table is rewritten: a person named inside a collaboration's title or an
    organisation's name stays there.

    Examples
    --------
    The sample has 14 people, so pseudonyms have two digits; nobody keeps their name, e-mail
    address or job title, everyone keeps their organisation. Person 01 took part in the most
    collaborations (5 of the sample's 14), at Hudiksvalls kommun:

    >>> import netmap
    >>> net = netmap.load("data/sample")
    >>> anon = pseudonymise(net)
    >>> sorted(anon.tables["people"]["name"])[:3]
    ['Person 01', 'Person 02', 'Person 03']
    >>> "Veronica Labba" in set(anon.tables["people"]["name"])
    False
    >>> int(anon.tables["people"][["email", "role"]].notna().sum().sum())
    0
    >>> first = anon.tables["participation"]["person_id"] == "p01"
    >>> int(first.sum())
    5
    >>> G = anon.graph("people")
    >>> sorted(G.nodes[n]["organisation"] for n in G if G.nodes[n]["name"] == "Person 01")
    ['Hudiksvalls kommun']
    """
    if lang not in _TEXTS["email"]:
        raise ValueError(f"pseudonymise writes 'en' or 'sv'; got lang={lang!r}.")
    if key is not None and not key:
        raise ValueError("The pseudonym key is empty; give a secret text, or no key at all.")
    people = network.tables["people"]
    order = _keyed_order(people["id"], key) if key else _activity_order(network)
    width = len(str(len(people)))
    numbers = np.empty(len(people), dtype=int)
    numbers[order] = np.arange(1, len(people) + 1)
    new_ids = [f"p{n:0{width}d}" for n in numbers]
    pseudonyms = [f"{label} {n:0{width}d}" for n in numbers]
    new_people = people[list(_KEPT_PEOPLE_COLUMNS)].copy()
    new_people["id"] = pd.array(new_ids, dtype=people["id"].dtype)
    new_people["name"] = pd.array(pseudonyms, dtype=people["name"].dtype)
    for column in _EMPTIED_PEOPLE_COLUMNS:
        new_people[column] = pd.array([np.nan] * len(people), dtype=people[column].dtype)
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
    return Network(
        tables,
        load_report=network.load_report,
        warnings=_scrubbed(network.warnings, people, mapping, pseudonyms, lang=lang),
        source=network.source,
    )


def _keyed_order(ids: pd.Series, key: str) -> np.ndarray:
    """Row positions in the order of a BLAKE2b hash of each id keyed with ``key``."""
    return np.argsort(_keyed_digests(ids, key.encode("utf-8")), kind="stable")


def _keyed_digests(ids: pd.Series, key: bytes) -> np.ndarray:
    secret = hashlib.sha256(key).digest()
    return np.array(
        [
            hashlib.blake2b(str(i).encode("utf-8"), key=secret, digest_size=16).hexdigest()
            for i in ids
        ]
    )


def _activity_order(network: Network) -> np.ndarray:
    """Row positions of the people table, most active first (see :func:`pseudonymise`)."""
    tables = network.tables
    ids = tables["people"]["id"]
    part = tables["participation"].dropna(subset=["person_id"])
    part = part.drop_duplicates(["person_id", "collaboration_id"])
    collab = part["collaboration_id"]
    size = collab.value_counts()
    starts = tables["collaborations"].set_index("id")["start_date"]
    by_person = pd.DataFrame(
        {
            "person_id": part["person_id"].to_numpy(),
            "others": size.reindex(collab).to_numpy(dtype=float) - 1,
            "start": starts.reindex(collab).to_numpy(),
        }
    ).groupby("person_id")
    ties = tables["ties"]
    ends = pd.concat(
        [ties.loc[ties[f"{end}_type"] == "person", f"{end}_id"] for end in ("source", "target")]
    )

    def per_person(values: pd.Series) -> np.ndarray:
        return values.reindex(ids, fill_value=0).to_numpy(dtype=float)

    collaborations = per_person(by_person.size())
    direct = per_person(ends.value_counts())
    others = per_person(by_person["others"].sum())
    started = by_person["start"].min().reindex(ids)
    first = started.to_numpy("datetime64[s]").astype("int64")
    first[started.isna().to_numpy()] = np.iinfo(np.int64).max  # no dated collaboration: last
    hashed = _keyed_digests(ids, network.fingerprint.encode("ascii"))
    # np.lexsort sorts by the last key first; counts are negated for "most first".
    return np.lexsort((hashed, first, -others, -direct, -collaborations))


def _renamed(column: pd.Series, mapping: dict[str, str]) -> pd.Series:
    """Person ids replaced by their pseudonym ids; missing values stay missing."""
    return column.map(lambda v: mapping.get(v, v) if isinstance(v, str) else v).astype(column.dtype)


def _scrubbed(
    warnings: pd.DataFrame | None,
    people: pd.DataFrame,
    ids: dict[str, str],
    pseudonyms: list[str],
    *,
    lang: str,
) -> pd.DataFrame | None:
    """The warnings with every person's id, name and e-mail replaced in every text cell.

    One pass over each text, longest match first; where an id is also somebody's name, the
    id's replacement wins. A name two people share cannot say which of them is meant, so it
    becomes "(a person)".
    """
    if warnings is None or warnings.empty:
        return warnings
    hidden = _TEXTS["email"][lang]
    shared = people["name"].duplicated(keep=False).to_numpy()
    replacements = dict.fromkeys(people["email"].dropna(), hidden)
    replacements.update(
        (name, _TEXTS["person"][lang] if twice else pseudonym)
        for name, pseudonym, twice in zip(people["name"], pseudonyms, shared, strict=True)
        if isinstance(name, str)
    )
    replacements.update(ids)
    words = sorted((w for w in replacements if w), key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if alternatives else None

    def scrub(value):
        if not isinstance(value, str):
            return value
        if pattern is not None:
            value = pattern.sub(lambda m: replacements[m.group(0)], value)
        return _EMAIL.sub(hidden, value)

    out = warnings.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(scrub)
    return out
