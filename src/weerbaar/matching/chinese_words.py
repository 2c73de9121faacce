"""Chinese words of organisation names in English ("江西新拓实业有限公司" is
"Jiangxi Xintuo Industrial Co., Ltd.").

The EU's Russia annexes and China's countermeasure lists name a Chinese firm
in characters, in pinyin and in English, and a customer file holds any of
them. Read syllable by syllable, "有限公司" is "you xian gong si", which no
English name has; :func:`translate` writes the common words of organisation
names (legal forms, kinds of body, trades) in English before the rest is
romanised, so "沈忠國際海運有限公司" reads "shen zhong international shipping
co ltd". Simplified and traditional characters are both listed. The
vocabulary is a general bilingual word list of Chinese business names,
written from the language, not from any list's names; place names stay in
pinyin (as lists write them: "Jiangxi"), except Hong Kong and Macau.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Chinese characters (CJK unified ideographs, extension A, compatibility), for
#: regular expression classes.
HAN_LETTERS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

#: (Chinese word, its English); longer words win over the words inside them.
VOCABULARY: tuple[tuple[str, str], ...] = (
    # legal forms and kinds of body
    ("有限责任公司", "limited liability company"),
    ("有限責任公司", "limited liability company"),
    ("股份有限公司", "co ltd"),
    ("有限公司", "co ltd"),
    ("分公司", "branch"),
    ("公司", "company"),
    ("集团", "group"),
    ("集團", "group"),
    ("控股", "holdings"),
    ("研究院", "research institute"),
    ("研究所", "institute"),
    ("研究中心", "research center"),
    ("中心", "center"),
    ("大学", "university"),
    ("大學", "university"),
    ("学院", "college"),
    ("學院", "college"),
    ("协会", "association"),
    ("協會", "association"),
    ("基金会", "foundation"),
    ("基金會", "foundation"),
    ("银行", "bank"),
    ("銀行", "bank"),
    ("代表处", "representative office"),
    ("代表處", "representative office"),
    ("办事处", "office"),
    ("辦事處", "office"),
    # trades and activities
    ("国际", "international"),
    ("國際", "international"),
    ("进出口", "import export"),
    ("進出口", "import export"),
    ("贸易", "trading"),
    ("貿易", "trading"),
    ("海运", "shipping"),
    ("海運", "shipping"),
    ("航运", "shipping"),
    ("航運", "shipping"),
    ("船务", "shipping"),
    ("船務", "shipping"),
    ("物流", "logistics"),
    ("供应链", "supply chain"),
    ("供應鏈", "supply chain"),
    ("科技", "technology"),
    ("技术", "technology"),
    ("技術", "technology"),
    ("实业", "industrial"),
    ("實業", "industrial"),
    ("工业", "industry"),
    ("工業", "industry"),
    ("电子", "electronics"),
    ("電子", "electronics"),
    ("光电", "optoelectronic"),
    ("光電", "optoelectronic"),
    ("系统", "systems"),
    ("系統", "systems"),
    ("航空", "aviation"),
    ("航天", "aerospace"),
    ("防务", "defense"),
    ("防務", "defense"),
    ("无人机", "drones"),
    ("無人機", "drones"),
    ("设备", "equipment"),
    ("設備", "equipment"),
    ("机械", "machinery"),
    ("機械", "machinery"),
    ("材料", "materials"),
    ("制造", "manufacturing"),
    ("製造", "manufacturing"),
    ("工程", "engineering"),
    ("服务", "services"),
    ("服務", "services"),
    ("咨询", "consulting"),
    ("諮詢", "consulting"),
    ("管理", "management"),
    ("发展", "development"),
    ("發展", "development"),
    ("投资", "investment"),
    ("投資", "investment"),
    ("能源", "energy"),
    ("石油", "petroleum"),
    ("化工", "chemical"),
    ("半导体", "semiconductor"),
    ("半導體", "semiconductor"),
    ("香港", "hong kong"),
    ("澳门", "macau"),
    ("澳門", "macau"),
)

_ENGLISH = dict(VOCABULARY)
_WORDS = re.compile("|".join(sorted(_ENGLISH, key=len, reverse=True)))
_HAN = re.compile(f"[{HAN_LETTERS}]")


@lru_cache(maxsize=20_000)
def translate(text: str) -> str:
    """An organisation's name with its Chinese business words in English, each set
    apart by spaces; other text as it was ("BRINC无人机公司" -> "BRINC drones
    company")."""
    if _HAN.search(text) is None:
        return text
    return " ".join(_WORDS.sub(lambda m: f" {_ENGLISH[m.group(0)]} ", text).split())
