"""yente-compatible screening API: ``/match``, ``/search``, ``/entities``, ``/lists``.

Request and response bodies use yente's field names, so yente clients work
unchanged; results carry two extra fields, ``explanation`` (one readable
line) and ``decision`` (an analyst's standing "not a match" decision for the
query's ``id``, which also sets ``match`` to false). Every call is written to
the audit log with the list versions the index was built from.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Depends, Path, Query, Request, Response

from weerbaar import audit
from weerbaar.accounts import Permission, Principal
from weerbaar.core.errors import InputError, NotFoundError
from weerbaar.matching import DEFAULT_THRESHOLD, Record
from weerbaar.monitor.decisions import standing
from weerbaar.screening.ftm import record_from_properties
from weerbaar.screening.screen import Hit
from weerbaar.service.api.models import (
    DecisionInfo,
    EntityMatches,
    EntityMatchQuery,
    EntityMatchResponse,
    EntityResponse,
    FeatureDoc,
    ListInfo,
    ListsResponse,
    ScoredEntityResponse,
    SearchResponse,
    TotalSpec,
)
from weerbaar.service.auth import app_state, require, require_on_loop
from weerbaar.service.state import AppState, EntityCache

router = APIRouter(tags=["Screening"])

#: Algorithm names accepted for yente compatibility; all are served by weerbaar's matcher.
Algorithm = Literal[
    "weerbaar",
    "best",
    "default",
    "logic-v2",
    "logic-v1",
    "name-based",
    "name-qualified",
    "regression-v1",
    "regression-v2",
]
MAX_LIMIT = 100
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Invalid query"},
    401: {"description": "Not authenticated"},
    403: {"description": "Role may not do this"},
    404: {"description": "Unknown dataset or entity"},
    422: {"description": "Malformed request"},
    429: {"description": "Rate limit reached"},
    503: {"description": "Lists not loaded yet"},
}
DatasetPath = Annotated[
    str, Path(description="A list id (see /lists) or `default` for all lists", max_length=64)
]


def _cache(request: Request) -> EntityCache:
    return app_state(request).screeners.entities


def _check_dataset(state: AppState, dataset: str) -> None:
    if dataset == "default":
        return
    known = state.screeners.list_versions()
    if dataset not in known:
        raise NotFoundError(
            f"unknown dataset {dataset!r}",
            hint=f"use `default` or one of: {', '.join(sorted(known)) or '(no lists loaded)'}",
        )


@cache
def _matcher_docs() -> dict[str, FeatureDoc]:
    from weerbaar.matching.compare import EVIDENCE
    from weerbaar.matching.features import FEATURES

    docs = {
        f.name: FeatureDoc(description=f.doc, coefficient=1.0, url="/docs#matching")
        for f in FEATURES
    }
    for kind, weight in EVIDENCE.items():
        docs[kind] = FeatureDoc(
            description=f"evidence: adds {weight:+.1f} to the log-odds",
            coefficient=weight,
            url="/docs#matching",
        )
    return docs


def _entity(data: dict[str, Any] | None, hit: Hit) -> dict[str, Any]:
    if data is None:  # entity left the store after the index was built
        return {
            "id": hit.entity_id,
            "caption": hit.caption,
            "schema": hit.schema,
            "properties": {},
            "datasets": hit.lists,
        }
    return {k: v for k, v in data.items()}


def _features(hit: Hit) -> dict[str, float]:
    """yente's ``features``: each name feature's value and each piece of evidence found."""
    result = hit.comparison
    if result is None:
        return {}
    out = {c.feature: round(c.value, 4) for c in result.contributions}
    out.update({c.feature: 1.0 for c in result.evidence})
    return out


@router.post(
    "/match/{dataset}",
    summary="Match entities by example (yente-compatible)",
    response_model=EntityMatchResponse,
    responses=ERRORS,
)
async def match(
    request: Request,
    body: EntityMatchQuery,
    dataset: DatasetPath,
    who: Annotated[Principal, Depends(require_on_loop(Permission.SCREEN))],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 5,
    threshold: Annotated[float, Query(ge=0.0, le=1.0)] = DEFAULT_THRESHOLD,
    algorithm: Annotated[
        Algorithm,
        Query(description="Accepted for yente clients; every name is served by weerbaar's matcher"),
    ] = "best",
    exclude_entity_ids: Annotated[list[str], Query(max_length=500)] = [],  # noqa: B006
    exclude_schema: Annotated[list[str], Query(max_length=50)] = [],  # noqa: B006
    exclude_dataset: Annotated[list[str], Query(max_length=50)] = [],  # noqa: B006
    include_dataset: Annotated[list[str], Query(max_length=50)] = [],  # noqa: B006
) -> Response:
    """Each query is an entity in followthemoney's shape (``schema`` and ``properties``:
    ``name``, ``birthDate``, ``nationality``, ``idNumber``, ``imoNumber``...). The
    response has, per query key, the best ``limit`` list entities with ``score``
    (a calibrated probability), ``match`` (score >= ``threshold``), ``features``
    and ``explanation``. A query ``id`` names the customer record: an analyst's
    standing "not a match" decision for it and a result sets ``match`` false."""
    state = app_state(request)
    _check_dataset(state, dataset)
    screener = state.screeners.get()
    cache = _cache(request)
    excluded = set(exclude_entity_ids)
    responses: dict[str, EntityMatches] = {}
    logged: dict[str, Any] = {}
    for key, example in body.queries.items():
        record = record_from_properties(
            example.schema_, example.properties, example.id, where=f"queries.{key}"
        )
        hits = screener.match_record(record, limit=MAX_LIMIT, threshold=threshold)
        hits = [
            h
            for h in hits
            if _wanted(h, dataset, excluded, exclude_schema, exclude_dataset, include_dataset)
        ]
        total = len(hits)
        hits = hits[:limit]
        entities = cache.get_many(state, [h.entity_id for h in hits])
        decisions = {}
        if example.id and hits:
            records = {
                h.entity_id: e.record
                for h in hits
                if (e := state.screeners.entry_by_id(h.entity_id)) is not None
            }
            with state.db.session() as s:
                decisions = {
                    k: DecisionInfo(
                        id=d.id,
                        verdict=d.verdict,
                        reason=d.reason,
                        user_id=d.user_id,
                        created_at=d.created_at.isoformat(),
                    )
                    for k, d in standing(s, example.id, records).items()
                }
        results = [
            ScoredEntityResponse(
                **_entity(entities.get(h.entity_id), h),
                score=round(h.score, 4),
                features=_features(h),
                match=h.match and h.entity_id not in decisions,
                explanation=h.explanation,
                decision=decisions.get(h.entity_id),
            )
            for h in hits
        ]
        responses[key] = EntityMatches(results=results, total=TotalSpec(value=total), query=example)
        logged[key] = {
            "schema": record.schema,
            "names": record.names + record.first_names + record.last_names,
            "id": example.id,
            "results": [
                {
                    "entity_id": r.id,
                    "score": r.score,
                    "match": r.match,
                    "decision": r.decision.id if r.decision else None,
                }
                for r in results
            ],
        }
    with state.db.session() as s:
        audit.record(
            s,
            who,
            "screen.match",
            subject=dataset,
            detail={"threshold": threshold, "limit": limit, "queries": logged},
            list_versions=state.screeners.list_versions(),
        )
    body_out = EntityMatchResponse(responses=responses, matcher=_matcher_docs(), limit=limit)
    # Serialised here (the models were validated when built), so FastAPI does not
    # validate the whole response a second time against response_model.
    return Response(
        orjson.dumps(body_out.model_dump(mode="json", by_alias=True)),
        media_type="application/json",
        headers={"x-batch-size": str(len(responses))},
    )


def _wanted(
    hit: Hit,
    dataset: str,
    excluded: set[str],
    exclude_schema: list[str],
    exclude_dataset: list[str],
    include_dataset: list[str],
) -> bool:
    if hit.entity_id in excluded or hit.schema in exclude_schema:
        return False
    lists = set(hit.lists)
    if dataset != "default" and dataset not in lists:
        return False
    if include_dataset and not lists & set(include_dataset):
        return False
    return not (exclude_dataset and lists <= set(exclude_dataset))


@router.get(
    "/search/{dataset}",
    summary="Search list entities by name or identifier",
    response_model=SearchResponse,
    responses=ERRORS,
)
def search(
    request: Request,
    dataset: DatasetPath,
    who: Annotated[Principal, Depends(require(Permission.SCREEN))],
    q: Annotated[str, Query(min_length=1, max_length=500, description="Name or identifier")],
    schema: Annotated[str, Query(max_length=64)] = "Thing",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 10,
    offset: Annotated[int, Query(ge=0, le=1000)] = 0,
) -> SearchResponse:
    """Entities whose names (or identifiers) are most like ``q``, best first."""
    state = app_state(request)
    _check_dataset(state, dataset)
    if not q.strip():
        raise InputError("q", "the search text is empty", hint="give a name or an identifier")
    screener = state.screeners.get()
    kind = schema if schema in ("Person", "Organization", "Company", "Vessel") else "LegalEntity"
    record = Record(schema=kind, names=[q.strip()], identifiers=[q.strip()])
    found = screener.index.candidates(record, limit=200)
    entries = [screener.index.entry(c.number) for c in found]
    entries = [e for e in entries if dataset == "default" or dataset in e.lists]
    if schema not in ("Thing", "LegalEntity"):
        entries = [e for e in entries if e.schema == schema]
    page = entries[offset : offset + limit]
    data = _cache(request).get_many(state, [e.id for e in page])
    results = [
        EntityResponse(
            **(
                data[e.id]
                or {
                    "id": e.id,
                    "caption": e.caption,
                    "schema": e.schema,
                    "properties": {},
                    "datasets": e.lists,
                }
            )
        )
        for e in page
    ]
    with state.db.session() as s:
        audit.record(
            s,
            who,
            "screen.search",
            subject=q[:400],
            detail={"dataset": dataset, "results": [r.id for r in results]},
            list_versions=state.screeners.list_versions(),
        )
    return SearchResponse(
        limit=limit, offset=offset, total=TotalSpec(value=len(entries)), results=results
    )


@router.get(
    "/entities/{entity_id}",
    summary="One list entity: properties, sanctions, provenance per list version, links",
    responses=ERRORS,
)
def entity(
    request: Request,
    entity_id: Annotated[str, Path(max_length=200)],
    who: Annotated[Principal, Depends(require(Permission.SCREEN))],
) -> dict[str, Any]:
    """The merged entity (any member id works) in yente's shape, plus ``sanctions``,
    ``provenance`` (each statement with the list versions that made it) and
    ``links`` (why list entries were merged)."""
    from weerbaar.store.views import current_entity, entity_report

    state = app_state(request)
    with state.store() as store:
        report = entity_report(store, entity_id)
        current = current_entity(store, entity_id) or {}
    sanctions: dict[str, dict[str, Any]] = {}
    for st in report["related"]:
        if st["schema"] != "Sanction" or not st["current"]:
            continue
        item = sanctions.setdefault(
            st["entity_id"], {"id": st["entity_id"], "source": st["source"], "properties": {}}
        )
        item["properties"].setdefault(st["prop"], []).append(st["value"])
    with state.db.session() as s:
        audit.record(s, who, "entity.view", subject=report["id"])
    return {
        **{
            "id": report["id"],
            "caption": report["caption"],
            "schema": report["schema"],
            "properties": report["properties"],
        },
        **{
            k: current[k]
            for k in ("datasets", "referents", "target", "first_seen", "last_seen")
            if k in current
        },
        "sanctions": list(sanctions.values()),
        "provenance": report["statements"],
        "links": report["links"],
    }


@router.get(
    "/lists",
    summary="The loaded lists and their versions",
    response_model=ListsResponse,
    responses=ERRORS,
)
def lists(
    request: Request, who: Annotated[Principal, Depends(require(Permission.SCREEN))]
) -> ListsResponse:
    from weerbaar.sources.registry import load_registry

    state = app_state(request)
    registry = load_registry()
    out = []
    if state.settings.store_path.exists():
        with state.store() as store:
            versions = store.latest_versions()
        for v in versions:
            try:
                title = registry.source(v.source).title
            except Exception:  # a source registered by an outside package no longer installed
                title = v.source
            out.append(
                ListInfo(
                    name=v.source,
                    title=title,
                    list_date=v.list_date,
                    version=v.seq,
                    imported_at=v.imported_at,
                    counts=v.counts,
                )
            )
    return ListsResponse(lists=out, index=state.screeners.status)
