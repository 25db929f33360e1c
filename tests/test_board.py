"""The Streamlit board, driven with AppTest against a small database built with the ORM (no models, no Prefect)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

import huisheng.app  # noqa: E402
from huisheng.app.safe import md_escape  # noqa: E402
from huisheng.models import CATEGORIES  # noqa: E402
from huisheng.models.uncertainty import margin  # noqa: E402
from huisheng.storage import clusters as cstore  # noqa: E402
from huisheng.storage.schema import Analysis, Cluster, Decision, Item, Quarantine, Source  # noqa: E402

BOARD = Path(huisheng.app.__file__).parent / "board.py"
PAGES = ("overview", "moderation", "clusters", "export")
MALICIOUS = "**粗体** <script>alert(1)</script> [点我](http://evil.example) # 标题"
T0 = datetime(2024, 5, 1, 2, 0, 0)  # naive UTC, as stored

TEXTS = {
    "bug": ["更新之后一打开就闪退，重装也没用", "支付页面一直转圈，付不了款", "登录时提示网络错误，但网络正常"],
    "feature_request": ["希望增加夜间模式", "能不能支持导出聊天记录"],
    "quality_content": ["三个月使用体验：从入门到精通的完整攻略，分五部分讲清楚"],
    "spam": ["兼职日结，加微信 abc12345 详聊"],
    "other": ["挺好用的，谢谢开发者", MALICIOUS],
}


def _scores(cat: str, p: float) -> dict:
    rest = (1 - p) / (len(CATEGORIES) - 1)
    return {c: (p if c == cat else rest) for c in CATEGORIES}


@pytest.fixture
def populated(db, settings):
    """Items of every category with analyses, two clusters with members, one quarantined row."""
    ids: dict = {"items": {}, "clusters": {}}
    with db.session() as s:
        src = Source(name="appstore", kind="file")
        s.add(src)
        s.flush()
        n = 0
        for cat, texts in TEXTS.items():
            for t in texts:
                n += 1
                it = Item(source_id=src.id, external_id=f"e{n}", kind="post" if cat == "quality_content" else "review",
                          author=f"user{n}", title="攻略" if cat == "quality_content" else None, text=t,
                          normalized_text=t, content_hash=f"h{n}", created_at=T0 + timedelta(days=n % 3, hours=n))
                s.add(it)
                s.flush()
                s.add(Analysis(item_id=it.id, category=cat, scores=_scores(cat, 0.5 + 0.05 * n),
                               quality_score=round(0.1 * n % 1, 2), model_version="test-1", content_hash=f"h{n}",
                               margin=margin(_scores(cat, 0.5 + 0.05 * n)), explanation=[[f"理由{n}", 0.5]],
                               quality_parts={"length": 0.5, "originality": 1.0}))
                ids["items"].setdefault(cat, []).append(it.id)
        s.flush()
        vec = (np.ones(8) / np.sqrt(8)).astype(np.float32)
        c_bug = Cluster(category="bug", label="闪退 登录", keywords=["闪退", "登录", "支付"],
                        quotes=TEXTS["bug"][:3], centroid=vec.tobytes(), embedder="test", size=3,
                        first_seen=T0, last_seen=T0 + timedelta(days=2))
        c_feat = Cluster(category="feature_request", label="夜间模式", keywords=["夜间", "导出"],
                         quotes=TEXTS["feature_request"], centroid=vec.tobytes(), embedder="test", size=2,
                         first_seen=T0, last_seen=T0 + timedelta(days=1))
        s.add_all([c_bug, c_feat])
        s.flush()
        cstore.set_membership(s, ids["items"]["bug"], c_bug.id, [0.9, 0.8, 0.7])
        cstore.set_membership(s, ids["items"]["feature_request"], c_feat.id, [0.95, 0.85])
        s.add(Quarantine(source_name="appstore", file="bad.csv", row_number=7, raw="坏行,,,", reason="empty text"))
        ids["clusters"] = {"bug": c_bug.id, "feature_request": c_feat.id}
    ids["malicious"] = ids["items"]["other"][1]
    return ids


PASSWORD = "correct horse battery staple"


def ensure_user(name: str, role: str) -> None:
    """An account in the test's database (the one HUISHENG_DATABASE_URL names)."""
    from huisheng.services import accounts
    from huisheng.settings import get_settings
    from huisheng.storage import open_database

    with open_database(get_settings().resolved_database_url).session() as s:
        if accounts.get_user(s, name) is None:
            accounts.add_user(s, name, role, PASSWORD)
        else:
            accounts.set_role(s, name, role)


