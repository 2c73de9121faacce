"""Name features: small, documented measurements of how two names agree.

The tokens of the two names are aligned first (each query token to at most
one candidate token, best pairs first); every feature is then read off that
alignment or off the whole names. Each feature is a number, mostly in [0, 1];
the model (:mod:`weerbaar.matching.model`) weighs them into a calibrated score.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein
from rapidfuzz.fuzz import ratio

from weerbaar.matching.chinese import (
    chinese_key,
    loose_chinese_key,
    one_chinese_syllable,
    transcription_key,
)
from weerbaar.matching.korean import (
    KOREAN_SURNAME_SIM,
    korean_key,
    one_korean_syllable,
    same_surname,
)
from weerbaar.matching.loanwords import kana_key, kana_spelling, loan_key
from weerbaar.matching.name_groups import NAME_GROUP_SIM, same_group
from weerbaar.matching.names import (
    ABJADS,
    FILIATION,
    KIND_ACRONYM,
    KIND_NAME,
    KIND_NUMBER,
    KIND_PATRONYMIC,
    SYLLABLE_GROUPS,
    Name,
    Token,
    fold,
)
from weerbaar.matching.nicknames import NICKNAME_SIM, is_nickname
from weerbaar.matching.places import place_of
from weerbaar.matching.russian import place_adjective
from weerbaar.matching.translit import skeleton as consonant_skeleton

#: Similarity credited to an initial ("J") against a name starting with it.
INITIAL_SIM = 0.8
#: Two words with the same phonetic key whose spelling is at least
#: SOUND_MIN_SPELLING similar: similarity 0.45 + 0.6 x spelling, at most SOUND_SIM
#: (the sound and the spelling are two pieces of evidence, both counted).
SOUND_SIM = 0.88
SOUND_MIN_SPELLING = 0.55
#: Similarity of two names of one country ("Rossiya" and "Russia").
PLACE_SIM = 0.95
#: Pairs of tokens less similar than this are not aligned.
ALIGN_MIN = 0.55


@dataclass(frozen=True, slots=True)
class Aligned:
    """Two aligned tokens (several joined, for "jin ping" ~ "jinping")."""

    query: str
    candidate: str
    similarity: float
    how: str


@dataclass(slots=True)
class Alignment:
    pairs: list[Aligned]
    query_left: list[Token]
    candidate_left: list[Token]
    query_weight: float
    candidate_weight: float
    query_hit: float
    candidate_hit: float
    worst: float
    core_pairs: int
    initials: int
    disorder: float
    used_query: set[int]
    used_candidate: set[int]
    #: (query index, candidate index) of each aligned pair of name words.
    links: list[tuple[int, int]]


#: How two names' tokens are compared (an argument of :func:`token_similarity`).
MODE_PLAIN = 0
#: One name is Arabic or Hebrew: consonant skeletons count too.
MODE_ABJAD = 1
#: One person's name is in Chinese characters or Korean letters: a romanised
#: syllable stands for one character, so a different syllable ("cheng" for "chen",
#: "chon" for "chol") is a different character, unless only the romanisation
#: system differs (fold).
MODE_HAN = 2
#: One name is a foreign name spelled in Chinese characters ("贝拉克·奥巴马"): its
#: syllables add vowels and read r as l, so sound keys count too.
MODE_SOUND = 3
#: Both names are a Chinese person's, in Latin letters: pinyin and Wade-Giles
#: spellings of one syllable count as one (:mod:`weerbaar.matching.chinese`).
MODE_CHINESE = 4
#: Both names are a Korean person's, in Latin letters: McCune-Reischauer, Revised
#: Romanization and informal spellings of one syllable count as one
#: (:func:`weerbaar.matching.korean.korean_key`).
MODE_KOREAN = 5
#: Both names read as Chinese and as Korean syllables ("Kim Jong Un"): both keys.
MODE_EAST_ASIAN = 6
#: As MODE_HAN, for a person's name in Korean letters: Korean romanisation keys
#: count (서 is "so" and "seo"), Chinese ones do not.
MODE_HANGUL = 7
#: One person's name is a foreign name spelled in Korean letters ("볼프강
#: 아벤트로트"): words compare on their loanword keys
#: (:func:`weerbaar.matching.loanwords.loan_key`).
MODE_LOANWORD = 8
#: As MODE_ABJAD, for a name in Hebrew letters: ב is b or v and פ is p or f, so
#: the skeleton classes b, w and f are one.
MODE_HEBREW = 9
_HEBREW_SKELETON = str.maketrans("wf", "bb")
#: One name is written in Japanese kana ("ウラジーミル・プーチン"): words compare as
#: katakana spells them too (:func:`weerbaar.matching.loanwords.kana_spelling`,
#: :func:`weerbaar.matching.loanwords.kana_key`).
MODE_KANA = 10


@lru_cache(maxsize=100_000)
def _vav_skeleton(text: str) -> str:
    """The Hebrew skeleton of a romanised word whose medial "o" is read as ו = v."""
    if "o" not in text[1:]:
        return consonant_skeleton(text).translate(_HEBREW_SKELETON)
    return consonant_skeleton(text[0] + text[1:].replace("o", "v")).translate(_HEBREW_SKELETON)


#: The modes of a name written a syllable a character (Han, Hangul).
_SYLLABLE_MODES = (MODE_HAN, MODE_HANGUL)
#: Similarity of two romanisations of the same Chinese syllables.
CHINESE_SIM = 0.92
#: Two pinyin spellings a reader of English confuses (Xi, Shi, Si): see chinese.py.
CHINESE_LOOSE_SIM = 0.7
_PATRONYMIC_END = re.compile(r"(ov|ev|iev|ovy|evy)?(itch|ich|ych|na)$|(ogly|oglu|kyzy|qizi)$")
#: Highest similarity of two Arabic-script words of which only one ends in -i.
NISBA_SIM = 0.6


#: Similarity of a Latin word and the same word with the nisba ending -i, as for
#: Arabic script (NISBA_SIM). Not below ALIGN_MIN: lists do spell one person
#: "Hashemi" and "Hashem" (0.5 lost 100 of 14,200 alias variant pairs).
LATIN_NISBA_SIM = NISBA_SIM


def _nisba(a: str, b: str) -> bool:
    """Is one word the other (4+ letters) with -i or -y added (the nisba ending)?
    Not when the shorter ends in i or y already: "gadetskii" and "gadetski",
    "evgenii" and "evgeni" are two romanisations of Russian -ий."""
    if len(a) == len(b) + 1:
        a, b = b, a
    return (
        len(b) == len(a) + 1
        and len(a) >= 4
        and b[-1] in "iy"
        and a[-1] not in "iy"
        and b.startswith(a)
    )


#: Endings many surnames share (Icelandic -dottir and -son, Scandinavian -sen,
#: Arabic -uddin and -ullah, Persian -zadeh, -pour, -nejad, -far, Slavic -enko,
#: -ovic, -ski): two names with the same ending are as alike as their stems
#: (plus SUFFIX_BONUS), so "Henriksen" is not "Frederiksen".
_SHARED_END = re.compile(
    r"(dottir|sdottir|sson|sen|uddin|uddine|eddin|eddine|ullah|ollah|allah|zadeh|zada"
    r"|pour|nejad|nezhad|far|enko|ovic|evic|ski|sky|escu|opoulos|akis|oglu)$"
)
SUFFIX_MIN_STEM = 3
SUFFIX_BONUS = 0.1
#: Only words already this alike are re-read (below it the ending changes nothing).
SUFFIX_FLOOR = 0.5


#: Similarity taken off a Chinese syllable that differs from its counterpart.
HAN_PENALTY = 0.3

_EXACT_KINDS = (KIND_NUMBER, KIND_ACRONYM)
_SIMS: dict[tuple[str, str, int], tuple[float, str]] = {}
_similarity = Levenshtein.normalized_similarity


#: A shared fold counts fully (0.92) only for spellings at least this alike;
#: below it, FAR_FOLD_SIM.
FOLD_MIN_SPELLING = 0.45
FAR_FOLD_SIM = 0.75


def token_similarity(a: Token, b: Token, mode: int | bool) -> tuple[float, str]:
    """Similarity of two tokens in [0, 1] and how it was found (memoised).

    ``mode`` is MODE_PLAIN, MODE_ABJAD or MODE_HAN (True means MODE_ABJAD)."""
    if a.text == b.text:
        return 1.0, "same"
    key = (a.text, b.text, int(mode))
    found = _SIMS.get(key)
    if found is None:
        if len(_SIMS) > 500_000:
            _SIMS.clear()
        found = _SIMS[key] = _token_similarity(a, b, int(mode))
    return found


def _token_similarity(a: Token, b: Token, mode: int) -> tuple[float, str]:
    if len(a.text) == 1 or len(b.text) == 1:
        if a.text[0] == b.text[0] and a.kind != KIND_NUMBER and b.kind != KIND_NUMBER:
            return INITIAL_SIM, "initial"
        return 0.0, ""
    if a.kind in _EXACT_KINDS or b.kind in _EXACT_KINDS:
        # numbers and dotted initials are the same or another: "N.A.B.C." is not "A.B.C."
        return 0.0, ""
    # Plain edit similarity: Jaro-Winkler's prefix bonus made different names that
    # share a start ("Zuckermann"/"Zuckerberg", "Moore"/"Moreno") look alike.
    sim = Levenshtein.normalized_similarity(a.text, b.text)
    how = "spelling"
    same_fold = a.folded == b.folded
    if same_fold:
        # the fold is coarse: two short words far apart in spelling ("javad" and
        # "awadd" both fold to "avad") are weaker evidence than close variants
        floor = 0.92 if sim >= FOLD_MIN_SPELLING else FAR_FOLD_SIM
        if sim < floor:
            sim, how = floor, "transliteration"
    else:
        f = Levenshtein.normalized_similarity(a.folded, b.folded) - 0.04
        if f > sim:
            sim, how = f, "transliteration"
    place_a = place_of(a.text)
    if place_a is not None:
        place_b = place_of(b.text)
        if place_b is not None:
            # two names of one country align; two countries never do
            return (PLACE_SIM, "same country") if place_a == place_b else (0.0, "")
    if (a.kind == KIND_PATRONYMIC) != (b.kind == KIND_PATRONYMIC) and sim < 1.0:
        # a patronymic and the given name it is made of are two names: the son's
        # "Alexandrovich" is not "Aleksandr" (the father's, or another man's)
        pat, other = (a, b) if a.kind == KIND_PATRONYMIC else (b, a)
        stem = _PATRONYMIC_END.sub("", pat.text)
        if len(other.text) <= len(stem) + 1 and _similarity(fold(stem), other.folded) >= 0.8:
            return 0.0, ""
    if a.kind == KIND_PATRONYMIC and b.kind == KIND_PATRONYMIC and not same_fold:
        # "-ovich" is shared by every patronymic: compare the fathers' names.
        stems = _PATRONYMIC_END.sub("", a.text), _PATRONYMIC_END.sub("", b.text)
        sim = min(sim, Levenshtein.normalized_similarity(*stems) + 0.1)
        if sim < NAME_GROUP_SIM and _same_father(*stems):
            # one father's name in two languages: "Sergiyovych" and "Sergeyevich"
            sim, how = NAME_GROUP_SIM, "name form"
        return sim, how
    if sim > SUFFIX_FLOOR and mode == MODE_PLAIN:
        end = _SHARED_END.search(a.text)
        if end is not None and b.text.endswith(end.group(0)):
            # "Jonsdottir" and "Tomasdottir" share only "-dottir": compare what differs
            cut = len(end.group(0))
            stem_a, stem_b = a.text[:-cut], b.text[:-cut]
            if len(stem_a) >= SUFFIX_MIN_STEM and len(stem_b) >= SUFFIX_MIN_STEM:
                sim = min(sim, _similarity(stem_a, stem_b) + SUFFIX_BONUS)
    # the phonetic key drops vowels: it vouches for close spellings only ("Olga"
    # and "Oleg", "Ginta" and "Janett" share one)
    if a.phonetic == b.phonetic and len(a.phonetic) > 1 and SOUND_MIN_SPELLING <= sim < SOUND_SIM:
        sim, how = min(SOUND_SIM, 0.45 + 0.6 * sim), "sound"
    if sim < NICKNAME_SIM and is_nickname(a.text, b.text):
        sim, how = NICKNAME_SIM, "nickname"
    if sim < NAME_GROUP_SIM and same_group(a.text, b.text):
        # another language's form of the name: "pyotr" and "peter", "oleksiy" and "aleksey"
        sim, how = NAME_GROUP_SIM, "name form"
    if (
        sim < 0.85
        and len(a.text) >= 4
        and len(a.text) == len(b.text)
        and sorted(a.text) == sorted(b.text)
        and _swaps(a.text, b.text)
    ):
        sim, how = 0.85, "letters swapped"
    if sim < PLACE_ADJECTIVE_SIM and place_adjective(a.text, b.text):
        # a Russian adjective of a place read as the place with -sk
        # (:func:`weerbaar.matching.russian.translate`): "muromsk" is Murom's
        sim, how = PLACE_ADJECTIVE_SIM, "place adjective"
    if mode in (MODE_ABJAD, MODE_HEBREW):
        ska, skb = a.skeleton, b.skeleton
        if mode == MODE_HEBREW:
            # ב is b or v, פ p or f: one letter each, where Arabic has three
            ska, skb = ska.translate(_HEBREW_SKELETON), skb.translate(_HEBREW_SKELETON)
        skel = Levenshtein.normalized_similarity(ska, skb) * 0.95
        if mode == MODE_HEBREW and skel < 0.95:
            # ו is a vowel (o, u) or the consonant v: דוד is "dod" and David
            vav = max(
                Levenshtein.normalized_similarity(_vav_skeleton(a.text), skb),
                Levenshtein.normalized_similarity(ska, _vav_skeleton(b.text)),
            )
            skel = max(skel, vav * 0.95)
        if skel > sim:
            sim, how = skel, "consonants"
        if (
            len(a.skeleton) > 2
            and len(b.skeleton) > 2
            and a.skeleton.endswith("y") != b.skeleton.endswith("y")
        ):
            # The nisba ending -i (ی/ي) makes another name: Ahmadi is not Ahmad.
            sim = min(sim, NISBA_SIM)
    elif mode == MODE_PLAIN and sim > LATIN_NISBA_SIM and _nisba(a.text, b.text):
        # "Akbari" is not "Akbar", "Mohammadi" not "Mohammad" (in Latin letters too:
        # two different words, not aligned)
        sim, how = LATIN_NISBA_SIM, "-i ending"
    elif mode in _SYLLABLE_MODES:
        if _same_key(_MODE_KEYS[mode], a.text, b.text):
            # one syllable in two romanisations: 서 is "so" (McCune-Reischauer)
            # and "seo" (Revised Romanization); 近 "jin" and "chin" (Wade-Giles)
            if sim < CHINESE_SIM:
                sim, how = CHINESE_SIM, "romanisation"
            return sim, how
        if same_fold and _other_syllable(a.text, b.text):
            # the fold reads j as y (Slavic, German): in a romanised Chinese or
            # Korean name "yong" (영/勇) and "jong" (정) are two characters
            sim, how, same_fold = (
                Levenshtein.normalized_similarity(a.text, b.text),
                "spelling",
                False,
            )
        if not same_fold:
            sim = max(0.0, sim - HAN_PENALTY)
    elif mode == MODE_LOANWORD:
        loan = _similarity(loan_key(a.text), loan_key(b.text)) * TRANSCRIBED_SIM
        if loan > sim:
            sim, how = loan, "sound"
    elif mode == MODE_KANA:
        # letter by letter as katakana spells, or (weaker) by consonants alone
        # when the letters are not far apart ("raburofu" is not "Lebedev")
        loan = _similarity(kana_spelling(a.text), kana_spelling(b.text))
        if loan >= KANA_KEY_MIN_SPELLING:
            loan = max(loan, _similarity(kana_key(a.text), kana_key(b.text)) * KANA_KEY_SIM)
        if loan > sim:
            sim, how = loan, "sound"
    elif mode >= MODE_CHINESE:
        if sim < CHINESE_SIM and _same_key(_MODE_KEYS[mode], a.text, b.text):
            sim, how = CHINESE_SIM, "romanisation"
        elif (
            mode != MODE_KOREAN
            and sim < CHINESE_LOOSE_SIM
            and loose_chinese_key(a.text) == loose_chinese_key(b.text)
        ):
            sim, how = CHINESE_LOOSE_SIM, "sounds alike"
        if how not in _KEYED and _other_initial(a.text, b.text, mode):
            # one syllable with another first sound is another character: "yong"
            # (영) is not "jong" (정) nor "myong" (명); vowels vary in informal
            # spellings (Chol, Chul), first sounds do not
            sim = max(0.0, sim - HAN_PENALTY)
    elif mode == MODE_SOUND:
        sound = _similarity(sound_key(a.text), sound_key(b.text)) * TRANSCRIBED_SIM
        if sound > sim:
            sim, how = sound, "sound"
    return sim, how


def _father_forms(stem: str) -> set[str]:
    """The father's name a patronymic's stem may stand for: "nikola" (Nikolaevich)
    is Nikolay, "anatoli" (Anatolievich) Anatoliy, "yuriyiv" (Yuriyivna) Yuriy."""
    if stem.endswith("iv") and len(stem) > 4:  # Ukrainian -ivna, -yivna
        stem = stem[:-2]
    forms = {stem, stem + "y", stem + "iy", stem + "i", stem + "a"}
    if stem[-1:] in ("y", "i"):
        forms.add(stem[:-1])
    return {f for f in forms if len(f) >= 3}


def _same_father(a: str, b: str) -> bool:
    """Are two patronymics' stems one father's name in two languages (by the name
    groups of :mod:`weerbaar.matching.name_groups`)?"""
    fa, fb = _father_forms(a), _father_forms(b)
    return any(same_group(x, y) for x in fa for y in fb)


def _swaps(a: str, b: str) -> bool:
    """May two words with the same letters be one word with its letters moved?
    From five letters on, any order counts ("mohmaed", "mohamed"; and scrambled
    on purpose, "nitpu", "putin": OpenSanctions' checks want those found, at the
    price of an anagram now and then); four letters only with two neighbours
    swapped ("shpi", "ship")."""
    return len(a) >= 5 or OSA.distance(a, b, score_cutoff=1) == 1


def _other_initial(a: str, b: str, mode: int) -> bool:
    """Are two words each one syllable (Korean or Chinese, by ``mode``) whose
    romanisation keys start with different consonants?"""
    for key, one, on in (
        (korean_key, one_korean_syllable, mode != MODE_CHINESE),
        (chinese_key, one_chinese_syllable, mode != MODE_KOREAN),
    ):
        if on and one(a) and one(b):
            ka, kb = key(a), key(b)
            if ka is not None and kb is not None:
                return _first_consonants(ka) != _first_consonants(kb)
    return False


def _first_consonants(key: str) -> str:
    """The consonants a key starts with (the glides w and y count with the vowel)."""
    return key[: len(key) - len(key.lstrip(_CONSONANTS))]


_CONSONANTS = "".join(sorted(set("bcdfghjklmnpqrstvxzCSZ")))
#: How a similarity was found when a romanisation key vouched for it.
_KEYED = frozenset({"romanisation", "sounds alike"})


def _other_syllable(a: str, b: str) -> bool:
    """Do two words read as different syllables in both Korean and Chinese
    romanisation (each system that reads both words says they differ)?"""
    read = False
    for key in (korean_key, chinese_key):
        ka, kb = key(a), key(b)
        if ka is not None and kb is not None:
            if ka == kb:
                return False
            read = True
    return read


#: Similarity of a place and the Russian adjective made of it ("uralsk", "ural").
PLACE_ADJECTIVE_SIM = 0.9
#: Highest similarity of a word and a foreign name's Chinese transcription.
TRANSCRIBED_SIM = 0.9
#: Highest similarity of two words whose katakana consonants alone agree
#: (:func:`weerbaar.matching.loanwords.kana_key`: "strauss" and "shutorausu",
#: シュトラウス, do; a key drops every vowel, so it vouches for less than spelling).
KANA_KEY_SIM = 0.85
#: Least similarity of two words spelled as katakana spells (:func:`weerbaar.
#: matching.loanwords.kana_spelling`) for their consonants alone to count.
KANA_KEY_MIN_SPELLING = 0.5
#: The consonants a Chinese transcription of a foreign name keeps
#: (:func:`weerbaar.matching.chinese.transcription_key`).
sound_key = transcription_key


#: Similarity a word needs with 2-3 words of the other name run together (their
#: consonant skeletons, when one name is Arabic or Hebrew, at 0.95 of it).
JOIN_MIN = 0.8


def _vowelless(one: Name, many: Name) -> bool:
    """Is ``one`` romanised from Arabic letters, without short vowels, and ``many``
    not? Then "mhmdhsin" (محمدحسین) is shorter than "Mohammad Hossein" run together,
    and lengths do not rule a join out."""
    return one.script == "Arabic" and many.script not in ABJADS


def _joins(one: Name, many: Name, mode: int) -> list[tuple[int, int, int, float]]:
    """Tokens of ``one`` that equal 2-3 adjacent tokens of ``many`` run together
    ("goodwill" ~ "good will", "jinping" ~ "jin ping"), or their initials
    (:func:`_acronyms`): (i, start, end, similarity). With a name in Han or
    Hangul (``MODE_HAN``, ``MODE_HANGUL``) the syllables run together must be the word's own, as
    for single words: "jian ting" (健婷) is not "Jiantong"."""
    found: list[tuple[int, int, int, float]] = []
    pm = many.fast
    low, high = pm.join_min, pm.join_max
    texts = pm.texts
    abjad = one.script in ABJADS or many.script in ABJADS
    # romanisation keys that may join words: both names read as Chinese / Korean
    keys = tuple(
        key
        for key, on in (
            (chinese_key, one.chinese and many.chinese),
            (korean_key, one.korean and many.korean),
        )
        if on
    )
    vowelless = _vowelless(one, many)
    for i, text in enumerate(one.fast.texts):
        n = len(text)
        if text in texts or (not vowelless and (n < low or n > high)):
            continue
        for s, e, length in pm.windows:
            if -2 <= length - n <= 2 or (vowelless and n < length):
                joined = "".join(pm.texts[s:e])
                sim = _similarity(text, joined)
                if sim < JOIN_MIN and abjad and pm.core_flags[e - 1]:
                    # short vowels are not written: "abd allh" (عبد الله) ~ "abdullah";
                    # the words joined must end in a name, not in "al" ("abd al")
                    skel = _similarity(consonant_skeleton(text), consonant_skeleton(joined))
                    sim = skel * 0.95 if skel >= JOIN_MIN else sim
                elif sim < JOIN_MIN and keys and _same_key(keys, text, joined):
                    # "chin ping" (Wade-Giles) ~ "jinping" (pinyin); "un chong" ~ "unjong"
                    sim = CHINESE_SIM
                elif mode in _SYLLABLE_MODES and sim < 1.0:
                    if _same_key(_MODE_KEYS[mode], text, joined):
                        sim = max(sim, CHINESE_SIM)
                    elif fold(text) != fold(joined) or _other_syllable(text, joined):
                        sim = max(0.0, sim - HAN_PENALTY)
                if sim >= JOIN_MIN or (abjad and sim >= JOIN_MIN * 0.95):
                    found.append((i, s, e, sim))
    if one.fast.acronyms:
        found.extend(_acronyms(one, many))
    return found


#: Similarity of a short word to the words it abbreviates ("US" ~ "United
#: States", "PLA" ~ "People's Liberation Army"); a person's run-together initials
#: ("JC" ~ "Jean-Claude") count as initials do.
ACRONYM_SIM = 0.85


Key = Callable[[str], str | None]
#: The romanisation keys each East Asian mode reads words with.
_MODE_KEYS: dict[int, tuple[Key, ...]] = {
    MODE_CHINESE: (chinese_key,),
    MODE_KOREAN: (korean_key,),
    MODE_EAST_ASIAN: (chinese_key, korean_key),
    # a name in Han or Hangul against one in Latin letters
    MODE_HAN: (chinese_key,),
    MODE_HANGUL: (korean_key,),
}


def _same_key(keys: tuple[Key, ...], a: str, b: str) -> bool:
    """Does any of the romanisation ``keys`` read two words as the same syllables?"""
    for key in keys:
        ka = key(a)
        if ka is not None and ka == key(b):
            return True
    return False


def _acronyms(one: Name, many: Name) -> list[tuple[int, int, int, float]]:
    """Words of ``one`` spelled by the first letters of 2-3 adjacent identifying words
    of ``many`` (organisations: 2-3 letters; persons: 2 letters, run-together
    initials). An organisation's word that its own name spells out
    ("ABDALLAH AZZAM BRIGADES (AAB)") is left to its words."""
    found: list[tuple[int, int, int, float]] = []
    person = one.person
    sim = INITIAL_SIM if person else ACRONYM_SIM
    own = one.fast.texts
    for i in one.fast.acronyms:
        word = own[i]
        if not person and any(e <= i or s > i for s, e in _runs(one, word)):
            continue
        found.extend((i, s, e, sim) for s, e in _runs(many, word, person))
    return found


def _runs(name: Name, word: str, person: bool = False) -> list[tuple[int, int]]:
    """Runs of ``name``'s words whose first letters spell ``word``: (start, end).
    An organisation's initials may spell its generic words and skip "and", "of"
    ("Scientific and Technical Center": STC), of words of 3+ letters ("SB" is no
    initial of "SB Bank"); a person's are of name words of 2+ letters."""
    pm = name.fast
    texts = pm.texts
    if person:
        core, skip, shortest = pm.core_flags, _NO_WORDS, 2
    else:
        core = tuple(a or b for a, b in zip(pm.core_flags, pm.generic, strict=True))
        skip, shortest = _ACRONYM_SKIPPED, 3
    n, last = len(word), len(texts)
    runs: list[tuple[int, int]] = []
    for s in range(last - n + 1):
        if not (core[s] and len(texts[s]) >= shortest and texts[s][0] == word[0]):
            continue
        k, m = s + 1, 1
        while m < n and k < last:
            if texts[k] in skip and k + 1 < last:
                k += 1
                continue
            if not (core[k] and len(texts[k]) >= shortest and texts[k][0] == word[m]):
                break
            k, m = k + 1, m + 1
        if m == n:
            runs.append((s, k))
    return runs


