"""Entity resolution: which raw mentions in attendance lists are the same person or organisation.

Names are compared on a *match key* (case, white space, punctuation and diacritics folded;
"Berg, Anna" read as Anna Berg); the stored names are never changed. Candidate pairs come
from blocks (same e-mail, same name, same organisation, same first and last name, same
words, same initials) and are scored with :func:`similarity`, the larger of rapidfuzz's
``ratio`` and ``token_sort_ratio`` (0-100). A pair is either a *certain* merge, done at once
with union-find, or an *uncertain* one, left to the user as a review decision
(:func:`apply_decisions`).

Rules for people (units: distinct name, e-mail and organisation)

============================  ==========================================  =========
evidence                      condition                                   outcome
============================  ==========================================  =========
same e-mail                   e-mails equal and names alike (token set    certain
                              ratio >= 50)
same e-mail, other name       e-mails equal, names unalike (a shared      uncertain
                              mailbox such as info@...)
same name                     match keys equal, same organisation         certain
same name, no organisation    match keys equal, one side has no           certain
                              organisation and the name is known at one
                              organisation at most (else uncertain)
middle name                   same first and last word, one name's        certain
                              words contain the other's, same org.
similar name                  similarity >= 90, same organisation, the    certain
                              words that differ one typo apart, the
                              rarer spelling rare (see below)
similar name (review)         80 <= similarity, same organisation or      uncertain
                              neither has one, otherwise
initial                       "A. Berg" and "Anna Berg", same org.        uncertain
same name, other organisation match keys equal, organisations differ     uncertain
same name, other e-mail       match keys equal, same organisation,        uncertain
                              different e-mails
============================  ==========================================  =========

Two people with different e-mails are never merged by a rule, and other pairs across two
e-mails are not even proposed.

Rules for organisations (units: distinct spellings of the parent organisation; a department
after a comma, dash or in brackets is split off by :func:`split_organisation`): equal match
keys are certain; names with the same kind words (kommun, region, AB, förening, ...; also with
one typo), the same numbers, and a core (the name without kind words) of 5 letters or more are
certain at a similarity >= 90, or one typo apart in a core of 6 letters or more, when the
differing words are one typo apart and the rarer spelling is rare; uncertain from 80. A name
whose words are inside another's, the same core where only one name has kind words ("Luleå"
and "Luleå kommun") and an acronym ("LTU" and "Luleå tekniska universitet") are uncertain.

A typo is a rare spelling: a "similar name" merge needs the rarer of the two clusters, when
they are joined, to be seen at most twice or at most a tenth as often as the other
(:func:`_rare`). Linköping and Lidköping, one letter apart and both common, go to review; a
one-off "Lidkoping" joins one of them. A merge's words rule (:func:`_other_words`) keeps
"Vuxenskolan Lund" and "Vuxenskolan Mora" apart however long the shared part.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

__all__ = [
    "CANDIDATE_COLUMNS",
    "CERTAIN_SCORE",
    "MERGE_COLUMNS",
    "UNCERTAIN_SCORE",
    "OrganisationName",
    "Resolution",
    "apply_decisions",
    "clean_text",
    "display_names",
    "infer_sector",
    "match_key",
    "pair_scores",
    "resolve_organisations",
    "resolve_people",
    "similarity",
    "split_organisation",
]

#: Token sort ratio (0-100) from which two similar names are a certain merge.
CERTAIN_SCORE = 90
#: Token sort ratio from which two similar names are offered for review.
UNCERTAIN_SCORE = 80
#: Columns of :attr:`Resolution.merges`: one row per union of two groups of mentions.
MERGE_COLUMNS = ("left", "right", "left_name", "right_name", "rule", "score")
#: Columns of :attr:`Resolution.candidates`: one row per uncertain pair of clusters.
CANDIDATE_COLUMNS = ("left", "right", "left_mention", "right_mention", "score", "evidence")

# Letters NFKD does not decompose.
_FOLD = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l", "þ": "th"})
_NON_WORD = re.compile(r"[\W_]+")
# Where a department starts: a comma, a spaced dash, a slash or a bracket.
_UNIT_SEPARATORS = re.compile(r"\s*(?:,|;|\s[-–—]\s|/|\(|\))\s*")
# Words that make a name a department rather than an organisation.
_DEPARTMENT = re.compile(
    r"(forvaltning|avdelning|enhet|enheten|staben|namnd|namnden|kontor|kontoret|institution"
    r"|institutionen|sektion|sektionen|department|division|unit|office)\b"
)
# Standalone kind words: they say what kind of organisation a name is; synonyms share a form.
_KIND_WORDS = {
    "kommun": "kommun",
    "kommunen": "kommun",
    "kommuner": "kommuner",
    "region": "region",
    "regionen": "region",
    "landsting": "region",
    "landstinget": "region",
    "lansstyrelse": "lansstyrelse",
    "lansstyrelsen": "lansstyrelse",
    "stad": "stad",
    "ab": "ab",
    "aktiebolag": "ab",
    "publ": "ab",
    "hb": "hb",
    "handelsbolag": "hb",
    "kb": "kb",
    "forening": "forening",
    "foreningen": "forening",
    "universitet": "universitet",
    "universitetet": "universitet",
    "hogskola": "hogskola",
    "hogskolan": "hogskola",
}
# Sector rules on the match key, first match wins (see infer_sector).
_SECTOR_RULES: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (sector, kind, re.compile(pattern))
    for sector, kind, pattern in (
        ("academia", "universitet", r"\b(universitet(et)?|university|\w*hogskola[n]?)\b"),
        ("business", "företag", r"\b(ab|hb|kb|aktiebolag(et)?|handelsbolag(et)?|publ)\b"),
        ("public", "kommun", r"\b(kommun(en|er|s)?|\w+kommun|stad|stadsdelsforvaltning\w*)\b"),
        ("public", "region", r"\b(region(en)?|landsting(et)?)\b"),
        ("public", "länsstyrelse", r"\blansstyrelse(n)?\b"),
        (
            "public",
            "myndighet",
            r"\b(myndighet(en)?|\w+verket|\w+myndigheten|sametinget|polisen"
            r"|arbetsformedlingen|forsakringskassan)\b",
        ),
        (
            "civil_society",
            "förening",
            r"\b(\w*forening(en|ar|arna)?|\w*forbund(et)?|pro|if|ik|ifk|sk|bk|ff|fk|gif|ibk"
            r"|abf|folkets hus|folkets park|\w*bygderad(et)?|stiftelse(n)?|roda korset"
            r"|radda barnen|\w*framjandet|\w*scout\w*|\w*jour(en)?|\w*mission(en)?|lions"
            r"|rotary|sensus|nbv|spf)\b",
        ),
        (
            "civil_society",
            "trossamfund",
            r"\b(\w*trossamfund(et)?|\w*forsamling(en)?|\w*kyrka(n)?|moske(n)?)\b",
        ),
    )
)


@lru_cache(maxsize=200_000)
def match_key(text: str) -> str:
    """Return the form of ``text`` used for matching: folded case, diacritics and punctuation.

    The key is lower case, has no diacritics (å, ä -> a, ö, ø -> o, é -> e), has punctuation
    and white space runs replaced by one space, and no space at either end. It is only used
    to compare names; stored names keep the user's spelling.

    Examples
    --------
    >>> match_key("  Luleå Kommun ")
    'lulea kommun'
    >>> match_key("Anna-Maria  BERG")
    'anna maria berg'
    >>> match_key("Lulea kommun") == match_key("LULEÅ KOMMUN")
    True
    """
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", plain).strip()


def clean_text(text: str) -> str:
    """Return ``text`` with white space runs made one space and none at either end.

    This is the only change made to a stored name.

    Examples
    --------
    >>> clean_text("  Luleå   kommun ")
    'Luleå kommun'
    """
    return " ".join(text.split())


@dataclass(frozen=True)
class OrganisationName:
    """An organisation as written in a list, split into the organisation and a department.

    Attributes
    ----------
    parent : str
        The organisation as written (white space cleaned), e.g. ``Luleå Kommun``.
    unit : str or None
        The department or sub-unit as written, e.g. ``kultur- och fritidsförvaltningen``.
    key : str
        :func:`match_key` of ``parent``.
    core : str
        ``key`` without its kind words (kommun, region, AB, förening, universitet, ...).
    kinds : tuple of str
        The kind words found, in one spelling each, sorted.
    numbers : tuple of str
        The numbers in the name (``Grupp 1`` and ``Grupp 2`` never merge).
    """

    parent: str
    unit: str | None
    key: str
    core: str
    kinds: tuple[str, ...]
    numbers: tuple[str, ...]


@lru_cache(maxsize=100_000)
def split_organisation(text: str) -> OrganisationName:
    """Split an organisation as written into the organisation and its department.

    The text is cut at commas, semicolons, spaced dashes, slashes and brackets. The part
    that names a kind of organisation (kommun, region, AB, förening, universitet, ...) and is
    not a department (a word such as förvaltning, avdelning, enhet, nämnd, institution) is the
    organisation; failing that, the first part that is not a department; failing that, the
    first part. The other parts, joined by ", ", are the unit.

    Examples
    --------
    >>> org = split_organisation("Luleå Kommun, kultur- och fritidsförvaltningen")
    >>> org.parent, org.unit, org.key, org.core, org.kinds
    ('Luleå Kommun', 'kultur- och fritidsförvaltningen', 'lulea kommun', 'lulea', ('kommun',))
    >>> split_organisation("Socialförvaltningen, Luleå kommun").parent
    'Luleå kommun'
    >>> split_organisation("Fisksätra Folkets Hus förening").unit is None
    True
    """
    parts = [clean_text(p) for p in _UNIT_SEPARATORS.split(text)]
    parts = [p for p in parts if match_key(p)] or [clean_text(text)]
    keys = [match_key(p) for p in parts]
    departments = [bool(_DEPARTMENT.search(k)) for k in keys]
    kinded = [_has_kind(k) and not dep for k, dep in zip(keys, departments, strict=True)]
    if any(kinded):
        chosen = kinded.index(True)
    elif not all(departments):
        chosen = departments.index(False)
    else:
        chosen = 0
    parent = parts[chosen]
    unit = ", ".join(p for i, p in enumerate(parts) if i != chosen) or None
    key = keys[chosen]
    tokens = key.split()
    token_kinds = [_kind_word(t) for t in tokens]
    kinds = tuple(sorted({k for k in token_kinds if k is not None}))
    core = " ".join(t for t, k in zip(tokens, token_kinds, strict=True) if k is None)
    numbers = tuple(t for t in tokens if t.isdigit())
    return OrganisationName(parent, unit, key, core, kinds, numbers)


def _kind_word(token: str) -> str | None:
    """The kind a word names, also with one typo in words of 5 letters or more ("kommn")."""
    if token in _KIND_WORDS:
        return _KIND_WORDS[token]
    if len(token) >= 5:
        for word, kind in _KIND_WORDS.items():
            if len(word) >= 5 and OSA.distance(token, word, score_cutoff=1) <= 1:
                return kind
    return None


def _has_kind(key: str) -> bool:
    return any(t in _KIND_WORDS for t in key.split()) or any(
        rule.search(key) for _, _, rule in _SECTOR_RULES
    )


def infer_sector(name: str) -> tuple[str, str | None]:
    """Infer the sector and kind of an organisation from its name.

    Rules are tried in this order on the match key and the first that matches wins:
    universitet/högskola -> ``academia``; AB/HB/KB/aktiebolag -> ``business``;
    kommun/stad/region/landsting/länsstyrelse/myndighet/...verket/Sametinget -> ``public``;
    förening/förbund/PRO/IF/IK/IFK/folkets hus/stiftelse/bygderåd/främjandet/scout/jour/
    mission/Lions/Rotary/Sensus/NBV/SPF -> ``civil_society``;
    trossamfund/församling/kyrka -> ``civil_society``. No match gives ``("other", None)``.

    Returns
    -------
    (sector, kind) : tuple
        ``sector`` is one of :data:`netmap.schema.SECTORS`; ``kind`` is a Swedish word for
        the kind of organisation (kommun, region, förening, ...) or None.

    Examples
    --------
    >>> infer_sector("Luleå kommun")
    ('public', 'kommun')
    >>> infer_sector("PRO Husby-Akalla")
    ('civil_society', 'förening')
    >>> infer_sector("Hembygdsföreningen Gnistan")
    ('civil_society', 'förening')
    >>> infer_sector("Ersta konferens AB")
    ('business', 'företag')
    >>> infer_sector("Tensta Träff")
    ('other', None)
    """
    key = match_key(name)
    for sector, kind, rule in _SECTOR_RULES:
        if rule.search(key):
            return sector, kind
    return "other", None


@dataclass(frozen=True)
class Resolution:
    """The clusters of one kind of entity after the certain merges.

    Attributes
    ----------
    labels : numpy.ndarray of int
        Per mention, its cluster (0, 1, ... in order of first mention), or -1 when the
        mention names no entity (an empty organisation).
    merges : pandas.DataFrame
        Columns :data:`MERGE_COLUMNS`: ``left`` and ``right`` are mention positions (the
        first mention of each of the two groups joined), ``left_name``/``right_name`` their
        names, ``rule`` the evidence and ``score`` the similarity (0-100). Sorted by the
        cluster, then left, right.
    candidates : pandas.DataFrame
        Columns :data:`CANDIDATE_COLUMNS`: uncertain pairs of clusters ``left < right``, with
        one mention of each, the best ``score`` and the ``evidence``. Sorted by left, right.
    emails : tuple of frozenset
        The e-mails of each cluster (empty for organisations).
    """

    labels: np.ndarray
    merges: pd.DataFrame
    candidates: pd.DataFrame
    emails: tuple[frozenset[str], ...] = ()

    @property
    def n_clusters(self) -> int:
        """Number of clusters."""
        return int(self.labels.max()) + 1 if len(self.labels) else 0


# ------------------------------------------------------------------ union-find


class _UnionFind:
    """Union-find over units; each root keeps its cluster's e-mails (cannot-link) and number
    of mentions."""

    def __init__(self, emails: Sequence[frozenset[str]], mentions: Sequence[int] = ()) -> None:
        self.parent = list(range(len(emails)))
        self.emails = list(emails)
        self.mentions = list(mentions) or [1] * len(emails)

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, a: int, b: int, *, force: bool = False) -> bool:
        """Join the clusters of a and b unless their e-mails differ (or ``force``); True if
        joined now."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if not force and self.conflicts(a, b):
            return False
        ra, rb = min(ra, rb), max(ra, rb)
        self.parent[rb] = ra
        self.emails[ra] = self.emails[ra] | self.emails[rb]
        self.mentions[ra] += self.mentions[rb]
        return True

    def rare(self, a: int, b: int) -> bool:
        """Whether one cluster is rare enough next to the other to be its typo."""
        return _rare(self.mentions[self.find(a)], self.mentions[self.find(b)])

    def conflicts(self, a: int, b: int) -> bool:
        ea, eb = self.emails[self.find(a)], self.emails[self.find(b)]
        return bool(ea and eb and ea != eb)