def login(at: AppTest, name: str, password: str = PASSWORD) -> AppTest:
    """Fill and submit the real login form."""
    at.text_input(key="login_name").input(name)
    at.text_input(key="login_password").input(password)
    return at.button(key="login_submit").click().run()


def open_page(page: str | None = None, user: str | None = None, role: str = "admin") -> AppTest:
    """The board as ``user`` (default "moderator", an admin account so every page opens) signed in through the
    login form, switched to ``page``."""
    name = user or "moderator"
    ensure_user(name, role)
    at = AppTest.from_file(str(BOARD), default_timeout=30).run()
    assert not at.exception, at.exception
    login(at, name)
    assert not at.exception, [e.value for e in at.exception]
    if page and page != "overview":
        at.switch_page(f"views/{page}.py").run()
    if page == "moderation":  # these tests decide card by card; the bulk table has its own tests
        at.radio(key="mod_view").set_value("cards").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> list[str]:
    """Values of every plain-text element (st.text, st.code)."""
    return [n.value for n in at._tree if getattr(n, "type", None) in ("text", "code")]


def markdown_strings(at: AppTest) -> list[str]:
    """Every string Streamlit interprets as Markdown: markdown/caption/headings/alerts, metric, widget and
    expander labels."""
    out = []
    for n in at._tree:
        t = getattr(n, "type", None)
        if t in ("markdown", "caption", "header", "subheader", "title", "error", "warning", "info", "success"):
            out.append(n.value)
        label = getattr(n, "label", None)
        if isinstance(label, str):
            out.append(label)
    return out


def decisions(db) -> list[Decision]:
    with db.session() as s:
        return list(s.scalars(select(Decision).order_by(Decision.id)))


# ------------------------------------------------------------------------------------------------ empty database
@pytest.mark.parametrize("page", PAGES)
def test_empty_database_renders_every_page(db, settings, page):
    at = open_page(page)
    assert not at.exception
    if page == "overview":
        assert [m.value for m in at.metric] == ["0"] * 5
        assert any("还没有数据" in i.value for i in at.info)
    else:
        assert at.info, "an empty page says so"


# ------------------------------------------------------------------------------------------------------ overview
def test_overview_metrics_and_tables(populated):
    at = open_page("overview")
    metrics = {m.label: m.value for m in at.metric}
    n_items = sum(len(v) for v in TEXTS.values())
    assert metrics["条目 (items)"] == str(n_items)
    assert metrics["已分析 (analysed)"] == str(n_items)
    assert metrics["聚类 (clusters)"] == "2"
    assert metrics["隔离行 (quarantined)"] == "1"
    assert metrics["精选 (featured)"] == "0"
    assert not any("还没有数据" in i.value for i in at.info)
    quarantine = at.dataframe[0].value
    assert list(quarantine["文件 (file)"]) == ["bad.csv"] and list(quarantine["行号 (row)"]) == [7]
    assert list(quarantine["原始内容 (raw)"]) == ["坏行,,,"]
    window = at.radio(key="overview_window")
    assert window.value == "最近 90 天 (90 days)" and len(window.options) == 3
    window.set_value("全部 (all)").run()
    assert not at.exception and at.radio(key="overview_window").value == "全部 (all)"


# ---------------------------------------------------------------------------------------------------- moderation
def test_moderation_lists_items_with_scores(populated):
    at = open_page("moderation")
    shown = texts(at)
    for t in TEXTS["bug"] + TEXTS["feature_request"]:
        assert t in shown
    assert any("bug" in v and "feature_request" in v and "quality_content" in v for v in shown)  # score bars


def test_moderation_relabel_persists_with_actor(populated, db):
    item_id = populated["items"]["other"][0]
    at = open_page("moderation", user="alice")
    at.selectbox(key=f"mod_{item_id}_cat").set_value("feature_request")
    at.button(key=f"mod_{item_id}_relabel").click().run()
    assert not at.exception
    with db.session() as s:
        it = s.get(Item, item_id)
        assert it.human_category == "feature_request" and it.moderation_status == "approved"
    d = decisions(db)[-1]
    assert (d.actor, d.action, d.target_id, d.after) == ("alice", "relabel", item_id, {"human_category": "feature_request"})
    assert at.success, "the page confirms the decision"


