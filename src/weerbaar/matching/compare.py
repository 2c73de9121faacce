"""Compare two records: the best pair of names, then the other evidence.

The name score comes from the fitted name model (:mod:`.model`). Birth dates,
countries, gender and identifiers then move it up or down by fixed amounts on
the log-odds scale, each listed in :data:`EVIDENCE` with its reason, so a
reviewer sees exactly which evidence moved the score and by how much.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz.distance import Levenshtein

from weerbaar.matching.chinese import chinese_key
from weerbaar.matching.features import (
    FEATURE_NAMES,
    FEATURES,
    Aligned,
    Raw,
    _aligned,
    _mode,
    is_acronym,
    lone_syllables,
    measure_fast,
    sound_key,
    swapped_fathers,
    token_similarity,
    unaligned,
)
from weerbaar.matching.features import values as feature_values
from weerbaar.matching.hanja import read_in_korean
from weerbaar.matching.loanwords import loan_key
from weerbaar.matching.model import COLUMNS, NameModel, expand, load_models, sigmoid
from weerbaar.matching.names import (
    KIND_GENERIC,
    SYLLABLE_GROUPS,
    Name,
    prepare,
    read_as_loanword,
    read_as_persian,
    read_as_transcription,
)
from weerbaar.matching.places import place_of
from weerbaar.matching.record import Record
from weerbaar.matching.texts import Language, describe

PERSON_SCHEMATA = frozenset({"Person"})
#: Schemata that can never be the same thing as a person.
NON_PERSON = frozenset(
    {"Organization", "Company", "PublicBody", "Vessel", "Airplane", "Vehicle", "Security"}
)

#: Log-odds added for each kind of non-name evidence (documented in the docstring
#: of :func:`other_evidence` and in the explanation of every result).
EVIDENCE = {
    "identifier_match": 6.0,
    "birth_date_day": 1.5,
    "birth_date_month": 0.9,
    "birth_date_year": 0.6,
    "birth_date_near": -1.0,
    "birth_date_other_day": -1.5,
    "birth_date_conflict": -5.0,
    "country_match": 0.3,
    "country_conflict": -0.8,
    "gender_conflict": -2.0,
    "family_name_conflict": -2.5,
    "not_known_person": -2.0,
}


#: Ships and aircraft, and the kinds of thing that are never one.
CRAFT = frozenset({"Vessel", "Airplane"})
NOT_CRAFT = frozenset({"Person", "Organization", "Company", "PublicBody", "LegalEntity"})


def is_person(schema: str) -> bool:
    return schema in PERSON_SCHEMATA


def craft_rules(a: str, b: str) -> bool:
    """Are two names of these schemata compared as a vessel's or an aircraft's
    (every word identifies, no legal forms: :func:`names.prepare`)? Yes when
    either is a craft: a customer file's LegalEntity against a listed ship."""
    return a in CRAFT or b in CRAFT


@dataclass(frozen=True, slots=True)
class Contribution:
    """One feature or piece of evidence: its value and how far it moved the score."""

    feature: str
    value: float
    effect: float
    doc: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "feature": self.feature,
            "value": round(self.value, 4),
            "effect": round(self.effect, 4),
            "doc": self.doc,
        }


@dataclass(slots=True)
class Comparison:
    """The score of a query against a candidate, and why."""

    score: float
    threshold: float
    query_name: str = ""
    candidate_name: str = ""
    aligned: list[Aligned] = field(default_factory=list)
    #: Identifying words of each name that found no counterpart.
    query_left: list[str] = field(default_factory=list)
    candidate_left: list[str] = field(default_factory=list)
    name_score: float = 0.0
    contributions: list[Contribution] = field(default_factory=list)
    evidence: list[Contribution] = field(default_factory=list)

    @property
    def match(self) -> bool:
        return self.score >= self.threshold

    def explain(self, top: int = 3) -> str:
        """One line a reviewer can read."""
        words = ", ".join(
            a.query if a.query == a.candidate else f"{a.query}~{a.candidate} ({a.how})"
            for a in self.aligned
        )
        parts = [f"{self.query_name!r} vs {self.candidate_name!r}: name {self.name_score:.2f}"]
        if words:
            parts.append(f"aligned {words}")
        moved = sorted(self.contributions, key=lambda c: -abs(c.effect))[:top]
        if moved:
            # the value is shown with the effect: "cross_script=0 +0.18" reads as
            # "not being cross-script raised the score", not the opposite
            parts.append("; ".join(f"{c.feature}={c.value:.2g} {c.effect:+.2f}" for c in moved))
        for ev in self.evidence:
            parts.append(f"{ev.feature} {ev.effect:+.2f}")
        return " | ".join(parts)

    def describe(self, language: Language = "en") -> str:
        """A few plain sentences for a reviewer, in English or Dutch
        (:func:`weerbaar.matching.texts.describe`)."""
        return describe(self, language)

    def as_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 4),
            "match": self.match,
            "threshold": self.threshold,
            "query_name": self.query_name,
            "candidate_name": self.candidate_name,
            "name_score": round(self.name_score, 4),
            "aligned": [
                {
                    "query": a.query,
                    "candidate": a.candidate,
                    "similarity": round(a.similarity, 3),
                    "how": a.how,
                }
                for a in self.aligned
            ],
            "query_unaligned": self.query_left,
            "candidate_unaligned": self.candidate_left,
            "name_features": [c.as_dict() for c in self.contributions],
            "evidence": [c.as_dict() for c in self.evidence],
            "explanation": self.explain(),
        }


