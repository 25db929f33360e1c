"""The board's queries rewritten for a million items (counted in the database, walked along an index, capped)
give exactly what the plain reading of every row gives, on SQLite and on PostgreSQL: relabelled items, items
without a creation time, missing margins, tied quality scores, timezones with DST and half-hour offsets."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from datetime import datetime, timedelta

import pytest

from huisheng.models import CATEGORIES
from huisheng.models.trends import growth, poisson_tail
from huisheng.services import trends
from huisheng.storage import queue, stats
from huisheng.storage.db import Database
from huisheng.storage.schema import Analysis, Cluster, Item, Source

TZS = ("Asia/Shanghai", "America/New_York", "Asia/Kolkata")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def board_db(request, tmp_path_factory):
    server = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('scale') / 'scale.db'}"
    else:  # a private server, as in test_postgres.py (skipped where no PostgreSQL binaries are installed)
        from test_postgres import pg_url

        server = pg_url.__wrapped__()
        url = next(server)
    try:
        db = Database(url).create()
        fill(db)
        yield db
        db.engine.dispose()
    finally:
        if server is not None:
            server.close()  # runs the fixture's teardown: the server stops


def fill(db: Database, n: int = 600) -> None:
    rng = random.Random(7)
    t0 = datetime(2026, 3, 1, 0, 0)  # spans the US DST change of March 8
    with db.session() as s:
        s.add(Source(name="feed", kind="file", settings={}, cursor={}))
        s.add_all([Cluster(id=c, category="bug", label=f"c{c}", size=1, embedder="t") for c in range(1, 6)])
        s.flush()
        for i in range(1, n + 1):
            created = t0 + timedelta(minutes=rng.randrange(0, 40 * 24 * 60)) if i % 17 else None
            cat = CATEGORIES[i % len(CATEGORIES)]
            s.add(Item(id=i, source_id=1, external_id=f"x{i}", text=f"t{i}", normalized_text=f"t{i}",
                       content_hash=f"h{i}", created_at=created, ingested_at=t0 + timedelta(hours=i),
                       human_category=CATEGORIES[(i + 1) % len(CATEGORIES)] if i % 11 == 0 else None,
                       moderation_status="approved" if i % 5 == 0 else "pending", featured=i % 23 == 0,
                       meta={"rating": i % 5 + 1, "app_version": f"3.{i % 4}"} if i % 3 else {}))
            s.add(Analysis(item_id=i, category=cat, scores={c: 0.2 for c in CATEGORIES}, model_version="m",
                           content_hash=f"h{i}", quality_score=round(rng.random(), 1),  # many ties
                           margin=None if i % 7 == 0 else round(rng.random(), 2),
                           cluster_id=(i % 5) + 1 if i % 3 else None))


def rows(db: Database):
    with db.session() as s:
        return s.execute(Item.__table__.join(Analysis.__table__).select()).mappings().all()


def test_aggregates_equal_reading_every_row(board_db):
    all_rows = rows(board_db)
    effective = Counter(r["human_category"] or r["category"] for r in all_rows)
    with board_db.session() as s:
        assert stats.effective_category_counts(s) == dict(effective)
        for tz in TZS:
            expected: dict = defaultdict(Counter)
            for r in all_rows:
                expected[stats.local_day(r["created_at"] or r["ingested_at"], tz)][r["human_category"] or r["category"]] += 1
            assert stats.per_day(s, tz) == dict(sorted(expected.items())), tz
            newest = max(stats.local_day(r["created_at"] or r["ingested_at"], tz) for r in all_rows)
            for days in (1, 7, 40):  # the board's window: the last ``days`` days up to the newest item, and no other
                first = newest - timedelta(days=days - 1)
                assert stats.per_day(s, tz, days) == {d: c for d, c in sorted(expected.items()) if d >= first}, (tz, days)
            whens = [r["created_at"] or r["ingested_at"] for r in all_rows]
            span = (stats.local_day(min(whens), tz), stats.local_day(max(whens), tz))
            assert trends.feed_span(s, tz) == span
            daily: dict = defaultdict(Counter)
            for r in all_rows:
                if r["cluster_id"] is not None:
                    daily[r["cluster_id"]][stats.local_day(r["created_at"] or r["ingested_at"], tz)] += 1
            assert stats.cluster_daily_counts(s, [1, 2, 3, 4, 5], tz) == daily
            since = span[1] - timedelta(days=13)
            expected_growth = {cid: growth(c, span[1], 7) for cid, c in daily.items()
                               if any(d >= since for d in c)}
            assert trends.growth_by_cluster(s, tz) == pytest.approx(expected_growth), tz


@pytest.mark.parametrize("status", ["pending", None])
def test_queue_pages_and_capped_count(board_db, status):
    all_rows = [r for r in rows(board_db) if status is None or r["moderation_status"] == status]
    reference = {
        "quality": sorted(all_rows, key=lambda r: (-r["quality_score"], r["id"])),
        "newest": sorted(all_rows, key=lambda r: (r["created_at"] is None,
                                                  -(r["created_at"] or datetime(2000, 1, 1)).timestamp(), -r["id"])),
        "least_confident": sorted(all_rows, key=lambda r: (r["margin"] is None, r["margin"] or 0, r["id"])),
    }
    f = queue.QueueFilter(status=status)
    with board_db.session() as s:
        assert queue.count(s, f) == len(all_rows)
        assert queue.count(s, f, cap=50) == 51 and queue.count(s, f, cap=len(all_rows)) == len(all_rows)
        non_null = sum(r["margin"] is not None for r in all_rows)
        for order, expected in reference.items():
            for offset in (0, 40, non_null - 7, non_null, non_null + 3, len(all_rows) - 5):
                got = [it.id for it, _a, _src in queue.items(s, f, order=order, limit=20, offset=offset)]
                assert got == [r["id"] for r in expected[offset : offset + 20]], (order, offset)
        ratings, versions = queue.meta_options(s)
        assert ratings == queue.ratings(s) and versions == queue.app_versions(s)


def test_poisson_tail_matches_scipy():
    from scipy.stats import poisson

    for k in [0, 1, 2, 5, 9, 30, 100, 400]:
        for mu in [0.5, 1.0, 3.7, 20.0, 150.0]:
            assert poisson_tail(k, mu) == pytest.approx(float(poisson.sf(k - 1, mu)), rel=1e-10, abs=1e-300)
