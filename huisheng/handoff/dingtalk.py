"""DingTalk custom robot (自定义机器人): markdown message, signed (加签).

Follows open.dingtalk.com "自定义机器人安全设置 / 加签" and "消息类型 markdown": POST JSON
``{"msgtype": "markdown", "markdown": {"title", "text"}, "at": {"isAtAll": false}}`` to the webhook URL
(``…/robot/send?access_token=…``) with query parameters ``timestamp`` (milliseconds) and ``sign`` =
urlEncode(Base64(HmacSHA256(key = secret, message = "<timestamp>\\n<secret>"))). The reply is
``{"errcode": 0, "errmsg": "ok"}``. User text is defused with full-width twins (see escape.py); ``isAtAll`` is
always false and no mobiles are listed, so nobody is notified by a review.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from urllib.parse import quote_plus

from huisheng.handoff import escape
from huisheng.handoff.base import (
    ClusterPayload, Delivery, PermanentError, Preview, Previous, Target, TransientError, board_link, change_line, facts,
    response_json)

RATE_LIMIT_CODES = {130101, 410100}


def dingtalk_sign(secret: str, timestamp_ms: str) -> str:
    digest = hmac.new(secret.encode("utf-8"), f"{timestamp_ms}\n{secret}".encode("utf-8"), hashlib.sha256).digest()
    return quote_plus(base64.b64encode(digest))


def markdown_lines(p: ClusterPayload, key: str, prev: Previous | None, esc) -> list[str]:
    """The message body shared by DingTalk and WeCom: our headings and facts, the user's text through ``esc``."""
    out = [f"### {'[更新 update] ' if prev else ''}{esc(p.title, True)}", ""]
    change = change_line(p, prev)
    if prev and change:
        out += [f"**更新 (update):** {esc(change, True)}", ""]
    out += [f"- **{name}:** {value}" for name, value in facts(p)]
    if p.keywords:
        out.append("- **关键词 keywords:** " + "、".join(esc(k, True) for k in p.keywords))
    out.append("")
    for q in p.quotes:
        out += escape.quote_lines(q, esc) + [""]
    out += [f"[在回声中查看 (open in board)]({board_link(p)})", "", f"delivery {key}"]
    return out


class DingTalkTarget(Target):
    kind = "dingtalk"

    def message(self, p, key, prev) -> dict:
        title = ("[更新] " if prev else "") + escape.chat_text(p.title, True)
        text = "\n".join(markdown_lines(p, key, prev, escape.chat_text))
        return {"msgtype": "markdown", "markdown": {"title": title[:100], "text": text},
                "at": {"isAtAll": False, "atMobiles": [], "atUserIds": []}}

    def render(self, p, key, prev=None) -> Preview:
        return Preview("POST", self.shown_url(), self.message(p, key, prev),
                       ["+ query parameters timestamp and sign when secret_env is set"])

    def _send(self, msg: dict) -> None:
        params = {}
        secret = self.config.secret("secret_env", required=False)
        if secret:
            ts = str(int(time.time() * 1000))
            # the documented sign is already URL-encoded; pass it through the query string as is
            params = {"timestamp": ts, "sign": dingtalk_sign(secret, ts)}
        url = self.url
        if params:
            url += ("&" if "?" in url else "?") + f"timestamp={params['timestamp']}&sign={params['sign']}"
        data = response_json(self.request("POST", url, json_body=msg))
        code = data.get("errcode", 0)
        if code not in (0, None):
            err = f"{self.name}: DingTalk errcode {code}: {data.get('errmsg')}"
            raise (TransientError if code in RATE_LIMIT_CODES else PermanentError)(err)

    def deliver(self, p, key, prev=None) -> Delivery:
        self._send(self.message(p, key, prev))
        return Delivery(prev.external_ref if prev else key)

    def send_text(self, title, lines) -> Delivery:
        title = escape.chat_text(title, True)
        text = "\n".join([f"### {title}", ""] + [f"- {escape.chat_text(line, True)}" for line in lines])
        self._send({"msgtype": "markdown", "markdown": {"title": title, "text": text},
                    "at": {"isAtAll": False, "atMobiles": [], "atUserIds": []}})
        return Delivery(f"digest:{title}")
