"""Hand-off storage on a real PostgreSQL server: the schema-2 → 3 migration DDL, and deliver / re-run / update."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
from sqlalchemy import text

from handoff_fixtures import T0, add_items, configure, target_config  # noqa: F401
from handoff_receivers import WebhookReceiver, serve
from huisheng.storage.db import Database
from huisheng.storage.schema import SCHEMA_VERSION, Cluster
from test_postgres import pg_url  # noqa: F401  (module-scoped private PostgreSQL cluster)


def test_handoff_on_postgresql(pg_url, configure, monkeypatch):  # noqa: F811
    db = Database(pg_url).create()
    with db.engine.begin() as c:  # make it a schema-2 database, then let create() upgrade it
        c.execute(text("DROP INDEX uq_handoffs_cluster_target"))
        for col in ("delivered_at", "external_url", "delivered_size", "delivered_spike", "external_state"):
            c.execute(text(f"ALTER TABLE handoffs DROP COLUMN {col}"))
        c.execute(text("UPDATE schema_meta SET value = '2' WHERE key = 'schema_version'"))
    db.engine.dispose()
    db = Database(pg_url).create()
    assert db.schema_version() == SCHEMA_VERSION  # 2 -> 3 hand-off, then 3 -> 4 accounts (already in place)
    monkeypatch.setenv("HUISHENG_DATABASE_URL", pg_url)
    with db.session() as s:
        c = Cluster(category="bug", label="闪退", keywords=["闪退"], quotes=[], embedder="t", size=0,
                    centroid=(np.ones(4) / 2).astype(np.float32).tobytes(), first_seen=T0, last_seen=T0 + timedelta(days=1))
        s.add(c)
        s.flush()
        add_items(s, c, ["打开就闪退", "闪退了 手机 13812345678", "一直闪退"], 1)
        cid = c.id
    from huisheng.services import handoff as service

    with serve(WebhookReceiver()) as rec:
        settings = configure({"hook": target_config("webhook", rec.base_url)})
        first = service.deliver(db, settings, cid, "hook")
        assert service.deliver(db, settings, cid, "hook").action == "unchanged"
        with db.session() as s:
            add_items(s, s.get(Cluster, cid), ["又闪退"], 10)
        assert service.deliver(db, settings, cid, "hook").action == "updated"
        assert len(rec.accepted) == 2 and rec.accepted[1]["body"]["event"] == "cluster.updated"
        assert "13812345678" not in str(rec.accepted)
    from huisheng.storage import handoffs as hstore

    with db.session() as s:
        row = hstore.get(s, cid, "hook")
        assert (row.external_ref, row.delivered_size, row.attempts) == (first.external_ref, 4, 2)
    db.engine.dispose()
