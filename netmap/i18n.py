"""Every label, help text and message of the dashboard (and the map and report), in English
and Swedish, in one place.

Look texts up with :func:`t`; a key that does not exist, or a language netmap does not speak,
raises at once instead of showing a blank. To add a text, add one entry to :data:`STRINGS`
with both languages (tests/test_i18n.py checks both, with the same placeholders). Metric
explanations are not repeated here: they live in :mod:`netmap.glossary`
(:func:`netmap.glossary.explain`); table headings are the ``col.<column>`` entries.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from netmap.report_texts import REPORT_STRINGS

__all__ = [
    "LANGUAGES",
    "STRINGS",
    "check_lang",
    "choice_label",
    "format_number",
    "format_percent",
    "group_label",
    "t",
]

#: Languages netmap speaks: code -> its own name for itself.
LANGUAGES: dict[str, str] = {"en": "English", "sv": "Svenska"}
#: How netmap.gaps and netmap.suggest name the group of actors that lack the attribute.
UNKNOWN_GROUP = "(unknown)"

# fmt: off
#: key -> {language code -> text}. Texts may hold ``{placeholders}`` filled by :func:`t`.
STRINGS: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- navigation
    "page.overview": {"en": "Overview", "sv": "Översikt"},
    "page.map": {"en": "Map", "sv": "Karta"},
    "page.key_actors": {"en": "Key actors", "sv": "Nyckelaktörer"},
    "page.conveners": {"en": "Conveners", "sv": "Sammankallande"},
    "page.gaps": {"en": "Gaps & introductions", "sv": "Luckor och introduktioner"},
    "page.data": {"en": "Data", "sv": "Data"},
    "common.all": {"en": "All", "sv": "Alla"},
    "common.none": {"en": "None", "sv": "Ingen"},
    "common.unknown": {"en": "(not given)", "sv": "(uppgift saknas)"},
    "common.computing": {"en": "Computing…", "sv": "Beräknar…"},
    "common.empty_view": {
        "en": "No actors match the time window and filters. Widen the time window or clear a "
              "filter in the sidebar.",
        "sv": "Inga aktörer matchar tidsperioden och filtren. Vidga tidsperioden eller ta bort "
              "ett filter i sidofältet.",
    },
    "common.failed": {
        "en": "netmap could not compute this: {error}",
        "sv": "netmap kunde inte beräkna detta: {error}",
    },
    "common.crashed": {
        "en": "Something went wrong and netmap could not show this page: {error}. Try another "
              "page or other filters; the details are in the log of the window that started "
              "the dashboard.",
        "sv": "Något gick fel och netmap kunde inte visa sidan: {error}. Prova en annan sida "
              "eller andra filter; detaljerna finns i loggen i fönstret som startade "
              "instrumentpanelen.",
    },
    "common.group": {"en": "Group", "sv": "Grupp"},
    "chart.measure": {"en": "Measure", "sv": "Mått"},
    "chart.count": {"en": "Number", "sv": "Antal"},
    "chart.quarter": {"en": "Quarter", "sv": "Kvartal"},
    "chart.with": {"en": "With", "sv": "Med"},
    "chart.observed": {"en": "Ties observed", "sv": "Observerade band"},

    # ---------------------------------------------------------------- sidebar
    "sidebar.language": {"en": "Language / Språk", "sv": "Språk / Language"},
    "sidebar.dataset": {"en": "Data", "sv": "Data"},
    "sidebar.dataset.help": {
        "en": "Which records to analyse. Upload your own on the Data page.",
        "sv": "Vilka uppgifter som analyseras. Ladda upp egna på sidan Data.",
    },
    "dataset.demo": {"en": "Demo region (fictional)", "sv": "Demoregion (påhittad)"},
    "dataset.sample": {
        "en": "The articles' network (sample)",
        "sv": "Artiklarnas nätverk (exempel)",
    },
    "dataset.upload": {"en": "Your upload: {name}", "sv": "Din uppladdning: {name}"},
    "sidebar.level": {"en": "Show the network of", "sv": "Visa nätverket mellan"},
    "sidebar.level.help": {
        "en": "People: two people are tied when they took part in the same meeting, project "
              "or agreement. Organisations: two organisations are tied when they or their "
              "people did.",
        "sv": "Personer: två personer är förbundna när de deltagit i samma möte, projekt eller "
              "överenskommelse. Organisationer: två organisationer är förbundna när de själva "
              "eller deras personal gjort det.",
    },
    "level.people": {"en": "People", "sv": "Personer"},
    "level.organisations": {"en": "Organisations", "sv": "Organisationer"},
    "sidebar.window": {"en": "Time window", "sv": "Tidsperiod"},
    "sidebar.window.help": {
        "en": "Only collaborations that took place in this period count.",
        "sv": "Bara samverkan som ägde rum under perioden räknas.",
    },
    "sidebar.filters": {"en": "Filters", "sv": "Filter"},
    "sidebar.sectors": {"en": "Sectors", "sv": "Sektorer"},
    "sidebar.municipalities": {"en": "Municipalities", "sv": "Kommuner"},
    "sidebar.kinds": {"en": "Kinds of collaboration", "sv": "Typer av samverkan"},
    "sidebar.filter.help": {
        "en": "Leave empty to include all.",
        "sv": "Lämna tomt för att ta med alla.",
    },
    "sidebar.reset": {"en": "Clear filters", "sv": "Rensa filter"},
    "sidebar.in_view": {
        "en": "In view: {actors} {level_name}, {ties} ties.",
        "sv": "Visas: {actors} {level_name}, {ties} band.",
    },
    "sidebar.fictional": {
        "en": "The demo region is made up: no real people.",
        "sv": "Demoregionen är påhittad: inga verkliga personer.",
    },
    "sidebar.offline": {
        "en": "Everything runs on this computer; nothing is sent anywhere.",
        "sv": "Allt körs på den här datorn; inget skickas någonstans.",
    },

    # ---------------------------------------------------------------- choice values
    "sector.public": {"en": "Public sector", "sv": "Offentlig sektor"},
    "sector.civil_society": {"en": "Civil society", "sv": "Civilsamhälle"},
    "sector.business": {"en": "Business", "sv": "Näringsliv"},
    "sector.academia": {"en": "Academia", "sv": "Akademi"},
    "sector.other": {"en": "Other", "sv": "Övrigt"},
    "kind.meeting": {"en": "Meeting", "sv": "Möte"},
    "kind.workshop": {"en": "Workshop", "sv": "Workshop"},
    "kind.conference": {"en": "Conference", "sv": "Konferens"},
    "kind.project": {"en": "Project", "sv": "Projekt"},
    "kind.agreement": {"en": "Agreement", "sv": "Överenskommelse"},
    "kind.dialogue": {"en": "Dialogue", "sv": "Dialog"},
    "kind.other": {"en": "Other", "sv": "Övrigt"},
    "role.organiser": {"en": "Organiser", "sv": "Arrangör"},
    "role.participant": {"en": "Participant", "sv": "Deltagare"},
    "role.speaker": {"en": "Speaker", "sv": "Talare"},
    "role.funder": {"en": "Funder", "sv": "Finansiär"},
    "by.sector": {"en": "Sector", "sv": "Sektor"},
    "by.municipality": {"en": "Municipality", "sv": "Kommun"},
    "by.kind": {"en": "Kind of collaboration", "sv": "Typ av samverkan"},
    "by.community": {"en": "Community", "sv": "Gemenskap"},
    "by.organisation": {"en": "Organisation", "sv": "Organisation"},
    "by.region": {"en": "Region", "sv": "Region"},

    # ---------------------------------------------------------------- table headings
    "col.name": {"en": "Name", "sv": "Namn"},
    "col.sector": {"en": "Sector", "sv": "Sektor"},
    "col.municipality": {"en": "Municipality", "sv": "Kommun"},
    "col.organisation": {"en": "Organisation", "sv": "Organisation"},
    "col.degree": {"en": "Contacts", "sv": "Kontakter"},
    "col.strength": {"en": "Strength", "sv": "Styrka"},
    "col.organisations_reached": {"en": "Organisations reached", "sv": "Organisationer nådda"},
    "col.sectors_reached": {"en": "Sectors reached", "sv": "Sektorer nådda"},
    "col.municipalities_reached": {"en": "Municipalities reached", "sv": "Kommuner nådda"},
    "col.betweenness": {"en": "Betweenness", "sv": "Mellanhandsposition"},
    "col.closeness": {"en": "Closeness", "sv": "Närhet"},
    "col.pagerank": {"en": "PageRank", "sv": "PageRank"},
    "col.constraint": {"en": "Constraint", "sv": "Slutenhet"},
    "col.effective_size": {"en": "Effective size", "sv": "Effektiv storlek"},
    "col.cut_point": {"en": "Cut point", "sv": "Brytpunkt"},
    "col.lose_contact": {"en": "Would cut off", "sv": "Skulle skära av"},
    "col.core_number": {"en": "Core level", "sv": "Kärnnivå"},
    "col.community": {"en": "Community", "sv": "Gemenskap"},
    "col.participation_coefficient": {"en": "Spread over groups", "sv": "Spridning över grupper"},
    "col.coordinator": {"en": "Coordinator", "sv": "Samordnare"},
    "col.itinerant": {"en": "Itinerant broker", "sv": "Kringresande mäklare"},
    "col.representative": {"en": "Representative", "sv": "Representant"},
    "col.gatekeeper": {"en": "Gatekeeper", "sv": "Grindvakt"},
    "col.liaison": {"en": "Liaison", "sv": "Förbindelselänk"},
    "col.role": {"en": "Role in the network", "sv": "Roll i nätverket"},
    "col.required": {"en": "Required", "sv": "Krav"},
    "col.covers": {"en": "Covers", "sv": "Täcker"},
    "col.adds": {"en": "Adds to reach", "sv": "Tillför räckvidd"},
    "col.new_within_1": {"en": "New within 1 step", "sv": "Nya inom 1 steg"},
    "col.new_within_2": {"en": "New within 2 steps", "sv": "Nya inom 2 steg"},
    "col.new_groups": {"en": "New groups reached", "sv": "Nya grupper nådda"},
    "col.components_after": {"en": "Separate groups after", "sv": "Separata grupper efter"},
    "col.largest_share_after": {
        "en": "In the largest group after", "sv": "I största gruppen efter",
    },
    "col.fragmentation_after": {"en": "Fragmentation after", "sv": "Fragmentering efter"},
    "col.fragmentation_increase": {"en": "Fragmentation increase", "sv": "Ökad fragmentering"},
    "col.pairs_disconnected": {"en": "Pairs cut apart", "sv": "Par som skiljs åt"},
    "col.attribute": {"en": "Grouped by", "sv": "Grupperat efter"},
    "col.group": {"en": "Group", "sv": "Grupp"},
    "col.other_group": {"en": "Other group", "sv": "Annan grupp"},
    "col.ties_before": {"en": "Ties before", "sv": "Band före"},
    "col.ties_after": {"en": "Ties after", "sv": "Band efter"},
    "col.connected_after": {"en": "Still connected", "sv": "Fortfarande förbundna"},
    "col.title": {"en": "Title", "sv": "Titel"},
    "col.kind": {"en": "Kind", "sv": "Typ"},
    "col.start_date": {"en": "Start", "sv": "Start"},
    "col.participants": {"en": "Participants in view", "sv": "Deltagare i urvalet"},
    "col.collaborations": {"en": "Shared collaborations", "sv": "Gemensam samverkan"},
    "col.weight": {"en": "Tie strength", "sv": "Bandets styrka"},
    "col.source_name": {"en": "Actor", "sv": "Aktör"},
    "col.target_name": {"en": "Should meet", "sv": "Borde träffa"},
    "col.introducer_name": {"en": "Who can introduce them", "sv": "Vem kan introducera dem"},
    "col.groups": {"en": "Groups", "sv": "Grupper"},
    "col.reason": {"en": "Why", "sv": "Varför"},
    "col.score": {"en": "Score", "sv": "Poäng"},
    "col.reach_within_2": {"en": "Reach within 2 steps", "sv": "Når inom 2 steg"},
    "col.other_groups_within_2": {
        "en": "Other groups within 2 steps", "sv": "Andra grupper inom 2 steg",
    },
    "col.reach_within_2_percentile": {"en": "Reach (rank)", "sv": "Räckvidd (rang)"},
    "col.betweenness_percentile": {"en": "Betweenness (rank)", "sv": "Mellanhand (rang)"},
    "col.other_groups_within_2_percentile": {
        "en": "Other groups (rank)", "sv": "Andra grupper (rang)",
    },
    "col.constraint_percentile": {"en": "Openness (rank)", "sv": "Öppenhet (rang)"},
    "col.convener_score": {"en": "Convener score", "sv": "Sammankallarpoäng"},

    # ---------------------------------------------------------------- overview
    "overview.title": {"en": "Overview", "sv": "Översikt"},
    "overview.intro": {
        "en": "The network at a glance: who is in it, how it grew, and three things worth "
              "acting on.",
        "sv": "Nätverket i korthet: vilka som finns med, hur det har vuxit och tre saker att "
              "agera på.",
    },
    "overview.ties": {"en": "Ties", "sv": "Band"},
    "overview.collaborations": {"en": "Collaborations", "sv": "Samverkanstillfällen"},
    "overview.components": {"en": "Separate groups", "sv": "Separata grupper"},
    "overview.components.help": {
        "en": "Groups with no path between them. One means everyone can reach everyone "
              "through someone.",
        "sv": "Grupper utan någon väg mellan sig. En betyder att alla når alla via någon.",
    },
    "overview.largest_share": {"en": "In the largest group", "sv": "I största gruppen"},
    "overview.largest_share.help": {
        "en": "Share of the actors that belong to the largest connected group.",
        "sv": "Andel av aktörerna som hör till den största sammanhängande gruppen.",
    },
    "overview.density": {"en": "Density", "sv": "Täthet"},
    "overview.density.help": {
        "en": "Share of all possible pairs that are tied. Large networks are sparse: a few "
              "percent is normal.",
        "sv": "Andel av alla möjliga par som är förbundna. Stora nätverk är glesa: några "
              "procent är normalt.",
    },
    "overview.findings": {"en": "Three things to know", "sv": "Tre saker att veta"},
    "overview.composition": {"en": "Who takes part", "sv": "Vilka som deltar"},
    "overview.growth": {"en": "How the network grew", "sv": "Hur nätverket har vuxit"},
    "overview.growth.caption": {
        "en": "New actors and new ties per quarter; a tie counts from the first collaboration "
              "two actors shared.",
        "sv": "Nya aktörer och nya band per kvartal; ett band räknas från den "
              "första samverkan två aktörer delade.",
    },
    "overview.growth.none": {
        "en": "The collaborations have no dates, so growth over time cannot be shown.",
        "sv": "Samverkan saknar datum, så tillväxten över tid kan inte visas.",
    },
    "overview.people": {"en": "People", "sv": "Personer"},
    "overview.organisations": {"en": "Organisations", "sv": "Organisationer"},
    "overview.new_actors": {"en": "New actors", "sv": "Nya aktörer"},
    "overview.new_ties": {"en": "New ties", "sv": "Nya band"},

    # headline findings (netmap.overview.headline_findings)
    "finding.top_connector.title": {"en": "Top connector", "sv": "Viktigaste länken"},
    "finding.top_connector.text": {
        "en": "{name} connects the most actors who would otherwise be far apart: {share} of "
              "the shortest paths between others run through {them}.",
        "sv": "{name} förbinder flest aktörer som annars vore långt ifrån varandra: {share} av "
              "de kortaste vägarna mellan andra går via {them}.",
    },
    "finding.top_connector.none": {
        "en": "No actor stands between others: every actor meets the others directly.",
        "sv": "Ingen aktör står mellan andra: alla möter varandra direkt.",
    },
    "finding.biggest_gap.title": {"en": "Biggest gap", "sv": "Största luckan"},
    "finding.biggest_gap.none": {
        "en": "Every pair of groups meets about as often as chance would have it.",
        "sv": "Alla grupper möts ungefär så ofta som slumpen skulle ge.",
    },
    # gaps worded for a person (netmap.overview.describe_gap)
    "gap.none.between": {
        "en": "{a} has no collaboration with {b} ({expected} ties expected if ties ignored "
              "the groups).",
        "sv": "{a} samverkar inte alls med {b} ({expected} band väntade om grupperna "
              "inte spelade roll).",
    },
    "gap.few.between": {
        "en": "{a} and {b} meet rarely: {observed} of {expected} expected ties ({share}).",
        "sv": "{a} och {b} möts sällan: {observed} av {expected} väntade band "
              "({share}).",
    },
    "gap.none.within": {
        "en": "Nobody in {a} works with anyone else in {a} ({expected} ties expected).",
        "sv": "Ingen inom {a} samverkar med någon annan inom {a} ({expected} band "
              "väntade).",
    },
    "gap.few.within": {
        "en": "{a} works little together: {observed} of {expected} expected ties ({share}).",
        "sv": "Inom {a} samverkar man lite: {observed} av {expected} väntade band "
              "({share}).",
    },
    "group.community": {"en": "community {n}", "sv": "gemenskap {n}"},
    "finding.most_fragile.title": {"en": "Most fragile point", "sv": "Sårbaraste punkten"},
    "finding.most_fragile.text": {
        "en": "If {name} left, {lost} actors would lose contact with the rest of the network.",
        "sv": "Om {name} försvann skulle {lost} aktörer tappa kontakten med resten av "
              "nätverket.",
    },
    "finding.most_fragile.text.one": {
        "en": "If {name} left, 1 actor would lose contact with the rest of the network.",
        "sv": "Om {name} försvann skulle 1 aktör tappa kontakten med resten av nätverket.",
    },
    "finding.most_fragile.spread": {
        "en": "No single actor holds the network together alone: if {name}, the most "
              "critical, left, everyone else could still reach each other.",
        "sv": "Ingen enskild aktör håller ensam ihop nätverket: om {name}, den mest kritiska, "
              "försvann kunde alla andra fortfarande nå varandra.",
    },
    "finding.them.person": {"en": "them", "sv": "personen"},
    "finding.them.organisation": {"en": "it", "sv": "organisationen"},
    "finding.empty": {
        "en": "Too few ties to say anything yet.",
        "sv": "För få band för att säga något ännu.",
    },

    # ---------------------------------------------------------------- map
    "map.title": {"en": "Map", "sv": "Karta"},
    "map.intro": {
        "en": "Drag to move, scroll to zoom, click an actor to see their neighbourhood. The "
              "search box finds actors by name.",
        "sv": "Dra för att flytta, scrolla för att zooma, klicka på en aktör för att se dess "
              "närmaste kontakter. Sökrutan hittar aktörer med namn.",
    },
    "map.colour": {"en": "Colour by", "sv": "Färg efter"},
    "map.size": {"en": "Size by", "sv": "Storlek efter"},
    "map.highlight": {"en": "Highlight", "sv": "Markera"},
    "map.highlight.none": {"en": "Nothing", "sv": "Inget"},
    "map.highlight.conveners": {
        "en": "The best {k} conveners",
        "sv": "De {k} bästa sammankallande",
    },
    "map.highlight.actor": {"en": "One actor's contacts", "sv": "En aktörs kontakter"},
    "map.highlight.removed": {
        "en": "What if one actor left", "sv": "Om en aktör försvann",
    },
    "map.highlight.suggestions": {
        "en": "The 10 best introductions", "sv": "De 10 bästa introduktionerna",
    },
    "map.actor": {"en": "Actor", "sv": "Aktör"},
    "map.top": {"en": "Show the top actors", "sv": "Visa de viktigaste aktörerna"},
    "map.top.help": {
        "en": "Large networks are easier to read when only the most central actors are drawn.",
        "sv": "Stora nätverk blir lättare att läsa när bara de mest centrala aktörerna ritas.",
    },
    "map.download": {"en": "Download the map (HTML)", "sv": "Ladda ner kartan (HTML)"},
    "map.drawn": {
        "en": "Showing {shown} of {total} actors.",
        "sv": "Visar {shown} av {total} aktörer.",
    },
    # texts inside the map page (netmap.maps.render_map)
    "map.summary": {"en": "{nodes} actors, {edges} ties.", "sv": "{nodes} aktörer, {edges} band."},
    "map.aggregated": {
        "en": "{groups} groups of {total} actors ({by}).",
        "sv": "{groups} grupper av {total} aktörer ({by}).",
    },
    "map.search": {"en": "Find an actor by name", "sv": "Hitta en aktör med namn"},
    "map.no_match": {"en": "No name matches.", "sv": "Inget namn matchar."},
    "map.weight": {"en": "Tie strength", "sv": "Bandets styrka"},
    "map.size_note": {"en": "Size: {metric}.", "sv": "Storlek: {metric}."},
    "map.width_note": {
        "en": "Line width: tie strength (shared collaborations and direct ties).",
        "sv": "Linjebredd: bandets styrka (gemensam samverkan och direkta band).",
    },
    "map.other": {"en": "Other", "sv": "Övriga"},
    "map.members": {"en": "{count} actors", "sv": "{count} aktörer"},
    "map.group_size": {"en": "number of actors", "sv": "antal aktörer"},
    "map.strongest": {
        "en": "Lines: each actor's {k} strongest ties ({shown} of {total}); select an actor to "
              "see all of theirs.",
        "sv": "Linjer: varje aktörs {k} starkaste band ({shown} av {total}); välj en aktör för "
              "att se alla dess band.",
    },
    "map.community": {"en": "Community {number}", "sv": "Gemenskap {number}"},
    "map.highlighted": {"en": "Highlighted", "sv": "Markerade"},
    "map.suggested": {"en": "Suggested introduction", "sv": "Föreslagen introduktion"},
    "map.removed": {"en": "Removed (what if they left)", "sv": "Borttagna (om de lämnade)"},
    "map.cut_off": {
        "en": "Cut off from the rest without them",
        "sv": "Avskurna från resten utan dem",
    },

    # ---------------------------------------------------------------- key actors
    "key.title": {"en": "Key actors", "sv": "Nyckelaktörer"},
    "key.intro": {
        "en": "Who holds the network together. Hover over a column heading to see what it "
              "means.",
        "sv": "Vilka som håller ihop nätverket. Håll muspekaren över en kolumnrubrik för att se "
              "vad den betyder.",
    },
    "key.sort": {"en": "Sort by", "sv": "Sortera efter"},
    "key.glossary": {"en": "What the columns mean", "sv": "Vad kolumnerna betyder"},
    "key.profile": {"en": "Actor profile", "sv": "Aktörsprofil"},
    "key.pick": {"en": "Pick an actor", "sv": "Välj en aktör"},
    "key.collaborations": {"en": "Collaborations", "sv": "Samverkan"},
    "key.partners": {"en": "Partners", "sv": "Samarbetspartner"},
    "key.brokerage": {"en": "Brokerage roles", "sv": "Mäklarroller"},
    "key.brokerage.none": {
        "en": "Not a broker between groups: no two of their contacts are in groups they link.",
        "sv": "Ingen mäklare mellan grupper: inga av kontakterna är i grupper som aktören "
              "länkar.",
    },
    "key.if_leaves": {"en": "If they leave", "sv": "Om aktören försvinner"},
    "key.if_leaves.text": {
        "en": "Separate groups: {before} → {after}. In the largest group: {share_before} → "
              "{share_after}. {pairs} pairs of actors would lose every path between them.",
        "sv": "Separata grupper: {before} → {after}. I största gruppen: {share_before} → "
              "{share_after}. {pairs} par av aktörer skulle förlora alla vägar mellan sig.",
    },
    "key.no_collaborations": {
        "en": "No collaborations in this time window.",
        "sv": "Ingen samverkan under tidsperioden.",
    },

    # ---------------------------------------------------------------- conveners
    "conv.title": {"en": "Conveners", "sv": "Sammankallande"},
    "conv.intro": {
        "en": "Who should convene the network: the set of actors who together reach the most "
              "others within one or two steps.",
        "sv": "Vem bör sammankalla nätverket: de aktörer som tillsammans når flest andra inom "
              "ett eller två steg.",
    },
    "conv.k": {"en": "How many conveners", "sv": "Hur många sammankallande"},
    "conv.per_group": {
        "en": "At least one from each of these sectors",
        "sv": "Minst en från var och en av dessa sektorer",
    },
    "conv.per_municipality": {
        "en": "At least one from each of these municipalities",
        "sv": "Minst en från var och en av dessa kommuner",
    },
    "conv.exclude": {"en": "Never choose", "sv": "Välj aldrig"},
    "conv.exclude.help": {
        "en": "E.g. funders, or people who have said no.",
        "sv": "T.ex. finansiärer, eller personer som tackat nej.",
    },
    "conv.require": {"en": "Always include", "sv": "Ta alltid med"},
    "conv.chosen": {"en": "The chosen set", "sv": "Den valda gruppen"},
    "conv.reach": {
        "en": "Together they reach {one} of the network in one step and {two} within two.",
        "sv": "Tillsammans når de {one} av nätverket i ett steg och {two} inom två.",
    },
    "conv.ranking": {"en": "Single candidates, ranked", "sv": "Enskilda kandidater, rangordnade"},
    "conv.whatif": {"en": "What if they left?", "sv": "Vad händer om de försvinner?"},
    "conv.whatif.pick": {
        "en": "Actors to remove",
        "sv": "Aktörer att ta bort",
    },
    "conv.whatif.prompt": {
        "en": "Pick one or more actors to see what the network would lose.",
        "sv": "Välj en eller flera aktörer för att se vad nätverket skulle förlora.",
    },
    "conv.fragile": {
        "en": "Actors whose leaving would split the network most",
        "sv": "Aktörer vars frånfälle skulle splittra nätverket mest",
    },
    "conv.fragmentation": {"en": "Fragmentation", "sv": "Fragmentering"},
    "conv.fragmentation.help": {
        "en": "Share of pairs of actors with no path between them (0 = everyone can reach "
              "everyone, 1 = nobody can reach anybody).",
        "sv": "Andel par av aktörer utan väg mellan sig (0 = alla når alla, 1 = ingen når "
              "någon).",
    },
    "conv.infeasible": {
        "en": "These constraints cannot all be met: {error}",
        "sv": "Villkoren kan inte uppfyllas samtidigt: {error}",
    },

    # ---------------------------------------------------------------- gaps
    "gaps.title": {"en": "Gaps & introductions", "sv": "Luckor och introduktioner"},
    "gaps.intro": {
        "en": "Where the missing links are, and who should meet whom.",
        "sv": "Var kontakterna saknas, och vem som borde träffa vem.",
    },
    "gaps.by": {"en": "Compare groups by", "sv": "Jämför grupper efter"},
    "gaps.heatmap": {"en": "Who meets whom", "sv": "Vem möter vem"},
    "gaps.heatmap.caption": {
        "en": "Ties between two groups compared with what you would expect if ties were spread "
              "without regard to groups: below 1 (red) the groups meet less than expected, "
              "above 1 (blue) more.",
        "sv": "Band mellan två grupper jämfört med vad man kunde vänta sig om "
              "banden spreds utan hänsyn till grupp: under 1 (rött) möts grupperna "
              "mindre än väntat, över 1 (blått) mer.",
    },
    "gaps.ratio": {"en": "Observed / expected", "sv": "Observerat / väntat"},
    "gaps.findings": {"en": "Missing links", "sv": "Saknade kontakter"},
    "gaps.findings.none": {
        "en": "Every pair of groups meets about as often as expected.",
        "sv": "Alla grupper möts ungefär så ofta som väntat.",
    },
    "gaps.suggest": {"en": "Suggested introductions", "sv": "Föreslagna introduktioner"},
    "gaps.k": {"en": "How many suggestions", "sv": "Hur många förslag"},
    "gaps.across": {"en": "Only pairs across", "sv": "Bara par över gränsen"},
    "gaps.across.any": {"en": "Any pair", "sv": "Alla par"},
    "gaps.for_actor": {"en": "For one actor", "sv": "För en aktör"},
    "gaps.for_actor.any": {"en": "Everyone", "sv": "Alla"},
    "suggest.both_know": {
        "en": "Both know {names} ({counts})", "sv": "Båda känner {names} ({counts})",
    },
    "suggest.contacts.one": {"en": "1 shared contact", "sv": "1 gemensam kontakt"},
    "suggest.contacts.many": {"en": "{n} shared contacts", "sv": "{n} gemensamma kontakter"},
    "suggest.collaborations.one": {
        "en": "{counts}, 1 collaboration with them", "sv": "{counts}, 1 samarbete med dem",
    },
    "suggest.collaborations.many": {
        "en": "{counts}, {n} collaborations with them", "sv": "{counts}, {n} samarbeten med dem",
    },
    "suggest.chain": {
        "en": "No shared contact yet, but linked through a chain of two contacts",
        "sv": "Ingen gemensam kontakt än, men förbundna genom en kedja av två kontakter",
    },
    "suggest.would_link": {"en": "would link {a} and {b}", "sv": "skulle förbinda {a} och {b}"},
    "suggest.knows_both": {"en": "{name} knows both", "sv": "{name} känner båda"},
    "suggest.starts_chain": {
        "en": "{name} ({source}'s contact) can start the chain",
        "sv": "{name}, som {source} känner, kan starta kedjan",
    },
    "gaps.suggest.none": {
        "en": "No pair shares a contact, so there is nobody to suggest.",
        "sv": "Inga par har en gemensam kontakt, så det finns inget att föreslå.",
    },
    "gaps.backtest": {
        "en": "Would these suggestions have come true?",
        "sv": "Hade förslagen slagit in?",
    },
    "gaps.backtest.intro": {
        "en": "netmap pretends it is an earlier date, makes its suggestions from the records up "
              "to then, and checks which suggested pairs really did collaborate afterwards.",
        "sv": "netmap låtsas att det är ett tidigare datum, gör sina förslag utifrån "
              "uppgifterna fram till dess och kontrollerar vilka föreslagna par som faktiskt "
              "samverkade efteråt.",
    },
    "gaps.backtest.split": {"en": "Pretend it is", "sv": "Låtsas att det är"},
    "gaps.backtest.run": {"en": "Run the back-test", "sv": "Kör efterhandstestet"},
    "gaps.backtest.result": {
        "en": "{hits} of {k} suggestions came true, {lift} times as many as picking pairs at "
              "random.",
        "sv": "{hits} av {k} förslag slog in, {lift} gånger så många som om paren valts på "
              "måfå.",
    },
    "gaps.backtest.no_dates": {
        "en": "The back-test needs dated collaborations.",
        "sv": "Efterhandstestet kräver daterad samverkan.",
    },
    "gaps.backtest.method": {"en": "Method", "sv": "Metod"},
    "gaps.backtest.precision": {"en": "Share that came true", "sv": "Andel som slog in"},

    # ---------------------------------------------------------------- data
    "data.title": {"en": "Data", "sv": "Data"},
    "data.current": {"en": "Data in use", "sv": "Data som används"},
    "data.source": {"en": "Source: {source}", "sv": "Källa: {source}"},
    "data.load_report": {
        "en": "Rows read, used and rejected per table",
        "sv": "Rader lästa, använda och avvisade per tabell",
    },
    "data.warnings": {
        "en": "{n} notes about the records (they did not stop the load)",
        "sv": "{n} anmärkningar om uppgifterna (de stoppade inte inläsningen)",
    },
    "data.upload": {"en": "Use your own records", "sv": "Använd egna uppgifter"},
    "data.upload.kind": {"en": "What are you uploading?", "sv": "Vad laddar du upp?"},
    "data.upload.records": {
        "en": "netmap tables (one workbook, or the CSV files)",
        "sv": "netmap-tabeller (en arbetsbok, eller CSV-filerna)",
    },
    "data.upload.attendance": {
        "en": "Attendance lists (one file per meeting, or one long list)",
        "sv": "Deltagarlistor (en fil per möte, eller en lång lista)",
    },
    "data.upload.files": {"en": "Files", "sv": "Filer"},
    "data.upload.files.help": {
        "en": "A workbook (.xlsx) with the sheets organisations, people, collaborations, "
              "participation (and ties), or those tables as CSV files.",
        "sv": "En arbetsbok (.xlsx) med flikarna organisations, people, collaborations, "
              "participation (och ties), eller tabellerna som CSV-filer.",
    },
    "data.upload.button": {"en": "Check and load", "sv": "Kontrollera och läs in"},
    "data.upload.ok": {
        "en": "Loaded {name}: {people} people, {organisations} organisations, "
              "{collaborations} collaborations. It is now selected in the sidebar.",
        "sv": "Inläst {name}: {people} personer, {organisations} organisationer, "
              "{collaborations} samverkanstillfällen. Den är nu vald i sidofältet.",
    },
    "data.upload.failed": {
        "en": "{name} could not be used: {n} problems need fixing. netmap keeps working on the "
              "data it had before. Fix the rows below in your file and upload it again.",
        "sv": "{name} kunde inte användas: {n} problem behöver rättas. netmap fortsätter med "
              "de uppgifter den hade innan. Rätta raderna nedan i filen och ladda upp den igen.",
    },
    "data.upload.unreadable": {
        "en": "{name} could not be read: {error}. netmap keeps working on the data it had "
              "before.",
        "sv": "{name} kunde inte läsas: {error}. netmap fortsätter med de uppgifter den hade "
              "innan.",
    },
    "data.upload.none": {
        "en": "Choose one or more files first.", "sv": "Välj en eller flera filer först.",
    },
    "data.problems": {"en": "What to fix", "sv": "Vad som behöver rättas"},
    "data.review": {
        "en": "Check these possible duplicates",
        "sv": "Kontrollera dessa möjliga dubbletter",
    },
    "data.review.caption": {
        "en": "netmap was unsure whether these names are the same person or organisation. "
              "Download the list, write merge or keep apart in the decision column, and "
              "upload it together with the attendance lists.",
        "sv": "netmap var osäker på om dessa namn är samma person eller organisation. Ladda ner "
              "listan, skriv merge eller keep apart i kolumnen decision och ladda upp den "
              "tillsammans med deltagarlistorna.",
    },
    "data.review.download": {"en": "Download review.csv", "sv": "Ladda ner review.csv"},
    "data.rejected": {
        "en": "{n} rows of the lists were not used (with the reason)",
        "sv": "{n} rader i listorna användes inte (med skälet)",
    },
    "data.report": {"en": "The report to read at home", "sv": "Rapporten att läsa hemma"},
    "data.report.caption": {
        "en": "A written summary of the network in view (the data, its growth, key actors, "
              "conveners, fragile points, gaps, introductions, the map and the methods) in "
              "the language you chose. Open it in a browser; print it to PDF if you like.",
        "sv": "En skriftlig sammanfattning av nätverket som visas (uppgifterna, tillväxten, "
              "nyckelaktörer, sammankallande, sårbara punkter, luckor, introduktioner, kartan "
              "och metoderna) på det språk du valt. Öppna den i en webbläsare; skriv ut den "
              "som PDF om du vill.",
    },
    "data.report.pseudonymise": {
        "en": "Show people as pseudonyms (organisations stay named)",
        "sv": "Visa personer med pseudonymer (organisationer visas med namn)",
    },
    "data.report.download": {
        "en": "Download the report (HTML)", "sv": "Ladda ner rapporten (HTML)",
    },
    "data.templates": {"en": "Templates", "sv": "Mallar"},
    "data.templates.caption": {
        "en": "Empty tables with the right columns and an example row, to fill in.",
        "sv": "Tomma tabeller med rätt kolumner och en exempelrad, att fylla i.",
    },
    "data.templates.xlsx": {
        "en": "Download the workbook template", "sv": "Ladda ner arbetsboksmallen",
    },
    "data.downloads": {"en": "Downloads", "sv": "Nedladdningar"},
    "data.downloads.caption": {
        "en": "The records in use and the network in view (with the sidebar's filters).",
        "sv": "Uppgifterna som används och nätverket som visas (med sidofältets filter).",
    },
    "data.download.table": {"en": "{table} (CSV)", "sv": "{table} (CSV)"},
    "data.download.map": {"en": "Map (HTML)", "sv": "Karta (HTML)"},
    "data.download.graphml": {"en": "Network (GraphML)", "sv": "Nätverk (GraphML)"},
    "data.download.gexf": {"en": "Network (GEXF, for Gephi)", "sv": "Nätverk (GEXF, för Gephi)"},
    "data.download.key_actors": {"en": "Key actors (CSV)", "sv": "Nyckelaktörer (CSV)"},
    "table.organisations": {"en": "Organisations", "sv": "Organisationer"},
    "table.people": {"en": "People", "sv": "Personer"},
    "table.collaborations": {"en": "Collaborations", "sv": "Samverkan"},
    "table.participation": {"en": "Participation", "sv": "Deltagande"},
    "table.ties": {"en": "Direct ties", "sv": "Direkta band"},
    "problem.severity": {"en": "Severity", "sv": "Allvar"},
    "problem.file": {"en": "File", "sv": "Fil"},
    "problem.row": {"en": "Row", "sv": "Rad"},
    "problem.column": {"en": "Column", "sv": "Kolumn"},
    "problem.value": {"en": "Value", "sv": "Värde"},
    "problem.problem": {"en": "Problem", "sv": "Problem"},
    "problem.hint": {"en": "How to fix it", "sv": "Så rättar du"},
    "report.table": {"en": "Table", "sv": "Tabell"},
    "report.rows_read": {"en": "Rows read", "sv": "Lästa rader"},
    "report.rows_used": {"en": "Rows used", "sv": "Använda rader"},
    "report.rows_rejected": {"en": "Rows rejected", "sv": "Avvisade rader"},
}
# fmt: on
# The HTML report's texts (netmap.report) are kept in their own module and join here.
STRINGS.update(REPORT_STRINGS)


def t(key: str, lang: str, /, **values: object) -> str:
    """Return the text ``key`` in language ``lang``, with ``{placeholders}`` filled.

    Parameters
    ----------
    key : str
        A key of :data:`STRINGS`, e.g. ``"page.map"``.
    lang : {"en", "sv"}
        Language code (see :data:`LANGUAGES`).
    **values
        Values for the text's placeholders.

    Raises
    ------
    KeyError
        When ``key`` does not exist (the message suggests close keys).
    ValueError
        When ``lang`` is not a language netmap speaks.

    Examples
    --------
    >>> t("page.map", "sv")
    'Karta'
    >>> t("map.drawn", "en", shown=50, total=400)
    'Showing 50 of 400 actors.'
    """
    texts = _texts(key, lang)
    text = texts[lang]
    return text.format(**values) if values else text


def choice_label(field: str, value: object, lang: str) -> str:
    """Return the display name of a value of a fixed-choice field, or the value as written.

    ``field`` is a key prefix such as ``"sector"``, ``"kind"``, ``"role"``, ``"level"`` or
    ``"by"``. Values of free-text fields (municipality names, for example) have no entry and
    are shown as written; a missing value is shown as "(not given)".

    Examples
    --------
    >>> choice_label("sector", "civil_society", "sv")
    'Civilsamhälle'
    >>> choice_label("municipality", "Luleå", "sv")
    'Luleå'
    >>> choice_label("sector", float("nan"), "en")
    '(not given)'
    """
    if value is None or (isinstance(value, float) and value != value):
        return t("common.unknown", lang)
    key = f"{field}.{value}"
    return t(key, lang) if key in STRINGS else str(value)


def group_label(by: str, group: object, lang: str) -> str:
    """Return the name of a group of actors as a person knows it.

    Sectors in words, communities numbered ("community 3"), the group of actors without a
    value as "(not given)"; other groups (municipalities) as written.

    Examples
    --------
    >>> group_label("sector", "civil_society", "en")
    'Civil society'
    >>> group_label("community", "community 2", "sv")
    'gemenskap 2'
    >>> group_label("sector", "civil society", "sv")
    'Civilsamhälle'
    >>> group_label("municipality", "(unknown)", "sv")
    '(uppgift saknas)'
    """
    if group == UNKNOWN_GROUP:
        return t("common.unknown", lang)
    text = str(group)
    if by == "community":
        return t("group.community", lang, n=text.removeprefix("community "))
    coded = f"{by}.{text.replace(' ', '_')}"  # netmap.suggest.node_groups writes spaces
    return t(coded, lang) if coded in STRINGS else choice_label(by, group, lang)


def format_number(value: float, lang: str, *, decimals: int = 0) -> str:
    """Return a number as the language writes it (Swedish: decimal comma, space per thousand).

    Examples
    --------
    >>> format_number(12345.678, "en", decimals=1), format_number(12345.678, "sv", decimals=1)
    ('12,345.7', '12 345,7')
    """
    text = f"{value:,.{decimals}f}"
    if lang == "sv":
        text = text.replace(",", " ").replace(".", ",")
    return text


def format_percent(share: float, lang: str, *, decimals: int = 0) -> str:
    """Return a share (0-1) as a percentage the way the language writes it.

    Examples
    --------
    >>> format_percent(0.256, "en"), format_percent(0.256, "sv")
    ('26%', '26 %')
    """
    number = format_number(100 * share, lang, decimals=decimals)
    return f"{number} %" if lang == "sv" else f"{number}%"


def check_lang(lang: str) -> str:
    """Return ``lang`` if netmap speaks it, else raise ValueError naming the codes it speaks.

    >>> check_lang("sv")
    'sv'
    """
    if lang not in LANGUAGES:
        raise ValueError(
            f"netmap speaks {', '.join(map(repr, LANGUAGES))}; got language {lang!r}. "
            "Pass one of those codes."
        )
    return lang


def _texts(key: str, lang: str) -> Mapping[str, str]:
    check_lang(lang)
    try:
        return STRINGS[key]
    except KeyError:
        close = difflib.get_close_matches(key, STRINGS, n=3)
        hint = f" Close keys: {', '.join(map(repr, close))}." if close else ""
        raise KeyError(
            f"netmap.i18n has no text {key!r}.{hint} Add it to STRINGS with both "
            f"{' and '.join(map(repr, LANGUAGES))}."
        ) from None