@dataclass(frozen=True)
class _Pair:
    left: int
    right: int
    score: float
    rule: str
    certain: bool


# Order in which certain rules are applied (strongest evidence first).
_RULE_RANK = {
    "same e-mail": 0,
    "same name": 1,
    "same name after normalising": 1,
    "same name, no organisation": 2,
    "middle name": 3,
    "similar name": 4,
}


def _resolve(
    unit_of: np.ndarray,
    pairs: Iterable[_Pair],
    *,
    unit_names: Sequence[str],
    emails: Sequence[str | None] | None = None,
) -> Resolution:
    """Cluster units (distinct spellings) from their pairs; ``unit_of`` maps each mention to
    its unit (-1 for none)."""
    n_units = len(unit_names)
    known = unit_of >= 0
    first_mention = np.full(n_units, len(unit_of), dtype=np.int64)
    np.minimum.at(first_mention, unit_of[known], np.flatnonzero(known))
    labels, done, uncertain, emails_of = _cluster(
        n_units,
        pairs,
        first_mention=first_mention,
        mentions=np.bincount(unit_of[known], minlength=n_units),
        emails=emails,
    )
    return _unit_frames(
        labels,
        done,
        uncertain,
        emails_of,
        unit_of=unit_of,
        first_mention=first_mention,
        unit_names=unit_names,
    )


