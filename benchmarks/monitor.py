"""Re-screening benchmark: a list update changing 100 entities against a 100,000-customer book.

Usage: python benchmarks/monitor.py [--home PATH] [--customers N] [--changed N]
                                    [--source ID] [--workers N] [--seed N]

1. A temporary home gets the lists: with ``--home``, a copy of that home's
   ``store.sqlite3`` (and its index cache; the original is not touched),
   e.g. ``--home /tmp/wbfull`` holding every shared list; otherwise the
   bundled fixture lists plus a synthetic list of 2,000 people
   (source ``bench_synthetic``) so there are enough entities to change.
2. A book of ``--customers`` synthetic customers (names, birth dates and
   countries drawn from our own word lists) is written as CSV, with
   ``--changed`` planted customers, one per entity that will change, named
   after the alias the update is about to give that entity (with a typo
   for every third), and registered: read, indexed, screened once.
3. A new version of the list (``--source``, default the one with the most
   people) is stored: the current version plus one new alias on each of
   ``--changed`` people.
4. ``weerbaar.monitor.rescreen.run`` re-screens; the alerts are compared
   with the planted customers (precision and recall).

Target: the re-screen in under 10 s, alerting exactly the planted customers.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from weerbaar.core.settings import Settings
from weerbaar.db import Database
from weerbaar.lists import Lists
from weerbaar.store.links import canonical_of
from weerbaar.store.rows import Row, statement_key
from weerbaar.store.store import Store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "lists"


def _split(text: str) -> list[str]:
    return [w.strip() for w in text.split(",") if w.strip()]


FIRST = _split(
    """Jan, Piet, Kees, Henk, Willem, Johannes, Cornelis, Gerrit, Hendrik, Maarten, Daan, Sem,
Lucas, Levi, Finn, Bram, Noah, Milan, Jesse, Thijs, Ruben, Stijn, Lars, Sven, Joris, Koen,
Wouter, Bas, Anna, Maria, Emma, Sophie, Julia, Tess, Lotte, Fleur, Sanne, Lisa, Eva, Iris,
Anouk, Femke, Marloes, Ingrid, Petra, Nicole, Esther, Mohamed, Ahmed, Youssef, Ibrahim,
Fatima, Aisha, Khadija, Omar, Hassan, Mustafa, Yasmina, Samira, Nadia, Mehmet, Ayse, Emre,
Elif, Burak, Zeynep, Kemal, Oksana, Olena, Dmytro, Andrii, Iryna, Pavel, Natalia, Sergei,
Tatiana, Wei, Jing, Li, Ming, Hui, Xiu, Chen, Anh, Minh, Thanh, Linh, Priya, Rahul, Anjali,
Vikram, Sunita, Carlos, Lucia, Javier, Carmen, Diego, Rosa, Pedro, Ana, Joao, Beatriz,
Tomasz, Agnieszka, Piotr, Katarzyna, Marek, Ewa, George, Oliver, Harry, Amelia, Olivia,
Charlotte, James, William, Henry, Grace, Siobhan, Declan, Niamh, Kwame, Ama, Kofi, Abena,
Chinedu, Ngozi, Tunde, Folake"""
)
LAST = _split(
    """de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer,
