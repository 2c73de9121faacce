"""The regular expressions and constant tables that printed OJ names are read with.

Notes that name nobody (dates of birth, ``previously listed as``), labels
naming a script or language (``Russian:``) or a kind of other name
(``a.k.a.``, ``formerly known as``, ``born``), the separators between whole
names (``a.k.a.``, a dash, a slash), enumerators (``(b)``), and the legal
forms and places that stay in a name when printed in parentheses.
"""

from __future__ import annotations

import re

#: Parenthesised text (or a tail) that names nobody.
NOTE = re.compile(
    r"^\W*(?:date of birth|dob\b|place of birth|born\s+(?:on\b|in\b|\d)|b\.\s*\d|passport"
    r"|national identification|\w+ residency card|false identity|nationality"
    r"|(?:as\s+)?(?:previously|formerly)\s+listed|nom de guerre|combat name|call sign"
    r"|initials|birth name|when\b|third\b|the\s+\w+$|including\b|prominently known)",
    re.I,
)
#: Where a note starts after a name printed without parentheses.
NOTE_TAIL = re.compile(
    r"(?:[.,;]\s*|\s+)(?=(?:date of birth|dob\b|place of birth|nationality:"
    r"|born\s+(?:on\s+|in\s+)?\d))",
    re.I,
)
#: ``and the following subsidiaries:`` ending a name: a note.
SUBSIDIARIES = re.compile(
    r"[\s,]*(?:(?:and|including)\s+)?(?:the following\s+)?subsidiaries:?\s*$", re.I
)
#: A label naming the script or language of what follows.
LABEL = re.compile(
    r"(?:^|(?<=\s)|(?<=[.,;]))(?:in\s+)?(?P<label>original script|russian spelling|russian"
    r"|ukrainian|belarussian|belarusian|english|arabic|chinese|korean|farsi|persian)\s*:\s*",
    re.I,
)
#: A label saying what kind of other name follows.
KIND_LABEL = re.compile(
    r"^(?P<label>married name|stage name|aliases|a\.?k\.?a\.?|also known as|alias|known as"
    r"|f\.?k\.?a\.?|formerly known as|formerly|former name|previously known as|ex|or|born)"
    r"\b[.:]*\s*",
    re.I,
)
KIND_OF_LABEL = {
    "stage name": "weak",
    "known as": "weak",
    "alias": "weak",
    "f.k.a.": "previous",
    "fka": "previous",
    "formerly known as": "previous",
    "formerly": "previous",
    "former name": "previous",
    "previously known as": "previous",
    "ex": "previous",
    "born": "previous",
}
#: ``a.k.a.`` printed between names, outside parentheses.
AKA = re.compile(
    r"\s*\b(?:a\.k\.a\.|aka:|f\.k\.a\.|also known as|known as|alias(?=\s))\s*"
    r"|(?<=\S)\s+aka\s+",
    re.I,
)
#: `` / `` between two names printed one after the other.
SLASH = re.compile(r"\s+/\s+")
#: A dash between two names, or one ending the text.
DASH = re.compile(r"\s+[–—-](?:\s+|$)|\s*[–—]\s*$")
#: ``(b)``, ``(iii)``: the enumerator of a list of names.
ENUMERATOR = re.compile(r"^(?:[a-h]|i{1,3}|iv|vi{0,3})$")
#: A legal form printed in parentheses is part of the name.
LEGAL_FORMS = {
    "jsc", "pjsc", "ojsc", "cjsc", "ao", "pao", "oao", "zao", "ooo", "llc", "ltd", "plc",
    "d", "private", "public joint-stock company", "joint-stock company",
    "joint stock company", "public joint stock company", "limited liability company",
    "акционерное общество", "публичное акционерное общество", "ооо", "ао", "пао",
    "оао", "зао", "открытое акционерное общество", "закрытое акционерное общество",
}  # fmt: skip
#: A branch or place printed in parentheses is part of an organisation's name.
BRANCH = re.compile(r"\bbranch\b|^(?:hong kong|hk|香港|shenzhen|harbin|private|hamburg)$", re.I)
#: How alike (0 to 1) a one-word alternative and the word it replaces must be.
SIMILAR = 0.5
