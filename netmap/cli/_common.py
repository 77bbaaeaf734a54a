"""Helpers every ``netmap`` command shares: the PATH argument, graph options, output.

A command module uses them like this::

    @click.command()
    @path_argument
    @graph_options
    @output_options
    def brokers(path, selection, output):
        net = load_network(path)
        G = build_graph(net, selection)
        emit(brokerage_table(G), output)

Only this layer turns library errors into messages: :func:`load_network` prints an
:class:`~netmap.errors.InvalidDataError` as a problem table on stderr and exits with code 1,
never with a traceback.
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import networkx as nx
import pandas as pd

from netmap.errors import PROBLEM_COLUMNS, InvalidDataError, NetmapError
from netmap.i18n import LANGUAGES
from netmap.io import load
from netmap.network import Network
from netmap.schema import COLLABORATION_KINDS, SECTORS, node_id
from netmap.spreadsheet import spreadsheet_safe
from netmap.validate import is_missing, parse_date

__all__ = [
    "DATE",
    "EXIT_INVALID",
    "GraphSelection",
    "Output",
    "build_graph",
    "echo_problems",
    "echo_table",
    "emit",
    "filter_options",
    "graph_options",
    "lang_option",
    "load_network",
    "output_options",
    "path_argument",
    "resolve_actor",
    "to_json_records",
    "write_csv",
    "writing",
]

#: Exit code of a command whose input records are invalid (or that failed on purpose).
EXIT_INVALID = 1


class _DateType(click.ParamType):
    """A date on the command line, in any form the record files accept (2022-06-08, 8/6/2022)."""

    name = "DATE"

    def convert(self, value: Any, param, ctx) -> pd.Timestamp:
        if isinstance(value, pd.Timestamp):
            return value
        parsed = parse_date(str(value))
        if parsed is None:
            self.fail(
                f"expected a date like 2022-06-08, 8/6/2022 or '8 juni 2022'; got {value!r}.",
                param,
                ctx,
            )
        return parsed


#: Click parameter type for dates (``--since``, ``--until``).
DATE = _DateType()

#: ``--lang en|sv``: the language of a command's texts (the command receives ``lang``).
lang_option = click.option(
    "--lang",
    type=click.Choice(list(LANGUAGES)),
    default="en",
    show_default=True,
    help="Language of the texts.",
)

#: PATH: a folder of CSV files or one .xlsx workbook.
path_argument = click.argument(
    "path", type=click.Path(exists=True, dir_okay=True, file_okay=True, path_type=Path)
)


@dataclass(frozen=True)
class GraphSelection:
    """Which graph a command works on: the level, a time window and filters.

    Made by the :func:`graph_options` / :func:`filter_options` decorators from the command
    line; ``None`` or an empty tuple means "no filter".
    """

    level: str = "people"
    since: pd.Timestamp | None = None
    until: pd.Timestamp | None = None
    sectors: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for :meth:`netmap.Network.graph` (everything but ``level``)."""
        out: dict[str, Any] = {}
        if self.since is not None:
            out["since"] = self.since
        if self.until is not None:
            out["until"] = self.until
        for name in ("sectors", "municipalities", "regions", "kinds"):
            values = getattr(self, name)
            if values:
                out[name] = list(values)
        return out

    def describe(self) -> str:
        """One line for a report header, e.g. ``people graph, 2022-01-01 to 2022-12-31``."""
        parts = [f"{self.level} graph"]
        if self.since is not None or self.until is not None:
            since = self.since.date().isoformat() if self.since is not None else "the start"
            until = self.until.date().isoformat() if self.until is not None else "the end"
            parts.append(f"{since} to {until}")
        for name in ("sectors", "municipalities", "regions", "kinds"):
            values = getattr(self, name)
            if values:
                parts.append(f"{name} {', '.join(values)}")
        return ", ".join(parts)


_FILTER_NAMES = ("since", "until", "sectors", "municipalities", "regions", "kinds")


def _filter_decorators() -> list[Callable]:
    return [
        click.option(
            "--since", type=DATE, default=None, help="Only collaborations on or after this date."
        ),
        click.option(
            "--until", type=DATE, default=None, help="Only collaborations on or before this date."
        ),
        click.option(
            "--sector",
            "sectors",
            multiple=True,
            type=click.Choice(SECTORS, case_sensitive=False),
            help="Only actors of this sector (repeat for several).",
        ),
        click.option(
            "--municipality",
            "municipalities",
            multiple=True,
            help="Only actors in this municipality (repeat for several).",
        ),
        click.option(
            "--region", "regions", multiple=True, help="Only actors in this region (repeat)."
        ),
        click.option(
            "--kind",
            "kinds",
            multiple=True,
            type=click.Choice(COLLABORATION_KINDS, case_sensitive=False),
            help="Only collaborations of this kind (repeat for several).",
        ),
    ]


