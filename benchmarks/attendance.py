"""Benchmark: importing 50,000 messy attendance rows (read, resolve, build, validate, write).

A seeded national-scale population (organisations in 100 places, people with e-mails, meetings
of 10-60 attendees) is written as messy attendance lists by :func:`netmap.messy.messy_attendance`
(typos, dropped diacritics, case, middle names, departments, missing e-mails and
organisations), one CSV file per 250 meetings, Swedish Excel style (``;``, Windows-1252).
Each measurement is a separate Python process that imports netmap, reads every list, resolves
people and organisations, validates the tables and writes them (``netmap import-attendance``
through :func:`netmap.import_attendance`); the table reports the median over ``--repeat`` runs.

The reference is scoring without blocking, as a plain deduplication does it: every distinct
mention (name and organisation as written, after folding) against every other with
rapidfuzz's ``cdist`` (token sort ratio, C++, both cores), before any clustering. Its time is
measured on the first 3,000 mentions against all and scaled to all of them (the cost is
linear in the rows of the matrix); reading and clustering are not counted.

    uv run python benchmarks/attendance.py                     # the table in benchmarks/README.md
    uv run python benchmarks/attendance.py --rows 5000 --repeat 3
    uv run python benchmarks/attendance.py --corpus            # the quality table in README.md

The script also reports pairwise precision and recall of the merges against the true
identities of the generated rows.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

import netmap
from netmap.attendance import review_from_truth, score_import
from netmap.messy import messy_attendance

PLACES = (  # noqa: SIM905 (a word list reads best as words)
    "Arjeplog Arvidsjaur Boden Gällivare Haparanda Jokkmokk Kalix Kiruna Luleå Pajala Piteå "
    "Älvsbyn Överkalix Övertorneå Umeå Skellefteå Lycksele Vilhelmina Storuman Sorsele "
    "Örnsköldsvik Sundsvall Härnösand Kramfors Sollefteå Timrå Östersund Krokom Åre "
    "Strömsund Hudiksvall Bollnäs Söderhamn Gävle Sandviken Ljusdal Nordanstig Ovanåker "
    "Falun Borlänge Mora Rättvik Leksand Ludvika Avesta Hedemora Karlstad Arvika "
    "Kristinehamn Säffle Torsby Örebro Karlskoga Degerfors Lindesberg Kumla Västerås Köping "
    "Sala Fagersta Uppsala Enköping Tierp Östhammar Norrtälje Nacka Botkyrka Huddinge "
    "Södertälje Solna Sundbyberg Järfälla Täby Österåker Värmdö Eskilstuna Nyköping "
    "Katrineholm Linköping Norrköping Motala Jönköping Värnamo Växjö Kalmar Västervik "
    "Karlskrona Kristianstad Malmö Lund Helsingborg Halmstad Varberg Borås Trollhättan "
    "Uddevalla Skövde Lidköping Visby Mariestad"
).split()
TEMPLATES = (
    ("{p} kommun", "public"),
    ("Region {p}", "public"),
    ("PRO {p}", "civil_society"),
    ("{p} IF", "civil_society"),
    ("{p} hembygdsförening", "civil_society"),
    ("Folkets Hus {p}", "civil_society"),
    ("{p} församling", "civil_society"),
    ("Studieförbundet Vuxenskolan {p}", "civil_society"),
    ("{p} Bygg AB", "business"),
    ("Kulturhuset i {p}", "other"),
)
FIRST = (  # noqa: SIM905 (a word list reads best as words)
    "Anders Anna Annika Birgitta Björn Camilla Daniel Elin Emma Erik Eva Fredrik Gunilla "
    "Hanna Helena Henrik Ingrid Jan Johan Jonas Karin Katarina Kerstin Kristina Lars Lena "
    "Linnea Magnus Malin Margareta Mats Mikael Monika Niklas Ola Olof Per Peter Sara Sofia "
    "Stefan Susanne Sven Thomas Ulla Åsa Örjan Ahmed Fatima Leila Amir Hussein Aino "
    "Veronica Amalia Unelma Jonna Urban Roger Barbro Patrik Aulis Gunnel Tove Ebba Wilma "
    "Hugo Oskar Ali"
).split()
LAST = (  # noqa: SIM905 (a word list reads best as words)
    "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson "
    "Gustafsson Lindberg Lindström Jakobsson Magnusson Axelsson Lundgren Bergström "
    "Lundqvist Mattsson Berglund Fredriksson Sandberg Henriksson Forsberg Sjöberg Wallin "
    "Engström Danielsson Håkansson Lundin Björk Holmberg Nyström Öberg Holm Strand Ek Åberg "
    "Sundberg Hedlund Blomqvist Lindholm Nordin Isaksson Mäkinen Niemi Kuoksu Pekkari Sarri "
    "Hassan Omar Labba Syväjärvi Sjindjapkin Krakau Bergmark Markström Lakso Stenberg Bylin "
    "Müller Åström Yusuf"
).split()
MIDDLE = ("Maria", "Lena", "Karin", "Erik", "Johan", "Marie", "Louise", "Elisabet")


def population(rows: int, *, seed: int) -> dict[str, pd.DataFrame]:
    """Clean record tables whose people's participations number about ``rows``."""
    rng = np.random.default_rng(seed)
    orgs = pd.DataFrame(
        [
            (f"O{i + 1}", t.format(p=p), sector, p)
            for i, (p, (t, sector)) in enumerate((p, tpl) for p in PLACES for tpl in TEMPLATES)
        ],
        columns=["id", "name", "sector", "municipality"],
    )
    n_people = rows // 4
    names, used = [], set()
    while len(names) < n_people:
        middle = f" {rng.choice(MIDDLE)}" if rng.random() < 0.15 else ""
        name = f"{rng.choice(FIRST)}{middle} {rng.choice(LAST)}"
        org = int(rng.integers(len(orgs)))
        if (name, org) not in used:  # homonyms across organisations are kept
            used.add((name, org))
            names.append((name, org))
    people = pd.DataFrame(
        {
            "id": [f"P{i + 1}" for i in range(n_people)],
            "name": [n for n, _ in names],
            "organisation_id": [orgs.at[o, "id"] for _, o in names],
            "email": [
                f"{n.split()[0].lower()}.{n.split()[-1].lower()}.{i}@example.se"
                for i, (n, _) in enumerate(names)
            ],
        }
    )
    people["email"] = (
        people["email"].str.normalize("NFKD").str.encode("ascii", "ignore").str.decode("ascii")
    )
    # Meetings draw people from a few places, as regional networks do.
    org_place = orgs["municipality"].to_numpy()
    place_of = org_place[[int(o[1:]) - 1 for o in people["organisation_id"]]]
    by_place = {p: np.flatnonzero(place_of == p) for p in PLACES}
    part, collabs, total = [], [], 0
    while total < rows:
        c = f"C{len(collabs) + 1}"
        day = pd.Timestamp("2018-01-01") + pd.Timedelta(days=int(rng.integers(0, 2500)))
        collabs.append((c, f"Nätverksträff {len(collabs) + 1}", "meeting", day.date().isoformat()))
        places = rng.choice(PLACES, size=3, replace=False)
        pool = np.concatenate([by_place[p] for p in places])
        size = min(int(rng.integers(10, 61)), len(pool), rows - total)
        for i in rng.choice(pool, size=size, replace=False):
            part.append((c, people.at[int(i), "id"]))
        total += size
    return {
        "organisations": orgs,
        "people": people,
        "collaborations": pd.DataFrame(collabs, columns=["id", "title", "kind", "start_date"]),
        "participation": pd.DataFrame(part, columns=["collaboration_id", "person_id"]),
    }