#: Log-odds ceiling when no identifying word is aligned: generic words, legal
#: forms and particles ("TRADING", "CORP", "LLC", "bin") alone never make a hit.
GENERIC_ONLY_CAP = -4.0
#: Log-odds ceiling of a name on its own (score 0.989): however close two names
#: are, a birth date or an identifier can still move the score, and no score is 1.0.
NAME_CAP = 4.5


#: Log-odds ceiling of a person matched on one word only when one of the names
#: has more ("Sara Jones" vs an alias "SARA"): score 0.27, never a hit alone.
ONE_WORD_CAP = -1.0
#: Log-odds ceiling (score 0.12) of a person's one-word name found only inside a
#: longer name: a middle word alone ("Ahmad" in "Faysal Ahmad Bin Ali
#: Al-Zahrani") stands for thousands, and scores below a first or last name alone.
INSIDE_CAP = -2.0
#: Below this similarity a lone aligned word is "spelled differently" (the same
#: word, or the same after transliteration, scores 0.92 or more).
SPELLED_SIM = 0.92
#: ... and the other name has at least this many identifying words left over.
SPELLED_LEFT = 3
#: Log-odds ceiling of such a pair (score 0.12): below one word spelled the same
#: against the same long name ("Karate" vs "Mahad Warsame Qalley KARATE", 0.24).
SPELLED_CAP = -2.0


#: Log-odds ceiling (score 0.82) of a pair with one name word aligned that is not
#: the same word ("al-Ahmad" vs "Azizirahman Abdul AHAD"): below the score of one
#: word the same ("al-Ahmad" vs "al-Ahmad", 0.83), so a reviewer sees the exact
#: word first. Of the development pairs so capped, about 87 % are true matches.
VARIANT_CAP = 1.52


#: Log-odds ceiling of a listed weak alias (a nickname, a low-quality a.k.a.):
#: score 0.27 on the name alone, so only other evidence (a birth date, an
#: identifier) can make it a hit. OFAC: weak AKAs need not be screened on their
#: own; followthemoney marks ``weakAlias`` as not matchable.
WEAK_ALIAS_CAP = -1.0


