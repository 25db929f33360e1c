"""Each hand-off target against a local receiver that checks the vendor's documented payload and signature:
delivery, hostile review text arriving inert, personal data masked, a wrong secret refused."""

from __future__ import annotations

import json
import re

import pytest

from handoff_fixtures import HOSTILE, MAIL, PHONE, cluster_id, configure, target_config  # noqa: F401
from handoff_receivers import (
    DingTalkReceiver, FeishuReceiver, GitHubReceiver, JiraReceiver, SlackReceiver, WebhookReceiver, WeComReceiver, serve)
from huisheng.services import handoff as service
from huisheng.storage import handoffs as hstore
from huisheng.storage.schema import Cluster

RECEIVERS = {"webhook": WebhookReceiver, "feishu": FeishuReceiver, "dingtalk": DingTalkReceiver,
             "wecom": WeComReceiver, "slack": SlackReceiver, "jira": JiraReceiver,
             "jira-server": lambda: JiraReceiver(cloud=False), "github": GitHubReceiver}


def _received(rec) -> str:
    """Everything the receiver stored, as one JSON text."""
    if isinstance(rec, JiraReceiver):
        return json.dumps([rec.issues, rec.comments], ensure_ascii=False)
    if isinstance(rec, GitHubReceiver):
        return json.dumps([rec.issues, rec.comments], ensure_ascii=False)
    return json.dumps(rec.accepted, ensure_ascii=False)


def _strings(node):
    if isinstance(node, dict):
        for v in node.values():
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)
    elif isinstance(node, str):
        yield node


@pytest.mark.parametrize("kind", list(RECEIVERS))
def test_target_delivers_a_documented_payload_with_pii_masked(kind, db, cluster_id, configure):
    with serve(RECEIVERS[kind]()) as rec:
        settings = configure({"t": target_config(kind, rec.base_url)})
        r = service.deliver(db, settings, cluster_id, "t", backoff=0.01)
        assert not rec.refused, rec.refused
        text = _received(rec)
        assert r.action == "created" and r.external_ref
        assert PHONE not in text and MAIL not in text, "personal data left the system"
        assert "[手机号]" in text or "［手机号］" in text
        assert "http://board.example/clusters?cluster=" in text, "no link back to the board"
        if kind in ("jira", "jira-server"):
            assert r.external_ref == "FEED-1" and r.external_url.endswith("/browse/FEED-1")
            fields = rec.issues["FEED-1"]["fields"]
            assert "huisheng" in fields["labels"] and hstore.idempotency_key(cluster_id, "t") in fields["labels"]
        if kind == "github":
            assert r.external_ref == "acme/app#1" and r.external_url.startswith("https://github.example/")
            assert f"<!-- huisheng-delivery: {hstore.idempotency_key(cluster_id, 't')} -->" in rec.issues[1]["body"]
    with db.session() as s:
        row = hstore.get(s, cluster_id, "t")
        assert row.status == "delivered" and row.attempts == 1 and row.delivered_size == 5
        assert row.delivered_at is not None and row.last_error is None
        assert s.get(Cluster, cluster_id).status == "handed_off"


def _no_live_markup(text: str, own_link: str) -> None:
    """What must never survive in a chat markdown: a link, a mention, a tag, a clickable URL."""
    text = text.replace(f"]({own_link})", "")
    for bad in ("](http", "<at", "<@U", "<!channel>", "<font", "@all", "@here", "http://evil", "https://evil", "**粗体**"):
        assert bad not in text, (bad, text)


def test_feishu_user_text_only_in_plain_text(db, cluster_id, configure):
    with serve(FeishuReceiver()) as rec:
        settings = configure({"t": target_config("feishu", rec.base_url)})
        service.deliver(db, settings, cluster_id, "t")
    card = rec.accepted[0]["body"]["card"]
    lark_md = [n["content"] for n in _nodes(card) if n.get("tag") == "lark_md"]
    plain = [n["content"] for n in _nodes(card) if n.get("tag") == "plain_text"]
    assert lark_md and not any("evil" in t or "点我" in t or "<at" in t or "闪退" in t for t in lark_md)
    assert any("<at id=all></at>" in t for t in plain), "the hostile text arrives, as plain text"
    assert not any("http://evil" in t for t in plain), "bare links are defanged even in plain text"


def _nodes(node):
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from _nodes(v)
    elif isinstance(node, list):
        for v in node:
            yield from _nodes(v)


@pytest.mark.parametrize("kind", ["dingtalk", "wecom"])
def test_chat_markdown_is_inert(kind, db, cluster_id, configure):
    with serve(RECEIVERS[kind]()) as rec:
        settings = configure({"t": target_config(kind, rec.base_url)})
        service.deliver(db, settings, cluster_id, "t")
    body = rec.accepted[0]["body"]
    text = body["markdown"]["text"] if kind == "dingtalk" else body["markdown"]["content"]
    _no_live_markup(text, f"http://board.example/clusters?cluster={cluster_id}")
    assert "［点我］（http\u200b://evil.example/x）" in text, "the text is still readable"
    # our own link is the only one
    assert re.findall(r"\]\((https?://[^)]+)\)", text) == [f"http://board.example/clusters?cluster={cluster_id}"]
    if kind == "dingtalk":
        assert body["at"] == {"isAtAll": False, "atMobiles": [], "atUserIds": []}