def _cluster(
    n_units: int,
    pairs: Iterable[_Pair],
    *,
    first_mention: np.ndarray,
    mentions: np.ndarray,
    emails: Sequence[str | None] | None = None,
) -> tuple[np.ndarray, list[tuple[int, int, str, float]], list[_Pair], tuple[frozenset, ...]]:
    """Apply the certain pairs in rule order; return unit labels, merges done, uncertain
    pairs and each cluster's e-mails.

    A "similar name" merge also needs one cluster to be rare next to the other when it is
    made (:func:`_rare`), so that a typo between two real names ("Lnköping" between
    Linköping and Lidköping) joins one of them, not both; otherwise it is left for review.
    """
    uf = _UnionFind(
        [frozenset() if e is None else frozenset([e]) for e in emails or [None] * n_units],
        mentions.tolist(),
    )
    pairs = list(pairs)
    certain = sorted(
        (p for p in pairs if p.certain),
        key=lambda p: (_RULE_RANK.get(p.rule, 9), -p.score, p.left, p.right),
    )
    uncertain = [p for p in pairs if not p.certain]
    done = []
    for p in certain:
        if p.rule == "similar name" and not uf.rare(p.left, p.right):
            uncertain.append(_Pair(p.left, p.right, p.score, p.rule, False))
        elif uf.union(p.left, p.right):
            done.append((p.left, p.right, p.rule, p.score))
    # Two clusters with different e-mails are two people: not even a question, unless the
    # only difference is the e-mail (same name, same organisation: a second address?).
    uncertain = [
        p
        for p in uncertain
        if p.rule == "same name, other e-mail" or not uf.conflicts(p.left, p.right)
    ]
    roots = np.array([uf.find(i) for i in range(n_units)], dtype=np.int64)
    # Number clusters by their first mention.
    first = {}
    for unit in np.argsort(first_mention, kind="stable"):
        first.setdefault(roots[unit], len(first))
    labels = np.array([first[r] for r in roots], dtype=np.int64)
    emails_of = [frozenset()] * len(first)
    for root, label in first.items():
        emails_of[label] = uf.emails[root]
    return labels, done, uncertain, tuple(emails_of)


