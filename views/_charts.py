"""Altair charts the pages draw (Vega is bundled with Streamlit: nothing is fetched)."""

from __future__ import annotations

import altair as alt
import pandas as pd

#: Colours of the measures in bar charts (netmap's teal, a light teal, an amber).
PALETTE = ["#1b6d85", "#7fb8c9", "#e0a030", "#8c6bb1"]


def grouped_bars(
    table: pd.DataFrame, *, category: str, measures: dict[str, str]
) -> tuple[alt.Chart, int]:
    """Horizontal bars, one colour per measure, categories in the table's order.

    ``measures`` maps column -> legend label; ``category`` is the column of bar labels.
    Returns the chart and the height to draw it at.
    """
    long = table.melt(
        id_vars=[category], value_vars=list(measures), var_name="measure", value_name="count"
    )
    long["measure"] = long["measure"].map(measures)
    order = table[category].tolist()
    height = 60 + 12 * len(order) * len(measures) + 8 * len(order)
    chart = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            y=alt.Y(f"{category}:N", sort=order, title=None),
            yOffset=alt.YOffset("measure:N", sort=list(measures.values())),
            x=alt.X("count:Q", title=None),
            color=alt.Color(
                "measure:N",
                sort=list(measures.values()),
                title=None,
                scale=alt.Scale(range=PALETTE),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[alt.Tooltip(f"{category}:N"), "measure:N", "count:Q"],
        )
    )
    return chart, height


def growth_chart(table: pd.DataFrame, *, column: str, title: str, colour: str) -> alt.Chart:
    """Bars of one count per quarter (``table`` has a ``quarter`` column), titled."""
    return (
        alt.Chart(table, title=alt.TitleParams(title, anchor="start", fontSize=14))
        .mark_bar(color=colour)
        .encode(
            x=alt.X("quarter:O", title=None, axis=alt.Axis(labelAngle=-45)),
            y=alt.Y(f"{column}:Q", title=None),
            tooltip=[alt.Tooltip("quarter:O"), alt.Tooltip(f"{column}:Q", title=title)],
        )
    )


def heatmap(
    matrix: pd.DataFrame, *, value_title: str, observed: pd.DataFrame | None = None
) -> tuple[alt.LayerChart | alt.Chart, int, int]:
    """Group × group cells coloured by a ratio around 1 (red below, blue above).

    ``matrix`` is square with group labels on both axes; ``observed`` (same shape), when
    given, is printed in the cells. Returns the chart and the width and height to draw it
    at (Streamlit sizes charts itself, ignoring the spec's width and height).
    """
    long = matrix.rename_axis(index="row", columns="col").stack(future_stack=True)
    long = long.rename("value").reset_index()
    if observed is not None:
        counts = observed.rename_axis(index="row", columns="col").stack(future_stack=True)
        long["observed"] = counts.to_numpy()
    order = list(matrix.index)
    base = alt.Chart(long).encode(
        x=alt.X(
            "col:N",
            sort=order,
            title=None,
            axis=alt.Axis(labelAngle=-40, labelLimit=160, labelOverlap=False),
        ),
        y=alt.Y("row:N", sort=order, title=None, axis=alt.Axis(labelLimit=160)),
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color(
            "value:Q",
            title=value_title,
            scale=alt.Scale(scheme="redblue", domainMid=1, domainMin=0, domainMax=2, clamp=True),
        ),
        tooltip=["row:N", "col:N", alt.Tooltip("value:Q", format=".2f", title=value_title)]
        + (["observed:Q"] if observed is not None else []),
    )
    chart = cells
    if observed is not None:
        far = (alt.datum.value < 0.35) | (alt.datum.value > 1.65)
        text = base.mark_text(fontSize=12).encode(
            text=alt.Text("observed:Q"),
            color=alt.condition(far, alt.value("white"), alt.value("#222")),
        )
        chart = cells + text
    cell = 52 if len(order) <= 12 else 34
    return chart, cell * len(order) + 260, cell * len(order) + 140