def _cap(q: Name, c: Name, raw: Raw) -> tuple[float, str, str] | None:
    """A ceiling on the name's log-odds for pairs no feature weighting may rescue.

    - generic_only: no identifying word aligned (only "TRADING", "LLC", "bin"); or
      names of generic words and legal forms only that are not the same words.
    - country_only: an organisation's listed name whose one identifying word is a
      country's name, against a query with more ("India" vs "Zen Shipping & Port
      India Private Limited").
    - one_word_only: a person's query with several name words matched on one only
      ("Sara Jones" vs an alias "SARA"); a one-word query ("Erdogan") is left to
      the model.
    - initials_only: every aligned name word of a person rests on an initial
      ("N. N." vs "Nursultan Nazarbayev").
    - family_name_missing: a person's name in Chinese characters or Korean letters,
      written with spaces, whose one-syllable family name at either end found no
      counterpart ("유진 박" vs "YU Jin": the given name only).
    - fathers_swapped: "X bin Y" against "Y bin X" (father and son).
    - number_conflict: both names carry numbers, none in common ("Unit 12" vs
      "Unit 21", "Fund II" vs "Fund III").
    - one_word_spelled: only one name word aligned, spelled differently (below
      0.92), while the other name has three or more identifying words left
      ("al-Ahmad" vs "Mahad Warsame Qalley KARATE", "Fresa" vs "Chavez Frias").
    - one_word_inside: a person's name of one identifying word matches only a
      middle word of a name of three or more ("al-Ahmad" vs "Faysal Ahmad Bin Ali
      Al-Zahrani"): at most 0.12; its first or last word ("Erdogan") is left to
      the model.
    - one_word_variant: one name word aligned, not the same word: at most 0.82,
      below one word the same (0.83).
    - country_conflict: both organisations' names name a country and none in
      common ("Bowne Global Solutions (Sweden) AB" vs "(Finland) AB", "Soldiers
      of the Caliphate in Tunisia" vs "in Bangladesh": branches, not spellings).
    - patronymic_conflict: both names give a patronymic and they differ
      ("Sergey Viktorovich" vs "Sergey Borisovich": sons of different fathers).

    ``raw`` is the alignment as plain values (:func:`features.measure_fast`).
    """
    core_pairs = raw[6]
    if core_pairs == 0 and bool(q.core or c.core) and not is_acronym(q, c):
        return GENERIC_ONLY_CAP, "generic_only", "no identifying word aligned: generic words only"
    used_q, used_c = raw[1], raw[2]
    if (
        not q.core
        and not c.core
        and (
            _left(q.fast.generic, used_q)
            or _left(c.fast.generic, used_c)
            or not any(f and i in used_q for i, f in enumerate(q.fast.generic))
        )
    ):
        # Names of generic words only ("General Trading Company"): each word counts,
        # on either side ("TRADING FZE" is not "A A TRADING FZCO"); a legal form
        # alone is no name ("Enterprises SA" is not "SE").
        return GENERIC_ONLY_CAP, "generic_only", "names of generic words that differ"
    person = q.person
    # "Abd al-Sattar" is one name ("servant of the Veiler"), in two words
    compounds = max(_servant_names(q, used_q), _servant_names(c, used_c)) if person else 0
    if (
        person
        and core_pairs - compounds == 1
        and len(q.core) - _servant_names(q, None) > 1
        and not _all_aligned(q, c, used_q, used_c)  # "abd allh" ~ "abdullah": one word
    ):
        return ONE_WORD_CAP, "one_word_only", "a person matched on one name word only"
    if not person and core_pairs == 1 and _country_only(c) and unaligned(q.fast.core_flags, used_q):
        # a listed "India" against "ZEN SHIPPING & PORT INDIA PRIVATE LIMITED"
        return ONE_WORD_CAP, "country_only", "the listed name is only a country's name"
    if person and core_pairs and raw[7] >= core_pairs:
        return ONE_WORD_CAP, "initials_only", "a person matched on initials only"
    if person and (_family_missing(q, used_q) or _family_missing(c, used_c)):
        return (
            ONE_WORD_CAP,
            "family_name_missing",
            "the family name of a name in Chinese characters or Korean letters has no counterpart",
        )
    if person and swapped_fathers(q, c, raw[9]):
        return ONE_WORD_CAP, "fathers_swapped", "a father's name (after bin/ibn) swapped"
    if (
        core_pairs == 1
        and raw[5] < SPELLED_SIM
        and max(unaligned(q.fast.core_flags, used_q), unaligned(c.fast.core_flags, used_c))
        >= SPELLED_LEFT
    ):
        return (
            SPELLED_CAP,
            "one_word_spelled",
            "one name word only, spelled differently, against a longer name",
        )
    if person and core_pairs == 1 and (_inside(q, c, used_c) or _inside(c, q, used_q)):
        return (
            INSIDE_CAP,
            "one_word_inside",
            "a one-word name found only inside a longer name, not as its first or last name",
        )
    if q.numbers and c.numbers and not (q.numbers & c.numbers):
        return ONE_WORD_CAP, "number_conflict", "the names carry different numbers"
    if not person and _countries_differ(q, c):
        return ONE_WORD_CAP, "country_conflict", "the names name different countries"
    if person and _left(q.fast.patronymic, used_q) and _left(c.fast.patronymic, used_c):
        return ONE_WORD_CAP, "patronymic_conflict", "the names give different patronymics"
    if core_pairs == 1 and raw[5] < 1.0:
        return (
            VARIANT_CAP,
            "one_word_variant",
            "one name word only, and not the same word: never above the same word",
        )
    return None


def _countries(name: Name) -> set[str]:
    return {code for t in name.tokens if (code := place_of(t.text)) is not None}


def _countries_differ(q: Name, c: Name) -> bool:
    """Do both names name a country, and no country in common?"""
    if not q.core or not c.core:
        return False
    mine = _countries(q)
    if not mine:
        return False
    theirs = _countries(c)
    return bool(theirs) and not (mine & theirs)


def _family_missing(name: Name, used: set[int]) -> bool:
    """Is a name in Han or Hangul, written with spaces, left without its family name:
    every one-syllable word at its ends unaligned ("박" of "유진 박" against "YU
    Jin", whose words both stand for the given name 유진)?"""
    if name.groups is None or name.script not in SYLLABLE_GROUPS:
        return False
    ends = [i for i, lone in enumerate(lone_syllables(name)) if lone]
    return bool(ends) and not any(i in used for i in ends)


#: A longer name has at least this many identifying words for :func:`_inside`.
INSIDE_MIN_WORDS = 3


def _inside(short: Name, long: Name, used_long: set[int]) -> bool:
    """Is ``short`` one identifying word, aligned with a word of ``long`` (3 or more
    identifying words) that is neither its first nor its last? A given or family
    name alone ("Erdogan") stands for a person; a father's or middle name alone
    ("Ahmad" inside "Faysal Ahmad Bin Ali Al-Zahrani") stands for thousands."""
    if len(short.core) != 1:
        return False
    core = [i for i, flag in enumerate(long.fast.core_flags) if flag]
    if len(core) < INSIDE_MIN_WORDS:
        return False
    return any(i in used_long for i in core[1:-1])


def _country_only(name: Name) -> bool:
    """Is a country's name the only identifying word of ``name`` ("India")?"""
    return len(name.core) == 1 and place_of(name.core[0].text) is not None


