"""A home holding the UN fixture list, its application database, and list versions to derive.

Customer books are small invented CSV files written by each test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import FIXTURES
from weerbaar.accounts import Principal, create_user
from weerbaar.core.settings import Settings
from weerbaar.db import Database
from weerbaar.lists import Lists

UN = FIXTURES / "un_sc" / "un_consolidated.xml"

Edit = Callable[[etree._Element], None]


def un_version(dest: Path, date: str, *edits: Edit) -> Path:
    """A later UN list: the fixture list, re-dated, with ``edits`` applied to its root."""
    tree = etree.parse(str(UN))
    root = tree.getroot()
    root.set("dateGenerated", f"{date}T00:00:00.000Z")
    for edit in edits:
        edit(root)
    tree.write(str(dest), xml_declaration=True, encoding="UTF-8")
    return dest


def individual(root: etree._Element, dataid: str) -> etree._Element:
    return next(i for i in root.find("INDIVIDUALS") if i.findtext("DATAID") == dataid)


def add_alias(dataid: str, alias: str) -> Edit:
    def edit(root: etree._Element) -> None:
        node = etree.SubElement(individual(root, dataid), "INDIVIDUAL_ALIAS")
        etree.SubElement(node, "QUALITY").text = "Good"
        etree.SubElement(node, "ALIAS_NAME").text = alias

    return edit


def drop_birth_date(dataid: str) -> Edit:
    def edit(root: etree._Element) -> None:
        person = individual(root, dataid)
        for node in person.findall("INDIVIDUAL_DATE_OF_BIRTH"):
            person.remove(node)

    return edit


def drop_individual(dataid: str) -> Edit:
    def edit(root: etree._Element) -> None:
        root.find("INDIVIDUALS").remove(individual(root, dataid))

    return edit


def add_individual(dataid: str, first: str, second: str) -> Edit:
    def edit(root: etree._Element) -> None:
        new = etree.SubElement(root.find("INDIVIDUALS"), "INDIVIDUAL")
        etree.SubElement(new, "DATAID").text = dataid
        etree.SubElement(new, "FIRST_NAME").text = first
        etree.SubElement(new, "SECOND_NAME").text = second
        etree.SubElement(new, "REFERENCE_NUMBER").text = f"KPi.{dataid[-3:]}"

    return edit


def write_book(path: Path, rows: list[str], header: str = "klantnummer;naam;geboortedatum") -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def un_home(home: Path) -> Settings:
    """A fresh home holding version 1 of the UN fixture list (dated 2026-03-01)."""
    settings = Settings(home=home)
    with Lists(settings) as lists:
        lists.import_paths([UN])
    return settings


@pytest.fixture()
def db(un_home: Settings) -> Iterator[Database]:
    database = Database.open(un_home)
    yield database
    database.dispose()


@pytest.fixture()
def analyst(db: Database) -> Principal:
    with db.session() as s:
        user = create_user(s, "analyst@example.org", "analyst")
        return Principal(user.id, user.email, user.role, user.language)


def import_version(settings: Settings, path: Path) -> None:
    with Lists(settings) as lists:
        lists.import_paths([path])
