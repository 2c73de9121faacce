"""Request and response bodies of the yente-compatible API (same field names as yente)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

#: Largest number of queries in one /match request (yente's MAX_BATCH default).
MAX_BATCH = 100


class EntityExample(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    id: str | None = Field(None, max_length=400, examples=["customer-4711"])
    schema_: str = Field(..., alias="schema", max_length=64, examples=["Person"])
    properties: dict[str, str | list[Any]] = Field(
        ..., examples=[{"name": ["John Doe"], "birthDate": ["1975-04-21"]}]
    )


class EntityMatchQuery(BaseModel):
    weights: dict[str, float] = Field(default_factory=dict)
    config: dict[str, Any] = Field(default_factory=dict)
    queries: dict[str, EntityExample] = Field(..., min_length=1, max_length=MAX_BATCH)


class TotalSpec(BaseModel):
    value: int
    relation: str = "eq"


class EntityResponse(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    id: str
    caption: str
    schema_: str = Field(..., alias="schema")
    properties: dict[str, list[Any]]
    datasets: list[str] = Field(default_factory=list)
    referents: list[str] = Field(default_factory=list)
    target: bool = False
    first_seen: str | None = None
    last_seen: str | None = None
    last_change: str | None = None


class DecisionInfo(BaseModel):
    id: int
    verdict: str
    reason: str
    user_id: int
    created_at: str


class ScoredEntityResponse(EntityResponse):
    score: float
    features: dict[str, float]
    match: bool
    explanation: str = ""
    decision: DecisionInfo | None = None


class EntityMatches(BaseModel):
    status: int = 200
    results: list[ScoredEntityResponse]
    total: TotalSpec
    query: EntityExample


class FeatureDoc(BaseModel):
    description: str
    coefficient: float
    url: str


class EntityMatchResponse(BaseModel):
    responses: dict[str, EntityMatches]
    matcher: dict[str, FeatureDoc]
    limit: int


class SearchResponse(BaseModel):
    limit: int
    offset: int
    total: TotalSpec
    results: list[EntityResponse]
    facets: dict[str, Any] = Field(default_factory=dict)


class ListInfo(BaseModel):
    name: str
    title: str
    list_date: str
    version: int
    imported_at: str
    counts: dict[str, int]


class ListsResponse(BaseModel):
    lists: list[ListInfo]
    index: str
