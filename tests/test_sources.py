"""Each source kind against a real local server or database; cursors that survive re-runs; quarantine; plugins."""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from feeds import Api, apple_review, appstore_route, cursor_route, paged_route, serve
from huisheng.services.sources import pull_all, pull_source
from huisheng.storage.schema import Item, Quarantine, Source

TEXTS = ["更新后打开就闪退", "希望增加夜间模式", "登录一直转圈进不去", "能不能支持导出Excel", "付款成功但订单没显示",
         "界面很好看，用着顺手", "同步老是失败", "建议加一个指纹登录", "闪退闪退闪退", "搜索结果不准确"]


def _items(db, source):
    with db.session() as s:
        return {ext: text for ext, text in s.execute(
            select(Item.external_id, Item.text).join(Source).where(Source.name == source))}


def _source(db, name):
    with db.session() as s:
        return s.scalar(select(Source).where(Source.name == name))


def _api_items(n, start=0):
    base = datetime(2026, 11, 1, tzinfo=timezone.utc)
    return [{"rid": f"r{i}", "body": TEXTS[i % len(TEXTS)] + f" #{i}", "user": {"nick": f"u{i}"},
             "meta": {"updated": (base + timedelta(minutes=i)).isoformat(), "stars": 1 + i % 5, "ver": "3.2.0"}}
            for i in range(start, start + n)]


HTTP_FIELDS = {"id": "rid", "text": "body", "author": "user.nick", "created_at": "meta.updated",
               "rating": "meta.stars", "version": "meta.ver"}


def test_http_json_pages_secret_header_retries_rate_limit_and_cursor(db, settings, monkeypatch):
    api = Api(_api_items(7), page_size=3, token="s3cret")
    api.items.insert(4, {"rid": "bad1", "body": "", "user": {"nick": "x"}, "meta": {"updated": "2026-11-01T00:00:00Z"}})
    api.fail_next = [503]  # the first request fails once: retried
    monkeypatch.setenv("FEEDBACK_API_TOKEN", "Bearer s3cret")
    with serve(api, paged_route) as base:
        cfg = {"name": "api", "kind": "http-json", "url": f"{base}/v1/reviews", "items_path": "data.list",
               "fields": HTTP_FIELDS, "headers_env": {"Authorization": "FEEDBACK_API_TOKEN"}, "page_size": 3,
               "backoff": 0.01, "rate_limit": 20}
        first = pull_source(db, settings, cfg)
        assert first.error is None, first.error
        assert (first.ingest.new, first.ingest.quarantined) == (7, 1)
        got = _items(db, "api")
        assert got["r5"].startswith(TEXTS[5]) and len(got) == 7
        with db.session() as s:
            it = s.scalar(select(Item).where(Item.external_id == "r2"))
            assert it.author == "u2" and it.meta["rating"] == 3 and it.meta["app_version"] == "3.2.0"
            assert it.created_at == datetime(2026, 11, 1, 0, 2)
            q = s.scalar(select(Quarantine).where(Quarantine.source_name == "api"))
            assert q.reason == "empty text" and "page=2" in q.file
        # 503 then pages 1, 2 (full), 3 (short: the end); rate limit 20/s: ≥ 50 ms between requests
        pages = [r[2]["page"] for r in api.requests]
        assert pages == ["1", "1", "2", "3"]
        # arrival times at the server jitter under load; their span cannot (3 gaps of at least 50 ms each)
        span = api.requests[-1][0] - api.requests[0][0]
        assert span >= 3 * 0.05 * 0.95, [r[0] for r in api.requests]
        assert _source(db, "api").cursor == {"position": 3}

        # new items appended: the next run starts at the last (short) page, never at page 1
        api.items += _api_items(4, start=7)
        api.requests.clear()
        second = pull_source(db, settings, cfg)
        assert [r[2]["page"] for r in api.requests] == ["3", "4", "5"]  # 12 rows: page 4 is full, 5 is empty
        assert second.ingest.new == 4 and len(_items(db, "api")) == 11
        assert _source(db, "api").cursor == {"position": 4}  # the last non-empty page
        # nothing new: one page re-read, nothing lands
        third = pull_source(db, settings, cfg)
        assert third.ingest.new == 0 and third.ingest.quarantined == 0 and len(_items(db, "api")) == 11

        monkeypatch.delenv("FEEDBACK_API_TOKEN")
        missing = pull_source(db, settings, cfg)
        assert "FEEDBACK_API_TOKEN" in missing.error and "not set" in missing.error
        assert "FEEDBACK_API_TOKEN" in _source(db, "api").last_error


