"""Altair charts the pages draw (Vega is bundled with Streamlit: nothing is fetched)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from netmap.i18n import t

#: Colours of the measures in bar charts (netmap's teal, a light teal, an amber).
PALETTE = ["#1b6d85", "#7fb8c9", "#e0a030", "#8c6bb1"]
#: How Vega writes numbers (axis labels, legends, tooltips) in each language but English:
#: Swedish has a decimal comma and a space between thousands, as netmap.i18n.format_number.
_NUMBER_LOCALES = {
    "sv": alt.NumberLocale(decimal=",", thousands="\u00a0", grouping=[3], currency=["", " kr"])
}


def _in_language(chart: alt.Chart | alt.LayerChart, lang: str) -> alt.Chart | alt.LayerChart:
    """The chart with its numbers written as ``lang`` writes them."""
    number = _NUMBER_LOCALES.get(lang)
    return chart if number is None else chart.configure(locale=alt.Locale(number=number))


def grouped_bars(
    table: pd.DataFrame, *, category: str, measures: dict[str, str], lang: str
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
            tooltip=[
                alt.Tooltip(f"{category}:N", title=t("common.group", lang)),
                alt.Tooltip("measure:N", title=t("chart.measure", lang)),
                alt.Tooltip("count:Q", title=t("chart.count", lang)),
            ],
        )
    )
    return _in_language(chart, lang), height


def growth_chart(
    table: pd.DataFrame, *, column: str, title: str, colour: str, lang: str
) -> alt.Chart:
    """Bars of one count per quarter (``table`` has a ``quarter`` column), titled."""
    chart = (
        alt.Chart(table, title=alt.TitleParams(title, anchor="start", fontSize=14))
        .mark_bar(color=colour)
        .encode(
            x=alt.X("quarter:O", title=None, axis=alt.Axis(labelAngle=-45)),
            y=alt.Y(f"{column}:Q", title=None),
            tooltip=[
                alt.Tooltip("quarter:O", title=t("chart.quarter", lang)),
                alt.Tooltip(f"{column}:Q", title=title),
            ],
        )
    )
    return _in_language(chart, lang)


def heatmap(
    matrix: pd.DataFrame,
    *,
    value_title: str,
    lang: str,
    observed: pd.DataFrame | None = None,
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
    tooltip = [
        alt.Tooltip("row:N", title=t("common.group", lang)),
        alt.Tooltip("col:N", title=t("chart.with", lang)),
        alt.Tooltip("value:Q", format=".2f", title=value_title),
    ]
    if observed is not None:
        tooltip.append(alt.Tooltip("observed:Q", title=t("chart.observed", lang)))
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
        tooltip=tooltip,
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
    return _in_language(chart, lang), cell * len(order) + 260, cell * len(order) + 140
