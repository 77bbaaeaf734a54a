"""What every metric column means, in one plain sentence, in English and Swedish: one place.

The dashboard, the report, the command line and notebooks show these sentences next to the
tables of :mod:`netmap.metrics` and the other metric modules. To explain a new column, add
one entry to :data:`COLUMNS` with a sentence in every language of
:data:`netmap.i18n.LANGUAGES` (the tests check both are there), and read it with
:func:`explain`. Phrases the ``role`` column is built from live in :data:`ROLE_PHRASES`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

import pandas as pd

from netmap.i18n import LANGUAGES, check_lang

__all__ = ["COLUMNS", "ROLE_PHRASES", "explain", "glossary_table", "role_phrase"]

# fmt: off
#: Column name -> {language code -> one sentence a network coordinator understands}.
COLUMNS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ key actors (netmap.metrics)
    "name": {
        "en": "The actor's name as written in the records.",
        "sv": "Aktörens namn så som det står i underlaget.",
    },
    "degree": {
        "en": "How many others the actor has worked with directly.",
        "sv": "Hur många andra aktören har samverkat med direkt.",
    },
    "strength": {
        "en": "The actor's contacts weighted by how much they did together (shared "
              "collaborations and direct ties).",
        "sv": "Aktörens kontakter vägda efter hur mycket de gjort tillsammans (gemensamma "
              "samverkanstillfällen och direkta band).",
    },
    "organisations_reached": {
        "en": "How many different organisations the actor's direct contacts belong to.",
        "sv": "Hur många olika organisationer aktörens direkta kontakter tillhör.",
    },
    "sectors_reached": {
        "en": "How many different sectors (public, civil society, business, academia) the "
              "actor's direct contacts come from.",
        "sv": "Hur många olika sektorer (offentlig, civilsamhälle, näringsliv, akademi) "
              "aktörens direkta kontakter kommer från.",
    },
    "municipalities_reached": {
        "en": "How many different municipalities the actor's direct contacts are in.",
        "sv": "I hur många olika kommuner aktörens direkta kontakter finns.",
    },
    "betweenness": {
        "en": "How often the actor lies on the shortest route between two others (0 to 1): "
              "high means much of the network's contact passes through them.",
        "sv": "Hur ofta aktören ligger på den kortaste vägen mellan två andra (0 till 1): "
              "högt betyder att mycket av kontakten i nätverket går via aktören.",
    },
    "closeness": {
        "en": "How short the actor's routes to everyone they can reach are (a strong tie "
              "counts as a short step): high means news from them spreads fast.",
        "sv": "Hur korta aktörens vägar till alla den kan nå är (ett starkt band räknas som "
              "ett kort steg): högt betyder att information från aktören sprids snabbt.",
    },
    "pagerank": {
        "en": "How well connected the actor's contacts are themselves: being tied to "
              "well-connected actors counts more (all actors sum to 1).",
        "sv": "Hur välkopplade aktörens kontakter själva är: band till välkopplade aktörer "
              "väger tyngre (summan över alla aktörer är 1).",
    },
    "constraint": {
        "en": "How much the actor's contacts know each other (Burt's constraint): high means "
              "a closed circle, low means the actor bridges people who are not tied.",
        "sv": "Hur mycket aktörens kontakter känner varandra (Burts constraint): högt betyder "
              "en sluten krets, lågt att aktören överbryggar personer som saknar band.",
    },
    "effective_size": {
        "en": "How many of the actor's contacts bring something new, that is, are not "
              "already tied to the actor's other contacts (Burt's effective size).",
        "sv": "Hur många av aktörens kontakter som tillför något nytt, det vill säga inte "
              "redan har band till aktörens övriga kontakter (Burts effektiva storlek).",
    },
    "cut_point": {
        "en": "Whether the network falls apart into separate pieces if the actor leaves.",
        "sv": "Om nätverket faller isär i separata delar när aktören försvinner.",
    },
    "lose_contact": {
        "en": "How many actors would lose every path to the main network if this actor "
              "left.",
        "sv": "Hur många aktörer som skulle förlora all väg till huvudnätverket om den här "
              "aktören försvann.",
    },
    "core_number": {
        "en": "How deep in the network's dense core the actor sits: k means the actor "
              "belongs to a group where everyone has at least k contacts inside it.",
        "sv": "Hur djupt i nätverkets täta kärna aktören finns: k betyder att aktören ingår "
              "i en grupp där alla har minst k kontakter inom gruppen.",
    },
    "community": {
        "en": "The group of actors who work more with each other than with the rest "
              "(numbered from the largest group, 0).",
        "sv": "Den grupp aktörer som samverkar mer med varandra än med resten (numrerade "
              "från den största gruppen, 0).",
    },
    "participation_coefficient": {
        "en": "How evenly the actor's ties spread over groups (0 to 1): 0 means all in one "
              "group, high means the actor connects several groups.",
        "sv": "Hur jämnt aktörens band fördelar sig över grupper (0 till 1): 0 betyder allt "
              "i en grupp, högt att aktören förbinder flera grupper.",
    },
    "coordinator": {
        "en": "How often the actor links two unconnected people of the actor's own sector.",
        "sv": "Hur ofta aktören länkar två personer utan band från aktörens egen sektor.",
    },
    "itinerant": {
        "en": "How often the actor links two unconnected people of one other sector.",
        "sv": "Hur ofta aktören länkar två personer utan band från en annan sektor.",
    },
    "representative": {
        "en": "How often the actor carries contact from the actor's own sector out to "
              "someone in another sector.",
        "sv": "Hur ofta aktören för kontakt från den egna sektorn vidare till någon i en "
              "annan sektor.",
    },
    "gatekeeper": {
        "en": "How often the actor lets someone from another sector in to the actor's own "
              "sector.",
        "sv": "Hur ofta aktören släpper in någon från en annan sektor till den egna "
              "sektorn.",
    },
    "liaison": {
        "en": "How often the actor links people of two different sectors, neither of them "
              "the actor's own.",
        "sv": "Hur ofta aktören länkar personer från två olika sektorer, ingen av dem "
              "aktörens egen.",
    },
    "role": {
        "en": "In a few words, what is distinctive about the actor's place in the network.",
        "sv": "Med några ord, vad som utmärker aktörens plats i nätverket.",
    },
    # ------------------------------------------------------------ conveners (netmap.conveners)
    "reach_within_2": {
        "en": "The share of the others the actor can reach in at most two steps (a contact, "
              "or a contact's contact).",
        "sv": "Andelen av de andra som aktören når i högst två steg (en kontakt, eller en "
              "kontakts kontakt).",
    },
    "other_groups_within_2": {
        "en": "How many sectors other than the actor's own are among the people the actor "
              "reaches in at most two steps.",
        "sv": "Hur många andra sektorer än aktörens egen som finns bland dem aktören når i "
              "högst två steg.",
    },
    "reach_within_2_percentile": {
        "en": "The share of candidates whose two-step reach is at most the actor's (0 to 1).",
        "sv": "Andelen kandidater vars räckvidd i två steg är högst lika stor som aktörens "
              "(0 till 1).",
    },
    "betweenness_percentile": {
        "en": "The share of candidates whose betweenness is at most the actor's (0 to 1).",
        "sv": "Andelen kandidater vars mellanliggande position är högst lika stark som "
              "aktörens (0 till 1).",
    },
    "other_groups_within_2_percentile": {
        "en": "The share of candidates who reach at most as many other sectors as the actor "
              "(0 to 1).",
        "sv": "Andelen kandidater som når högst lika många andra sektorer som aktören "
              "(0 till 1).",
    },
    "constraint_percentile": {
        "en": "The share of candidates whose contacts are at least as closed a circle as the "
              "actor's (0 to 1): high means the actor bridges people who are not tied.",
        "sv": "Andelen kandidater vars kontakter är en minst lika sluten krets som aktörens "
              "(0 till 1): högt betyder att aktören överbryggar personer utan band.",
    },
    "convener_score": {
        "en": "How well placed the actor is to convene the network alone: the mean of the "
              "four percentiles (reach, betweenness, other sectors, open circle), 0 to 1.",
        "sv": "Hur väl placerad aktören är att ensam sammankalla nätverket: medelvärdet av "
              "de fyra percentilerna (räckvidd, mellanposition, andra sektorer, öppen "
              "krets), 0 till 1.",
    },
    "required": {
        "en": "Whether the convener was required by name.",
        "sv": "Om den sammankallande krävdes med namn.",
    },
    "covers": {
        "en": "Which of the required groups (sectors, municipalities) the convener belongs "
              "to.",
        "sv": "Vilka av de krävda grupperna (sektorer, kommuner) den sammankallande "
              "tillhör.",
    },
    "adds": {
        "en": "How much the convener adds to the set's distance-weighted reach (the column "
              "sums to the set's score, 0 to 1).",
        "sv": "Hur mycket den sammankallande lägger till gruppens avståndsvägda räckvidd "
              "(kolumnen summerar till gruppens poäng, 0 till 1).",
    },
    "new_within_1": {
        "en": "Actors the convener reaches in one step (themselves included) whom no "
              "convener above reaches in one step.",
        "sv": "Aktörer som den sammankallande når i ett steg (sig själv medräknad) och som "
              "ingen sammankallande ovanför når i ett steg.",
    },
    "new_within_2": {
        "en": "Actors the convener reaches in at most two steps whom no convener above "
              "reaches in two steps.",
        "sv": "Aktörer som den sammankallande når i högst två steg och som ingen "
              "sammankallande ovanför når i två steg.",
    },
    "new_groups": {
        "en": "Sectors and municipalities the convener is the first to reach in at most two "
              "steps.",
        "sv": "Sektorer och kommuner som den sammankallande är först med att nå i högst två "
              "steg.",
    },
    # ------------------------------------------------------------ what-if (netmap.whatif)
    "components_after": {
        "en": "How many separate parts the network would have without the actor.",
        "sv": "Hur många separata delar nätverket skulle ha utan aktören.",
    },
    "largest_share_after": {
        "en": "The share of the remaining actors who would still be in the largest part.",
        "sv": "Andelen av de kvarvarande aktörerna som fortfarande skulle finnas i den "
              "största delen.",
    },
    "fragmentation_after": {
        "en": "The share of pairs of remaining actors with no path between them if the actor "
              "left (Borgatti's fragmentation, 0 to 1).",
        "sv": "Andelen par av kvarvarande aktörer som saknar väg mellan sig om aktören "
              "försvann (Borgattis fragmentering, 0 till 1).",
    },
    "fragmentation_increase": {
        "en": "How much the fragmentation would rise if the actor left.",
        "sv": "Hur mycket fragmenteringen skulle öka om aktören försvann.",
    },
    "pairs_disconnected": {
        "en": "How many pairs of actors would lose every path to each other if the actor "
              "left.",
        "sv": "Hur många par av aktörer som skulle förlora all väg till varandra om aktören "
              "försvann.",
    },
}

#: Phrase key -> {language -> text with ``{placeholders}``}: the parts of the ``role`` text.
ROLE_PHRASES: dict[str, dict[str, str]] = {
    "links": {"en": "links {groups}", "sv": "länkar {groups}"},
    "and": {"en": "and", "sv": "och"},
    "more": {"en": "{count} more", "sv": "{count} till"},
    "bridge.one": {"en": "the only bridge to 1 other", "sv": "enda länken till 1 annan"},
    "bridge.many": {
        "en": "the only bridge to {count} others", "sv": "enda länken till {count} andra",
    },
    "bridge.place": {"en": "the only bridge to {place}", "sv": "enda länken till {place}"},
    "connector": {
        "en": "connects {count} communities", "sv": "förbinder {count} grupperingar",
    },
    "central": {
        "en": "on many shortest paths between others",
        "sv": "ligger på många kortaste vägar mellan andra",
    },
    "within": {"en": "links actors within {group}", "sv": "länkar aktörer inom {group}"},
    "closed": {
        "en": "their contacts all know each other",
        "sv": "kontakterna känner redan varandra",
    },
    "single": {"en": "one contact only", "sv": "bara en kontakt"},
    "isolated": {"en": "no ties in this view", "sv": "inga band i detta urval"},
}
# fmt: on


def explain(column: str, lang: str = "en") -> str:
    """Return the one-sentence explanation of a metric column.

    Parameters
    ----------
    column : str
        A column name of a netmap metric table, e.g. ``"betweenness"``.
    lang : {"en", "sv"}, default "en"
        Language code (see :data:`netmap.i18n.LANGUAGES`).

    Raises
    ------
    KeyError
        When the column has no explanation (the message suggests close names).
    ValueError
        When ``lang`` is not a language netmap speaks.

    Examples
    --------
    >>> explain("cut_point")
    'Whether the network falls apart into separate pieces if the actor leaves.'
    >>> explain("cut_point", "sv")
    'Om nätverket faller isär i separata delar när aktören försvinner.'
    """
    return _lookup(COLUMNS, column, lang, "COLUMNS", "column")


def role_phrase(key: str, lang: str = "en", **values: object) -> str:
    """Return a phrase of the ``role`` text with its placeholders filled.

    Examples
    --------
    >>> role_phrase("bridge.place", "sv", place="Kiruna")
    'enda länken till Kiruna'
    """
    text = _lookup(ROLE_PHRASES, key, lang, "ROLE_PHRASES", "phrase")
    return text.format(**values) if values else text


def glossary_table(columns: Iterable[str] | None = None, lang: str = "en") -> pd.DataFrame:
    """The explanations of some (default: all) columns as a table for display.

    Returns
    -------
    pandas.DataFrame
        Columns ``column`` and ``meaning``, in the order given (default: :data:`COLUMNS`
        order). Columns without an explanation raise as in :func:`explain`.

    Examples
    --------
    >>> glossary_table(["degree", "cut_point"]).columns.tolist()
    ['column', 'meaning']
    """
    names = list(COLUMNS if columns is None else columns)
    return pd.DataFrame(
        {"column": names, "meaning": [explain(name, lang) for name in names]}, dtype="str"
    )


def _lookup(
    texts: Mapping[str, Mapping[str, str]], key: str, lang: str, table: str, what: str
) -> str:
    check_lang(lang)
    if key not in texts:
        close = difflib.get_close_matches(key, texts, n=3)
        hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
        raise KeyError(
            f"netmap.glossary has no {what} {key!r}.{hint} Add it to {table} in "
            f"netmap/glossary.py with a sentence in each of "
            f"{', '.join(map(repr, LANGUAGES))}."
        )
    return texts[key][lang]
