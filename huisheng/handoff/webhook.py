"""Generic webhook (DESIGN §7a): POST JSON, signed.

Headers: ``X-Huisheng-Timestamp`` (Unix seconds), ``X-Huisheng-Delivery`` (the idempotency key: receivers
de-duplicate on it) and ``X-Huisheng-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>``,
the scheme of GitHub's and Stripe's webhooks. The body is data for machines: PII-masked but not markup-escaped.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time

from huisheng.handoff.base import ClusterPayload, Delivery, Preview, Previous, Target, board_link, change_line, response_json


def signature(secret: str, timestamp: str, raw: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), timestamp.encode() + b"." + raw, hashlib.sha256).hexdigest()


class WebhookTarget(Target):
    kind = "webhook"

    def _body(self, p: ClusterPayload, key: str, prev: Previous | None) -> dict:
        return {"event": "cluster.updated" if prev else "cluster.handed_off", "delivery": key,
                "cluster": {**p.as_dict(), "board_link": board_link(p)},
                "change": change_line(p, prev), "previous_ref": prev.external_ref if prev else None}

    def render(self, p, key, prev=None) -> Preview:
        return Preview("POST", self.shown_url(), self._body(p, key, prev),
                       ["headers: X-Huisheng-Timestamp, X-Huisheng-Delivery, X-Huisheng-Signature"])

    def _post(self, body: dict, key: str):
        secret = self.config.secret("secret_env")
        raw = json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")
        ts = str(int(time.time()))
        return self.request("POST", self.url, content=raw, headers={
            "Content-Type": "application/json; charset=utf-8", "X-Huisheng-Timestamp": ts,
            "X-Huisheng-Delivery": key, "X-Huisheng-Signature": signature(secret, ts, raw)})

    def deliver(self, p, key, prev=None) -> Delivery:
        data = response_json(self._post(self._body(p, key, prev), key))
        if prev:
            return Delivery(prev.external_ref, prev.external_url)
        ref = str(data.get("id") or data.get("ref") or key)
        return Delivery(ref, data.get("url") if isinstance(data.get("url"), str) else None)

    def send_text(self, title, lines) -> Delivery:
        key = f"digest-{int(time.time())}"
        self._post({"event": "digest", "delivery": key, "title": title, "lines": lines}, key)
        return Delivery(key)
