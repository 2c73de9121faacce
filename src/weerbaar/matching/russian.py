"""Russian words of organisation names in English ("Уральский завод транспортного
машиностроения" is "Ural Plant of Transport Machine Building").

The lists name a Russian organisation in Russian, in a transliteration of it
("Uralskiy Zavod") and in an English translation, and a customer file holds any
of the three. :func:`translate` writes the common words of Russian organisation
names (kinds of body, industries, "state", "federal", "research") in English on
the romanised words, so that the three compare word by word; an adjective made
of a place name is read as the place's name ("uralskiy", "Muromskiy" ->
"uralsk", "muromsk", which :func:`place_adjective` finds alike to "Ural" and
"Murom"). The vocabulary is a general bilingual word list of institutional
Russian, written from the language, not from any list's names.

Words are matched on their stem, whatever the case ending ("zavod", "zavoda",
"zavodu"), in the spelling :func:`weerbaar.matching.translit.latinize` gives
Cyrillic and in the usual variants of it ("-iy", "-yy", "-ij").
"""

from __future__ import annotations

import re
from functools import lru_cache

#: (stem of the romanised Russian word, its English), stems as our romanisation
#: writes them. Longer stems win ("neftekhimichesk" before "neft").
VOCABULARY: tuple[tuple[str, str], ...] = (
    # kinds of body
    ("agentstv", "agency"),
    ("akademi", "academy"),
    ("assotsiatsi", "association"),
    ("byuro", "bureau"),
    ("gruppa", "group"),
    ("gruppy", "group"),
    ("institut", "institute"),
    ("kombinat", "combine"),
    ("kompani", "company"),
    ("kompleks", "complex"),
    ("komitet", "committee"),
    ("kontsern", "concern"),
    ("korporatsi", "corporation"),
    ("ministerstv", "ministry"),
    ("obedineni", "association"),
    ("predpriyati", "enterprise"),
    ("sluzhb", "service"),
    ("sovet", "council"),
    ("soyuz", "union"),
    ("tovarishchestv", "partnership"),
    ("universitet", "university"),
    ("upravleni", "directorate"),
    ("uchrezhdeni", "institution"),
    ("filial", "branch"),
    ("fond", "fund"),
    ("kholding", "holding"),
    ("tsentr", "centre"),
    ("zavod", "plant"),
    ("verf", "shipyard"),
    ("partiya", "party"),
    ("partii", "party"),
    ("dvizheni", "movement"),
    ("armiya", "army"),
    ("armii", "army"),
    ("brigad", "brigade"),
    ("divizi", "division"),
    ("gvardi", "guard"),
    ("batalon", "battalion"),
    ("batalyon", "battalion"),
    ("polk", "regiment"),
    ("voinsk", "military"),
    ("voiskov", "military"),
    ("voyskov", "military"),
    ("chast", "unit"),
    ("otdelny", "separate"),
    ("otdelno", "separate"),
    ("radioelektronn", "electronic"),
    ("borby", "warfare"),
    # qualities of a body
    ("gosudarstven", "state"),
    ("federaln", "federal"),
    ("federatsi", "federation"),
    ("natsionaln", "national"),
    ("mezhdunarodn", "international"),
    ("rossiysk", "russian"),
    ("rossiisk", "russian"),
    ("vserossiysk", "all russian"),
    ("vserossiisk", "all russian"),
    ("moskovsk", "moscow"),
    ("tsentraln", "central"),
    ("glavn", "main"),
    ("obedinen", "united"),
    ("spetsialn", "special"),
    ("eksperimentaln", "experimental"),
    ("opytn", "experimental"),
    ("nauchno", "scientific"),
    ("nauchn", "scientific"),
    ("nauk", "sciences"),
    ("issledovatelsk", "research"),
    ("issledovatel", "research"),
    ("konstruktorsk", "design"),
    ("proektn", "design"),
    ("proizvodstven", "production"),
    ("promyshlen", "industrial"),
    ("kommerchesk", "commercial"),
    ("investitsion", "investment"),
    ("innovatsion", "innovation"),
    ("tekhnichesk", "technical"),
    ("tekhnologichesk", "technological"),
    ("tekhnologi", "technologies"),
    ("tekhnik", "equipment"),
    ("informatsion", "information"),
    ("imeni", "named after"),
    # what a body does
    ("aviatsion", "aviation"),
    ("aviastroitel", "aircraft"),
    ("samolet", "aircraft"),
    ("vertolet", "helicopter"),
    ("dvigatel", "engine"),
    ("motorostroitel", "engine building"),
    ("mashinostroeni", "machine building"),
    ("mashinostroitel", "machine building"),
    ("priborostroeni", "instrument making"),
    ("priborostroitel", "instrument making"),
    ("pribor", "instrument"),
    ("sudostroeni", "shipbuilding"),
    ("sudostroitel", "shipbuilding"),
    ("stroitel", "construction"),
    ("raketn", "missile"),
    ("kosmichesk", "space"),
    ("yadern", "nuclear"),
    ("atomn", "atomic"),
    ("voenno", "military"),
    ("voen", "military"),
    ("vooruzheni", "armament"),
    ("oboron", "defence"),
    ("bezopasnost", "security"),
    ("razvedyvateln", "intelligence"),
    ("politsi", "police"),
    ("elektronik", "electronics"),
    ("elektron", "electronic"),
    ("elektromekhanichesk", "electromechanical"),
    ("elektrotekhnichesk", "electrotechnical"),
    ("energetichesk", "energy"),
    ("optichesk", "optical"),
    ("mekhanichesk", "mechanical"),
    ("metallurgichesk", "metallurgical"),
    ("khimichesk", "chemical"),
    ("neftekhimichesk", "petrochemical"),
    ("neftegaz", "oil and gas"),
    ("neftyan", "oil"),
    ("nefti", "oil"),
    ("gazov", "gas"),
    ("transportn", "transport"),
    ("zheleznodorozhn", "railway"),
    ("morsk", "maritime"),
    ("torgov", "trading"),
    ("finansov", "financial"),
    ("strakhov", "insurance"),
    ("lizingov", "leasing"),
    ("razviti", "development"),
    ("svyaz", "communications"),
    ("materialy", "materials"),
    ("materialov", "materials"),
    ("kompozitsion", "composite"),
    ("sistem", "systems"),
    ("kuznechno", "forge"),
    ("pressov", "press"),
    # more of the same, and English words in Russian spelling
    ("avtomatizatsi", "automation"),
    ("avtomatik", "automation"),
    ("avtonomn", "autonomous"),
    ("byudzhetn", "budgetary"),
    ("chastn", "private"),
    ("dalnevostochn", "far eastern"),
    ("direktsi", "directorate"),
    ("dopolniteln", "additional"),
    ("ekonomichesk", "economic"),
    ("energotekhnik", "power engineering"),
    ("fizik", "physics"),
    ("golovn", "head"),
    ("grazhdansk", "civil"),
    ("grupp", "group"),
    ("inzhiniring", "engineering"),
    ("izmeriteln", "measuring"),  # the adjective: "Izmeritel" names a firm
    ("kapital", "capital"),
    ("kommunikatsi", "communications"),
    ("konsalting", "consulting"),
    ("kreditovani", "lending"),
    ("logistik", "logistics"),
    ("meditsinsk", "medical"),
    ("menedzhment", "management"),
    ("nacionaln", "national"),
    ("nekommerchesk", "non profit"),
    ("novost", "news"),
    ("obrazovani", "education"),
    ("obshchestven", "public"),
    ("organizatsi", "organisation"),
    ("otdeleni", "branch"),
    ("poluprovodnik", "semiconductor"),
    ("prikladn", "applied"),
    ("professionaln", "professional"),
    ("proekt", "project"),
    ("resurs", "resources"),
    ("selskokhozyaystven", "agricultural"),
    ("servis", "service"),
    ("sibirsk", "siberian"),
    ("sredstv", "means"),
    ("stroitelstv", "construction"),
    ("tehnik", "equipment"),
    ("tehnichesk", "technical"),
    ("tehnologi", "technologies"),
    ("tehnologichesk", "technological"),
    ("tsifrov", "digital"),
    ("upravlyayushch", "management"),
    ("vneshneekonomichesk", "foreign economic"),
    # English loanwords as Russian spells them
    ("treyding", "trading"),
    ("treiding", "trading"),
    ("treyd", "trade"),
    ("treid", "trade"),
    ("eksport", "export"),
    ("mediagrupp", "media group"),
    ("energiya", "energy"),
    ("energii", "energy"),
    ("kazenn", "state"),
    # repair, transport, places and qualities
    ("remontn", "repair"),
    ("poletov", "flights"),  # "Полёт" (Polyot) names a firm
    ("obespecheni", "support"),
    ("unitarn", "unitary"),
    ("sudokhodn", "shipping"),
    ("avialini", "airlines"),
    ("avtomobiln", "automobile"),
    ("toplivn", "fuel"),
    ("neftepererabatyvayushch", "refinery"),
    ("navigatsion", "navigation"),
    ("telekommunikatsion", "telecommunication"),
    ("sovremenn", "modern"),
    ("issledovani", "research"),
    ("laboratori", "laboratory"),
    ("additivn", "additive"),
    ("khimi", "chemistry"),
    ("mineraln", "mineral"),
    ("kaliyn", "potash"),
    ("obrazovateln", "educational"),
    ("vyssh", "higher"),
    ("obshchevoyskov", "combined arms"),
    ("imperskiy", "imperial"),
    ("narodn", "people's"),
    ("russk", "russian"),
    ("belorussk", "belarusian"),
    ("belarussk", "belarusian"),
    ("severn", "northern"),
    ("yuzhn", "southern"),
    ("vostochn", "eastern"),
    ("zapadn", "western"),
    ("nizhn", "lower"),
    ("verkhn", "upper"),
    ("novyy", "new"),
    ("novye", "new"),
    ("novaya", "new"),
    ("novoe", "new"),
    ("novogo", "new"),
    ("novykh", "new"),
    # Belarusian spellings of the same words
    ("navukov", "scientific"),
    ("dasledch", "research"),
    ("vytvorch", "production"),
    ("handlev", "trading"),
    ("pryvatn", "private"),
    ("pradpryemstv", "enterprise"),
    ("kampani", "company"),
    ("metalurgichn", "metallurgical"),
    ("belarusk", "belarusian"),
    ("kholdyng", "holding"),
    ("kiruyuch", "management"),
    ("respublikansk", "republican"),
    ("respublik", "republic"),
    # more of the same
    ("rossiya", "russia"),
    ("rossii", "russia"),
    ("minoborony", "ministry of defence"),
    ("aviakompani", "airline"),
    ("porokhov", "powder"),
    ("radiotekhnichesk", "radio technical"),
    ("artilleriysk", "artillery"),
    ("mikroelektronik", "microelectronics"),
    ("vychislitel", "computing"),
    ("prezident", "president"),
    ("volonter", "volunteers"),
    ("pobedy", "victory"),  # "Победа" (Pobeda) names an airline
    ("televizion", "television"),
    ("radioveshchatel", "broadcasting"),
    ("golos", "voice"),
    ("evrop", "europe"),
    ("moreprodukt", "seafood"),
    ("perestrakhovochn", "reinsurance"),
    ("perestrakhov", "reinsurance"),
    ("zernov", "grain"),
    ("molodezh", "youth"),
    ("spravedliv", "just"),
    ("vystavk", "exhibition"),
    ("dostizheni", "achievements"),
    # English loanwords
    ("trast", "trust"),
    ("lodzhistiks", "logistics"),
    ("lodzhistik", "logistics"),
    ("speys", "space"),
    ("sifud", "seafood"),
)

