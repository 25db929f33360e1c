"""Search, filters, bulk decisions, undo and accounts on a real PostgreSQL server (private cluster, see
test_postgres.py): the array-containment search path and the JSON filters are PostgreSQL-specific SQL."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, text

from huisheng.services import accounts
from huisheng.storage import bulk, queue, search
from huisheng.storage.db import Database
from huisheng.storage.schema import Analysis, Decision, Item, Source
from test_postgres import pg_url  # noqa: F401  (module-scoped private cluster)

TEXTS = ["更新之后一打开就闪退", "支付页面一直转圈，付不了款", "希望增加夜间模式", "夜间模式太暗了看不清", "兼职日结 加微信"]


def test_search_filters_bulk_undo_and_accounts_on_postgresql(pg_url):  # noqa: F811
    db = Database(pg_url).create()
    with db.session() as s:
        for t in ("decisions", "analyses", "search_terms", "items", "sources", "users"):
            s.execute(text(f"DELETE FROM {t}"))
        src = Source(name="pg", kind="file")
        s.add(src)
        s.flush()
        for n, t in enumerate(TEXTS):
            it = Item(source_id=src.id, external_id=str(n), text=t, normalized_text=t, content_hash=f"h{n}",
                      created_at=datetime(2024, 5, 1) + timedelta(days=n), meta={"rating": float(n + 1), "app_version": f"3.{n}"})
            s.add(it)
            s.flush()
            s.add(Analysis(item_id=it.id, category="bug", scores={"bug": 0.5 + n * 0.1}, quality_score=n / 10,
                           model_version="t", content_hash=f"h{n}", margin=0.05 * n))
    with db.session() as s:
        assert search.sync(s) == len(TEXTS)
        f = queue.QueueFilter(status=None, search="夜间模式")
        ids = queue.ids(s, f)
        assert {s.get(Item, i).text for i in ids} == {TEXTS[2], TEXTS[3]}
        assert queue.count(s, queue.QueueFilter(status=None, search="夜间 看不清")) == 1
        assert queue.count(s, queue.QueueFilter(status=None, search="款")) == 1
        assert queue.count(s, queue.QueueFilter(status=None, ratings=[1, 2], app_versions=["3.1"])) == 1
        assert queue.count(s, queue.QueueFilter(status=None, unsure_only=True)) == 4  # margins 0 .. 0.15
        assert queue.count(s, queue.QueueFilter(status=None, confidence_min=0.75)) == 2
        assert s.scalar(text("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_search_terms_array'")) == 1
        r = bulk.apply(s, ids, "relabel", "pg-mod", category="feature_request")
    assert len(r.changed) == 2
    with db.session() as s:
        assert bulk.recent_groups(s, actor="pg-mod")[0].count == 2
        assert len(bulk.undo_batch(s, r.batch, "pg-mod").undone) == 2
    with db.session() as s:
        assert not s.scalars(select(Item).where(Item.human_category.is_not(None))).first()
        assert len(list(s.scalars(select(Decision).where(Decision.action == "undo")))) == 2
        accounts.add_user(s, "pg-admin", "admin", "a long enough password")
    with db.session() as s:
        assert accounts.authenticate(s, "pg-admin", "a long enough password").principal.role == "admin"
    db.engine.dispose()
