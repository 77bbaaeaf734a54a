"""The ``netmap`` command: a thin layer of click commands over the library.

Each submodule holds the commands of one area and lists them in ``COMMANDS``; this module
gathers them into one group. Library errors become messages here, never tracebacks.
"""

from __future__ import annotations

import click

from netmap.cli import actors, attendance, conveners, data, gaps, maps, report

__all__ = ["main"]

_COMMAND_MODULES: tuple = (data, attendance, actors, gaps, conveners, maps, report)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="netmap")
def main() -> None:
    """netmap: who holds your network together, where links are missing, who should convene.

    PATH is a folder of CSV files or one .xlsx workbook with the sheets organisations,
    people, collaborations, participation and (optionally) ties.
    """


for _module in _COMMAND_MODULES:
    for _command in _module.COMMANDS:
        main.add_command(_command)