#: "Servant of": with the next name word, one Arabic given name (Abd al-Rahman).
SERVANT_WORDS = frozenset({"abd", "abdul", "abdel", "abdal", "abdol", "abdu", "abdoul", "abdur"})


def _servant_names(name: Name, used: set[int] | None) -> int:
    """How many "abd" words of ``name`` begin a name with the next identifying
    word (both aligned, when ``used`` holds the aligned indices)."""
    flags = name.fast.core_flags
    texts = name.fast.texts
    count = 0
    for i, text in enumerate(texts):
        if text not in SERVANT_WORDS or not flags[i] or (used is not None and i not in used):
            continue
        nxt = next((k for k in range(i + 1, len(texts)) if flags[k]), None)
        if nxt is not None and (used is None or nxt in used):
            count += 1
    return count


def _all_aligned(q: Name, c: Name, used_q: set[int], used_c: set[int]) -> bool:
    """Is every identifying (core) word of both names aligned (several of one name
    by one joined word of the other)?"""
    return not unaligned(q.fast.core_flags, used_q) and not unaligned(c.fast.core_flags, used_c)


def _left(flags: tuple[bool, ...], used: set[int]) -> bool:
    """Is any token with the flag set left unaligned?"""
    return any(flag and i not in used for i, flag in enumerate(flags))


#: Log-odds a one-word variant stays below one word the same (:data:`VARIANT_CAP`).
VARIANT_MARGIN = 0.02
_SAME_WORD: dict[tuple[int, bool], float] = {}


#: Log-odds floor of two person names of the same 2+ identifying words, in any
#: order ("KARDIAN Ari" vs "KARDIAN, Ari"): 0.93. Of such development pairs
#: 99.4 % are true matches; the fitted shapes, bent by hard negatives that share
#: a name, gave some of them 0.82, below strangers whose words are only spelled
#: alike (0.87). Ceilings (swapped fathers, different patronymics) still apply
#: after it, and so does other evidence: given and family names swapped in
#: structured records (``family_name_conflict``) stay below the threshold.
SAME_WORDS_FLOOR = 2.587
_SAME_WORDS = FEATURE_NAMES.index("same_words")
_WORD_ORDER = FEATURE_NAMES.index("word_order")
_ORIGINAL_SCRIPT = FEATURE_NAMES.index("original_script_difference")


def _same_words(q: Name, c: Name, values: list[float]) -> bool:
    """The same 2+ words, and in one non-Latin script the same letters in any order:
    陈明国 and "明 晨 郭" romanise alike, but 陈 is not 晨 nor 国 郭."""
    return (
        q.person
        and values[_SAME_WORDS] == 1.0
        and len(q.core) >= 2
        and len(c.core) >= 2
        and (values[_ORIGINAL_SCRIPT] == 0.0 or sorted(q.letters) == sorted(c.letters))
    )


#: Log-odds floor (score 0.85) of two organisation names with the same identifying
#: words in the same order, where only generic words or legal forms differ
#: ("COMPANY ELECTROPRIVOD" vs "ELECTROPRIVOD JSC" was 0.77, below a stranger
#: whose one word was only spelled alike, 0.82). On the alias pairs 1,146 such
#: pairs are one entity and 26 are not; kept below 0.9 because OpenSanctions'
#: name bench labels some of them different entities ("BAE Systems, Inc." vs
#: "BAE Industries, Inc.").
SAME_CORE_FLOOR = 1.735


def _same_core(q: Name, c: Name) -> bool:
    """Two organisation names with the same identifying words in the same order."""
    if q.person or not q.core or len(q.core) != len(c.core):
        return False
    return all(a.text == b.text for a, b in zip(q.core, c.core, strict=True))


def _floor(q: Name, c: Name, values: list[float]) -> tuple[float, str, str] | None:
    """The log-odds floor of two person names of the same 2+ words: in the same
    order the highest a name scores (:data:`NAME_CAP`: no variant of a name may
    outscore the name itself; "Yasin Ali BAYNAH" was 0.971 against itself and
    0.982 against "BAYNAH, Yassin"), in another order :data:`SAME_WORDS_FLOOR`;
    of two organisation names with the same identifying words,
    :data:`SAME_CORE_FLOOR`. (log-odds, name, why)"""
    if _same_words(q, c, values):
        floor = NAME_CAP if values[_WORD_ORDER] == 0.0 else SAME_WORDS_FLOOR
        return floor, "same_words_floor", _FLOOR_DOC
    if _same_core(q, c):
        return SAME_CORE_FLOOR, "same_core_floor", _CORE_FLOOR_DOC
    return None


_FLOOR_DOC = (
    "the same name words: in the same order the highest name score (0.989),"
    " in another order at least 0.93"
)
_CORE_FLOOR_DOC = (
    "the same identifying words, only generic words or legal forms differ: at least 0.85"
)