de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer,
de Wit, Dijkstra, Smits, de Graaf, van der Meer, van der Linden, Kok, Jacobs, de Haan,
Vermeulen, van den Heuvel, van der Veen, van den Broek, de Bruijn, de Bruin,
van der Heijden, Schouten, van Beek, Willems, van Vliet, van de Ven, Hoekstra, Maas,
Verhoeven, Koster, van Dam, van der Wal, Prins, Blom, Huisman, Peeters, Kuipers, van Wijk,
Postma, Kuiper, Veenstra, Kramer, van den Brink, Scholten, van Wijngaarden, Post, Martens,
Vink, de Ruiter, Timmermans, Groen, Gerritsen, Jonker, van Loon, Boer, van der Velde,
Willemsen, Smeets, de Lange, de Vos, Bosch, El Amrani, Benali, Bouzid, Haddou, Ouali,
Tahiri, Yilmaz, Kaya, Demir, Sahin, Celik, Aydin, Ozturk, Kovalenko, Shevchenko,
Bondarenko, Tkachenko, Kravets, Oliinyk, Zhang, Wang, Liu, Chen, Yang, Huang, Zhao, Nguyen,
Tran, Pham, Hoang, Sharma, Patel, Gupta, Singh, Kumar, Garcia, Fernandez, Lopez, Martinez,
Rodriguez, Silva, Santos, Pereira, Kowalski, Nowak, Wisniewski, Wojcik, Smith, Jones,
Williams, Brown, Taylor, Davies, Evans, O'Brien, Murphy, Kelly, Mensah, Owusu, Boateng,
Okafor, Adeyemi, Eze"""
)
WORDS = _split(
    """Noord, Zuid, Oost, West, Delta, Polder, Haven, Tulp, Molen, Dijk, Kaas, Fiets, Gracht,
