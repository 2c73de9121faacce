"""``weerbaar trade``: load the fixtures, every sub-command answers."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.analytics.conftest import BACI, TRADE
from weerbaar.cli.main import app

runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(app, ["trade", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_trade_commands(home: Path, tmp_path: Path) -> None:
    assert "loaded 13 flows" in run("load", str(BACI))
    assert "main" in run("datasets")
    data = json.loads(run("dependencies", "--importer", "EU27", "--year", "2019", "--json"))
    horses = next(r for r in data if r["hs6"] == "010121")
    assert horses["dependent"] is True and horses["suppliers"][0]["country"] == "USA"
    csv = run("dependencies", "--importer", "NLD", "--csv")
    assert csv.startswith("year,hs6,hhi") and "supplier1" in csv
    assert "dependencies" in run("dependencies", "--importer", "NLD")
    assert "Share trend" in run("product", "10121", "--importer", "NLD")
    assert json.loads(run("product", "270900", "--importer", "NLD", "--json"))["hs6"] == "270900"
    run("raw-materials", "--importer", "EU27")
    assert "010121" in run("supplier", "USA", "--importer", "EU27", "--year", "2019")
    out = tmp_path / "report.html"
    run("report", "010121", "270900", "--importer", "NLD", "-o", str(out))
    text = out.read_text()
    assert "plotly" in text.lower() and "HHI (&gt; 0.4)" in text and "<script" in text
    assert "<script src=" not in text  # plotly.js inline, nothing fetched
    assert "dependencies" in run("analyses")


def test_trade_load_errors_are_clear(home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "x.csv"
    bad.write_text("a,b\n1,2\n")
    result = runner.invoke(app, ["trade", "load", str(bad)])
    assert result.exit_code == 1 and "--format" in result.output
    result = runner.invoke(
        app,
        ["trade", "load", str(TRADE / "slice_columns.csv"), "--columns", "year=year,importer=x"],
    )
    assert result.exit_code == 1 and "missing exporter" in result.output
    result = runner.invoke(app, ["trade", "dependencies", "--importer", "NLD"])
    assert result.exit_code == 1 and "weerbaar trade load" in result.output
