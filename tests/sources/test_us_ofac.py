from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.fixtures.generators import us_ofac_cons as cons_fx
from tests.fixtures.generators import us_ofac_sdn as sdn_fx
from tests.fixtures.generators.cast import KIM, TANKER, TRADER
from tests.sources.helpers import entity, parse_files, sanction_of, target_counts
from weerbaar.core.errors import EncodingError, InputError, ParseError
from weerbaar.sources.base import Context, Sniff
from weerbaar.sources.detect import detect, plan
from weerbaar.sources.registry import load_registry
from weerbaar.sources.us_ofac_sdn import remarks as rm
from weerbaar.sources.us_ofac_sdn.parse import choose_source, date_wording, place_country

OFAC = "sanctions/ofac"
SDN_CSV = f"{OFAC}/ofac_sdn_2024-05-03.csv"
CONS_XML = f"{OFAC}/ofac_consolidated_nonsdn_2026-01-08.xml"
CONS_CSV = [f"{OFAC}/ofac_cons_{k}_2025-12-19.csv" for k in ("prim", "add", "alt", "comments")]
SDN_PARTS_2025 = [f"{OFAC}/ofac_sdn_{k}_2025-12-24.csv" for k in ("add", "alt", "comments")]
SDN_FX = FIXTURES / "us_ofac_sdn"
CONS_FX = FIXTURES / "us_ofac_cons" / "cons.xml"


def holdings(ctx: Context, entity_id: str, schema: str) -> list[dict[str, list[str]]]:
    return [
        e.to_dict()["properties"]
        for e in ctx.entities.values()
        if e.schema.name == schema and entity_id in e.get("holder")
    ]


# -- shared data: the real OFAC files ---------------------------------------------
@pytest.fixture(scope="module")
def sdn_csv(shared: Path) -> Context:
    return parse_files(shared / SDN_CSV)


def test_sdn_csv_counts_match_manifest(sdn_csv: Context) -> None:
    counts = target_counts(sdn_csv)
    assert len(sdn_csv.targets) == 14965
    assert counts["Person"] == 6854
    assert counts["Vessel"] == 851
    assert counts["Airplane"] == 376
    # "-0-" (entity) rows; those with a company IMO number are Companies (imoNumber)
    assert counts["LegalEntity"] + counts["Company"] == 6884
    assert counts["Company"] == 135
    assert sdn_csv.spec.id == "us_ofac_sdn"
    assert sdn_csv.list_date == "2024-05-03"


def test_sdn_csv_imo_numbers_from_remarks(sdn_csv: Context) -> None:
    ebano = entity(sdn_csv, "ofac-4243")
    assert ebano["imoNumber"] == ["IMO7406784"]
    assert sorted(ebano["previousName"]) == ["ANA I", "SAND SWAN"]
    assert ebano["flag"] == ["pa"]
    assert ebano["type"] == ["General Cargo"]
    with_imo = [t for t in sdn_csv.targets if sdn_csv.entities[t].get("imoNumber", quiet=True)]
    # 996 rows mention "IMO": 844 vessels and 135 ship owners carry a number;
    # the rest are persons (no imoNumber property) or mentions without a number
    assert len(with_imo) == 979
    vessels_with_imo = [t for t in with_imo if sdn_csv.entities[t].schema.name == "Vessel"]
    assert len(vessels_with_imo) == 844


def test_sdn_csv_person_remarks(sdn_csv: Context) -> None:
    person = entity(sdn_csv, "ofac-6905")
    assert person["lastName"] == ["HUSAYN"]
    assert person["firstName"] == ["Zayn al-Abidin Muhammad"]
    assert person["birthDate"] == ["1971-03-12"]
    assert person["birthCountry"] == ["sa"]
    assert person["nationality"] == ["ps"]
    assert person["passportNumber"] == ["484824"]
    assert sorted(person["alias"]) == ["ABU ZUBAIDA", "ABU ZUBAYDAH"]
    (passport,) = holdings(sdn_csv, "ofac-6905", "Passport")
    assert passport["country"] == ["eg"]
    assert passport["startDate"] == ["1984-01-18"]
    assert sanction_of(sdn_csv, "ofac-6905")["program"] == ["SDGT"]


