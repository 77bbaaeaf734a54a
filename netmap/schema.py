"""The record model: the five tables netmap reads, their columns, types and allowed values.

This is the one place where table and column names are defined. The loader, the validator,
the templates, the README's record-model section and the attendance importer all read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "CHOICE_SYNONYMS",
    "COLLABORATION_KINDS",
    "NODE_TYPES",
    "PARTICIPATION_ROLES",
    "SECTORS",
    "TABLES",
    "TABLE_ORDER",
    "Column",
    "Table",
    "node_id",
    "record_id",
    "record_model_markdown",
]

#: Allowed values of ``organisations.sector``.
SECTORS = ("public", "civil_society", "business", "academia", "other")
#: Allowed values of ``collaborations.kind``.
COLLABORATION_KINDS = (
    "meeting",
    "workshop",
    "conference",
    "project",
    "agreement",
    "dialogue",
    "other",
)
#: Allowed values of ``participation.role``.
PARTICIPATION_ROLES = ("organiser", "participant", "speaker", "funder")

#: Other words accepted for the values of the choice columns ``sector`` (organisations),
#: ``kind`` (collaborations) and ``role`` (participation), by column: Swedish names and
#: spellings people use, compared after case folding and spaces as ``_``.
CHOICE_SYNONYMS: dict[str, dict[str, str]] = {
    "sector": {
        "offentlig": "public",
        "offentlig_sektor": "public",
        "civilsamhälle": "civil_society",
        "civilsamhället": "civil_society",
        "ideell": "civil_society",
        "ideell_sektor": "civil_society",
        "idéburen": "civil_society",
        "näringsliv": "business",
        "näringslivet": "business",
        "företag": "business",
        "privat": "business",
        "akademi": "academia",
        "akademin": "academia",
        "universitet": "academia",
        "högskola": "academia",
        "annat": "other",
        "övrigt": "other",
    },
    "kind": {
        "möte": "meeting",
        "träff": "meeting",
        "konferens": "conference",
        "projekt": "project",
        "överenskommelse": "agreement",
        "avtal": "agreement",
        "dialog": "dialogue",
        "annat": "other",
        "övrigt": "other",
    },
    "role": {
        "organizer": "organiser",
        "arrangör": "organiser",
        "deltagare": "participant",
        "talare": "speaker",
        "föreläsare": "speaker",
        "finansiär": "funder",
    },
}

#: Node types in every netmap graph, and the prefix of their node ids.
NODE_TYPES = {"person": "person", "organisation": "org", "collaboration": "collab"}

ColumnKind = Literal["id", "text", "choice", "date", "number", "reference"]


@dataclass(frozen=True)
class Column:
    """One column of a record table.

    ``required`` means the column must be present; ``nonempty`` that every row needs a value.
    A ``reference`` column holds ids of the table named in ``references``.
    """

    name: str
    kind: ColumnKind
    description: str
    required: bool = True
    nonempty: bool = True
    choices: tuple[str, ...] = ()
    references: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """One record table: a CSV file ``<name>.csv`` or a sheet ``<name>`` of a workbook."""

    name: str
    description: str
    columns: tuple[Column, ...]
    required: bool = True
    key: str | None = "id"
    notes: tuple[str, ...] = field(default=())

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


_ORGANISATIONS = Table(
    name="organisations",
    description="Municipalities, regional bodies, associations, companies, universities.",
    columns=(
        Column("id", "id", "Unique id of the organisation, e.g. `O1` or `lulea-kommun`."),
        Column("name", "text", "Name as it should appear, e.g. `Luleå kommun`."),
        Column("sector", "choice", "Sector of society.", choices=SECTORS),
        Column(
            "kind", "text", "Free text: kommun, region, förening, myndighet, ...", nonempty=False
        ),
        Column("municipality", "text", "Municipality where it is based.", nonempty=False),
        Column("region", "text", "Region (län) where it is based.", nonempty=False),
        Column("lat", "number", "Latitude (WGS 84), optional.", required=False, nonempty=False),
        Column("lon", "number", "Longitude (WGS 84), optional.", required=False, nonempty=False),
    ),
)

_PEOPLE = Table(
    name="people",
    description="People and where they work.",
    columns=(
        Column("id", "id", "Unique id of the person, e.g. `P1`."),
        Column("name", "text", "Full name."),
        Column(
            "organisation_id",
            "reference",
            "The organisation they work for; may be empty.",
            nonempty=False,
            references=("organisations",),
        ),
        Column("role", "text", "Role or title, e.g. samordnare.", nonempty=False),
        Column(
            "email",
            "text",
            "E-mail address, optional; never shown in pseudonymised reports.",
            required=False,
            nonempty=False,
        ),
    ),
)

_COLLABORATIONS = Table(
    name="collaborations",
    description="Meetings, workshops, conferences, projects, agreements and dialogues.",
    columns=(
        Column("id", "id", "Unique id of the collaboration, e.g. `C1`."),
        Column("title", "text", "Title, e.g. `Nätverksträff kommuner och regioner`."),
        Column("kind", "choice", "What kind of collaboration.", choices=COLLABORATION_KINDS),
        Column("start_date", "date", "First day (2022-06-08, 8/6/2022 or 8 juni 2022)."),
        Column(
            "end_date",
            "date",
            "Last day, for projects and agreements; optional.",
            required=False,
            nonempty=False,
        ),
        Column("municipality", "text", "Where it took place.", nonempty=False),
        Column("theme", "text", "Theme or topic.", nonempty=False),
    ),
)

_PARTICIPATION = Table(
    name="participation",
    description="Who took part in what: a person, or an organisation as a whole "
    "(e.g. a signatory of an agreement).",
    key=None,
    columns=(
        Column(
            "collaboration_id", "reference", "The collaboration.", references=("collaborations",)
        ),
        Column(
            "person_id",
            "reference",
            "The person taking part; or leave empty and fill `organisation_id`.",
            nonempty=False,
            references=("people",),
        ),
        Column(
            "organisation_id",
            "reference",
            "The organisation taking part as a whole; or leave empty and fill `person_id`.",
            required=False,
            nonempty=False,
            references=("organisations",),
        ),
        Column(
            "role",
            "choice",
            "Role in the collaboration (empty means participant).",
            nonempty=False,
            choices=PARTICIPATION_ROLES,
        ),
    ),
    notes=("Each row needs exactly one of `person_id` and `organisation_id`.",),
)

_TIES = Table(
    name="ties",
    description="Direct relations that are not a shared collaboration (optional table).",
    required=False,
    key=None,
    columns=(
        Column(
            "source_id",
            "reference",
            "A person or organisation id.",
            references=("people", "organisations"),
        ),
        Column(
            "target_id",
            "reference",
            "A person or organisation id of the same type.",
            references=("people", "organisations"),
        ),
        Column("kind", "text", "Kind of relation, e.g. partnership, membership.", nonempty=False),
        Column("start_date", "date", "When it began; optional.", required=False, nonempty=False),
        Column("end_date", "date", "When it ended; optional.", required=False, nonempty=False),
        Column(
            "weight",
            "number",
            "Strength, a positive number (empty means 1).",
            required=False,
            nonempty=False,
        ),
    ),
)

#: The record tables by name.
TABLES: dict[str, Table] = {
    t.name: t for t in (_ORGANISATIONS, _PEOPLE, _COLLABORATIONS, _PARTICIPATION, _TIES)
}
#: The order tables are read, validated and documented in.
TABLE_ORDER = tuple(TABLES)


def node_id(node_type: str, record: str) -> str:
    """Return the graph node id of a record: its type's prefix, a colon, the record id.

    Examples
    --------
    >>> node_id("person", "P1")
    'person:P1'
    >>> node_id("organisation", "lulea-kommun")
    'org:lulea-kommun'
    """
    return f"{NODE_TYPES[node_type]}:{record}"


def record_id(node: str) -> str:
    """Return the record id of a graph node id (the inverse of :func:`node_id`).

    Examples
    --------
    >>> record_id("org:lulea-kommun")
    'lulea-kommun'
    """
    return node.split(":", 1)[1]


def record_model_markdown() -> str:
    """Return the record model as Markdown, one table per file (the README's section)."""
    parts = []
    for table in TABLES.values():
        status = "required" if table.required else "optional"
        parts.append(f"#### `{table.name}` ({status})\n\n{table.description}\n")
        parts.append("| column | required | meaning |\n|---|---|---|")
        for c in table.columns:
            need = "yes" if c.required and c.nonempty else ("column" if c.required else "no")
            meaning = c.description
            if c.choices:
                meaning += " One of " + ", ".join(f"`{v}`" for v in c.choices) + "."
            parts.append(f"| `{c.name}` | {need} | {meaning} |")
        for note in table.notes:
            parts.append(f"\n{note}")
        parts.append("")
    return "\n".join(parts)
