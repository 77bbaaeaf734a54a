"""Conveners: the best set of k conveners under constraints, and what-if removal."""

import streamlit as st

from views import _state

ctx = _state.context()
st.title(ctx.t("conv.title"))
st.caption(ctx.t("conv.intro"))
G = ctx.graph
if G.number_of_nodes() == 0:
    st.info(ctx.t("common.empty_view"))
    st.stop()
names = ctx.names()
groups = _state.node_groups(ctx)

with st.container(border=True):
    left, middle, right = st.columns([1, 2, 2])
    k = left.number_input(
        ctx.t("conv.k"),
        min_value=1,
        max_value=min(10, len(names)),
        value=min(3, len(names)),
        key="conv.k",
    )
    sectors = middle.multiselect(
        ctx.t("conv.per_group"),
        groups.get("sector", []),
        format_func=lambda v: ctx.label("sector", v),
        placeholder=ctx.t("common.none"),
        key="conv.sectors",
    )
    places = right.multiselect(
        ctx.t("conv.per_municipality"),
        groups.get("municipality", []),
        placeholder=ctx.t("common.none"),
        key="conv.municipalities",
    )
    left, right = st.columns(2)
    exclude = left.multiselect(
        ctx.t("conv.exclude"),
        list(names),
        format_func=names.get,
        help=ctx.t("conv.exclude.help"),
        placeholder=ctx.t("common.none"),
        key="conv.exclude",
    )
    require = right.multiselect(
        ctx.t("conv.require"),
        list(names),
        format_func=names.get,
        placeholder=ctx.t("common.none"),
        key="conv.require",
    )

require_groups = {
    attribute: tuple(values)
    for attribute, values in (("sector", sectors), ("municipality", places))
    if values
}
st.subheader(ctx.t("conv.chosen"))
try:
    chosen = ctx.call(
        "conveners:pick_conveners",
        k=int(k),
        require_groups=require_groups or None,
        require=tuple(require),
        exclude=tuple(exclude),
    )
except ValueError as err:
    st.warning(ctx.t("conv.infeasible", error=_state.md_escape(err)))
    chosen = None
if chosen is not None:
    st.markdown(
        ctx.t(
            "conv.reach",
            one=ctx.percent(chosen.attrs["reach_1"]),
            two=ctx.percent(chosen.attrs["reach_2"]),
        )
    )
    _state.show_table(ctx, chosen, "conveners")

st.subheader(ctx.t("conv.ranking"))
ranking = ctx.call(
    "conveners:rank_conveners", derived={"actors": ctx.key_actors()}, variant=("actors",)
)
_state.show_table(ctx, ranking.head(20), "rank_conveners")

st.subheader(ctx.t("conv.whatif"))
removed = st.multiselect(
    ctx.t("conv.whatif.pick"),
    list(names),
    format_func=names.get,
    placeholder=ctx.t("common.none"),
    key="conv.removed",
)
if not removed:
    st.caption(ctx.t("conv.whatif.prompt"))
else:
    effect = ctx.call("whatif:what_if_removed", nodes=tuple(removed), distance_weighted=False)
    cols = st.columns(3)
    cols[0].metric(
        ctx.t("overview.components"),
        effect["components_after"],
        delta=effect["components_after"] - effect["components_before"],
        delta_color="inverse",
    )
    cols[1].metric(
        ctx.t("overview.largest_share"),
        ctx.percent(effect["largest_share_after"]),
        delta=ctx.percent(
            effect["largest_share_after"] - effect["largest_share_before"], signed=True
        ),
    )
    cols[2].metric(
        ctx.t("conv.fragmentation"),
        ctx.number(effect["fragmentation_after"], 2),
        delta=ctx.number(
            effect["fragmentation_after"] - effect["fragmentation_before"], 2, signed=True
        ),
        delta_color="inverse",
        help=ctx.t("conv.fragmentation.help"),
    )
    lost = effect["groups_disconnected"]
    if len(lost):
        _state.show_table(ctx, lost, "groups_disconnected")

st.subheader(ctx.t("conv.fragile"))
fragile = ctx.call("whatif:fragmentation_table")
_state.show_table(ctx, fragile[fragile["cut_point"]].head(10), "fragmentation_table")