def _unit_frames(
    labels: np.ndarray,
    done: list[tuple[int, int, str, float]],
    uncertain: list[_Pair],
    emails_of: tuple[frozenset[str], ...],
    *,
    unit_of: np.ndarray,
    first_mention: np.ndarray,
    unit_names: Sequence[str],
) -> Resolution:
    """Turn unit-level results into a mention-level :class:`Resolution`."""
    merges = pd.DataFrame(
        [
            (
                int(first_mention[a]),
                int(first_mention[b]),
                unit_names[a],
                unit_names[b],
                rule,
                round(float(score), 1),
                labels[a],
            )
            for a, b, rule, score in done
        ],
        columns=[*MERGE_COLUMNS, "_cluster"],
    )
    merges = (
        merges.sort_values(["_cluster", "left", "right"], kind="stable")
        .drop(columns="_cluster")
        .reset_index(drop=True)
    )
    best: dict[tuple[int, int], tuple] = {}
    evidence: dict[tuple[int, int], set[str]] = defaultdict(set)
    for p in uncertain:
        la, lb = labels[p.left], labels[p.right]
        if la == lb:
            continue
        a, b = (p.left, p.right) if la < lb else (p.right, p.left)
        key = (int(min(la, lb)), int(max(la, lb)))
        row = (*key, int(first_mention[a]), int(first_mention[b]), round(float(p.score), 1))
        evidence[key].add(p.rule)
        old = best.get(key)
        if old is None or (-row[4], row[2], row[3]) < (-old[4], old[2], old[3]):
            best[key] = row
    candidates = pd.DataFrame(
        [(*row, "; ".join(sorted(evidence[key]))) for key, row in sorted(best.items())],
        columns=list(CANDIDATE_COLUMNS),
    )
    mention_labels = np.full(len(unit_of), -1, dtype=np.int64)
    known = unit_of >= 0
    mention_labels[known] = labels[unit_of[known]]
    return Resolution(mention_labels, merges, candidates, emails_of)


