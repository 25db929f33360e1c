"""Accounts, roles and bulk curation in a real browser: the board served by Streamlit, driven in headless Chromium.

One board (and one database) for the whole module, started once: anonymous visitors on every URL, a moderator's
bulk relabel of 50 items, a PM's merge, logout, and the 500-item benchmark (clicks and seconds, printed).
Needs Debian's chromium (.ci/run installs it); skipped, with that reason, where none is installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import func, select

from conftest import free_port, wait_for_http
from test_browser import ARGS, CHROMIUM

pytestmark = pytest.mark.skipif(not CHROMIUM, reason="no Chromium installed: browser tests skipped")

PASSWORD = "browser test password"
SECRET_TEXTS = ["启动就闪退，版本3.2完全用不了", "希望增加夜间模式，晚上看太刺眼"]
CLUSTER_LABELS = ["启动闪退簇", "夜间模式簇"]
PAGE_PATHS = ["/", "/moderation", "/clusters", "/export", "/users", "/nope"]
N_BULK, N_BENCH = 50, 500


def _build(url: str) -> dict:
    from huisheng.models import CATEGORIES
    from huisheng.services import accounts
    from huisheng.storage import clusters as cstore
    from huisheng.storage.db import Database
    from huisheng.storage.schema import Analysis, Cluster, Item, Source

    db = Database(url).create()
    ids: dict = {}
    with db.session() as s:
        for role in ("moderator", "pm", "admin"):
            accounts.add_user(s, f"b-{role}", role, PASSWORD)
        src = Source(name="appstore", kind="file")
        s.add(src)
        s.flush()
        rows = []
        # the bulk items (source "bulk50") and the benchmark items (source "bench"): separate sources so each test
        # filters to its own; the two secret texts are the cluster members
        for name, n, text in (("bulk50", N_BULK, "登录失败第{}次"), ("bench", N_BENCH, "反馈第{}条：加载很慢"),
                              ("bench_all", N_BENCH, "反馈第{}条：图片糊了")):
            sub = Source(name=name, kind="file")
            s.add(sub)
            s.flush()
            rows += [(sub.id, text.format(i)) for i in range(n)]
        rows += [(src.id, t) for t in SECRET_TEXTS]
        for k, (sid, text) in enumerate(rows):
            it = Item(source_id=sid, external_id=f"x{k}", kind="review", text=text, normalized_text=text,
                      content_hash=f"h{k}", created_at=datetime(2024, 5, 1) + timedelta(minutes=k))
            s.add(it)
            s.flush()
            scores = {c: (0.6 if c == "other" else 0.1) for c in CATEGORIES}
            s.add(Analysis(item_id=it.id, category="other", scores=scores, quality_score=0.3, model_version="t",
                           content_hash=f"h{k}", margin=0.5))
            if text in SECRET_TEXTS:
                ids.setdefault("secret_items", []).append(it.id)
        s.flush()
        vec = (np.ones(8) / np.sqrt(8)).astype(np.float32).tobytes()
        for label, item_id in zip(CLUSTER_LABELS, ids["secret_items"]):
            c = Cluster(category="feature_request", label=label, keywords=[label], quotes=[], centroid=vec, embedder="t", size=1,
                        first_seen=datetime(2024, 5, 1), last_seen=datetime(2024, 5, 1))
            s.add(c)
            s.flush()
            cstore.set_membership(s, [item_id], c.id, [0.9])
            ids.setdefault("clusters", []).append(c.id)
    ids["db"] = db
    return ids


@pytest.fixture(scope="module")
def board():
    home = Path(tempfile.mkdtemp(prefix="huisheng-browser-"))
    url = f"sqlite:///{home / 'board.db'}"
    ids = _build(url)
    port = free_port()
    log_path = home / "board.log"
    env = {**os.environ, "HUISHENG_DATABASE_URL": url, "HUISHENG_HOME": str(home)}
    with open(log_path, "wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "huisheng.cli", "board", "--port", str(port)],
                                stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(base + "/_stcore/health", proc, log_path)
        yield {"url": base, **ids}
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
        ids["db"].engine.dispose()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


class Clicks:
    """A page wrapper that counts the clicks a person would make."""

    def __init__(self, page):
        self.page, self.n = page, 0

    def click(self, locator, **kw):
        self.n += 1
        locator.click(**kw)


def wait_idle(page, timeout: float = 30000) -> None:
    """Until Streamlit has finished the current run (no 'running' status widget)."""
    page.wait_for_timeout(300)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout)


def login(page, base: str, name: str, password: str = PASSWORD, path: str = "/") -> None:
    page.goto(base + path)
    page.get_by_role("heading", name="回声 huisheng · 登录 (Sign in)").wait_for(timeout=60000)
    page.get_by_label("用户名 (name)").fill(name)
    page.get_by_label("密码 (password)").fill(password)
    page.get_by_role("button", name="登录 (sign in)").click()
    page.get_by_role("button", name="退出登录 (sign out)").wait_for(timeout=30000)
    wait_idle(page)


def choose(page, label: str, option: str, clicks: Clicks | None = None, key: str | None = None) -> None:
    """Pick an option of a Streamlit selectbox by its label or widget key (two clicks, as a person would)."""
    box = (page.locator(f".st-key-{key}") if key else page).get_by_label(label, exact=False).first
    (clicks.click(box) if clicks else box.click())
    opt = page.get_by_role("option", name=option, exact=False).first
    (clicks.click(opt) if clicks else opt.click())
    wait_idle(page)


def select_all_rows(page, clicks: Clicks | None = None) -> None:
    """The header checkbox of the selectable table (top-left corner of the grid canvas)."""
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.wait_for(timeout=30000)
    box = grid.bounding_box()
    grid.hover()
    page.mouse.move(box["x"] + 18, box["y"] + 18)
    if clicks:
        clicks.n += 1
    page.mouse.click(box["x"] + 18, box["y"] + 18)
    wait_idle(page)


def body(page) -> str:
    return page.inner_text("body")


# ------------------------------------------------------------------------------------------------ anonymous
def test_anonymous_sees_the_login_page_and_no_data_on_every_url(board, browser):
    ctx = browser.new_context()
    page = ctx.new_page()
    for path in PAGE_PATHS:
        page.goto(board["url"] + path)
        page.get_by_role("heading", name="回声 huisheng · 登录 (Sign in)").wait_for(timeout=60000)
        wait_idle(page)
        text = body(page)
        for secret in SECRET_TEXTS + CLUSTER_LABELS + ["审核队列 (Moderation queue)", "导出 (Export)", "账号 (Users)"]:
            assert secret not in text, (path, secret)
        assert page.locator("[data-testid='stDownloadButton']").count() == 0, path
        assert page.locator("[data-testid='stDataFrame']").count() == 0, path
        nav = [a.inner_text() for a in page.locator("[data-testid='stSidebarNav'] a").all()]
        assert all("登录" in n for n in nav), (path, nav)
    # the raw HTTP answer for a page URL is Streamlit's empty shell: data only ever flows over the signed-in websocket
    import urllib.request

    for path in ("/export", "/moderation"):
        with urllib.request.urlopen(board["url"] + path, timeout=10) as r:
            html = r.read().decode("utf-8", "replace")
        assert not any(s in html for s in SECRET_TEXTS + CLUSTER_LABELS)
    ctx.close()


# ------------------------------------------------------------------------------------------------ moderator
def test_moderator_cannot_reach_clusters_export_or_users(board, browser):
    ctx = browser.new_context()
    page = ctx.new_page()
    login(page, board["url"], "b-moderator")
    nav = " ".join(a.inner_text() for a in page.locator("[data-testid='stSidebarNav'] a").all())
    assert "审核队列" in nav and "聚类" not in nav and "导出" not in nav and "账号" not in nav
    # typing a URL starts a new session: sign in again, and land on the overview instead (the gate of every page
    # file is covered per role by tests/test_auth.py)
    for path in ("/export", "/users"):
        login(page, board["url"], "b-moderator", path=path)
        page.get_by_role("heading", name="概览 (Overview)").wait_for(timeout=30000)  # the default page instead
        text = body(page)
        assert not any(label in text for label in CLUSTER_LABELS), path
        assert "导出 (Export)" not in [h.inner_text() for h in page.locator("h1").all()], path
        assert page.locator("[data-testid='stDownloadButton']").count() == 0
    ctx.close()


def test_moderator_bulk_relabels_50_items_and_it_persists_with_audit_rows(board, browser):
    from huisheng.storage.schema import Decision, Item, Source

    ctx = browser.new_context(viewport={"width": 1500, "height": 1400})
    page = ctx.new_page()
    login(page, board["url"], "b-moderator")
    page.get_by_role("link", name="审核队列 (Moderation)").click()
    page.get_by_role("heading", name="审核队列 (Moderation queue)").wait_for(timeout=30000)
    wait_idle(page)
    page.get_by_label("搜索 (search)").fill("登录失败")
    page.keyboard.press("Enter")
    wait_idle(page)
    page.get_by_text(f"共 {N_BULK} 条").wait_for(timeout=30000)
    select_all_rows(page)
    choose(page, "改为 (relabel to)", "缺陷 (bug)")
    page.get_by_role("button", name=f"改标签 (relabel) · {N_BULK}").click()
    page.get_by_text(f"{N_BULK} 条已更改").wait_for(timeout=30000)
    db = board["db"]
    with db.session() as s:
        bulk_ids = set(s.scalars(select(Item.id).join(Source).where(Source.name == "bulk50")))
        labelled = set(s.scalars(select(Item.id).where(Item.human_category == "bug")))
        assert labelled == bulk_ids and len(bulk_ids) == N_BULK
        rows = list(s.scalars(select(Decision).where(Decision.action == "relabel")))
        assert len(rows) == N_BULK and {d.actor for d in rows} == {"b-moderator"}
        assert {d.target_id for d in rows} == bulk_ids and all(d.after["human_category"] == "bug" for d in rows)
    # a fresh session (reload) sees the change: the pending queue no longer holds them
    login(page, board["url"], "b-moderator", path="/moderation")
    page.get_by_label("搜索 (search)").fill("登录失败")
    page.keyboard.press("Enter")
    wait_idle(page)
    page.get_by_text("共 0 条").wait_for(timeout=30000)
    ctx.close()


def test_logout_ends_the_session(board, browser):
    ctx = browser.new_context()
    page = ctx.new_page()
    login(page, board["url"], "b-pm")
    page.get_by_role("button", name="退出登录 (sign out)").click()
    page.get_by_role("heading", name="回声 huisheng · 登录 (Sign in)").wait_for(timeout=30000)
    page.get_by_text("已退出 (signed out)").wait_for(timeout=10000)
    assert not any(label in body(page) for label in CLUSTER_LABELS)
    page.go_back()
    page.wait_for_timeout(1500)
    assert not any(label in body(page) for label in CLUSTER_LABELS)
    nav = [a.inner_text() for a in page.locator("[data-testid='stSidebarNav'] a").all()]
    assert all("登录" in n for n in nav), nav
    ctx.close()


def test_pm_merges_two_clusters(board, browser):
    from huisheng.storage.schema import Cluster, Decision

    src, dst = board["clusters"]
    ctx = browser.new_context(viewport={"width": 1500, "height": 1600})
    page = ctx.new_page()
    login(page, board["url"], "b-pm")
    page.get_by_role("link", name="聚类 (Clusters)").click()
    page.get_by_role("heading", name="聚类 (Clusters)").wait_for(timeout=30000)
    wait_idle(page)
    # Streamlit marks each keyed widget with the class st-key-<key>
    page.locator(f".st-key-cl_{src}_merge_target").get_by_label("并入 (merge into)").click()
    page.get_by_role("option", name=f"#{dst} ", exact=False).first.click()
    wait_idle(page)
    page.locator(f".st-key-cl_{src}_merge_confirm").get_by_text("确认合并，不可撤销").click()
    wait_idle(page)
    page.locator(f".st-key-cl_{src}_merge").get_by_role("button", name="合并 (merge)").click()
    page.get_by_text(f"已并入 (merged into) #{dst}").wait_for(timeout=30000)
    with board["db"].session() as s:
        assert s.get(Cluster, src).merged_into == dst
        assert s.scalar(select(func.count()).select_from(Decision).where(Decision.action == "merge_cluster",
                                                                          Decision.actor == "b-pm")) == 1
    ctx.close()


# ------------------------------------------------------------------------------------------------ benchmark
def test_bench_moderator_clears_500_items(board, browser):
    """A moderator approves 500 pending items page by page in the table (100 a page: select all, approve), the way
    a person reviews them; prints clicks and seconds. "Apply to all N matching" would be 4 clicks whatever N is."""
    from huisheng.storage.schema import Item, Source

    ctx = browser.new_context(viewport={"width": 1500, "height": 1400})
    page = ctx.new_page()
    login(page, board["url"], "b-moderator")
    clicks = Clicks(page)
    t0 = time.perf_counter()
    clicks.click(page.get_by_role("link", name="审核队列 (Moderation)"))
    page.get_by_role("heading", name="审核队列 (Moderation queue)").wait_for(timeout=30000)
    wait_idle(page)
    clicks.click(page.get_by_label("搜索 (search)"))
    page.get_by_label("搜索 (search)").fill("加载很慢")  # typing is not counted as clicks
    page.keyboard.press("Enter")
    wait_idle(page)
    page.get_by_text(f"共 {N_BENCH} 条").wait_for(timeout=30000)
    choose(page, "每页 (page size)", "100", clicks)
    remaining = N_BENCH
    while remaining:
        select_all_rows(page, clicks)
        n = min(100, remaining)
        clicks.click(page.get_by_role("button", name=f"通过 (approve) · {n}"))
        remaining -= n
        page.get_by_text(f"共 {remaining} 条").wait_for(timeout=60000)
        wait_idle(page)
    seconds = time.perf_counter() - t0
    with board["db"].session() as s:
        left = s.scalar(select(func.count()).select_from(Item).join(Source).where(
            Source.name == "bench", Item.moderation_status == "pending"))
    print(f"\nBENCH moderator clears {N_BENCH} items in a real browser: {clicks.n} clicks, {seconds:.1f} s "
          f"(table view, 100 a page: select all + approve per page)")
    assert left == 0

    # the same with "apply to all N matching these filters"
    clicks, t0 = Clicks(page), time.perf_counter()
    clicks.click(page.get_by_label("搜索 (search)"))
    page.get_by_label("搜索 (search)").fill("图片糊了")
    page.keyboard.press("Enter")
    wait_idle(page)
    page.get_by_text(f"共 {N_BENCH} 条").wait_for(timeout=30000)
    clicks.click(page.get_by_text(f"对全部 {N_BENCH} 条符合筛选的条目操作"))
    wait_idle(page)
    choose(page, "操作 (action)", "通过 (approve)", clicks, key="mod_all_action")
    clicks.click(page.get_by_text(f"确认对全部 {N_BENCH} 条执行"))
    wait_idle(page)
    clicks.click(page.locator(".st-key-mod_all_apply").get_by_role("button"))
    page.get_by_text("共 0 条").wait_for(timeout=60000)
    seconds = time.perf_counter() - t0
    with board["db"].session() as s:
        left = s.scalar(select(func.count()).select_from(Item).join(Source).where(
            Source.name == "bench_all", Item.moderation_status == "pending"))
    print(f"BENCH the same with 'apply to all {N_BENCH} matching': {clicks.n} clicks, {seconds:.1f} s")
    assert left == 0
    ctx.close()