def _selection_decorator(func: Callable, *, with_level: bool) -> Callable:
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        level = kwargs.pop("level", "people")
        filters = {name: kwargs.pop(name) for name in _FILTER_NAMES}
        for name in ("sectors", "kinds"):
            filters[name] = tuple(v.lower() for v in filters[name])
        if (
            filters["since"] is not None
            and filters["until"] is not None
            and filters["since"] > filters["until"]
        ):
            raise click.BadParameter(
                f"--since ({filters['since'].date()}) is after --until "
                f"({filters['until'].date()}); swap them.",
                param_hint="--since/--until",
            )
        kwargs["selection"] = GraphSelection(level=level, **filters)
        return func(*args, **kwargs)

    decorators = _filter_decorators()
    if with_level:
        decorators.insert(
            0,
            click.option(
                "--level",
                type=click.Choice(["people", "organisations"]),
                default="people",
                show_default=True,
                help="Graph of people, or of organisations.",
            ),
        )
    for decorator in reversed(decorators):
        wrapper = decorator(wrapper)
    return wrapper


def graph_options(func: Callable) -> Callable:
    """Add ``--level``, ``--since``, ``--until``, ``--sector``, ``--municipality``,
    ``--region`` and ``--kind`` to a command; it receives them as ``selection``
    (a :class:`GraphSelection`)."""
    return _selection_decorator(func, with_level=True)


def filter_options(func: Callable) -> Callable:
    """Like :func:`graph_options` without ``--level`` (for commands that show every level)."""
    return _selection_decorator(func, with_level=False)


def build_graph(net: Network, selection: GraphSelection) -> nx.Graph:
    """Build the graph a command's options select."""
    return net.graph(level=selection.level, **selection.filters())


def load_network(path: str | Path) -> Network:
    """Load PATH, or print what is wrong with it on stderr and exit with code 1.

    Problems of an :class:`~netmap.errors.InvalidDataError` are printed as a table (see
    :func:`echo_problems`); other :class:`~netmap.errors.NetmapError` as their message.
    """
    try:
        return load(path)
    except InvalidDataError as err:
        echo_problems(err.problems, err=True)
        n = int((err.problems["severity"] == "error").sum())
        click.echo(
            f"\n{path}: {n} error{'s' if n != 1 else ''}; fix them and run the command again "
            f"(`netmap validate {path}` lists them too).",
            err=True,
        )
        raise SystemExit(EXIT_INVALID) from None
    except NetmapError as err:
        click.echo(f"Error: {err}", err=True)
        raise SystemExit(EXIT_INVALID) from None


@contextmanager
def writing(path: str | Path) -> Iterator[None]:
    """Turn an OSError while writing ``path`` into a message on stderr and exit code 1.

    Wrap only the call that writes: ``with writing(out): out.write_text(page)``. The message
    names the file the system could not write (``path``, or the one the error names) and why:
    ``Error: cannot write /tmp/nope/r.html: No such file or directory``.
    """
    try:
        yield
    except OSError as err:
        reason = err.strerror or str(err)
        click.echo(f"Error: cannot write {err.filename or path}: {reason}", err=True)
        raise SystemExit(EXIT_INVALID) from None


def resolve_actor(G: nx.Graph, text: str, level: str, *, option: str) -> str:
    """A node id from what the user typed in ``option``: a node id, a record id, or a name.

    Raises click.BadParameter naming ``option`` when no actor, or several, fit.
    """
    prefix = node_id("person" if level == "people" else "organisation", "")
    for candidate in (text, prefix + text):
        if candidate in G:
            return candidate
    folded = text.casefold()
    by_name = sorted(n for n, name in G.nodes(data="name") if str(name).casefold() == folded)
    if len(by_name) == 1:
        return by_name[0]
    if len(by_name) > 1:
        raise click.BadParameter(
            f"{len(by_name)} actors are called {text!r}: {', '.join(by_name)}. "
            f"Pass one of these ids instead.",
            param_hint=option,
        )
    names = sorted({str(name) for _, name in G.nodes(data="name")})
    close = difflib.get_close_matches(text, names, n=3, cutoff=0.6)
    quoted = [repr(c) for c in close]
    options = ", ".join(quoted[:-1]) + " or " + quoted[-1] if len(quoted) > 1 else "".join(quoted)
    hint = f" Did you mean {options}?" if close else ""
    raise click.BadParameter(
        f"no actor {text!r} in the {level} graph (give a name or an id such as {prefix}ID).{hint}",
        param_hint=option,
    )