def _bounded(
    logit: float, q: Name, c: Name, values: list[float], raw: Raw, model: NameModel
) -> tuple[float, list[tuple[str, float, str]]]:
    """The log-odds with the floor (:func:`_floor`) and then the ceiling
    (:func:`_ceiling`) applied, and each that moved it: (feature, log-odds
    after, why). The one place both the fast path and ``compare()`` bound a score."""
    moved: list[tuple[str, float, str]] = []
    floor = _floor(q, c, values)
    if floor is not None and logit < floor[0]:
        logit = floor[0]
        moved.append((floor[1], floor[0], floor[2]))
    cap = _ceiling(q, c, raw, model)
    if cap is not None and logit > cap[0]:
        logit = cap[0]
        moved.append((cap[1], cap[0], cap[2]))
    return logit, moved


def _ceiling(q: Name, c: Name, raw: Raw, model: NameModel) -> tuple[float, str, str] | None:
    """:func:`_cap`, with a one-word variant kept below what the fit gives one
    word the same, whatever the fit."""
    cap = _cap(q, c, raw)
    if cap is not None and cap[1] == "one_word_variant":
        same = _same_word_logit(model, q.person) - VARIANT_MARGIN
        if same < cap[0]:
            return same, cap[1], cap[2]
    return cap


def _same_word_logit(model: NameModel, person: bool) -> float:
    """The model's log-odds for one identifying word against the same word."""
    key = (id(model), person)
    found = _SAME_WORD.get(key)
    if found is None:
        word = prepare("ahmad", person)
        found = _SAME_WORD[key] = model.logit(measure_fast(word, word)[0])
    return found


def name_logit(q: Name, c: Name, model: NameModel, weak: bool = False) -> float:
    """The name pair's log-odds with every ceiling applied (``weak``: the listed
    name is a weak alias, :data:`WEAK_ALIAS_CAP`)."""
    values, raw = measure_fast(q, c)
    logit = model.logit(values)
    if logit > NAME_CAP:
        logit = NAME_CAP
    logit, _ = _bounded(logit, q, c, values, raw, model)
    if weak and logit > WEAK_ALIAS_CAP:
        logit = WEAK_ALIAS_CAP
    return logit


def _korean_name(name: Name) -> bool:
    return name.korean or (name.script == "Hangul" and not name.transcribed)


def name_pairs(q: Name, c: Name) -> list[tuple[Name, Name]]:
    """The pairs of readings to compare: the names, and a person's name in Chinese
    characters read in Korean (:func:`weerbaar.matching.hanja.read_in_korean`)
    when the other is a Korean name in Latin or Korean letters: "金正恩" read in
    Chinese is "jin zheng en", in Korean 김정은, "Kim Jong Un"; and a name in
    Hangul of a Korean name's shape read as a foreign name in Korean letters
    (:func:`weerbaar.matching.names.read_as_loanword`) when the other is a Latin
    name of no Korean shape: "제러미" is Jeremy; and a name in Chinese characters
    without the transcription dot read as a transcription too
    (:func:`weerbaar.matching.names.read_as_transcription`) when the other is a
    Latin name of no Chinese or Korean shape: "沃尔特" is Walter."""
    if q.script == "Han" and _korean_name(c):
        read = read_in_korean(q)
        if read is not None:
            return [(q, c), (read, c)]
    elif c.script == "Han" and _korean_name(q):
        read = read_in_korean(c)
        if read is not None:
            return [(q, c), (q, read)]
    elif q.script == "Han" and c.script == "Latin" and not _chinese_shaped(c):
        sound = read_as_transcription(q)
        if sound is not None and _same_sounds(sound, c):
            return [(q, c), (sound, c)]
    elif c.script == "Han" and q.script == "Latin" and not _chinese_shaped(q):
        sound = read_as_transcription(c)
        if sound is not None and _same_sounds(sound, q):
            return [(q, c), (q, sound)]
    elif q.script == "Hangul" and c.script == "Latin" and not c.korean:
        loan = read_as_loanword(q)
        if loan is not None and _sounds_alike(loan, c):
            return [(q, c), (loan, c)]
    elif c.script == "Hangul" and q.script == "Latin" and not q.korean:
        loan = read_as_loanword(c)
        if loan is not None and _sounds_alike(loan, q):
            return [(q, c), (q, loan)]
    elif q.script == "Arabic" and c.script == "Latin":
        persian = read_as_persian(q)
        if persian is not None:
            return [(q, c), (persian, c)]
    elif c.script == "Arabic" and q.script == "Latin":
        persian = read_as_persian(c)
        if persian is not None:
            return [(q, c), (q, persian)]
    return [(q, c)]


def _chinese_shaped(name: Name) -> bool:
    """Is a name in Latin letters a Chinese or Korean one (a person's, by
    ``Name.chinese`` and ``Name.korean``; an organisation's when every identifying
    word reads as Chinese syllables: "Shenzhen Shipping", not "Altana")?"""
    if name.person:
        return name.chinese or name.korean
    return bool(name.core) and all(chinese_key(t.text) is not None for t in name.core)


