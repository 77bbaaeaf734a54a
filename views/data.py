"""Data: upload records or attendance lists, see what is wrong, download templates and exports."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from netmap.attendance import import_attendance
from netmap.errors import PROBLEM_COLUMNS, InvalidDataError
from netmap.io import load, write_tables, write_templates
from netmap.schema import TABLE_ORDER
from netmap.spreadsheet import spreadsheet_safe
from views import _state

_log = logging.getLogger("netmap.dashboard")
ctx = _state.context()
ss = st.session_state
st.title(ctx.t("data.title"))


def _problem_table(problems: pd.DataFrame) -> pd.DataFrame:
    """The problems with headings in the user's language."""
    return problems[list(PROBLEM_COLUMNS)].rename(
        columns={c: ctx.t(f"problem.{c}") for c in PROBLEM_COLUMNS}
    )


def _saved(files, folder: Path) -> list[Path]:
    """Write the uploaded files into ``folder``; return their paths."""
    paths = []
    for f in files:
        path = folder / Path(f.name).name
        path.write_bytes(f.getvalue())
        paths.append(path)
    return paths


def _read_records(paths: list[Path], folder: Path):
    """Check netmap tables: one workbook, or CSV files in one folder."""
    workbooks = [p for p in paths if p.suffix.lower() in (".xlsx", ".xlsm", ".xls")]
    return load(workbooks[0] if len(paths) == 1 and workbooks else folder), None, None


def _read_attendance(paths: list[Path], folder: Path):
    """Import attendance lists; a file named review.csv holds the user's merge decisions."""
    review = [p for p in paths if p.name.lower() == "review.csv"]
    lists = [p for p in paths if p not in review]
    result = import_attendance(lists, review=review[0] if review else None)
    return result.network, result.review, result.rejected


def _load_upload() -> None:
    """Button callback: check the uploaded files; keep the last valid data when they fail."""
    files = ss.get("upload_files") or []
    if not files:
        ss["upload_outcome"] = ("none", "", None)
        return
    name = ", ".join(f.name for f in files)
    read = _read_attendance if ss.get("upload_kind") == "attendance" else _read_records
    try:
        with tempfile.TemporaryDirectory() as tmp:
            net, review, rejected = read(_saved(files, Path(tmp)), Path(tmp))
    except InvalidDataError as err:
        ss["upload_outcome"] = ("problems", name, err.problems)
        return
    except Exception as err:  # a bad upload gives a message, never a traceback
        _log.exception("upload of %s failed", name)
        ss["upload_outcome"] = ("error", name, str(err) or type(err).__name__)
        return
    ss["upload_net"], ss["upload_name"] = net, name
    ss["upload_review"], ss["upload_rejected"] = review, rejected
    ss["dataset"] = "upload"
    ss["upload_outcome"] = ("ok", name, net)


# ---------------------------------------------------------------- the data in use

st.subheader(ctx.t("data.current"))
st.caption(
    ctx.t(
        "data.source",
        source=ctx.t(f"dataset.{ctx.dataset}", name=_state.md_escape(ss.get("upload_name", ""))),
    )
)
net = ctx.net
if net.load_report is not None:
    st.dataframe(
        net.load_report.assign(table=[ctx.t(f"table.{name}") for name in net.load_report["table"]])
        .rename(
            columns={
                "table": ctx.t("report.table"),
                "rows_read": ctx.t("report.rows_read"),
                "rows_used": ctx.t("report.rows_used"),
                "rows_rejected": ctx.t("report.rows_rejected"),
            }
        )
        .drop(columns="file", errors="ignore"),
        hide_index=True,
    )
if net.warnings is not None and len(net.warnings):
    with st.expander(ctx.t("data.warnings", n=len(net.warnings))):
        st.dataframe(_problem_table(net.warnings), hide_index=True)

# ---------------------------------------------------------------- upload

st.subheader(ctx.t("data.upload"))
st.radio(
    ctx.t("data.upload.kind"),
    ["records", "attendance"],
    format_func=lambda k: ctx.t(f"data.upload.{k}"),
    key="upload_kind",
)
st.file_uploader(
    ctx.t("data.upload.files"),
    type=["xlsx", "xlsm", "xls", "csv", "tsv", "txt"],
    accept_multiple_files=True,
    help=ctx.t("data.upload.files.help"),
    key="upload_files",
)
st.button(ctx.t("data.upload.button"), on_click=_load_upload, type="primary", key="data.load")

