"""Tests of netmap.synthetic: determinism, the typed-table contract, structure, demo region."""

from __future__ import annotations

import filecmp

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netmap
from netmap.schema import COLLABORATION_KINDS, PARTICIPATION_ROLES, SECTORS
from netmap.synthetic import DEMO_REGION, REGIONS, generate, write_demo_region


@pytest.fixture(scope="module")
def mid() -> netmap.Network:
    """A mid-sized network: 2,000 people in Norrbotten, default density."""
    return generate(2_000, seed=7)


@pytest.fixture(scope="module")
def large() -> netmap.Network:
    """10,000 people: the size of the issue's density figure (about 90,000 people ties)."""
    return generate(10_000, seed=1)


class TestDeterminism:
    def test_same_seed_gives_identical_tables(self):
        a, b = generate(500, seed=3), generate(500, seed=3)
        for name in a.tables:
            pd.testing.assert_frame_equal(a.tables[name], b.tables[name], check_exact=True)

    def test_different_seeds_give_different_tables(self):
        a, b = generate(500, seed=3), generate(500, seed=4)
        assert not a.tables["people"]["name"].equals(b.tables["people"]["name"])
        assert not a.tables["participation"].equals(b.tables["participation"])
        assert a.fingerprint != b.fingerprint

    def test_source_names_the_arguments(self):
        assert generate(50, seed=9).source == "netmap.synthetic.generate(n_people=50, seed=9)"


class TestContract:
    @pytest.mark.parametrize(
        "kwargs",
        [
            {"n_people": 300, "seed": 1},
            {"n_people": 2_000, "seed": 2, "regions": ["Stockholms län", "Gävleborgs län"]},
            DEMO_REGION,
        ],
    )
    def test_validator_returns_exactly_the_generated_tables(self, kwargs):
        """Generated tables are already what validate_tables produces: dtypes, order, fills."""
        net = generate(**kwargs)
        checked = netmap.validate_tables(dict(net.tables))
        for name in net.tables:
            pd.testing.assert_frame_equal(net.tables[name], checked.tables[name], check_exact=True)
        # People without an organisation are realistic; nothing else is worth a warning.
        assert set(checked.warnings["problem"].str.replace(r"'\w+'", "X", regex=True)) <= {
            "person X has no organisation",
            "collaboration X has only one participant, so it ties nobody together",
        }

    def test_dtypes_follow_the_contract(self, mid):
        t = mid.tables
        assert str(t["collaborations"]["start_date"].dtype).startswith("datetime64")
        assert t["organisations"]["lat"].dtype == np.float64
        assert t["ties"]["weight"].dtype == np.float64
        assert all(t["people"][c].dtype == "str" for c in t["people"].columns)
        assert set(t["ties"]["source_type"]) == {"person", "organisation"}
        assert (t["ties"]["source_type"] == t["ties"]["target_type"]).all()

    @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(n_people=st.integers(10, 400), seed=st.integers(0, 2**32 - 1))
    def test_any_size_and_seed_gives_valid_records(self, n_people, seed):
        net = generate(n_people, seed=seed)
        checked = netmap.validate_tables(dict(net.tables))
        assert checked.fingerprint == net.fingerprint
        part = net.tables["participation"]
        # Everyone on the lists signed in somewhere at least once.
        assert set(part["person_id"].dropna()) == set(net.tables["people"]["id"])


