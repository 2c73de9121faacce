"""``/ui/trade``: the dependencies table, product search and the report download."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.analytics.conftest import BACI
from tests.plugins.service import auth
from weerbaar.analytics.readers import read_baci
from weerbaar.analytics.store import TradeStore
from weerbaar.core.settings import Settings


def test_trade_page_and_report(
    client: TestClient, keys: dict[str, str], service_settings: Settings
) -> None:
    headers = auth(keys["screening"])
    empty = client.get("/ui/trade", headers=headers)
    assert empty.status_code == 200 and "weerbaar trade load" in empty.text
    TradeStore(service_settings.home / "trade").load([read_baci(BACI)])
    page = client.get("/ui/trade?importer=EU27", headers=headers)
    assert page.status_code == 200 and "010121" in page.text and "USA" in page.text
    data = client.get("/ui/trade?importer=NLD&q=horses&format=json", headers=headers).json()
    assert [r["hs6"] for r in data["rows"]] == ["010121"]
    report = client.get("/ui/trade/report?hs6=10121&importer=NLD", headers=headers)
    assert report.status_code == 200 and "attachment" in report.headers["content-disposition"]
    assert "plotly" in report.text.lower()
    anonymous = client.get("/ui/trade", follow_redirects=False)
    assert anonymous.status_code in (303, 307, 401)