def _spelled(texts: tuple[str, ...], start: int, end: int) -> int:
    """How many words of a run its initials spell (all but "and", "of" ...)."""
    return sum(1 for k in range(start, end) if texts[k] not in _ACRONYM_SKIPPED)


#: Words an organisation's initials leave out ("Scientific and Technical
#: Center": STC; "Bank of Moscow": BM).
_ACRONYM_SKIPPED = frozenset({"and", "of", "the", "for", "i", "de", "du", "des", "et", "y"})
_NO_WORDS: frozenset[str] = frozenset()


def _mode(q: Name, c: Name) -> int:
    if q.transcribed or c.transcribed:
        return MODE_LOANWORD if "Hangul" in (q.script, c.script) else MODE_SOUND
    if q.kana or c.kana:
        return MODE_KANA
    if q.abjad or c.abjad:
        return MODE_HEBREW if "Hebrew" in (q.script, c.script) else MODE_ABJAD
    chinese, korean = q.chinese and c.chinese, q.korean and c.korean
    if chinese or korean:
        return MODE_EAST_ASIAN if chinese and korean else MODE_CHINESE if chinese else MODE_KOREAN
    if q.person and (q.script in SYLLABLE_GROUPS or c.script in SYLLABLE_GROUPS):
        return MODE_HANGUL if "Hangul" in (q.script, c.script) else MODE_HAN
    return MODE_PLAIN


