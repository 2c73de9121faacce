"""HS nomenclature: descriptions, and conversion between HS vintages.

Descriptions come from the product lists loaded with the data (BACI's
``product_codes_HS*_V*.csv``, kept in the trade store), from a nomenclature
file (the UN/datasets ``harmonized-system.csv`` layout ``hscode,description``
or BACI's ``code,description``), and at least from the built-in chapter
names below.

Vintage conversion uses a correspondence table (two columns: the code in
the old vintage and in the new one, e.g. the WCO/UN HS 2017-2022 table saved
as CSV). Codes that map one to one or many to one are exact. **A code that is
split in the new vintage (one to many) has its value shared equally among
the new codes**: no trade weights are used, so shares for split codes are an
approximation; the load reports how many codes were split.
"""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl

from weerbaar.analytics.codes import normalize_hs6
from weerbaar.core.errors import InputError, ParseError

VINTAGES = {
    "HS92": 1992,
    "HS96": 1996,
    "HS02": 2002,
    "HS07": 2007,
    "HS12": 2012,
    "HS17": 2017,
    "HS22": 2022,
}

CHAPTERS: dict[str, str] = {
    "01": "Live animals", "02": "Meat and edible meat offal", "03": "Fish and crustaceans",
    "04": "Dairy produce; eggs; honey", "05": "Other products of animal origin",
    "06": "Live trees and plants", "07": "Edible vegetables", "08": "Edible fruit and nuts",
    "09": "Coffee, tea, maté and spices", "10": "Cereals", "11": "Products of the milling industry",
    "12": "Oil seeds and oleaginous fruits", "13": "Lac, gums, resins",
    "14": "Vegetable plaiting materials", "15": "Animal or vegetable fats and oils",
    "16": "Preparations of meat or fish", "17": "Sugars and sugar confectionery",
    "18": "Cocoa and cocoa preparations", "19": "Preparations of cereals, flour or milk",
    "20": "Preparations of vegetables or fruit", "21": "Miscellaneous edible preparations",
    "22": "Beverages, spirits and vinegar", "23": "Food industry residues; animal fodder",
    "24": "Tobacco", "25": "Salt; sulphur; earths and stone; lime and cement",
    "26": "Ores, slag and ash", "27": "Mineral fuels, mineral oils", "28": "Inorganic chemicals",
    "29": "Organic chemicals", "30": "Pharmaceutical products", "31": "Fertilisers",
    "32": "Tanning or dyeing extracts; paints", "33": "Essential oils; perfumery, cosmetics",
    "34": "Soap, washing preparations, waxes", "35": "Albuminoidal substances; glues; enzymes",
    "36": "Explosives; pyrotechnics", "37": "Photographic or cinematographic goods",
    "38": "Miscellaneous chemical products", "39": "Plastics", "40": "Rubber",
    "41": "Raw hides and skins; leather", "42": "Articles of leather; travel goods",
    "43": "Furskins", "44": "Wood and articles of wood", "45": "Cork",
    "46": "Basketware and wickerwork", "47": "Pulp of wood", "48": "Paper and paperboard",
    "49": "Printed books, newspapers", "50": "Silk", "51": "Wool and animal hair",
    "52": "Cotton", "53": "Other vegetable textile fibres", "54": "Man-made filaments",
    "55": "Man-made staple fibres", "56": "Wadding, felt, nonwovens; cordage",
    "57": "Carpets", "58": "Special woven fabrics", "59": "Coated or laminated textiles",
    "60": "Knitted or crocheted fabrics", "61": "Apparel, knitted", "62": "Apparel, not knitted",
    "63": "Other made-up textile articles", "64": "Footwear", "65": "Headgear",
    "66": "Umbrellas, walking sticks", "67": "Feathers; artificial flowers",
    "68": "Articles of stone, plaster, cement", "69": "Ceramic products", "70": "Glass",
    "71": "Pearls, precious stones and metals", "72": "Iron and steel",
    "73": "Articles of iron or steel", "74": "Copper", "75": "Nickel", "76": "Aluminium",
    "78": "Lead", "79": "Zinc", "80": "Tin", "81": "Other base metals; cermets",
    "82": "Tools, cutlery of base metal", "83": "Miscellaneous articles of base metal",
    "84": "Machinery and mechanical appliances", "85": "Electrical machinery and equipment",
    "86": "Railway locomotives and rolling stock", "87": "Vehicles other than railway",
    "88": "Aircraft, spacecraft", "89": "Ships and boats", "90": "Optical, medical instruments",
    "91": "Clocks and watches", "92": "Musical instruments", "93": "Arms and ammunition",
    "94": "Furniture; lamps; prefabricated buildings", "95": "Toys, games, sports requisites",
    "96": "Miscellaneous manufactured articles", "97": "Works of art, antiques",
    "99": "Commodities not elsewhere specified",
}  # fmt: skip


