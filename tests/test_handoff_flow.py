"""The Prefect ``handoff`` flow: retries with backoff for transient errors only, a failed target never failing the
flow, and the optional rules and daily digest (off by default)."""

from __future__ import annotations

from handoff_fixtures import cluster_id, configure, target_config  # noqa: F401
from handoff_receivers import DingTalkReceiver, SlackReceiver, WebhookReceiver, serve
from huisheng.storage import handoffs as hstore


def test_flow_retries_transient_errors_and_survives_a_failed_target(prefect_harness, db, cluster_id, configure):
    from huisheng.flows.handoff import handoff_flow

    with serve(WebhookReceiver()) as hook, serve(SlackReceiver()) as slack:
        hook.fail_next = [500, "timeout"]
        slack.fail_next = [404]  # a refusal: not worth retrying
        configure({"hook": target_config("webhook", hook.base_url, timeout=0.5),
                   "slack": target_config("slack", slack.base_url)})
        out = handoff_flow([(cluster_id, "slack"), (cluster_id, "hook")])
        assert [d["target"] for d in out["delivered"]] == ["hook"] and out["delivered"][0]["action"] == "created"
        assert [f["target"] for f in out["failed"]] == ["slack"] and "HTTP 404" in out["failed"][0]["error"]
        assert hook.requests == 3 and len(hook.accepted) == 1, "500 and timeout retried by Prefect"
        assert slack.requests == 1, "a 404 is not retried"
    with db.session() as s:
        assert hstore.get(s, cluster_id, "hook").attempts == 3
        failed = hstore.get(s, cluster_id, "slack")
        assert failed.status == "failed" and "404" in failed.last_error
        assert [r.target for r in hstore.failures(s)] == ["slack"]


def test_rules_and_digest_are_off_by_default_and_run_once_when_on(prefect_harness, db, cluster_id, configure):
    from huisheng.flows.handoff import handoff_flow

    with serve(WebhookReceiver()) as hook, serve(DingTalkReceiver()) as chat:
        configure({"hook": target_config("webhook", hook.base_url), "chat": target_config("dingtalk", chat.base_url)})
        out = handoff_flow()
        assert out["delivered"] == [] and out["digest"] is None and hook.requests == chat.requests == 0
        configure({"hook": target_config("webhook", hook.base_url), "chat": target_config("dingtalk", chat.base_url)},
                  rules={"enabled": True, "targets": ["hook"], "min_voices": 3},
                  digest={"enabled": True, "target": "chat", "top": 3})
        out = handoff_flow()
        assert [(d["cluster_id"], d["target"]) for d in out["delivered"]] == [(cluster_id, "hook")]
        assert out["digest"] and len(chat.accepted) == 1
        text = chat.accepted[0]["body"]["markdown"]["text"]
        assert "每日摘要" in text and "13812345678" not in text and "<" not in text.replace("&lt;", "")
        again = handoff_flow()
        assert again["delivered"] == [] and again["digest"] is None, "nothing twice"
        assert len(hook.accepted) == 1 and len(chat.accepted) == 1
