"""WeCom (企业微信) group robot (群机器人): markdown message.

Follows developer.work.weixin.qq.com "群机器人配置说明" (document/path/91770): POST JSON
``{"msgtype": "markdown", "markdown": {"content": "…"}}`` to ``…/cgi-bin/webhook/send?key=…`` (the key in the URL
is the credential: keep the whole URL in an environment variable via ``url_env`` if you prefer). ``content`` is
at most 4096 bytes of UTF-8. The reply is ``{"errcode": 0, "errmsg": "ok"}``. ``<@userid>`` mentions and
``<font>`` tags cannot come from a review: ``<`` and ``@`` become full-width (escape.py).
"""

from __future__ import annotations

from huisheng.handoff import escape
from huisheng.handoff.base import Delivery, PermanentError, Preview, Target, TransientError, response_json
from huisheng.handoff.dingtalk import markdown_lines

MAX_BYTES = 4096
RATE_LIMIT_CODES = {45009, 45033}


def fit_bytes(text: str, limit: int = MAX_BYTES) -> str:
    raw = text.encode("utf-8")
    if len(raw) <= limit:
        return text
    return raw[: limit - 3].decode("utf-8", errors="ignore") + "…"


class WeComTarget(Target):
    kind = "wecom"

    def message(self, p, key, prev) -> dict:
        return {"msgtype": "markdown", "markdown": {"content": fit_bytes("\n".join(markdown_lines(p, key, prev, escape.chat_text)))}}

    def render(self, p, key, prev=None) -> Preview:
        return Preview("POST", self.shown_url(), self.message(p, key, prev))

    def _send(self, msg: dict) -> None:
        data = response_json(self.request("POST", self.url, json_body=msg))
        code = data.get("errcode", 0)
        if code not in (0, None):
            err = f"{self.name}: WeCom errcode {code}: {data.get('errmsg')}"
            raise (TransientError if code in RATE_LIMIT_CODES else PermanentError)(err)

    def deliver(self, p, key, prev=None) -> Delivery:
        self._send(self.message(p, key, prev))
        return Delivery(prev.external_ref if prev else key)

    def send_text(self, title, lines) -> Delivery:
        text = "\n".join([f"### {escape.chat_text(title, True)}", ""] + [f"- {escape.chat_text(line, True)}" for line in lines])
        self._send({"msgtype": "markdown", "markdown": {"content": fit_bytes(text)}})
        return Delivery(f"digest:{title}")
