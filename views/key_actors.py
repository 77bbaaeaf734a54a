"""Key actors: the metrics table with explanations, and one actor's profile."""

import streamlit as st

from netmap.metrics import BROKERAGE_ROLES
from netmap.spreadsheet import spreadsheet_safe
from views import _state

ctx = _state.context()
st.title(ctx.t("key.title"))
st.caption(ctx.t("key.intro"))
G = ctx.graph
if G.number_of_nodes() == 0:
    st.info(ctx.t("common.empty_view"))
    st.stop()

table = ctx.key_actors()
shown = list(_state.KEY_ACTOR_COLUMNS)
sort_by = st.selectbox(
    ctx.t("key.sort"),
    _state.KEY_ACTOR_SORTS,
    format_func=lambda c: _state.column_label(ctx, c),
    key="key.sort",
)
ascending = sort_by == "constraint"
ordered = table.sort_values(sort_by, ascending=ascending, kind="stable")
_state.show_table(ctx, ordered[shown], "key_actors", height=420)
st.download_button(
    ctx.t("data.download.key_actors"),
    data=lambda: spreadsheet_safe(table).to_csv().encode("utf-8-sig"),
    file_name=f"key-actors-{ctx.view.level}.csv",
    mime="text/csv",
    on_click="ignore",
)
with st.expander(ctx.t("key.glossary")):
    for column in shown:
        st.markdown(f"**{_state.column_label(ctx, column)}**: {_state.column_help(ctx, column)}")

st.subheader(ctx.t("key.profile"))
names = ctx.names()
top = ordered.index[0]
actor = st.selectbox(
    ctx.t("key.pick"),
    list(names),
    index=list(names).index(top),
    format_func=names.get,
    key="key.actor",
)
st.markdown(f"### {_state.md_escape(names[actor])}")
if table.at[actor, "role"]:
    st.markdown(f"*{_state.md_escape(table.at[actor, 'role'])}*")
collaborations = ctx.call(
    "overview:actor_collaborations", on="view", node=actor, level=ctx.view.level
)
partners = ctx.call("overview:partners_table", node=actor)
left, right = st.columns(2)
with left:
    st.markdown(f"**{ctx.t('key.collaborations')}**")
    if collaborations.empty:
        st.caption(ctx.t("key.no_collaborations"))
    else:
        _state.show_table(ctx, collaborations, "collaborations", height=250)
with right:
    st.markdown(f"**{ctx.t('key.partners')}**")
    _state.show_table(ctx, partners, "partners", height=250)

left, right = st.columns(2)
with left:
    st.markdown(f"**{ctx.t('key.brokerage')}**")
    counts = table.loc[[actor], list(BROKERAGE_ROLES)]
    if counts.to_numpy().sum() == 0:
        st.caption(ctx.t("key.brokerage.none"))
    else:
        _state.show_table(ctx, counts, "brokerage_roles")
with right:
    st.markdown(f"**{ctx.t('key.if_leaves')}**")
    effect = ctx.call("whatif:what_if_removed", nodes=(actor,), distance_weighted=False)
    st.write(
        ctx.t(
            "key.if_leaves.text",
            before=effect["components_before"],
            after=effect["components_after"],
            share_before=ctx.percent(effect["largest_share_before"]),
            share_after=ctx.percent(effect["largest_share_after"]),
            pairs=ctx.number(effect["pairs_disconnected"]),
        )
    )
    lost = effect["groups_disconnected"]
    if len(lost):
        _state.show_table(ctx, lost, "groups_disconnected")