def test_moderation_feature_spam_approve(populated, db):
    post = populated["items"]["quality_content"][0]
    spam = populated["items"]["spam"][0]
    ok = populated["items"]["other"][0]
    at = open_page("moderation")
    at.button(key=f"mod_{post}_feature").click().run()
    at.button(key=f"mod_{spam}_spam").click().run()
    at.button(key=f"mod_{ok}_approve").click().run()
    assert not at.exception
    with db.session() as s:
        assert s.get(Item, post).featured is True
        assert (s.get(Item, spam).human_category, s.get(Item, spam).moderation_status) == ("spam", "rejected")
        assert s.get(Item, ok).moderation_status == "approved"
    assert [(d.actor, d.action) for d in decisions(db)] == [("moderator", "feature"), ("moderator", "mark_spam"),
                                                             ("moderator", "approve")]
    # the featured post now shows up under "approved" with an unfeature button, and the overview counts it
    at.selectbox(key="mod_status").set_value("approved").run()
    assert at.button(key=f"mod_{post}_feature").label.startswith("取消精选")
    at.button(key=f"mod_{post}_feature").click().run()
    with db.session() as s:
        assert s.get(Item, post).featured is False


def test_moderation_filters_and_paging(populated):
    at = open_page("moderation")
    at.selectbox(key="mod_category").set_value("bug").run()
    shown = texts(at)
    assert all(t in shown for t in TEXTS["bug"]) and TEXTS["other"][0] not in shown
    at.selectbox(key="mod_category").set_value("all")
    at.selectbox(key="mod_page_size").set_value(10).run()
    first = {b.key for b in at.button if b.key.endswith("_relabel")}
    assert len(first) == 9  # all nine items fit on one page of ten
    at.selectbox(key="mod_order").set_value("least_confident").run()
    assert not at.exception
    # smallest margin first: item 1 has the flattest scores; each card shows the terms behind the model's call
    order = [int(b.key.split("_")[1]) for b in at.button if b.key.endswith("_relabel")]
    margins = [margin(_scores("bug", 0.5 + 0.05 * n)) for n in range(1, 10)]
    assert margins == sorted(margins) and order[0] == min(order)
    assert "依据 (why): 理由1" in texts(at)


def test_moderation_action_refused_once_the_account_is_disabled(populated, db):
    from huisheng.services import accounts

    item_id = populated["items"]["bug"][0]
    at = open_page("moderation", user="mallory", role="moderator")
    with db.session() as s:
        accounts.set_disabled(s, "mallory", True)
    at.button(key=f"mod_{item_id}_approve").click().run()
    assert not decisions(db)
    assert at.text_input(key="login_name"), "back at the login form"


# ------------------------------------------------------------------------------------------------------ clusters
def test_clusters_page_shows_clusters(populated):
    at = open_page("clusters")
    md = markdown_strings(at)
    assert any(md_escape("闪退 登录") in m for m in md) and any("夜间模式" in m for m in md)
    # largest first
    headings = [m.value for m in at.markdown if m.value.startswith("####")]
    assert "闪退" in headings[0] and "夜间模式" in headings[1]
    shown = texts(at)
    assert any("闪退" in t and "登录" in t for t in shown if t.startswith("关键词"))
    assert "“" + TEXTS["bug"][0] + "”" in shown
    assert {e.label for e in at.expander} >= {"成员 (members): 3", "成员 (members): 2"}


def test_cluster_rename_persists_and_locks(populated, db):
    cid = populated["clusters"]["bug"]
    at = open_page("clusters", user="pm-li")
    at.text_input(key=f"cl_{cid}_label").input("启动闪退")
    at.button(key=f"cl_{cid}_rename").click().run()
    assert not at.exception and not at.error
    with db.session() as s:
        c = s.get(Cluster, cid)
        assert (c.label, c.label_locked) == ("启动闪退", True)
    d = decisions(db)[-1]
    assert (d.actor, d.action, d.target_type, d.target_id) == ("pm-li", "rename_cluster", "cluster", cid)
    assert d.before == {"label": "闪退 登录"} and d.after == {"label": "启动闪退"}


