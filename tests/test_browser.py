"""What a person sees: the real board served by Streamlit, driven in headless Chromium.

Needs Debian's chromium (.ci/run installs it); skipped where no browser is installed.
"""

import os
import shutil
import subprocess
import sys

import pytest

from conftest import free_port, wait_for_http
from test_board import PASSWORD, TEXTS, ensure_user, populated  # noqa: F401  (fixture: items and clusters)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
pytestmark = pytest.mark.skipif(not CHROMIUM, reason="no Chromium installed")


@pytest.fixture
def board_url(populated, settings, tmp_path):  # noqa: F811
    port = free_port()
    log_path = tmp_path / "board.log"
    log = open(log_path, "wb")
    proc = subprocess.Popen([sys.executable, "-m", "huisheng.cli", "board", "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT, env=os.environ.copy())
    url = f"http://127.0.0.1:{port}"
    ensure_user("browser-admin", "admin")
    try:
        wait_for_http(url + "/_stcore/health", proc, log_path)
        yield url
    finally:
        proc.terminate()
        proc.wait(20)


def test_board_in_a_real_browser(board_url, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1600})
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(board_url + "/")
        page.get_by_label("用户名 (name)").fill("browser-admin")
        page.get_by_label("密码 (password)").fill(PASSWORD)
        page.get_by_role("button", name="登录 (sign in)").click()
        page.get_by_role("heading", name="概览 (Overview)").wait_for(timeout=60000)
        page.get_by_role("link", name="审核队列 (Moderation)").click()
        page.get_by_role("heading", name="审核队列 (Moderation queue)").wait_for(timeout=30000)
        page.get_by_text("卡片 (cards)").click()  # the card view shows whole texts
        page.get_by_text(TEXTS["bug"][0], exact=False).first.wait_for(timeout=30000)
        page.wait_for_timeout(1000)
        assert "<script>alert(1)</script>" in page.inner_text("body")  # shown, as text
        assert page.locator("a[href*='evil.example']").count() == 0
        page.get_by_role("link", name="聚类 (Clusters)").click()
        page.get_by_role("heading", name="聚类 (Clusters)").wait_for(timeout=30000)
        page.get_by_text("关键词 (keywords)", exact=False).first.wait_for(timeout=30000)
        page.wait_for_timeout(1500)
        page.screenshot(path=str(tmp_path / "clusters.png"), full_page=True)
        body = page.inner_text("body")
        assert "夜间模式" in body and "闪退" in body
        # a user's text never becomes a link or a script
        assert page.locator("a[href*='evil.example']").count() == 0
        assert dialogs == []
        browser.close()
