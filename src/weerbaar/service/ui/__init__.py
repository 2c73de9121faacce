"""The web UI (server-rendered, Dutch and English).

Pages (each also answers JSON with ``Accept: application/json`` or ``?format=json``):

    /login, /logout          log in with e-mail and password (argon2), log out
    /                        overview
    /ui/search               hits for one name, with the explanation of each score
    /ui/entities/{id}        properties, sanctions, provenance per list version, links
    /ui/batch                upload a CSV or XLSX file, watch the job, download results
    /ui/lists                list versions and recent changes per list
    /ui/alerts               open alerts with the "not a match" decision form
    /ui/reports, /ui/cases   the reporting office (``ui.cases``)

Texts are in ``i18n.py`` (Dutch and English), templates in ``templates/``, the
one stylesheet in ``static/style.css``.
"""

from __future__ import annotations

from fastapi import APIRouter

from weerbaar.service.ui import batch, cases, pages

router = APIRouter(include_in_schema=False)
router.include_router(pages.router)
router.include_router(batch.router)
router.include_router(cases.router)