#: Least similarity of each word's consonants (:func:`sound_key`) to a word of the
#: other name for a reading of Chinese characters as a transcription to count
#: (0.6 and 0.8 were tried: see decision 0009). A loanword reading of Hangul
#: needs equal keys (1.0): on near keys, Korean names of two syllables find too
#: many foreign words ("한대", "Hardy").
SAME_SOUNDS_MIN = 0.7


def _every_word_heard(
    reading: Name, other: Name, key: Callable[[str], str], minimum: float
) -> bool:
    """Has every word of a second reading (a guess, so it must agree fully) a word of
    the other name whose ``key`` is at least ``minimum`` alike? A Chinese
    transcription's sounds are few: unchecked, "沙拉" (sha la) takes "Shaka"."""
    keys = [key(t.text) for t in other.core]
    return bool(reading.core and keys) and all(
        max(Levenshtein.normalized_similarity(key(t.text), k) for k in keys) >= minimum
        for t in reading.core
    )


def _same_sounds(sound: Name, other: Name) -> bool:
    """:func:`_every_word_heard` by Chinese transcription's consonants
    (:func:`weerbaar.matching.features.sound_key`). For an organisation, every
    identifying word of the other name must be heard in the reading too:
    "xingou" (芯購) and "China" are both "sn", but "Sanjiang" of "China Space
    Sanjiang Group" is not heard."""
    if not sound.person and not _every_word_heard(other, sound, sound_key, SAME_SOUNDS_MIN):
        return False
    return _every_word_heard(sound, other, sound_key, SAME_SOUNDS_MIN)


def _sounds_alike(loan: Name, other: Name) -> bool:
    """:func:`_every_word_heard` by the Korean loanword key
    (:func:`weerbaar.matching.loanwords.loan_key`), keys equal."""
    return _every_word_heard(loan, other, loan_key, 1.0)


def compare_names(schema: str, name1: str, name2: str) -> float:
    """Calibrated score of two names of the given schema (the fast path)."""
    person = is_person(schema)
    craft = schema in CRAFT
    model = load_models().for_kind(person)
    q, c = prepare(name1, person, craft), prepare(name2, person, craft)
    return sigmoid(max(name_logit(a, b, model) for a, b in name_pairs(q, c)))


def record_names(record: Record) -> list[str]:
    """Full names of a record, including one built from its name parts.

    A record with one value of each part (a customer row, one list entry) gets
    them joined in order. A record merged from several lists holds several first
    and last names: joining every middle and last name to each first name would
    make a name nobody has ("MIN BYONG CHOL BYONG CHOL MIN"), so only each first
    name with each last name is joined, and only when no full name is given."""
    names = [n for n in record.names if n and n.strip()]
    firsts, lasts = record.first_names, record.last_names
    if not (firsts or lasts):
        return names
    middles, fathers = record.middle_names, record.father_names
    if len(firsts) <= 1 and len(lasts) <= 1 and len(middles) <= 1 and len(fathers) <= 1:
        built = [" ".join(p for p in (*firsts, *middles, *fathers, *lasts) if p)]
    elif names:
        return names
    else:
        built = [f"{first} {last}".strip() for first in firsts or [""] for last in lasts or [""]]
    for joined in built:
        if joined and joined not in names:
            names.append(joined)
    return names


def _explain_names(q: Name, c: Name, model: NameModel) -> tuple[float, list[Contribution], Raw]:
    raw = _aligned(q, c, True)
    values = feature_values(q, c, raw)
    terms = model.terms(values)
    logit = model.bias + sum(terms)
    if logit > NAME_CAP:
        terms = [t * (NAME_CAP - model.bias) / (logit - model.bias) for t in terms]
        logit = NAME_CAP
    score = sigmoid(logit)
    contributions = []
    for col, shape, term, value in zip(COLUMNS, model.shapes, terms, expand(values), strict=True):
        if shape is None:
            continue
        effect = score - sigmoid(logit - term + shape.baseline)
        if abs(effect) >= 0.005:
            contributions.append(Contribution(col, value, effect, _COLUMN_DOCS[col]))
    logit, moved = _bounded(logit, q, c, values, raw, model)
    for feature, after, doc in moved:
        contributions.append(Contribution(feature, 1.0, sigmoid(after) - score, doc))
        score = sigmoid(after)
    return logit, contributions, raw


def _in_query_order(q: Name, pairs: list[Aligned]) -> list[Aligned]:
    """The aligned pairs in the order of the query's words, as a reviewer reads
    them (the alignment finds the closest pairs first)."""
    first: dict[str, int] = {}
    for i, text in enumerate(q.fast.texts):
        first.setdefault(text, i)
    return sorted(pairs, key=lambda a: first.get(a.query.split(" ", 1)[0], len(first)))


def _words_left(name: Name, used: set[int]) -> list[str]:
    """The identifying words of ``name`` that no word of the other name aligned with."""
    flags = name.fast.core_flags
    return [t.text for i, t in enumerate(name.tokens) if flags[i] and i not in used]


def _column_doc(col: str) -> str:
    docs = {f.name: f.doc for f in FEATURES}
    a, _, b = col.partition("*")
    return docs[a] if not b else f"joint effect of {a} and {b}"