def test_sdn_csv_aircraft(sdn_csv: Context) -> None:
    plane = entity(sdn_csv, "ofac-15431")
    assert plane["model"] == ["IL76-TD"]
    assert sorted(plane["serialNumber"]) == ["1023409321", "8401"]
    assert plane["buildDate"] == ["1992"]
    assert "Linked To: POUYA AIR" in plane["notes"]


def test_cons_xml_counts_and_date(shared: Path) -> None:
    ctx = parse_files(shared / CONS_XML)
    counts = target_counts(ctx)
    assert len(ctx.targets) == 442
    assert counts["LegalEntity"] == 363
    assert counts["Person"] == 79
    assert ctx.list_date == "2026-01-08"
    assert ctx.spec.id == "us_ofac_cons"
    bank = entity(ctx, "ofac-cons-17016")
    assert bank["innCode"] == ["7744001497"]
    assert bank["ogrnCode"] == ["1027700167110"]
    assert bank["leiCode"] == ["253400WSS48YWMBUA688"]
    assert "GAZPROMBANK OPEN JOINT STOCK COMPANY" in bank["previousName"]
    sanction = sanction_of(ctx, "ofac-cons-17016")
    assert sorted(sanction["program"]) == ["RUSSIA-EO14024", "UKRAINE-EO13662"]
    assert sanction["listingDate"] == ["2022-02-24"]
    assert sanction["sourceUrl"][0].endswith("CONSOLIDATED.XML")


def test_cons_csv_set_with_parts(shared: Path) -> None:
    ctx = parse_files(*(shared / p for p in CONS_CSV))
    assert len(ctx.targets) == 442
    assert ctx.spec.id == "us_ofac_cons"
    assert ctx.list_date == "2025-12-19"
    assert not ctx.warnings
    # the Tax ID is only in cons_comments.csv (the remarks overflow)
    bank = entity(ctx, "ofac-cons-17016")
    assert bank["taxNumber"] == ["7744001497"]
    assert bank["innCode"] == ["7744001497"]
    # the main file cuts "Registration Numbe", the overflow goes on "r 1027700342890"
    assert entity(ctx, "ofac-cons-17014")["ogrnCode"] == ["1027700342890"]
    assert "16 Nametkina Street, Bldg. 1, Moscow 117420, Russia" in bank["address"]
    assert "BANK GPB JSC" in bank["alias"]
    assert sorted(entity(ctx, "ofac-cons-9639")["alias"]) == ["HANIYA, Ismail", "HANIYYA, Ismaeel"]


def test_cons_csv_and_xml_list_the_same_targets(shared: Path) -> None:
    xml = parse_files(shared / CONS_XML)
    csv_set = parse_files(*(shared / p for p in CONS_CSV))
    assert xml.targets == csv_set.targets
    for eid in ("ofac-cons-17016", "ofac-cons-9639"):
        assert entity(xml, eid)["name"] == entity(csv_set, eid)["name"]


def test_newer_sdn_parts_with_older_main_warn_on_orphans(shared: Path) -> None:
    ctx = parse_files(shared / SDN_CSV, *(shared / p for p in SDN_PARTS_2025))
    assert len(ctx.targets) == 14965
    orphans = {m: n for m, n in ctx.warnings.items() if "not in ofac_sdn_2024-05-03.csv" in m}
    assert len(orphans) == 3
    assert all(n > 0 for n in orphans.values())
    assert "NATIONAL BANK OF CUBA" in entity(ctx, "ofac-306")["alias"]
    assert "Havana, Cuba" in entity(ctx, "ofac-36")["address"]


# -- fixtures ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def sdn_fixture() -> Context:
    return parse_files(*sorted(SDN_FX.iterdir()))


def test_fixture_files_are_legacy_layout() -> None:
    data = (SDN_FX / "sdn.csv").read_bytes()
    assert data.endswith(b"\r\n\x1a")
    assert b"-0- ," in data
    assert not data.startswith(b"ent_num")


def test_fixture_formats_are_detected() -> None:
    registry = load_registry()
    names = {p.name: detect(Sniff(p), registry).name for p in SDN_FX.iterdir()}
    assert names == {
        "sdn.csv": "us_ofac_csv",
        "add.csv": "us_ofac_csv_add",
        "alt.csv": "us_ofac_csv_alt",
        "sdn_comments.csv": "us_ofac_csv_comments",
    }
    assert detect(Sniff(CONS_FX), registry).name == "us_ofac_xml"