def test_cluster_rename_stale_edit_is_refused(populated, db):
    cid = populated["clusters"]["bug"]
    at = open_page("clusters")
    with db.session() as s:  # someone else renames it while the page is open
        cstore.rename(s, cid, "别人的名字", "someone-else")
    at.text_input(key=f"cl_{cid}_label").input("我的名字")
    at.button(key=f"cl_{cid}_rename").click().run()
    assert not at.exception
    assert any("已被他人修改" in e.value for e in at.error)
    with db.session() as s:
        assert s.get(Cluster, cid).label == "别人的名字"


def test_cluster_noop_edits_are_not_logged(populated, db):
    cid = populated["clusters"]["bug"]
    at = open_page("clusters")
    at.button(key=f"cl_{cid}_rename").click().run()  # label untouched
    at.button(key=f"cl_{cid}_status_btn").click().run()  # status untouched
    assert not at.exception and not decisions(db)
    assert any("未变" in i.value for i in at.info)


def test_cluster_set_status(populated, db):
    cid = populated["clusters"]["feature_request"]
    at = open_page("clusters")
    at.selectbox(key=f"cl_{cid}_status").set_value("triaged")
    at.button(key=f"cl_{cid}_status_btn").click().run()
    assert not at.exception
    with db.session() as s:
        assert s.get(Cluster, cid).status == "triaged"
    d = decisions(db)[-1]
    assert (d.action, d.before, d.after) == ("set_cluster_status", {"status": "new"}, {"status": "triaged"})
    at.selectbox(key="cl_status").set_value("triaged").run()  # the status filter finds it
    headings = [m.value for m in at.markdown if m.value.startswith("####")]
    assert len(headings) == 1 and "夜间模式" in headings[0]


def test_cluster_merge(populated, db):
    src, dst = populated["clusters"]["feature_request"], populated["clusters"]["bug"]
    at = open_page("clusters")
    at.button(key=f"cl_{src}_merge").click().run()  # without the confirmation: nothing happens
    assert any("确认" in w.value for w in at.warning)
    with db.session() as s:
        assert s.get(Cluster, src).merged_into is None
    at.selectbox(key=f"cl_{src}_merge_target").set_value(dst)
    at.checkbox(key=f"cl_{src}_merge_confirm").check()
    at.button(key=f"cl_{src}_merge").click().run()
    assert not at.exception
    with db.session() as s:
        assert s.get(Cluster, src).merged_into == dst
        assert s.get(Cluster, dst).size == 5
        assert len(cstore.cluster_members(s, dst)) == 5
    assert decisions(db)[-1].action == "merge_cluster"
    headings = [m.value for m in at.markdown if m.value.startswith("####")]
    assert len(headings) == 1


# -------------------------------------------------------------------------------------------------------- export
def test_export_page_markdown_and_csv(populated, db):
    ids = [populated["clusters"]["bug"], populated["clusters"]["feature_request"]]
    at = open_page("export")
    assert at.multiselect(key="export_clusters").options
    at.multiselect(key="export_clusters").set_value(ids).run()
    assert not at.exception
    preview = at.code[0].value
    assert preview.startswith("# 回声 huisheng") and "## #%d" % ids[0] in preview and "夜间模式" in preview
    assert at.get("download_button")
    at.radio(key="export_format").set_value("CSV").run()
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 5 and list(table.columns)[:2] == ["cluster_id", "cluster_label"]
    assert at.get("download_button")


def test_export_page_audit_log(populated, db):
    with db.session() as s:
        cstore.rename(s, populated["clusters"]["bug"], "新名字", "pm-wang")
    at = open_page("export")
    log = at.dataframe[-1].value
    row = log.iloc[0]
    assert row["操作人 (who)"] == "pm-wang" and row["操作 (action)"] == "rename_cluster"
    assert "闪退 登录" in row["之前 (before)"] and "新名字" in row["之后 (after)"]


