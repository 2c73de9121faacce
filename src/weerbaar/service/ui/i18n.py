"""Every text of the web UI, in Dutch and English: one dict per language, the same keys.

    t = translator("nl");  t("search_title")  ->  "Zoeken"
    t("err_too_big", mb=50)                 ->  text with ``{mb}`` filled in

A test checks that both languages have every key and that every ``t("...")``
in the templates and in the UI code names a key that exists. Dutch is the
default; texts follow the Rijksoverheid's plain-language style.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

Translator = Callable[..., str]

MESSAGES: dict[str, dict[str, str]] = {
    "nl": {
        # frame
        "product": "weerbaar",
        "tagline": "Sanctiescreening",
        "skip_to_content": "Naar de inhoud",
        "main_navigation": "Hoofdmenu",
        "nav_home": "Overzicht",
        "nav_search": "Zoeken",
        "nav_batch": "Batchscreening",
        "nav_lists": "Lijsten",
        "nav_alerts": "Meldingen",
        "signed_in_as": "Ingelogd als",
        "logout": "Uitloggen",
        "language": "Taal",
        "change_language": "Taal wijzigen",
        "lang_nl": "Nederlands",
        "lang_en": "English",
        "role_admin": "beheerder",
        "role_analyst": "analist",
        "role_screening": "screening",
        "yes": "ja",
        "no": "nee",
        "back": "Terug",
        "json_version": "Deze pagina als JSON",
        # login
        "login_title": "Inloggen",
        "login_intro": "Log in met uw e-mailadres en wachtwoord.",
        "email": "E-mailadres",
        "password": "Wachtwoord",
        "login_button": "Inloggen",
        "login_failed": "E-mailadres of wachtwoord onjuist.",
        "login_throttled": (
            "Te veel mislukte pogingen. Probeer het over {seconds} seconden opnieuw."
        ),
        "logged_out": "U bent uitgelogd.",
        # home
        "home_title": "Overzicht",
        "home_intro": "Controleer namen en klantbestanden tegen alle officiële sanctielijsten.",
        "home_search": "Eén naam controleren, met de uitleg van elke score.",
        "home_batch": "Een klantbestand (CSV of Excel) in één keer controleren.",
        "home_lists": "Welke lijstversies geladen zijn en wat er recent veranderde.",
        "home_alerts": "Open meldingen uit de hercontrole van klantenbestanden.",
        "index_status": "Zoekindex",
        "index_ready": "gereed",
        "index_loading": "wordt geladen",
        "lists_loaded": "Geladen lijsten",
        # search
        "search_title": "Zoeken",
        "search_intro": (
            "Zoek een persoon, organisatie of schip. Een geboortedatum en een land maken de "
            "score nauwkeuriger."
        ),
        "name": "Naam",
        "schema": "Soort",
        "schema_any": "Alle soorten",
        "schema_Person": "Persoon",
        "schema_Organization": "Organisatie",
        "schema_Company": "Bedrijf",
        "schema_Vessel": "Schip",
        "schema_LegalEntity": "Rechtspersoon",
        "schema_Airplane": "Vliegtuig",
        "birth_date": "Geboortedatum",
        "birth_date_hint": "JJJJ, JJJJ-MM of JJJJ-MM-DD",
        "country": "Land of nationaliteit",
        "country_hint": "ISO-code of naam, bijvoorbeeld NL",
        "customer_ref": "Klantreferentie",
        "customer_ref_hint": "Nodig om een treffer als 'geen overeenkomst' vast te leggen",
        "search_button": "Zoeken",
        "results": "Resultaten",
        "hits_for": "Treffers voor {query}",
        "no_hits": "Geen treffers",
        "no_hits_detail": "Geen enkele lijstvermelding lijkt genoeg op deze zoekopdracht.",
        "score": "Score",
        "match": "Overeenkomst",
        "lists": "Lijsten",
        "entity": "Entiteit",
        "explanation": "Uitleg",
        "why_score": "Waarom deze score?",
        "name_score": "Naamscore",
        "threshold": "Drempel",
        "query_name": "Gezochte naam",
        "listed_name": "Naam op de lijst",
        "aligned_words": "Gekoppelde woorden",
        "similarity": "Gelijkenis",
        "how": "Hoe",
        "name_features": "Kenmerken die de naamscore bewogen",
        "feature": "Kenmerk",
        "value": "Waarde",
        "effect": "Effect",
        "other_evidence": "Overig bewijs",
        "nothing_moved": "Geen kenmerk bewoog de score merkbaar.",
        # decisions
        "not_a_match": "Geen overeenkomst",
        "mark_not_match": "Vastleggen als geen overeenkomst",
        "reason": "Reden",
        "record_decision": "Besluit vastleggen",
        "decided_not_match": "Besloten: geen overeenkomst",
        "decision_saved": "Het besluit is vastgelegd.",
        "decision_by": "door gebruiker {user} op {date}",
        "need_customer_ref": "Vul een klantreferentie in om een besluit vast te leggen.",
        # entity
        "entity_title": "Entiteit",
        "properties": "Eigenschappen",
        "property": "Eigenschap",
        "values": "Waarden",
        "sanctions": "Sancties",
        "no_sanctions": "Geen sanctiegegevens.",
        "provenance": "Herkomst per lijstversie",
        "provenance_intro": "Elke waarde met de lijsten die haar vermeldden, van eerst tot laatst.",
        "source": "Lijst",
        "first_seen": "Eerst gezien",
        "last_seen": "Laatst gezien",
        "current": "Actueel",
        "linked_entities": "Gekoppelde entiteiten",
        "members": "Vermeldingen per lijst",
        "link_evidence": "Waarom samengevoegd",
        "link_key": "Sleutel",
        "related_records": "Verwante gegevens",
        "no_links": "Deze entiteit staat op één lijst.",
        # batch
        "batch_title": "Batchscreening",
        "batch_intro": (
            "Upload een klantbestand als CSV (UTF-8 of Windows-1252) of Excel-werkmap (.xlsx). "
            "Kolommen worden op hun kop herkend, in het Nederlands of Engels: bijvoorbeeld "
            "naam, voornaam, achternaam, geboortedatum, nationaliteit, klantnummer."
        ),
        "file": "Bestand (CSV of XLSX)",
        "max_size": "Hoogstens {mb} MB.",
        "default_schema": "Soort als het bestand het niet vermeldt",
        "start_screening": "Screening starten",
        "recent_jobs": "Recente screenings",
        "no_jobs": "Nog geen screenings.",
        "job": "Screening",
        "job_title": "Screening {id}",
        "filename": "Bestand",
        "status": "Status",
        "status_queued": "In de wachtrij",
        "status_running": "Bezig",
        "status_done": "Klaar",
        "status_failed": "Mislukt",
        "status_interrupted": "Onderbroken",
        "progress": "Voortgang",
        "rows_done": "{done} van {rows} rijen",
        "rows": "Rijen",
        "hits": "Treffers",
        "matches": "Overeenkomsten",
        "started": "Gestart",
        "finished": "Klaar om",
        "download_results": "Resultaten downloaden (CSV)",
        "job_failed": "De screening is mislukt:",
        "refresh_hint": "Deze pagina ververst zichzelf tot de screening klaar is.",
        "owner": "Eigenaar",
        "warnings": "Waarschuwingen",
        # upload errors
        "err_no_file": "Kies een bestand om te uploaden.",
        "err_empty": "Het bestand is leeg.",
        "err_too_big": "Het bestand is groter dan {mb} MB. Splits het en upload de delen.",
        "err_binary": (
            "Dit bestand is geen CSV-tekst en geen Excel-werkmap (.xlsx). Sla het op als "
            "'CSV UTF-8' of als .xlsx en upload het opnieuw."
        ),
        "err_xls": (
            "Dit is de oude Excel-indeling (.xls). Sla het bestand op als .xlsx of als "
            "'CSV UTF-8' en upload het opnieuw."
        ),
        "err_zip": "Dit is een ZIP-bestand, maar geen Excel-werkmap (.xlsx).",
        "err_zip_large": "De werkmap is uitgepakt groter dan toegestaan ({mb} MB).",
        "err_utf16": (
            "Dit is UTF-16-tekst (Excel 'Unicode-tekst'). Sla het bestand op als 'CSV UTF-8'."
        ),
        "err_encoding": "De tekst is geen UTF-8 of Windows-1252. Sla het op als 'CSV UTF-8'.",
        "err_file_rejected": "Het bestand is geweigerd.",
        # lists
        "lists_title": "Lijsten",
        "lists_intro": "De nieuwste versie van elke lijst en wat er sinds de vorige veranderde.",
        "list": "Lijst",
        "version": "Versie",
        "list_date": "Lijstdatum",
        "imported_at": "Geïmporteerd",
        "counts": "Aantallen",
        "versions_stored": "Opgeslagen versies",
        "recent_changes": "Recente wijzigingen",
        "changes_since": "Sinds versie {seq} ({date})",
        "first_version": "Eerste versie: alles is nieuw",
        "added": "Toegevoegd",
        "removed": "Verwijderd",
        "changed": "Gewijzigd",
        "and_more": "en nog {n}",
        "no_lists": "Er zijn nog geen lijsten geïmporteerd.",
        "no_changes": "Geen wijzigingen.",
        # alerts
        "alerts_title": "Meldingen",
        "alerts_intro": "Klanten die na een lijstwijziging op een lijstvermelding lijken.",
        "no_alerts": "Geen open meldingen.",
        "book": "Klantenbestand",
        "customer": "Klant",
        "created": "Aangemaakt",
        "change": "Wijziging",
        # errors
        "error_title": "Er ging iets mis",
        "err_forbidden": "U hebt geen toegang tot deze pagina of handeling.",
        "err_csrf": (
            "Het formulier is verlopen of ongeldig. Laad de pagina opnieuw en probeer het nog eens."
        ),
        "err_not_found": "Niet gevonden.",
        "err_job_not_yours": (
            "Alleen de eigenaar van deze screening of een beheerder mag haar zien."
        ),
        "err_not_ready": "Nog niet klaar. Probeer het over enkele seconden opnieuw.",
        "err_rate": "Te veel verzoeken. Wacht even en probeer het opnieuw.",
        # maritime watch
        "maritime_title": "Maritieme bewaking",
        "maritime_intro": (
            "Schepen van de sanctielijsten en verdachte bewegingen in de laatste AIS-scan: "
            "treuzelen boven kabels, AIS-stiltes, ontmoetingen op zee en identiteitswissels."
        ),
        "maritime_no_scan": "Er is nog geen scan. Start er een met weerbaar maritime scan.",
        "maritime_summary": "{positions} posities van {vessels} schepen, {alerts} meldingen.",
        "maritime_map": "Kaart van sporen, zones en meldingen",
        "maritime_legend": (
            "Grijs: sporen (donker: met melding). Oranje: kabel- en leidingzones. "
            "Stippen: meldingen."
        ),
        "maritime_alerts": "Meldingen",
        "maritime_no_alerts": "Geen meldingen in deze scan.",
        "maritime_time": "Tijd",
        "maritime_type": "Soort",
        "maritime_vessel": "Schip",
        "maritime_position": "Positie",
        "maritime_alert_designated_vessel": "Schip op sanctielijst",
        "maritime_alert_watched_vessel": "Schip op volglijst",
        "maritime_alert_loitering": "Treuzelen bij infrastructuur",
        "maritime_alert_ais_gap": "AIS-stilte",
        "maritime_alert_meeting": "Mogelijke overslag op zee",
        "maritime_alert_impossible_jump": "Onmogelijke sprong",
        "maritime_alert_identity_change": "Identiteitswissel",
        # strategic dependencies (trade)
        "trade_title": "Strategische afhankelijkheden",
        "trade_intro": (
            "Concentratie van invoer per HS6-product volgens de methode van de Europese "
            "Commissie: HHI boven 0,4, invoer van buiten de groep boven de helft van de invoer, "
            "en meer invoer dan uitvoer."
        ),
        "trade_importer": "Importeur (land of groep)",
        "trade_year": "Jaar",
        "trade_search": "Product (code of omschrijving)",
        "trade_only_dependent": "Alleen afhankelijke producten",
        "trade_show": "Tonen",
        "trade_no_data": "Er zijn nog geen handelsgegevens. Laad ze met weerbaar trade load.",
        "trade_summary": "{total} producten voor {importer} in {year} (waarden in {currency}).",
        "trade_product": "Product",
        "trade_extra_imports": "Invoer van buiten",
        "trade_import_share": "Aandeel van buiten",
        "trade_export_ratio": "Invoer / uitvoer",
        "trade_flags": "Vlaggen",
        "trade_suppliers": "Grootste leveranciers",
        "trade_report": "Rapport",
        "trade_plot": "Grafiek (download)",
    },
    "en": {
        "product": "weerbaar",
        "tagline": "Sanctions screening",
        "skip_to_content": "Skip to content",
        "main_navigation": "Main menu",
        "nav_home": "Overview",
        "nav_search": "Search",
        "nav_batch": "Batch screening",
        "nav_lists": "Lists",
        "nav_alerts": "Alerts",
        "signed_in_as": "Signed in as",
        "logout": "Log out",
        "language": "Language",
        "change_language": "Change language",
        "lang_nl": "Nederlands",
        "lang_en": "English",
        "role_admin": "administrator",
        "role_analyst": "analyst",
        "role_screening": "screening",
        "yes": "yes",
        "no": "no",
        "back": "Back",
        "json_version": "This page as JSON",
        "login_title": "Log in",
        "login_intro": "Log in with your e-mail address and password.",
        "email": "E-mail address",
        "password": "Password",
        "login_button": "Log in",
        "login_failed": "Wrong e-mail address or password.",
        "login_throttled": "Too many failed attempts. Try again in {seconds} seconds.",
        "logged_out": "You have logged out.",
        "home_title": "Overview",
        "home_intro": "Check names and customer files against every official sanctions list.",
        "home_search": "Check one name, with the explanation of every score.",
        "home_batch": "Check a customer file (CSV or Excel) in one go.",
        "home_lists": "Which list versions are loaded and what changed recently.",
        "home_alerts": "Open alerts from re-screening the customer books.",
        "index_status": "Search index",
        "index_ready": "ready",
        "index_loading": "loading",
        "lists_loaded": "Lists loaded",
        "search_title": "Search",
        "search_intro": (
            "Search for a person, organisation or vessel. A date of birth and a country make "
            "the score more precise."
        ),
        "name": "Name",
        "schema": "Type",
        "schema_any": "Any type",
        "schema_Person": "Person",
        "schema_Organization": "Organisation",
        "schema_Company": "Company",
        "schema_Vessel": "Vessel",
        "schema_LegalEntity": "Legal entity",
        "schema_Airplane": "Airplane",
        "birth_date": "Date of birth",
        "birth_date_hint": "YYYY, YYYY-MM or YYYY-MM-DD",
        "country": "Country or nationality",
        "country_hint": "ISO code or name, for example NL",
        "customer_ref": "Customer reference",
        "customer_ref_hint": "Needed to record a hit as 'not a match'",
        "search_button": "Search",
        "results": "Results",
        "hits_for": "Hits for {query}",
        "no_hits": "No hits",
        "no_hits_detail": "No list entry is similar enough to this query.",
        "score": "Score",
        "match": "Match",
        "lists": "Lists",
        "entity": "Entity",
        "explanation": "Explanation",
        "why_score": "Why this score?",
        "name_score": "Name score",
        "threshold": "Threshold",
        "query_name": "Name searched",
        "listed_name": "Listed name",
        "aligned_words": "Aligned words",
        "similarity": "Similarity",
        "how": "How",
        "name_features": "Features that moved the name score",
        "feature": "Feature",
        "value": "Value",
        "effect": "Effect",
        "other_evidence": "Other evidence",
        "nothing_moved": "No feature moved the score noticeably.",
        "not_a_match": "Not a match",
        "mark_not_match": "Record as not a match",
        "reason": "Reason",
        "record_decision": "Record decision",
        "decided_not_match": "Decided: not a match",
        "decision_saved": "The decision has been recorded.",
        "decision_by": "by user {user} on {date}",
        "need_customer_ref": "Fill in a customer reference to record a decision.",
        "entity_title": "Entity",
        "properties": "Properties",
        "property": "Property",
        "values": "Values",
        "sanctions": "Sanctions",
        "no_sanctions": "No sanction details.",
        "provenance": "Provenance per list version",
        "provenance_intro": "Every value with the lists that stated it, from first to last seen.",
        "source": "List",
        "first_seen": "First seen",
        "last_seen": "Last seen",
        "current": "Current",
        "linked_entities": "Linked entities",
        "members": "Entries per list",
        "link_evidence": "Why they were merged",
        "link_key": "Key",
        "related_records": "Related records",
        "no_links": "This entity is on one list only.",
        "batch_title": "Batch screening",
        "batch_intro": (
            "Upload a customer file as CSV (UTF-8 or Windows-1252) or Excel workbook (.xlsx). "
            "Columns are recognised by their header, in English or Dutch: for example name, "
            "first name, last name, date of birth, nationality, customer id."
        ),
        "file": "File (CSV or XLSX)",
        "max_size": "At most {mb} MB.",
        "default_schema": "Type when the file does not say",
        "start_screening": "Start screening",
        "recent_jobs": "Recent screenings",
        "no_jobs": "No screenings yet.",
        "job": "Screening",
        "job_title": "Screening {id}",
        "filename": "File",
        "status": "Status",
        "status_queued": "Queued",
        "status_running": "Running",
        "status_done": "Done",
        "status_failed": "Failed",
        "status_interrupted": "Interrupted",
        "progress": "Progress",
        "rows_done": "{done} of {rows} rows",
        "rows": "Rows",
        "hits": "Hits",
        "matches": "Matches",
        "started": "Started",
        "finished": "Finished",
        "download_results": "Download results (CSV)",
        "job_failed": "The screening failed:",
        "refresh_hint": "This page refreshes itself until the screening is done.",
        "owner": "Owner",
        "warnings": "Warnings",
        "err_no_file": "Choose a file to upload.",
        "err_empty": "The file is empty.",
        "err_too_big": "The file is larger than {mb} MB. Split it and upload the parts.",
        "err_binary": (
            "This file is neither CSV text nor an Excel workbook (.xlsx). Save it as "
            "'CSV UTF-8' or as .xlsx and upload it again."
        ),
        "err_xls": (
            "This is the old Excel format (.xls). Save the file as .xlsx or as 'CSV UTF-8' "
            "and upload it again."
        ),
        "err_zip": "This is a ZIP file, but not an Excel workbook (.xlsx).",
        "err_zip_large": "The workbook unpacks to more than allowed ({mb} MB).",
        "err_utf16": "This is UTF-16 text (Excel 'Unicode text'). Save the file as 'CSV UTF-8'.",
        "err_encoding": "The text is neither UTF-8 nor Windows-1252. Save it as 'CSV UTF-8'.",
        "err_file_rejected": "The file was rejected.",
        "lists_title": "Lists",
        "lists_intro": "The newest version of every list and what changed since the one before.",
        "list": "List",
        "version": "Version",
        "list_date": "List date",
        "imported_at": "Imported",
        "counts": "Counts",
        "versions_stored": "Versions stored",
        "recent_changes": "Recent changes",
        "changes_since": "Since version {seq} ({date})",
        "first_version": "First version: everything is new",
        "added": "Added",
        "removed": "Removed",
        "changed": "Changed",
        "and_more": "and {n} more",
        "no_lists": "No lists have been imported yet.",
        "no_changes": "No changes.",
        "alerts_title": "Alerts",
        "alerts_intro": "Customers who resemble a list entry after a list changed.",
        "no_alerts": "No open alerts.",
        "book": "Customer book",
        "customer": "Customer",
        "created": "Created",
        "change": "Change",
        "error_title": "Something went wrong",
        "err_forbidden": "You may not see this page or do this.",
        "err_csrf": "The form has expired or is invalid. Reload the page and try again.",
        "err_not_found": "Not found.",
        "err_job_not_yours": "Only the owner of this screening or an administrator may see it.",
        "err_not_ready": "Not ready yet. Try again in a few seconds.",
        "err_rate": "Too many requests. Wait a moment and try again.",
        # maritime watch
        "maritime_title": "Maritime watch",
        "maritime_intro": (
            "Vessels on the sanctions lists and suspect movements in the last AIS scan: "
            "loitering over cables, AIS gaps, meetings at sea and identity changes."
        ),
        "maritime_no_scan": "There is no scan yet. Start one with weerbaar maritime scan.",
        "maritime_summary": "{positions} positions of {vessels} vessels, {alerts} alerts.",
        "maritime_map": "Map of tracks, zones and alerts",
        "maritime_legend": (
            "Grey: tracks (dark: with an alert). Orange: cable and pipeline zones. Dots: alerts."
        ),
        "maritime_alerts": "Alerts",
        "maritime_no_alerts": "No alerts in this scan.",
        "maritime_time": "Time",
        "maritime_type": "Kind",
        "maritime_vessel": "Vessel",
        "maritime_position": "Position",
        "maritime_alert_designated_vessel": "Vessel on a sanctions list",
        "maritime_alert_watched_vessel": "Vessel on a watch list",
        "maritime_alert_loitering": "Loitering near infrastructure",
        "maritime_alert_ais_gap": "AIS gap",
        "maritime_alert_meeting": "Possible ship-to-ship meeting",
        "maritime_alert_impossible_jump": "Impossible jump",
        "maritime_alert_identity_change": "Identity change",
        # strategic dependencies (trade)
        "trade_title": "Strategic dependencies",
        "trade_intro": (
            "Import concentration per HS6 product after the European Commission's method: "
            "HHI above 0.4, imports from outside the group above half of all imports, and "
            "more imports than exports."
        ),
        "trade_importer": "Importer (country or group)",
        "trade_year": "Year",
        "trade_search": "Product (code or description)",
        "trade_only_dependent": "Dependent products only",
        "trade_show": "Show",
        "trade_no_data": "No trade data yet. Load it with weerbaar trade load.",
        "trade_summary": "{total} products for {importer} in {year} (values in {currency}).",
        "trade_product": "Product",
        "trade_extra_imports": "Imports from outside",
        "trade_import_share": "Share from outside",
        "trade_export_ratio": "Imports / exports",
        "trade_flags": "Flags",
        "trade_suppliers": "Main suppliers",
        "trade_report": "Report",
        "trade_plot": "Plot (download)",
    },
}


def _merge() -> None:
    from weerbaar.service.ui.cases_i18n import CASES_MESSAGES

    for language, table in CASES_MESSAGES.items():
        MESSAGES[language].update(table)


_merge()


def language_of(value: Any) -> str:
    """``value`` if it is a supported language, else the default (Dutch)."""
    return value if isinstance(value, str) and value in MESSAGES else DEFAULT_LANGUAGE


def translator(language: str) -> Translator:
    """``t(key, **values)``: the text for ``key`` in ``language``, with ``{values}`` filled in."""
    table = MESSAGES[language_of(language)]

    def t(key: str, **values: Any) -> str:
        text = table[key]
        return text.format(**values) if values else text

    return t
