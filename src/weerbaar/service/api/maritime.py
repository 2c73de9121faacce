"""Maritime watch: the vessel register, AIS scans (upload) and their alerts.

    GET  /maritime/vessels                the register (loaded lists)            (screen)
    POST /maritime/scan                   scan an uploaded AIS file              (screen)
    GET  /maritime/alerts?type=&mmsi=     stored alerts, newest first            (screen)

The upload (NMEA, DMA/NOAA CSV or Digitraffic JSON, at most
``WEERBAAR_MAX_UPLOAD_MB``) is written under ``WEERBAAR_HOME/maritime/uploads/``
and scanned with the loaded lists; optional zones (GeoJSON) and a watch list
may be uploaded with it.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, HTTPException, Query, UploadFile
from starlette.concurrency import run_in_threadpool

from weerbaar.accounts import Permission, Principal
from weerbaar.core.settings import Settings
from weerbaar.service.auth import app_state, require
from weerbaar.service.state import AppState

router = APIRouter(tags=["Maritime"])
Screen = Annotated[Principal, Depends(require(Permission.SCREEN))]
State = Annotated[AppState, Depends(app_state)]


def _save(settings: Settings, folder: Path, upload: UploadFile, name: str) -> Path:
    limit = settings.max_upload_mb << 20
    target = folder / name
    size = 0
    with target.open("wb") as out:
        while chunk := upload.file.read(1 << 20):
            size += len(chunk)
            if size > limit:
                raise HTTPException(413, f"the file is larger than {settings.max_upload_mb} MB")
            out.write(chunk)
    if not size:
        raise HTTPException(422, f"the uploaded {name} is empty")
    return target


@router.get("/maritime/vessels", summary="The vessel register of the loaded lists")
def vessels(who: Screen, state: State) -> list[dict[str, Any]]:
    from weerbaar.maritime.scan import register_for

    return [v.to_dict() for v in register_for(state.settings).vessels]


@router.post("/maritime/scan", summary="Scan an uploaded AIS file")
async def scan_upload(
    who: Screen,
    state: State,
    file: Annotated[UploadFile, File(description="AIS: NMEA, DMA/NOAA CSV, Digitraffic JSON.")],
    zones: Annotated[UploadFile | None, File(description="GeoJSON zones.")] = None,
    watchlist: Annotated[UploadFile | None, File(description="Watch list CSV.")] = None,
) -> dict[str, Any]:
    from weerbaar.maritime.scan import maritime_dir, scan

    settings = state.settings
    folder = maritime_dir(settings) / "uploads" / uuid.uuid4().hex
    folder.mkdir(parents=True, exist_ok=True)
    try:
        ais = await run_in_threadpool(_save, settings, folder, file, "ais.upload")
        zone_paths = (
            [await run_in_threadpool(_save, settings, folder, zones, "zones.geojson")]
            if zones is not None
            else []
        )
        watch_paths = (
            [await run_in_threadpool(_save, settings, folder, watchlist, "watchlist.csv")]
            if watchlist is not None
            else []
        )
        result = await run_in_threadpool(
            lambda: scan(settings, [ais], zones=zone_paths, watchlists=watch_paths, workers=1)
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {"summary": result.summary(), "alerts": [a.to_dict() for a in result.alerts]}


@router.get("/maritime/alerts", summary="Stored maritime alerts, newest first")
def alerts(
    who: Screen,
    state: State,
    type: Annotated[str | None, Query(max_length=40)] = None,
    mmsi: Annotated[int | None, Query(ge=0, le=999_999_999)] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> list[dict[str, Any]]:
    from weerbaar.maritime.scan import stored_alerts

    return stored_alerts(state.settings, kind=type, mmsi=mmsi, limit=limit)
