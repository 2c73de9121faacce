"""The maritime API and page: register, scan upload, alerts, the offline map."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.maritime.conftest import FIXTURES
from tests.plugins.service import auth


def test_register_scan_alerts_and_page(client: TestClient, keys: dict[str, str]) -> None:
    headers = auth(keys["screening"])
    vessels = client.get("/maritime/vessels", headers=headers)
    assert vessels.status_code == 200
    assert any(v["imo"] == "IMO9123453" and "613456789" in v["mmsi"] for v in vessels.json())
    files = {
        "file": ("day.csv", (FIXTURES / "noaa.csv").read_bytes(), "text/csv"),
        "zones": ("z.geojson", (FIXTURES / "zones.geojson").read_bytes(), "application/json"),
        "watchlist": ("w.csv", (FIXTURES / "watchlist.csv").read_bytes(), "text/csv"),
    }
    scan = client.post("/maritime/scan", headers=headers, files=files)
    assert scan.status_code == 200, scan.text
    assert [a["type"] for a in scan.json()["alerts"]] == ["watched_vessel"]
    alerts = client.get("/maritime/alerts?type=watched_vessel", headers=headers)
    assert alerts.status_code == 200 and alerts.json()[0]["mmsi"] == 620100007
    bad = client.post("/maritime/scan", headers=headers,
                      files={"file": ("x.csv", b"a,b\n1,2\n", "text/csv")})  # fmt: skip
    assert bad.status_code == 422 and "mmsi" in bad.json()["detail"]
    page = client.get("/ui/maritime", headers=headers)
    assert page.status_code == 200 and "maritime.js" in page.text
    data = client.get("/ui/maritime/data", headers=headers).json()
    assert data["tracks"] and data["zones"]["features"] and data["alerts"]
    assert client.get("/static/maritime.js").status_code == 200
