"""Gaps & introductions: group mixing, missing links, suggested introductions, back-test."""

import altair as alt
import streamlit as st

from netmap.errors import NetmapError
from netmap.gaps import gap_matrix
from netmap.i18n import group_label
from netmap.overview import describe_gap
from views import _charts, _state

ctx = _state.context()
st.title(ctx.t("gaps.title"))
st.caption(ctx.t("gaps.intro"))
G = ctx.graph
if G.number_of_nodes() == 0:
    st.info(ctx.t("common.empty_view"))
    st.stop()
names = ctx.names()

by = st.radio(
    ctx.t("gaps.by"),
    ["sector", "municipality", "community"],
    format_func=lambda b: ctx.t(f"by.{b}"),
    horizontal=True,
    key="gaps.by",
)
st.subheader(ctx.t("gaps.heatmap"))
gaps = ctx.call("gaps:group_gaps", by=by)
labels = {g: group_label(by, g, ctx.lang) for g in gap_matrix(gaps, "ratio").index}
ratio, observed = (
    gap_matrix(gaps, value).rename(index=labels, columns=labels) for value in ("ratio", "observed")
)
st.caption(ctx.t("gaps.heatmap.caption"))
chart, width, height = _charts.heatmap(
    ratio, value_title=ctx.t("gaps.ratio"), lang=ctx.lang, observed=observed
)
st.altair_chart(chart, width=width, height=height)
st.subheader(ctx.t("gaps.findings"))
findings = ctx.call("gaps:gap_findings", by=by, derived={"gaps": gaps}, variant=("gaps",))
if findings.empty:
    st.caption(ctx.t("gaps.findings.none"))
for row in findings.head(10).itertuples():
    sentence = describe_gap(
        row.group_a,
        row.group_b,
        observed=row.observed,
        expected=row.expected,
        by=by,
        lang=ctx.lang,
    )
    st.markdown(f"- {_state.md_escape(sentence)}")

st.subheader(ctx.t("gaps.suggest"))
left, middle, right = st.columns(3)
k = left.slider(ctx.t("gaps.k"), min_value=5, max_value=50, value=10, step=5, key="gaps.k")
across = middle.selectbox(
    ctx.t("gaps.across"),
    ["any", "sector", "municipality", "community"],
    format_func=lambda a: ctx.t("gaps.across.any") if a == "any" else ctx.t(f"by.{a}"),
    key="gaps.across",
)
for_actor = right.selectbox(
    ctx.t("gaps.for_actor"),
    ["", *names],
    format_func=lambda n: names.get(n, ctx.t("gaps.for_actor.any")),
    key="gaps.for_actor",
)
suggestions = ctx.call(
    "suggest:suggest_links",
    k=k,
    across=None if across == "any" else across,
    for_actor=for_actor or None,
    lang=ctx.lang,
)
if suggestions.empty:
    st.caption(ctx.t("gaps.suggest.none"))
else:
    grouped_by = "sector" if across == "any" else across
    rows = suggestions.assign(
        groups=[
            f"{group_label(grouped_by, a, ctx.lang)} / {group_label(grouped_by, b, ctx.lang)}"
            if isinstance(a, str)
            else ""
            for a, b in zip(suggestions["group_source"], suggestions["group_target"], strict=True)
        ]
    )
    columns = ["source_name", "target_name", "introducer_name", "groups", "reason"]
    _state.show_table(ctx, rows[columns], "suggestions")

st.subheader(ctx.t("gaps.backtest"))
span = ctx.net.date_range()
if span is None or span[0] >= span[1]:
    st.caption(ctx.t("gaps.backtest.no_dates"))
else:
    st.caption(ctx.t("gaps.backtest.intro"))
    first, last = span[0].date(), span[1].date()
    default = (span[0] + (span[1] - span[0]) * 2 / 3).date()
    split = st.slider(
        ctx.t("gaps.backtest.split"),
        min_value=first,
        max_value=last,
        value=default,
        format="YYYY-MM-DD",
        key="gaps.split",
    )
    if st.button(ctx.t("gaps.backtest.run"), key="gaps.run") or st.session_state.get("gaps.ran"):
        st.session_state["gaps.ran"] = True
        try:
            result = ctx.call(
                "backtest:backtest_suggestions",
                on="network",
                split=split.isoformat(),
                methods="all",
                level=ctx.view.level,
            )
        except (ValueError, NetmapError) as err:
            st.warning(ctx.t("common.failed", error=_state.md_escape(err)))
            result = None
        if result is not None:
            best = result.iloc[0]
            st.markdown(
                ctx.t(
                    "gaps.backtest.result",
                    hits=int(best["hits"]),
                    k=int(best["k"]),
                    lift=f"{best['ratio_to_random']:.0f}",
                )
            )
            chart = (
                alt.Chart(result, height=220)
                .mark_bar()
                .encode(
                    y=alt.Y("method:N", sort=None, title=ctx.t("gaps.backtest.method")),
                    x=alt.X(
                        "precision:Q",
                        axis=alt.Axis(format="%"),
                        title=ctx.t("gaps.backtest.precision"),
                    ),
                    tooltip=["method", "hits", "k", "precision", "ratio_to_random"],
                )
            )
            rule = (
                alt.Chart(result.head(1))
                .mark_rule(color="grey", strokeDash=[4, 4])
                .encode(x="random_precision:Q")
            )
            st.altair_chart(chart + rule, width="stretch")