#: What the features read off an alignment: aligned pairs (or None), used query and
#: candidate indices, query hit, candidate hit, weakest core similarity, core pairs,
#: initials, disorder, (query, candidate) links.
Raw = tuple[
    list[Aligned] | None, set[int], set[int], float, float, float, int, int, float,
    list[tuple[int, int]], int,
]  # fmt: skip


def align(q: Name, c: Name) -> Alignment:
    """Alignment of the tokens of two names: joined words first, then greedy
    best-first pairs of single words.

    A Chinese or Korean given name is one word written as two syllables: when only
    some of its syllables found a counterpart ("yun" of "ha yun" against "Yun"),
    none of them counts, and the alignment is made again without them."""
    return _alignment(q, c, _aligned(q, c, True))


def _alignment(q: Name, c: Name, raw: Raw) -> Alignment:
    pairs, used_q, used_c, qhit, chit, worst, core, initials, disorder, links, _ = raw
    qt, ct = q.tokens, c.tokens
    return Alignment(
        pairs=pairs if pairs is not None else [],
        query_left=[t for i, t in enumerate(qt) if i not in used_q],
        candidate_left=[t for j, t in enumerate(ct) if j not in used_c],
        query_weight=q.fast.total_weight,
        candidate_weight=c.fast.total_weight,
        query_hit=qhit,
        candidate_hit=chit,
        worst=worst,
        core_pairs=core,
        initials=initials,
        disorder=disorder,
        used_query=used_q,
        used_candidate=used_c,
        links=links,
    )


