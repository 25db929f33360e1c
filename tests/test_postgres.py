"""The storage layer on a real PostgreSQL server (a private cluster started for this test).

Skipped only where no PostgreSQL server binaries are installed (DESIGN §9: /usr/lib/postgresql/15/bin here).
"""

import glob
import os
import shutil
import subprocess
import tempfile

import numpy as np
import pytest
from sqlalchemy import func, select

from conftest import free_port
from huisheng.services.ingest import ingest_file
from huisheng.storage.schema import SCHEMA_VERSION
from huisheng.storage import clusters as cstore
from huisheng.storage.analysis import cached_embeddings, items_to_analyse, save_analyses, store_embeddings
from huisheng.storage.db import Database
from huisheng.storage.schema import Decision, Item

PG_BIN = next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)), None)


@pytest.fixture(scope="module")
def pg_url():
    if not PG_BIN or not os.path.exists(os.path.join(PG_BIN, "initdb")):
        pytest.skip("PostgreSQL server binaries not installed")
    base = tempfile.mkdtemp(prefix="huisheng-pg-")
    data, sock = os.path.join(base, "data"), os.path.join(base, "sock")
    os.makedirs(sock)
    run_as = []
    if os.geteuid() == 0:  # initdb refuses root
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    subprocess.run([*run_as, f"{PG_BIN}/initdb", "-A", "trust", "-U", "postgres", "-E", "UTF8", "-D", data],
                   check=True, capture_output=True)
    subprocess.run([*run_as, f"{PG_BIN}/pg_ctl", "-D", data, "-o", f"-p {port} -k {sock} -c listen_addresses=127.0.0.1",
                    "-w", "-l", os.path.join(base, "log"), "start"], check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*run_as, f"{PG_BIN}/pg_ctl", "-D", data, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def test_storage_round_trip_on_postgresql(pg_url, tmp_path, monkeypatch):
    monkeypatch.setenv("HUISHENG_DATABASE_URL", pg_url)
    from huisheng.settings import get_settings

    settings = get_settings()
    db = Database(pg_url).create()
    assert db.schema_version() == SCHEMA_VERSION
    feed = tmp_path / "f.csv"
    feed.write_text("编号,内容,时间\n1,更新后闪退,2026-10-05 10:00\n2,求夜间模式,2026-10-05 11:00\n3,,2026-10-05\n",
                    encoding="gbk")
    s1 = ingest_file(db, settings, feed, "appstore")
    s2 = ingest_file(db, settings, feed, "appstore")
    assert (s1.new, s1.quarantined, s2.new, s2.quarantined) == (2, 1, 0, 0)

    with db.session() as s:
        pending = items_to_analyse(s, "clf-test")
        assert len(pending) == 2
        save_analyses(s, [{"item_id": p.id, "category": "bug", "scores": {"bug": 0.9}, "quality_score": 0.1,
                           "model_version": "clf-test", "content_hash": p.content_hash} for p in pending])
        store_embeddings(s, "usem3", {p.content_hash: np.ones(4, dtype=np.float32) for p in pending})
    with db.session() as s:
        assert items_to_analyse(s, "clf-test") == []
        assert len(cached_embeddings(s, "usem3", [p.content_hash for p in pending])) == 2
        a = cstore.create_cluster(s, "bug", "usem3", np.ones(4, dtype=np.float32))
        b = cstore.create_cluster(s, "bug", "usem3", np.ones(4, dtype=np.float32))
        cstore.set_membership(s, [pending[0].id], a.id)
        cstore.set_membership(s, [pending[1].id], b.id)
        a.size, b.size = 1, 1
    with db.session() as s:
        cstore.rename(s, a.id, "启动闪退", actor="pm")
        cstore.merge(s, b.id, a.id, actor="pm")
    with db.session() as s:
        assert [c.id for c in cstore.board_clusters(s)] == [a.id]
        assert len(cstore.cluster_members(s, a.id)) == 2
        assert s.scalar(select(func.count()).select_from(Decision)) == 2
        assert s.scalar(select(func.count()).select_from(Item)) == 2
    db.engine.dispose()