def similarity(a: str, b: str) -> float:
    """Similarity of two match keys, 0-100: the larger of rapidfuzz's ``ratio`` and
    ``token_sort_ratio``, so that both a typo that reorders words and a swapped word order
    ("berg anna") score high.

    Examples
    --------
    >>> similarity("anna berg", "berg anna"), round(similarity("anna berg", "anna borg"), 1)
    (100.0, 88.9)
    """
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


def _rare(seen_a: int, seen_b: int) -> bool:
    """Whether the rarer of two spellings is rare enough to be a typo of the other.

    A typo is a spelling seen once or twice, or at most a tenth as often as the right one;
    two spellings both seen often ("Linköping församling", "Lidköping församling") are two
    names, to review.

    Examples
    --------
    >>> _rare(1, 1), _rare(2, 40), _rare(4, 22), _rare(5, 50)
    (True, True, False, True)
    """
    low, high = sorted((seen_a, seen_b))
    return low <= max(2, high // 10)


def _other_words(a: str, b: str) -> bool | None:
    """Compare the words of two similar keys that the other lacks, word by word.

    A typo changes a word; "vuxenskolan lund" and "vuxenskolan mora" replace one. True when
    each such word has a partner one edit away (words of 4 letters or more) or with
    :func:`similarity` >= 88: a certain merge may go ahead. False when each has a partner
    with similarity >= 60: only for review. None otherwise: different words, not a pair.
    With no such words on one side (a word added or dropped), True.

    Examples
    --------
    >>> _other_words("pro husby", "pro husbyy"), _other_words("sv lund", "sv mora")
    (True, None)
    """
    ta, tb = set(a.split()), set(b.split())
    left = [w for w in a.split() if w not in tb]
    right = [w for w in b.split() if w not in ta]
    if not left or not right:
        return True
    if len(left) != len(right):
        return False if similarity(" ".join(left), " ".join(right)) >= 60 else None

    def best(word: str) -> tuple[bool, float]:
        close = [
            len(word) >= 4 and len(other) >= 4 and OSA.distance(word, other, score_cutoff=1) <= 1
            for other in right
        ]
        return any(close), max(similarity(word, other) for other in right)

    partners = [best(w) for w in left]
    if all(one_edit or score >= 88 for one_edit, score in partners):
        return True
    return False if all(score >= 60 for _, score in partners) else None


def _similar_pairs(
    keys: Sequence[str], *, cutoff: float, chunk: int = 2000
) -> Iterable[tuple[int, int, float]]:
    """Yield (i, j, similarity) for i < j with :func:`similarity` >= cutoff, in row chunks."""
    n = len(keys)
    for start in range(0, n, chunk):
        rows_keys = keys[start : start + chunk]
        block = np.maximum(
            *(
                process.cdist(
                    rows_keys, keys, scorer=scorer, score_cutoff=cutoff, dtype=np.uint8, workers=-1
                )
                for scorer in (fuzz.ratio, fuzz.token_sort_ratio)
            )
        )
        rows, cols = np.nonzero(block)
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            i = start + r
            if i < c:
                yield i, c, similarity(keys[i], keys[c])


# ------------------------------------------------------------------ organisations


def resolve_organisations(names: Sequence[str | float | None]) -> Resolution:
    """Cluster organisation mentions; each mention is an organisation as written, or empty.

    The department part (see :func:`split_organisation`) is ignored: "Luleå Kommun,
    kultur- och fritidsförvaltningen" is a mention of Luleå kommun.

    Parameters
    ----------
    names : sequence of str or None
        One organisation per mention, as written; None, NaN or blank for no organisation.

    Returns
    -------
    Resolution
        ``labels`` per mention (-1 for no organisation); merges; uncertain candidates.

    Examples
    --------
    Three spellings of Luleå kommun are one organisation; "Luleå" alone could be the
    municipality or a company in it, so it is only a candidate for review:

    >>> res = resolve_organisations(
    ...     ["Luleå kommun", "Lulea Kommun", "Luleå Kommun, kultur- och fritidsförvaltningen",
    ...      "PRO Husby", None, "Luleå"])
    >>> res.labels.tolist()
    [0, 0, 0, 1, -1, 2]
    >>> res.candidates[["left", "right", "evidence"]].to_records(index=False).tolist()
    [(0, 2, 'same name, different kind words')]
    """
    parsed = [
        split_organisation(str(n)) if isinstance(n, str) and match_key(n) else None for n in names
    ]
    spellings: dict[str, int] = {}
    unit_of = np.full(len(names), -1, dtype=np.int64)
    for i, org in enumerate(parsed):
        if org is not None:
            unit_of[i] = spellings.setdefault(org.parent, len(spellings))
    units = [split_organisation(s) for s in spellings]
    return _resolve(unit_of, _organisation_pairs(units), unit_names=list(spellings))


def _organisation_pairs(units: Sequence[OrganisationName]) -> Iterable[_Pair]:
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        by_key[u.key].append(i)
    for members in by_key.values():
        for other in members[1:]:
            yield _Pair(members[0], other, 100.0, "same name after normalising", True)
    heads = [members[0] for members in by_key.values()]
    # Fuzzy: blocks of names with the same kind words (a typo never turns "kommun" into
    # "region"), scored on the core.
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in heads:
        blocks[units[i].kinds].append(i)
    for members in blocks.values():
        cores = [units[i].core or units[i].key for i in members]
        for a, b, score in _similar_pairs(cores, cutoff=UNCERTAIN_SCORE):
            ua, ub = units[members[a]], units[members[b]]
            same_numbers = ua.numbers == ub.numbers
            shorter = min(len(ua.core), len(ub.core))
            one_typo = shorter >= 6 and OSA.distance(ua.core, ub.core, score_cutoff=1) <= 1
            words = _other_words(ua.core, ub.core)
            if words is None:
                continue
            close = (score >= CERTAIN_SCORE and shorter >= 5) or one_typo
            certain = close and same_numbers and words
            rule = "similar name" if same_numbers else "similar name, different numbers"
            yield _Pair(members[a], members[b], score, rule, certain)
    # Same core, different kind words; one name's words inside the other's.
    by_core: dict[str, list[int]] = defaultdict(list)
    for i in heads:
        if units[i].core:
            by_core[units[i].core].append(i)
    for members in by_core.values():
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1 :]:
                if units[a].kinds != units[b].kinds and not (units[a].kinds and units[b].kinds):
                    yield _Pair(a, b, 100.0, "same name, different kind words", False)
    by_token: dict[str, list[int]] = defaultdict(list)
    for i in heads:
        for t in set(units[i].core.split()):
            if len(t) >= 4:
                by_token[t].append(i)
    seen = set()
    for members in by_token.values():
        if len(members) > 50:  # a common word is no evidence; keep blocks small
            continue
        for a_pos, a in enumerate(members):
            ta = set(units[a].key.split())
            for b in members[a_pos + 1 :]:
                tb = set(units[b].key.split())
                if (a, b) not in seen and (ta < tb or tb < ta) and units[a].core != units[b].core:
                    seen.add((a, b))
                    score = similarity(units[a].key, units[b].key)
                    yield _Pair(a, b, score, "one name inside the other", False)
    # Acronyms: "LTU" and "Luleå tekniska universitet".
    by_initials: dict[str, list[int]] = defaultdict(list)
    for i in heads:
        words = units[i].key.split()
        if len(words) >= 2:
            by_initials["".join(w[0] for w in words)].append(i)
    for i in heads:
        key = units[i].key
        if " " not in key and 2 <= len(key) <= 6:
            for j in by_initials.get(key, []):
                a, b = min(i, j), max(i, j)
                yield _Pair(a, b, 0.0, "acronym", False)