def write_lists(rows: int, folder: Path, *, seed: int) -> tuple[list[Path], pd.DataFrame]:
    """Write the messy lists; return the files and the truth (:data:`TRUTH_COLUMNS`)."""
    messy = messy_attendance(population(rows, seed=seed), seed=seed, email_rate=0.6)
    rng = np.random.default_rng(seed + 1)
    blank = rng.random(len(messy)) < 0.03
    messy.loc[blank, ["organisation", "true_organisation"]] = None
    collab_number = messy.groupby(["event", "date"], sort=False).ngroup()
    files, truth = [], []
    for chunk, part in messy.groupby(collab_number // 250, sort=True):
        path = folder / f"lists-{chunk:03d}.csv"
        part[["name", "organisation", "email", "municipality", "event", "date"]].rename(
            columns={
                "name": "Namn",
                "organisation": "Organisation",
                "email": "E-post",
                "municipality": "Kommun",
                "event": "Möte",
                "date": "Datum",
            }
        ).to_csv(path, sep=";", index=False, encoding="cp1252", errors="replace")
        files.append(path)
        truth.append(
            pd.DataFrame(
                {
                    "file": path.name,
                    "sheet": None,
                    "row": np.arange(len(part)) + 2,
                    "person": part["true_person"].to_numpy(),
                    "organisation": part["true_organisation"].to_numpy(),
                }
            )
        )
    return files, pd.concat(truth, ignore_index=True)


_IMPORT = """
import sys, time, json
start = time.perf_counter()
import netmap
from pathlib import Path
files = sorted(Path(sys.argv[1]).glob("lists-*.csv"))
result = netmap.import_attendance(files)
result.write(sys.argv[2])
print(json.dumps({"seconds": time.perf_counter() - start, "cpu": time.process_time(),
                  "people": len(result.tables["people"]),
                  "organisations": len(result.tables["organisations"]),
                  "review": len(result.review)}))
"""

_ALL_PAIRS = """
import sys, time, json
import pandas as pd, numpy as np
from pathlib import Path
from rapidfuzz import fuzz, process
from netmap.resolve import match_key
frames = [pd.read_csv(f, sep=";", encoding="cp1252", dtype=str)
          for f in sorted(Path(sys.argv[1]).glob("lists-*.csv"))]
rows = pd.concat(frames).fillna("")
units = sorted({(match_key(n), match_key(o)) for n, o in zip(rows["Namn"], rows["Organisation"])})
names = [n for n, _ in units]
sample = int(sys.argv[2])
start = time.perf_counter()
for s in range(0, sample, 1000):
    process.cdist(names[s:s + 1000], names, scorer=fuzz.token_sort_ratio, score_cutoff=80,
                  dtype=np.uint8, workers=-1)
seconds = (time.perf_counter() - start) * len(units) / min(sample, len(units))
print(json.dumps({"seconds": seconds, "units": len(units)}))
"""


def _run(code: str, *args: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def corpus_quality() -> None:
    """Precision and recall on the test corpus, before and after a correct review."""
    corpus = Path(__file__).resolve().parent.parent / "tests" / "data" / "attendance"
    lists = sorted((corpus / "lists").iterdir())
    truth = pd.read_csv(corpus / "truth.csv", dtype=str, keep_default_na=False).replace("", None)
    first = netmap.import_attendance(lists)
    decided = netmap.import_attendance(lists, review=review_from_truth(first, truth))
    print("| run | kind | precision | recall | rows | pairs to review |")
    print("|---|---|---|---|---|---|")
    for run, result in (("first (review blank)", first), ("after a correct review", decided)):
        for rec in score_import(result, truth).itertuples(index=False):
            pairs = int((result.review["kind"] == rec.kind).sum())
            print(
                f"| {run} | {rec.kind} | {rec.precision:.3f} | {rec.recall:.3f} "
                f"| {rec.rows} | {pairs} |"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--corpus", action="store_true", help="Only score the test corpus against its truth."
    )
    args = parser.parse_args()
    if args.corpus:
        corpus_quality()
        return
    print(
        "| rows | people | organisations | review pairs | import, median s (runs; CPU s) "
        "| all-pairs name scoring, s | ratio | precision / recall people | organisations |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for rows in args.rows:
        with tempfile.TemporaryDirectory() as tmp:
            folder, out = Path(tmp) / "lists", Path(tmp) / "out"
            folder.mkdir()
            started = time.perf_counter()
            files, truth = write_lists(rows, folder, seed=args.seed)
            made = time.perf_counter() - started
            runs = [_run(_IMPORT, str(folder), str(out)) for _ in range(args.repeat)]
            seconds = [r["seconds"] for r in runs]
            cpu = statistics.median(r["cpu"] for r in runs)
            naive = _run(_ALL_PAIRS, str(folder), "3000")
            scores = score_import(netmap.import_attendance(files), truth).set_index("kind")
            p, o = (scores.loc[k, ["precision", "recall"]] for k in ("person", "organisation"))
            median = statistics.median(seconds)
            print(
                f"| {len(truth):,} | {runs[0]['people']:,} | {runs[0]['organisations']:,} "
                f"| {runs[0]['review']:,} "
                f"| {median:.1f} ({', '.join(f'{s:.1f}' for s in seconds)}; CPU {cpu:.1f}) "
                f"| {naive['seconds']:.0f} ({naive['units']:,} mentions) "
                f"| {naive['seconds'] / median:.1f} "
                f"| {p.precision:.3f} / {p.recall:.3f} | {o.precision:.3f} / {o.recall:.3f} |",
                flush=True,
            )
            print(f"  (lists written in {made:.1f} s, not timed)", file=sys.stderr)


if __name__ == "__main__":
    main()