#: Whole words: Russian abbreviations of kinds of body, spelled out in English as
#: the lists' translations write them ("NII" is a scientific research institute),
#: and "im." (imeni, "named after").
ABBREVIATIONS: dict[str, str] = {
    "im": "named after",
    "imya": "named after",  # Belarusian
    "nii": "scientific research institute",
    "vnii": "all russian scientific research institute",
    "tsnii": "central scientific research institute",
    "npp": "research production enterprise",
    "npo": "scientific production association",  # as "nauchno" reads
    "nptz": "research production centre",
    "ntts": "scientific technical centre",
    "kb": "design bureau",
    "okb": "experimental design bureau",
    "skb": "special design bureau",
    "mkb": "machine building design bureau",
    "fgup": "federal state unitary enterprise",
    "gup": "state unitary enterprise",
    "fgbu": "federal state budgetary institution",
    "srz": "ship repair plant",
    "npz": "oil refinery",
    "gos": "state",
    "reb": "electronic warfare",
}
#: Short words read only in a name with other Russian words: "i" may be a
#: numeral ("Fund I"), "v" an initial.
FUNCTION_WORDS: dict[str, str] = {"i": "and", "v": "in", "po": "for", "na": "on"}

#: What may follow a stem: the case and number endings of Russian nouns and
#: adjectives, as romanised ("", "a", "u", "om", "ogo", "aya", "iy", "ykh"), after
#: the n or nn of an adjective ("stroitel-naya", "gosudarstven-nyy").
_ENDING = re.compile(
    r"n{0,2}(?:[aeiouy]{0,3}(?:kh|m|mi|go|mu|yu|j|v|ya|ye)?[aeiouy]{0,2})?", re.ASCII
)
#: An adjective of a place ("uralskiy", "chelyabinskogo", "muromskaya"): the place
#: with -sk, the form of the many towns so named (Chelyabinsk, Angarsk); four
#: letters at least before it, so that English "whisky" stays.
_PLACE_ADJECTIVE = re.compile(
    r"([a-z]{4,}sk)(?:iy|yy|ii|ij|yj|y|i|aya|aia|aja|ia|oe|oye|oie|ogo|oy|oi|oj|ikh|ie|iye|ye|omu)",
    re.ASCII,
)