# ------------------------------------------------------------------ people


def resolve_people(
    names: Sequence[str],
    *,
    emails: Sequence[str | float | None],
    organisations: Sequence[int],
) -> Resolution:
    """Cluster person mentions by e-mail, name and organisation (rules in the module doc).

    Parameters
    ----------
    names : sequence of str
        The name of each mention, as written (non-empty).
    emails : sequence of str or None
        The e-mail of each mention, None/NaN/blank when missing; compared case-insensitively.
    organisations : sequence of int
        The resolved organisation cluster of each mention, -1 for none.

    Returns
    -------
    Resolution
        ``labels`` per mention, merges and uncertain candidates.

    Examples
    --------
    Two Maria Lindqvists with different e-mails stay two people; the one without an e-mail
    at organisation 0 joins the first; Anna Maria Berg and Anna Berg at organisation 1 are
    one person (middle name); "A. Berg" is only a candidate for review:

    >>> res = resolve_people(
    ...     ["Maria Lindqvist", "Maria Lindqvist", "maria lindqvist", "Anna Maria Berg",
    ...      "Anna Berg", "A. Berg"],
    ...     emails=["ml@lulea.se", "ml@hudiksvall.se", None, None, None, None],
    ...     organisations=[0, 2, 0, 1, 1, 1])
    >>> res.labels.tolist()
    [0, 1, 0, 2, 2, 3]
    >>> res.candidates[["left", "right", "evidence"]].to_records(index=False).tolist()
    [(2, 3, 'initial')]
    """
    clean_emails = [_email_key(e) for e in emails]
    unit_index: dict[tuple[str, str | None, int], int] = {}
    unit_of = np.empty(len(names), dtype=np.int64)
    for i, (name, email, org) in enumerate(zip(names, clean_emails, organisations, strict=True)):
        unit_of[i] = unit_index.setdefault((clean_text(name), email, int(org)), len(unit_index))
    units = list(unit_index)
    return _resolve(
        unit_of,
        _people_pairs(units),
        unit_names=[u[0] for u in units],
        emails=[u[1] for u in units],
    )


