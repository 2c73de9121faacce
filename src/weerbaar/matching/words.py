"""Word lists the name preparation uses: general language, never list names.

These are ordinary words of business and personal names in the languages the
lists use (English, Dutch, German, French, Spanish, Russian in Latin letters,
Arabic in Latin letters). They mark words that are common to many names and so
say little about identity.
"""

from __future__ import annotations

#: Words common in organisation names; they weigh little in a comparison.
GENERIC_ORG_WORDS = frozenset(
    [
        "a",
        "academy",
        "administration",
        "in",
        "on",
        "at",
        "after",
        "agency",
        "aktsionernoe",
        "and",
        "association",
        "associates",
        "authority",
        "b",
        "bank",
        "bureau",
        "business",
        "center",
        "centre",
        "central",
        "chamber",
        "co",
        "commercial",
        "committee",
        "communications",
        "company",
        "consulting",
        "construction",
        "cooperative",
        "corp",
        "corporation",
        "council",
        "department",
        "design",
        "development",
        "distribution",
        "electronics",
        "energy",
        "engineering",
        "enterprise",
        "enterprises",
        "equipment",
        "establishment",
        "export",
        "exports",
        "factory",
        "federal",
        "finance",
        "financial",
        "firm",
        "for",
        "foundation",
        "fund",
        "general",
        "global",
        "group",
        "holding",
        "holdings",
        "import",
        "imports",
        "industrial",
        "industries",
        "industry",
        "institute",
        "instruments",
        "insurance",
        "international",
        "intl",
        "investment",
        "investments",
        "joint",
        "laboratory",
        "limited",
        "logistics",
        "ltd",
        "machinery",
        "management",
        "manufacturing",
        "marine",
        "maritime",
        "materials",
        "ministry",
        "named",
        "national",
        "navigation",
        "network",
        "obshchestvo",
        "of",
        "office",
        "oil",
        "organisation",
        "organization",
        "overseas",
        "partners",
        "petroleum",
        "plant",
        "power",
        "private",
        "production",
        "products",
        "project",
        "public",
        "republic",
        "research",
        "resources",
        "science",
        "scientific",
        "sea",
        "security",
        "service",
        "services",
        "shipping",
        "society",
        "solutions",
        "state",
        "stock",
        "supply",
        "systems",
        "technical",
        "technologies",
        "technology",
        "the",
        "trade",
        "trading",
        "transport",
        "travel",
        "trust",
        "union",
        "unitary",
        "university",
        "ventures",
        "works",
        "world",
        "zavod",
        "de",
        "der",
        "des",
        "di",
        "du",
        "el",
        "et",
        "la",
        "le",
        "les",
        "los",
        "van",
        "von",
        "y",
        "gruppa",
        "kompaniya",
        "predpriyatie",
        "nauchno",
        "proizvodstvennoe",
        "proizvodstvennaya",
        "tsentr",
        "institut",
        "obedinenie",
        "ob'edinenie",
        "obedineniye",
        "sharikat",
        "sherkat",
        "sanaye",
        "tejarat",
        "company's",
    ]
)

#: Words of legal-form names (ISO 20275 in the lists' languages), for telling a
#: misspelled legal form ("LIMTED LIIABILITY COMPANY") from a name word: rigour
#: recognises the forms spelled right; these words, spelled with one slip, are
#: read as generic words (:func:`weerbaar.matching.names.near_generic`).
LEGAL_FORM_WORDS = frozenset(
    [
        "liability", "limited", "company", "corporation", "incorporated", "partnership",
        "joint", "stock", "public", "private", "closed", "unitary", "enterprise",
        "obshchestvo", "otvetstvennostyu", "ogranichennoy", "ogranichennoi",
        "aktsionernoe", "aktsionernoye", "zakrytoe", "otkrytoe", "publichnoe",
        "tovarishchestvo", "predpriyatie", "unitarnoe", "gosudarstvennoe",
        "sociedad", "anonima", "responsabilidad", "limitada", "gesellschaft",
        "beschrankter", "haftung", "aktiengesellschaft", "sirketi", "anonim",
        "societe", "anonyme", "responsabilite", "limitee", "societa", "azioni",
        "besloten", "vennootschap", "beperkte", "aansprakelijkheid", "naamloze",
        "spolka", "akcyjna", "ograniczona", "odpowiedzialnoscia",
    ]
)  # fmt: skip