_NO_SKIP: frozenset[int] = frozenset()


def _aligned(q: Name, c: Name, want_pairs: bool) -> Raw:
    """:func:`align` as plain values (the aligned pairs only when ``want_pairs``)."""
    raw = _align(q, c, _NO_SKIP, _NO_SKIP, want_pairs)
    if q.groups is None and c.groups is None:
        return raw
    bad_q = _partial(q.groups, raw[1])
    bad_c = _partial(c.groups, raw[2])
    if not bad_q and not bad_c:
        return raw
    return _align(q, c, bad_q, bad_c, want_pairs)


def _partial(groups: tuple[int, ...] | None, used: set[int]) -> frozenset[int]:
    """Indices of tokens whose word (group) is only partly aligned."""
    if groups is None:
        return frozenset()
    hit: dict[int, int] = {}
    size: dict[int, int] = {}
    for i, g in enumerate(groups):
        size[g] = size.get(g, 0) + 1
        if i in used:
            hit[g] = hit.get(g, 0) + 1
    partial = {g for g, n in hit.items() if n < size[g]}
    return frozenset(i for i, g in enumerate(groups) if g in partial)


def _align(
    q: Name, c: Name, skip_q: frozenset[int], skip_c: frozenset[int], want_pairs: bool
) -> Raw:
    mode = _mode(q, c)
    pq, pc = q.fast, c.fast
    qtexts, ctexts = pq.texts, pc.texts
    used_q: set[int] = set(skip_q)
    used_c: set[int] = set(skip_c)
    pairs: list[Aligned] | None = [] if want_pairs else None
    npairs = 0
    qhit = chit = 0.0
    worst = 1.0
    core = initials = 0
    order: list[tuple[int, int]] = []
    for flip, (one, many) in enumerate(((q, c), (c, q))):
        pm, po = many.fast, one.fast
        # many has fewer than two words, or no word of one has a joinable length
        if (
            pm.join_max < 0
            or (po.max_len < pm.join_min and not _vowelless(one, many))
            or po.min_len > pm.join_max
        ) and not po.acronyms:
            continue
        joins = _joins(one, many, mode)
        if not joins:
            continue
        if len(joins) > 1:
            joins.sort(key=_minus_sim)
        one_texts, one_weights = one.fast.texts, one.fast.weights
        for i, s, e, sim in joins:
            ui, um = (used_c, used_q) if flip else (used_q, used_c)
            if i in ui or any(k in um for k in range(s, e)):
                continue
            ui.add(i)
            um.update(range(s, e))
            one_w = one_weights[i] * sim
            many_w = sum(pm.weights[s:e]) * sim
            npairs += 1
            how = "acronym" if len(one_texts[i]) == _spelled(pm.texts, s, e) else "joined"
            if flip:
                if pairs is not None:
                    pairs.append(Aligned(" ".join(pm.texts[s:e]), one_texts[i], sim, how))
                qhit += many_w
                chit += one_w
                order.append((s, i))
            else:
                if pairs is not None:
                    pairs.append(Aligned(one_texts[i], " ".join(pm.texts[s:e]), sim, how))
                qhit += one_w
                chit += many_w
                order.append((i, s))
            core += 1
            worst = min(worst, sim)
            if how == "acronym" and one.person:
                # a person's run-together initials ("JT") are initials
                initials += 1
    scored: list[tuple[float, int, int, float, str]] = []  # (weight, -i, -j, sim, how)
    qt, ct = q.tokens, c.tokens
    qroot, croot = pq.root_weights, pc.root_weights
    sims = _SIMS
    # the last word of a long name may be cut short (a fixed-width field)
    qlast = len(qtexts) - 1 if _cuttable(q) else -1
    clast = len(ctexts) - 1 if _cuttable(c) else -1
    # words where a one-syllable family name may stand: in Han or Hangul its lone
    # syllables at an end (either side may hold it); in Korean Latin letters the
    # first and last words (both sides must)
    qfam = cfam = _NO_FAMILY
    if mode in _SYLLABLE_MODES:
        qfam, cfam = lone_syllables(q), lone_syllables(c)
    elif mode in (MODE_KOREAN, MODE_EAST_ASIAN):
        qfam, cfam = _name_ends(q), _name_ends(c)
    person = q.person
    for i, at in enumerate(qtexts):
        if i in used_q:
            continue
        qr = qroot[i]
        for j, bt in enumerate(ctexts):
            if j in used_c:
                continue
            if at == bt:
                sim, how = 1.0, "same"
            else:
                key = (at, bt, mode)
                found = sims.get(key)
                if found is None:
                    if len(sims) > 500_000:
                        sims.clear()
                    found = sims[key] = _token_similarity(qt[i], ct[j], mode)
                sim, how = found
                if (
                    qfam
                    and sim < KOREAN_SURNAME_SIM
                    and ((qfam[i] or cfam[j]) if mode in _SYLLABLE_MODES else (qfam[i] and cfam[j]))
                    and same_surname(at, bt)
                ):
                    # a family name of one syllable: 이 is "i", Lee, Yi or Ri; in
                    # Latin letters on both sides, where it opens or closes both
                    # names: 정 is "Jung" and "Chong"
                    sim, how = KOREAN_SURNAME_SIM, "romanisation"
                if sim < DERIVED_SIM and not person and at[:3] == bt[:3] and derived(at, bt):
                    sim, how = DERIVED_SIM, "word form"
                if (
                    sim < CUT_SIM
                    and (i == qlast or j == clast)
                    and at[:2] == bt[:2]  # a cut word keeps its first letters
                    and _cut(qt[i], ct[j], i == qlast, j == clast)
                ):
                    sim, how = CUT_SIM, "cut short"
            if sim >= ALIGN_MIN:
                cr = croot[j]
                # ties go to the earlier words (-i, -j sort high): "Mohamed Slim Ben
                # Mohamed" pairs its first Mohamed with the other name's first
                scored.append((sim * (qr if qr < cr else cr), -i, -j, sim, how))
    if len(scored) > 1:
        scored.sort(reverse=True)
    qweights, cweights = pq.weights, pc.weights
    qcore, ccore = pq.core_flags, pc.core_flags
    every: list[tuple[int, int]] = []
    for _, mi, mj, sim, how in scored:
        i, j = -mi, -mj
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        npairs += 1
        if person:
            every.append((i, j))
        if pairs is not None:
            pairs.append(Aligned(qtexts[i], ctexts[j], sim, how))
        qhit += qweights[i] * sim
        chit += cweights[j] * sim
        if qcore[i] and ccore[j]:
            core += 1
            if sim < worst:
                worst = sim
            order.append((i, j))
        if how == "initial":
            initials += 1
    n = len(order)
    disorder = 0.0
    if n > 1:
        order.sort()
        inversions = 0
        for x in range(n):
            ox = order[x][1]
            for y in range(x + 1, n):
                if ox > order[y][1]:
                    inversions += 1
        if inversions and not (
            (len(every) > 2 and _rotated(sorted(every)))
            # two words swapped as one name was written: "CHAHARMAHALI Ali" read
            # as "Ali CHAHARMAHALI", against "Chaharmahali Ali"
            or (n == 2 and len(every) == 2 and q.reordered != c.reordered)
        ):
            disorder = inversions / (n * (n - 1) / 2)
    if skip_q:
        used_q -= skip_q
    if skip_c:
        used_c -= skip_c
    return (
        pairs, used_q, used_c, qhit, chit, worst if npairs else 0.0, core, initials, disorder,
        order, npairs,
    )  # fmt: skip


