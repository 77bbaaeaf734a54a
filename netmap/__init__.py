"""netmap: stakeholder network and partnership analysis on NetworkX.

Load participant, organisation and collaboration records, validate them, build graphs and
answer: who holds the network together, where are the missing links, who should convene it.
"""

from netmap import synthetic
from netmap.attendance import AttendanceImport, import_attendance
from netmap.errors import InvalidDataError, NetmapError
from netmap.io import load, validate_path, write_tables, write_templates
from netmap.metrics import brokerage_roles, communities, key_actors, participation_coefficient
from netmap.network import Network
from netmap.validate import validate_tables

__all__ = [
    "AttendanceImport",
    "InvalidDataError",
    "NetmapError",
    "Network",
    "brokerage_roles",
    "communities",
    "import_attendance",
    "key_actors",
    "load",
    "participation_coefficient",
    "synthetic",
    "validate_path",
    "validate_tables",
    "write_tables",
    "write_templates",
]
