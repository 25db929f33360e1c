"""The clusters page's hand-off action in AppTest: choose a target, preview the exact payload, send; the history
with its link; a failed delivery listed with a retry button that works."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

from handoff_fixtures import PHONE, cluster_id, configure, target_config  # noqa: E402,F401
from handoff_receivers import GitHubReceiver, SlackReceiver, serve  # noqa: E402
from huisheng.app.safe import md_escape  # noqa: E402
from sqlalchemy import select  # noqa: E402

from huisheng.services import accounts  # noqa: E402
from huisheng.storage import handoffs as hstore  # noqa: E402
from huisheng.storage.schema import Decision  # noqa: E402
from test_board import open_page  # noqa: E402


def clusters_page(user: str = "pm-li", role: str = "pm") -> AppTest:
    """The clusters page as a signed-in PM (hand-off needs the "handoff" permission: pm, admin)."""
    at = open_page("clusters", user=user, role=role)
    assert not at.exception, [e.value for e in at.exception]
    return at


def handoff_decisions(db) -> list[Decision]:
    with db.session() as s:
        return list(s.scalars(select(Decision).where(Decision.action == "handoff").order_by(Decision.id)))


def handoff_widgets(at: AppTest) -> list[str]:
    return [w.key for w in [*at.button, *at.selectbox, *at.toggle] if w.key and w.key.startswith("ho_")]


def test_board_previews_sends_and_shows_history(db, cluster_id, configure):
    with serve(GitHubReceiver()) as rec:
        settings = configure({"gh": target_config("github", rec.base_url), "md": {"kind": "markdown"}})
        at = clusters_page()
        assert at.selectbox(key=f"ho_{cluster_id}_target").options == ["gh (github)", "md (markdown)"]
        at.selectbox(key=f"ho_{cluster_id}_target").set_value("gh")
        at.toggle(key=f"ho_{cluster_id}_preview").set_value(True).run()
        preview = [c.value for c in at.code if c.value.startswith("POST ")]
        assert preview and "/repos/acme/app/issues" in preview[0] and PHONE not in preview[0]
        assert rec.requests == 0, "a preview sends nothing"
        at.button(key=f"ho_{cluster_id}_send").click().run()
        assert not at.exception, [e.value for e in at.exception]
        assert any(md_escape("acme/app#1") in s.value for s in at.success), [s.value for s in at.success]
        assert len(rec.issues) == 1
        body = json.loads(preview[0].split("\n\n", 1)[1])
        assert rec.issues[1]["body"] == body["body"], "the preview was the exact payload"
        history = [df.value for df in at.dataframe if "引用 (reference)" in df.value.columns]
        assert history and history[0]["引用 (reference)"].tolist() == ["acme/app#1"]
        assert history[0]["链接 (link)"].tolist() == ["https://github.example/acme/app/issues/1"]
        (d,) = handoff_decisions(db)  # signed by the PM who clicked, in the audit log
        assert (d.actor, d.target_type, d.target_id) == ("pm-li", "cluster", cluster_id)
        assert d.after == {"target": "gh", "result": "created", "external_ref": "acme/app#1", "voices": 5}
        at.button(key=f"ho_{cluster_id}_send").click().run()  # again: nothing new
        assert len(rec.issues) == 1 and any("unchanged" in s.value for s in at.success)
        assert len(handoff_decisions(db)) == 1, "nothing sent, nothing logged"
    with db.session() as s:
        assert hstore.get(s, cluster_id, "gh").status == "delivered"


def test_board_lists_failures_and_retries_them(db, cluster_id, configure):
    with serve(SlackReceiver()) as rec:
        rec.fail_next = [500, 500]
        configure({"slack": target_config("slack", rec.base_url)})
        at = clusters_page()
        at.button(key=f"ho_{cluster_id}_send").click().run()
        assert any("交接失败" in e.value and "HTTP 500" in e.value for e in at.error)
        failures = [df.value for df in at.dataframe if "错误 (last error)" in df.value.columns and "聚类 (cluster)" in df.value.columns]
        assert failures and failures[0]["目标 (target)"].tolist() == ["slack"]
        at.button(key=f"ho_retry_{cluster_id}_slack").click().run()
        assert not at.exception and len(rec.accepted) == 1
        assert not any(b.key == f"ho_retry_{cluster_id}_slack" for b in at.button), "the failure is gone"
        assert [(d.actor, d.after["target"]) for d in handoff_decisions(db)] == [("pm-li", "slack")]


def test_moderator_gets_no_handoff_and_a_demoted_pm_cannot_send(db, cluster_id, configure):
    """The panel and its callbacks follow accounts.can("handoff") (pm, admin): a moderator never reaches the
    clusters page, and a PM demoted while their page is open is refused at the click, with nothing sent."""
    with serve(SlackReceiver()) as rec:
        configure({"slack": target_config("slack", rec.base_url)})
        mod = open_page(None, user="mod-wang", role="moderator")
        with pytest.raises(ValueError, match="Could not find a navigation page"):  # not in a moderator's menu
            mod.switch_page("views/clusters.py")
        assert not handoff_widgets(mod)
        at = clusters_page(user="pm-zhao")
        assert f"ho_{cluster_id}_send" in handoff_widgets(at)
        with db.session() as s:
            accounts.set_role(s, "pm-zhao", "moderator")
        at.button(key=f"ho_{cluster_id}_send").click().run()
        assert not at.exception, [e.value for e in at.exception]
        assert rec.accepted == [] and handoff_decisions(db) == []
        assert not handoff_widgets(at), "and the panel is gone"
        with db.session() as s:
            assert hstore.get(s, cluster_id, "slack") is None