def _email_key(email: str | float | None) -> str | None:
    if not isinstance(email, str):
        return None
    key = email.strip().strip("<>").casefold()
    return key or None


@lru_cache(maxsize=200_000)
def _person_words(name: str) -> tuple[str, ...]:
    """The words of a name for matching, first name first ("Berg, Anna" -> anna, berg)."""
    if "," in name:
        last, first = name.split(",", 1)
        name = f"{first} {last}"
    return tuple(match_key(name).split())


def _people_pairs(units: Sequence[tuple[str, str | None, int]]) -> Iterable[_Pair]:
    words = [_person_words(name) for name, _, _ in units]
    keys = [" ".join(w) for w in words]
    word_sets = [" ".join(sorted(w)) for w in words]
    emails = [e for _, e, _ in units]
    orgs = [o for _, _, o in units]
    # Same e-mail.
    by_email: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(emails):
        if e is not None:
            by_email[e].append(i)
    for members in by_email.values():
        for b in members[1:]:
            alike = [a for a in members if a < b and fuzz.token_set_ratio(keys[a], keys[b]) >= 50]
            if alike:
                yield _Pair(alike[0], b, 100.0, "same e-mail", True)
            else:
                score = similarity(keys[members[0]], keys[b])
                yield _Pair(members[0], b, score, "same e-mail, other name", False)
    # Same name.
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(word_sets):
        by_name[k].append(i)
    for members in by_name.values():
        if len(members) > 1:
            yield from _same_name_pairs(members, emails, orgs)
    # Fuzzy names within each organisation (the block), middle names and initials.
    by_org: dict[int, list[int]] = defaultdict(list)
    for i in range(len(units)):
        by_org[orgs[i]].append(i)
    for org, members in by_org.items():
        heads = list({keys[i]: i for i in reversed(members)}.values())[::-1]
        head_keys = [keys[i] for i in heads]
        for a, b, score in _similar_pairs(head_keys, cutoff=UNCERTAIN_SCORE):
            words = _other_words(head_keys[a], head_keys[b])
            if words is not None:
                certain = score >= CERTAIN_SCORE and org >= 0 and words
                yield _Pair(heads[a], heads[b], score, "similar name", certain)
        yield from _middle_and_initial_pairs(heads, keys, certain=org >= 0)


def _same_name_pairs(
    members: list[int], emails: Sequence[str | None], orgs: Sequence[int]
) -> Iterable[_Pair]:
    known_orgs = {orgs[i] for i in members if orgs[i] >= 0}
    first_at: dict[int, int] = {}
    for i in members:
        first_at.setdefault(orgs[i], i)
    for i in members:
        head = first_at[orgs[i]]
        if i == head:
            continue
        if emails[i] and emails[head] and emails[i] != emails[head]:
            if orgs[i] >= 0:
                yield _Pair(head, i, 100.0, "same name, other e-mail", False)
        else:
            yield _Pair(head, i, 100.0, "same name", True)
    # Across organisations: the first mention at each organisation stands for it.
    heads = sorted(first_at.values())
    for a_pos, a in enumerate(heads):
        for b in heads[a_pos + 1 :]:
            if emails[a] and emails[b] and emails[a] != emails[b]:
                continue  # two people who share a name: never merged, not even proposed
            if min(orgs[a], orgs[b]) < 0:
                certain = len(known_orgs) <= 1
                yield _Pair(a, b, 100.0, "same name, no organisation", certain)
            else:
                yield _Pair(a, b, 100.0, "same name, other organisation", False)


