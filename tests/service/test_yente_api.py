"""The yente-compatible API: request and response shapes, and listed entities found first."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.service.conftest import auth


def match(client: TestClient, key: str, queries: dict[str, Any], **params: Any) -> Any:
    return client.post("/match/default", json={"queries": queries}, headers=auth(key),
                       params=params)  # fmt: skip


def test_match_finds_listed_person_first_in_yente_shape(
    client: TestClient, keys: dict[str, str]
) -> None:
    q = {"schema": "Person", "properties": {"name": ["Kim Cheol Ung"], "birthDate": ["1968"]}}
    r = match(client, keys["screening"], {"q1": q})
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) == {"responses", "matcher", "limit"}
    resp = body["responses"]["q1"]
    assert resp["status"] == 200 and resp["total"]["relation"] == "eq"
    assert resp["query"]["schema"] == "Person"
    top = resp["results"][0]
    assert top["id"] == "unsc-9000001"
    for field in ("id", "caption", "schema", "properties", "datasets", "score", "match",
                  "features"):  # fmt: skip
        assert field in top
    assert top["match"] is True and 0.5 < top["score"] < 1.0
    assert "un_sc" in top["datasets"]
    assert "Kim" in top["explanation"] or "KIM" in top["explanation"]
    assert body["matcher"] and all("description" in d for d in body["matcher"].values())


def test_match_finds_vessel_by_imo(client: TestClient, keys: dict[str, str]) -> None:
    r = client.get("/search/default", params={"q": "9123453", "schema": "Vessel"},
                   headers=auth(keys["screening"]))  # fmt: skip
    assert r.status_code == 200, r.text
    vessel = r.json()["results"][0]
    assert vessel["schema"] == "Vessel" and "9123453" in str(vessel["properties"]["imoNumber"])
    # by name alone, and by a former name with the IMO number in another spelling
    for props in (
        {"name": ["Ocean Fiction"]},
        {"name": ["Sea Pretence"], "imoNumber": ["IMO 9123453"]},
    ):
        body = match(client, keys["screening"], {"v": {"schema": "Vessel", "properties": props}})
        top = body.json()["responses"]["v"]["results"][0]
        assert top["id"] == vessel["id"] and top["match"], (props, top["explanation"])


def test_batch_threshold_limit_and_dataset_filter(client: TestClient, keys: dict[str, str]) -> None:
    q = {"schema": "Person", "properties": {"name": ["Kim Cheol Ung"]}}
    body = match(client, keys["screening"], {"a": q, "b": q}, limit=1, threshold=0.99).json()
    assert set(body["responses"]) == {"a", "b"} and body["limit"] == 1
    assert len(body["responses"]["a"]["results"]) == 1
    assert body["responses"]["a"]["results"][0]["match"] is False  # threshold 0.99
    r = client.post(
        "/match/us_ofac_sdn", json={"queries": {"a": q}}, headers=auth(keys["screening"])
    )
    assert all("us_ofac_sdn" in e["datasets"] for e in r.json()["responses"]["a"]["results"])
    r = client.post("/match/nope", json={"queries": {"a": q}}, headers=auth(keys["screening"]))
    assert r.status_code == 404 and "unknown dataset" in r.json()["detail"]


def test_malformed_queries_get_clear_4xx(client: TestClient, keys: dict[str, str]) -> None:
    h = auth(keys["screening"])
    cases = [
        ({"queries": {}}, 422, None),
        ({"queries": {"q": {"schema": "Pirate", "properties": {"name": ["x"]}}}}, 422,
         "unknown schema"),
        ({"queries": {"q": {"schema": "Person", "properties": {"birthdate": ["1970"]}}}}, 422,
         "no property 'birthdate'"),
        ({"queries": {"q": {"schema": "Person", "properties": {"birthDate": ["1970"]}}}}, 422,
         "no name"),
        ({"queries": {"q": {"schema": "Person", "properties": {"name": [{"x": 1}]}}}}, 422, None),
        ({"nothing": 1}, 422, None),
    ]  # fmt: skip
    for body, code, text in cases:
        r = client.post("/match/default", json=body, headers=h)
        assert r.status_code == code, (body, r.text)
        if text:
            assert text in r.json()["detail"], r.text
    r = client.post(
        "/match/default", content=b"{not json", headers={**h, "content-type": "application/json"}
    )
    assert r.status_code == 422
    r = client.post("/match/default", json={"queries": {"q": {"schema": "Person", "properties":
                    {"name": ["x"]}}}}, headers=h, params={"algorithm": "magic"})  # fmt: skip
    assert r.status_code == 422 and "logic-v2" in r.text


def test_entity_lists_search_and_health(client: TestClient, keys: dict[str, str]) -> None:
    h = auth(keys["screening"])
    e = client.get("/entities/unsc-9000001", headers=h).json()
    assert e["id"] == "unsc-9000001" and e["schema"] == "Person"
    assert e["provenance"] and all("first_seen" in s for s in e["provenance"])
    assert "sanctions" in e and "links" in e
    assert client.get("/entities/no-such-thing", headers=h).status_code == 404
    lists = client.get("/lists", headers=h).json()
    assert {x["name"] for x in lists["lists"]} >= {"un_sc", "us_ofac_sdn"}
    assert lists["index"] == "ready"
    found = client.get("/search/default", params={"q": "Kim Chol Ung"}, headers=h).json()
    assert found["results"][0]["id"] == "unsc-9000001"
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").status_code == 200
    assert client.get("/openapi.json").json()["paths"]["/match/{dataset}"]


def test_requests_are_audited_with_list_versions(
    client: TestClient, keys: dict[str, str], database: Any
) -> None:
    from weerbaar.audit import events

    q = {"schema": "Person", "properties": {"name": ["Kim Cheol Ung"]}}
    match(client, keys["screening"], {"q1": q})
    with database.session() as s:
        [event] = events(s, action="screen.match")
        assert event.key_prefix and event.list_versions.get("un_sc")
        results = event.detail["queries"]["q1"]["results"]
        assert results[0]["entity_id"] == "unsc-9000001"


def test_bulk_entity_view_equals_the_single_one(service_settings: Any) -> None:
    """The server's prefilled entity cache (one pass) answers like a read per entity."""
    from weerbaar.store.store import Store
    from weerbaar.store.views import all_current_targets, current_entity

    store = Store(service_settings.store_path)
    try:
        bulk = list(all_current_targets(store))
        assert len(bulk) >= 20
        for entity in bulk:
            single = current_entity(store, entity["id"])
            assert single is not None
            assert {k: single[k] for k in entity} == entity, entity["id"]
    finally:
        store.close()


def test_entity_file_is_written_beside_the_index_and_reused(service_settings: Any) -> None:
    from weerbaar.service.state import _entities_file, _load_entities

    first = _load_entities(service_settings, "k1")
    path = _entities_file(service_settings, "k1")
    assert path.exists() and first
    path.write_bytes(b'{"x": null}')  # a later process reads the file, not the store
    assert _load_entities(service_settings, "k1") == {"x": None}
    _load_entities(service_settings, "k2")
    assert not path.exists()  # files of older indexes are removed