Duin, Stroom, Licht, Vonk, Brug, Anker, Kompas, Zeil, Baken, Horizon, Parel, Ster, Maan,
Zon, Regen, Wolk, Berg, Bos, Veld"""
)
FORMS = ("B.V.", "N.V.", "Holding B.V.", "Groep", "Stichting", "V.O.F.", "Handel B.V.")
COUNTRIES = ("Netherlands", "Belgium", "Germany", "Turkey", "Morocco", "Poland", "Ukraine")
#: Syllables of the synthetic list's names (fixture mode): unlike customers' and aliases'.
LISTED = _split("ush, rak, dim, paz, hol, gev, mun, tor, lek, sib, aro, ved, kha, nim")
#: Syllables of the new aliases: names no real or synthetic person has.
SYLLABLES = _split(
    "zor, vak, tel, mir, qua, bex, lon, dru, pim, sav, kel, nor, vash, tib, grun, wel, fos, yar"
)


def alias_for(rng: random.Random) -> str:
    """A new, unusual personal name for a listed person (two or three invented words)."""

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3)))).title()

    return " ".join(word() for _ in range(3))


def typo(name: str, rng: random.Random) -> str:
    words = name.split()
    i = rng.randrange(len(words))
    w = words[i]
    j = rng.randrange(1, len(w) - 1)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def customer(rng: random.Random) -> tuple[str, str, str, str]:
    """(type, name, birth date, country) of one synthetic customer."""
    if rng.random() < 0.15:
        name = f"{rng.choice(WORDS)}{rng.choice(WORDS).lower()} {rng.choice(FORMS)}"
        return "company", name, "", rng.choice(COUNTRIES)
    first = rng.choice(FIRST)
    if rng.random() < 0.3:
        first = f"{first} {rng.choice(FIRST)}"
    name = f"{first} {rng.choice(LAST)}"
    born = f"{rng.randint(1940, 2004)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return "person", name, born, rng.choice(COUNTRIES)


def write_book(
    path: Path, count: int, planted: dict[str, tuple[str, str]], rng: random.Random
) -> None:
    """``count`` customers; the planted ones (key -> (name, birth date)) spread through it."""
    slots = dict(zip(rng.sample(range(count), len(planted)), planted.items(), strict=True))
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["customer id", "type", "name", "date of birth", "nationality"])
        for n in range(count):
            if n in slots:
                key, (name, born) = slots[n]
                out.writerow([key, "person", name, born, ""])
            else:
                kind, name, born, country = customer(rng)
                out.writerow([f"C{n:07d}", kind, name, born, country])


def synthetic_list(path: Path, count: int, rng: random.Random) -> None:
    """A followthemoney file of ``count`` listed people (fixture mode only)."""
    import orjson

    with path.open("wb") as fh:
        for n in range(count):
            name = " ".join(
                "".join(rng.choice(LISTED) for _ in range(rng.choice((2, 3)))) for _ in range(3)
            ).upper()
            entity = {
                "id": f"bench-{n}",
                "schema": "Person",
                "properties": {"name": [name], "birthDate": [f"{rng.randint(1940, 1990)}"]},
                "target": True,
                "last_change": "2026-01-01T00:00:00",
            }
            fh.write(orjson.dumps(entity) + b"\n")


def pick_source(store: Store, wanted: str | None) -> str:
    if wanted:
        return wanted
    versions = store.latest_versions()
    return max(versions, key=lambda v: v.counts.get("Person", 0)).source


def people_of(store: Store, source: str) -> tuple[list[str], dict[str, str]]:
    """The listed people of the newest version of ``source`` and their first full birth date."""
    latest = store.latest(source)
    assert latest is not None, source
    people: set[str] = set()
    births: dict[str, str] = {}
    for s in store.statements_at(source, latest.seq):
        if s.prop == "id" and s.value == "target" and s.schema == "Person":
            people.add(s.entity_id)
        elif s.prop == "birthDate" and len(s.value) == 10:
            births.setdefault(s.entity_id, s.value)
    return sorted(people), births


def update_list(store: Store, source: str, aliases: dict[str, str]) -> None:
    """Store a new version of ``source``: its newest version plus the new aliases."""
    from weerbaar.store.links import write_links

    latest = store.latest(source)
    assert latest is not None, source
    rows = [
        Row(
            statement_key(source, s.entity_id, s.schema, s.prop, s.value, s.lang),
            s.entity_id,
            s.schema,
            s.prop,
            s.value,
            s.lang,
            s.original_value,
        )
        for s in store.statements_at(source, latest.seq)
    ]
    for eid, alias in aliases.items():
        key = statement_key(source, eid, "Person", "alias", alias, None)
        rows.append(Row(key, eid, "Person", "alias", alias, None, None))
    digest = hashlib.sha256(f"{latest.digest}-{sorted(aliases.items())}".encode()).hexdigest()
    with store.transaction() as conn:
        store.add_version(
            conn,
            source=source,
            list_date=latest.list_date,
            format=latest.format,
            files=[{"name": "benchmark update", "sha256": digest}],
            digest=digest,
            counts=latest.counts,
            warnings={},
            rows=rows,
        )
        write_links(store, conn)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_rss() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--home", type=Path, help="a home whose store holds the real lists")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--changed", type=int, default=100)
    parser.add_argument("--source", help="the list to update (default: most people)")
    parser.add_argument("--workers", type=int, default=2, help="cores for the first screening")
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--workdir", type=Path, help="keep the home here (default: a temp dir)")
    parser.add_argument(
        "--skip-first-screening",
        action="store_true",
        help="register without screening the whole book once (quick runs)",
    )
    args = parser.parse_args(argv)
    console = Console(stderr=True)
    rng = random.Random(args.seed)
    from weerbaar.db.models import Alert
    from weerbaar.monitor import books, rescreen

    with tempfile.TemporaryDirectory(prefix="wb-monitor-") as tmp_dir:
        tmp = str(args.workdir or tmp_dir)
        if args.workdir:
            shutil.rmtree(args.workdir, ignore_errors=True)
            args.workdir.mkdir(parents=True)
        home = Path(tmp) / "home"
        home.mkdir()
        settings = Settings(home=home)
        if args.home:
            shutil.copyfile(args.home / "store.sqlite3", home / "store.sqlite3")
            if (args.home / "index").is_dir():
                shutil.copytree(args.home / "index", home / "index")
        else:
            synthetic = Path(tmp) / "bench_synthetic.ftm.json"
            synthetic_list(synthetic, 2000, rng)
            with Lists(settings) as lists:
                lists.import_paths(sorted(p for p in FIXTURES.glob("*/*") if p.is_file()))
                lists.import_paths([synthetic], source="bench_synthetic")
        store = Store(settings.store_path)
        source = pick_source(store, args.source)
        people, births = people_of(store, source)
        if len(people) < args.changed:
            console.print(f"{source} has only {len(people)} people; use --source")
            return 2
        chosen = rng.sample(people, args.changed)
        aliases = {eid: alias_for(rng) for eid in chosen}
        # planted customers: the new alias (a typo in every third) and the listed birth date
        planted = {
            f"P{n:04d}": (typo(alias, rng) if n % 3 == 2 else alias, births.get(eid, ""))
            for n, (eid, alias) in enumerate(aliases.items())
        }
        expected = {(f"P{n:04d}", eid) for n, eid in enumerate(aliases)}
        book_path = Path(tmp) / "customers.csv"
        write_book(book_path, args.customers, planted, rng)
        db = Database.open(settings)
        console.print(f"registering a book of {args.customers:,} customers ...")
        start = time.perf_counter()
        registered = books.register(
            settings,
            db,
            book_path,
            name="benchmark",
            workers=args.workers,
            progress=True,
            screen=not args.skip_first_screening,
        )
        register_seconds = time.perf_counter() - start
        rss_register = peak_rss_mib()
        console.print(f"updating {source}: a new alias on {args.changed} people ...")
        start = time.perf_counter()
        update_list(store, source, aliases)
        update_seconds = time.perf_counter() - start
        # alerts name the merged entity: a list entry linked to another list's
        # entry may sit under that entry's id
        expected = {(key, canonical_of(store, eid)) for key, eid in expected}
        store.close()
        start = time.perf_counter()
        run = rescreen.run(settings, db, progress=True)
        rescreen_seconds = time.perf_counter() - start
        from sqlalchemy import select

        with db.session() as s:
            found = list(s.scalars(select(Alert).where(Alert.run_id == run.id)))
            before = {
                (a.record_key, a.entity_id)
                for a in s.scalars(select(Alert).where(Alert.run_id.is_(None)))
            }
        keys = {a.record_key for a in found}
        pair_hits = {(a.record_key, a.entity_id) for a in found} & expected
        hits = keys & set(planted)
        # customers that matched a changed entity before the update too: the new alias
        # is a new fact, so their alert is raised again with what changed
        known = {a.record_key for a in found if (a.record_key, a.entity_id) in before}
        unexpected = keys - set(planted) - known
        precision = len(hits) / len(keys) if keys else 0.0
        recall = len(hits) / len(planted) if planted else 0.0
        rows: list[tuple[str, Any]] = [
            ("lists", "real (--home)" if args.home else "fixtures + 2,000 synthetic people"),
            ("updated list", source),
            ("customers in the book", f"{registered.records:,}"),
            (
                "book registration (read, index, store"
                + (")" if args.skip_first_screening else ", first screening)"),
                f"{register_seconds:.1f} s",
            ),
            ("alerts at registration", registered.alerts),
            ("peak RSS after registration", f"{rss_register:,.0f} MiB"),
            ("storing the list update", f"{update_seconds:.1f} s"),
            ("changed entities", run.changed_entities),
            ("re-screen", f"{rescreen_seconds:.2f} s (target < 10 s)"),
            (
                "  of which",
                ", ".join(f"{k} {v:.2f} s" for k, v in run.detail.get("timings", {}).items()),
            ),
            ("alerts", run.alerts),
            ("alerts on planted customers", f"{len(hits)} of {len(planted)} planted"),
            ("precision (customers alerted)", f"{precision:.3f}"),
            (
                "precision (customer, entity) pairs",
                f"{len(pair_hits) / len(found) if found else 0.0:.3f}",
            ),
            ("recall", f"{recall:.3f}"),
            ("alerts raised again (matched before the update)", len(known)),
            ("other alerts (not planted, no earlier match)", len(unexpected)),
            (
                "exactly the affected customers",
                "yes" if not unexpected and not set(planted) - keys else "no",
            ),
            ("peak RSS", f"{peak_rss_mib():,.0f} MiB (screening workers: {child_rss():,.0f} MiB)"),
        ]
        db.dispose()
    table = Table("measure", "value", title="Re-screening benchmark")
    for label, value in rows:
        table.add_row(label, str(value))
    Console().print(table)
    if unexpected:
        Console().print(f"other alerts (first 10): {', '.join(sorted(unexpected)[:10])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
