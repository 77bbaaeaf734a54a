"""The texts of the HTML report (:mod:`netmap.report`), in English and Swedish.

They join :data:`netmap.i18n.STRINGS` (read them with :func:`netmap.i18n.t`); they live here so
that the report's wording can change without touching the dashboard's. Column headings and
the overview's labels are not repeated: the report uses the ``col.*`` and ``overview.*`` texts
of :mod:`netmap.i18n`, and metric explanations come from :mod:`netmap.glossary`.
"""

from __future__ import annotations

__all__ = ["METHODS", "REFERENCES", "REPORT_STRINGS"]

# fmt: off
#: key -> {language code -> text}; every key starts with ``report.``.
REPORT_STRINGS: dict[str, dict[str, str]] = {
    "report.title": {"en": "Network report", "sv": "Nätverksrapport"},
    "report.subtitle": {
        "en": "{source}: the network of {level}",
        "sv": "{source}: nätverket av {level}",
    },
    "report.level.people": {"en": "people", "sv": "personer"},
    "report.level.organisations": {"en": "organisations", "sv": "organisationer"},
    "report.period": {
        "en": "Collaborations from {first} to {last}.",
        "sv": "Samverkan från {first} till {last}.",
    },
    "report.period.none": {
        "en": "The collaborations have no dates.",
        "sv": "Samverkanstillfällena saknar datum.",
    },
    "report.window": {
        "en": "Time window: {since} to {until}.",
        "sv": "Tidsperiod: {since} till {until}.",
    },
    "report.window.open": {"en": "open", "sv": "öppen"},
    "report.filters": {"en": "Only: {filters}.", "sv": "Endast: {filters}."},
    "report.pseudonymised": {
        "en": "People appear under pseudonyms (such as {example}): the same pseudonym is the "
              "same person throughout this report. Organisations are named; e-mail addresses "
              "and job titles are left out. A reader who knows the network well may still "
              "recognise its most central people by their place in it.",
        "sv": "Personer visas med pseudonym (till exempel {example}): samma pseudonym är samma "
              "person i hela rapporten. Organisationer visas med namn; e-postadresser och "
              "titlar finns inte med. Den som känner nätverket väl kan ändå känna igen dess "
              "mest centrala personer på deras plats i det.",
    },
    "report.pseudonymised.alone": {
        "en": "Organisations with only one person in this report: {n}. Each such person can be "
              "recognised through the organisation's name.",
        "sv": "Organisationer med bara en person i rapporten: {n}. Varje sådan person kan "
              "kännas igen genom organisationens namn.",
    },
    "report.created": {"en": "Created {date}.", "sv": "Skapad {date}."},
    "report.contents": {"en": "Contents", "sv": "Innehåll"},
    "report.todo": {"en": "What to do", "sv": "Vad du kan göra"},
    "report.more_rows": {
        "en": "The first {shown} of {total} rows are shown.",
        "sv": "De första {shown} av {total} raderna visas.",
    },
    "report.footer": {
        "en": "Made with netmap {version} from the records alone; the same records give the "
              "same report.",
        "sv": "Gjord med netmap {version} enbart utifrån underlaget; samma underlag ger samma "
              "rapport.",
    },
    # ---------------------------------------------------------------- at a glance
    "report.glance": {"en": "At a glance", "sv": "I korthet"},
    # ---------------------------------------------------------------- data
    "report.data": {"en": "The records and their quality", "sv": "Underlaget och dess kvalitet"},
    "report.data.counts": {
        "en": "{people} people in {organisations} organisations took part in {collaborations} "
              "collaborations ({participation} rows of participation, {ties} direct ties).",
        "sv": "{people} personer i {organisations} organisationer deltog i {collaborations} "
              "samverkanstillfällen ({participation} rader om deltagande, {ties} direkta band).",
    },
    "report.data.all_used": {
        "en": "Every row read was used.",
        "sv": "Alla inlästa rader användes.",
    },
    "report.data.rejected": {
        "en": "{rejected} of {read} rows were left out; the table shows where.",
        "sv": "{rejected} av {read} rader lämnades utanför; tabellen visar var.",
    },
    "report.data.no_report": {
        "en": "The records were built in code, so there is no file to report on.",
        "sv": "Underlaget skapades i kod, så det finns ingen fil att rapportera om.",
    },
    "report.data.warnings": {
        "en": "{n} warnings: the records loaded, but these are worth fixing.",
        "sv": "{n} varningar: underlaget gick att läsa in, men detta är värt att rätta.",
    },
    "report.data.no_warnings": {
        "en": "No warnings: the records are complete and consistent.",
        "sv": "Inga varningar: underlaget är komplett och konsekvent.",
    },
    "report.data.graph": {
        "en": "The network in this report",
        "sv": "Nätverket i den här rapporten",
    },
    "report.data.isolates": {"en": "Actors without ties", "sv": "Aktörer utan band"},
    "report.data.todo": {
        "en": "Fix the warnings in the files and run the report again; `netmap validate` "
              "lists every problem with its row.",
        "sv": "Rätta varningarna i filerna och skapa rapporten igen; `netmap validate` listar "
              "varje problem med sin rad.",
    },
    "report.actors": {"en": "Actors", "sv": "Aktörer"},
    "report.ties": {"en": "Ties", "sv": "Band"},
    "report.components": {"en": "Separate groups", "sv": "Separata grupper"},
    "report.largest_share": {"en": "Share in the largest group", "sv": "Andel i största gruppen"},
    "report.density": {
        "en": "Density (share of possible pairs tied)",
        "sv": "Täthet (andel möjliga par med band)",
    },
    # ---------------------------------------------------------------- growth
    "report.growth": {"en": "How the network grew", "sv": "Hur nätverket har vuxit"},
    "report.growth.none": {
        "en": "The collaborations have no dates, so growth cannot be shown.",
        "sv": "Samverkanstillfällena saknar datum, så tillväxten kan inte visas.",
    },
    "report.growth.quiet": {
        "en": "Quarters in which no collaboration began are left out of the table.",
        "sv": "Kvartal då ingen samverkan började är utelämnade ur tabellen.",
    },
    "report.quarter": {"en": "Quarter", "sv": "Kvartal"},
    "report.collaborations": {"en": "Collaborations begun", "sv": "Påbörjad samverkan"},
    "report.new_actors": {"en": "New actors", "sv": "Nya aktörer"},
    "report.new_ties": {"en": "New ties", "sv": "Nya band"},
    "report.growth.text": {
        "en": "From {first} to {last} the network grew to {actors} actors and {ties} ties. "
              "Most new ties came in {busiest} ({new_ties}).",
        "sv": "Från {first} till {last} växte nätverket till {actors} aktörer och {ties} band. "
              "Flest nya band kom {busiest} ({new_ties}).",
    },
    "report.growth.actors": {
        "en": "Actors at the end of each quarter",
        "sv": "Aktörer vid varje kvartals slut",
    },
    "report.growth.ties": {
        "en": "Ties at the end of each quarter",
        "sv": "Band vid varje kvartals slut",
    },
    # ---------------------------------------------------------------- key actors
    "report.key_actors": {
        "en": "Key actors and what they do",
        "sv": "Nyckelaktörer och vad de gör",
    },
    "report.key_actors.text": {
        "en": "The {n} actors who most often lie between others. The role says in words what "
              "each of them does for the network.",
        "sv": "De {n} aktörer som oftast ligger mellan andra. Rollen säger med ord vad var och "
              "en gör för nätverket.",
    },
    "report.key_actors.todo": {
        "en": "Keep these actors informed and involved: much of the network's contact passes "
              "through them. Ask them who is missing.",
        "sv": "Håll de här aktörerna informerade och delaktiga: mycket av kontakten i nätverket "
              "går via dem. Fråga dem vem som saknas.",
    },
    "report.columns": {"en": "What the columns mean", "sv": "Vad kolumnerna betyder"},
    # ---------------------------------------------------------------- conveners
    "report.conveners": {
        "en": "Who should convene the network",
        "sv": "Vem bör sammankalla nätverket",
    },
    "report.conveners.text": {
        "en": "Together these {k} conveners reach {reach_1} of all actors directly and "
              "{reach_2} within two steps (an invitation passed on once). Each row says what "
              "that convener adds to those above.",
        "sv": "Tillsammans når de här {k} sammankallande {reach_1} av alla aktörer direkt och "
              "{reach_2} inom två steg (en inbjudan som skickas vidare en gång). Varje rad "
              "säger vad den sammankallande tillför utöver dem ovanför.",
    },
    "report.conveners.why.first": {
        "en": "reaches {new_1} actors directly and {new_2} within two steps",
        "sv": "når {new_1} aktörer direkt och {new_2} inom två steg",
    },
    "report.conveners.why.next": {
        "en": "adds {new_1} actors reached directly and {new_2} within two steps that no "
              "convener above reaches",
        "sv": "tillför {new_1} aktörer som nås direkt och {new_2} inom två steg som ingen "
              "sammankallande ovanför når",
    },
    "report.conveners.single": {
        "en": "The best single candidates, ranked on four parts (each a rank among all "
              "candidates, 100% = best):",
        "sv": "De bästa enskilda kandidaterna, rangordnade på fyra delar (var och en en rang "
              "bland alla kandidater, 100 % = bäst):",
    },
    "report.conveners.single.why": {
        "en": "reaches {reach} of the network within two steps, with contacts in {groups} "
              "other sectors; rank for betweenness {between}, for an open circle {open}",
        "sv": "når {reach} av nätverket inom två steg, med kontakter i {groups} andra "
              "sektorer; rang för mellanhandsposition {between}, för öppen krets {open}",
    },
    "report.conveners.todo": {
        "en": "Ask the chosen conveners to send the next invitation together, each to their "
              "own contacts.",
        "sv": "Be de valda sammankallande att skicka nästa inbjudan tillsammans, var och en "
              "till sina egna kontakter.",
    },
    "report.conveners.none": {
        "en": "There are too few actors to choose conveners.",
        "sv": "Det finns för få aktörer för att välja sammankallande.",
    },
    # ---------------------------------------------------------------- fragile points
    "report.fragile": {"en": "Fragile points", "sv": "Sårbara punkter"},
    "report.fragile.text": {
        "en": "Actors whose leaving alone would split the network, most damaging first.",
        "sv": "Aktörer vars avhopp ensamt skulle dela nätverket, de mest skadliga först.",
    },
    "report.fragile.none": {
        "en": "No single actor holds the network together alone: nobody's leaving would split "
              "it.",
        "sv": "Ingen enskild aktör håller ensam ihop nätverket: ingen skulle dela det genom att "
              "lämna.",
    },
    "report.fragile.set": {
        "en": "If {names} all left, {pairs} pairs of actors would lose every path to each other "
              "and the network would fall into {components} separate groups (fragmentation "
              "from {before} to {after}).",
        "sv": "Om {names} alla lämnade skulle {pairs} par av aktörer förlora varje väg till "
              "varandra och nätverket falla isär i {components} separata grupper "
              "(fragmentering från {before} till {after}).",
    },
    "report.fragile.todo": {
        "en": "Keep these actors involved, give each a deputy, and make sure the contacts that "
              "pass only through them meet each other directly.",
        "sv": "Håll kvar de här aktörerna, ge var och en en ersättare och se till att de "
              "kontakter som bara går via dem träffar varandra direkt.",
    },
    # ---------------------------------------------------------------- gaps
    "report.gaps": {"en": "Groups that do not meet", "sv": "Grupper som inte möts"},
    "report.gaps.text": {
        "en": "Ties between sectors against what chance would give: 1 means as many as "
              "expected, below 1 fewer (orange), above 1 more (blue).",
        "sv": "Band mellan sektorer jämfört med vad slumpen skulle ge: 1 betyder lika många "
              "som väntat, under 1 färre (orange), över 1 fler (blått).",
    },
    "report.gaps.findings": {"en": "Gaps worth closing", "sv": "Luckor värda att täppa till"},
    "report.gaps.bridge": {
        "en": "Community {a} ({size_a} actors) and community {b} ({size_b} actors) touch only "
              "through {names}.",
        "sv": "Gemenskap {a} ({size_a} aktörer) och gemenskap {b} ({size_b} aktörer) har "
              "kontakt bara via {names}.",
    },
    "report.gaps.todo": {
        "en": "Invite the groups that do not meet to the same meeting, and ask the actors who "
              "bridge communities to bring someone along.",
        "sv": "Bjud in grupper som inte möts till samma träff, och be aktörerna som förbinder "
              "gemenskaperna att ta med sig någon.",
    },
    # ---------------------------------------------------------------- introductions
    "report.suggest": {"en": "Introductions worth making", "sv": "Introduktioner värda att göra"},
    "report.suggest.text": {
        "en": "Pairs not yet tied who share many contacts, best first, with the contact best "
              "placed to introduce them.",
        "sv": "Par utan band som delar många kontakter, bäst först, med den kontakt som bäst "
              "kan introducera dem.",
    },
    "report.suggest.reason": {
        "en": "{shared} shared contacts; {introducer} knows both",
        "sv": "{shared} gemensamma kontakter; {introducer} känner båda",
    },
    "report.suggest.none": {
        "en": "Every pair of actors with a shared contact is already tied.",
        "sv": "Alla par av aktörer med en gemensam kontakt har redan band.",
    },
    "report.backtest": {
        "en": "Test on the past: of {k} introductions suggested from the records before {split}, "
              "{hits} became ties afterwards ({precision}), {ratio} times as many as pairs "
              "picked at random ({random}).",
        "sv": "Test på historiken: av {k} introduktioner som föreslogs utifrån underlaget före "
              "{split} blev {hits} band efteråt ({precision}), {ratio} gånger så många som "
              "slumpvis valda par ({random}).",
    },
    "report.backtest.none": {
        "en": "Too few dated collaborations before and after one date to test the suggestions "
              "on the past.",
        "sv": "För få daterade samverkanstillfällen före och efter ett datum för att testa "
              "förslagen på historiken.",
    },
    "report.suggest.todo": {
        "en": "Ask the introducer to bring each pair together, and note in the records when "
              "they have met.",
        "sv": "Be introduktören att föra samman varje par, och notera i underlaget när de har "
              "träffats.",
    },
    # ---------------------------------------------------------------- map
    "report.map": {"en": "The map", "sv": "Kartan"},
    "report.map.text": {
        "en": "Colour shows the sector, size the betweenness; the chosen conveners have a dark "
              "ring and the best introductions are orange dashed lines.",
        "sv": "Färgen visar sektorn, storleken mellanhandspositionen; de valda sammankallande "
              "har en mörk ring och de bästa introduktionerna är orange streckade linjer.",
    },
    "report.map.interactive": {
        "en": "Interactive map: drag, zoom, search for a name, click an actor to see its "
              "contacts.",
        "sv": "Interaktiv karta: dra, zooma, sök efter ett namn, klicka på en aktör för att se "
              "dess kontakter.",
    },
    "report.map.top": {
        "en": "The map shows the {shown} actors with the highest betweenness of {total}.",
        "sv": "Kartan visar de {shown} aktörer av {total} som har högst mellanhandsposition.",
    },
    "report.map.image": {
        "en": "Map of the network (still image)",
        "sv": "Karta över nätverket (stillbild)",
    },
    # ---------------------------------------------------------------- method
    "report.method": {"en": "How it is measured", "sv": "Så mäts det"},
    "report.method.text": {
        "en": "A tie joins two actors who took part in the same collaboration or have a "
              "direct tie in the records; its strength counts their shared collaborations. "
              "The figures come from these measures:",
        "sv": "Ett band förenar två aktörer som deltog i samma samverkan eller har ett direkt "
              "band i underlaget; dess styrka räknar deras gemensamma samverkan. Siffrorna "
              "kommer från de här måtten:",
    },
    "report.references": {"en": "References", "sv": "Referenser"},
}