def _middle_and_initial_pairs(
    heads: list[int], keys: Sequence[str], *, certain: bool
) -> Iterable[_Pair]:
    by_ends: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_initial: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in heads:
        words = keys[i].split()
        if len(words) >= 2:
            by_ends[(words[0], words[-1])].append(i)
            by_initial[(words[0][0], words[-1])].append(i)
    for members in by_ends.values():
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1 :]:
                wa, wb = set(keys[a].split()), set(keys[b].split())
                if wa < wb or wb < wa:
                    score = similarity(keys[a], keys[b])
                    yield _Pair(a, b, score, "middle name", certain)
    for members in by_initial.values():
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1 :]:
                fa, fb = keys[a].split()[0], keys[b].split()[0]
                if (len(fa) == 1) != (len(fb) == 1):
                    score = similarity(keys[a], keys[b])
                    yield _Pair(a, b, score, "initial", False)


# ------------------------------------------------------------------ decisions and names


def apply_decisions(
    resolution: Resolution, merge: Iterable[tuple[int, int]]
) -> tuple[np.ndarray, list[tuple[int, int]], list[tuple[int, int]]]:
    """Join clusters the user decided to merge; return final mention labels, joins, refusals.

    A final cluster is named by the smallest cluster it contains, so clusters nobody merged
    keep their number (review decisions never renumber other records). A decision whose
    two clusters have different e-mails is followed (the user saw both); one that would
    join different e-mails only through other decisions is refused and returned.

    Examples
    --------
    >>> res = resolve_organisations(["Luleå kommun", "PRO Husby", "Luleå"])
    >>> labels, joined, refused = apply_decisions(res, [(0, 2)])
    >>> labels.tolist(), joined, refused
    ([0, 1, 0], [(0, 2)], [])
    """
    n = resolution.n_clusters
    emails = resolution.emails or (frozenset(),) * n
    uf = _UnionFind(list(emails))
    joined, refused = [], []
    for a, b in sorted(merge):
        shown = bool(emails[a] and emails[b])  # the review row showed both e-mails
        if uf.union(a, b, force=shown):
            joined.append((a, b))
        elif uf.find(a) != uf.find(b):
            refused.append((a, b))
    final = np.array([uf.find(i) for i in range(n)], dtype=np.int64)
    labels = resolution.labels.copy()
    known = labels >= 0
    labels[known] = final[labels[known]]
    return labels, joined, refused


def display_names(labels: Sequence[int], names: Sequence[str]) -> dict[int, str]:
    """Choose each cluster's name among the spellings its mentions used.

    First the most frequent spelling up to case, diacritics, punctuation and a "Last, First"
    order (ties to the one seen first), so that a one-off typo loses to what most people
    wrote; then, among the ways that spelling was written, the best formed: not "Last,
    First", not all lower or upper case, with the most letters outside ASCII (diacritics
    kept), then the most frequent, then the first seen.

    Examples
    --------
    >>> display_names([0, 0, 0, 0, 1], ["LULEÅ KOMMUN", "Lulea kommun", "Luleå kommun",
    ...                                 "Lulå kommun", "Berg, Anna"])
    {0: 'Luleå kommun', 1: 'Berg, Anna'}
    """
    spellings: dict[int, Counter] = defaultdict(Counter)
    written: dict[int, Counter] = defaultdict(Counter)
    for label, name in zip(labels, names, strict=True):
        if label >= 0:
            spellings[int(label)][" ".join(_person_words(name))] += 1
            written[int(label)][name] += 1  # Counter keeps first-seen order among ties
    out = {}
    for label in sorted(spellings):
        spelling = spellings[label].most_common(1)[0][0]
        variants = [
            (n, c) for n, c in written[label].items() if " ".join(_person_words(n)) == spelling
        ]
        out[label] = min(enumerate(variants), key=lambda v: (*_form(v[1][0]), -v[1][1], v[0]))[1][0]
    return out


def _form(name: str) -> tuple[int, int, int]:
    """Sort key of how well a name is written (smaller is better)."""
    letters = [ch for ch in name if ch.isalpha()]
    one_case = bool(letters) and (name == name.lower() or name == name.upper())
    return int("," in name), int(one_case), -sum(not ch.isascii() for ch in letters)


def pair_scores(predicted: Sequence[object], truth: Sequence[object]) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering against the true clusters.

    Every pair of items put in one cluster is a predicted merge; it is right when the two are
    one entity in ``truth``. Precision = right merges / predicted merges, recall = right
    merges / true pairs (1.0 when there is nothing to find). Items whose truth is None or NaN
    are left out.

    Examples
    --------
    Four mentions of two people; the method joined the first three:

    >>> pair_scores([1, 1, 1, 2], ["anna", "anna", "erik", "erik"])
    (0.3333333333333333, 0.5)

    Of its three merged pairs one is right (anna-anna); of the two true pairs it found one.
    """
    frame = pd.DataFrame({"p": list(predicted), "t": list(truth)}).dropna()
    frame = frame.astype(str)

    def pairs(sizes: pd.Series) -> int:
        return int((sizes * (sizes - 1) // 2).sum())

    right = pairs(frame.groupby(["p", "t"]).size())
    made = pairs(frame.groupby("p").size())
    true = pairs(frame.groupby("t").size())
    return (right / made if made else 1.0), (right / true if true else 1.0)