_COLUMN_DOCS = {col: _column_doc(col) for col in COLUMNS}


def _dates(q: list[str], c: list[str]) -> tuple[str, str] | None:
    """The strongest birth-date evidence between two lists of ISO prefixes."""
    if not q or not c:
        return None
    best: tuple[int, str, str] | None = None
    rank = {
        "birth_date_day": 6,
        "birth_date_month": 5,
        "birth_date_year": 4,
        "birth_date_other_day": 3,
        "birth_date_near": 2,
        "birth_date_conflict": 1,
    }
    for a in q:
        for b in c:
            if len(a) < 4 or len(b) < 4 or not a[:4].isdigit() or not b[:4].isdigit():
                continue
            n = min(len(a), len(b))
            if a[:4] != b[:4]:
                kind = (
                    "birth_date_near"
                    if abs(int(a[:4]) - int(b[:4])) == 1
                    else "birth_date_conflict"
                )
            elif a[:n] == b[:n]:
                kind = {10: "birth_date_day", 7: "birth_date_month"}.get(n, "birth_date_year")
            else:
                kind = "birth_date_other_day"
            if best is None or rank[kind] > best[0]:
                best = (rank[kind], kind, f"{a} ~ {b}")
    return (best[1], best[2]) if best else None


_ID_CLEAN = re.compile(r"[^0-9A-Z]")


def _ids(values: list[str]) -> set[str]:
    out = set()
    for v in values:
        key = _ID_CLEAN.sub("", v.upper())
        if key.startswith("IMO") and key[3:].isdigit():
            key = key[3:]
        if len(key) >= 5:
            out.add(key)
    return out


def _family_conflict(query: Record, candidate: Record) -> str | None:
    if not (
        query.last_names and candidate.last_names and query.first_names and candidate.first_names
    ):
        return None
    best = 0.0
    for a in query.last_names:
        for b in candidate.last_names:
            qa, cb = prepare(a, True), prepare(b, True)
            for x in qa.tokens:
                for y in cb.tokens:
                    best = max(best, token_similarity(x, y, _mode(qa, cb))[0])
    if best >= 0.7:
        return None
    return f"{'/'.join(query.last_names)} vs {'/'.join(candidate.last_names)}"


def other_evidence(query: Record, candidate: Record) -> list[tuple[str, str]]:
    """Non-name evidence as (kind, detail); each kind's weight is in EVIDENCE.

    - identifier_match: a passport, IMO, MMSI or registration number in common.
    - birth_date_*: same day / month / year, a one-year difference (a typo or
      an estimate), the same year but another day, or years further apart.
    - country_match / country_conflict: nationalities or countries overlap or not.
    - gender_conflict: both genders known and different.
    - family_name_conflict: both give first and last names separately and the
      last names do not agree (the names match only with first and last swapped).
    - not_known_person: the query is a person and the candidate is of a kind that
      may or may not be one (LegalEntity): on sanctions lists such entries are
      nearly always organisations, whose names can look like a person's.
    """
    found: list[tuple[str, str]] = []
    if is_person(query.schema) and not is_person(candidate.schema):
        found.append(("not_known_person", f"{query.schema} vs {candidate.schema}"))
    family = _family_conflict(query, candidate)
    if family:
        found.append(("family_name_conflict", family))
    common = _ids(query.identifiers) & _ids(candidate.identifiers)
    if common:
        found.append(("identifier_match", ", ".join(sorted(common))))
    dates = _dates(query.birth_dates, candidate.birth_dates)
    if dates:
        found.append(dates)
    if query.countries and candidate.countries:
        both = set(query.countries) & set(candidate.countries)
        if both:
            found.append(("country_match", ", ".join(sorted(both))))
        else:
            found.append(
                (
                    "country_conflict",
                    f"{'/'.join(query.countries)} vs {'/'.join(candidate.countries)}",
                )
            )
    if query.gender and candidate.gender:
        qg, cg = query.gender.lower()[:1], candidate.gender.lower()[:1]
        if qg in "mf" and cg in "mf" and qg != cg:
            found.append(("gender_conflict", f"{query.gender} vs {candidate.gender}"))
    return found


def compatible(a: str, b: str) -> bool:
    """Could a query of schema ``a`` and a listed record of schema ``b`` be the same
    thing? A person is never an organisation or an object, and a ship or aircraft
    is never a person or organisation; a query of unknown kind (LegalEntity, the
    default for customer files) may still be a ship."""
    if is_person(a):
        return b not in NON_PERSON
    if is_person(b):
        return a not in NON_PERSON
    if a in CRAFT:
        return b not in NOT_CRAFT
    if b in CRAFT:
        return a not in NOT_CRAFT or a == "LegalEntity"
    return True


def looks_like_organisation(name: str) -> bool:
    """A name with a legal form or a generic business word ("... CORPORATION",
    "... TRADING") is not a person's name, whatever the record's schema says."""
    prepared = prepare(name, False)
    return bool(prepared.legal_forms) or any(t.kind == KIND_GENERIC for t in prepared.tokens)