#: Similarity of an organisation's word and a form derived from it with an
#: English ending: "Air" and "Airlines" (MAHAN AIR), a country and its adjective
#: ("Iran" and "Iranian", "Syria" and "Syrian"). Not for persons' names
#: ("Julian" is not "Juli"). Plurals need no rule (edit similarity 0.9); the
#: endings -ic, -al and -ary made as many false matches as true ones on the
#: alias pairs ("Sham al-Islam" and "Islamic Resistance").
DERIVED_SIM = 0.85
#: The endings; the stem keeps 3+ letters.
_DERIVED_ENDINGS = ("lines", "ways", "line", "way", "ian", "ese", "an")
DERIVED_MIN_STEM = 3


def derived(a: str, b: str) -> bool:
    """Is one word the other with one of the endings of :data:`_DERIVED_ENDINGS`
    ("air" and "airlines", "iran" and "iranian")?"""
    if len(a) > len(b):
        a, b = b, a
    if len(a) < DERIVED_MIN_STEM or not b.startswith(a) or not a.isalpha():
        return False
    return b[len(a) :] in _DERIVED_ENDING_SET


_DERIVED_ENDING_SET = frozenset(_DERIVED_ENDINGS)


#: A name of at least this many words and letters may have its last word cut
#: short ("NOUREDDINE BEN ALI BEN BELKASSEM DR" for "... DRISSI", a fixed-width
#: field): similarity CUT_SIM. A short name is written whole: "Thomas A. Lind"
#: is not "Thomas Lindemann".
CUT_MIN_WORDS = 3
CUT_MIN_LENGTH = 25
CUT_SIM = 0.75


