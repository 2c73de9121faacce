"""Reviewer texts of the matcher, in English and Dutch.

A compliance officer has to defend a score to a supervisor, so every part of
an explanation has a plain text here: the features of the name model (and
their interactions), how two words were found alike, the ceilings and floors
on a name score, and the non-name evidence. :func:`describe` turns a
:class:`~weerbaar.matching.compare.Comparison` into a few sentences:

    compare(Record("Person", names=["Jesse Sean Thomas"]),
            Record("Person", names=["Jesse Chen"])).describe("nl")
    -> "Score 0,88: een treffer (drempel 0,59). Naam 0,88. Gekoppeld: jesse =
       jesse; sean ~ chen (andere transliteratie, 0,71). Zonder tegenhanger in de
       zoeknaam: thomas. Omhoog door: ..."

The English texts of the features are their documented descriptions, shortened;
a test checks that every feature, interaction, way of aligning, ceiling, floor
and kind of evidence the matcher can report has a text in both languages, so
the texts cannot fall behind the matcher.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from weerbaar.matching.compare import Comparison, Contribution

Language = Literal["en", "nl"]
LANGUAGES: tuple[Language, ...] = ("en", "nl")

#: The features of the name model (:data:`weerbaar.matching.features.FEATURES`).
FEATURE_TEXTS: dict[str, tuple[str, str]] = {
    "coverage": ("how much of both names aligns", "hoeveel van beide namen overeenkomt"),
    "query_coverage": (
        "how much of the searched name aligns",
        "hoeveel van de gezochte naam overeenkomt",
    ),
    "candidate_coverage": (
        "how much of the listed name aligns",
        "hoeveel van de naam op de lijst overeenkomt",
    ),
    "weakest_token": (
        "how alike the least alike pair of words is",
        "hoe goed het minst gelijke woordpaar overeenkomt",
    ),
    "query_unmatched": (
        "words of the searched name without a counterpart",
        "woorden van de gezochte naam zonder tegenhanger",
    ),
    "candidate_unmatched": (
        "words of the listed name without a counterpart",
        "woorden van de naam op de lijst zonder tegenhanger",
    ),
    "substituted": (
        "a word replaced by another on both sides",
        "aan beide kanten een ander woord",
    ),
    "word_order": ("the words in another order", "de woorden in een andere volgorde"),
    "filiation_order": (
        "father and son swapped (bin, ibn, ben)",
        "vader en zoon verwisseld (bin, ibn, ben)",
    ),
    "original_script_difference": (
        "how much the original letters differ (same non-Latin script)",
        "hoeveel de oorspronkelijke letters verschillen (zelfde niet-Latijnse schrift)",
    ),
    "acronym": (
        "one name is the initials of the other",
        "de ene naam bestaat uit de beginletters van de andere",
    ),
    "single_word": ("only one word aligned", "maar één woord komt overeen"),
    "whole_name": (
        "how alike the whole names are, letter by letter",
        "hoe gelijk de hele namen zijn, letter voor letter",
    ),
    "initials": (
        "words that match on an initial only",
        "woorden die alleen op een voorletter overeenkomen",
    ),
    "number_conflict": ("different numbers in the names", "verschillende nummers in de namen"),
    "legal_form_conflict": ("different legal forms", "verschillende rechtsvormen"),
    "cross_script": ("written in different scripts", "in verschillende schriften geschreven"),
    "transcribed": (
        "a foreign name spelled by its sound (Chinese characters, Korean letters)",
        "een buitenlandse naam op klank gespeld (Chinese tekens, Koreaans schrift)",
    ),
    "same_words": ("the same words in another order", "dezelfde woorden in een andere volgorde"),
    "consonants": (
        "how alike the consonants are (Arabic, Persian, Hebrew)",
        "hoe gelijk de medeklinkers zijn (Arabisch, Perzisch, Hebreeuws)",
    ),
    "generic_differ": (
        "different generic words (trading, holding)",
        "verschillende algemene woorden (trading, holding)",
    ),
    "generic_unmatched": (
        "generic words without a counterpart",
        "algemene woorden zonder tegenhanger",
    ),
}

#: How two words were found alike (``Aligned.how``).
HOW_TEXTS: dict[str, tuple[str, str]] = {
    "same": ("the same", "gelijk"),
    "spelling": ("spelled differently", "anders gespeld"),
    "transliteration": ("another transliteration", "andere transliteratie"),
    "sound": ("sounds alike", "klinkt gelijk"),
    "sounds alike": ("sounds alike", "klinkt gelijk"),
    "romanisation": ("another romanisation", "andere romanisering"),
    "consonants": ("the same consonants", "dezelfde medeklinkers"),
    "initial": ("an initial", "een voorletter"),
    "nickname": ("a short form of the name", "een roepnaam"),
    "name form": (
        "another language's form of the name (Pyotr, Peter)",
        "de vorm van de naam in een andere taal (Pjotr, Peter)",
    ),
    "letters swapped": ("letters swapped", "letters verwisseld"),
    "place adjective": (
        "an adjective of the place (Uralsk-, Ural)",
        "een bijvoeglijk naamwoord van de plaats (Uralsk-, Oeral)",
    ),
    "-i ending": ("the ending -i differs", "de uitgang -i verschilt"),
    "cut short": ("cut short", "afgekapt"),
    "word form": ("derived word form", "afgeleide woordvorm"),
    "acronym": ("initials", "beginletters"),
    "joined": ("written as one word", "aaneengeschreven"),
    "same country": ("the same country", "hetzelfde land"),
}

#: Ceilings and floors on a name score (:func:`weerbaar.matching.compare._cap`,
#: :func:`~weerbaar.matching.compare._floor`) and the weak-alias ceiling.
BOUND_TEXTS: dict[str, tuple[str, str]] = {
    "generic_only": (
        "capped: only generic words align",
        "begrensd: alleen algemene woorden komen overeen",
    ),
    "one_word_only": (
        "capped: a person matched on one name word only",
        "begrensd: een persoon die maar op één naamwoord overeenkomt",
    ),
    "country_only": (
        "capped: the listed name is only a country's name",
        "begrensd: de naam op de lijst is alleen de naam van een land",
    ),
    "initials_only": (
        "capped: a person matched on initials only",
        "begrensd: een persoon die alleen op voorletters overeenkomt",
    ),
    "family_name_missing": (
        "capped: the family name has no counterpart",
        "begrensd: de achternaam heeft geen tegenhanger",
    ),
    "fathers_swapped": (
        "capped: a father's name (after bin, ibn) swapped",
        "begrensd: de naam van de vader (na bin, ibn) verwisseld",
    ),
    "number_conflict": (
        "capped: the names carry different numbers",
        "begrensd: de namen hebben verschillende nummers",
    ),
    "country_conflict": (
        "capped: the names name different countries",
        "begrensd: de namen noemen verschillende landen",
    ),
    "one_word_spelled": (
        "capped: one word, spelled differently, against a longer name",
        "begrensd: één woord, anders gespeld, tegen een langere naam",
    ),
    "one_word_inside": (
        "capped: one word found only inside a longer name",
        "begrensd: één woord dat alleen midden in een langere naam voorkomt",
    ),
    "one_word_variant": (
        "capped: one word aligned that is not the same word",
        "begrensd: één woord komt overeen, maar is niet hetzelfde woord",
    ),
    "patronymic_conflict": (
        "capped: different patronymics (sons of different fathers)",
        "begrensd: verschillende vadersnamen (zonen van verschillende vaders)",
    ),
    "same_words_floor": (
        "raised: the same name words",
        "verhoogd: dezelfde naamwoorden",
    ),
    "same_core_floor": (
        "raised: the same identifying words, only generic words or legal forms differ",
        "verhoogd: dezelfde onderscheidende woorden, alleen algemene woorden of"
        " rechtsvormen verschillen",
    ),
    "weak_alias": (
        "capped: the listed name is a weak alias (a nickname)",
        "begrensd: de naam op de lijst is een zwakke alias (bijnaam)",
    ),
}

#: Evidence besides the name (:data:`weerbaar.matching.compare.EVIDENCE`).
EVIDENCE_TEXTS: dict[str, tuple[str, str]] = {
    "identifier_match": ("the same identifier", "hetzelfde identificatienummer"),
    "birth_date_day": ("the same date of birth", "dezelfde geboortedatum"),
    "birth_date_month": ("the same month of birth", "dezelfde geboortemaand"),
    "birth_date_year": ("the same year of birth", "hetzelfde geboortejaar"),
    "birth_date_near": ("born a year apart", "een jaar verschil in geboortejaar"),
    "birth_date_other_day": (
        "the same year of birth, another day",
        "hetzelfde geboortejaar, een andere dag",
    ),
    "birth_date_conflict": ("dates of birth years apart", "geboortedata jaren uit elkaar"),
    "country_match": ("the same country", "hetzelfde land"),
    "country_conflict": ("other countries", "andere landen"),
    "gender_conflict": ("another gender", "een ander geslacht"),
    "family_name_conflict": ("another family name", "een andere achternaam"),
    "not_known_person": (
        "the listed entry may not be a person",
        "de vermelding op de lijst is mogelijk geen persoon",
    ),
}

_WORDS: dict[str, tuple[str, str]] = {
    "score": ("Score", "Score"),
    "match": ("a match", "een treffer"),
    "no_match": ("no match", "geen treffer"),
    "threshold": ("threshold", "drempel"),
    "name": ("Name", "Naam"),
    "aligned": ("Aligned", "Gekoppeld"),
    "query_left": ("No counterpart in the searched name", "Zonder tegenhanger in de zoeknaam"),
    "candidate_left": (
        "No counterpart in the listed name",
        "Zonder tegenhanger in de naam op de lijst",
    ),
    "raised": ("Raised by", "Omhoog door"),
    "lowered": ("Lowered by", "Omlaag door"),
    "evidence": ("Other evidence", "Ander bewijs"),
    "with": ("with", "samen met"),
    "yes": ("yes", "ja"),
    "no": ("no", "nee"),
}


def _pick(texts: tuple[str, str], language: Language) -> str:
    return texts[1] if language == "nl" else texts[0]


def _number(value: float, language: Language, signed: bool = False) -> str:
    text = f"{value:+.2f}" if signed else f"{value:.2f}"
    text = text.replace("-", "\u2212")
    return text.replace(".", ",") if language == "nl" else text


def feature_text(name: str, language: Language) -> str:
    """The text of a model column (a feature or ``a*b``), a ceiling or a floor."""
    if name in BOUND_TEXTS:
        return _pick(BOUND_TEXTS[name], language)
    a, _, b = name.partition("*")
    if b:
        return f"{feature_text(a, language)} {_pick(_WORDS['with'], language)} " + feature_text(
            b, language
        )
    texts = FEATURE_TEXTS.get(a)
    return _pick(texts, language) if texts else a


def how_text(how: str, language: Language) -> str:
    """The text of how two words were found alike."""
    texts = HOW_TEXTS.get(how)
    return _pick(texts, language) if texts else how


def evidence_text(kind: str, language: Language) -> str:
    """The text of a kind of non-name evidence."""
    texts = EVIDENCE_TEXTS.get(kind)
    return _pick(texts, language) if texts else kind


#: Features that are 0 or 1: their value reads as yes or no.
YES_NO_FEATURES = frozenset(
    {
        "acronym",
        "single_word",
        "legal_form_conflict",
        "cross_script",
        "transcribed",
        "same_words",
        "generic_differ",
    }
)


def _value(c: Contribution, language: Language) -> str:
    """A feature's value as a reader takes it: yes/no, or a number (none for a
    ceiling or floor, whose value is always 1)."""
    if c.feature in BOUND_TEXTS:
        return ""
    if c.feature in YES_NO_FEATURES:
        return f" ({_pick(_WORDS['yes' if c.value else 'no'], language)})"
    return f" ({_number(c.value, language)})"


def _moved(items: list[Contribution], language: Language) -> str:
    return "; ".join(
        f"{feature_text(c.feature, language)}{_value(c, language)} "
        f"{_number(c.effect, language, signed=True)}"
        for c in items
    )


def describe(comparison: Comparison, language: Language = "en", top: int = 2) -> str:
    """A few plain sentences on why ``comparison`` scored as it did: the verdict,
    the aligned words and how they were found alike, the words left without a
    counterpart, the ``top`` features that raised and that lowered the name
    score (each with its value: the effect of a feature is that of its value,
    "only one word aligned (no)" raises a score), and the other evidence."""
    c, lang = comparison, language

    def word(key: str) -> str:
        return _pick(_WORDS[key], lang)

    verdict = word("match") if c.match else word("no_match")
    parts = [
        f"{word('score')} {_number(c.score, lang)}: {verdict} "
        f"({word('threshold')} {_number(c.threshold, lang)}).",
        f"{word('name')} {_number(c.name_score, lang)}.",
    ]
    if c.aligned:
        pairs = []
        for a in c.aligned:
            if a.query == a.candidate:
                pairs.append(f"{a.query} = {a.candidate}")
            else:
                pairs.append(
                    f"{a.query} ~ {a.candidate} "
                    f"({how_text(a.how, lang)}, {_number(a.similarity, lang)})"
                )
        parts.append(f"{word('aligned')}: {'; '.join(pairs)}.")
    if c.query_left:
        parts.append(f"{word('query_left')}: {', '.join(c.query_left)}.")
    if c.candidate_left:
        parts.append(f"{word('candidate_left')}: {', '.join(c.candidate_left)}.")
    ranked = sorted(c.contributions, key=lambda x: -abs(x.effect))
    up = [x for x in ranked if x.effect > 0][:top]
    down = [x for x in ranked if x.effect < 0][:top]
    if up:
        parts.append(f"{word('raised')}: {_moved(up, lang)}.")
    if down:
        parts.append(f"{word('lowered')}: {_moved(down, lang)}.")
    if c.evidence:
        found = "; ".join(
            f"{evidence_text(e.feature, lang)} ({e.doc}) {_number(e.effect, lang, signed=True)}"
            for e in c.evidence
        )
        parts.append(f"{word('evidence')}: {found}.")
    return " ".join(parts)
