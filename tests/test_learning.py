"""Learning from moderators on a real SQLite database under a real Prefect run: relabel → retrain → promote (or
refuse) → re-analyse. Plus the schema migration that added explanations and quality signals."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from huisheng.storage import curation
from huisheng.storage.db import Database
from huisheng.storage.schema import SCHEMA_VERSION, Analysis, Item, ModelVersion

# a domain the seed corpus does not cover: a smart watch. A moderator teaches the model what counts as a bug here.
WATCH_BUGS = ["表盘突然黑了按了没反应", "心率一直显示零", "蓝牙连着连着就断开", "睡眠数据全是空白", "抬腕亮屏失灵了",
              "步数同步到手机是零", "充电底座吸不住表", "表带卡扣断了一截", "血氧测出来一直是横线", "闹钟到点不震动"]
WATCH_OTHER = ["表盘挺好看的", "戴着很轻", "续航一般般吧", "颜色比图片深一点", "送给老爸的他很喜欢",
               "价格有点小贵", "表带材质舒服", "功能够用了", "比上一代大了一圈", "包装很精致"]


def _feed(path: Path) -> str:
    with open(path, "w", encoding="utf-8") as f:
        for i, t in enumerate(WATCH_BUGS + WATCH_OTHER):
            f.write(json.dumps({"id": f"w{i}", "text": t, "created_at": "2026-11-01T10:00:00+08:00"}, ensure_ascii=False) + "\n")
    return str(path)


@pytest.fixture
def own_home(tmp_path, monkeypatch):
    """A home of this test's own (promotion must not change the model other tests use), seeded with the session's
    trained default model so nothing is trained twice."""
    import os

    from huisheng.services.analyse import active_model
    from huisheng.settings import get_settings

    active_model(get_settings())  # make sure the session's default model exists
    session_models = Path(os.environ["HUISHENG_HOME"]) / "models"
    home = tmp_path / "home"
    shutil.copytree(session_models, home / "models")
    monkeypatch.setenv("HUISHENG_HOME", str(home))
    monkeypatch.setenv("HUISHENG_DATABASE_URL", f"sqlite:///{home / 'huisheng.db'}")
    return home


def _versions(db: Database) -> set[str]:
    with db.session() as s:
        return set(s.scalars(select(Analysis.model_version).distinct()))


def test_relabels_retrain_promote_and_reanalyse(prefect_harness, own_home, tmp_path, monkeypatch):
    from huisheng.flows.pipeline import pipeline_flow, retrain_flow
    from huisheng.settings import get_settings
    from huisheng.storage import open_database

    monkeypatch.setenv("HUISHENG_PROMOTE_TOLERANCE", "0.05")
    settings = get_settings()
    pipeline_flow([_feed(tmp_path / "watch.jsonl")], "watch")
    db = open_database(settings.resolved_database_url)
    (before,) = _versions(db)
    with db.session() as s:
        items = {it.text: it.id for it in s.scalars(select(Item))}
        for t in WATCH_BUGS:
            curation.relabel(s, items[t], "bug", actor="mod")
        for t in WATCH_OTHER:
            curation.relabel(s, items[t], "other", actor="mod")

    result = retrain_flow()
    r = result["retrain"]
    assert r["promoted"], r["line"]
    assert r["human_labels"] == 20 and r["previous"] == before and r["candidate"] != before
    assert "seed-dev" in r["metrics"]
    # every item was re-analysed by the promoted model, and the database knows which model is active
    assert result["analyze"]["analysed"] == 20
    assert _versions(db) == {r["candidate"]}
    with db.session() as s:
        assert s.scalar(select(ModelVersion.version).where(ModelVersion.active.is_(True))) == r["candidate"]
        learned = {it.text: a.category for it, a in s.execute(select(Item, Analysis).join(Analysis))}
    # the moderator's labels were learned: (nearly) all of the taught watch bugs are now bugs
    assert sum(learned[t] == "bug" for t in WATCH_BUGS) >= 9

    # nothing new to learn: a second retrain is a no-op
    again = retrain_flow()["retrain"]
    assert not again["promoted"] and again["candidate"] == r["candidate"]


def test_a_worse_model_is_not_promoted(prefect_harness, own_home, tmp_path, monkeypatch):
    from huisheng.flows.pipeline import pipeline_flow, retrain_flow
    from huisheng.settings import get_settings
    from huisheng.storage import open_database

    monkeypatch.setenv("HUISHENG_PROMOTE_TOLERANCE", "0.0")
    monkeypatch.setenv("HUISHENG_HUMAN_LABEL_WEIGHT", "20")
    settings = get_settings()
    from huisheng.models.training import load_labelled

    # a vandal labels 80 texts of the seed dev split wrongly (each category shifted to the next): a model that learns
    # this must score worse on that split, so it must not be promoted
    dev = [r for r in load_labelled() if r["split"] == "dev" and not r.get("title")][::7][:80]
    cats = ["bug", "feature_request", "spam", "other"]
    wrong = {r["text"].strip(): cats[(cats.index(r["category"]) + 1) % 4] if r["category"] in cats else "bug" for r in dev}
    feed = tmp_path / "poison.jsonl"
    feed.write_text("\n".join(json.dumps({"id": f"p{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(wrong)),
                    encoding="utf-8")
    pipeline_flow([str(feed)], "poison")
    db = open_database(settings.resolved_database_url)
    (before,) = _versions(db)
    with db.session() as s:
        for it in s.scalars(select(Item)):
            curation.relabel(s, it.id, wrong[it.text.strip()], actor="vandal")

    result = retrain_flow()
    r = result["retrain"]
    assert not r["promoted"], r["line"]
    assert "worse on" in r["reason"] and "analyze" not in result
    assert _versions(db) == {before}
    from huisheng.models.training import ModelStore

    assert ModelStore(settings.models_dir).active_version() == before


def test_version_1_database_is_migrated_in_place(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    db = Database(url).create()
    with db.engine.begin() as c:  # make it look like a database written by schema version 1
        c.execute(text("ALTER TABLE analyses DROP COLUMN explanation"))
        c.execute(text("ALTER TABLE analyses DROP COLUMN quality_parts"))
        c.execute(text("DROP INDEX ix_analyses_margin"))
        c.execute(text("ALTER TABLE analyses DROP COLUMN margin"))
        c.execute(text("UPDATE schema_meta SET value = '1' WHERE key = 'schema_version'"))
    db.engine.dispose()
    db = Database(url).create()
    assert db.schema_version() == SCHEMA_VERSION  # every later step too (they find their columns already there)
    with db.engine.connect() as c:
        cols = {row[1] for row in c.execute(text("PRAGMA table_info(analyses)"))}
    assert {"explanation", "quality_parts", "margin"} <= cols
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Analysis)) == 0


def test_an_interrupted_migration_step_is_finished_on_the_next_start(tmp_path):
    """SQLite applies ALTER TABLE outside the transaction: a process killed inside the accounts step (3 -> 4) leaves
    some of its columns behind with the version still 3. The next start finishes the step instead of failing on a
    duplicate column."""
    url = f"sqlite:///{tmp_path / 'half.db'}"
    db = Database(url).create()
    with db.engine.begin() as c:  # the first columns of step 3 were added, the rest and the version bump were not
        c.execute(text("DROP INDEX ix_decisions_batch"))
        c.execute(text("ALTER TABLE decisions DROP COLUMN undone_by"))
        c.execute(text("ALTER TABLE decisions DROP COLUMN batch"))
        c.execute(text("ALTER TABLE users DROP COLUMN last_login_at"))
        c.execute(text("UPDATE schema_meta SET value = '3' WHERE key = 'schema_version'"))
    db.engine.dispose()
    db = Database(url).create()
    assert db.schema_version() == SCHEMA_VERSION
    with db.engine.connect() as c:
        assert "last_login_at" in {row[1] for row in c.execute(text("PRAGMA table_info(users)"))}
        assert {"batch", "undone_by"} <= {row[1] for row in c.execute(text("PRAGMA table_info(decisions)"))}
        assert "ix_decisions_batch" in {row[1] for row in c.execute(text("PRAGMA index_list(decisions)"))}
    db.engine.dispose()


def test_a_stale_default_model_is_replaced_but_a_chosen_one_is_kept(tmp_path):
    from huisheng.models.training import ModelStore, load_or_train

    def seed(path: Path, extra: str = "") -> Path:
        rows = [{"text": f"{t}{i}{extra}", "category": c} for c, t in
                [("bug", "打开就闪退"), ("feature_request", "希望增加夜间模式"), ("other", "挺好用的"), ("spam", "加v兼职日结")]
                for i in range(4)]
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
        return path

    models = tmp_path / "models"
    _, first = load_or_train(models, seed(tmp_path / "v1.jsonl"))
    assert first["origin"] == "default"
    _, same = load_or_train(models, tmp_path / "v1.jsonl")
    assert same["version"] == first["version"]  # nothing changed: no retraining
    _, upgraded = load_or_train(models, seed(tmp_path / "v2.jsonl", "!"))  # the shipped seed data changed
    assert upgraded["version"] != first["version"] and ModelStore(models).active_version() == upgraded["version"]
    store = ModelStore(models)
    store.activate(first["version"])
    card = store.card(first["version"])
    (models / f"{first['version']}.json").write_text(json.dumps({**card, "origin": "train"}), encoding="utf-8")
    _, kept = load_or_train(models, tmp_path / "v2.jsonl")  # a model someone trained on purpose stays active
    assert kept["version"] == first["version"]