def _cuttable(name: Name) -> bool:
    return len(name.tokens) >= CUT_MIN_WORDS and len(name.latin) >= CUT_MIN_LENGTH


def _cut(a: Token, b: Token, a_last: bool, b_last: bool) -> bool:
    """Is the last word of one name the start (2+ letters) of a longer word of the
    other?"""
    if a.kind == KIND_NUMBER or b.kind == KIND_NUMBER:
        return False
    x, y = a.text, b.text
    if a_last and 2 <= len(x) < len(y) and y.startswith(x):
        return True
    return b_last and 2 <= len(y) < len(x) and x.startswith(y)


_NO_FAMILY: tuple[bool, ...] = ()


def _name_ends(name: Name) -> tuple[bool, ...]:
    """For each token: does it open or close the name (where a family name is)?"""
    n = len(name.tokens)
    return tuple(k == 0 or k == n - 1 for k in range(n))


def lone_syllables(name: Name) -> tuple[bool, ...]:
    """For each token: is it a word of one syllable that opens or closes a name in
    Chinese characters or Korean letters (a family name: "박" in "박 지성", not
    "유" in "유진", nor "瑜" in "颖 瑜 金", given names written one character a
    word)?"""
    groups = name.groups
    if groups is None:
        return (False,) * len(name.tokens)
    sizes: dict[int, int] = {}
    for g in groups:
        sizes[g] = sizes.get(g, 0) + 1
    ends = (groups[0], groups[-1])
    return tuple(sizes[g] == 1 and g in ends for g in groups)