class TestStructure:
    def test_every_sector_kind_and_role_is_present(self, mid):
        t = mid.tables
        assert set(t["organisations"]["sector"]) == set(SECTORS)
        assert set(t["collaborations"]["kind"]) == set(COLLABORATION_KINDS)
        assert set(t["participation"]["role"]) == set(PARTICIPATION_ROLES)

    def test_municipalities_are_real_and_grouped_into_their_county(self, mid):
        orgs = mid.tables["organisations"]
        known = {m: county for county, places in REGIONS.items() for m, *_ in places}
        assert (orgs["municipality"].map(known) == orgs["region"]).all()
        kommuner = orgs[orgs["kind"] == "kommun"]
        assert "Luleå kommun" in set(kommuner["name"])
        assert kommuner["municipality"].is_unique

    def test_names_are_unique_and_swedish_looking(self, mid):
        people, orgs = mid.tables["people"], mid.tables["organisations"]
        assert people["name"].is_unique and orgs["name"].is_unique
        assert people["name"].str.contains(r"^[^\W\d_]", regex=True).all()
        assert people["name"].str.contains("[åäö]").mean() > 0.15

    def test_attendance_is_heavy_tailed(self, large):
        """A few people attend very often (hubs, brokers); most attend once or twice."""
        per_person = large.tables["participation"]["person_id"].value_counts()
        assert per_person.median() <= 2
        assert per_person.max() >= 30 * per_person.median()
        top = per_person.sort_values(ascending=False).head(len(per_person) // 10)
        assert top.sum() / per_person.sum() > 0.3

    def test_people_graph_mean_degree_is_about_eighteen(self, large):
        """The issue's figure: 10,000 people give about 90,000 ties (mean degree 18)."""
        G = large.graph(level="people")
        mean_degree = 2 * G.number_of_edges() / G.number_of_nodes()
        assert 14 <= mean_degree <= 24

    def test_most_attendance_is_local_and_brokers_travel(self, large):
        t = large.tables
        people = t["people"].merge(
            t["organisations"][["id", "municipality"]],
            left_on="organisation_id",
            right_on="id",
            how="inner",
            suffixes=("", "_org"),
        )
        part = t["participation"].merge(
            t["collaborations"][["id", "municipality"]],
            left_on="collaboration_id",
            right_on="id",
        )
        part = part.merge(people[["id", "municipality"]], left_on="person_id", right_on="id")
        local = (part["municipality_x"] == part["municipality_y"]).mean()
        assert 0.5 < local < 0.95
        places_per_person = part.groupby("person_id")["municipality_x"].nunique()
        assert (places_per_person >= 4).sum() >= 20

    def test_organisations_take_part_as_a_whole(self, mid):
        part = mid.tables["participation"]
        whole = part[part["organisation_id"].notna()]
        assert whole["person_id"].isna().all()
        agreements = mid.tables["collaborations"].query("kind == 'agreement'")["id"]
        assert whole["collaboration_id"].isin(agreements).any()
        assert (whole["role"] == "funder").any()

    def test_dates_are_weekdays_in_the_period(self, mid):
        start = mid.tables["collaborations"]["start_date"]
        assert start.min() >= pd.Timestamp("2022-01-01")
        assert start.max() < pd.Timestamp("2025-02-01")  # July dates may move to August
        assert (start.dt.day_of_week < 5).all()
        assert start.is_monotonic_increasing  # ids are given in date order

    def test_regions_choose_the_counties(self):
        net = generate(500, seed=1, regions=["Stockholms län"])
        assert set(net.tables["organisations"]["region"]) == {"Stockholms län"}

    def test_demo_region_has_the_size_the_issue_asks_for(self):
        net = generate(**DEMO_REGION)
        t = net.tables
        assert 200 <= len(t["people"]) <= 500
        assert len(t["organisations"]) == 60
        assert len(t["collaborations"]) == 150
        assert set(t["organisations"]["sector"]) == set(SECTORS)
        assert t["organisations"]["municipality"].nunique() >= 5
        first, last = net.date_range()
        assert (last - first).days > 2 * 365


class TestArguments:
    def test_too_few_people_is_refused(self):
        with pytest.raises(
            ValueError, match=r"^n_people must be a whole number of at least 10; got 3\.$"
        ):
            generate(3)

    def test_unknown_county_is_refused_with_the_choices(self):
        with pytest.raises(ValueError) as err:
            generate(100, regions=["Skåne län"])
        assert str(err.value) == (
            "regions must be a non-empty list of Norrbottens län, Västerbottens län, "
            "Gävleborgs län, Stockholms län; got ['Skåne län']."
        )

    def test_too_few_organisations_says_the_minimum(self):
        with pytest.raises(ValueError) as err:
            generate(300, n_organisations=5)
        assert str(err.value) == (
            "n_organisations must be at least 12 (one municipality for each of the 5 "
            "municipalities and 7 regional bodies); got 5. Pass more organisations or fewer "
            "municipalities (n_municipalities=)."
        )

    @pytest.mark.parametrize(
        ("name", "value"),
        [
            ("n_collaborations", 0),
            ("n_collaborations", -1),
            ("n_organisations", -3),
            ("n_municipalities", 0),
            ("n_collaborations", 2.5),
        ],
    )
    def test_counts_below_one_are_refused_not_replaced(self, name, value):
        """0 collaborations used to give the default (``0 or default``); negatives failed
        inside numpy."""
        with pytest.raises(ValueError) as err:
            generate(100, **{name: value})
        assert str(err.value) == f"{name} must be a whole number of at least 1; got {value!r}."

    def test_non_positive_period_is_refused(self):
        with pytest.raises(ValueError, match="years must be a positive whole number; got 0"):
            generate(100, years=0)


def test_committed_demo_region_equals_a_fresh_regeneration(demo_path, tmp_path):
    """data/demo-region cannot drift from the generator: regenerate and compare bytes."""
    write_demo_region(tmp_path)
    names = sorted(p.name for p in demo_path.glob("*.csv"))
    assert names == sorted(p.name for p in tmp_path.glob("*.csv"))
    _, mismatch, errors = filecmp.cmpfiles(demo_path, tmp_path, names, shallow=False)
    assert (mismatch, errors) == ([], []), (
        "data/demo-region differs from netmap.synthetic; regenerate it with the command in "
        "data/demo-region/README.md"
    )