def _by_start() -> dict[str, tuple[tuple[str, str], ...]]:
    table: dict[str, list[tuple[str, str]]] = {}
    for stem, english in VOCABULARY:
        table.setdefault(stem[:3], []).append((stem, english))
    return {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in table.items()}


_STEMS = _by_start()


@lru_cache(maxsize=100_000)
def translate_word(word: str) -> str:
    """The English of one romanised Russian word of an organisation's name, a
    place adjective as its place with -sk, or the word itself."""
    whole = ABBREVIATIONS.get(word)
    if whole is not None:
        return whole
    for stem, english in _STEMS.get(word[:3], ()):
        if word.startswith(stem) and _ENDING.fullmatch(word, len(stem)):
            return english
    place = _PLACE_ADJECTIVE.fullmatch(word)
    return place.group(1) if place else word


def translate(words: list[str]) -> list[str]:
    """:func:`translate_word` on each word (a translation may be two words), and
    the short function words (:data:`FUNCTION_WORDS`) when another word was
    Russian."""
    english_words = [translate_word(w) for w in words]
    if any(e != w for e, w in zip(english_words, words, strict=True)):
        english_words = [FUNCTION_WORDS.get(e, e) for e in english_words]
    out: list[str] = []
    for english in english_words:
        if " " in english:
            out.extend(english.split())
        else:
            out.append(english)
    return out


def place_adjective(a: str, b: str) -> bool:
    """Is one word the other's place with -sk ("uralsk" and "ural", "muromsk" and
    "murom"): an adjective made of the place's name?"""
    if len(a) == len(b) + 2:
        return a.endswith("sk") and a.startswith(b) and len(b) >= 3
    if len(b) == len(a) + 2:
        return b.endswith("sk") and b.startswith(a) and len(a) >= 3
    return False