def _rotated(order: list[tuple[int, int]]) -> bool:
    """Are the aligned words in the same order but for a rotation? ("KOLBIN Sergey
    Nikolayevich" against "Sergey Nikolayevich KOLBIN": the family name written
    first, as Russian, Hungarian, Chinese and Korean names and many lists do.)
    ``order`` holds the aligned (query, candidate) word indices of a person's name
    (3 or more), sorted by the query's."""
    js = [j for _, j in order]
    descents = sum(1 for a, b in itertools.pairwise(js) if a > b)
    return descents == 1 and js[-1] < js[0]


def _minus_sim(join: tuple[int, int, int, float]) -> float:
    return -join[3]


def values(q: Name, c: Name, raw: Raw) -> list[float]:
    """All feature values (in :data:`FEATURES` order) from the plain alignment: the
    same numbers as the features' ``compute`` functions, without building lists."""
    _, used_q, used_c, qhit, chit, worst, core, initials, disorder, _, _ = raw
    pq, pc = q.fast, c.fast
    q_left = c_left = 0.0
    q_sub = c_sub = 0
    lw, sub = pq.left_weights, pq.substitutable
    for i in range(len(lw)):
        if i not in used_q:
            q_left += lw[i]
            if sub[i]:
                q_sub += 1
    fw, sub = pc.free_weights, pc.substitutable
    for j in range(len(fw)):
        if j not in used_c:
            c_left += fw[j]
            if sub[j]:
                c_sub += 1
    q_gen = unaligned(pq.generic, used_q)
    c_gen = unaligned(pc.generic, used_c)
    qw, cw = pq.total_weight, pc.total_weight
    same_script = q.script == c.script
    qnum, cnum = q.numbers, c.numbers
    if qnum and cnum and qnum != cnum:
        numbers = 1.0
    elif bool(qnum) != bool(cnum):
        numbers = 0.5
    else:
        numbers = 0.0
    ql, cl = q.legal_forms, c.legal_forms
    return [
        (qhit + chit) / (qw + cw),
        min(1.0, qhit / qw),
        min(1.0, chit / cw),
        worst,
        min(3.0, q_left),
        min(3.0, c_left),
        float(min(q_sub, c_sub, 2)),
        disorder,
        disorder if pq.filiation or pc.filiation else 0.0,
        1.0 - ratio(q.letters, c.letters) / 100.0
        if same_script and q.script not in ("Latin", "")
        else 0.0,
        1.0 if is_acronym(q, c) else 0.0,
        1.0 if core <= 1 else 0.0,
        ratio(q.compact, c.compact) / 100.0,
        float(min(initials, 2)),
        numbers,
        1.0 if ql and cl and not (ql & cl) else 0.0,
        0.0 if same_script else 1.0,
        1.0 if q.transcribed != c.transcribed else 0.0,
        1.0 if pq.core_sorted and pq.core_sorted == pc.core_sorted else 0.0,
        ratio(pq.skeleton_compact, pc.skeleton_compact) / 100.0
        if q.script in ABJADS or c.script in ABJADS
        else 0.0,
        1.0 if q_gen and c_gen else 0.0,
        float(min(q_gen + c_gen, 2)),
    ]


def unaligned(flags: tuple[bool, ...], used: set[int]) -> int:
    """How many tokens with the flag set (identifying, generic ...) are left
    unaligned (``used``: the aligned token indices)?"""
    return sum(1 for i, flag in enumerate(flags) if flag and i not in used) if any(flags) else 0


def _left_weight(tokens: list[Token], patronymic_free: bool = False) -> float:
    total = 0.0
    for t in tokens:
        if t.kind in (KIND_NAME, KIND_NUMBER, KIND_ACRONYM):
            total += 1.0
        elif t.kind == KIND_PATRONYMIC and not patronymic_free:
            total += 0.5
    return total


@dataclass(frozen=True, slots=True)
class Feature:
    """One documented measurement of a pair of names."""

    name: str
    doc: str
    compute: Callable[[Name, Name, Alignment], float]


def _coverage(q: Name, c: Name, al: Alignment) -> float:
    return (al.query_hit + al.candidate_hit) / (al.query_weight + al.candidate_weight)


def _query_coverage(q: Name, c: Name, al: Alignment) -> float:
    return min(1.0, al.query_hit / al.query_weight)


def _candidate_coverage(q: Name, c: Name, al: Alignment) -> float:
    return min(1.0, al.candidate_hit / al.candidate_weight)


def _worst(q: Name, c: Name, al: Alignment) -> float:
    return al.worst


def _query_missing(q: Name, c: Name, al: Alignment) -> float:
    return min(3.0, _left_weight(al.query_left))


def _candidate_missing(q: Name, c: Name, al: Alignment) -> float:
    return min(3.0, _left_weight(al.candidate_left, patronymic_free=True))


_SUBSTITUTABLE = (KIND_NAME, KIND_NUMBER, KIND_PATRONYMIC, KIND_ACRONYM)


def _substituted(q: Name, c: Name, al: Alignment) -> float:
    left_q = sum(1 for t in al.query_left if t.kind in _SUBSTITUTABLE)
    left_c = sum(1 for t in al.candidate_left if t.kind in _SUBSTITUTABLE)
    return float(min(left_q, left_c, 2))


def _disorder(q: Name, c: Name, al: Alignment) -> float:
    return al.disorder


_FILIATION = FILIATION


def fathers_swapped(q: Name, c: Name, al: Alignment) -> bool:
    """Both names say "X bin Y" and a father's name (the word after bin/ibn) on one
    side is aligned with a word that is not a father's name on the other
    ("Salman bin Muhammad" vs "Muhammad bin Salman": father and son)."""
    return swapped_fathers(q, c, al.links)