def test_http_json_cursor_and_since_watermark(db, settings):
    api = Api(_api_items(5), page_size=2)
    with serve(api, cursor_route) as base:
        cfg = {"name": "feed", "kind": "http-json", "url": f"{base}/feed", "items_path": "items", "fields": HTTP_FIELDS,
               "pagination": "cursor", "cursor_param": "cursor", "next_cursor_path": "next", "rate_limit": 100}
        assert pull_source(db, settings, cfg).ingest.new == 5
        assert _source(db, "feed").cursor == {"position": "tok-4"}  # the last page's token: re-read once next time
        api.items += _api_items(3, start=5)
        api.requests.clear()
        assert pull_source(db, settings, cfg).ingest.new == 3
        assert api.requests[0][2] == {"cursor": "tok-4"}

    api = Api(_api_items(5), page_size=2)
    with serve(api, paged_route) as base:
        cfg = {"name": "since", "kind": "http-json", "url": f"{base}/v1/reviews", "items_path": "data.list",
               "fields": HTTP_FIELDS, "page_size": 2, "since_param": "since", "since_field": "meta.updated",
               "rate_limit": 100}
        assert pull_source(db, settings, cfg).ingest.new == 5
        assert _source(db, "since").cursor == {"since": api.items[4]["meta"]["updated"]}
        api.items += _api_items(2, start=5)
        api.requests.clear()
        r = pull_source(db, settings, cfg)
        assert r.ingest.new == 2 and r.ingest.unchanged == 1  # the watermark item itself is re-sent (inclusive)
        assert {q["since"] for _, _, q in api.requests} == {api.items[4]["meta"]["updated"]}


def test_http_timeout_is_recorded_and_other_sources_still_run(db, settings, tmp_path):
    api = Api(_api_items(2))
    api.delay = 1.0
    feed = tmp_path / "a.jsonl"
    feed.write_text(json.dumps({"id": "f1", "text": "闪退"}, ensure_ascii=False) + "\n", encoding="utf-8")
    with serve(api, paged_route) as base:
        settings = settings.model_copy(update={"sources": [
            {"name": "slow", "kind": "http-json", "url": f"{base}/v1/reviews", "items_path": "data.list",
             "timeout": 0.2, "retries": 1, "backoff": 0.01},
            {"name": "drop", "kind": "file", "path": str(feed)}]})
        slow, drop = pull_all(db, settings)
    assert "timed out" in slow.error and str(base) in slow.error
    assert drop.error is None and drop.ingest.new == 1
    assert "timed out" in _source(db, "slow").last_error and _source(db, "slow").last_success_at is None
    assert _source(db, "drop").last_error is None and _source(db, "drop").last_success_at is not None


def test_appstore_rss_walks_newest_first_until_the_last_seen_review(db, settings):
    now = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
    reviews = [apple_review(n, now - timedelta(hours=n), TEXTS[n % len(TEXTS)] + f"（{n}）", rating=1 + n % 5)
               for n in range(12)]  # newest first
    reviews[5]["content"]["label"] = "   "  # an empty review: quarantined
    api = Api(reviews, page_size=5)
    with serve(api, appstore_route) as base:
        cfg = {"name": "ios", "kind": "appstore-rss", "app_id": "123", "country": "cn", "base_url": base,
               "rate_limit": 100, "backoff": 0.01}
        first = pull_source(db, settings, cfg)
        assert first.error is None, first.error
        assert (first.ingest.new, first.ingest.quarantined, first.pages) == (11, 1, 3)
        assert [r[1] for r in api.requests] == [f"/cn/rss/customerreviews/page={p}/id=123/sortby=mostrecent/json"
                                                for p in (1, 2, 3)]
        with db.session() as s:
            it = s.scalar(select(Item).where(Item.external_id == str(10_000_000_003)))
            assert it.kind == "review" and it.title == "标题3" and it.author == "用户3"
            assert it.meta["rating"] == 4 and it.meta["app_version"] == "3.2.0"
            assert it.created_at == datetime(2026, 11, 20, 9)  # -07:00 offset read as UTC
        assert _source(db, "ios").cursor == {"since": reviews[0]["updated"]["label"]}

        # three new reviews on top: one page is enough, the walk stops at the last seen review
        newer = [apple_review(100 + n, now + timedelta(hours=3 - n), f"新版本同步失败 {n}") for n in range(3)]
        api.items = newer + api.items
        api.requests.clear()
        second = pull_source(db, settings, cfg)
        assert [r[1].split("/")[4] for r in api.requests] == ["page=1"]
        assert second.ingest.new == 3 and len(_items(db, "ios")) == 14