def echo_table(
    df: pd.DataFrame, *, max_rows: int | None = 50, err: bool = False, index: bool = False
) -> None:
    """Print a DataFrame as a plain text table: text left-aligned, numbers right-aligned.

    Missing values print as empty cells, floats with at most four decimals, dates as ISO
    dates. With more than ``max_rows`` rows, the first ``max_rows`` are printed and a last
    line says how many were left out. ``index=True`` prints the index as a first column.
    """
    if index:
        df = df.reset_index()
    if df.empty:
        click.echo("(no rows)", err=err)
        return
    shown = df if max_rows is None else df.head(max_rows)
    cells = _display_frame(shown)
    lines = []
    widths = {c: max(len(str(c)), *cells[c].str.len()) for c in cells.columns}
    numeric = {c: pd.api.types.is_numeric_dtype(shown[c]) for c in cells.columns}

    def line(values: dict) -> str:
        parts = [
            str(values[c]).rjust(widths[c]) if numeric[c] else str(values[c]).ljust(widths[c])
            for c in cells.columns
        ]
        return "  ".join(parts).rstrip()

    lines.append(line({c: c for c in cells.columns}))
    lines.extend(line(row) for row in cells.to_dict("records"))
    click.echo("\n".join(lines), err=err)
    if max_rows is not None and len(df) > max_rows:
        click.echo(
            f"... {len(df) - max_rows} more rows (use --csv FILE or --json for all)", err=err
        )


def _display_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with every cell as display text (one line)."""
    out = pd.DataFrame(index=df.index)
    for name in df.columns:
        col = df[name]
        if pd.api.types.is_datetime64_any_dtype(col):
            text = col.dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_float_dtype(col):
            text = col.map(lambda v: f"{v:.4f}".rstrip("0").rstrip(".") if pd.notna(v) else "")
        else:
            text = col.map(lambda v: "" if is_missing(v) else " ".join(str(v).split()))
        out[str(name)] = text.fillna("").astype(object)
    return out


def echo_problems(
    problems: pd.DataFrame, *, err: bool = False, max_rows: int | None = None
) -> None:
    """Print validation problems as a table: severity, file, row, column, value, problem, hint.

    Values longer than 40 characters are cut (``--json`` of ``netmap validate`` has them whole).
    """
    problems = problems.reindex(columns=list(PROBLEM_COLUMNS))
    rows = problems["row"].map(lambda r: "" if is_missing(r) else str(int(r)))
    values = problems["value"].map(_shortened)
    echo_table(problems.assign(row=rows, value=values), max_rows=max_rows, err=err)


def _shortened(value: Any, *, width: int = 40) -> Any:
    """A long cell value cut to ``width`` characters (ending in …), so the table stays readable."""
    if is_missing(value) or len(str(value)) <= width:
        return value
    return str(value)[: width - 1] + "…"


@dataclass(frozen=True)
class Output:
    """Where a command's table goes: ``--csv FILE`` and/or ``--json``, else the terminal."""

    csv: Path | None = None
    json: bool = False


def output_options(func: Callable) -> Callable:
    """Add ``--csv FILE`` and ``--json``; the command receives them as ``output``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        kwargs["output"] = Output(csv=kwargs.pop("csv_path"), json=kwargs.pop("as_json"))
        return func(*args, **kwargs)

    wrapper = click.option(
        "--json", "as_json", is_flag=True, help="Print the table as JSON records (for machines)."
    )(wrapper)
    wrapper = click.option(
        "--csv",
        "csv_path",
        type=click.Path(dir_okay=False, writable=True, path_type=Path),
        default=None,
        help="Also write the full table to this CSV file (UTF-8).",
    )(wrapper)
    return wrapper


def to_json_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of ``df`` as JSON-ready dicts: dates as ISO text, missing values as null."""
    dates = {
        name: df[name].dt.strftime("%Y-%m-%d")
        for name in df.columns
        if pd.api.types.is_datetime64_any_dtype(df[name])
    }
    return json.loads(df.assign(**dates).to_json(orient="records", force_ascii=False))


def write_csv(df: pd.DataFrame, path: Path) -> None:
    """Write a result table for spreadsheets: UTF-8 with BOM, formulas defused, ISO dates."""
    with writing(path):
        spreadsheet_safe(df).to_csv(path, index=False, date_format="%Y-%m-%d", encoding="utf-8-sig")


def emit(df: pd.DataFrame, output: Output, *, max_rows: int | None = 50) -> None:
    """Show a result table as the command's options ask.

    ``--json`` prints JSON records (and nothing else) on stdout; otherwise the table is
    printed with :func:`echo_table`. ``--csv FILE`` writes every row to FILE as well.
    """
    if output.csv is not None:
        write_csv(df, output.csv)
    if output.json:
        click.echo(json.dumps(to_json_records(df), ensure_ascii=False, indent=2))
    else:
        echo_table(df, max_rows=max_rows)
        if output.csv is not None:
            click.echo(f"wrote {len(df)} rows to {output.csv}")
