"""The board's source-health page (AppTest on the real page file, real SQLite, sources pulled for real)."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("streamlit")

from test_board import markdown_strings, open_page  # noqa: E402


def test_sources_page_shows_health_and_errors_as_text(settings, db, tmp_path, monkeypatch):
    from huisheng.services.sources import pull_source

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False)
                              for i, t in enumerate(["闪退", "希望加夜间模式", ""])) + "\n", encoding="utf-8")
    evil_url = "http://127.0.0.1:9/<script>alert(1)</script>**x**"
    cfg = tmp_path / "huisheng.toml"
    cfg.write_text(f'[[sources]]\nname = "drop"\nkind = "file"\npath = "{feed}"\n\n'
                   f'[[sources]]\nname = "api"\nkind = "http-json"\nurl = "{evil_url}"\nretries = 0\n\n'
                   f'[[sources]]\nname = "later"\nkind = "folder"\npath = "{tmp_path}"\n', encoding="utf-8")
    monkeypatch.setenv("HUISHENG_CONFIG", str(cfg))
    s = settings.model_copy(update={"sources": []})
    from huisheng.settings import get_settings

    configured = get_settings().sources
    assert [c["name"] for c in configured] == ["drop", "api", "later"]
    assert pull_source(db, s, configured[0]).ingest.new == 2
    assert pull_source(db, s, configured[1]).error

    at = open_page("sources", "ops-admin", role="admin")  # the sources page is for admins (DESIGN §7b)
    assert "1 个数据源最近一次运行失败" in at.error[0].value
    df = at.dataframe[0].value
    rows = {r["名称 (name)"]: r for r in df.to_dict("records")}
    assert rows["drop"]["状态 (state)"] == "正常 ok" and rows["drop"]["条目 (items)"] == 2
    assert rows["drop"]["隔离 (quarantined)"] == 1 and rows["drop"]["累计行数 (rows fetched)"] == 3
    assert rows["api"]["状态 (state)"] == "失败 FAILING" and "alert(1)%3C/script%3E**x**" in rows["api"]["最近错误 (last error)"]
    assert rows["later"]["状态 (state)"] == "未运行 not run yet"
    assert not any("**x**" in m or "script" in m for m in markdown_strings(at))  # the error is data in a table, never markup
