"""The README's main job: ``disclosure-report demo`` on the bundled examples."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from disclosure_report import __all__ as public_names
from disclosure_report.cli import main


def test_demo_prints_the_key_figures(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["demo", "-o", str(tmp_path / "page.html")]) == 0
    out = capsys.readouterr().out
    assert "沭阳县人民政府 — 2025年（格式 2021，国办公开办函〔2021〕30号）" in out
    assert "一、本年新收政府信息公开申请数量 › 申请人情况 › 总计：713" in out
    assert "三、本年度办理结果 › （七）总计 › 申请人情况 › 总计：718" in out
    assert "第二十条第（八）项 › 行政事业性收费 › 本年收费金额（单位：万元）：4068.208" in out
    assert "校验：通过 — 错误 0 个，警告 0 个，提示 0 个" in out


def test_demo_in_english_with_plurals(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    args = ["demo", "--lang", "en", "--example", "panzhou-rural-revitalization-2023", "-o", str(tmp_path / "p.html")]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "盘州市乡村振兴局 — 2023年 (format 2021, 国办公开办函〔2021〕30号)" in out
    assert "一、本年新收政府信息公开申请数量 › 申请人情况 › 总计: 0" in out
    assert "validation: ok — 0 errors, 1 warning, 0 info" in out
    assert "  warning LAYOUT-OTHER-ROWS: table 三 prints （六）其他处理 in the single-row (2019) layout" in out


def test_demo_json_gives_numbers(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    args = ["demo", "--example", "panzhou-rural-revitalization-2023", "--json", "-o", str(tmp_path / "p.html")]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["agency"] == "盘州市乡村振兴局"
    assert data["year"] == 2023
    assert data["cells"]["applications.new.total"]["value"] == 0
    assert main(["demo", "--json", "-o", str(tmp_path / "s.html")]) == 0
    text = capsys.readouterr().out
    data = json.loads(text, parse_float=Decimal)
    assert data["cells"]["applications.results.total.total"]["value"] == 718
    assert data["cells"]["proactive.fees.amount"]["value"] == Decimal("4068.208")
    assert '"value": 4068.208' in text  # the exact amount, as a JSON number
    assert data["validation"]["counts"] == {"error": 0, "warning": 0, "info": 0}


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
    assert main(["new", "--agency", "某局", "--year", "2017", "--lang", "en"]) == 2
    assert "pre-date" in capsys.readouterr().err
