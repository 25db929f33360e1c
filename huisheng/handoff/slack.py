"""Slack incoming webhook: Block Kit message.

Follows docs.slack.dev "Sending messages using incoming webhooks" and the Block Kit reference (header, section,
context, actions blocks; text objects): POST JSON ``{"text": fallback, "blocks": [...]}``; the reply is the body
``ok``. Per "Formatting text for app surfaces", ``&``, ``<`` and ``>`` in user text are sent as ``&amp;`` ``&lt;``
``&gt;`` (so no ``<!channel>``, ``<@U…>`` or ``<url|label>`` can be formed), formatting characters become full-width,
and mrkdwn text objects with user text set ``verbatim: true`` (no automatic link / mention parsing).
"""

from __future__ import annotations

from huisheng.handoff import escape
from huisheng.handoff.base import Delivery, PermanentError, Preview, Target, board_link, change_line, facts

SECTION_MAX = 2900


def _mrkdwn(text: str, verbatim: bool = True) -> dict:
    return {"type": "mrkdwn", "text": text[:SECTION_MAX], "verbatim": verbatim}


class SlackTarget(Target):
    kind = "slack"

    def message(self, p, key, prev) -> dict:
        title = ("[更新 update] " if prev else "") + escape.slack_text(p.title, True)
        blocks: list[dict] = [{"type": "header", "text": {"type": "plain_text", "text": title[:150], "emoji": False}}]
        change = change_line(p, prev)
        if prev and change:
            blocks.append({"type": "section", "text": _mrkdwn("*更新 (update):* " + escape.slack_text(change, True))})
        blocks.append({"type": "section", "fields": [_mrkdwn(f"*{name}*\n{value}") for name, value in facts(p)]})
        if p.keywords:
            blocks.append({"type": "section", "text": _mrkdwn(
                "*关键词 keywords:* " + "、".join(escape.slack_text(k, True) for k in p.keywords))})
        for q in p.quotes:
            blocks.append({"type": "section", "text": _mrkdwn("\n".join(escape.quote_lines(q, escape.slack_text)))})
        blocks.append({"type": "actions", "elements": [{"type": "button", "url": board_link(p), "action_id": "open_board",
                                                        "text": {"type": "plain_text", "text": "在回声中查看 (open in board)"}}]})
        blocks.append({"type": "context", "elements": [_mrkdwn(f"huisheng delivery {key}")]})
        return {"text": title, "blocks": blocks, "unfurl_links": False, "unfurl_media": False}

    def render(self, p, key, prev=None) -> Preview:
        return Preview("POST", self.shown_url(), self.message(p, key, prev))

    def _send(self, msg: dict) -> None:
        r = self.request("POST", self.url, json_body=msg)
        if r.text.strip() not in ("ok", ""):
            raise PermanentError(f"{self.name}: Slack answered {r.text[:200]!r}")

    def deliver(self, p, key, prev=None) -> Delivery:
        self._send(self.message(p, key, prev))
        return Delivery(prev.external_ref if prev else key)

    def send_text(self, title, lines) -> Delivery:
        self._send({"text": title, "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": title[:150], "emoji": False}},
            {"type": "section", "text": _mrkdwn("\n".join("• " + escape.slack_text(line, True) for line in lines))}]})
        return Delivery(f"digest:{title}")
