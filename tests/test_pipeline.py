"""The Prefect flows on a real SQLite file under prefect_test_harness: ingest → analyze → recluster, twice."""

import json

import pytest
from sqlalchemy import func, select

from huisheng.storage import clusters as cstore
from huisheng.storage import open_database
from huisheng.storage.schema import Analysis, Cluster, Decision, Item, ModelVersion

CRASH = ["更新到3.2.0以后一打开就闪退", "新版本打开就闪退，重装也不行", "一点记一笔就闪退了", "升级后打开app直接闪退",
         "打开就闪退！！！什么垃圾更新", "更新后闪退，根本进不去"]
DARK = ["希望增加夜间模式，晚上记账太刺眼", "能不能出个夜间模式", "求夜间模式！！", "建议加一个夜间模式",
        "什么时候支持夜间模式啊", "晚上用太亮了，希望有夜间模式"]
SPAM = ["兼职日结，加v qn8866", "宝妈在家也能赚钱，加微信 abc12345", "刷单日入三百，私聊"]
MORE_CRASH = ["3.2.0 打开就闪退", "今天更新完就闪退了", "还是闪退，打开就闪退"]


def _write(path, texts, start=0):
    with open(path, "w", encoding="utf-8") as f:
        for i, t in enumerate(texts):
            f.write(json.dumps({"id": f"c{start + i}", "text": t, "created_at": f"2026-10-0{5 + i % 3}T10:00:00+08:00"},
                               ensure_ascii=False) + "\n")
    return str(path)


@pytest.fixture
def pipeline(prefect_harness):
    from huisheng.flows.pipeline import pipeline_flow

    return pipeline_flow


def test_pipeline_end_to_end_and_idempotent(pipeline, settings, tmp_path):
    feed = _write(tmp_path / "feed.jsonl", CRASH + DARK + SPAM)
    first = pipeline([feed], "community")
    assert first["ingest"][0]["new"] == 15
    assert first["analyze"]["analysed"] == 15
    db = open_database(settings.resolved_database_url)
    with db.session() as s:
        cats = {k: v for k, v in s.execute(select(Item.external_id, Analysis.category).join(Analysis))}
        assert all(cats[f"c{i}"] == "bug" for i in range(6)), cats
        assert all(cats[f"c{i}"] == "feature_request" for i in range(6, 12)), cats
        assert s.scalar(select(func.count()).select_from(ModelVersion).where(ModelVersion.active.is_(True))) == 1
        live = cstore.board_clusters(s)
        by_cat = {c.category: c for c in live}
        assert by_cat["bug"].size >= 5 and by_cat["feature_request"].size >= 5
        assert "闪退" in by_cat["bug"].keywords and "夜间模式" in by_cat["feature_request"].keywords
        ids_before = {k: v for k, v in s.execute(select(Analysis.item_id, Analysis.cluster_id))}

    second = pipeline([feed], "community")
    assert second["ingest"][0]["new"] == 0 and second["ingest"][0]["unchanged"] == 15
    assert second["analyze"]["analysed"] == 0
    assert second["recluster"]["new_clusters"] == 0
    with db.session() as s:
        assert {k: v for k, v in s.execute(select(Analysis.item_id, Analysis.cluster_id))} == ids_before


def test_pm_edits_survive_later_runs(pipeline, settings, tmp_path):
    pipeline([_write(tmp_path / "a.jsonl", CRASH + DARK)], "community")
    db = open_database(settings.resolved_database_url)
    with db.session() as s:
        crash = next(c for c in cstore.board_clusters(s) if c.category == "bug")
        cstore.rename(s, crash.id, "v3.2.0 启动闪退", actor="pm-li")
        cstore.set_status(s, crash.id, "triaged", actor="pm-li")
        crash_id, size_before = crash.id, crash.size

    result = pipeline([_write(tmp_path / "b.jsonl", MORE_CRASH, start=100)], "community")
    assert result["analyze"]["analysed"] == 3
    with db.session() as s:
        c = s.get(Cluster, crash_id)
        assert c.label == "v3.2.0 启动闪退" and c.label_locked and c.status == "triaged"
        assert c.size > size_before  # new crash reports joined the PM's cluster instead of a new one
        assert s.scalar(select(func.count()).select_from(Decision)) == 2
