"""The README's main job: ``disclosure-report demo`` on the bundled examples."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_report import __all__ as public_names
from disclosure_report.cli import main


def test_demo_prints_the_key_figures(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["demo", "-o", str(tmp_path / "page.html")]) == 0
    out = capsys.readouterr().out
    assert "沭阳县人民政府 — 2025年 (format 2021, 国办公开办函〔2021〕30号)" in out
    assert "一、本年新收政府信息公开申请数量 › 申请人情况 › 总计: 713" in out
    assert "三、本年度办理结果 › （七）总计 › 申请人情况 › 总计: 718" in out
    assert "第二十条第（八）项 › 行政事业性收费 › 本年收费金额（单位：万元）: 4068.208" in out


def test_demo_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    args = ["demo", "--example", "panzhou-rural-revitalization-2023", "--json", "-o", str(tmp_path / "p.html")]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["agency"] == "盘州市乡村振兴局"
    assert data["year"] == 2023
    assert data["cells"]["applications.new.total"]["value"] == "0"


def test_module_entry_point_runs(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "disclosure_report", "demo"], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert (tmp_path / "shuyang-county-gov-2025.html").is_file()
    assert done.returncode == 0, done.stderr
    assert "沭阳县人民政府" in done.stdout


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["demo", "--example", "nope"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_api_page_names_every_public_name() -> None:
    page = (Path(__file__).parent.parent / "docs" / "api.md").read_text(encoding="utf-8")
    missing = [name for name in public_names if f"`{name}" not in page]
    assert missing == []


def test_new_writes_an_empty_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from disclosure_report import load, validate

    out = tmp_path / "new.json"
    assert main(["new", "--agency", "某市某局", "--year", "2020", "--scope", "agency", "-o", str(out)]) == 0
    report = load(out)
    assert (report.format, report.meta.scope) == ("2019", "agency")
    assert validate(report).ok
    assert main(["new", "--agency", "某局", "--year", "2017"]) == 2
    assert "pre-date" in capsys.readouterr().err
