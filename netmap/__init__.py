"""netmap: stakeholder network and partnership analysis on NetworkX.

Load participant, organisation and collaboration records, validate them, build graphs and
answer: who holds the network together, where are the missing links, who should convene it.
"""

from netmap import synthetic
from netmap.attendance import AttendanceImport, import_attendance
from netmap.backtest import backtest_suggestions, network_from_pajek, network_from_snapshots
from netmap.conveners import pick_conveners, rank_conveners
from netmap.errors import InvalidDataError, NetmapError
from netmap.export import export
from netmap.gaps import (
    community_bridges,
    gap_findings,
    gap_matrix,
    group_ei_index,
    group_gaps,
    small_components,
)
from netmap.io import load, validate_path, write_tables, write_templates
from netmap.layout import layout_positions
from netmap.maps import render_image, render_map
from netmap.metrics import brokerage_roles, communities, key_actors, participation_coefficient
from netmap.network import Network
from netmap.pseudonymise import pseudonymise
from netmap.report import build_report
from netmap.suggest import node_groups, suggest_links
from netmap.validate import validate_tables
from netmap.whatif import actors_to_protect, fragmentation, fragmentation_table, what_if_removed

__all__ = [
    "AttendanceImport",
    "InvalidDataError",
    "NetmapError",
    "Network",
    "actors_to_protect",
    "backtest_suggestions",
    "brokerage_roles",
    "build_report",
    "communities",
    "community_bridges",
    "export",
    "fragmentation",
    "fragmentation_table",
    "gap_findings",
    "gap_matrix",
    "group_ei_index",
    "group_gaps",
    "import_attendance",
    "key_actors",
    "layout_positions",
    "load",
    "network_from_pajek",
    "network_from_snapshots",
    "node_groups",
    "participation_coefficient",
    "pick_conveners",
    "pseudonymise",
    "rank_conveners",
    "render_image",
    "render_map",
    "small_components",
    "suggest_links",
    "synthetic",
    "validate_path",
    "validate_tables",
    "what_if_removed",
    "write_tables",
    "write_templates",
]
