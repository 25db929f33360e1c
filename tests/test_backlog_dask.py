"""A backlog analysed in chunks, in parallel on a Dask LocalCluster through prefect-dask, under a real Prefect run:
every item analysed once, by more than one worker process, with the same results as the one-process path."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from huisheng.services.analyse import analyse_pending
from huisheng.services.ingest import ingest_file
from huisheng.storage.db import Database
from huisheng.storage.schema import Analysis, EmbeddingCache, Item

TEXTS = ["更新后打开就闪退", "希望增加夜间模式", "登录一直转圈进不去", "能不能支持导出Excel", "付款成功但订单没显示",
         "界面很好看，用着顺手", "同步老是失败", "建议加一个指纹登录", "兼职日结加微信abc123", "搜索结果不准确"]


def _feed(path, n=60):
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            # repeated texts across chunks: workers race to cache the same embedding
            f.write(json.dumps({"id": f"b{i}", "text": TEXTS[i % len(TEXTS)] + ("" if i < 30 else f"（{i}）")},
                               ensure_ascii=False) + "\n")
    return path


def test_dask_parallel_backlog_matches_the_single_process_path(prefect_harness, settings, db, tmp_path):
    from huisheng.flows.backlog import analyze_backlog

    feed = _feed(tmp_path / "backlog.jsonl")
    assert ingest_file(db, settings, feed, "backlog").new == 60
    result = analyze_backlog(chunk_size=20, workers=2, recluster=False)
    assert result["analysed"] == 60 and len(result["chunks"]) == 3
    assert all(c["analysed"] == 20 for c in result["chunks"])
    assert len({c["pid"] for c in result["chunks"]}) >= 2  # really spread over worker processes
    with db.session() as s:
        parallel = dict(s.execute(select(Item.external_id, Analysis.category).join(Analysis)).all())
        distinct_texts = s.scalar(select(func.count(func.distinct(Item.content_hash))))
        cached = s.scalar(select(func.count()).select_from(EmbeddingCache))
    assert len(parallel) == 60
    assert cached in (0, distinct_texts)  # each distinct text cached once (0: an embedder-free model)
    assert analyze_backlog(chunk_size=20, workers=2, recluster=False)["analysed"] == 0  # nothing left

    other = Database(f"sqlite:///{tmp_path / 'single.db'}").create()
    ingest_file(other, settings, feed, "backlog")
    analyse_pending(other, settings)
    with other.session() as s:
        single = dict(s.execute(select(Item.external_id, Analysis.category).join(Analysis)).all())
    assert single == parallel
    other.engine.dispose()