outcome = ss.get("upload_outcome")
if outcome is not None:
    status, name, detail = outcome
    name = _state.md_escape(name)  # a file name is data: shown literally, never as Markdown
    if status == "ok":
        tables = detail.tables
        st.success(
            ctx.t(
                "data.upload.ok",
                name=name,
                people=len(tables["people"]),
                organisations=len(tables["organisations"]),
                collaborations=len(tables["collaborations"]),
            )
        )
    elif status == "problems":
        errors = detail[detail["severity"] == "error"]
        st.error(ctx.t("data.upload.failed", name=name, n=len(errors)))
        st.markdown(f"**{ctx.t('data.problems')}**")
        st.dataframe(_problem_table(detail), hide_index=True)
    elif status == "error":
        st.error(ctx.t("data.upload.unreadable", name=name, error=_state.md_escape(detail)))
    else:
        st.warning(ctx.t("data.upload.none"))

review = ss.get("upload_review")
if ctx.dataset == "upload" and review is not None and len(review):
    st.markdown(f"**{ctx.t('data.review')}**")
    st.caption(ctx.t("data.review.caption"))
    st.dataframe(review, hide_index=True)
    st.download_button(
        ctx.t("data.review.download"),
        data=spreadsheet_safe(review).to_csv(index=False).encode("utf-8-sig"),
        file_name="review.csv",
        mime="text/csv",
        on_click="ignore",
    )
rejected = ss.get("upload_rejected")
if ctx.dataset == "upload" and rejected is not None and len(rejected):
    with st.expander(ctx.t("data.rejected", n=len(rejected))):
        st.dataframe(rejected, hide_index=True)

# ---------------------------------------------------------------- the report

st.subheader(ctx.t("data.report"))
st.caption(ctx.t("data.report.caption"))
pseudonymise = st.checkbox(ctx.t("data.report.pseudonymise"), key="data.pseudonymise")
st.download_button(
    ctx.t("data.report.download"),
    data=_state.report(ctx, pseudonymise=pseudonymise),
    file_name=f"netmap-report-{ctx.lang}.html",
    mime="text/html",
    on_click="ignore",
    type="primary",
)

# ---------------------------------------------------------------- templates


@st.cache_data(show_spinner=False)
def _template_workbook() -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return write_templates(Path(tmp) / "netmap-records.xlsx", format="xlsx").read_bytes()


st.subheader(ctx.t("data.templates"))
st.caption(ctx.t("data.templates.caption"))
st.download_button(
    ctx.t("data.templates.xlsx"),
    data=_template_workbook,
    file_name="netmap-records.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    on_click="ignore",
)

# ---------------------------------------------------------------- downloads


@st.cache_data(show_spinner=False, max_entries=8)
def _record_csvs(fingerprint: str, _net) -> dict[str, bytes]:
    """The records as CSV files for a spreadsheet: text Excel would run as a formula gets a
    leading apostrophe (netmap.spreadsheet), so these are not byte-for-byte the records."""
    safe = {name: spreadsheet_safe(table) for name, table in _net.tables.items()}
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_tables(safe, tmp)
        return {name: (folder / f"{name}.csv").read_bytes() for name in TABLE_ORDER}


st.subheader(ctx.t("data.downloads"))
st.caption(ctx.t("data.downloads.caption"))
files = _record_csvs(net.fingerprint, net)
columns = st.columns(len(files))
for column, (name, content) in zip(columns, files.items(), strict=True):
    column.download_button(
        ctx.t("data.download.table", table=ctx.t(f"table.{name}")),
        data=content,
        file_name=f"{name}.csv",
        mime="text/csv",
        on_click="ignore",
        key=f"download.{name}",
    )
columns = st.columns(3)
for column, (fmt, label, mime) in zip(
    columns,
    (
        ("html", "data.download.map", "text/html"),
        ("graphml", "data.download.graphml", "application/xml"),
        ("gexf", "data.download.gexf", "application/xml"),
    ),
    strict=True,
):
    column.download_button(
        ctx.t(label),
        data=_state.download(ctx, fmt),
        file_name=f"netmap-{ctx.view.level}.{fmt}",
        mime=mime,
        on_click="ignore",
        key=f"download.{fmt}",
    )
