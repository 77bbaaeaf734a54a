"""netmap: stakeholder network and partnership analysis on NetworkX.

Load participant, organisation and collaboration records, validate them, build graphs and
answer: who holds the network together, where are the missing links, who should convene it.
"""

from netmap import synthetic
from netmap.attendance import AttendanceImport, import_attendance
from netmap.backtest import backtest_suggestions, network_from_snapshots
from netmap.errors import InvalidDataError, NetmapError
from netmap.gaps import (
    community_bridges,
    gap_findings,
    gap_matrix,
    group_ei_index,
    group_gaps,
    small_components,
)
from netmap.io import load, validate_path, write_tables, write_templates
from netmap.metrics import brokerage_roles, communities, key_actors, participation_coefficient
from netmap.network import Network
from netmap.suggest import node_groups, suggest_links
from netmap.validate import validate_tables

__all__ = [
    "AttendanceImport",
    "InvalidDataError",
    "NetmapError",
    "Network",
    "backtest_suggestions",
    "brokerage_roles",
    "communities",
    "community_bridges",
    "gap_findings",
    "gap_matrix",
    "group_ei_index",
    "group_gaps",
    "import_attendance",
    "key_actors",
    "load",
    "network_from_snapshots",
    "node_groups",
    "participation_coefficient",
    "small_components",
    "suggest_links",
    "synthetic",
    "validate_path",
    "validate_tables",
    "write_tables",
    "write_templates",
]
