"""Seeded, realistic synthetic regional networks of any size, for demos, tests and benchmarks.

:func:`generate` builds the five record tables of a Swedish regional network (real
municipality names grouped into their counties, fictional organisations and people) and
returns them as a :class:`~netmap.network.Network`, exactly as :func:`netmap.load` would.
:func:`write_demo_region` writes the bundled fictional demo region (``data/demo-region``).

Everything is drawn with vectorised numpy from one ``numpy.random.default_rng(seed)``: the
same arguments give the same tables byte for byte, and 100,000 people with 20,000
collaborations take a few seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from netmap.network import Network

__all__ = ["DEMO_REGION", "REGIONS", "generate", "write_demo_region"]

# ------------------------------------------------------------------------------- geography

#: Counties (län) and their municipalities: (name, the municipality's own name for itself,
#: approximate population in thousands, latitude, longitude of the seat). Real names and
#: rounded public figures; the networks generated on them are fictional.
REGIONS: dict[str, tuple[tuple[str, str, float, float, float], ...]] = {
    "Norrbottens län": (
        ("Luleå", "Luleå kommun", 80, 65.584, 22.155),
        ("Piteå", "Piteå kommun", 42, 65.317, 21.480),
        ("Boden", "Bodens kommun", 28, 65.825, 21.689),
        ("Kiruna", "Kiruna kommun", 22, 67.856, 20.225),
        ("Gällivare", "Gällivare kommun", 17.5, 67.134, 20.659),
        ("Kalix", "Kalix kommun", 16, 65.854, 23.156),
        ("Haparanda", "Haparanda stad", 9.5, 65.836, 24.136),
        ("Älvsbyn", "Älvsbyns kommun", 8, 65.676, 21.003),
        ("Arvidsjaur", "Arvidsjaurs kommun", 6.4, 65.592, 19.180),
        ("Pajala", "Pajala kommun", 6, 67.213, 23.368),
        ("Jokkmokk", "Jokkmokks kommun", 5, 66.606, 19.823),
        ("Övertorneå", "Övertorneå kommun", 4.3, 66.389, 23.654),
        ("Överkalix", "Överkalix kommun", 3.2, 66.327, 22.844),
        ("Arjeplog", "Arjeplogs kommun", 2.7, 66.051, 17.886),
    ),
    "Västerbottens län": (
        ("Umeå", "Umeå kommun", 131, 63.826, 20.263),
        ("Skellefteå", "Skellefteå kommun", 75, 64.750, 20.950),
        ("Lycksele", "Lycksele kommun", 12, 64.596, 18.673),
        ("Vännäs", "Vännäs kommun", 8.7, 63.907, 19.753),
        ("Nordmaling", "Nordmalings kommun", 7, 63.569, 19.503),
        ("Vilhelmina", "Vilhelmina kommun", 6.7, 64.624, 16.655),
        ("Robertsfors", "Robertsfors kommun", 6.7, 64.192, 20.850),
        ("Storuman", "Storumans kommun", 5.9, 65.096, 17.112),
        ("Vindeln", "Vindelns kommun", 5.4, 64.202, 19.716),
        ("Norsjö", "Norsjö kommun", 4, 64.911, 19.484),
        ("Malå", "Malå kommun", 3.1, 65.183, 18.743),
        ("Åsele", "Åsele kommun", 2.8, 64.162, 17.353),
        ("Dorotea", "Dorotea kommun", 2.6, 64.262, 16.412),
        ("Bjurholm", "Bjurholms kommun", 2.5, 63.934, 19.216),
        ("Sorsele", "Sorsele kommun", 2.4, 65.535, 17.534),
    ),
    "Gävleborgs län": (
        ("Gävle", "Gävle kommun", 103, 60.675, 17.141),
        ("Sandviken", "Sandvikens kommun", 40, 60.618, 16.776),
        ("Hudiksvall", "Hudiksvalls kommun", 37, 61.728, 17.105),
        ("Bollnäs", "Bollnäs kommun", 26, 61.348, 16.394),
        ("Söderhamn", "Söderhamns kommun", 25, 61.304, 17.062),
        ("Ljusdal", "Ljusdals kommun", 19, 61.829, 16.091),
        ("Ovanåker", "Ovanåkers kommun", 11.5, 61.365, 15.907),
        ("Hofors", "Hofors kommun", 9.5, 60.547, 16.288),
        ("Nordanstig", "Nordanstigs kommun", 9.4, 61.984, 17.063),
        ("Ockelbo", "Ockelbo kommun", 5.8, 60.891, 16.720),
    ),
    "Stockholms län": (
        ("Stockholm", "Stockholms stad", 985, 59.329, 18.069),
        ("Huddinge", "Huddinge kommun", 115, 59.237, 17.982),
        ("Nacka", "Nacka kommun", 108, 59.311, 18.164),
        ("Södertälje", "Södertälje kommun", 100, 59.196, 17.626),
        ("Botkyrka", "Botkyrka kommun", 96, 59.200, 17.831),
        ("Haninge", "Haninge kommun", 96, 59.168, 18.145),
        ("Solna", "Solna stad", 85, 59.360, 18.000),
        ("Järfälla", "Järfälla kommun", 85, 59.423, 17.835),
        ("Täby", "Täby kommun", 75, 59.444, 18.069),
        ("Sollentuna", "Sollentuna kommun", 75, 59.428, 17.951),
        ("Norrtälje", "Norrtälje kommun", 64, 59.758, 18.705),
        ("Sundbyberg", "Sundbybergs stad", 54, 59.361, 17.971),
        ("Sigtuna", "Sigtuna kommun", 50, 59.617, 17.724),
        ("Tyresö", "Tyresö kommun", 49, 59.244, 18.229),
        ("Lidingö", "Lidingö stad", 48, 59.367, 18.133),
        ("Österåker", "Österåkers kommun", 48, 59.481, 18.299),
        ("Upplands Väsby", "Upplands Väsby kommun", 48, 59.519, 17.911),
        ("Värmdö", "Värmdö kommun", 46, 59.315, 18.516),
        ("Vallentuna", "Vallentuna kommun", 34, 59.534, 18.078),
        ("Danderyd", "Danderyds kommun", 33, 59.400, 18.033),
        ("Upplands-Bro", "Upplands-Bro kommun", 30, 59.518, 17.637),
        ("Ekerö", "Ekerö kommun", 29, 59.291, 17.812),
        ("Nynäshamn", "Nynäshamns kommun", 29, 58.903, 17.948),
        ("Salem", "Salems kommun", 17, 59.200, 17.766),
        ("Vaxholm", "Vaxholms stad", 12, 59.403, 18.351),
        ("Nykvarn", "Nykvarns kommun", 11, 59.179, 17.429),
    ),
}

#: Regional bodies per county: (name, sector, kind, seat municipality). They are the hubs:
#: their people attend across the county's municipalities.
_REGIONAL_BODIES: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    "Norrbottens län": (
        ("Region Norrbotten", "public", "region", "Luleå"),
        ("Länsstyrelsen i Norrbottens län", "public", "länsstyrelse", "Luleå"),
        ("Norrbottens Kommuner", "public", "kommunförbund", "Luleå"),
        ("Sametinget", "public", "myndighet", "Kiruna"),
        ("Luleå tekniska universitet", "academia", "universitet", "Luleå"),
        ("RF-SISU Norrbotten", "civil_society", "idrottsförbund", "Luleå"),
        ("Hela Sverige ska leva Norrbotten", "civil_society", "förening", "Boden"),
    ),
    "Västerbottens län": (
        ("Region Västerbotten", "public", "region", "Umeå"),
        ("Länsstyrelsen i Västerbottens län", "public", "länsstyrelse", "Umeå"),
        ("Umeå universitet", "academia", "universitet", "Umeå"),
        ("RF-SISU Västerbotten", "civil_society", "idrottsförbund", "Umeå"),
        ("Hela Sverige ska leva Västerbotten", "civil_society", "förening", "Lycksele"),
    ),
    "Gävleborgs län": (
        ("Region Gävleborg", "public", "region", "Gävle"),
        ("Länsstyrelsen i Gävleborgs län", "public", "länsstyrelse", "Gävle"),
        ("Högskolan i Gävle", "academia", "högskola", "Gävle"),
        ("RF-SISU Gävleborg", "civil_society", "idrottsförbund", "Gävle"),
        ("Hela Sverige ska leva Gävleborg", "civil_society", "förening", "Bollnäs"),
    ),
    "Stockholms län": (
        ("Region Stockholm", "public", "region", "Stockholm"),
        ("Länsstyrelsen i Stockholms län", "public", "länsstyrelse", "Stockholm"),
        ("Storsthlm", "public", "kommunförbund", "Stockholm"),
        ("Stockholms universitet", "academia", "universitet", "Stockholm"),
        ("Södertörns högskola", "academia", "högskola", "Huddinge"),
        ("RF-SISU Stockholm", "civil_society", "idrottsförbund", "Stockholm"),
        ("Länsbygderådet i Stockholms län", "civil_society", "förening", "Stockholm"),
    ),
}

# ------------------------------------------------------------------ organisations' names

#: Name patterns of the other organisations, by sector: (kind, pattern). ``{m}`` is the
#: municipality, ``{w}`` a word, ``{s}`` a surname, ``{t}`` a trade, ``{u}`` a subject.
_ORG_PATTERNS: dict[str, tuple[tuple[str, str], ...]] = {
    "civil_society": (
        ("förening", "Hembygdsföreningen i {m}"),
        ("förening", "Föreningen {w} i {m}"),
        ("förening", "{w}s byaförening, {m}"),
        ("förening", "Röda Korset {m}"),
        ("förening", "Rädda Barnen {m}"),
        ("förening", "Hyresgästföreningen {w}, {m}"),
        ("förening", "Naturskyddsföreningen {m}"),
        ("förening", "Sverigefinska föreningen i {m}"),
        ("förening", "Sameföreningen {w}, {m}"),
        ("förening", "Kulturföreningen {w}, {m}"),
        ("förening", "Brukarföreningen {w}, {m}"),
        ("PRO", "PRO {m}"),
        ("PRO", "PRO {w}, {m}"),
        ("idrottsförening", "IFK {m}"),
        ("idrottsförening", "{w} IK, {m}"),
        ("idrottsförening", "{w} SK, {m}"),
        ("idrottsförening", "{m} Skidklubb"),
        ("folkets hus", "Folkets Hus {m}"),
        ("folkets hus", "Folkets Hus {w}, {m}"),
        ("trossamfund", "Svenska kyrkan, {m} församling"),
        ("trossamfund", "Pingstkyrkan {m}"),
        ("trossamfund", "Equmeniakyrkan {w}, {m}"),
        ("trossamfund", "Islamiska föreningen i {m}"),
        ("studieförbund", "ABF {m}"),
        ("studieförbund", "Studieförbundet Vuxenskolan {m}"),
    ),
    "business": (
        ("AB", "{s}s {t} AB"),
        ("AB", "{m} {t} AB"),
        ("AB", "{w} {t} AB"),
        ("AB", "{t}huset i {m} AB"),
        ("AB", "Nordic {w} AB"),
        ("näringslivsförening", "Företagarna {m}"),
        ("näringslivsförening", "Näringslivsföreningen {w}, {m}"),
    ),
    "public": (
        ("myndighet", "Arbetsförmedlingen {m}"),
        ("myndighet", "Försäkringskassan {m}"),
        ("myndighet", "Polisen, lokalpolisområde {m}"),
        ("kommunalt bolag", "{m} Energi AB"),
        ("kommunalt bolag", "Bostadsbolaget {w}, {m}"),
        ("skola", "{w}skolan, {m}"),
        ("räddningstjänst", "Räddningstjänsten {m}"),
        ("bibliotek", "Biblioteket {w}, {m}"),
    ),
    "academia": (
        ("institution", "Institutionen för {u}, {university}"),
        ("forskningscentrum", "Centrum för {u}, {university}"),
        ("folkhögskola", "{w} folkhögskola, {m}"),
    ),
    "other": (
        ("samordningsförbund", "Samordningsförbundet {m}"),
        ("stiftelse", "Stiftelsen {w}, {m}"),
        ("nätverk", "Nätverket {w}, {m}"),
        ("Leader-område", "Leader {w}"),
    ),
}

_WORDS = (
    "Norrsken", "Björken", "Älven", "Fjällvind", "Solgläntan", "Tallbacken", "Midnattssol",
    "Strömmen", "Granen", "Myren", "Forsen", "Sjöbotten", "Renen", "Lärkan", "Ugglan",
    "Bryggan", "Hamnen", "Stjärnan", "Vågen", "Ljuset", "Linnéa", "Blåbäret", "Hjortron",
    "Kompassen", "Ankaret", "Bron", "Gläntan", "Ekot", "Vinden", "Källan", "Horisont",
    "Nordljus", "Polstjärnan", "Lyktan", "Boet", "Tornet", "Mötesplatsen", "Framtid",
    "Gemenskap", "Tillsammans",
)  # fmt: skip
_TRADES = (
    "Bygg", "El", "Konsult", "Fastighets", "Energi", "Transport", "Data", "Design", "Bageri",
    "Turism", "Media", "Skogs", "Gruvservice", "Redovisnings", "Café", "Städ", "Event",
    "Friskvård",
)  # fmt: skip
_SUBJECTS = (
    "socialt arbete", "samhällsplanering", "folkhälsa", "statsvetenskap", "pedagogik",
    "ekonomi", "kulturgeografi", "hälsovetenskap", "teknik och samhälle", "kommunikation",
)  # fmt: skip

# --------------------------------------------------------------------------- people's names

_WOMEN = (
    "Anna", "Eva", "Maria", "Karin", "Kristina", "Lena", "Sara", "Emma", "Kerstin", "Ingrid",
    "Elin", "Malin", "Sofia", "Johanna", "Linnéa", "Hanna", "Ida", "Åsa", "Ulla", "Birgitta",
    "Margareta", "Helena", "Cecilia", "Annika", "Camilla", "Frida", "Matilda", "Amanda",
    "Maja", "Ebba", "Agnes", "Astrid", "Elsa", "Signe", "Tove", "Veronica", "Barbro",
    "Monika", "Jonna", "Amalia", "Unelma", "Sanna", "Lisa", "Therese", "Susanne", "Pia",
    "Fatima", "Leyla", "Yasmin", "Milena", "Nour", "Aino", "Pirjo", "Sirkka", "Tarja",
    "Máret", "Sunna", "Inga", "Áile",
)  # fmt: skip
_MEN = (
    "Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Nils", "Mikael", "Jan", "Hans",
    "Peter", "Fredrik", "Daniel", "Magnus", "Andreas", "Stefan", "Mattias", "Jonas",
    "Patrik", "Henrik", "Niklas", "Oskar", "Viktor", "Gustav", "Axel", "Olof", "Björn",
    "Roger", "Urban", "Aulis", "Tomas", "Ulf", "Göran", "Leif", "Mats", "Kjell", "Sven",
    "Emil", "Isak", "Hugo", "Elias", "Linus", "Anton", "Filip", "Jesper", "Sebastian",
    "Ahmed", "Ali", "Amir", "Mohammed", "Dragan", "Omar", "Eino", "Pekka", "Juha", "Ante",
    "Biera", "Nils-Erik", "Per-Olof",
)  # fmt: skip
_SURNAMES = (
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
    "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson",
    "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Olofsson", "Lindström",
    "Lindqvist", "Lindgren", "Axelsson", "Berg", "Bergström", "Lundberg", "Lundgren",
    "Lundqvist", "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Forsberg",
    "Sjöberg", "Wallin", "Engström", "Eklund", "Danielsson", "Lundin", "Håkansson",
    "Björk", "Bergman", "Gunnarsson", "Holm", "Wikström", "Samuelsson", "Isaksson",
    "Fransson", "Bergqvist", "Nyström", "Holmberg", "Arvidsson", "Löfgren", "Söderberg",
    "Nyberg", "Blomqvist", "Claesson", "Nordström", "Mårtensson", "Lundström", "Viklund",
    "Björklund", "Eliasson", "Pålsson", "Berggren", "Sandström", "Lund", "Nordin", "Ström",
    "Åberg", "Hermansson", "Ekström", "Holmgren", "Sundberg", "Hedlund", "Dahlberg",
    "Hellström", "Sjögren", "Abrahamsson", "Falk", "Öberg", "Blom", "Ek", "Strand",
    "Stenberg", "Bylin", "Markström", "Bergmark", "Müller", "Hedström", "Norberg",
    "Marklund", "Lidström", "Öhman", "Burman", "Granström", "Nordlund", "Lindmark",
)  # fmt: skip
#: Finnish, Meänkieli and Sami surnames, common in the north.
_NORTHERN_SURNAMES = (
    "Labba", "Syväjärvi", "Lakso", "Niemi", "Mäki", "Kuoppa", "Rova", "Keskitalo", "Kero",
    "Pekkari", "Heikka", "Tapani", "Jarva", "Sarri", "Kuhmunen", "Blind", "Kitok", "Omma",
    "Sarre", "Kråik", "Länta", "Pittja", "Spik", "Nutti", "Unga", "Päiviö", "Vasara",
    "Alatalo", "Lantto", "Juntti", "Hietala", "Kangas", "Rantatalo", "Isaksson-Kero",
)  # fmt: skip
#: Surnames of families who came to Sweden from elsewhere, common in and around Stockholm.
_MIGRANT_SURNAMES = (
    "Ali", "Hassan", "Mohammed", "Yilmaz", "Nguyen", "Kovačević", "Haddad", "Rahimi",
    "Abdullahi", "Jovanović", "Sjindjapkin", "Krakau", "Ahmadi", "Hussein", "Demir",
    "Popescu", "Kowalski", "Omar", "Tekle", "Rodríguez",
)  # fmt: skip

#: Roles by sector (the people table's free-text ``role``).
_ROLES: dict[str, tuple[str, ...]] = {
    "public": (
        "samordnare", "strateg", "handläggare", "utvecklingsledare", "enhetschef",
        "avdelningschef", "folkhälsostrateg", "utredare", "förvaltningschef",
        "verksamhetsutvecklare", "kommunikatör", "processledare",
    ),
    "civil_society": (
        "ordförande", "sekreterare", "kassör", "ledamot", "verksamhetsledare", "volontär",
        "medlem", "projektledare",
    ),
    "business": ("VD", "projektledare", "konsult", "säljare", "grundare", "ekonomichef"),
    "academia": ("professor", "universitetslektor", "forskare", "doktorand", "projektledare"),
    "other": ("samordnare", "processledare", "projektledare", "ordförande"),
}  # fmt: skip

# ------------------------------------------------------------------------ collaborations

#: Per kind: share of all collaborations, median and spread (log scale) of the number of
#: people invited, and the share held at municipal, county and national level.
_KINDS: dict[str, tuple[float, float, float, tuple[float, float, float]]] = {
    "meeting": (0.34, 4.8, 0.55, (0.70, 0.27, 0.03)),
    "workshop": (0.18, 6.0, 0.50, (0.70, 0.27, 0.03)),
    "dialogue": (0.12, 8.0, 0.50, (0.85, 0.14, 0.01)),
    "conference": (0.05, 14.0, 0.60, (0.20, 0.60, 0.20)),
    "project": (0.16, 3.5, 0.50, (0.55, 0.40, 0.05)),
    "agreement": (0.05, 3.0, 0.40, (0.80, 0.20, 0.00)),
    "other": (0.10, 4.5, 0.55, (0.75, 0.22, 0.03)),
}
_TITLES: dict[str, tuple[str, ...]] = {
    "meeting": ("Nätverksträff: {theme}", "Samverkansmöte om {theme}", "Frukostmöte: {theme}"),
    "workshop": ("Workshop om {theme}", "Idéverkstad: {theme}"),
    "dialogue": ("Dialog med civilsamhället om {theme}", "Medborgardialog om {theme}"),
    "conference": ("Konferens: {theme}", "Temadag om {theme}"),
    "project": ("Projekt {word}: {theme}", "Förstudie om {theme}"),
    "agreement": (
        "Lokal överenskommelse med civilsamhället",
        "Idéburet offentligt partnerskap om {theme}",
    ),
    "other": ("Studiebesök: {theme}", "Öppet hus om {theme}"),
}
_THEMES = (
    "social hållbarhet", "nationella minoriteter", "folkhälsa", "integration",
    "landsbygdsutveckling", "samhällsplanering", "kultur och fritid", "civil beredskap",
    "kompetensförsörjning", "klimatomställning", "psykisk hälsa", "barn och unga",
    "äldres livsvillkor", "digital delaktighet", "bostadsförsörjning", "demokrati",
)  # fmt: skip
_MONTHS_SV = (
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december",
)  # fmt: skip

#: Sector mix of the organisations that are neither municipalities nor regional bodies.
_SECTOR_MIX = {
    "civil_society": 0.50,
    "business": 0.28,
    "public": 0.11,
    "academia": 0.05,
    "other": 0.06,
}

#: The bundled fictional demo region: ``generate(**DEMO_REGION)``.
DEMO_REGION = {
    "n_people": 320,
    "seed": 2024,
    "n_organisations": 60,
    "n_collaborations": 150,
    "start": "2022-01-01",
    "years": 3,
    "regions": ("Norrbottens län",),
    "n_municipalities": 6,
}


def generate(
    n_people: int,
    *,
    seed: int = 0,
    n_organisations: int | None = None,
    n_collaborations: int | None = None,
    start: str | pd.Timestamp = "2022-01-01",
    years: int = 3,
    regions: Sequence[str] | None = None,
    n_municipalities: int | None = None,
) -> Network:
    """Generate a realistic, fictional Swedish regional network.

    The world: real municipalities grouped into their counties (län); in each a municipality
    (kommun), and per county the regional bodies (region, länsstyrelse, kommunförbund,
    university, umbrella associations). Other organisations span all five sectors with
    heavy-tailed (log-normal) sizes: associations, PRO sections, sports clubs, Folkets Hus,
    congregations, companies (AB), agencies' local offices, university departments,
    foundations. People have Swedish-looking names (Finnish, Meänkieli and Sami surnames are
    common in the north) and a role fitting their sector; about 3 % belong to no
    organisation.

    Collaborations of every kind are spread over ``years`` years from ``start`` on weekdays,
    mostly outside July. Most are held in one municipality and draw people from it; the
    rest draw from the county or the whole country. Attendance is heavy-tailed: each person
    has a log-normal activity, and the people of the regional bodies (the hubs) plus about
    2 % brokers also turn up in other municipalities and sectors. Each collaboration has an
    organiser among its people; workshops and conferences have speakers; agreements are
    organised by a municipality as a whole and signed by its associations as a whole; half
    the projects have a regional body as funder. A few direct ties link organisations
    (membership of an umbrella body, partnership) and people (mentoring).

    Parameters
    ----------
    n_people : int
        Number of people, at least 10.
    seed : int, default 0
        Seed of ``numpy.random.default_rng``: the same arguments give the same tables.
    n_organisations : int, optional
        Number of organisations; default ``n_people // 5``, and at least one per
        municipality plus the regional bodies of the counties used.
    n_collaborations : int, optional
        Number of collaborations; default ``n_people // 5``.
    start : date or str, default "2022-01-01"
        First day collaborations may start.
    years : int, default 3
        Length of the period, in years of 365 days.
    regions : sequence of str, optional
        Counties to draw municipalities from (keys of :data:`REGIONS`); default the first
        ``ceil(n_people / 15000)`` of Norrbotten, Västerbotten, Gävleborg and Stockholm.
    n_municipalities : int, optional
        Number of municipalities, the most populous of the counties used; default
        ``n_people // 60``, at least 3, at most all of them.

    Returns
    -------
    Network
        Typed tables as :func:`netmap.validate_tables` returns them; ``source`` says how
        the network was made. Ids are ``O0001`` (organisations), ``P00001`` (people) and
        ``C0001`` (collaborations), zero-padded so they sort in creation order.

    Raises
    ------
    ValueError
        For a size below the minimum, an unknown county, or a non-positive period.

    Notes
    -----
    At the default density the people graph has a mean degree of about 18 to 20: 10,000
    people give about 90,000 ties and 100,000 people about 1,000,000 (seed 1: 90,558 and
    994,518). Collaborations get ids in order of their start date. All names are fictional
    apart from the municipalities, counties and the regional bodies.

    Examples
    --------
    >>> import netmap
    >>> net = netmap.synthetic.generate(300, seed=1)
    >>> {name: len(df) for name, df in net.tables.items() if name != "ties"}
    {'organisations': 60, 'people': 300, 'collaborations': 60, 'participation': ...}
    >>> sorted(net.tables["organisations"]["sector"].unique())
    ['academia', 'business', 'civil_society', 'other', 'public']
    >>> generate(300, seed=1).fingerprint == net.fingerprint  # same seed, same tables
    True
    """
    regions = _check_regions(n_people, regions)
    if years < 1:
        raise ValueError(f"years must be a positive whole number; got {years!r}.")
    for name, value in (
        ("n_organisations", n_organisations),
        ("n_collaborations", n_collaborations),
        ("n_municipalities", n_municipalities),
    ):
        _check_count(name, value)
    if n_collaborations is None:
        n_collaborations = max(1, n_people // 5)
    rng = np.random.default_rng(seed)
    places = _municipalities(regions, n_people, n_municipalities)
    orgs = _organisations(rng, places, n_organisations, n_people)
    people = _people(rng, orgs, places, n_people)
    collabs = _collaborations(rng, places, n_collaborations, pd.Timestamp(start), years)
    participation = _participation(rng, places, orgs, people, collabs)
    ties = _ties(rng, orgs, people, collabs)
    tables = {
        "organisations": _typed(orgs, _ORG_COLUMNS),
        "people": _typed(people, _PEOPLE_COLUMNS),
        "collaborations": _typed(collabs, _COLLAB_COLUMNS),
        "participation": _typed(participation, _PARTICIPATION_COLUMNS),
        "ties": _typed(ties, _TIE_COLUMNS),
    }
    arguments = f"n_people={n_people}, seed={seed}"
    return Network(tables, source=f"netmap.synthetic.generate({arguments})")


def write_demo_region(path: str | Path) -> Path:
    """Write the bundled fictional demo region (``generate(**DEMO_REGION)``) as CSV files.

    This is how ``data/demo-region`` is made (see its README.md)::

        uv run python -c "import netmap; netmap.synthetic.write_demo_region('data/demo-region')"

    Existing CSV files of the five tables are replaced. The files are written by
    :func:`netmap.write_tables`, so :func:`netmap.load` reads back exactly these tables.

    Parameters
    ----------
    path : str or Path
        Folder to write ``organisations.csv``, ``people.csv``, ``collaborations.csv``,
        ``participation.csv`` and ``ties.csv`` into (created if missing).

    Returns
    -------
    Path
        The folder written.
    """
    from netmap.io import write_tables

    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    write_tables(generate(**DEMO_REGION).tables, path)
    return path


# ------------------------------------------------------------------------- typed columns

_ORG_COLUMNS = {
    "id": "str",
    "name": "str",
    "sector": "str",
    "kind": "str",
    "municipality": "str",
    "region": "str",
    "lat": "float64",
    "lon": "float64",
}
_PEOPLE_COLUMNS = {
    "id": "str",
    "name": "str",
    "organisation_id": "str",
    "role": "str",
    "email": "str",
}
_COLLAB_COLUMNS = {
    "id": "str",
    "title": "str",
    "kind": "str",
    "start_date": "datetime64[us]",
    "end_date": "datetime64[us]",
    "municipality": "str",
    "theme": "str",
}
_PARTICIPATION_COLUMNS = {
    "collaboration_id": "str",
    "person_id": "str",
    "organisation_id": "str",
    "role": "str",
}
_TIE_COLUMNS = {
    "source_id": "str",
    "target_id": "str",
    "kind": "str",
    "start_date": "datetime64[us]",
    "end_date": "datetime64[us]",
    "weight": "float64",
    "source_type": "str",
    "target_type": "str",
}


def _typed(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """The typed-table contract: these columns in this order, with these dtypes."""
    frame = frame.reindex(columns=list(columns)).reset_index(drop=True)
    return frame.astype(columns)


# ------------------------------------------------------------------------------ the steps


def _check_count(name: str, value: int | None) -> None:
    """Refuse an optional count that is not a whole number of at least 1 (None: default)."""
    if value is not None and (not isinstance(value, int | np.integer) or value < 1):
        raise ValueError(f"{name} must be a whole number of at least 1; got {value!r}.")


def _check_regions(n_people: int, regions: Sequence[str] | None) -> list[str]:
    if not isinstance(n_people, int | np.integer) or n_people < 10:
        raise ValueError(f"n_people must be a whole number of at least 10; got {n_people!r}.")
    if regions is None:
        return list(REGIONS)[: min(len(REGIONS), -(-n_people // 15_000))]
    unknown = [r for r in regions if r not in REGIONS]
    if unknown or not regions:
        raise ValueError(
            f"regions must be a non-empty list of {', '.join(REGIONS)}; got {list(regions)!r}."
        )
    return list(dict.fromkeys(regions))


def _municipalities(regions: list[str], n_people: int, n: int | None) -> pd.DataFrame:
    """The municipalities used: the ``n`` most populous of the counties, grouped by county.

    Columns ``municipality``, ``kommun`` (its organisation's name), ``region``, ``population``,
    ``lat``, ``lon`` and ``weight`` (its share of organisations and people, population ** 0.6:
    small places are over-represented in regional networks, as in real ones).
    """
    rows = [
        (m, kommun, region, pop, lat, lon)
        for region in regions
        for m, kommun, pop, lat, lon in REGIONS[region]
    ]
    places = pd.DataFrame(
        rows, columns=["municipality", "kommun", "region", "population", "lat", "lon"]
    )
    n = min(len(places), max(3, n_people // 60) if n is None else n)
    keep = places.sort_values("population", ascending=False, kind="stable").head(n).index
    places = places.loc[sorted(keep)].reset_index(drop=True)
    places["weight"] = places["population"] ** 0.6
    return places


def _organisations(
    rng: np.random.Generator, places: pd.DataFrame, n: int | None, n_people: int
) -> pd.DataFrame:
    """Municipalities, regional bodies, then other organisations up to ``n`` in all.

    ``n`` defaults to ``n_people // 5`` (at least the municipalities and regional bodies).

    Extra columns used by later steps: ``size`` (expected share of people), ``hub``.
    """
    kommuner = pd.DataFrame(
        {
            "name": places["kommun"],
            "sector": "public",
            "kind": "kommun",
            "municipality": places["municipality"],
            "region": places["region"],
            "size": 8.0 * places["weight"] / places["weight"].mean(),
            "hub": False,
        }
    )
    bodies = [
        (name, sector, kind, seat, region)
        for region, listed in _REGIONAL_BODIES.items()
        if region in set(places["region"])
        for name, sector, kind, seat in listed
    ]
    regional = pd.DataFrame(bodies, columns=["name", "sector", "kind", "municipality", "region"])
    # A body whose seat is not among the municipalities used moves to the county's first.
    county_seat = places.groupby("region", sort=False)["municipality"].first()
    regional["municipality"] = regional["municipality"].where(
        regional["municipality"].isin(places["municipality"]),
        regional["region"].map(county_seat),
    )
    regional = regional.assign(size=6.0, hub=True)
    fixed = len(kommuner) + len(regional)
    if n is None:
        n = max(fixed, n_people // 5)
    elif n < fixed:
        raise ValueError(
            f"n_organisations must be at least {fixed} (one municipality for each of the "
            f"{len(kommuner)} municipalities and {len(regional)} regional bodies); got {n}. "
            "Pass more organisations or fewer municipalities (n_municipalities=)."
        )
    taken = {*kommuner["name"], *regional["name"]}
    others = _other_organisations(rng, places, regional, n - fixed, taken=taken)
    orgs = pd.concat([kommuner, regional, others], ignore_index=True)
    where = places.set_index("municipality")
    jitter = rng.normal(0.0, 0.03, size=(len(orgs), 2))
    orgs["lat"] = (orgs["municipality"].map(where["lat"]) + jitter[:, 0]).round(4)
    orgs["lon"] = (orgs["municipality"].map(where["lon"]) + 2 * jitter[:, 1]).round(4)
    orgs["id"] = _ids("O", len(orgs))
    return orgs


def _other_organisations(
    rng: np.random.Generator, places: pd.DataFrame, regional: pd.DataFrame, n: int, *, taken: set
) -> pd.DataFrame:
    """``n`` organisations of the sector mix, named by their sector's patterns.

    A name already ``taken`` is drawn again from the patterns with a word in them ("Folkets
    Hus Bryggan, Boden"); university departments sit where their university does.
    """
    sectors = rng.choice(list(_SECTOR_MIX), size=n, p=list(_SECTOR_MIX.values()))
    place = rng.choice(len(places), size=n, p=places["weight"] / places["weight"].sum())
    municipality = places["municipality"].to_numpy()[place].astype(object)
    region = places["region"].to_numpy()[place]
    academic = regional[regional["sector"] == "academia"]
    universities = {
        county: list(zip(group["name"], group["municipality"], strict=True))
        for county, group in academic.groupby("region", sort=False)
    }
    pick = rng.random(n)
    names, kinds = [], []
    for i, sector in enumerate(sectors.tolist()):
        patterns = _ORG_PATTERNS[sector]
        kind, pattern = patterns[int(pick[i] * len(patterns))]
        local = universities.get(region[i], [])
        university = ""
        if "{university}" in pattern:
            if local:
                university, municipality[i] = local[int(rng.integers(len(local)))]
            else:
                kind, pattern = patterns[-1]  # a folk high school where there is no university
        for _ in range(50):
            name = pattern.format(
                m=municipality[i],
                w=_WORDS[rng.integers(len(_WORDS))],
                t=_TRADES[rng.integers(len(_TRADES))],
                s=_SURNAMES[rng.integers(len(_SURNAMES))],
                u=_SUBJECTS[rng.integers(len(_SUBJECTS))],
                university=university,
            )
            if name not in taken:
                break
            worded = [p for p in patterns if "{w}" in p[1]]
            kind, pattern = worded[rng.integers(len(worded))]
        taken.add(name)
        names.append(name)
        kinds.append(kind)
    return pd.DataFrame(
        {
            "name": _unique(pd.Series(names, dtype=object)),
            "sector": sectors,
            "kind": kinds,
            "municipality": municipality,
            "region": region,
            "size": rng.lognormal(0.0, 1.1, size=n),
            "hub": False,
        }
    )


def _people(
    rng: np.random.Generator, orgs: pd.DataFrame, places: pd.DataFrame, n: int
) -> pd.DataFrame:
    """People, each in an organisation (every organisation gets one first, if there are enough).

    Extra columns used by later steps: ``municipality``, ``activity``
    (log-normal attendance propensity) and ``reach`` (propensity to attend elsewhere: the
    regional bodies' people and brokers).
    """
    first = np.arange(min(n, len(orgs)))
    rest = rng.choice(len(orgs), size=n - len(first), p=orgs["size"] / orgs["size"].sum())
    # About 3 % belong to no organisation; never an organisation's only person.
    unattached = (rng.random(n) < 0.03) & (np.arange(n) >= len(first))
    shuffle = rng.permutation(n)
    org, unattached = np.concatenate([first, rest])[shuffle], unattached[shuffle]
    sector = np.where(unattached, "none", orgs["sector"].to_numpy()[org])
    # People without an organisation live in a municipality all the same.
    home = rng.choice(len(places), size=n, p=places["weight"] / places["weight"].sum())
    municipality = np.where(
        unattached, places["municipality"].to_numpy()[home], orgs["municipality"].to_numpy()[org]
    )
    region = np.where(unattached, places["region"].to_numpy()[home], orgs["region"].to_numpy()[org])

    hub = orgs["hub"].to_numpy()[org] & ~unattached
    broker = rng.random(n) < 0.02
    activity = (
        rng.lognormal(0.0, 0.9, size=n)
        * np.where(sector == "public", 1.6, 1.0)
        * np.where(hub, 2.5, 1.0)
        * np.where(broker, 2.0, 1.0)
    )
    names = _person_names(rng, region)
    role_pick = rng.random(n)
    role = np.full(n, None, dtype=object)
    for s, choices in _ROLES.items():
        mine = sector == s
        role[mine] = np.asarray(choices, dtype=object)[(role_pick[mine] * len(choices)).astype(int)]
    domain = _ascii_slug(orgs["name"], sep="-").to_numpy()[org]
    email = _ascii_slug(names, sep=".") + "@" + domain + ".example"
    return pd.DataFrame(
        {
            "id": _ids("P", n),
            "name": names,
            "organisation_id": np.where(unattached, None, orgs["id"].to_numpy()[org]),
            "role": role,
            "email": email.where(~unattached & (rng.random(n) < 0.75)),
            "municipality": municipality,
            "activity": activity,
            "reach": activity * (hub | broker),
        }
    )


def _person_names(rng: np.random.Generator, region: np.ndarray) -> pd.Series:
    """Unique full names: one or two first names and a surname fitting the place."""
    n = len(region)
    woman = rng.random(n) < 0.5
    given, second = (
        np.where(
            woman,
            np.asarray(_WOMEN, dtype=object)[rng.integers(len(_WOMEN), size=n)],
            np.asarray(_MEN, dtype=object)[rng.integers(len(_MEN), size=n)],
        )
        for _ in range(2)
    )
    given = np.where((rng.random(n) < 0.12) & (second != given), given + " " + second, given)
    north = np.isin(region, ["Norrbottens län", "Västerbottens län"])
    stockholm = region == "Stockholms län"
    pool = rng.random(n)
    surname = np.select(
        [north & (pool < 0.25), (stockholm & (pool < 0.20)) | (pool > 0.96)],
        [
            np.asarray(_NORTHERN_SURNAMES, dtype=object)[
                rng.integers(len(_NORTHERN_SURNAMES), size=n)
            ],
            np.asarray(_MIGRANT_SURNAMES, dtype=object)[
                rng.integers(len(_MIGRANT_SURNAMES), size=n)
            ],
        ],
        np.asarray(_SURNAMES, dtype=object)[rng.integers(len(_SURNAMES), size=n)],
    )
    names = pd.Series(given + " " + surname)
    # A repeated name gets a middle initial, as people sign when they share one.
    letters = np.asarray([f"{chr(c)}." for c in range(ord("A"), ord("Z") + 1)], dtype=object)
    for _ in range(3):
        repeat = names.duplicated().to_numpy()
        if not repeat.any():
            break
        letter = letters[rng.integers(len(letters), size=int(repeat.sum()))]
        names[repeat] = given[repeat] + " " + letter + " " + surname[repeat]
    return _unique(names)


def _collaborations(
    rng: np.random.Generator, places: pd.DataFrame, n: int, start: pd.Timestamp, years: int
) -> pd.DataFrame:
    """Collaborations, ids in order of start date.

    Extra columns used later: ``scope`` (0 municipality, 1 county, 2 country), ``size``.
    """
    kinds = list(_KINDS)
    share = np.array([_KINDS[k][0] for k in kinds])
    kind_index = rng.choice(len(kinds), size=n, p=share / share.sum())
    kind = np.asarray(kinds, dtype=object)[kind_index]
    median = np.array([_KINDS[k][1] for k in kinds])[kind_index]
    spread = np.array([_KINDS[k][2] for k in kinds])[kind_index]
    size = np.maximum(2, np.rint(median * np.exp(spread * rng.standard_normal(n)))).astype(int)
    levels = np.array([_KINDS[k][3] for k in kinds])[kind_index]
    scope = (rng.random(n)[:, None] > np.cumsum(levels, axis=1)).sum(axis=1).clip(0, 2)

    place = rng.choice(len(places), size=n, p=places["weight"] / places["weight"].sum())
    # County and national events are held in the county seat: the first municipality listed.
    seat = places.groupby("region", sort=False).cumcount().to_numpy() == 0
    seat_of = pd.Series(np.flatnonzero(seat), index=places.loc[seat, "region"])
    place = np.where(scope > 0, seat_of[places["region"].to_numpy()[place]].to_numpy(), place)

    day = _working_days(rng, start, years, n)
    end = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    two_days = (kind == "conference") & (rng.random(n) < 0.4)
    end[two_days] = day[two_days] + 1
    for k, low, high in (("project", 90, 3 * 365), ("agreement", 365, 4 * 365)):
        mask = kind == k
        end[mask] = day[mask] + rng.integers(low, high, size=int(mask.sum()))

    theme = np.asarray(_THEMES, dtype=object)[rng.integers(len(_THEMES), size=n)]
    theme = np.where(kind == "agreement", "samverkan med civilsamhället", theme)
    template_pick = rng.random(n)
    word = rng.integers(len(_WORDS), size=n)
    months = day.astype("datetime64[M]").astype(int) % 12
    years_of = day.astype("datetime64[Y]").astype(int) + 1970
    municipality = places["municipality"].to_numpy()[place]
    titles = []
    for i in range(n):
        templates = _TITLES[kind[i]]
        title = templates[int(template_pick[i] * len(templates))].format(
            theme=theme[i], word=_WORDS[word[i]]
        )
        titles.append(f"{title}, {municipality[i]}, {_MONTHS_SV[months[i]]} {years_of[i]}")
    order = np.argsort(day, kind="stable")
    collabs = pd.DataFrame(
        {
            "title": titles,
            "kind": kind,
            "start_date": day.astype("datetime64[us]"),
            "end_date": end.astype("datetime64[us]"),
            "municipality": municipality,
            "theme": theme,
            "scope": scope,
            "size": size,
        }
    ).iloc[order]
    collabs.insert(0, "id", _ids("C", n))
    return collabs.reset_index(drop=True)


def _working_days(rng: np.random.Generator, start: pd.Timestamp, years: int, n: int) -> np.ndarray:
    """``n`` weekdays in [start, start + years), four in five July dates moved to August."""
    first = np.datetime64(start.date(), "D")
    day = first + rng.integers(0, 365 * years, size=n)
    july = (day.astype("datetime64[M]").astype(int) % 12 == 6) & (rng.random(n) < 0.8)
    day = np.where(july, day + 31, day)
    weekday = (day.astype(int) + 3) % 7  # 1970-01-01 was a Thursday; Monday = 0
    return day + np.select([weekday == 5, weekday == 6], [-1, 1], 0)


def _participation(
    rng: np.random.Generator,
    places: pd.DataFrame,
    orgs: pd.DataFrame,
    people: pd.DataFrame,
    collabs: pd.DataFrame,
) -> pd.DataFrame:
    """Who took part: people drawn by place and activity, organisers, speakers, signatories.

    One row per person (or organisation) and collaboration, sorted by collaboration, then
    person, then organisation; a person drawn twice keeps the stronger role.
    """
    rows = pd.concat(
        [
            _attendance(rng, places, people, collabs),
            _organisation_participation(rng, places, orgs, collabs),
        ],
        ignore_index=True,
    )
    priority = rows["role"].map({"organiser": 0, "funder": 1, "speaker": 2, "participant": 3})
    rows = rows.assign(priority=priority).sort_values(
        ["collaboration", "person", "organisation", "priority"], kind="stable"
    )
    rows = rows.drop_duplicates(["collaboration", "person", "organisation"])
    table = pd.DataFrame(
        {
            "collaboration_id": collabs["id"].to_numpy()[rows["collaboration"]],
            "person_id": _take(people["id"].to_numpy(), rows["person"].to_numpy(), None),
            "organisation_id": _take(orgs["id"].to_numpy(), rows["organisation"].to_numpy(), None),
            "role": rows["role"].to_numpy(),
        }
    )
    return table.sort_values(list(table.columns[:3]), kind="stable", na_position="last")


def _attendance(
    rng: np.random.Generator, places: pd.DataFrame, people: pd.DataFrame, collabs: pd.DataFrame
) -> pd.DataFrame:
    """Person rows of participation: positions of collaboration and person, and role.

    Each collaboration has ``size`` seats. A seat at a municipal event goes to someone of
    that municipality (by activity) or, one time in eight, to a hub or broker of the county
    (by reach); at a county event half the seats go to the county's people and half to its
    hubs and brokers; at a national event 40 % go to anyone and 60 % to hubs and brokers.
    The first seat is the organiser's; at workshops and conferences the next one to three
    speak. Everyone not drawn at all then attends one collaboration of their municipality
    (else of their county, else any): people are on the list because they once signed in.
    """
    place_of = pd.Series(np.arange(len(places)), index=places["municipality"])
    county_of = pd.factorize(places["region"])[0]
    people_blocks = _Blocks(place_of[people["municipality"]].to_numpy(), county_of)
    activity = people_blocks.cumulative(people["activity"].to_numpy())
    reach = people_blocks.cumulative(people["reach"].to_numpy())

    size = collabs["size"].to_numpy()
    collab = np.repeat(np.arange(len(collabs)), size)
    seat = np.arange(len(collab)) - np.repeat(np.cumsum(size) - size, size)
    place = place_of[collabs["municipality"]].to_numpy()[collab]
    scope = collabs["scope"].to_numpy()[collab]
    u = rng.random(len(collab))
    mobile = np.select([scope == 0, scope == 1], [u < 0.125, u < 0.5], u < 0.6)
    # Hubs and brokers come from the whole county even to a municipal event.
    lo, hi = people_blocks.bounds(place, np.maximum(scope, mobile.astype(int)))
    chosen = np.empty(len(collab), dtype=int)
    chosen[mobile] = _draw(rng, reach, lo[mobile], hi[mobile])
    chosen[~mobile] = _draw(rng, activity, lo[~mobile], hi[~mobile])
    # Where a county has no hubs or brokers (no reach), draw by activity instead.
    redo = chosen < 0
    chosen[redo] = _draw(rng, activity, lo[redo], hi[redo])
    kind = collabs["kind"].to_numpy()[collab]
    speakers = rng.integers(1, 4, size=len(collab))
    role = np.where(seat == 0, "organiser", "participant").astype(object)
    role[np.isin(kind, ["workshop", "conference"]) & (seat >= 1) & (seat <= speakers)] = "speaker"
    drawn = chosen >= 0
    person = people_blocks.order[chosen[drawn]]

    absent = np.setdiff1d(np.arange(len(people)), person)
    collab_blocks = _Blocks(place_of[collabs["municipality"]].to_numpy(), county_of)
    ones = collab_blocks.cumulative(np.ones(len(collabs)))
    home = place_of[people["municipality"]].to_numpy()[absent]
    nearest = np.full(len(absent), -1)
    for scope in (0, 1, 2):  # their municipality, else their county, else anywhere
        lo, hi = collab_blocks.bounds(home, np.full(len(absent), scope))
        nearest = np.where(nearest < 0, _draw(rng, ones, lo, hi), nearest)
    return pd.DataFrame(
        {
            "collaboration": np.concatenate([collab[drawn], collab_blocks.order[nearest]]),
            "person": np.concatenate([person, absent]),
            "organisation": -1,
            "role": np.concatenate([role[drawn], np.full(len(absent), "participant")]),
        }
    )


class _Blocks:
    """Items sorted by municipality, so each municipality and each county is a slice.

    ``place`` gives each item's municipality (row of the places table); ``county`` each
    municipality's county code. The places of one county are adjacent, so a county's items
    are one slice too.
    """

    def __init__(self, place: np.ndarray, county: np.ndarray) -> None:
        self.order = np.argsort(place, kind="stable")
        starts = np.searchsorted(place[self.order], np.arange(len(county) + 1))
        self.place_lo, self.place_hi = starts[:-1], starts[1:]
        self.county_lo = pd.Series(self.place_lo).groupby(county).transform("min").to_numpy()
        self.county_hi = pd.Series(self.place_hi).groupby(county).transform("max").to_numpy()
        self.n = len(place)

    def cumulative(self, weights: np.ndarray) -> np.ndarray:
        """Running sum of the weights in sorted order, with a leading 0."""
        return np.concatenate([[0.0], np.cumsum(weights[self.order])])

    def bounds(self, place: np.ndarray, scope: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Slices for scope 0 (the municipality), 1 (its county) or 2 (everything)."""
        lo = np.select([scope == 0, scope == 1], [self.place_lo[place], self.county_lo[place]], 0)
        hi = np.select(
            [scope == 0, scope == 1], [self.place_hi[place], self.county_hi[place]], self.n
        )
        return lo, hi


def _draw(
    rng: np.random.Generator, cumulative: np.ndarray, lo: np.ndarray, hi: np.ndarray
) -> np.ndarray:
    """For each draw, a sorted position in [lo, hi) with probability ∝ its weight; -1 if none.

    ``cumulative`` is a running sum of the weights with a leading 0 (:meth:`_Blocks.cumulative`),
    so the weight of [lo, hi) is ``cumulative[hi] - cumulative[lo]``.
    """
    low, high = cumulative[lo], cumulative[hi]
    target = low + rng.random(len(lo)) * (high - low)
    position = np.searchsorted(cumulative, target, side="right") - 1
    position = np.clip(position, lo, np.maximum(hi - 1, lo))
    return np.where(high > low, position, -1)


def _organisation_participation(
    rng: np.random.Generator, places: pd.DataFrame, orgs: pd.DataFrame, collabs: pd.DataFrame
) -> pd.DataFrame:
    """Organisations taking part as a whole: agreement signatories and project funders.

    An agreement is organised by its municipality and signed by 3 to 30 draws among the
    place's civil-society organisations; half the projects have a funder among the
    county's public regional bodies.
    """
    place_of = pd.Series(np.arange(len(places)), index=places["municipality"])
    county_of = pd.factorize(places["region"])[0]
    kind = collabs["kind"].to_numpy()
    collab_place = place_of[collabs["municipality"]].to_numpy()
    kommun = np.full(len(places), -1)
    is_kommun = (orgs["kind"] == "kommun").to_numpy()
    kommun[place_of[orgs.loc[is_kommun, "municipality"]].to_numpy()] = np.flatnonzero(is_kommun)

    agreement = np.flatnonzero(kind == "agreement")
    signatures = rng.integers(3, 31, size=len(agreement))
    signed = np.repeat(agreement, signatures)
    civil = (orgs["sector"] == "civil_society").to_numpy() & ~orgs["hub"].to_numpy()
    civil_blocks = _Blocks(place_of[orgs["municipality"]].to_numpy(), county_of)
    civil_weight = civil_blocks.cumulative(civil.astype(float))
    lo, hi = civil_blocks.bounds(collab_place[signed], np.zeros(len(signed), dtype=int))
    signatory = _draw(rng, civil_weight, lo, hi)

    project = np.flatnonzero((kind == "project") & (rng.random(len(collabs)) < 0.5))
    funder = (orgs["sector"] == "public").to_numpy() & orgs["hub"].to_numpy()
    lo, hi = civil_blocks.bounds(collab_place[project], np.ones(len(project), dtype=int))
    funded_by = _draw(rng, civil_blocks.cumulative(funder.astype(float)), lo, hi)

    collaboration = np.concatenate([agreement, signed, project])
    organisation = np.concatenate(
        [
            kommun[collab_place[agreement]],
            _take(civil_blocks.order, signatory, -1),
            _take(civil_blocks.order, funded_by, -1),
        ]
    )
    role = np.repeat(
        np.array(["organiser", "participant", "funder"], dtype=object),
        [len(agreement), len(signed), len(project)],
    )
    keep = organisation >= 0
    return pd.DataFrame(
        {
            "collaboration": collaboration[keep],
            "person": -1,
            "organisation": organisation[keep],
            "role": role[keep],
        }
    )


def _ties(
    rng: np.random.Generator, orgs: pd.DataFrame, people: pd.DataFrame, collabs: pd.DataFrame
) -> pd.DataFrame:
    """Direct ties: associations' membership of umbrella bodies, partnerships, mentoring."""
    civil = np.flatnonzero((orgs["sector"] == "civil_society").to_numpy() & ~orgs["hub"].to_numpy())
    umbrellas = orgs[orgs["hub"] & (orgs["sector"] == "civil_society")]
    member = civil[rng.random(len(civil)) < 0.15]
    same_county = umbrellas.groupby("region").groups
    rows = []
    for i in member:
        candidates = same_county.get(orgs.at[i, "region"])
        if candidates is not None:
            rows.append((i, rng.choice(candidates), "medlemskap", "organisation"))
    n_partners = max(1, len(orgs) // 20)
    a, b = rng.integers(len(orgs), size=(2, n_partners))
    rows += [(x, y, "partnerskap", "organisation") for x, y in zip(a, b, strict=True)]
    n_mentors = max(1, len(people) // 100)
    a, b = rng.integers(len(people), size=(2, n_mentors))
    rows += [(x, y, "mentorskap", "person") for x, y in zip(a, b, strict=True)]
    ties = pd.DataFrame(rows, columns=["source", "target", "kind", "type"])
    ties = ties[ties["source"] != ties["target"]]
    pair = np.sort(ties[["source", "target"]].to_numpy(), axis=1)
    ties = ties[~pd.DataFrame(pair).assign(t=ties["type"].to_numpy()).duplicated().to_numpy()]
    ids = {"organisation": orgs["id"].to_numpy(), "person": people["id"].to_numpy()}
    first, last = collabs["start_date"].min(), collabs["start_date"].max()
    span = max(1, (last - first).days)
    dated = rng.random(len(ties)) < 0.6
    start = first + pd.to_timedelta(rng.integers(0, span, size=len(ties)), unit="D")
    return pd.DataFrame(
        {
            "source_id": [ids[t][s] for s, t in zip(ties["source"], ties["type"], strict=True)],
            "target_id": [ids[t][s] for s, t in zip(ties["target"], ties["type"], strict=True)],
            "kind": ties["kind"].to_numpy(),
            "start_date": np.where(dated, start, pd.NaT),
            "end_date": pd.NaT,
            "weight": 1.0,
            "source_type": ties["type"].to_numpy(),
            "target_type": ties["type"].to_numpy(),
        }
    ).sort_values(["source_id", "target_id"], kind="stable")


# ------------------------------------------------------------------------------- helpers


def _ids(prefix: str, n: int) -> list[str]:
    """``prefix`` and 1..n, zero-padded to one width so they sort in order."""
    width = max(4, len(str(n)))
    return [f"{prefix}{i:0{width}d}" for i in range(1, n + 1)]


def _take(values: np.ndarray, positions: np.ndarray, missing) -> np.ndarray:
    """``values[positions]``, with ``missing`` where a position is -1 (nothing drawn)."""
    return np.where(positions >= 0, values[np.maximum(positions, 0)], missing)


def _unique(names: pd.Series) -> pd.Series:
    """The names, a repeated one numbered from its second use: "PRO Luleå", "PRO Luleå (2)"."""
    names = pd.Series(names).reset_index(drop=True)
    repeat = names.groupby(names, sort=False).cumcount()
    return names.where(repeat == 0, names + " (" + (repeat + 1).astype(str) + ")")


def _ascii_slug(texts: pd.Series, *, sep: str) -> pd.Series:
    """Lower-case ASCII words joined by ``sep`` (Åsa Öberg -> asa.oberg), for e-mail addresses."""
    ascii_text = texts.str.normalize("NFKD").str.encode("ascii", "ignore").str.decode("ascii")
    return ascii_text.str.lower().str.replace(r"[^a-z0-9]+", sep, regex=True).str.strip(sep)