def read_product_list(path: Path) -> dict[str, str]:
    """HS6 -> description from a BACI product list or a ``hscode,description`` nomenclature."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_text(encoding="latin-1")
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    reader = csv.DictReader(text.splitlines())
    header = [h.strip() for h in reader.fieldnames or []]
    code_col = next((h for h in ("code", "hscode", "hs6", "cmdCode") if h in header), None)
    desc_col = next((h for h in ("description", "cmdDesc") if h in header), None)
    if code_col is None or desc_col is None:
        raise ParseError(
            path,
            f"not a product list: columns {header}",
            where="header",
            hint="give BACI's product_codes_HS*_V*.csv or a file with hscode,description",
        )
    out: dict[str, str] = {}
    for row in reader:
        code = (row.get(code_col) or "").strip()
        level = (row.get("level") or "6").strip()
        if level != "6" or not code.isdigit() or len(code) not in (5, 6):
            continue
        out[code.zfill(6)] = (row.get(desc_col) or "").strip()
    return out


def describe(code: str, known: dict[str, str]) -> str:
    """The description of an HS6 code, else its chapter's name, else ''."""
    if code in known:
        return known[code]
    chapter = CHAPTERS.get(code[:2])
    return f"{chapter} (chapter {code[:2]})" if chapter else ""


def read_correspondence(path: Path) -> pl.DataFrame:
    """A vintage correspondence table: ``source``/``target`` HS6 columns (the first two)."""
    try:
        raw = pl.read_csv(path, infer_schema=False, separator=_sep(path))
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc}") from None
    except pl.exceptions.PolarsError as exc:
        raise ParseError(path, f"not a CSV table: {exc}", hint="save the table as CSV") from None
    if raw.width < 2:
        raise ParseError(
            path,
            "a correspondence table needs two columns (old code, new code)",
            where="header",
            hint="save it as CSV with e.g. HS2017,HS2022",
        )
    a, b = raw.columns[:2]
    table = raw.select(
        normalize_hs6(pl.col(a)).alias("source"),
        normalize_hs6(pl.col(b)).alias("target"),
        pl.col(a).alias("_raw_a"),
        pl.col(b).alias("_raw_b"),
    ).with_row_index("row", offset=2)
    bad = table.filter(pl.col("source").is_null() | pl.col("target").is_null())
    if bad.height:
        r = bad.row(0, named=True)
        raise ParseError(
            path,
            f"{r['_raw_a']!r} -> {r['_raw_b']!r} is not a pair of HS codes",
            where=f"line {r['row']}",
            hint="each line must hold two HS codes of 6 digits",
        )
    return table.select("source", "target").unique()


def convert(frame: pl.DataFrame, table: pl.DataFrame) -> tuple[pl.DataFrame, int]:
    """``frame`` (column ``hs6``, ``value``, ``quantity``) in the target vintage.

    Codes absent from the table keep their code. Returns the frame and the
    number of split (one-to-many) source codes whose value was shared equally.
    """
    fan = table.group_by("source").agg(pl.col("target"), pl.len().alias("n"))
    split = int(fan.filter(pl.col("n") > 1).height)
    fan = fan.explode("target")
    out = (
        frame.join(fan, left_on="hs6", right_on="source", how="left")
        .with_columns(
            pl.coalesce("target", "hs6").alias("hs6"),
            (pl.col("value") / pl.col("n").fill_null(1)).alias("value"),
            (pl.col("quantity") / pl.col("n").fill_null(1)).alias("quantity"),
        )
        .drop("target", "n")
    )
    keys = [c for c in frame.columns if c not in ("value", "quantity")]
    return (
        out.group_by(keys)
        .agg(pl.col("value").sum(), pl.col("quantity").sum())
        .select(frame.columns),
        split,
    )


def _sep(path: Path) -> str:
    with path.open("r", encoding="utf-8-sig", errors="replace") as fh:
        first = fh.readline()
    return max((";", ",", "\t"), key=first.count)