def test_slack_blocks_are_inert(db, cluster_id, configure):
    with serve(SlackReceiver()) as rec:
        settings = configure({"t": target_config("slack", rec.base_url)})
        service.deliver(db, settings, cluster_id, "t")
    body = rec.accepted[0]["body"]
    for s in _strings(body):
        assert "<!channel>" not in s and "<@U" not in s and "<http" not in s and "<!here" not in s
        assert not re.search(r"(?<!&lt;)<(?!/)", s) or s.startswith("http"), s
    mrkdwn = [n for n in _nodes(body) if n.get("type") == "mrkdwn"]
    assert mrkdwn and all(n["verbatim"] is True for n in mrkdwn)
    quoted = [n["text"] for n in mrkdwn if "点我" in n["text"]]
    assert quoted and "&lt;！channel&gt;" in quoted[0] and "＊＊粗体＊＊" in quoted[0]
    assert body["unfurl_links"] is False


def test_github_markdown_is_inert(db, cluster_id, configure):
    with serve(GitHubReceiver()) as rec:
        settings = configure({"t": target_config("github", rec.base_url)})
        service.deliver(db, settings, cluster_id, "t")
    body = rec.issues[1]["body"]
    assert not re.search(r"(?<!\\)\[点我\]\(", body), "a review made a link"
    assert "@all" not in body and "@here" not in body, "a review mentions a team"
    assert not re.search(r"(?<![\\\u200b])#1\b", body) and "\\#\u200b1" in body, "a review references issue #1"
    assert "http://evil" not in body and "https://evil" not in body
    assert "\\*\\*粗体\\*\\*" in body and "\\<font" in body


@pytest.mark.parametrize("kind", ["jira", "jira-server"])
def test_jira_description_is_inert(kind, db, cluster_id, configure):
    with serve(RECEIVERS[kind]()) as rec:
        settings = configure({"t": target_config(kind, rec.base_url)})
        service.deliver(db, settings, cluster_id, "t")
    d = rec.issues["FEED-1"]["fields"]["description"]
    if kind == "jira":  # ADF: text nodes are literal; the only link mark is ours
        links = [m["attrs"]["href"] for n in _nodes(d) for m in n.get("marks", []) if m.get("type") == "link"]
        assert links == [f"http://board.example/clusters?cluster={cluster_id}"]
        assert not any("http://evil" in t for t in _strings(d))
    else:  # wiki markup: every markup character escaped
        assert "\\[点我\\]" in d and "\\{noformat\\}" in d and "\\[\\~admin\\]" in d and "\\*\\*粗体\\*\\*" in d
        assert "[点我]" not in d.replace("\\[点我\\]", "")


@pytest.mark.parametrize("kind", ["webhook", "feishu", "dingtalk", "jira", "github"])
def test_a_wrong_secret_is_refused_and_recorded(kind, db, cluster_id, configure, monkeypatch):
    with serve(RECEIVERS[kind]()) as rec:
        settings = configure({"t": target_config(kind, rec.base_url)})
        monkeypatch.setenv("HUISHENG_TEST_SECRET", "wrong")
        monkeypatch.setenv("HUISHENG_TEST_TOKEN", "wrong")
        with pytest.raises(service.HandoffFailed) as e:
            service.deliver(db, settings, cluster_id, "t", backoff=0.01)
        assert not e.value.transient
        assert rec.requests == 1, "a refusal is not retried"
    with db.session() as s:
        row = hstore.get(s, cluster_id, "t")
        assert row.status == "failed" and row.external_ref is None and row.last_error
        assert "wrong" not in row.last_error


def test_the_webhook_contract(db, cluster_id, configure):
    """DESIGN §7a: X-Huisheng-Timestamp, X-Huisheng-Delivery (the idempotency key), X-Huisheng-Signature."""
    import hashlib
    import hmac

    from handoff_receivers import SECRET

    with serve(WebhookReceiver()) as rec:
        settings = configure({"hook": target_config("webhook", rec.base_url)})
        r = service.deliver(db, settings, cluster_id, "hook")
    got = rec.accepted[0]
    h = got["headers"]
    assert h["X-Huisheng-Delivery"] == hstore.idempotency_key(cluster_id, "hook") == got["body"]["delivery"]
    raw = json.dumps(got["body"], ensure_ascii=False, sort_keys=True).encode()
    assert h["X-Huisheng-Signature"] == "sha256=" + hmac.new(SECRET.encode(), h["X-Huisheng-Timestamp"].encode() + b"." + raw,
                                                             hashlib.sha256).hexdigest()
    assert got["body"]["cluster"]["size"] == 5 and len(got["body"]["cluster"]["quotes"]) == 5
    assert r.external_ref == "hook-1"


def test_error_texts_never_carry_secrets(db, cluster_id, configure, monkeypatch):
    """A vendor that echoes the token, and a hook URL with its key: neither reaches the stored error."""
    from handoff_receivers import TOKEN, WeComReceiver

    class Echo(WeComReceiver):
        def handle(self, method, path, query, headers, raw):
            return 403, {"errmsg": f"bad key in {path}?key={query['key'][0]} token {TOKEN}"}

    with serve(Echo()) as rec:
        settings = configure({"t": target_config("wecom", rec.base_url, token_env="HUISHENG_TEST_TOKEN")})
        with pytest.raises(service.HandoffFailed):
            service.deliver(db, settings, cluster_id, "t")
    with db.session() as s:
        err = hstore.get(s, cluster_id, "t").last_error
    assert "HTTP 403" in err and TOKEN not in err