def test_fixture_sdn_set(sdn_fixture: Context) -> None:
    ctx = sdn_fixture
    assert ctx.spec.id == "us_ofac_sdn"
    counts = target_counts(ctx)
    assert counts == {"Person": 2, "Vessel": 1, "Airplane": 1, "LegalEntity": 1, "Company": 1}
    warned = [m for m in ctx.warnings if "not in sdn.csv" in m]
    assert sorted(warned) == [
        "add.csv: row for an ent_num not in sdn.csv (skipped)",
        "alt.csv: row for an ent_num not in sdn.csv (skipped)",
    ]


def test_fixture_kim(sdn_fixture: Context) -> None:
    kim = entity(sdn_fixture, f"ofac-{KIM['ofac_ent_num']}")
    assert kim["name"] == ["KIM, Chol Ung"]
    assert kim["lastName"] == ["KIM"]
    assert kim["firstName"] == ["Chol Ung"]
    assert kim["passportNumber"] == [KIM["passport"]]
    assert kim["birthDate"] == [KIM["birth_date"]]
    assert kim["birthCountry"] == ["kp"]
    assert kim["nationality"] == ["kp"]
    assert kim["gender"] == ["male"]
    assert kim["position"] == ["Director, Fictional Trading Bureau"]
    assert sorted(kim["alias"]) == ["KIM, Chol-ung", KIM["good_alias"]]


def test_fixture_tanker(sdn_fixture: Context) -> None:
    tanker = entity(sdn_fixture, f"ofac-{TANKER['ofac_ent_num']}")
    assert tanker["imoNumber"] == [f"IMO{TANKER['imo']}"]
    assert tanker["mmsi"] == [TANKER["mmsi"]]
    assert tanker["flag"] == ["cm"]
    assert tanker["pastFlags"] == ["pa"]
    assert tanker["callSign"] == [TANKER["call_sign"]]
    assert tanker["previousName"] == [TANKER["former_name"]]  # from alt.csv (fka)
    assert tanker["tonnage"] == ["105000"]
    assert "Vessel owner: Fiction Shipmanagement Ltd" in tanker["notes"]


def test_fixture_trader_overflow_and_parts(sdn_fixture: Context) -> None:
    trader = entity(sdn_fixture, f"ofac-{TRADER['ofac_ent_num']}")
    assert trader["innCode"] == [TRADER["inn"]]
    assert trader["taxNumber"] == [TRADER["inn"]]
    # cut mid-word in sdn.csv, continued in sdn_comments.csv
    assert trader["ogrnCode"] == [TRADER["ogrn"]]
    assert trader["leiCode"] == ["25340012FICTION00017"]
    assert sorted(trader["alias"]) == ["NORTHERN FICTION TRADING JSC", TRADER["alias"]]
    assert "ul. Vymyshlennaya 1, Moscow 101000, Russia" in trader["address"]
    assert sorted(trader["country"]) == ["ae", "ru"]
    sanction = sanction_of(sdn_fixture, f"ofac-{TRADER['ofac_ent_num']}")
    assert sorted(sanction["program"]) == ["RUSSIA-EO14024", "UKRAINE-EO13662"]
    assert sanction["listingDate"] == ["2023-02-24"]
    assert sanction["startDate"] == ["2023-03-26"]
    assert sanction["authorityId"] == [TRADER["ofac_ent_num"]]


def test_fixture_aircraft(sdn_fixture: Context) -> None:
    plane = entity(sdn_fixture, f"ofac-{sdn_fx.AIRCRAFT_ENT}")
    assert plane["registrationNumber"] == ["EP-FIC"]
    assert plane["model"] == ["IL76-TD"]
    assert sorted(plane["serialNumber"]) == ["1099990001", "9911"]
    assert plane["buildDate"] == ["1999-06-01"]
    assert "Aircraft Operator FICTION AIR" in plane["notes"]


def test_fixture_several_birth_dates_and_documents(sdn_fixture: Context) -> None:
    eid = f"ofac-{sdn_fx.FAKEWI_ENT}"
    person = entity(sdn_fixture, eid)
    assert sorted(person["birthDate"]) == ["1960-02-01", "1962", "1965", "1970", "1971", "1972"]
    assert sorted(person["nationality"]) == ["sy", "tr"]
    assert sorted(person["alias"]) == ["ABU 'ABD", "ABU FAKE"]
    assert person["previousName"] == ["AL-FAKAWI, Mahmud"]
    assert person["lastName"] == ["AL-FAKEWI"]
    assert person["idNumber"] == ["0101010101"]
    assert "Phone Number 963110000000" in person["notes"]  # not a number FtM can read
    (passport,) = holdings(sdn_fixture, eid, "Passport")
    assert passport["number"] == ["N012345"]
    assert passport["startDate"] == ["2010-01-01"]
    assert passport["endDate"] == ["2015-12-31"]
    (wallet,) = holdings(sdn_fixture, eid, "CryptoWallet")
    assert wallet["currency"] == ["XBT"]


