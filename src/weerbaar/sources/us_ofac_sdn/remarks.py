"""The OFAC remarks grammar: ``;``-separated clauses, each read into a ``Fact``.

The legacy CSV packs nearly everything into its ``Remarks`` column::

    DOB 21 Jan 1971; alt. DOB 1972; POB Roubaix, France; nationality Niger;
    Passport 123 (Niger) issued 01 Jan 2010; a.k.a. 'ABU-'UMAR'; Linked To: X.

The XML ``idList`` carries the same labels (``idType``), so it is read with
the same table (see ``id_clause``). A fact names the followthemoney property it
belongs to; the parser decides whether the target's schema has it and falls
back to ``notes`` when not, so nothing is lost. Unknown clauses become notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from weerbaar.core.countries import country_code

#: Fact kinds: how the parser applies the value.
NAME = "name"  # alias / weakAlias / previousName
DATE = "date"  # parsed with core.dates
COUNTRY = "country"  # a country name
PLACE = "place"  # a place of birth ("City, Country")
GENDER = "gender"
TEXT = "text"  # a plain value
ID = "id"  # an identifier with optional country, issue and expiry date
DOC = "doc"  # an identity document (an Identification entity is made for it)
IMO = "imo"  # an IMO number (ship or company)
SANCTION = "sanction"  # a date of the sanction (listingDate, startDate)
WALLET = "wallet"  # a digital currency address; label holds the currency
NOTE = "note"  # anything else, kept as written


@dataclass(frozen=True)
class Fact:
    """One clause of the remarks, read."""

    kind: str
    prop: str
    value: str
    text: str  # the clause as written (without "alt.")
    label: str = ""
    country: str | None = None
    issued: str | None = None
    expires: str | None = None


# label as written -> (kind, property). Matched at the start of a clause,
# longest label first, case-insensitively, after an optional "alt.".
LABELS: dict[str, tuple[str, str]] = {
    "DOB": (DATE, "birthDate"),
    "Organization Established Date": (DATE, "incorporationDate"),
    "Aircraft Manufacture Date": (DATE, "buildDate"),
    "Vessel Year of Build": (DATE, "buildDate"),
    "POB": (PLACE, "birthPlace"),
    "nationality": (COUNTRY, "nationality"),
    "citizen": (COUNTRY, "citizenship"),
    "Nationality of Registration": (COUNTRY, "country"),
    "Former Vessel Flag": (COUNTRY, "pastFlags"),
    "Other Vessel Flag": (COUNTRY, "flag"),
    "Gender": (GENDER, "gender"),
    "Website": (TEXT, "website"),
    "Email Address": (TEXT, "email"),
    "Email": (TEXT, "email"),
    "Phone Number": (TEXT, "phone"),
    "Phone": (TEXT, "phone"),
    "Telephone": (TEXT, "phone"),
    "Telephone No.": (TEXT, "phone"),
    "Fax": (TEXT, "phone"),
    "Fax No.": (TEXT, "phone"),
    "Target Type": (TEXT, "classification"),
    "Organization Type": (TEXT, "sector"),
    "Aircraft Model": (TEXT, "model"),
    "Aircraft Manufacturer": (TEXT, "manufacturer"),
    "Aircraft Manufacturer's Serial Number (MSN)": (TEXT, "serialNumber"),
    "Aircraft Construction Number (also called L/N or S/N or F/N)": (TEXT, "serialNumber"),
    "Aircraft Serial Identification": (TEXT, "serialNumber"),
    "Aircraft Tail Number": (TEXT, "registrationNumber"),
    "Previous Aircraft Tail Number": (TEXT, "registrationNumber"),
    "Other Vessel Call Sign": (TEXT, "callSign"),
    "Other Vessel Type": (TEXT, "type"),
    "MMSI": (TEXT, "mmsi"),
    "Equity Ticker": (TEXT, "ticker"),
    "Vessel Registration Identification": (IMO, "imoNumber"),
    "Listing Date": (SANCTION, "listingDate"),
    "Effective Date": (SANCTION, "startDate"),
    "Digital Currency Address": (WALLET, "cryptoWallets"),
    # identity documents
    "Passport": (DOC, "passportNumber"),
    "Passport No.": (DOC, "passportNumber"),
    "Diplomatic Passport": (DOC, "passportNumber"),
    "Passport Booklet": (DOC, "passportNumber"),
    "Travel Document Number": (DOC, "passportNumber"),
    "National ID No.": (DOC, "idNumber"),
    "Cedula No.": (DOC, "idNumber"),
    "D.N.I.": (DOC, "idNumber"),
    "C.U.R.P.": (DOC, "idNumber"),
    "Identification Number": (DOC, "idNumber"),
    "Personal ID Card": (DOC, "idNumber"),
    "Kenyan ID No.": (DOC, "idNumber"),
    "Turkish Identification Number": (DOC, "idNumber"),
    "National Foreign ID Number": (DOC, "idNumber"),
    "Numero de Identidad": (DOC, "idNumber"),
    "C.U.I.": (DOC, "idNumber"),
    "Credencial electoral": (DOC, "idNumber"),
    "Electoral Registry No.": (DOC, "idNumber"),
    "I.F.E.": (DOC, "idNumber"),
    "Birth Certificate Number": (DOC, "idNumber"),
    "Residency Number": (DOC, "idNumber"),
    "Driver's License No.": (DOC, "idNumber"),
    "Citizen's Card Number": (DOC, "idNumber"),
    "Cartilla de Servicio Militar Nacional": (DOC, "idNumber"),
    "SSN": (DOC, "socialSecurityNumber"),
    # tax, registry and bank codes
    "Tax ID No.": (ID, "taxNumber"),
    "R.F.C.": (ID, "taxNumber"),
    "RFC": (ID, "taxNumber"),
    "C.U.I.T.": (ID, "taxNumber"),
    "RTN": (ID, "taxNumber"),
    "NIT #": (ID, "taxNumber"),
    "Italian Fiscal Code": (ID, "taxNumber"),
    "Fiscal Code": (ID, "taxNumber"),
    "RUC #": (ID, "taxNumber"),
    "RIF #": (ID, "taxNumber"),
    "US FEIN": (ID, "taxNumber"),
    "V.A.T. Number": (ID, "vatCode"),
    "Registration Number": (ID, "registrationNumber"),
    "Registration ID": (ID, "registrationNumber"),
    "Business Registration Number": (ID, "registrationNumber"),
    "Public Registration Number": (ID, "registrationNumber"),
    "Company Number": (ID, "registrationNumber"),
    "UK Company Number": (ID, "registrationNumber"),
    "Commercial Registry Number": (ID, "registrationNumber"),
    "Business Registration Document #": (ID, "registrationNumber"),
    "Chamber of Commerce Number": (ID, "registrationNumber"),
    "Istanbul Chamber of Comm. No.": (ID, "registrationNumber"),
    "Dubai Chamber of Commerce Membership No.": (ID, "registrationNumber"),
    "Trade License No.": (ID, "registrationNumber"),
    "C.R. No.": (ID, "registrationNumber"),
    "Certificate of Incorporation Number": (ID, "registrationNumber"),
    "Folio Mercantil No.": (ID, "registrationNumber"),
    "Matricula Mercantil No": (ID, "registrationNumber"),
    "Enterprise Number": (ID, "registrationNumber"),
    "Branch Unit Number": (ID, "registrationNumber"),
    "Central Registration System Number": (ID, "registrationNumber"),
    "Economic Register Number (CBLS)": (ID, "registrationNumber"),
    "Registered Charity No.": (ID, "registrationNumber"),
    "Business Number": (ID, "registrationNumber"),
    "LE Number": (ID, "registrationNumber"),
    "Permit Number": (ID, "registrationNumber"),
    "Government Gazette Number": (ID, "registrationNumber"),  # OKPO for Russia
    "License": (ID, "licenseNumber"),
    "Unified Social Credit Code (USCC)": (ID, "uscCode"),
    "United Social Credit Code Certificate (USCCC)": (ID, "uscCode"),
    "Legal Entity Number": (ID, "leiCode"),
    "SWIFT/BIC": (ID, "swiftBic"),
    "D-U-N-S Number": (ID, "dunsCode"),
    "BIK (RU)": (ID, "bikCode"),
    "ISIN": (ID, "isinCode"),
    # kept whole as notes, listed so the generic identifier rule leaves them alone
    "Linked To": (NOTE, "notes"),
    "Aircraft Operator": (NOTE, "notes"),
    "Aircraft Mode S Transponder Code": (NOTE, "notes"),
    "Chinese Commercial Code": (NOTE, "notes"),
    "Issuer Name": (NOTE, "notes"),
}
_BY_LABEL = {k.lower(): v for k, v in LABELS.items()}
#: Labels by their first word, longest first: a cheap way to find a clause's label.
_BY_FIRST_WORD: dict[str, list[str]] = {}
for _label in sorted(_BY_LABEL, key=len, reverse=True):
    _BY_FIRST_WORD.setdefault(_label.split()[0], []).append(_label)
_FIRST_WORD = re.compile(r"^[^\s:]+")
_AFTER_LABEL = re.compile(r"^\s*:?\s*")
#: Any other "<Label> No./Number/ID/Code/# <value>" clause is an identifier.
_GENERIC_ID = re.compile(
    r"^(?P<label>[A-Z][\w.'/&() -]{0,60}?(?:\b(?:No\.?|Number|ID|Code)|\s?#))\s*:?\s+"
    r"(?P<rest>[A-Z0-9][^:]*)$"
)
_ALT = re.compile(r"^alt\.\s+", re.I)
_NAME = re.compile(r"^(?P<kind>[afn])\.k\.a\.,?\s*(?P<rest>.*)$", re.I | re.S)
_QUOTED = re.compile(r"^'(.*)'$", re.S)
_ID_REST = re.compile(
    r"^(?P<number>.+?)(?:\s*\((?P<country>[^()]+)\))?"
    r"(?:,?\s+issued\s+(?P<issued>.+?))?(?:,?\s+expires?\s+(?P<expires>.+?))?$",
    re.S,
)
_IMO = re.compile(r"^IMO\s*(\d{7})\b", re.I)
_DATE_AFTER_LABEL = re.compile(r"^(?:\([^()]*\))?\s*:?\s*(?P<date>.*)$")
_WALLET = re.compile(r"^-?\s*(?P<currency>[A-Z0-9]{2,6})\s+(?P<address>\S+)$")
NAME_PROPS = {"a": "alias", "f": "previousName", "n": "alias"}


def split_clauses(remarks: str | None) -> list[str]:
    """The `;`-separated clauses of a remarks field (whitespace normalised)."""
    if not remarks:
        return []
    text = " ".join(remarks.split())
    return [c.strip() for c in text.split(";") if c.strip() and c.strip() != "-0-"]


def parse_remarks(remarks: str | None) -> list[Fact]:
    return [parse_clause(clause) for clause in split_clauses(remarks)]


@lru_cache(maxsize=65536)
def parse_clause(clause: str) -> Fact:
    """Read one clause (``alt. Passport 123 (Iran)``, ``a.k.a. 'X'``, ...)."""
    text = _ALT.sub("", " ".join(clause.split()))
    if m := _NAME.match(text):
        return _name(m.group("kind").lower(), m.group("rest"), text)
    if text.endswith("."):
        text = text[:-1].rstrip()
    if text.startswith("(") and text.endswith(")") and "(" not in text[1:-1]:
        text = text[1:-1].strip().removesuffix(".")  # the XML writes "(Linked To: X.)"
    if found := match_label(text):
        label, rest = found
        kind, prop = _BY_LABEL[label.lower()]
        fact = _labelled(kind, prop, label, rest, text)
    elif (m := _GENERIC_ID.match(text)) and not text.lower().startswith("executive order"):
        fact = _labelled(DOC, "idNumber", m.group("label"), m.group("rest").strip(), text)
    else:
        fact = Fact(NOTE, "notes", text, text)
    return fact


def match_label(text: str) -> tuple[str, str] | None:
    """The known label a clause starts with (as written) and the rest of the clause."""
    first = _FIRST_WORD.match(text)
    if first is None:
        return None
    lower = text.lower()
    for label in _BY_FIRST_WORD.get(first.group(0).lower(), ()):
        if lower.startswith(label):
            after = text[len(label) :]
            if after[:1].isalnum() or after[:1] in ("'", "_"):
                continue  # "citizen" must not match "Citizen's Card Number"
            return text[: len(label)], _AFTER_LABEL.sub("", after, count=1).strip()
    return None


def id_clause(
    id_type: str,
    number: str | None,
    country: str | None = None,
    issued: str | None = None,
    expires: str | None = None,
) -> str:
    """Write an XML ``idList/id`` as the remarks clause the CSV would carry."""
    parts = [" ".join(id_type.split()), " ".join((number or "").split())]
    if country:
        parts.append(f"({country})")
    if issued:
        parts.append(f"issued {issued}")
    if expires:
        parts.append(f"expires {expires}")
    return " ".join(p for p in parts if p)


def _name(kind: str, rest: str, text: str) -> Fact:
    rest = rest.strip()
    if rest.endswith("'.") or (rest.endswith(".") and not rest.startswith("'")):
        rest = rest[:-1]
    if m := _QUOTED.match(rest):
        rest = m.group(1)
    elif rest.startswith("'"):  # cut off: the closing quote is in the overflow file
        rest = rest[1:]
    return Fact(NAME, NAME_PROPS[kind], rest.strip(), text, label=f"{kind}.k.a.")


def _labelled(kind: str, prop: str, label: str, rest: str, text: str) -> Fact:
    if kind == NOTE:
        return Fact(NOTE, "notes", text, text, label=label)
    if kind == SANCTION:
        m = _DATE_AFTER_LABEL.match(rest)
        return Fact(SANCTION, prop, (m.group("date") if m else rest).strip(), text, label=label)
    if kind == WALLET:
        m = _WALLET.match(rest)
        if m is None:
            return Fact(NOTE, "notes", text, text, label=label)
        return Fact(WALLET, prop, m.group("address"), text, label=m.group("currency"))
    if kind == GENDER:
        value = rest.lower()
        if value not in ("male", "female"):
            return Fact(NOTE, "notes", text, text, label=label)
        return Fact(GENDER, prop, value, text, label=label)
    if kind in (ID, DOC, IMO):
        return _identifier(kind, prop, label, rest, text)
    if not rest:
        return Fact(NOTE, "notes", text, text, label=label)
    return Fact(kind, prop, rest, text, label=label)


def _identifier(kind: str, prop: str, label: str, rest: str, text: str) -> Fact:
    m = _ID_REST.match(rest)
    if m is None or not rest:
        return Fact(NOTE, "notes", text, text, label=label)
    number = m.group("number").strip().rstrip(",")
    country = m.group("country")
    if country is not None and country_code(country) is None:
        number, country = f"{number} ({country})", None
    if imo := _IMO.match(number):
        return Fact(IMO, "imoNumber", f"IMO{imo.group(1)}", text, label=label, country=country)
    if kind == IMO:  # "Vessel Registration Identification RS 123": not an IMO number
        kind, prop = ID, "registrationNumber"
    return Fact(
        kind,
        prop,
        number,
        text,
        label=label,
        country=country,
        issued=m.group("issued"),
        expires=m.group("expires"),
    )