# ------------------------------------------------------------------------------------------ untrusted text stays text
def test_malicious_text_is_never_rendered_as_markdown(populated, db):
    cid = populated["clusters"]["bug"]
    with db.session() as s:
        c = s.get(Cluster, cid)
        c.label, c.keywords, c.quotes = MALICIOUS, [MALICIOUS], [MALICIOUS]
        it = s.get(Item, populated["malicious"])
        it.author, it.title = MALICIOUS, MALICIOUS
        s.add(Quarantine(source_name="appstore", file="x.csv", row_number=1, raw=MALICIOUS, reason=MALICIOUS))
    for page in PAGES:
        at = open_page(page)
        if page == "export":
            at.multiselect(key="export_clusters").set_value([cid]).run()
        assert not at.exception
        for m in markdown_strings(at):
            assert MALICIOUS not in m, (page, m)
            assert "[点我](http" not in m and "<script>" not in m and "**粗体**" not in m, (page, m)
            # GFM links bare URLs found in the text after escapes are resolved: none may be left
            assert not re.search(r"(?i)https?://|www\.", re.sub(r"\\(.)", r"\1", m)), (page, m)
        for n in at._tree:
            if getattr(n, "type", None) in ("markdown", "caption"):
                assert not n.proto.allow_html
        if page == "moderation":
            assert MALICIOUS in texts(at)  # the item's text, verbatim in st.text
            assert "标题 (title): " + MALICIOUS in texts(at)
        if page == "clusters":
            assert "“" + MALICIOUS + "”" in texts(at)  # the quote
            assert any(md_escape(MALICIOUS) in m for m in markdown_strings(at))  # the heading, escaped
            assert at.text_input(key=f"cl_{cid}_label").value == MALICIOUS
        if page == "export":
            md = at.code[0].value
            assert "[点我](http" not in md and "\\[点我\\]" in md


def test_md_escape():
    assert md_escape(MALICIOUS) == (r"\*\*粗体\*\* \<script\>alert\(1\)\</script\> "
                                    "\\[点我\\]\\(http\u200b\\://evil\\.example\\) \\# 标题")
    assert md_escape("第一行\n# 第二行") == r"第一行 \# 第二行"
    assert md_escape("很长的文字" * 10, max_len=10) == "很长的文字很长的文字"[:9] + "…"


def test_clusters_page_flags_a_spike(populated, db):
    """A burst far above the cluster's own baseline shows as a warning on its card."""
    from datetime import datetime, timedelta

    from huisheng.storage.schema import Analysis, Item, Source

    with db.session() as s:
        src = s.query(Source).first()
        day0 = datetime(2024, 4, 1, 2)
        for n in range(40):  # quiet fortnight (one a day), then 12 on one day
            when = day0 + timedelta(days=n) if n < 28 else day0 + timedelta(days=28, hours=n - 28)
            it = Item(source_id=src.id, external_id=f"sp{n}", kind="review", text=f"闪退{n}", normalized_text=f"闪退{n}",
                      content_hash=f"sp{n}", created_at=when)
            s.add(it)
            s.flush()
            s.add(Analysis(item_id=it.id, category="bug", scores=_scores("bug", 0.9), quality_score=0.1,
                           model_version="test-1", content_hash=f"sp{n}", cluster_id=populated["clusters"]["bug"]))
    at = open_page("clusters")
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert any("突增 (spike)" in w and "2024-04-29" in w for w in warnings), warnings


# --------------------------------------------------------------------------------- clusters: order, trends, split
def headings(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("####")]


def overview_table(at: AppTest):
    """The compact table above the cards (the one with the score column)."""
    return next(d.value for d in at.dataframe if "得分 (score)" in d.value.columns)


def _bug_cluster(s, label: str, key: str, created: list) -> int:
    """A bug cluster whose members (texts ``label0``, ``label1``…) were written at ``created``; its id."""
    c = Cluster(category="bug", label=label, keywords=["旧"], quotes=["旧的"], embedder="test", size=len(created),
                first_seen=min(created), last_seen=min(created))
    s.add(c)
    s.flush()
    src = s.query(Source).first()
    for n, when in enumerate(created):
        it = Item(source_id=src.id, external_id=f"{key}{n}", kind="review", text=f"{label}{n}",
                  normalized_text=f"{label}{n}", content_hash=f"{key}{n}", created_at=when)
        s.add(it)
        s.flush()
        s.add(Analysis(item_id=it.id, category="bug", scores=_scores("bug", 0.9), quality_score=0.1,
                       model_version="test-1", content_hash=f"{key}{n}", cluster_id=c.id))
    return c.id


@pytest.fixture
def shrinking(populated, db):
    """A third cluster, the largest, whose five voices all came 11 days before the feed's newest day (2024-05-03)."""
    with db.session() as s:
        old = _bug_cluster(s, "旧问题", "old", [T0 - timedelta(days=9, hours=-n) for n in range(5)])
        c_feat = s.get(Cluster, populated["clusters"]["feature_request"])
        c_feat.first_seen = T0 + timedelta(days=1)
    return {**populated["clusters"], "old": old}