def test_fixture_ship_manager_with_company_imo_is_a_company(sdn_fixture: Context) -> None:
    company = sdn_fixture.entities[f"ofac-{sdn_fx.SHIPMANAGER_ENT}"]
    assert company.schema.name == "Company"
    assert company.get("imoNumber") == ["IMO5912345"]
    assert company.get("registrationNumber") == ["C 12345"]


def test_fixture_consolidated_xml() -> None:
    ctx = parse_files(CONS_FX)
    assert ctx.spec.id == "us_ofac_cons"
    assert ctx.list_date == "2026-03-05"  # Publish_Date 03/05/2026 is month first
    assert target_counts(ctx) == {"LegalEntity": 1, "Person": 1, "Vessel": 1}
    bank = entity(ctx, f"ofac-cons-{cons_fx.BANK_UID}")
    assert bank["innCode"] == ["7709876543"]
    assert bank["ogrnCode"] == ["1027700000028"]
    assert bank["swiftBic"] == ["FICTRUMM"]
    assert bank["alias"] == ["FEB JSC"]
    assert bank["weakAlias"] == ["FEB"]
    assert bank["previousName"] == ["FICTION GAS BANK OJSC"]
    assert "16 Fiction Street, Bldg. 1, Moscow 117420, Russia" in bank["address"]
    assert sorted(bank["country"]) == ["ps", "ru"]
    assert f"Linked To: {TRADER['name']}" in bank["notes"]
    assert sanction_of(ctx, f"ofac-cons-{cons_fx.BANK_UID}")["listingDate"] == ["2022-02-24"]
    person = entity(ctx, f"ofac-cons-{cons_fx.PERSON_UID}")
    assert person["name"] == ["VYMYSLOV, Ivan Petrovich"]
    assert sorted(person["birthDate"]) == ["1960", "1962", "1963", "1964", "1965-01-12"]
    assert person["weakAlias"] == ["VYMYSLOV, Vanya"]
    assert person["previousName"] == ["PRIDUMANOV, Ivan"]
    assert person["citizenship"] == ["cy"]
    assert person["birthCountry"] == ["ru"]
    assert person["position"] == ["Chairman of the Board, Fiction Energy Bank"]
    vessel = entity(ctx, f"ofac-cons-{cons_fx.VESSEL_UID}")
    assert vessel["imoNumber"] == [f"IMO{cons_fx.VESSEL_IMO}"]
    assert vessel["flag"] == ["ru"]
    assert vessel["callSign"] == ["UBFC3"]


def test_legacy_xml_namespace_is_read_and_named_sdn(tmp_path: Path) -> None:
    legacy = tmp_path / "sdn_legacy.xml"
    legacy.write_text(
        CONS_FX.read_text(encoding="utf-8").replace(cons_fx.NS, "http://tempuri.org/sdnList.xsd"),
        encoding="utf-8",
    )
    ctx = parse_files(legacy)
    assert ctx.spec.id == "us_ofac_sdn"
    assert len(ctx.targets) == 3
    assert entity(ctx, f"ofac-{cons_fx.BANK_UID}")["innCode"] == ["7709876543"]


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("SDN.XML", "us_ofac_sdn"),
        ("sdn.csv", "us_ofac_sdn"),
        ("CONSOLIDATED.XML", "us_ofac_cons"),
        ("cons_prim.csv", "us_ofac_cons"),
        ("ofac_nonsdn.xml", "us_ofac_cons"),
        ("OFAC_NON_SDN.xml", "us_ofac_cons"),
    ],
)
def test_choose_source_by_file_name(tmp_path: Path, name: str, source: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"x")
    assert choose_source(Sniff(path)) == source


