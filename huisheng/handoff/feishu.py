"""Feishu / Lark custom bot (自定义机器人): an interactive card, optionally signed.

Follows open.feishu.cn "自定义机器人使用指南" (document/client-docs/bot-v3/add-custom-bot): POST JSON to the hook URL
with ``msg_type: "interactive"`` and ``card`` {header.title plain_text, elements}; with signature verification on,
the body also carries ``timestamp`` (seconds) and ``sign`` = Base64(HmacSHA256(key = "<timestamp>\\n<secret>",
message = "")). The reply is ``{"code": 0, "msg": "success"}``; a non-zero code is a refusal.

Every user-written string (label, keywords, quotes) goes into ``plain_text`` elements, which Feishu never parses:
no lark_md link, ``<at id=all>`` mention or emphasis can come from a review. lark_md is used only for our own facts.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time

from huisheng.handoff import escape
from huisheng.handoff.base import (
    ClusterPayload, Delivery, PermanentError, Preview, Previous, Target, TransientError, board_link, change_line, facts,
    response_json)

TEMPLATES = {"bug": "red", "feature_request": "blue", "quality_content": "green", "spam": "grey", "other": "wathet"}
RATE_LIMIT_CODES = {9499, 11232, 11233}


def feishu_sign(secret: str, timestamp: str) -> str:
    key = f"{timestamp}\n{secret}".encode("utf-8")
    return base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()


def _plain(text: str) -> dict:
    return {"tag": "div", "text": {"tag": "plain_text", "content": text}}


class FeishuTarget(Target):
    kind = "feishu"

    def card(self, p: ClusterPayload, key: str, prev: Previous | None) -> dict:
        elements: list[dict] = []
        change = change_line(p, prev)
        if prev and change:
            elements.append(_plain("更新 (update): " + change))
        elements.append({"tag": "div", "fields": [
            {"is_short": True, "text": {"tag": "lark_md", "content": f"**{name}**\n{value}"}} for name, value in facts(p)]})
        if p.keywords:
            elements.append(_plain("关键词 (keywords): " + "、".join(escape.plain(k, True) for k in p.keywords)))
        elements.append({"tag": "hr"})
        for q in p.quotes:
            elements.append(_plain("“" + escape.plain(q) + "”"))
        elements.append({"tag": "action", "actions": [{"tag": "button", "type": "primary", "url": board_link(p),
                                                       "text": {"tag": "plain_text", "content": "在回声中查看 (open in board)"}}]})
        elements.append({"tag": "note", "elements": [{"tag": "plain_text", "content": f"huisheng delivery {key}"}]})
        title = ("[更新 update] " if prev else "") + escape.plain(p.title, True)
        return {"config": {"wide_screen_mode": True},
                "header": {"template": TEMPLATES.get(p.category, "wathet"), "title": {"tag": "plain_text", "content": title[:200]}},
                "elements": elements}

    def _envelope(self, msg: dict) -> dict:
        secret = self.config.secret("secret_env", required=False)
        if secret:
            ts = str(int(time.time()))
            return {"timestamp": ts, "sign": feishu_sign(secret, ts), **msg}
        return msg

    def render(self, p, key, prev=None) -> Preview:
        return Preview("POST", self.shown_url(), {"msg_type": "interactive", "card": self.card(p, key, prev)},
                       ["+ timestamp and sign when secret_env is set"])

    def _send(self, msg: dict) -> None:
        data = response_json(self.request("POST", self.url, json_body=self._envelope(msg)))
        code = data.get("code", data.get("StatusCode", 0))
        if code not in (0, None):
            err = f"{self.name}: Feishu code {code}: {data.get('msg') or data.get('StatusMessage')}"
            raise (TransientError if code in RATE_LIMIT_CODES else PermanentError)(err)

    def deliver(self, p, key, prev=None) -> Delivery:
        self._send({"msg_type": "interactive", "card": self.card(p, key, prev)})
        return Delivery(prev.external_ref if prev else key)

    def send_text(self, title, lines) -> Delivery:
        self._send({"msg_type": "interactive", "card": {
            "header": {"template": "blue", "title": {"tag": "plain_text", "content": escape.plain(title, True)}},
            "elements": [_plain(escape.plain(line, True)) for line in lines]}})
        return Delivery(f"digest:{title}")