def test_cluster_sort_orders(shrinking):
    at = open_page("clusters")
    # default size × growth: bug 3 × (3+1)/(0+1) = 12 > feature 2 × 3 = 6 > old 5 × (0+1)/(5+1) ≈ 0.83
    assert at.selectbox(key="cl_order").value == "size_growth"
    assert [h.split("·")[1].strip() for h in headings(at)] == [md_escape("闪退 登录"), "夜间模式", "旧问题"]
    table = overview_table(at)
    assert list(table["id"]) == [shrinking["bug"], shrinking["feature_request"], shrinking["old"]]
    assert list(table["增长 (growth)"]) == [4.0, 3.0, round(1 / 6, 2)]
    assert list(table["得分 (score)"]) == [12.0, 6.0, 0.8]
    at.selectbox(key="cl_order").set_value("largest").run()
    assert list(overview_table(at)["id"]) == [shrinking["old"], shrinking["bug"], shrinking["feature_request"]]
    at.selectbox(key="cl_order").set_value("newest").run()  # latest first voice first
    assert list(overview_table(at)["id"]) == [shrinking["feature_request"], shrinking["bug"], shrinking["old"]]


def test_clusters_open_on_bugs_and_requests_and_all_shows_the_rest(shrinking, db):
    """Praise and chit-chat make the biggest clusters of a real feed (two thirds of a real app's reviews): the page
    opens on what a PM files tickets for; 全部 (all) and each category are one choice away."""
    with db.session() as s:
        praise = Cluster(category="other", label="好用 · 不错", keywords=["好用"], quotes=["好用"], embedder="test",
                         size=50, first_seen=T0, last_seen=T0 + timedelta(days=2))
        s.add(praise)
        s.flush()
        praise_id = praise.id
    at = open_page("clusters")
    assert at.selectbox(key="cl_category").value == "bug+feature_request"
    assert set(overview_table(at)["id"]) == {shrinking["bug"], shrinking["feature_request"], shrinking["old"]}
    at.selectbox(key="cl_category").set_value("all").run()
    assert praise_id in set(overview_table(at)["id"]) and len(overview_table(at)) == 4
    at.selectbox(key="cl_category").set_value("other").run()
    assert list(overview_table(at)["id"]) == [praise_id]


def test_cluster_sparkline_and_weekly_counts(shrinking):
    at = open_page("clusters")
    table = overview_table(at).set_index("id")
    spark = {cid: [int(n) for n in v] for cid, v in table["近30天 (daily, 30 d)"].items()}
    weekly = {cid: [int(n) for n in v] for cid, v in table["每周 (weekly)"].items()}
    assert all(len(v) == 30 for v in spark.values()) and all(len(v) == 12 for v in weekly.values())
    # bug members on May 1, 2, 3 (the feed's last three days); the old cluster's five on Apr 22 (Shanghai)
    assert spark[shrinking["bug"]][-3:] == [1, 1, 1] and sum(spark[shrinking["bug"]]) == 3
    assert spark[shrinking["old"]][-12] == 5 and sum(spark[shrinking["old"]]) == 5
    # weeks start on Monday: Apr 22 is a Monday, May 1-3 (Wed-Fri) fall in the week of Apr 29
    assert weekly[shrinking["old"]][-2:] == [5, 0] and weekly[shrinking["bug"]][-1] == 3
    charts = [n for n in at._tree if getattr(n, "type", None) == "vega_lite_chart"]
    assert len(charts) >= 3 * 2  # per card: the 30-day line and the full-history bars
    weekly_tables = [d.value for d in at.dataframe if "2024-04-29" in [str(c) for c in d.value.columns]]
    assert len(weekly_tables) == 3 and int(weekly_tables[0]["2024-04-29"].iloc[0]) == 3


def test_a_cluster_quiet_for_30_days_says_so_instead_of_a_flat_line(populated, db):
    """A historical import (2019 App Store reviews) or a topic gone quiet: the 30-day tab said nothing useful (a line
    at zero, its axis labelled "0.000000")."""
    with db.session() as s:
        _bug_cluster(s, "早就没人提", "quiet", [T0 - timedelta(days=60)] * 3)
    at = open_page("clusters")
    quiet_notes = [c.value for c in at.caption if "近30天没有新的反馈" in c.value]
    assert len(quiet_notes) == 1  # the quiet cluster only; the others keep their 30-day line
    charts = [n for n in at._tree if getattr(n, "type", None) == "vega_lite_chart"]
    assert len(charts) == 2 + 3  # two 30-day lines, three full-history bars