# -- bad input ----------------------------------------------------------------------
def test_truncated_xml_names_file_and_line(tmp_path: Path) -> None:
    data = CONS_FX.read_bytes()
    cut = tmp_path / "cons_cut.xml"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ParseError) as err:
        parse_files(cut)
    assert "cons_cut.xml" in str(err.value)
    assert "line" in str(err.value)


def test_alt_file_without_its_main_file() -> None:
    with pytest.raises(InputError) as err:
        plan([SDN_FX / "alt.csv"], load_registry())
    assert "alt.csv" in str(err.value)
    assert "us_ofac_csv" in str(err.value)


def test_broken_quote_names_file_and_line(tmp_path: Path) -> None:
    lines = (SDN_FX / "sdn.csv").read_bytes().split(b"\r\n")
    lines[2] = lines[2].replace(b'"NORTHERN FICTION', b'"NORTHERN "FICTION', 1)
    bad = tmp_path / "sdn.csv"
    bad.write_bytes(b"\r\n".join(lines))
    with pytest.raises(ParseError) as err:
        parse_files(bad)
    assert "sdn.csv" in str(err.value)
    assert "line 3" in str(err.value)


def test_wrong_column_count_names_line(tmp_path: Path) -> None:
    lines = (SDN_FX / "sdn.csv").read_bytes().split(b"\r\n")
    lines[3] = lines[3].replace(b",-0- ", b"", 1)
    bad = tmp_path / "sdn.csv"
    bad.write_bytes(b"\r\n".join(lines))
    with pytest.raises(ParseError, match="line 4"):
        parse_files(bad)


def test_utf16_file_fails_with_encoding_error(tmp_path: Path) -> None:
    bad = tmp_path / "sdn.csv"
    bad.write_bytes((SDN_FX / "sdn.csv").read_text(encoding="ascii").encode("utf-16"))
    with pytest.raises(EncodingError) as err:
        parse_files(bad, format="us_ofac_csv")
    assert "sdn.csv" in str(err.value)
    assert "line 1" in str(err.value)


def test_binary_garbage_after_the_head_names_line(tmp_path: Path) -> None:
    good = (SDN_FX / "sdn.csv").read_bytes()[:-1]  # six rows, without the Ctrl-Z
    filler = b"".join(
        b'%d,"FILLER %d",-0- ,"SDGT"' % (91000 + i, i) + b",-0- " * 8 + b"\r\n" for i in range(100)
    )  # past the 4 KiB that detection looks at
    bad = tmp_path / "sdn.csv"
    bad.write_bytes(good + filler + b"90008,\x00\x01\x02\r\n\x1a")
    with pytest.raises(EncodingError, match="line 107"):
        parse_files(bad)


def test_cp1252_byte_is_accepted(tmp_path: Path) -> None:
    good = (SDN_FX / "sdn.csv").read_bytes()
    path = tmp_path / "sdn.csv"
    path.write_bytes(good.replace(b'EP-FIC"', b'EP-FIC \xe9"', 1))
    ctx = parse_files(path)
    assert entity(ctx, f"ofac-{sdn_fx.AIRCRAFT_ENT}")["name"] == ["EP-FIC é"]


# -- the remarks grammar --------------------------------------------------------------
def clause(text: str) -> rm.Fact:
    return rm.parse_clause(text)


def test_remarks_split_and_final_full_stop() -> None:
    facts = rm.parse_remarks(
        "DOB 1984; POB Niger; nationality Niger; a.k.a. 'X'; "
        "Vessel Registration Identification IMO 9179842."
    )
    assert [(f.kind, f.value) for f in facts] == [
        ("date", "1984"),
        ("place", "Niger"),
        ("country", "Niger"),
        ("name", "X"),
        ("imo", "IMO9179842"),
    ]
    assert rm.parse_remarks(None) == []
    assert rm.parse_remarks("-0- ") == []


def test_remarks_birth_dates() -> None:
    assert clause("DOB 21 Jan 1971") == rm.Fact(
        "date", "birthDate", "21 Jan 1971", "DOB 21 Jan 1971", label="DOB"
    )
    assert clause("alt. DOB circa 1951").value == "circa 1951"
    assert clause("DOB 1960 to 1965").value == "1960 to 1965"
    assert clause("DOB Jan 12, 1965.").value == "Jan 12, 1965"
    assert date_wording("01 Jan 1961 to 31 Dec 1963") == "1961 to 1963"
    assert date_wording("12 Jan 1965") == "12 Jan 1965"