def test_sql_source_keyset_pages_with_ties_and_url_from_env(db, settings, tmp_path, monkeypatch):
    other = tmp_path / "crm.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE tickets (id INTEGER PRIMARY KEY, updated_at TEXT, body TEXT, customer TEXT, stars INT)")
    rows = [(i, "2026-11-01 10:00:00" if i <= 5 else f"2026-11-0{1 + i // 5} 1{i % 10}:00:00",
             TEXTS[i % len(TEXTS)] if i != 4 else "", f"c{i}", i % 5) for i in range(1, 11)]
    con.executemany("INSERT INTO tickets VALUES (?,?,?,?,?)", rows)
    con.commit()
    monkeypatch.setenv("CRM_DATABASE_URL", f"sqlite:///{other}")
    cfg = {"name": "crm", "kind": "sql", "url_env": "CRM_DATABASE_URL", "table": "tickets",
           "cursor_column": "updated_at", "page_size": 2,
           "fields": {"text": "body", "author": "customer", "created_at": "updated_at", "rating": "stars"}}
    first = pull_source(db, settings, cfg)
    assert first.error is None, first.error
    assert (first.ingest.new, first.ingest.quarantined) == (9, 1)  # five rows share a cursor value across pages
    assert set(_items(db, "crm")) == {str(i) for i in range(1, 11) if i != 4}
    con.execute("INSERT INTO tickets VALUES (11, '2026-11-09 09:00:00', '新工单：退款失败', 'c11', 1)")
    con.commit()
    second = pull_source(db, settings, cfg)
    assert second.ingest.new == 1 and second.ingest.unchanged == 0
    assert _source(db, "crm").cursor == {"after": ["2026-11-09 09:00:00", 11]}
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Quarantine).where(Quarantine.source_name == "crm")) == 1
    # a query instead of a table
    cfg2 = {**cfg, "name": "crm-bugs", "table": None, "query": "SELECT * FROM tickets WHERE stars <= 1"}
    assert pull_source(db, settings, cfg2).ingest.new == 5  # ids 1, 5, 6, 10, 11
    con.close()


def test_folder_reads_each_new_file_once(db, settings, tmp_path):
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "2026-11-01.csv").write_text("id,text\n1,闪退\n2,希望加夜间模式\n", encoding="utf-8")
    (drop / "2026-11-02.jsonl").write_text(json.dumps({"id": "3", "text": "登录失败"}, ensure_ascii=False) + "\n{broken\n",
                                           encoding="utf-8")
    (drop / ".partial.csv").write_text("id,text\n9,unfinished\n", encoding="utf-8")
    cfg = {"name": "drop", "kind": "folder", "path": str(drop), "page_size": 1}
    first = pull_source(db, settings, cfg)
    assert (first.ingest.new, first.ingest.quarantined) == (3, 1)
    assert set(_source(db, "drop").cursor["seen"]) == {"2026-11-01.csv", "2026-11-02.jsonl"}
    again = pull_source(db, settings, cfg)
    assert again.pages == 0 and again.ingest.read == 0
    (drop / "2026-11-03.csv").write_text("id,text\n4,同步失败\n", encoding="utf-8")
    third = pull_source(db, settings, cfg)
    assert third.ingest.new == 1 and third.ingest.read == 1
    assert sorted(_items(db, "drop")) == ["1", "2", "3", "4"]


def test_file_source_resumes_after_its_last_committed_row(db, settings, tmp_path):
    f = tmp_path / "feed.csv"
    f.write_text("id,text\n" + "".join(f"{i},{TEXTS[i % 10]}\n" for i in range(5)), encoding="utf-8")
    cfg = {"name": "feed", "kind": "file", "path": str(f), "page_size": 2}
    assert pull_source(db, settings, cfg).ingest.new == 5
    assert pull_source(db, settings, cfg).pages == 0  # unchanged file: not read again
    with open(f, "a", encoding="utf-8") as out:
        out.write("5,新的一行\n")
    r = pull_source(db, settings, cfg)
    assert r.ingest.new == 1 and r.ingest.unchanged == 5  # changed file: read again, only the change lands


def test_bad_configuration_is_one_clear_line(db, settings):
    r = pull_source(db, settings, {"name": "x", "kind": "ftp"})
    assert r.error.startswith("unknown source kind 'ftp'") and "http-json" in r.error
    r = pull_source(db, settings, {"name": "y", "kind": "http-json"})
    assert r.error == "source 'y' (http-json): option 'url' is required"
    r = pull_source(db, settings, {"name": "z", "kind": "appstore-rss", "app_id": "abc"})
    assert "numeric app id" in r.error


def test_third_party_kind_through_entry_points(db, settings, tmp_path, monkeypatch):
    """A kind installed by another package: a real dist-info on sys.path declares it in huisheng.sources."""
    site = tmp_path / "site"
    pkg = site / "acme_feedback"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text(
        "from huisheng.sources.plugins import Page, SourcePlugin\n"
        "from huisheng.sources.records import Record\n"
        "class Forum(SourcePlugin):\n"
        "    kind = 'acme-forum'\n"
        "    def pages(self, cursor):\n"
        "        n = cursor.get('n', 0)\n"
        "        yield Page([Record(external_id=f'p{n}', text=self.options['greeting'], row_number=1)], [], {'n': n + 1})\n",
        encoding="utf-8")
    dist = site / "acme_feedback-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-feedback\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[huisheng.sources]\nacme-forum = acme_feedback:Forum\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    from huisheng.sources.plugins import available_kinds

    assert available_kinds()["acme-forum"] == "acme_feedback:Forum"
    cfg = {"name": "forum", "kind": "acme-forum", "greeting": "论坛里有人说闪退"}
    assert pull_source(db, settings, cfg).ingest.new == 1
    assert pull_source(db, settings, cfg).ingest.new == 1  # its cursor moved on: p1 now
    assert sorted(_items(db, "forum")) == ["p0", "p1"]
    sys.modules.pop("acme_feedback", None)