#: The measures of the method section: (name, what it is, reference numbers in REFERENCES).
METHODS: tuple[tuple[dict[str, str], dict[str, str], tuple[int, ...]], ...] = (
    (
        {"en": "Betweenness", "sv": "Mellanhandsposition (betweenness)"},
        {"en": "the share of shortest paths between two others that pass through an actor; a "
               "strong tie counts as a short step. Computed with Brandes' algorithm (sampled "
               "above 5,000 actors).",
         "sv": "andelen kortaste vägar mellan två andra som går via aktören; ett starkt band "
               "räknas som ett kort steg. Beräknas med Brandes algoritm (stickprov över 5 000 "
               "aktörer)."},
        (1, 2, 3),
    ),
    (
        {"en": "Closeness", "sv": "Närhet (closeness)"},
        {"en": "how short an actor's paths to everyone it can reach are, scaled by the share "
               "it can reach, so that networks in several parts can be compared.",
         "sv": "hur korta aktörens vägar till alla den kan nå är, skalat med andelen den kan "
               "nå, så att nätverk i flera delar går att jämföra."},
        (2, 4),
    ),
    (
        {"en": "PageRank", "sv": "PageRank"},
        {"en": "how well connected an actor's contacts are themselves (damping 0.85).",
         "sv": "hur välkopplade aktörens kontakter själva är (dämpning 0,85)."},
        (5,),
    ),
    (
        {"en": "Constraint and effective size", "sv": "Slutenhet och effektiv storlek"},
        {"en": "Burt's structural holes: whether an actor's contacts know each other "
               "(constraint) or each bring something new (effective size).",
         "sv": "Burts strukturella hål: om aktörens kontakter känner varandra (slutenhet) "
               "eller var och en tillför något nytt (effektiv storlek)."},
        (6,),
    ),
    (
        {"en": "Brokerage roles", "sv": "Mäklarroller"},
        {"en": "coordinator, itinerant, representative, gatekeeper and liaison: which sectors "
               "the two sides of an open pair of contacts belong to.",
         "sv": "samordnare, kringresande, representant, grindvakt och förbindelselänk: vilka "
               "sektorer de två sidorna av ett öppet kontaktpar tillhör."},
        (7,),
    ),
    (
        {"en": "Communities", "sv": "Gemenskaper"},
        {"en": "groups more tied inside than between, found with the Louvain method (fixed "
               "seed); how evenly an actor's ties spread over them is the participation "
               "coefficient.",
         "sv": "grupper med fler band inom än mellan sig, funna med Louvainmetoden (fast "
               "frö); hur jämnt en aktörs band sprids över dem är deltagandekoefficienten."},
        (8, 9),
    ),
    (
        {"en": "Conveners and fragile points", "sv": "Sammankallande och sårbara punkter"},
        {"en": "Borgatti's key players: the set of conveners with the highest distance-weighted "
               "reach (each actor counts 1 / steps to the nearest convener), and the actors "
               "whose leaving raises fragmentation (the share of pairs with no path) most.",
         "sv": "Borgattis nyckelaktörer: de sammankallande med störst avståndsviktad räckvidd "
               "(varje aktör räknas 1 / antal steg till närmaste sammankallande), och de "
               "aktörer vars avhopp ökar fragmenteringen (andelen par utan väg) mest."},
        (10,),
    ),
    (
        {"en": "Group gaps", "sv": "Luckor mellan grupper"},
        {"en": "ties between two groups against the ties expected if ties ignored the groups "
               "(configuration model: degree sums D_a·D_b / 2m); the E–I index compares ties "
               "outside and inside a group.",
         "sv": "band mellan två grupper jämfört med de band som väntas om banden struntade i "
               "grupperna (konfigurationsmodellen: gradsummor D_a·D_b / 2m); E–I-index jämför "
               "band utanför och inom en grupp."},
        (11, 12),
    ),
    (
        {"en": "Suggested introductions", "sv": "Föreslagna introduktioner"},
        {"en": "the local path index: shared contacts plus a small weight (0.01) for chains of "
               "two contacts, chosen over common neighbours, Adamic–Adar and resource "
               "allocation because it did best on real co-authorship records split in time. "
               "The test follows Liben-Nowell and Kleinberg: "
               "suggest from the records before a date, count the pairs that met after it.",
         "sv": "lokala stigindexet: gemensamma kontakter plus en liten vikt (0,01) för kedjor av "
               "två kontakter, valt före gemensamma grannar, Adamic–Adar och resursallokering "
               "eftersom det fungerade bäst på verkliga medförfattardata delade i tid. "
               "Testet följer Liben-Nowell och Kleinberg: föreslå "
               "utifrån underlaget före ett datum, räkna paren som möttes efter det."},
        (13, 14, 15, 16, 17),
    ),
)