def test_remarks_places_and_countries() -> None:
    pob = clause("POB Roubaix, France")
    assert (pob.kind, pob.prop, pob.value) == ("place", "birthPlace", "Roubaix, France")
    assert place_country("Roubaix, France") == "fr"
    assert place_country("Pyongyang, Korea, North") == "kp"
    assert place_country("Shati") is None  # a town is not fuzzily read as a country
    nat = clause("nationality Congo, Democratic Republic of the.")
    assert (nat.kind, nat.prop, nat.value) == (
        "country",
        "nationality",
        "Congo, Democratic Republic of the",
    )
    assert clause("alt. citizen Pakistan").prop == "citizenship"
    assert clause("Nationality of Registration Russia").prop == "country"
    assert clause("Former Vessel Flag Tanzania").prop == "pastFlags"


def test_remarks_passports_and_documents() -> None:
    p = clause("Passport L 191609 (Lebanon) issued 28 Feb 1996 expires 27 Feb 2001")
    assert (p.kind, p.prop, p.value, p.country) == ("doc", "passportNumber", "L 191609", "Lebanon")
    assert (p.issued, p.expires) == ("28 Feb 1996", "27 Feb 2001")
    assert clause("alt. Passport RL 1794375 (Lebanon).").value == "RL 1794375"
    assert clause("Passport No. 12345").prop == "passportNumber"
    assert clause("Diplomatic Passport 008827 (Iran) issued 1999.").issued == "1999"
    nid = clause("National ID No. 216040 (Yemen)")
    assert (nid.kind, nid.prop, nid.value, nid.country) == ("doc", "idNumber", "216040", "Yemen")
    assert clause("Cedula No. 6068015 (Colombia)").value == "6068015"
    assert clause("SSN 523-33-8386 (United States)").prop == "socialSecurityNumber"
    # "citizen" must not swallow "Citizen's Card Number"
    card = clause("Citizen's Card Number 211226197812154256 (China)")
    assert (card.prop, card.value) == ("idNumber", "211226197812154256")
    # an unknown "... ID" label is still read as an identifier
    refugee = clause("Refugee ID 1234 (Kenya)")
    assert (refugee.kind, refugee.label, refugee.value) == ("doc", "Refugee ID", "1234")


def test_remarks_registry_codes() -> None:
    tax = clause("Tax ID No. 7744001497 (Russia)")
    assert (tax.kind, tax.prop, tax.value, tax.country) == (
        "id",
        "taxNumber",
        "7744001497",
        "Russia",
    )
    reg = clause("Registration Number 1027700167110 (Russia)")
    assert (reg.prop, reg.value, reg.country) == ("registrationNumber", "1027700167110", "Russia")
    # a parenthesis that is not a country stays in the number
    hra = clause("Registration Number HRA 738077 (Stuttgart) (Germany)")
    assert (hra.value, hra.country) == ("HRA 738077 (Stuttgart)", "Germany")
    assert clause("Legal Entity Number 253400WSS48YWMBUA688").prop == "leiCode"
    assert clause("SWIFT/BIC HAVIGB2L").value == "HAVIGB2L"
    assert clause("Unified Social Credit Code (USCC) 9113100033607322XK (China)").prop == "uscCode"
    assert clause("V.A.T. Number 0430.033.662 (Belgium).").prop == "vatCode"
    assert clause("RUC # 20100000001 (Peru)").prop == "taxNumber"
    assert clause("Government Gazette Number 09804148 (Russia).").value == "09804148"


def test_remarks_vessels_and_imo() -> None:
    assert clause("Vessel Registration Identification IMO 7406784") == rm.Fact(
        "imo",
        "imoNumber",
        "IMO7406784",
        "Vessel Registration Identification IMO 7406784",
        label="Vessel Registration Identification",
    )
    assert clause("Vessel Registration Identification IMO  7406784").value == "IMO7406784"
    assert clause("Company Number IMO 5055293.").value == "IMO5055293"
    assert clause("Identification Number IMO 5342883.").kind == "imo"
    rs = clause("Vessel Registration Identification RS 150443")
    assert (rs.kind, rs.prop, rs.value) == ("id", "registrationNumber", "RS 150443")
    assert clause("MMSI 572469210").prop == "mmsi"
    assert clause("Vessel Year of Build 1999").prop == "buildDate"
    assert clause("Other Vessel Type Roll-on Roll-off").value == "Roll-on Roll-off"