#: Abbreviations of legal forms seen on the lists that rigour's table lacks, with
#: the generic form rigour gives their long names. Russian and Belarusian forms
#: (SZAO, SOOO, IOOO, ODO; unitary enterprises RUP, ChUP, ChTUP, FGUP, GUP, MUP;
#: non-commercial organisations ANO, NKO) are legal forms at either end of a
#: name ("SZAO ENERGO-OIL"), in Latin letters and, where rigour lacks them too,
#: in Cyrillic (rigour knows ГУП, АНО, НКО but not СЗАО or ЧУП), so that a name
#: reads alike in both scripts.
LEADING_LEGAL_FORMS = {
    "szao": "jsc", "sooo": "llc", "iooo": "llc", "odo": "llc",
    "rup": "soe", "chup": "soe", "chtup": "soe", "fgup": "soe", "gup": "soe", "mup": "soe",
    "ano": "ngo", "nko": "ngo",
    "сзао": "jsc", "сооо": "llc", "иооо": "llc", "руп": "soe", "чуп": "soe", "чтуп": "soe",
}  # fmt: skip
#: Forms written after the name (Gulf FZC and WLL, Singapore PTE, South Asian PVT,
#: Lebanese SAL, Egyptian SAE, Tunisian SURL, Belgian SPRL, French EURL): legal
#: forms at the end of a name or before another legal form only ("TRUST
#: INSURANCE S.A.L.", "X PVT LTD"; not "SAL OIL TRADING").
TRAILING_LEGAL_FORMS = {
    "fzc": "llc", "wll": "llc", "pte": "llc", "pvt": "llc",
    "sal": "jsc", "sae": "jsc", "surl": "llc", "sprl": "llc", "eurl": "llc",
}  # fmt: skip

#: English abbreviations of words of organisations' names, as registries and
#: trade files write them ("INTL", "MFG", "IMP. & EXP.", "HLDGS"), read as the
#: word. Only abbreviations that are no common word or name themselves ("GEN",
#: "INT", "TRANS", "MED" stay as written), nor brand words that other scripts
#: write whole ("Tech", "Telecom", "Lab": "НЕОТЕХ" is NeoTech, "ПроффЛаб" Profflab).
ORG_ABBREVIATIONS = {
    "intl": "international", "natl": "national", "tv": "television",
    "mfg": "manufacturing", "mfrs": "manufacturers", "mfr": "manufacturer",
    "engg": "engineering", "inds": "industries", "indus": "industries",
    "svcs": "services", "svc": "service", "grp": "group", "assn": "association",
    "assoc": "association", "dept": "department", "univ": "university",
    "petrochem": "petrochemical", "invt": "investment", "invest": "investment",
    "hldgs": "holdings", "hldg": "holding", "bros": "brothers", "mgmt": "management",
    "mgt": "management", "shpg": "shipping", "trdg": "trading", "devt": "development",
    "dev": "development", "ests": "establishments", "elec": "electric",
    "chem": "chemical", "pharm": "pharmaceutical",
    "inst": "institute", "ctr": "center", "cntr": "center", "imp": "import",
    "exp": "export", "agcy": "agency", "sci": "scientific", "mach": "machinery",
    "equip": "equipment", "eqpt": "equipment", "sys": "systems", "navig": "navigation",
    "constr": "construction",
}  # fmt: skip