#: The works the method section cites, numbered from 1 in this order.
REFERENCES: tuple[str, ...] = (
    "L. C. Freeman, \u201cA set of measures of centrality based on betweenness\u201d, "
    "Sociometry 40(1), 35\u201341 (1977); \u201cCentrality in social networks: conceptual "
    "clarification\u201d, Social Networks 1(3), 215\u2013239 (1979).",
    "U. Brandes, \u201cA faster algorithm for betweenness centrality\u201d, Journal of "
    "Mathematical Sociology 25(2), 163\u2013177 (2001).",
    "U. Brandes and C. Pich, \u201cCentrality estimation in large networks\u201d, "
    "International Journal of Bifurcation and Chaos 17(7), 2303\u20132318 (2007).",
    "S. Wasserman and K. Faust, Social Network Analysis: Methods and Applications, "
    "Cambridge University Press (1994).",
    "S. Brin and L. Page, \u201cThe anatomy of a large-scale hypertextual Web search "
    "engine\u201d, Computer Networks and ISDN Systems 30, 107\u2013117 (1998).",
    "R. S. Burt, Structural Holes: The Social Structure of Competition, Harvard University "
    "Press (1992).",
    "R. V. Gould and R. M. Fernandez, \u201cStructures of mediation: a formal approach to "
    "brokerage in transaction networks\u201d, Sociological Methodology 19, 89\u2013126 (1989).",
    "V. D. Blondel, J.-L. Guillaume, R. Lambiotte and E. Lefebvre, \u201cFast unfolding of "
    "communities in large networks\u201d, Journal of Statistical Mechanics P10008 (2008).",
    "R. Guimer\u00e0 and L. A. N. Amaral, \u201cFunctional cartography of complex metabolic "
    "networks\u201d, Nature 433, 895\u2013900 (2005).",
    "S. P. Borgatti, \u201cIdentifying sets of key players in a social network\u201d, "
    "Computational and Mathematical Organization Theory 12, 21\u201334 (2006).",
    "M. E. J. Newman, \u201cMixing patterns in networks\u201d, Physical Review E 67, 026126 "
    "(2003).",
    "D. Krackhardt and R. N. Stern, \u201cInformal networks and organizational crises: an "
    "experimental simulation\u201d, Social Psychology Quarterly 51(2), 123\u2013140 (1988).",
    "L. L\u00fc, C.-H. Jin and T. Zhou, \u201cSimilarity index based on local paths for link "
    "prediction of complex networks\u201d, Physical Review E 80, 046122 (2009).",
    "M. E. J. Newman, \u201cClustering and preferential attachment in growing networks\u201d, "
    "Physical Review E 64, 025102 (2001).",
    "L. A. Adamic and E. Adar, \u201cFriends and neighbors on the Web\u201d, Social Networks "
    "25(3), 211\u2013230 (2003).",
    "T. Zhou, L. L\u00fc and Y.-C. Zhang, \u201cPredicting missing links via local "
    "information\u201d, European Physical Journal B 71, 623\u2013630 (2009).",
    "D. Liben-Nowell and J. Kleinberg, \u201cThe link-prediction problem for social "
    "networks\u201d, Journal of the American Society for Information Science and Technology "
    "58(7), 1019\u20131031 (2007).",
)
# fmt: on
