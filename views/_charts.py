"""Altair charts the pages draw (Vega is bundled with Streamlit: nothing is fetched)."""

from __future__ import annotations

import altair as alt
import pandas as pd


def grouped_bars(
    table: pd.DataFrame, *, category: str, measures: dict[str, str], title: str
) -> alt.Chart:
    """Horizontal bars, one colour per measure, categories in the table's order.

    ``measures`` maps column -> legend label; ``category`` is the column of bar labels.
    """
    long = table.melt(
        id_vars=[category], value_vars=list(measures), var_name="measure", value_name="count"
    )
    long["measure"] = long["measure"].map(measures)
    order = table[category].tolist()
    height = max(120, 22 * len(order) * len(measures))
    return (
        alt.Chart(long, title=title, height=height)
        .mark_bar()
        .encode(
            y=alt.Y(f"{category}:N", sort=order, title=None),
            yOffset=alt.YOffset("measure:N", sort=list(measures.values())),
            x=alt.X("count:Q", title=None),
            color=alt.Color(
                "measure:N",
                sort=list(measures.values()),
                title=None,
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[alt.Tooltip(f"{category}:N"), "measure:N", "count:Q"],
        )
    )


def growth_chart(table: pd.DataFrame, *, measures: dict[str, str], title: str) -> alt.Chart:
    """Bars per quarter, one colour per measure (``table`` has a ``quarter`` column)."""
    long = table.melt(
        id_vars=["quarter"], value_vars=list(measures), var_name="measure", value_name="count"
    )
    long["measure"] = long["measure"].map(measures)
    return (
        alt.Chart(long, title=title, height=260)
        .mark_bar()
        .encode(
            x=alt.X("quarter:O", title=None, axis=alt.Axis(labelAngle=-45)),
            xOffset=alt.XOffset("measure:N", sort=list(measures.values())),
            y=alt.Y("count:Q", title=None),
            color=alt.Color(
                "measure:N",
                sort=list(measures.values()),
                title=None,
                legend=alt.Legend(orient="top"),
            ),
            tooltip=["quarter:O", "measure:N", "count:Q"],
        )
    )


def heatmap(
    matrix: pd.DataFrame, *, value_title: str, observed: pd.DataFrame | None = None
) -> alt.Chart:
    """Group × group cells coloured by a ratio around 1 (red below, blue above).

    ``matrix`` is square with group labels on both axes; ``observed`` (same shape), when
    given, is printed in the cells.
    """
    long = matrix.rename_axis(index="row", columns="col").stack(future_stack=True)
    long = long.rename("value").reset_index()
    if observed is not None:
        counts = observed.rename_axis(index="row", columns="col").stack(future_stack=True)
        long["observed"] = counts.to_numpy()
    order = list(matrix.index)
    size = max(260, 46 * len(order))
    base = alt.Chart(long, width=size, height=size).encode(
        x=alt.X("col:N", sort=order, title=None, axis=alt.Axis(labelAngle=-35)),
        y=alt.Y("row:N", sort=order, title=None),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(
            "value:Q",
            title=value_title,
            scale=alt.Scale(scheme="redblue", domainMid=1, domainMin=0),
        ),
        tooltip=["row:N", "col:N", alt.Tooltip("value:Q", format=".2f", title=value_title)]
        + (["observed:Q"] if observed is not None else []),
    )
    if observed is None:
        return cells
    text = base.mark_text(fontSize=12).encode(text=alt.Text("observed:Q"))
    return cells + text
