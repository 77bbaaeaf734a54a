"""Map: the network drawn by netmap.render_map (escaped, offline HTML) in an iframe."""

import streamlit as st

from views import _state

ctx = _state.context()
st.title(ctx.t("map.title"))
st.caption(ctx.t("map.intro"))
G = ctx.graph
if G.number_of_nodes() == 0:
    st.info(ctx.t("common.empty_view"))
    st.stop()
names = ctx.names()

left, middle, right = st.columns(3)
colour_by = left.selectbox(
    ctx.t("map.colour"),
    _state.MAP_COLOURS,
    format_func=lambda c: ctx.t(f"by.{c}"),
    key="map.colour",
)
size_by = middle.selectbox(
    ctx.t("map.size"),
    _state.MAP_SIZES,
    format_func=lambda c: _state.column_label(ctx, c),
    key="map.size",
)
highlight_kind = right.selectbox(
    ctx.t("map.highlight"),
    ["none", "conveners", "actor", "removed", "suggestions"],
    format_func=lambda h: ctx.t(f"map.highlight.{h}", k=3),
    key="map.highlight",
)
marks = {}
if highlight_kind == "conveners":
    chosen = ctx.call("conveners:pick_conveners", k=3)
    marks["highlight"] = tuple(chosen.index)
elif highlight_kind in ("actor", "removed"):
    actor = st.selectbox(ctx.t("map.actor"), list(names), format_func=names.get, key="map.actor")
    if highlight_kind == "actor":
        marks["highlight"] = (actor, *sorted(G[actor]))
    else:
        marks["removed"] = (actor,)
elif highlight_kind == "suggestions":
    suggested = ctx.call("suggest:suggest_links", k=10)
    marks["dashed_edges"] = tuple(zip(suggested["source"], suggested["target"], strict=True))
top = None
if G.number_of_nodes() > _state.MAP_FULL_LIMIT:
    top = st.slider(
        ctx.t("map.top"),
        min_value=50,
        max_value=min(G.number_of_nodes(), 2000),
        value=_state.MAP_TOP_DEFAULT,
        step=50,
        help=ctx.t("map.top.help"),
        key="map.top",
    )
actors = ctx.key_actors()
derived = {"size_by": actors[size_by]}
options = {"color_by": colour_by}
if colour_by == "community":  # the numbering of the Key actors table
    del options["color_by"]
    derived["color_by"] = actors["community"]
html = ctx.call(
    "maps:render_map",
    derived=derived,
    variant=(size_by, colour_by),
    top_n=top,
    **marks,
    lang=ctx.lang,
    **options,
)
if top is not None:
    st.caption(ctx.t("map.drawn", shown=top, total=len(G)))
st.iframe(html, height=680)
st.download_button(
    ctx.t("map.download"),
    data=html.encode("utf-8"),
    file_name=f"netmap-map-{ctx.view.level}.html",
    mime="text/html",
    on_click="ignore",
)
