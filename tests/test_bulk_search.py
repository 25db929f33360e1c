"""Bulk curation, undo, the queue's filters and Chinese full-text search, on real SQLite (and PostgreSQL when its
binaries are installed), and the board's bulk controls through AppTest."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from huisheng.storage import bulk, queue, search
from huisheng.storage.schema import Analysis, Decision, Item, SearchTerms, Source

from test_board import TEXTS, _scores, ensure_user, login, populated  # noqa: F401


def _all(**kw) -> queue.QueueFilter:
    return queue.QueueFilter(status=None, **kw)


# ------------------------------------------------------------------------------------------------ search
def test_chinese_search_segments_query_and_text(populated, db):  # noqa: F811
    with db.session() as s:
        def found(q: str) -> set[str]:
            return {it.text for it, _a, _s in queue.items(s, _all(search=q), limit=100)}

        assert found("闪退") == {TEXTS["bug"][0]}
        assert found("夜间模式") == {TEXTS["feature_request"][0]}
        assert found("转圈 支付") == {TEXTS["bug"][1]}  # every word must occur
        assert found("支付 夜间") == set()
        assert found("卡") == set() and found("款") == {TEXTS["bug"][1]}  # one character finds a longer word
        assert found("ABC12345") == {TEXTS["spam"][0]}  # case-insensitive latin
        assert found('") OR 1=1 --') == set()  # never FTS or SQL syntax
        assert found("攻略") == {TEXTS["quality_content"][0]}  # titles count
        assert queue.count(s, _all(search="闪退")) == 1
        # an edited text is re-indexed (content hash changed), a new item is indexed on the next search
        it = s.get(Item, populated["items"]["bug"][0])
        it.text, it.content_hash = "现在一切顺利", "changed"
        s.flush()
        assert found("闪退") == set() and found("顺利") == {"现在一切顺利"}


def test_search_index_uses_fts5_and_is_incremental(populated, db):  # noqa: F811
    with db.session() as s:
        assert search.sync(s) == sum(len(v) for v in TEXTS.values())
        assert search.sync(s) == 0
        assert search._fts(s) is True
        n = s.execute(select(SearchTerms.terms).where(SearchTerms.item_id == populated["items"]["bug"][1])).scalar()
        assert " 支付 " in n and " 款 " in n


def test_like_fallback_gives_the_same_answers(populated, db, monkeypatch):  # noqa: F811
    monkeypatch.setattr(search, "_FTS5", [False])
    with db.session() as s:
        for q, n in (("闪退", 1), ("转圈 支付", 1), ("款", 1), ("100%_", 0)):
            assert queue.count(s, _all(search=q)) == n, q


def test_search_stays_fast_on_many_items(db):
    """10,000 items: indexing is a one-off; a search afterwards answers in milliseconds."""
    words = ["闪退", "卡顿", "登录", "支付", "夜间模式", "广告", "客服", "更新", "耗电", "发热"]
    with db.session() as s:
        src = Source(name="bulk", kind="file")
        s.add(src)
        s.flush()
        texts = [f"第{i}条 {words[i % 10]}问题 {words[(i * 7) % 10]}" for i in range(10000)]
        s.execute(Item.__table__.insert(), [
            {"source_id": src.id, "external_id": str(i), "kind": "review", "text": t, "normalized_text": t,
             "content_hash": str(i), "metadata": {}, "featured": False, "moderation_status": "pending",
             "ingested_at": datetime(2024, 5, 1), "updated_at": datetime(2024, 5, 1)} for i, t in enumerate(texts)])
        s.execute(Analysis.__table__.insert(), [{"item_id": i, "category": "bug", "scores": {}, "quality_score": 0.5,
                                                 "model_version": "t", "content_hash": str(i)} for i in range(1, 10001)])
    with db.session() as s:
        t0 = time.perf_counter()
        search.sync(s)
        index_s = time.perf_counter() - t0
    with db.session() as s:
        t0 = time.perf_counter()
        n = queue.count(s, _all(search="夜间模式 发热"))
        rows = queue.items(s, _all(search="夜间模式 发热"), limit=50)
        query_s = time.perf_counter() - t0
    print(f"\nsearch: indexed 10,000 items in {index_s:.1f} s; a two-word search with count and page took "
          f"{query_s * 1000:.0f} ms")
    assert n == sum(1 for i in range(10000) if {words[i % 10], words[(i * 7) % 10]} >= {"夜间模式", "发热"})
    assert len(rows) == min(50, n) and query_s < 1.0


# ------------------------------------------------------------------------------------------------ filters
def test_queue_filters(populated, db):  # noqa: F811
    bug1, bug2, bug3 = populated["items"]["bug"]
    with db.session() as s:
        s.get(Item, bug1).meta = {"rating": 1.0, "app_version": "3.2.0"}
        s.get(Item, bug2).meta = {"rating": 2.0, "app_version": "3.1.0"}
        s.add(Source(name="weibo", kind="file"))
        s.get(Analysis, bug3).margin = 0.05  # the model hesitated on this one
    with db.session() as s:
        def ids(**kw) -> set[int]:
            return set(queue.ids(s, _all(**kw)))

        assert ids(ratings=[1]) == {bug1} and ids(ratings=[1, 2]) == {bug1, bug2}
        assert ids(app_versions=["3.1.0"]) == {bug2}
        assert queue.app_versions(s) == ["3.2.0", "3.1.0"] and queue.ratings(s) == [1, 2]
        assert ids(sources=["weibo"]) == set() and len(ids(sources=["appstore"])) == 9
        assert ids(cluster_id=populated["clusters"]["bug"]) == {bug1, bug2, bug3}
        every = ids()
        unsure = ids(unsure_only=True)
        margins = {a.item_id: a.margin for a in s.scalars(select(Analysis))}
        assert unsure == {i for i in every if margins[i] < queue.UNSURE_MARGIN} == {bug3}
        qs = {a.item_id: a.quality_score for a in s.scalars(select(Analysis))}
        assert ids(quality_min=0.5) == {i for i in every if qs[i] >= 0.5}
        conf = {a.item_id: a.scores[a.category] for a in s.scalars(select(Analysis))}
        assert ids(confidence_max=0.7) == {i for i in every if conf[i] <= 0.7}
        created = {it.id: it.created_at for it in s.scalars(select(Item))}
        # local days in Asia/Shanghai: 2024-05-01 covers 2024-04-30 16:00 to 2024-05-01 16:00 UTC
        day = ids(date_from=date(2024, 5, 1), date_to=date(2024, 5, 1), tz="Asia/Shanghai")
        assert day == {i for i, c in created.items() if datetime(2024, 4, 30, 16) <= c < datetime(2024, 5, 1, 16)}
        assert day and day != every
        assert ids(category="bug", search="支付") == {bug2}


# ------------------------------------------------------------------------------------------------ bulk and undo
def test_bulk_relabel_logs_each_item_and_undo_restores(populated, db):  # noqa: F811
    items = populated["items"]["bug"] + populated["items"]["other"]
    with db.session() as s:
        s.get(Item, items[0]).human_category = "other"  # a label that must come back on undo
        s.get(Item, items[0]).moderation_status = "approved"
    with db.session() as s:
        r = bulk.apply(s, items + [999999], "relabel", "mod-a", category="feature_request")
    assert len(r.changed) == 5 and r.missing == [999999]
    with db.session() as s:
        assert {s.get(Item, i).human_category for i in items} == {"feature_request"}
        rows = list(s.scalars(select(Decision).where(Decision.batch == r.batch)))
        assert len(rows) == 5 and {d.actor for d in rows} == {"mod-a"}
        first = next(d for d in rows if d.target_id == items[0])
        assert first.before == {"human_category": "other", "moderation_status": "approved", "featured": False}
    with db.session() as s:  # the same again changes nothing and logs nothing
        again = bulk.apply(s, items, "relabel", "mod-a", category="feature_request")
        assert again.changed == [] and len(again.unchanged) == 5
    with db.session() as s:  # someone changes one item afterwards: undo leaves that one alone
        bulk.apply(s, [items[1]], "mark_spam", "mod-b")
    with db.session() as s:
        with pytest.raises(PermissionError):
            bulk.undo_batch(s, r.batch, "mod-b", only_by="mod-b")
    with db.session() as s:
        u = bulk.undo_batch(s, r.batch, "mod-a", only_by="mod-a")
    assert len(u.undone) == 4 and len(u.conflicts) == 1
    with db.session() as s:
        assert s.get(Item, items[0]).human_category == "other" and s.get(Item, items[0]).moderation_status == "approved"
        assert s.get(Item, items[2]).human_category is None and s.get(Item, items[2]).moderation_status == "pending"
        assert s.get(Item, items[1]).human_category == "spam"  # the later decision stands
        undos = list(s.scalars(select(Decision).where(Decision.action == "undo")))
        assert len(undos) == 4 and all(d.actor == "mod-a" and "undoes" in d.after for d in undos)
    with db.session() as s:
        assert len(bulk.undo_batch(s, r.batch, "mod-a").already) == 4  # twice: nothing more
        groups = bulk.recent_groups(s, actor="mod-a")
        assert groups[0].key == f"batch:{r.batch}" and (groups[0].count, groups[0].undone) == (5, 4)


def test_single_decisions_are_undoable(populated, db):  # noqa: F811
    from huisheng.storage import curation

    post = populated["items"]["quality_content"][0]
    with db.session() as s:
        curation.set_featured(s, post, True, "mod-a")
    with db.session() as s:
        g = bulk.recent_groups(s, actor="mod-a")[0]
        assert g.key.startswith("decision:") and g.action == "feature"
        assert bulk.undo_group(s, g.key, "mod-a").undone
    with db.session() as s:
        it = s.get(Item, post)
        assert (it.featured, it.moderation_status) == (False, "pending")


@pytest.fixture
def many_items(db):
    """600 pending bug items in one source."""
    with db.session() as s:
        src = Source(name="appstore", kind="file")
        s.add(src)
        s.flush()
        for i in range(600):
            t = f"第{i}条：更新后闪退" if i % 2 else f"第{i}条：希望增加夜间模式"
            s.add(Item(source_id=src.id, external_id=str(i), text=t, normalized_text=t, content_hash=str(i),
                       created_at=datetime(2024, 5, 1) + timedelta(minutes=i)))
        s.flush()
        s.execute(Analysis.__table__.insert(), [
            {"item_id": i, "category": "bug", "scores": _scores("bug", 0.6), "quality_score": 0.3,
             "model_version": "t", "content_hash": str(i - 1), "margin": 0.1} for i in range(1, 601)])


# ------------------------------------------------------------------------------------------------ board
def test_apply_to_all_matching_needs_confirmation_and_is_undoable(db, settings, many_items):
    from streamlit.testing.v1 import AppTest

    from test_board import BOARD

    ensure_user("mod-a", "moderator")
    at = login(AppTest.from_file(str(BOARD), default_timeout=60).run(), "mod-a")
    at.switch_page("views/moderation.py").run()
    at.text_input(key="mod_search").input("夜间模式").run()
    assert any("300" in c.value for c in at.caption), [c.value for c in at.caption]
    at.selectbox(key="mod_all_action").set_value("relabel")
    at.selectbox(key="mod_all_category").set_value("feature_request")
    at.button(key="mod_all_apply").click().run()  # not confirmed: nothing happens
    with db.session() as s:
        assert not s.scalars(select(Decision)).first()
    assert any("确认" in w.value for w in at.warning)
    at.checkbox(key="mod_all_confirm").check()
    t0 = time.perf_counter()
    at.button(key="mod_all_apply").click().run()
    took = time.perf_counter() - t0
    assert not at.exception and not at.error, [e.value for e in at.error]
    with db.session() as s:
        rows = list(s.scalars(select(Decision)))
        assert len(rows) == 300 and {d.actor for d in rows} == {"mod-a"} and len({d.batch for d in rows}) == 1
        assert "夜间模式" in rows[0].after["note"]
        relabelled = {it.id for it in s.scalars(select(Item).where(Item.human_category == "feature_request"))}
        assert len(relabelled) == 300 and all("夜间模式" in s.get(Item, i).text for i in relabelled)
    print(f"\napply to all 300 matching: {took:.2f} s in AppTest")
    assert any("0 条" in c.value for c in at.caption), "the pending queue for this search is now empty"
    # undo the whole batch from "my recent decisions"
    assert "300 条" in at.selectbox(key="mod_undo_group").options[0]  # the newest group is preselected
    at.button(key="mod_undo").click().run()
    with db.session() as s:
        assert not s.scalars(select(Item).where(Item.human_category.is_not(None))).first()
        assert len(list(s.scalars(select(Decision).where(Decision.action == "undo")))) == 300


def test_past_the_count_cap_the_exact_number_is_confirmed_again_and_every_page_is_reachable(db, settings, many_items,
                                                                                        monkeypatch):
    """At a million items the queue counts only up to a cap ("10,000+"); with the cap at 100 here: the pager goes
    past it, and "apply to all" first shows the exact number and needs a second confirmation."""
    from streamlit.testing.v1 import AppTest

    from huisheng.storage import queue

    from test_board import BOARD

    monkeypatch.setattr(queue, "COUNT_CAP", 100)
    ensure_user("mod-c", "moderator")
    at = login(AppTest.from_file(str(BOARD), default_timeout=60).run(), "mod-c")
    at.switch_page("views/moderation.py").run()
    at.text_input(key="mod_search").input("夜间模式").run()
    assert any("100+" in c.value for c in at.caption), [c.value for c in at.caption]
    at.number_input(key="mod_page").set_value(9).run()  # past the capped count's pages (300 match, 50 a page)
    assert not at.exception and at.number_input(key="mod_page").value == 9
    at.number_input(key="mod_page").set_value(1).run()
    at.selectbox(key="mod_all_action").set_value("relabel")
    at.selectbox(key="mod_all_category").set_value("feature_request")
    at.checkbox(key="mod_all_confirm").check()
    at.button(key="mod_all_apply").click().run()  # first confirmation: counts, changes nothing
    with db.session() as s:
        assert not s.scalars(select(Decision)).first()
    assert any("300" in w.value for w in at.warning), [w.value for w in at.warning]
    assert not at.checkbox(key="mod_all_confirm").value
    at.checkbox(key="mod_all_confirm").check()
    at.button(key="mod_all_apply").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    with db.session() as s:
        assert len(list(s.scalars(select(Decision)))) == 300


def test_pm_acts_on_all_items_of_a_cluster(populated, db):  # noqa: F811
    from streamlit.testing.v1 import AppTest

    from test_board import BOARD

    cid = populated["clusters"]["bug"]
    ensure_user("pm-li", "pm")
    at = login(AppTest.from_file(str(BOARD), default_timeout=60).run(), "pm-li")
    at.switch_page("views/clusters.py").run()
    at.selectbox(key=f"cl_{cid}_items_action").set_value("mark_spam")
    at.checkbox(key=f"cl_{cid}_items_confirm").check()
    at.button(key=f"cl_{cid}_items_apply").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    with db.session() as s:
        assert {s.get(Item, i).human_category for i in populated["items"]["bug"]} == {"spam"}
        assert {(d.actor, d.action) for d in s.scalars(select(Decision))} == {("pm-li", "mark_spam")}