def swapped_fathers(q: Name, c: Name, links: list[tuple[int, int]]) -> bool:
    """:func:`fathers_swapped` on the aligned (query, candidate) word indices."""
    fq = q.fast.fathers
    if not fq:
        return False
    fc = c.fast.fathers
    return bool(fc) and any((i in fq) != (j in fc) for i, j in links)


def _filiation_order(q: Name, c: Name, al: Alignment) -> float:
    if any(t.text in _FILIATION for t in q.tokens) or any(t.text in _FILIATION for t in c.tokens):
        return al.disorder
    return 0.0


def _original_script(q: Name, c: Name, al: Alignment) -> float:
    if q.script == c.script and q.script not in ("Latin", ""):
        return 1.0 - ratio(q.letters, c.letters) / 100.0
    return 0.0


def _acronym(q: Name, c: Name, al: Alignment) -> float:
    return 1.0 if is_acronym(q, c) else 0.0


def is_acronym(q: Name, c: Name) -> bool:
    """Is one name (one word) the initials of the other?"""
    for short, long in ((q.fast, c.fast), (c.fast, q.fast)):
        word = short.acronym_word  # the only word, of 2-8 letters
        if not word:
            continue
        every, core = long.initials  # empty for names of fewer than two words
        if not every:
            continue
        if word in (every, core) or (
            len(word) >= 3 and (every.startswith(word) or core.startswith(word))
        ):
            return True
    return False


def _single(q: Name, c: Name, al: Alignment) -> float:
    return 1.0 if al.core_pairs <= 1 else 0.0


def _compact(q: Name, c: Name, al: Alignment) -> float:
    return ratio(q.compact, c.compact) / 100.0


def _initials(q: Name, c: Name, al: Alignment) -> float:
    return float(min(al.initials, 2))


def _numbers(q: Name, c: Name, al: Alignment) -> float:
    if q.numbers and c.numbers and q.numbers != c.numbers:
        return 1.0
    if bool(q.numbers) != bool(c.numbers):
        return 0.5
    return 0.0


def _legal(q: Name, c: Name, al: Alignment) -> float:
    if q.legal_forms and c.legal_forms and not (q.legal_forms & c.legal_forms):
        return 1.0
    return 0.0


def _cross(q: Name, c: Name, al: Alignment) -> float:
    return 1.0 if q.script != c.script else 0.0


def _transcribed(q: Name, c: Name, al: Alignment) -> float:
    return 1.0 if q.transcribed != c.transcribed else 0.0


def _exact(q: Name, c: Name, al: Alignment) -> float:
    qs = sorted(t.text for t in q.core)
    return 1.0 if qs and qs == sorted(t.text for t in c.core) else 0.0


def _abjad_compact(q: Name, c: Name, al: Alignment) -> float:
    if not (q.abjad or c.abjad):
        return 0.0
    qs = "".join(sorted(t.skeleton for t in q.core))
    cs = "".join(sorted(t.skeleton for t in c.core))
    return ratio(qs, cs) / 100.0


def _generic_differ(q: Name, c: Name, al: Alignment) -> float:
    return (
        1.0
        if unaligned(q.fast.generic, al.used_query) and unaligned(c.fast.generic, al.used_candidate)
        else 0.0
    )


def _generic_unmatched(q: Name, c: Name, al: Alignment) -> float:
    left = unaligned(q.fast.generic, al.used_query)
    return float(min(left + unaligned(c.fast.generic, al.used_candidate), 2))


FEATURES: list[Feature] = [
    Feature(
        "coverage", "Share of both names' token weight that is aligned, times similarity", _coverage
    ),
    Feature("query_coverage", "Share of the query's token weight that is aligned", _query_coverage),
    Feature(
        "candidate_coverage",
        "Share of the listed name's token weight that is aligned",
        _candidate_coverage,
    ),
    Feature("weakest_token", "Similarity of the least similar aligned pair of name words", _worst),
    Feature(
        "query_unmatched",
        "Name words in the query with no counterpart (count, max 3)",
        _query_missing,
    ),
    Feature(
        "candidate_unmatched",
        "Name words in the listed name with no counterpart (max 3)",
        _candidate_missing,
    ),
    Feature(
        "substituted",
        "Name words with no counterpart on both sides: a different name (max 2)",
        _substituted,
    ),
    Feature(
        "word_order",
        "Share of aligned word pairs in a different order (0 same order; a person's name"
        " with 3+ aligned words, one moved from the end to the front or back, counts"
        " as in order: the family name written first)",
        _disorder,
    ),
    Feature(
        "filiation_order",
        "Word order differs in a name with bin/ibn/ben (father and son swapped)",
        _filiation_order,
    ),
    Feature(
        "original_script_difference",
        "Both names in the same non-Latin script: how much the original letters differ",
        _original_script,
    ),
    Feature(
        "acronym", "One name is the initials of the other (PLA, People's Liberation Army)", _acronym
    ),
    Feature("single_word", "Only one name word aligned: weak evidence on its own", _single),
    Feature("whole_name", "Edit similarity of the whole names, words sorted and joined", _compact),
    Feature("initials", "Aligned pairs that rest on an initial only (max 2)", _initials),
    Feature(
        "number_conflict",
        "The names carry different numbers (1), or only one has a number (0.5)",
        _numbers,
    ),
    Feature("legal_form_conflict", "Both names have a legal form and they differ", _legal),
    Feature("cross_script", "The names were written in different scripts", _cross),
    Feature(
        "transcribed",
        "One name is a foreign name spelled in Chinese characters (维克托·布特), compared"
        " by sound: its alignments are looser than a transliteration's",
        _transcribed,
    ),
    Feature("same_words", "The same name words after transliteration, in any order", _exact),
    Feature(
        "consonants",
        "Consonant-skeleton similarity when one name is Arabic or Hebrew",
        _abjad_compact,
    ),
    Feature(
        "generic_differ",
        "Both organisation names keep a generic word the other lacks: BAE Systems vs"
        " BAE Industries",
        _generic_differ,
    ),
    Feature(
        "generic_unmatched",
        "Generic words of either name with no counterpart (count, max 2)",
        _generic_unmatched,
    ),
]
FEATURE_NAMES = [f.name for f in FEATURES]


def measure(q: Name, c: Name) -> tuple[list[float], Alignment]:
    """All feature values for one pair of names, with the alignment."""
    raw = _aligned(q, c, True)
    return values(q, c, raw), _alignment(q, c, raw)


def measure_fast(q: Name, c: Name) -> tuple[list[float], Raw]:
    """All feature values for one pair of names, with the alignment as plain values
    (no aligned pairs): the scoring path, where no explanation is shown."""
    raw = _aligned(q, c, False)
    return values(q, c, raw), raw
