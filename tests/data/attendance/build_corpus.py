"""Build the attendance test corpus: the seeds' meetings as messy participant lists.

Run ``uv run python tests/data/attendance/build_corpus.py`` to rewrite the lists in
``lists/`` and ``truth.csv`` (seeded: the same records every time). The meetings,
organisations and the named people come from the five articles in shared/seeds; the other
participants are invented. The lists come in the shapes coordinators have: Swedish Excel CSV
(``;``, Windows-1252), UTF-8 CSV with a title line above the header, workbooks with one sheet
per meeting, one long sheet with event and date columns. ``truth.csv`` keeps who each row
really is (file, sheet, row as seen in Excel).

Traps on purpose: two Maria Lindqvist with different e-mails (a homonym pair), Anna Berg and
Anna Borg in one organisation, two people of one association sharing its mailbox, "Luleå
Kommun, kultur- och fritidsförvaltningen" and friends, "LTU" for Luleå tekniska universitet,
Norrbottens Kommuner (an association) beside the municipalities, rows with an organisation and
no name, a blank row, a total row and a title line.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from netmap.messy import messy_attendance

HERE = Path(__file__).resolve().parent
LISTS = HERE / "lists"
SEED = 8

FIRST = (  # noqa: SIM905 (a word list reads best as words)
    "Anders Anna Annika Birgitta Björn Camilla Daniel Elin Emma Erik Eva Fredrik Gunilla "
    "Hanna Helena Henrik Ingrid Jan Johan Jonas Karin Katarina Kerstin Kristina Lars Lena "
    "Linnea Magnus Malin Margareta Mats Mikael Monika Niklas Ola Olof Per Peter Sara Sofia "
    "Stefan Susanne Sven Thomas Ulla Åsa Örjan Ahmed Fatima Leila Amir Hussein Aino "
    "Nils-Erik"
).split()
LAST = (  # noqa: SIM905 (a word list reads best as words)
    "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson "
    "Gustafsson Lindberg Lindström Jakobsson Magnusson Axelsson Lundgren Bergström "
    "Lundqvist Mattsson Berglund Fredriksson Sandberg Henriksson Forsberg Sjöberg Wallin "
    "Engström Danielsson Håkansson Lundin Björk Holmberg Nyström Öberg Holm Strand Ek Åberg "
    "Sundberg Hedlund Blomqvist Lindholm Nordin Isaksson Mäkinen Niemi Kuoksu Pekkari Sarri "
    "Hassan Ali Omar"
).split()

#: (id, name, sector, municipality, e-mail domain or None for private addresses)
ORGANISATIONS = [
    ("lulea-kommun", "Luleå kommun", "public", "Luleå", "lulea.se"),
    ("hudiksvalls-kommun", "Hudiksvalls kommun", "public", "Hudiksvall", "hudiksvall.se"),
    ("degerfors-kommun", "Degerfors kommun", "public", "Degerfors", "degerfors.se"),
    ("kiruna-kommun", "Kiruna kommun", "public", "Kiruna", "kiruna.se"),
    ("gallivare-kommun", "Gällivare kommun", "public", "Gällivare", "gallivare.se"),
    ("pajala-kommun", "Pajala kommun", "public", "Pajala", "pajala.se"),
    ("haparanda-kommun", "Haparanda kommun", "public", "Haparanda", "haparanda.se"),
    ("bodens-kommun", "Bodens kommun", "public", "Boden", "boden.se"),
    ("pitea-kommun", "Piteå kommun", "public", "Piteå", "pitea.se"),
    ("kalix-kommun", "Kalix kommun", "public", "Kalix", "kalix.se"),
    ("jokkmokks-kommun", "Jokkmokks kommun", "public", "Jokkmokk", "jokkmokk.se"),
    ("umea-kommun", "Umeå kommun", "public", "Umeå", "umea.se"),
    ("botkyrka-kommun", "Botkyrka kommun", "public", "Botkyrka", "botkyrka.se"),
    ("eskilstuna-kommun", "Eskilstuna kommun", "public", "Eskilstuna", "eskilstuna.se"),
    ("nacka-kommun", "Nacka kommun", "public", "Nacka", "nacka.se"),
    ("osteraker-kommun", "Österåkers kommun", "public", "Österåker", "osteraker.se"),
    ("region-norrbotten", "Region Norrbotten", "public", "Luleå", "regionnorrbotten.se"),
    ("region-stockholm", "Region Stockholm", "public", "Stockholm", "regionstockholm.se"),
    ("region-gavleborg", "Region Gävleborg", "public", "Gävle", "regiongavleborg.se"),
    ("sametinget", "Sametinget", "public", "Kiruna", "sametinget.se"),
    ("lst-stockholm", "Länsstyrelsen i Stockholms län", "public", "Stockholm", "lansstyrelsen.se"),
    ("lst-norrbotten", "Länsstyrelsen Norrbotten", "public", "Luleå", "lansstyrelsen.se"),
    ("norrbottens-kommuner", "Norrbottens Kommuner", "public", "Luleå", "norrbottenskommuner.se"),
    ("ltu", "Luleå tekniska universitet", "academia", "Luleå", "ltu.se"),
    ("umu", "Umeå universitet", "academia", "Umeå", "umu.se"),
    ("lansbygderadet", "Länsbygderådet i Stockholms län", "civil_society", "Stockholm", None),
    ("pro-husby", "PRO Husby-Akalla", "civil_society", "Stockholm", None),
    ("fisksatra-fh", "Fisksätra Folkets Hus förening", "civil_society", "Nacka", None),
    ("tensta-traff", "Tensta Träff", "other", "Stockholm", None),
    ("cafe-rosa-park", "Café Rosa Park", "other", "Stockholm", None),
    ("tensta-kulturkafe", "Tensta Kulturkafé", "other", "Stockholm", None),
    ("somaliska-husby", "Somaliska föreningen i Husby", "civil_society", "Stockholm", None),
    ("kurdiska-tensta", "Kurdiska kulturföreningen Tensta", "civil_society", "Stockholm", None),
    ("hasselby-hembygd", "Hässelby hembygdsförening", "civil_society", "Stockholm", None),
    ("pro-hudiksvall", "PRO Hudiksvall", "civil_society", "Hudiksvall", None),
    ("hudik-if", "Hudiksvalls IF", "civil_society", "Hudiksvall", None),
    ("rk-hudiksvall", "Röda Korset Hudiksvall", "civil_society", "Hudiksvall", None),
    ("kyrkan-hudik", "Hudiksvalls församling", "civil_society", "Hudiksvall", None),
    ("hudik-bostader", "Hudiksvallsbostäder AB", "business", "Hudiksvall", "hudikbostader.se"),
    ("abf-halsingland", "ABF Hälsingland", "civil_society", "Hudiksvall", None),
    ("ifk-lulea", "IFK Luleå", "civil_society", "Luleå", None),
    ("pro-lulea", "PRO Luleå", "civil_society", "Luleå", None),
    ("lulea-hembygd", "Luleå hembygdsförening", "civil_society", "Luleå", None),
    ("kvinnojouren-lulea", "Kvinnojouren i Luleå", "other", "Luleå", None),
    ("stadsmissionen", "Luleå Stadsmission", "other", "Luleå", None),
    ("domkyrkoforsamling", "Luleå domkyrkoförsamling", "civil_society", "Luleå", None),
    ("sv-norrbotten", "Studieförbundet Vuxenskolan Norrbotten", "civil_society", "Luleå", None),
    ("scouterna-lulea", "Scoutkåren Luleå", "other", "Luleå", None),
    ("friluftsframjandet", "Friluftsfrämjandet Luleå", "civil_society", "Luleå", None),
    ("somaliska-lulea", "Somaliska föreningen i Luleå", "civil_society", "Luleå", None),
    ("lkab", "LKAB", "other", "Kiruna", "lkab.com"),
    ("tornedalingar", "Svenska Tornedalingars Riksförbund", "civil_society", "Haparanda", None),
]

#: The people the articles name: (name, organisation id, role).
NAMED = [
    ("Veronica Labba", "sametinget", "handläggare"),
    ("Aulis Syväjärvi", "degerfors-kommun", "samordnare"),
    ("Amalia Sjindjapkin", "hudiksvalls-kommun", "strateg för social hållbarhet"),
    ("Jonna Jonsson", "lansbygderadet", None),
    ("Unelma Krakau", "lansbygderadet", None),
    ("Magnus Bergmark", "ltu", "projektledare"),
    ("Urban Markström", "umu", "professor"),
    ("Eva Lakso", "norrbottens-kommuner", "avdelningschef"),
    ("Roger Stenberg", "lulea-kommun", "avdelningschef"),
    ("Fredrik Hansson", "lulea-kommun", "vice kommunalråd"),
    ("Barbro Müller", "lulea-kommun", "folkhälsostrateg"),
    ("Patrik Bylin", "lulea-kommun", "t f kultur- och fritidschef"),
    # The traps.
    ("Maria Lindqvist", "lulea-kommun", "utvecklingsledare"),
    ("Maria Lindqvist", "region-norrbotten", "samordnare"),
    ("Anna Lena Berg", "lulea-kommun", None),
    ("Anna Borg", "lulea-kommun", None),
    ("Gunnel Åström", "pro-husby", None),
    ("Ali Mohammed Yusuf", "pro-husby", None),
]

#: Meetings: (id, title, kind, date, municipality, organisations whose people come, size).
MEETINGS = [
    ("dialog-1", "Dialog civilsamhället", "dialogue", "2020-04-22", "Luleå", "lulea", 30),
    ("dialog-2", "Dialog civilsamhället", "dialogue", "2020-06-02", "Luleå", "lulea", 34),
    ("ws-1", "Workshop social hållbarhet", "workshop", "2022-02-02", "Hudiksvall", "hudik", 24),
    ("ws-2", "Workshop social hållbarhet", "workshop", "2022-03-15", "Hudiksvall", "hudik", 14),
    ("ws-3", "Workshop social hållbarhet", "workshop", "2022-03-17", "Hudiksvall", "hudik", 12),
    ("ws-4", "Workshop social hållbarhet", "workshop", "2022-03-30", "Hudiksvall", "hudik", 14),
    ("kickoff", "Kick-off", "meeting", "2022-04-26", "Hudiksvall", "hudik", 20),
    ("ntr", "Nätverksträff kommuner och regioner", "meeting", "2022-06-08", "Stockholm", "min", 40),
    ("ntr-dig", "Uppföljning", "meeting", "2022-06-15", None, "min", 26),
    ("ntr-host", "Höstträff", "meeting", "2022-10-12", None, "min", 30),
    ("kista", "Kista träff", "meeting", "2006-04-19", "Stockholm", "kista", 26),
    ("vek", "Växa eller Krympa-konferensen", "conference", "2023-05-30", "Kiruna", "nb", 70),
    ("sem", "Seminarium samhällsnyttig samverkan", "workshop", "2023-05-31", "Kiruna", "nb", 24),
]

#: Which organisations each kind of meeting draws from (and how many invented people each).
POOLS = {
    "lulea": {
        "lulea-kommun": 10,
        "ifk-lulea": 2,
        "pro-lulea": 2,
        "lulea-hembygd": 2,
        "kvinnojouren-lulea": 2,
        "stadsmissionen": 2,
        "domkyrkoforsamling": 2,
        "sv-norrbotten": 2,
        "scouterna-lulea": 2,
        "friluftsframjandet": 2,
        "somaliska-lulea": 2,
        "region-norrbotten": 1,
    },
    "hudik": {
        "hudiksvalls-kommun": 12,
        "pro-hudiksvall": 2,
        "hudik-if": 2,
        "rk-hudiksvall": 2,
        "kyrkan-hudik": 2,
        "hudik-bostader": 2,
        "abf-halsingland": 2,
        "region-gavleborg": 1,
    },
    "min": {
        "sametinget": 2,
        "lst-stockholm": 3,
        "degerfors-kommun": 1,
        "kiruna-kommun": 2,
        "gallivare-kommun": 2,
        "pajala-kommun": 2,
        "haparanda-kommun": 2,
        "jokkmokks-kommun": 2,
        "umea-kommun": 2,
        "botkyrka-kommun": 2,
        "eskilstuna-kommun": 2,
        "region-norrbotten": 2,
        "region-stockholm": 2,
        "lulea-kommun": 2,
        "hudiksvalls-kommun": 1,
        "tornedalingar": 2,
    },
    "kista": {
        "lansbygderadet": 2,
        "pro-husby": 3,
        "fisksatra-fh": 2,
        "tensta-traff": 2,
        "cafe-rosa-park": 2,
        "tensta-kulturkafe": 2,
        "somaliska-husby": 3,
        "kurdiska-tensta": 2,
        "hasselby-hembygd": 2,
        "nacka-kommun": 2,
        "osteraker-kommun": 2,
    },
    "nb": {
        "norrbottens-kommuner": 4,
        "lulea-kommun": 4,
        "kiruna-kommun": 5,
        "gallivare-kommun": 3,
        "pajala-kommun": 2,
        "haparanda-kommun": 2,
        "bodens-kommun": 3,
        "pitea-kommun": 3,
        "kalix-kommun": 3,
        "jokkmokks-kommun": 2,
        "region-norrbotten": 4,
        "lst-norrbotten": 3,
        "ltu": 4,
        "umu": 2,
        "lkab": 3,
    },
}


def _population(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    orgs = pd.DataFrame(
        [(i, n, s, m) for i, n, s, m, _ in ORGANISATIONS],
        columns=["id", "name", "sector", "municipality"],
    )
    domains = {i: d for i, _, _, _, d in ORGANISATIONS}
    people = []
    used = {name for name, _, _ in NAMED}
    for name, org, role in NAMED:
        people.append((name, org, role))
    for pool in POOLS.values():
        for org, count in pool.items():
            for _ in range(count):
                while True:
                    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                    if name not in used:
                        break
                used.add(name)
                people.append((name, org, None))
    rows = []
    for n, (name, org, role) in enumerate(people, start=1):
        words = name.replace("-", "").lower().translate(str.maketrans("åäöüé", "aaoue")).split()
        local = f"{words[0]}.{words[-1]}"
        domain = domains[org] or str(rng.choice(["gmail.com", "telia.com", "hotmail.com"]))
        rows.append((f"P{n}", name, org, role, f"{local}@{domain}"))
    people = pd.DataFrame(rows, columns=["id", "name", "organisation_id", "role", "email"])
    # The two members of PRO Husby-Akalla who use the association's mailbox.
    shared = people["name"].isin(["Gunnel Åström", "Ali Mohammed Yusuf"])
    people.loc[shared, "email"] = "pro.husbyakalla@telia.com"
    pools = {
        key: people.index[people["organisation_id"].isin(list(pool))].to_list()
        for key, pool in POOLS.items()
    }
    return orgs, people, pools


def _participation(rng: np.random.Generator, people: pd.DataFrame, pools: dict) -> pd.DataFrame:
    must = {
        "dialog-1": ["Roger Stenberg", "Barbro Müller", "Anna Lena Berg"],
        "dialog-2": ["Roger Stenberg", "Fredrik Hansson", "Barbro Müller", "Patrik Bylin"],
        "ws-1": ["Amalia Sjindjapkin"],
        "ws-2": ["Amalia Sjindjapkin"],
        "ws-3": ["Amalia Sjindjapkin"],
        "ws-4": ["Amalia Sjindjapkin"],
        "kickoff": ["Amalia Sjindjapkin"],
        "ntr": ["Veronica Labba", "Aulis Syväjärvi"],
        "ntr-dig": ["Veronica Labba", "Aulis Syväjärvi"],
        "kista": ["Jonna Jonsson", "Unelma Krakau", "Gunnel Åström", "Ali Mohammed Yusuf"],
        "vek": ["Magnus Bergmark", "Urban Markström", "Eva Lakso", "Anna Borg"],
        "sem": ["Magnus Bergmark", "Urban Markström", "Eva Lakso"],
    }
    # The homonyms: Maria Lindqvist of Luleå kommun at the dialogues and the conference,
    # Maria Lindqvist of Region Norrbotten at the minority network and the conference.
    maria = people.index[people["name"] == "Maria Lindqvist"].to_list()
    homonyms = {
        "dialog-1": [maria[0]],
        "dialog-2": [maria[0]],
        "vek": maria,
        "ntr": [maria[1]],
        "ntr-host": [maria[1]],
    }
    roles = {"Magnus Bergmark": "speaker", "Urban Markström": "speaker", "Eva Lakso": "organiser"}
    by_name = {name: i for i, name in enumerate(people["name"]) if name != "Maria Lindqvist"}
    rows = []
    for meeting, *_, pool_key, size in MEETINGS:
        chosen = [by_name[n] for n in must.get(meeting, [])] + homonyms.get(meeting, [])
        pool = [i for i in pools[pool_key] if i not in chosen]
        extra = rng.choice(pool, size=min(size - len(chosen), len(pool)), replace=False)
        for i in [*chosen, *sorted(extra.tolist())]:
            rows.append((meeting, people.at[i, "id"], roles.get(people.at[i, "name"])))
    part = pd.DataFrame(rows, columns=["collaboration_id", "person_id", "role"])
    return part.drop_duplicates(["collaboration_id", "person_id"]).reset_index(drop=True)


def _messy_rows(rng: np.random.Generator) -> pd.DataFrame:
    orgs, people, pools = _population(rng)
    collabs = pd.DataFrame(
        [(i, t, k, d) for i, t, k, d, *_ in MEETINGS],
        columns=["id", "title", "kind", "start_date"],
    )
    part = _participation(rng, people, pools)
    tables = {"organisations": orgs, "people": people, "collaborations": collabs}
    frames = []
    email_rates = {"dialog": 0.5, "ws": 0.8, "kickoff": 0.8, "ntr": 0.9, "kista": 0.25}
    for meeting in collabs["id"]:
        rate = next((r for k, r in email_rates.items() if meeting.startswith(k)), 0.85)
        rows = messy_attendance(
            {**tables, "participation": part[part["collaboration_id"] == meeting]},
            seed=int(rng.integers(2**31)),
            email_rate=rate,
        )
        rows.insert(0, "meeting", meeting)
        frames.append(rows)
    rows = pd.concat(frames, ignore_index=True)
    # Job titles where no participation role is given; some organisations left out; "LTU".
    titles = people.set_index("id")["role"]
    rows["role"] = rows["role"].fillna(rows["true_person"].map(titles))
    blank = rng.random(len(rows)) < 0.03
    rows.loc[blank, ["organisation", "true_organisation"]] = None
    ltu = rows.index[rows["true_organisation"] == "ltu"][:3]
    rows.loc[ltu, "organisation"] = "LTU"
    return rows


def _split_name(name: str) -> tuple[str, str]:
    if "," in name:
        last, first = (p.strip() for p in name.split(",", 1))
        return first, last
    words = name.split()
    return " ".join(words[:-1]), words[-1]


def _quoted(cell: str) -> str:
    return f'"{cell}"' if "," in cell else cell


#: Participation roles as people write them in a list.
ROLE_WORDS = {"speaker": "talare", "organiser": "arrangör"}


def _write(rows: pd.DataFrame) -> pd.DataFrame:
    """Write the lists; return the truth (file, sheet, row, person, organisation)."""
    truth = []

    def note(file, sheet, first_row, part, extra_rows=()):
        for n, (person, org) in enumerate(
            zip(part["true_person"], part["true_organisation"], strict=True)
        ):
            truth.append((file, sheet, first_row + n, person, org))
        for row, org in extra_rows:
            truth.append((file, sheet, row, None, org))

    def part_of(*meetings):
        return rows[rows["meeting"].isin(meetings)].reset_index(drop=True)

    # Luleå dialogues: one Swedish Excel CSV (;, Windows-1252) and one UTF-8 CSV with BOM.
    p = part_of("dialog-1")
    name = "2020-04-22 Dialog civilsamhället.csv"
    out = pd.DataFrame(
        {
            "Namn": p["name"],
            "Organisation": p["organisation"],
            "E-post": p["email"],
            "Roll": p["role"],
        }
    )
    out.to_csv(LISTS / name, sep=";", index=False, encoding="cp1252")
    note(name, None, 2, p)
    p = part_of("dialog-2")
    name = "2020-06-02 Dialog civilsamhället.csv"
    out = pd.DataFrame(
        {
            "Name": p["name"],
            "Organization": p["organisation"],
            "E-mail": p["email"],
            "Role": p["role"],
        }
    )
    out.to_csv(LISTS / name, index=False, encoding="utf-8-sig")
    note(name, None, 2, p)

    # Hudiksvall workshops: a workbook, one sheet per meeting, first and last name apart.
    name = "Workshop social hållbarhet Hudiksvall.xlsx"
    sheets = {
        "2022-02-02": "ws-1",
        "2022-03-15": "ws-2",
        "2022-03-17": "ws-3",
        "2022-03-30": "ws-4",
        "2022-04-26 Kick-off": "kickoff",
    }
    with pd.ExcelWriter(LISTS / name, engine="openpyxl") as writer:
        for sheet, meeting in sheets.items():
            p = part_of(meeting)
            first, last = zip(*(_split_name(n) for n in p["name"]), strict=True)
            out = pd.DataFrame(
                {
                    "Förnamn": first,
                    "Efternamn": last,
                    "Organisation/förening": p["organisation"],
                    "E-postadress": p["email"],
                }
            )
            out.to_excel(writer, sheet_name=sheet, index=False)
            note(name, sheet, 2, p)

    # The minority network: Swedish Excel CSV, then a workbook of the follow-ups.
    p = part_of("ntr")
    name = "2022-06-08 Nätverksträff kommuner och regioner.csv"
    out = pd.DataFrame(
        {
            "För- och efternamn": p["name"],
            "Arbetsplats": p["organisation"],
            "Mejl": p["email"],
            "Kommun": p["municipality"],
        }
    )
    out.to_csv(LISTS / name, sep=";", index=False, encoding="cp1252")
    note(name, None, 2, p)
    name = "Nätverksträffar 2022.xlsx"
    with pd.ExcelWriter(LISTS / name, engine="openpyxl") as writer:
        for sheet, meeting in (
            ("15 juni 2022 Uppföljning", "ntr-dig"),
            ("2022-10-12 Höstträff", "ntr-host"),
        ):
            p = part_of(meeting)
            out = pd.DataFrame(
                {"Namn": p["name"], "Organisation": p["organisation"], "E-post": p["email"]}
            )
            out.to_excel(writer, sheet_name=sheet, index=False)
            note(name, sheet, 2, p)

    # Kista 2006: UTF-8 CSV typed by hand, a title line, date and meeting in columns, two
    # organisations without a name, a blank row and a total row.
    p = part_of("kista")
    name = "kista_traff.csv"
    lines = ["Deltagarlista Kista träff,,,,,", ",,,,,", "Namn,Förening,Mejladress,Ort,Datum,Träff"]
    for rec in p.itertuples(index=False):
        cells = [
            rec.name,
            rec.organisation,
            rec.email,
            rec.municipality,
            "19/4/2006",
            "Kista träff",
        ]
        lines.append(",".join(_quoted("" if not isinstance(c, str) else c) for c in cells))
    first_extra = 4 + len(p)
    lines += [
        ",Spånga-Tensta stadsdelsförvaltning,,Stockholm,19/4/2006,Kista träff",
        ",Studieförbundet Vuxenskolan,,Stockholm,19/4/2006,Kista träff",
        ",,,,,",
        f"Totalt: {len(p) + 2} deltagare,,,,,",
    ]
    (LISTS / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    note(
        name,
        None,
        4,
        p,
        [
            (first_extra, "spanga-tensta"),
            (first_extra + 1, "sv"),
            (first_extra + 2, None),
            (first_extra + 3, None),
        ],
    )
    truth.append((name, None, 1, None, None))  # the title line; blank row 2 is no row

    # Växa eller Krympa: one long sheet, English headers, real Excel dates, two events.
    p = part_of("vek", "sem")
    name = "vaxa_eller_krympa_2023.xlsx"
    titles = {m[0]: m[1] for m in MEETINGS}
    out = pd.DataFrame(
        {
            "Name": p["name"],
            "Organisation": p["organisation"],
            "Email": p["email"],
            "Municipality": p["municipality"],
            "Event": p["meeting"].map(titles),
            "Date": pd.to_datetime(p["date"]),
            "Role": p["role"].replace(ROLE_WORDS),
        }
    )
    out.to_excel(LISTS / name, sheet_name="Deltagare", index=False)
    note(name, "Deltagare", 2, p)
    return pd.DataFrame(truth, columns=["file", "sheet", "row", "person", "organisation"])


def main() -> None:
    LISTS.mkdir(exist_ok=True)
    rows = _messy_rows(np.random.default_rng(SEED))
    truth = _write(rows)
    truth.sort_values(["file", "sheet", "row"], na_position="first").to_csv(
        HERE / "truth.csv", index=False
    )


if __name__ == "__main__":
    main()