def test_remarks_aircraft() -> None:
    msn = clause("Aircraft Manufacturer's Serial Number (MSN) 1023409321")
    assert (msn.prop, msn.value) == ("serialNumber", "1023409321")
    assert clause("Aircraft Manufacturer Ilyushin").prop == "manufacturer"
    assert clause("Aircraft Manufacture Date 1992").prop == "buildDate"
    assert clause("Aircraft Model IL76-TD").value == "IL76-TD"
    assert clause("Aircraft Tail Number RA-76842").prop == "registrationNumber"
    cn = clause("Aircraft Construction Number (also called L/N or S/N or F/N) 8401")
    assert (cn.prop, cn.value) == ("serialNumber", "8401")
    assert clause("Aircraft Operator YAS AIR").kind == "note"


def test_remarks_names_with_apostrophes() -> None:
    assert clause("a.k.a. 'BNC'.") == rm.Fact(
        "name", "alias", "BNC", "a.k.a. 'BNC'.", label="a.k.a."
    )
    assert clause("a.k.a. 'ABU-'UMAR'.").value == "ABU-'UMAR"
    assert clause("a.k.a. ''ABD AL-RAHMAN'.").value == "'ABD AL-RAHMAN"
    assert clause("a.k.a. ''FOOPIE''").value == "'FOOPIE'"
    assert clause("a.k.a. 'DOCTOR M.R.O.'.").value == "DOCTOR M.R.O."
    assert clause("f.k.a. 'ANA I'").prop == "previousName"
    assert clause("n.k.a. 'NEW NAME'").prop == "alias"
    assert clause("a.k.a. 'snowsjo").value == "snowsjo"  # cut off; the rest is in comments
    assert clause("a.k.a. 'AL-WARD, 'Abd'").value == "AL-WARD, 'Abd"


def test_remarks_gender_contacts_and_wallets() -> None:
    assert clause("Gender Male.") == rm.Fact(
        "gender", "gender", "male", "Gender Male", label="Gender"
    )
    assert clause("Gender Unknown").kind == "note"
    assert clause("Website www.havanaintbank.co.uk").prop == "website"
    assert clause("alt. Email Address a@b.example").value == "a@b.example"
    assert clause("Telephone: 0097282851500").prop == "phone"
    wallet = clause("Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h")
    assert (wallet.kind, wallet.label, wallet.value) == (
        "wallet",
        "XBT",
        "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h",
    )


def test_remarks_sanction_dates_and_notes() -> None:
    listing = clause("Listing Date (EO 14024 Directive 2): 24 Feb 2022")
    assert (listing.kind, listing.prop, listing.value) == ("sanction", "listingDate", "24 Feb 2022")
    assert clause("Effective Date (CMIC) 02 Aug 2021").value == "02 Aug 2021"
    assert clause("Linked To: HAMAS.") == rm.Fact(
        "note", "notes", "Linked To: HAMAS", "Linked To: HAMAS", label="Linked To"
    )
    assert clause("(Linked To: HUAWEI TECHNOLOGIES CO., LTD.)").value == (
        "Linked To: HUAWEI TECHNOLOGIES CO., LTD"
    )
    risk = clause("Secondary sanctions risk: section 1(b) of Executive Order 13224")
    assert (risk.kind, risk.value) == ("note", risk.text)
    eo = clause("Executive Order 13662 Directive Determination - Subject to Directive 1")
    assert eo.kind == "note"
    assert clause("Member of the State Duma of the Federal Assembly").kind == "note"
    assert clause("Organization Established Date 31 Jul 1990").prop == "incorporationDate"
    assert clause("Target Type State-Owned Enterprise").prop == "classification"


def test_xml_id_is_written_as_a_remarks_clause() -> None:
    text = rm.id_clause("Passport", "720000001", "Russia", "01 Jan 2015", "01 Jan 2025")
    assert text == "Passport 720000001 (Russia) issued 01 Jan 2015 expires 01 Jan 2025"
    fact = clause(text)
    assert (fact.value, fact.country, fact.issued, fact.expires) == (
        "720000001",
        "Russia",
        "01 Jan 2015",
        "01 Jan 2025",
    )
    assert clause(rm.id_clause("Listing Date (EO 14024 Directive 3):", "24 Feb 2022")).value == (
        "24 Feb 2022"
    )
    assert clause(rm.id_clause("Gender", "Male")).value == "male"