def test_cluster_split_creates_a_locked_cluster_with_an_audit_row(populated, db):
    from huisheng.storage.schema import EmbeddingCache

    cid = populated["clusters"]["bug"]
    moved = populated["items"]["bug"][1:]
    vecs = {f"h{i}": np.eye(8, dtype=np.float32)[i] for i in (1, 2, 3)}  # the bug items are h1..h3
    with db.session() as s:
        s.add_all(EmbeddingCache(embedder="test", content_hash=h, vector=v.tobytes()) for h, v in vecs.items())
    at = open_page("clusters", user="pm-zhao")
    at.multiselect(key=f"cl_{cid}_split_items").set_value(moved)
    at.text_input(key=f"cl_{cid}_split_label").input("支付与登录")
    at.button(key=f"cl_{cid}_split").click().run()
    assert not at.exception and not at.error and not at.warning
    with db.session() as s:
        new = s.query(Cluster).filter(Cluster.label == "支付与登录").one()
        assert (new.label_locked, new.size, new.category, new.embedder) == (True, 2, "bug", "test")
        assert sorted(it.id for it, _a in cstore.cluster_members(s, new.id)) == sorted(moved)
        assert [it.id for it, _a in cstore.cluster_members(s, cid)] == populated["items"]["bug"][:1]
        assert s.get(Cluster, cid).size == 1
        expected = (vecs["h2"] + vecs["h3"]) / np.linalg.norm(vecs["h2"] + vecs["h3"])
        assert np.allclose(np.frombuffer(new.centroid, dtype=np.float32), expected)
        assert np.allclose(np.frombuffer(s.get(Cluster, cid).centroid, dtype=np.float32), vecs["h1"])
        new_id = new.id
    d = decisions(db)[-1]
    assert (d.actor, d.action, d.target_type, d.target_id) == ("pm-zhao", "split_cluster", "cluster", cid)
    assert d.before == {"cluster": cid, "label": "闪退 登录", "size": 3}
    assert d.after == {"new_cluster": new_id, "label": "支付与登录", "item_ids": sorted(moved)}
    # both cards show the split in their own audit log; the new cluster is on the page
    assert any("支付与登录" in h for h in headings(at))
    assert [e.label for e in at.expander].count("审计记录 (audit log): 1") == 2
    assert at.multiselect(key=f"cl_{cid}_split_items").value == []


def test_cluster_split_needs_members_a_name_and_a_fresh_version(populated, db):
    cid = populated["clusters"]["bug"]
    at = open_page("clusters")
    at.text_input(key=f"cl_{cid}_split_label").input("新名字")
    at.button(key=f"cl_{cid}_split").click().run()
    assert any("选择" in w.value for w in at.warning) and not decisions(db)
    with db.session() as s:  # someone else edits the cluster while the page is open
        cstore.set_status(s, cid, "triaged", "someone-else")
    at.multiselect(key=f"cl_{cid}_split_items").set_value(populated["items"]["bug"][:1])
    at.button(key=f"cl_{cid}_split").click().run()
    assert any("已被他人修改" in e.value for e in at.error)
    assert [d.action for d in decisions(db)] == ["set_cluster_status"]
    with pytest.raises(ValueError, match="not members"):
        with db.session() as s:
            cstore.split(s, cid, populated["items"]["feature_request"], "x", "pm")
    with pytest.raises(ValueError, match="every member"):
        with db.session() as s:
            cstore.split(s, cid, populated["items"]["bug"], "x", "pm")


def test_cluster_card_audit_log_lists_its_own_edits(populated, db):
    bug, feat = populated["clusters"]["bug"], populated["clusters"]["feature_request"]
    with db.session() as s:
        cstore.rename(s, bug, "闪退", "pm-a")
        cstore.set_status(s, feat, "triaged", "pm-b")
    at = open_page("clusters")
    logs = {e.label for e in at.expander if e.label.startswith("审计记录")}
    assert logs == {"审计记录 (audit log): 1"}
    tables = [d.value for d in at.dataframe if "操作人 (who)" in d.value.columns]
    assert sorted(t["操作 (action)"].iloc[0] + "/" + t["操作人 (who)"].iloc[0] for t in tables) == [
        "rename_cluster/pm-a", "set_cluster_status/pm-b"]
