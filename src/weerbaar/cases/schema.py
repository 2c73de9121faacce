"""The report formats: pydantic models, and the JSON Schema published from them.

    parse_report(data)  -> FreezeReport | ViolationReport | UpdateReport | ReplyReport
    json_schema()       -> the JSON Schema (with ``examples``) served at
                           GET /api/v1/reports/schema

Every text field refuses control characters and markup (``<script>``,
``<img ...>``): reports are read by people in a browser and exported to other
systems, so nothing that looks like HTML is stored. Amounts are decimal
numbers (or strings) with at most 18 digits; currencies ISO 4217 codes.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
)

_MARKUP = re.compile(r"<\s*[A-Za-z/!?]|javascript:", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _plain(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError("must not contain control characters")
    if _MARKUP.search(value):
        raise ValueError("must not contain HTML or script markup (such as <script>)")
    return value


def _limits(max_length: int, min_length: int = 0) -> StringConstraints:
    return StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length)


Name = Annotated[str, _limits(300, 1), AfterValidator(_plain)]
Short = Annotated[str, _limits(200), AfterValidator(_plain)]
Long = Annotated[str, _limits(10_000), AfterValidator(_plain)]
Story = Annotated[str, _limits(20_000, 1), AfterValidator(_plain)]
Amount = Annotated[Decimal, Field(ge=0, max_digits=18, decimal_places=8)]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Country = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2}$")]
IsoDate = Annotated[date, Field(ge=date(1900, 1, 1), le=date(2100, 12, 31))]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


PartyType = Literal["person", "company", "organization", "vessel", "other"]
Relation = Literal[
    "customer", "beneficial_owner", "counterparty", "representative", "owner", "other"
]
AssetType = Literal[
    "bank_account", "securities", "funds", "real_estate", "vehicle", "vessel", "aircraft",
    "crypto", "safe_deposit", "insurance", "other",
]  # fmt: skip


class Party(_Strict):
    """A person, company, organisation or vessel the report is about."""

    name: Name = Field(description="Full name as known to the reporter.")
    type: PartyType = "other"
    birth_date: Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] | None = (
        Field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD (persons).")
    )
    country: Country | None = Field(default=None, description="ISO 3166-1 alpha-2 code.")
    identifiers: list[Short] = Field(
        default_factory=list, max_length=20, description="Passport, registration, IMO..."
    )
    list_entity_id: Short | None = Field(
        default=None, description="The list entity id, if the reporter knows it."
    )


class Asset(_Strict):
    type: AssetType
    identifier: Name = Field(description="IBAN, account, ISIN, land registry, IMO, wallet...")
    description: Long = ""


class LegalBasis(_Strict):
    regime: Name = Field(description="The sanctions regime, e.g. 'RUS' or 'EU 269/2014'.")
    instrument: Short = Field(default="", description="The regulation or decision.")


class FreezeReport(_Strict):
    """Assets the reporter froze."""

    kind: Literal["freeze"]
    reference: Short = Field(default="", description="The reporter's own reference.")
    party: Party
    relation: Relation = Field(description="The listed party's relation to the reporter.")
    asset: Asset
    amount: Amount
    currency: Currency
    date_frozen: IsoDate
    legal_basis: LegalBasis
    notes: Long = ""


class Vessel(_Strict):
    name: Name
    imo: Annotated[str, StringConstraints(pattern=r"^(IMO)?\s?\d{7}$")] | None = None
    flag: Country | None = None


class Transaction(_Strict):
    date: IsoDate | None = None
    amount: Amount | None = None
    currency: Currency | None = None
    description: Long = ""


class ViolationReport(_Strict):
    """Suspected circumvention or violation of sanctions."""

    kind: Literal["violation"]
    reference: Short = ""
    parties: list[Party] = Field(min_length=1, max_length=50)
    description: Story
    goods: list[Short] = Field(default_factory=list, max_length=100)
    transactions: list[Transaction] = Field(default_factory=list, max_length=200)
    vessels: list[Vessel] = Field(default_factory=list, max_length=50)


class FreezeCorrection(_Strict):
    amount: Amount
    currency: Currency
    date_frozen: IsoDate | None = None


class UpdateReport(_Strict):
    """New facts about an earlier report of the same organisation."""

    kind: Literal["update"]
    report: Annotated[int, Field(ge=1, le=2**31 - 1)] | Short = Field(
        description="The earlier report: its id or its receipt."
    )
    description: Story
    freeze: FreezeCorrection | None = Field(
        default=None, description="The corrected amount still frozen, if it changed."
    )


class ReplyReport(_Strict):
    """An answer to a question the office asked."""

    kind: Literal["reply"]
    question: Annotated[int, Field(ge=1, le=2**31 - 1)] = Field(description="The question's id.")
    text: Story


AnyReport = Annotated[
    FreezeReport | ViolationReport | UpdateReport | ReplyReport, Field(discriminator="kind")
]
_ADAPTER: TypeAdapter[Any] = TypeAdapter(AnyReport)

EXAMPLE_FREEZE: dict[str, Any] = {
    "kind": "freeze",
    "reference": "FRZ-2026-0042",
    "party": {
        "name": "Ivan Petrovich Sidorov",
        "type": "person",
        "birth_date": "1961-04-12",
        "country": "RU",
    },
    "relation": "customer",
    "asset": {"type": "bank_account", "identifier": "NL91ABNA0417164300"},
    "amount": "125000.00",
    "currency": "EUR",
    "date_frozen": "2026-11-02",
    "legal_basis": {"regime": "RUS", "instrument": "Council Regulation (EU) No 269/2014"},
}
EXAMPLE_VIOLATION: dict[str, Any] = {
    "kind": "violation",
    "parties": [{"name": "Oceanic Shipping LLC", "type": "company", "country": "AE"}],
    "description": "Ship-to-ship transfer of crude oil near Kalamata, paperwork shows a "
    "false origin.",
    "goods": ["crude oil"],
    "vessels": [{"name": "Sea Breeze", "imo": "9123456"}],
}


def parse_report(data: Any) -> FreezeReport | ViolationReport | UpdateReport | ReplyReport:
    """The validated report; raises pydantic's ValidationError with field paths."""
    parsed: FreezeReport | ViolationReport | UpdateReport | ReplyReport = _ADAPTER.validate_python(
        data
    )
    return parsed


def json_schema() -> dict[str, Any]:
    schema: dict[str, Any] = _ADAPTER.json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Report to the Central Sanctions Reporting Office"
    schema["examples"] = [EXAMPLE_FREEZE, EXAMPLE_VIOLATION]
    return schema