class QueryScorer:
    """The score of one query against many candidates, without explanations.

    The query's names are prepared once; :meth:`score` equals
    ``compare(query, candidate).score`` exactly (same names, same arithmetic), at a
    fraction of the cost, so a screener explains (with :func:`compare`) only the
    candidates it reports.
    """

    __slots__ = ("_models", "_person", "_prepared", "names", "query")

    def __init__(self, query: Record) -> None:
        self.query = query
        self.names = record_names(query)
        self._prepared: dict[tuple[bool, bool, bool], list[Name]] = {}
        self._person = is_person(query.schema)
        self._models = load_models()

    def _query_names(self, person: bool, craft: bool, check: bool) -> list[Name]:
        key = (person, craft, check)
        found = self._prepared.get(key)
        if found is None:
            found = self._prepared[key] = [
                prepare(qn, person, craft)
                for qn in self.names
                if not (check and looks_like_organisation(qn))
            ]
        return found

    def name_logit(self, candidate: Record, names: list[str] | None = None) -> float | None:
        """The best name pair's log-odds (None: no names to compare, or schemata that
        cannot be the same thing); ``names`` replaces the candidate's names and
        name parts."""
        query = self.query
        if not compatible(query.schema, candidate.schema):
            return None
        c_person = is_person(candidate.schema)
        person = self._person or c_person
        craft = not person and craft_rules(query.schema, candidate.schema)
        model = self._models.for_kind(person)
        queries = self._query_names(person, craft, person and not self._person)
        if not queries:
            return None
        check_c = person and not c_person
        weak = candidate.weak_names
        listed = []
        for cn in record_names(candidate) if names is None else names:
            if names is not None and not (cn and cn.strip()):
                continue
            if check_c and looks_like_organisation(cn):
                continue
            listed.append((prepare(cn, person, craft), bool(weak) and cn in weak))
        best: float | None = None
        for query_name in queries:
            for listed_name, is_weak in listed:
                for q, c in name_pairs(query_name, listed_name):
                    logit = name_logit(q, c, model, is_weak)
                    if best is None or logit > best:
                        best = logit
        return best

    def score(self, candidate: Record, names: list[str] | None = None) -> float:
        """``compare(query, candidate).score``; ``names`` as in :meth:`name_logit` (the
        other evidence is read off ``candidate``, whose names it ignores)."""
        total = self.name_logit(candidate, names)
        if total is None:
            return 0.0
        for kind, _ in other_evidence(self.query, candidate):
            total += EVIDENCE[kind]
        return sigmoid(total)


def compare(query: Record, candidate: Record, threshold: float | None = None) -> Comparison:
    """Score a query record against a candidate record, with the explanation."""
    models = load_models()
    limit = models.threshold if threshold is None else threshold
    if not compatible(query.schema, candidate.schema):
        return Comparison(score=0.0, threshold=limit)
    person = is_person(query.schema) or is_person(candidate.schema)
    craft = not person and craft_rules(query.schema, candidate.schema)
    model = models.for_kind(person)
    best: tuple[float, Name, Name, bool] | None = None
    weak = candidate.weak_names
    # A person against a record of unknown kind (LegalEntity): skip its names
    # that are plainly an organisation's.
    check_q = person and not is_person(query.schema)
    check_c = person and not is_person(candidate.schema)
    for qn in record_names(query):
        if check_q and looks_like_organisation(qn):
            continue
        query_name = prepare(qn, person, craft)
        for cn in record_names(candidate):
            if check_c and looks_like_organisation(cn):
                continue
            is_weak = bool(weak) and cn in weak
            for q, c in name_pairs(query_name, prepare(cn, person, craft)):
                logit = name_logit(q, c, model, is_weak)
                if best is None or logit > best[0]:
                    best = (logit, q, c, is_weak)
    if best is None:
        return Comparison(score=0.0, threshold=limit)
    _, q, c, is_weak = best
    logit, contributions, raw = _explain_names(q, c, model)
    assert raw[0] is not None
    if is_weak and logit > WEAK_ALIAS_CAP:
        contributions.append(
            Contribution(
                "weak_alias",
                1.0,
                sigmoid(WEAK_ALIAS_CAP) - sigmoid(logit),
                "the listed name is a weak alias (a nickname or low-quality a.k.a.):"
                " never a hit on its own",
            )
        )
        logit = WEAK_ALIAS_CAP
    name_score = sigmoid(logit)
    total = logit
    found = other_evidence(query, candidate)
    for kind, _ in found:
        total += EVIDENCE[kind]
    score = sigmoid(total)
    evidence = [
        Contribution(kind, 1.0, score - sigmoid(total - EVIDENCE[kind]), detail)
        for kind, detail in found
    ]
    return Comparison(
        score=score,
        threshold=limit,
        query_name=q.original,
        candidate_name=c.original,
        aligned=_in_query_order(q, raw[0]),
        query_left=_words_left(q, raw[1]),
        candidate_left=_words_left(c, raw[2]),
        name_score=name_score,
        contributions=contributions,
        evidence=evidence,
    )
