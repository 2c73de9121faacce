"""Word lists the name preparation uses: general language, never list names.

These are ordinary words of business and personal names in the languages the
lists use (English, Dutch, German, French, Spanish, Russian in Latin letters,
Arabic in Latin letters). They mark words that are common to many names and so
say little about identity.
"""

from __future__ import annotations

#: Words common in organisation names; they weigh little in a comparison.
GENERIC_ORG_WORDS = frozenset(
    """
    a academy administration agency aktsionernoe and association associates authority
    b bank bureau business
    center centre central chamber co commercial committee communications company consulting
    construction cooperative corp corporation council
    department design development distribution
    electronics energy engineering enterprise enterprises equipment establishment export exports
    factory federal finance financial firm for foundation fund
    general global group
    holding holdings
    import imports industrial industries industry institute instruments insurance international
    intl investment investments
    joint
    laboratory limited logistics ltd
    machinery management manufacturing marine maritime materials ministry
    national navigation network
    obshchestvo of office oil organisation organization overseas
    partners petroleum plant power private production products project public
    republic research resources
    science scientific sea security service services shipping society solutions state stock
    supply systems
    technical technologies technology the trade trading transport travel trust
    union unitary university
    ventures
    works world
    zavod
    de der des di du el et la le les los van von y
    gruppa kompaniya predpriyatie nauchno proizvodstvennoe proizvodstvennaya
    tsentr institut obedinenie ob'edinenie obedineniye
    sharikat sherkat sanaye tejarat company's
    """.split()
)

#: Particles in personal names: bin, van, de, al ... (low weight, may be absent).
PARTICLES = frozenset(
    """
    al el ul ud ad ar as ash at az bin ben ibn bint ibnu binti abu abou umm um
    van von der den de del della di da dos das du la le mac mc ter ten zu
    y e und and
    """.split()
)

#: Titles and honorifics removed from the start of personal names.
PERSON_TITLES = frozenset(
    """
    mr mrs ms miss dr prof sir lady lord sheikh shaykh shaikh sayyid sayed haji hajji
    mullah mawlawi maulavi maulvi qari mufti imam general gen colonel col major maj
    lieutenant lt captain capt admiral adm brigadier commander cmdr
    """.split()
)