#: Spanish, Portuguese and French words of organisations' names in English, as
#: the lists translate them ("Ejército de Liberación Nacional" is the National
#: Liberation Army, "La Nueva Marquetalia" New Marquetalia), folded to ASCII.
#: A general word list of institutional vocabulary, not names. Left out: "Grupo"
#: and "Groupe", which brands keep in English ("GRUPO MBS"), "Comercializadora"
#: (its initials C.I. stand for "Comercializadora Internacional") and
#: "Inmobiliaria" (often misspelled, "Inmoviliaria", and then not translated).
ROMANCE_ORG_WORDS = {
    # Spanish and Portuguese
    "ejercito": "army", "fuerzas": "forces", "armadas": "armed", "frente": "front",
    "liberacion": "liberation", "revolucionarias": "revolutionary",
    "revolucionario": "revolutionary", "nacional": "national", "nacionales": "national",
    "internacional": "international", "nueva": "new", "nuevo": "new", "empresa": "enterprise",
    "cubana": "cuban", "cubano": "cuban", "fletes": "freight", "aviacion": "aviation",
    "compania": "company", "banco": "bank", "inversiones": "investments",
    "servicios": "services", "transportes": "transport", "comercial": "commercial",
    "comercio": "trade", "industrias": "industries", "constructora": "construction",
    "distribuidora": "distributor", "hermanos": "brothers",
    "ministerio": "ministry", "petroleos": "petroleum", "minera": "mining",
    "agricola": "agricultural", "exportadora": "exporter", "importadora": "importer",
    "cooperativa": "cooperative", "fundacion": "foundation",
    "asociacion": "association", "instituto": "institute", "universidad": "university",
    "republica": "republic", "gobierno": "government", "direccion": "directorate",
    "naviera": "shipping", "maritima": "maritime",
    # French
    "societe": "company", "compagnie": "company", "banque": "bank",
    "internationale": "international", "nationale": "national",
    "armee": "army", "islamique": "islamic", "comite": "committee",
    "mouvement": "movement", "democratiques": "democratic", "democratique": "democratic",
    "revolutionnaire": "revolutionary", "republique": "republic", "ministere": "ministry",
}  # fmt: skip

#: Particles in personal names: bin, van, de, al ... (low weight, may be absent).
PARTICLES = frozenset(
    [
        "al",
        "el",
        "ul",
        "ud",
        "ad",
        "ar",
        "as",
        "ash",
        "at",
        "az",
        "bin",
        "ben",
        "ibn",
        "bint",
        "ibnu",
        "binti",
        "abu",
        "abou",
        "umm",
        "um",
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "das",
        "du",
        "la",
        "le",
        "mac",
        "mc",
        "ter",
        "ten",
        "zu",
        "y",
        "e",
        "und",
        "and",
    ]
)

#: Religious honorifics: removed from the start of a personal name like any title,
#: and read as particles (low weight, may be absent) inside one ("MOHAMMAD HASNI
#: HAJI SSAD" vs "HAJI ASAD ...").
HONORIFICS = frozenset(
    [
        "sheikh", "shaykh", "shaikh", "sayyid", "haji", "hajji", "mullah", "mawlawi",
        "maulavi", "maulvi", "qari", "mufti",
    ]
)  # fmt: skip

#: Titles and honorifics removed from the start of personal names.
PERSON_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "lady",
        "lord",
        "sheikh",
        "shaykh",
        "shaikh",
        "sayyid",
        "sayed",
        "haji",
        "hajji",
        "mullah",
        "mawlawi",
        "maulavi",
        "maulvi",
        "qari",
        "mufti",
        "imam",
        "general",
        "gen",
        "colonel",
        "col",
        "major",
        "maj",
        "lieutenant",
        "lt",
        "captain",
        "capt",
        "admiral",
        "adm",
        "brigadier",
        "commander",
        "cmdr",
        "president",
        "vice president",
        "prime minister",
        "minister",
        "chancellor",
        "senator",
        "king",
        "queen",
        "prince",
        "princess",
    ]
)

#: Written abbreviations of given names, read as the name: "Mohd" and "Mhd" (in
#: Malaysian, Gulf and Levantine names), "Md" (Bangladeshi) and "Muh"
#: (Indonesian) are Muhammad; English clerks' "Wm",
#: "Chas", "Thos", "Jas" are William, Charles, Thomas, James.
GIVEN_NAME_ABBREVIATIONS = {
    "mohd": "muhammad", "mhd": "muhammad", "muhd": "muhammad", "mohmd": "muhammad",
    "md": "muhammad", "muh": "muhammad",
    "wm": "william", "chas": "charles", "thos": "thomas", "jas": "james",
}  # fmt: skip
