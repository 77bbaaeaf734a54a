"""Overview: counts, growth, cohesion and the three headline findings."""

import streamlit as st

from views import _charts, _state

ctx = _state.context()
st.title(ctx.t("overview.title"))
st.caption(ctx.t("overview.intro"))
G = ctx.graph
if G.number_of_nodes() == 0:
    st.info(ctx.t("common.empty_view"))
    st.stop()

summary = ctx.call("overview:cohesion")
kinds = ctx.call("overview:counts_table", on="view", by="kind")
cols = st.columns(6)
cols[0].metric(ctx.t(f"level.{ctx.view.level}"), ctx.number(summary["nodes"]))
cols[1].metric(ctx.t("overview.ties"), ctx.number(summary["edges"]))
cols[2].metric(ctx.t("overview.collaborations"), ctx.number(kinds["collaborations"].sum()))
cols[3].metric(
    ctx.t("overview.components"),
    ctx.number(summary["components"]),
    help=ctx.t("overview.components.help"),
)
cols[4].metric(
    ctx.t("overview.largest_share"),
    ctx.percent(summary["largest_component_share"]),
    help=ctx.t("overview.largest_share.help"),
)
cols[5].metric(
    ctx.t("overview.density"),
    ctx.percent(summary["density"], 1),
    help=ctx.t("overview.density.help"),
)

st.subheader(ctx.t("overview.findings"))
# Filled last: the counts and charts below show while the metrics behind it are computed.
findings_box = st.container()

st.subheader(ctx.t("overview.composition"))
measures = {
    "people": ctx.t("overview.people"),
    "organisations": ctx.t("overview.organisations"),
    "collaborations": ctx.t("overview.collaborations"),
}
tabs = st.tabs([ctx.t(f"by.{by}") for by in ("sector", "municipality", "kind")])
for tab, by in zip(tabs, ("sector", "municipality", "kind"), strict=True):
    table = kinds if by == "kind" else ctx.call("overview:counts_table", on="view", by=by)
    table = table.assign(group=[ctx.label(by, g) for g in table["group"]])
    chart, height = _charts.grouped_bars(table, category="group", measures=measures, lang=ctx.lang)
    tab.altair_chart(chart, width="stretch", height=height)

st.subheader(ctx.t("overview.growth"))
growth = ctx.call("overview:growth_table", on="view", level=ctx.view.level)
if growth.empty:
    st.info(ctx.t("overview.growth.none"))
else:
    st.caption(ctx.t("overview.growth.caption"))
    for column, (measure, colour) in zip(
        st.columns(2),
        (("new_actors", _charts.PALETTE[0]), ("new_ties", _charts.PALETTE[2])),
        strict=True,
    ):
        chart = _charts.growth_chart(
            growth,
            column=measure,
            title=ctx.t(f"overview.{measure}"),
            colour=colour,
            lang=ctx.lang,
        )
        column.altair_chart(chart, width="stretch", height=280)

with findings_box:
    actors = ctx.key_actors()
    findings = ctx.call("overview:headline_findings", lang=ctx.lang, derived={"actors": actors})
    for column, finding in zip(st.columns(3), findings.itertuples(), strict=True):
        with column.container(border=True):
            st.markdown(f"**{_state.md_escape(finding.title)}**")
            st.markdown(_state.md_escape(finding.text))
