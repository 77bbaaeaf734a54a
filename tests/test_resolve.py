"""Entity resolution: match keys, organisation names, sectors, the merge rules, scoring.

Expected clusters are worked out by hand from the rules in netmap/resolve.py's module
docstring; each test says which rule it checks.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netmap.resolve import (
    CERTAIN_SCORE,
    UNCERTAIN_SCORE,
    apply_decisions,
    display_names,
    infer_sector,
    match_key,
    pair_scores,
    resolve_organisations,
    resolve_people,
    similarity,
    split_organisation,
)

SWEDISH = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzåäöéüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÜ -.,'", max_size=30
)


# ---------------------------------------------------------------- match keys


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Luleå kommun", "lulea kommun"),
        ("  LULEÅ   Kommun ", "lulea kommun"),
        ("Anna-Maria Berg", "anna maria berg"),
        ("Björn Ørsted", "bjorn orsted"),
        ("Café Rosa Park!", "cafe rosa park"),
        ("", ""),
    ],
)
def test_match_key_folds_case_diacritics_punctuation(text, key):
    assert match_key(text) == key


@given(SWEDISH)
def test_match_key_is_idempotent_and_case_blind(text):
    key = match_key(text)
    assert match_key(key) == key
    assert match_key(text.upper()) == key == match_key(text.lower())
    assert key == key.strip() and "  " not in key


# ---------------------------------------------------------------- organisation names


@pytest.mark.parametrize(
    ("text", "parent", "unit"),
    [
        (
            "Luleå Kommun, kultur- och fritidsförvaltningen",
            "Luleå Kommun",
            "kultur- och fritidsförvaltningen",
        ),
        ("Socialförvaltningen, Luleå kommun", "Luleå kommun", "Socialförvaltningen"),
        ("Luleå kommun (kommunstaben)", "Luleå kommun", "kommunstaben"),
        (
            "Umeå universitet - Institutionen för socialt arbete",
            "Umeå universitet",
            "Institutionen för socialt arbete",
        ),
        ("PRO Husby-Akalla", "PRO Husby-Akalla", None),
        ("Café Rosa Park, Tensta", "Café Rosa Park", "Tensta"),
    ],
)
def test_split_organisation_keeps_the_parent_and_the_department(text, parent, unit):
    org = split_organisation(text)
    assert (org.parent, org.unit) == (parent, unit)


def test_kind_words_are_recognised_with_one_typo_but_not_in_other_words():
    assert split_organisation("Luleå kommn").kinds == ("kommun",)
    assert split_organisation("Luleå kmomun").kinds == ("kommun",)  # swapped letters
    assert split_organisation("Regional utveckling").kinds == ()
    assert split_organisation("Norrbottens Kommuner").kinds == ("kommuner",)


@pytest.mark.parametrize(
    ("name", "sector"),
    [
        # The examples.
        ("Luleå kommun", "public"),
        ("Region Norrbotten", "public"),
        ("Länsstyrelsen i Stockholms län", "public"),
        ("Myndigheten för delaktighet", "public"),
        ("Trafikverket", "public"),
        ("Sametinget", "public"),
        ("Hässelby hembygdsförening", "civil_society"),
        ("PRO Husby-Akalla", "civil_society"),
        ("Hudiksvalls IF", "civil_society"),
        ("Fisksätra Folkets Hus", "civil_society"),
        ("Islamiska trossamfundet", "civil_society"),
        ("Luleå domkyrkoförsamling", "civil_society"),
        ("Hudiksvallsbostäder AB", "business"),
        ("Nilsson & Berg HB", "business"),
        ("Umeå universitet", "academia"),
        ("Högskolan Dalarna", "academia"),
        ("Tensta Träff", "other"),
    ],
)
def test_infer_sector(name, sector):
    assert infer_sector(name)[0] == sector


# ---------------------------------------------------------------- organisations


def test_spellings_of_one_organisation_are_one_cluster():
    res = resolve_organisations(
        [
            "Luleå kommun",
            "LULEÅ KOMMUN",
            "Lulea kommun",
            "Luleå Kommun, kultur- och fritidsförvaltningen",
            "Socialförvaltningen, Luleå kommun",
            "Luleå kommn",  # typo in the kind word
        ]
    )
    assert res.labels.tolist() == [0] * 6
    assert res.candidates.empty
    # Five spellings of the parent (row 4's is row 0's): four merges, all anchored at row 0.
    assert len(res.merges) == 4 and set(res.merges["left"]) == {0}


def test_one_typo_in_a_long_name_is_certain_but_short_names_need_review():
    res = resolve_organisations(
        ["Jokkmokks kommun", "Jokmkokks kommun", "Luleå kommun", "Lulå kommun"]
    )
    assert res.labels.tolist() == [0, 0, 1, 2]
    assert res.candidates[["left", "right"]].values.tolist() == [[1, 2]]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Region Norrbotten", "Region Västerbotten"),
        ("Region Norrbotten", "Länsstyrelsen Norrbotten"),  # same place, different bodies
        ("Norrbottens Kommuner", "Luleå kommun"),
        ("Grupp 1", "Grupp 2"),
        ("Kiruna kommun", "Kalix kommun"),
        ("PRO Luleå", "PRO Umeå"),
    ],
)
def test_different_organisations_are_never_merged(a, b):
    res = resolve_organisations([a, b])
    assert res.labels.tolist() == [0, 1]


def test_two_common_names_one_letter_apart_are_two_organisations():
    """Linköping and Lidköping are one edit apart and both real: a typo is a rare spelling,
    so two spellings seen as often as each other only go to review; a one-off typo between
    them joins one of them, never both."""
    names = ["Linköping församling"] * 5 + ["Lidköping församling"] * 5 + ["Lidkoping forsamlng"]
    res = resolve_organisations(names)
    assert res.labels.tolist() == [0] * 5 + [1] * 5 + [1]
    assert res.candidates[["left", "right", "evidence"]].values.tolist() == [[0, 1, "similar name"]]


def test_a_long_shared_name_with_another_place_is_not_a_typo():
    names = ["Studieförbundet Vuxenskolan Lund", "Studieförbundet Vuxenskolan Mora"]
    res = resolve_organisations(names)
    assert res.labels.tolist() == [0, 1]
    assert res.candidates.empty  # "lund" and "mora" are different words, not a typo


@pytest.mark.parametrize(
    ("a", "b", "evidence"),
    [
        ("Luleå kommun", "Luleå", "same name, different kind words"),
        ("Luleå tekniska universitet", "LTU", "acronym"),
        ("PRO Husby", "PRO Husby-Akalla", "one name inside the other"),
    ],
)
def test_uncertain_organisation_pairs_go_to_review(a, b, evidence):
    res = resolve_organisations([a, b])
    assert res.labels.tolist() == [0, 1]
    assert evidence in res.candidates.loc[0, "evidence"]


def test_empty_organisations_have_no_cluster():
    res = resolve_organisations([None, "", float("nan"), "PRO Luleå"])
    assert res.labels.tolist() == [-1, -1, -1, 0]


# ---------------------------------------------------------------- people


def _people(rows):
    names, emails, orgs = zip(*rows, strict=True)
    return resolve_people(list(names), emails=list(emails), organisations=list(orgs))


def test_homonyms_with_different_emails_are_never_merged_nor_proposed():
    res = _people(
        [
            ("Maria Lindqvist", "maria.lindqvist@lulea.se", 0),
            ("Maria Lindqvist", "maria.lindqvist@regionnorrbotten.se", 1),
            ("Maria Lindqvist", None, 0),  # at Luleå kommun: she is the first
            ("maria lindqvist", None, 1),  # at the region: the second
        ]
    )
    assert res.labels.tolist() == [0, 1, 0, 1]
    assert res.candidates.empty


def test_same_email_is_one_person_whatever_the_spelling():
    res = _people([("Anna Berg", "Anna.Berg@lulea.se", 0), ("A Berg", "anna.berg@lulea.se ", -1)])
    assert res.labels.tolist() == [0, 0]
    assert res.merges["rule"].tolist() == ["same e-mail"]


def test_a_shared_mailbox_with_unlike_names_is_only_proposed():
    res = _people(
        [("Gunnel Åström", "pro@telia.com", 0), ("Ali Mohammed Yusuf", "pro@telia.com", 0)]
    )
    assert res.labels.tolist() == [0, 1]
    assert res.candidates["evidence"].tolist() == ["same e-mail, other name"]


def test_name_rules_within_one_organisation():
    res = _people(
        [
            ("Anna Maria Berg", None, 0),
            ("Anna Berg", None, 0),  # middle name left out: certain
            ("Berg, Anna Maria", None, 0),  # family name first: certain
            ("Magnus Bergmarck", None, 0),  # typo of the next: certain (96.8)
            ("Magnus Bergmark", None, 0),
            ("Anna Borg", None, 0),  # one letter from Anna Berg in a short name: review
            ("A. Berg", None, 0),  # an initial: review
        ]
    )
    assert res.labels.tolist() == [0, 0, 0, 1, 1, 2, 3]
    pairs = {(r.left, r.right): r.evidence for r in res.candidates.itertuples(index=False)}
    assert "similar name" in pairs[(0, 2)]
    assert "initial" in pairs[(0, 3)]


def test_middle_name_across_organisations_is_not_merged():
    res = _people([("Anna Maria Berg", None, 0), ("Anna Berg", None, 1)])
    assert res.labels.tolist() == [0, 1]


def test_a_name_without_organisation_joins_only_an_unambiguous_person():
    alone = _people([("Eva Lakso", None, 3), ("Lakso, Eva", None, -1)])
    assert alone.labels.tolist() == [0, 0]
    assert alone.merges["rule"].tolist() == ["same name, no organisation"]
    two = _people([("Eva Lakso", None, 3), ("Eva Lakso", None, 4), ("Eva Lakso", None, -1)])
    assert two.labels.tolist() == [0, 1, 2]
    assert (
        two.candidates["evidence"].tolist()
        == ["same name, other organisation"] + ["same name, no organisation"] * 2
    )


def test_same_name_same_organisation_other_email_is_proposed_not_merged():
    res = _people([("Eva Lakso", "eva@nbk.se", 3), ("Eva Lakso", "eva.lakso@gmail.com", 3)])
    assert res.labels.tolist() == [0, 1]
    assert res.candidates["evidence"].tolist() == ["same name, other e-mail"]


names = st.sampled_from(["Anna Berg", "anna berg", "Anna Maria Berg", "Berg, Anna", "Anna Borg"])
emails = st.sampled_from([None, "a@x.se", "b@x.se", "c@x.se"])
orgs = st.sampled_from([-1, 0, 1])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(names, emails, orgs), min_size=1, max_size=12))
def test_no_cluster_ever_holds_two_emails_and_labels_follow_first_mentions(rows):
    res = _people(rows)
    seen: dict[int, set[str]] = {}
    for (_, email, _), label in zip(rows, res.labels.tolist(), strict=True):
        if email is not None:
            seen.setdefault(label, set()).add(email)
    assert all(len(found) == 1 for found in seen.values())
    first_seen = list(dict.fromkeys(res.labels.tolist()))
    assert first_seen == list(range(len(first_seen)))
    again = _people(rows)
    assert np.array_equal(again.labels, res.labels)
    assert again.candidates.equals(res.candidates)


def test_similarity_and_thresholds():
    # Documented thresholds and the scorer's two halves (ratio and token sort ratio).
    assert (UNCERTAIN_SCORE, CERTAIN_SCORE) == (80, 90)
    assert similarity("nils reik fredriksson", "nils erik fredriksson") > 95  # ratio
    assert similarity("berg anna", "anna berg") == 100  # token sort


# ---------------------------------------------------------------- decisions and names


def test_review_merges_never_join_two_emails_through_a_third():
    res = _people(
        [
            ("Maria Lindqvist", "ml@lulea.se", 0),
            ("Maria Lindqvist", "ml@region.se", 1),
            ("Lindqvist, Maria", None, 2),
        ]
    )
    # The user merges the third with both: the second decision would make one person of
    # two addresses, so it is refused.
    labels, joined, refused = apply_decisions(res, [(0, 2), (1, 2)])
    assert labels.tolist() == [0, 1, 0]
    assert (joined, refused) == ([(0, 2)], [(1, 2)])
    # Merging the two directly is the user's call: the review row showed both e-mails.
    labels, joined, refused = apply_decisions(res, [(0, 1)])
    assert labels.tolist() == [0, 0, 2] and refused == []


def test_display_name_prefers_the_common_spelling_then_the_best_written():
    labels = [0, 0, 0, 0, 0, 1, 1]
    names = [
        "Lulå kommun",
        "LULEÅ KOMMUN",
        "Lulea kommun",
        "luleå kommun",
        "Luleå kommun",
        "Berg, Anna",
        "Anna Berg",
    ]
    assert display_names(labels, names) == {0: "Luleå kommun", 1: "Anna Berg"}


def test_pair_scores_known_answers():
    assert pair_scores([1, 1, 2, 2], ["a", "a", "b", "b"]) == (1.0, 1.0)
    # Everything in one cluster: 6 predicted pairs, 2 right; both true pairs found.
    assert pair_scores([1, 1, 1, 1], ["a", "a", "b", "b"]) == (2 / 6, 1.0)
    # Nothing merged: precision 1 by convention, no true pair found.
    assert pair_scores([1, 2, 3, 4], ["a", "a", "b", "b"]) == (1.0, 0.0)
    # Items without truth are left out.
    assert pair_scores([1, 1, 1], ["a", "a", None]) == (1.0, 1.0)


@given(st.lists(st.integers(0, 4), min_size=1, max_size=30))
def test_pair_scores_of_the_truth_itself_are_perfect(truth):
    assert pair_scores([f"p{t}" for t in truth], truth) == (1.0, 1.0)
