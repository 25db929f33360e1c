"""User text made inert for each target's markup. Input is already PII-masked; these only defuse markup.

- chat markdown subsets (DingTalk, WeCom, Slack mrkdwn): their documentation gives no reliable backslash escape,
  so markup characters become their full-width twins (``[`` → ``［``, ``<`` → ``＜``, ``@`` → ``＠``…), which read
  naturally in Chinese text and cannot open a link, a mention (``@all``, ``<@userid>``, ``<!channel>``), a tag
  (``<font>``) or emphasis. Slack's documented ``& < >`` entities are used on top for Slack.
- bare URLs: a zero-width space after the scheme (``http\u200b://``) so no client turns them into links.
- GitHub Markdown: backslash escapes (CommonMark) from services/export.py, plus a zero-width space after ``#``
  and ``@`` so ``#123`` and ``@team`` do not reference or notify.
- Jira wiki (Server/DC): backslash before every wiki markup character; ADF (Cloud) text nodes are literal.
"""

from __future__ import annotations

import re

from huisheng.services.export import ZWSP, clean_text, escape_markdown

__all__ = ["ZWSP", "chat_text", "defang_urls", "github_text", "jira_wiki_text", "plain", "quote_lines", "slack_text"]

_FULLWIDTH = str.maketrans({
    "\\": "＼", "`": "｀", "*": "＊", "_": "＿", "~": "～", "[": "［", "]": "］", "(": "（", ")": "）",
    "<": "＜", ">": "＞", "#": "＃", "!": "！", "|": "｜", "@": "＠", "&": "＆", "$": "＄", "{": "｛", "}": "｝",
})
_URL = re.compile(r"(?i)\b(https?|ftp|file|dingtalk|lark|feishu|wxwork|weixin|slack|mailto|tel)(\s*[:：])")
_WWW = re.compile(r"(?i)\bwww\.")
_JIRA_SPECIAL = re.compile(r"([\\*_\-+^~?{}\[\]|!#@()])")


def one_line(text: str | None) -> str:
    return " ".join(clean_text(text).split())


def defang_urls(text: str) -> str:
    text = _URL.sub(lambda m: m.group(1) + ZWSP + m.group(2), text)
    return _WWW.sub("www" + ZWSP + ".", text)


def chat_text(text: str | None, single_line: bool = False) -> str:
    """For DingTalk / WeCom markdown (and Slack after ``slack_text``)."""
    t = one_line(text) if single_line else clean_text(text)
    return defang_urls(t.translate(_FULLWIDTH))


_SLACK_FULLWIDTH = {k: v for k, v in _FULLWIDTH.items() if chr(k) not in "<>&"}


def slack_text(text: str | None, single_line: bool = False) -> str:
    """Slack mrkdwn: the documented ``&amp; &lt; &gt;`` for control characters (no ``<!channel>``, ``<@U…>`` or
    ``<url|label>`` can form), full-width twins for formatting characters (``*`` ``_`` ``~`` `````)."""
    t = one_line(text) if single_line else clean_text(text)
    t = t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return defang_urls(t.translate(_SLACK_FULLWIDTH))


def github_text(text: str | None, single_line: bool = False) -> str:
    t = escape_markdown(text, single_line=single_line)
    return defang_urls(t.replace("\\#", "\\#" + ZWSP))


def jira_wiki_text(text: str | None, single_line: bool = False) -> str:
    t = one_line(text) if single_line else clean_text(text)
    return defang_urls(_JIRA_SPECIAL.sub(r"\\\1", t))


def plain(text: str | None, single_line: bool = False) -> str:
    """For fields a target renders as plain text (Feishu plain_text, ADF text nodes, titles): no markup to defuse,
    but bare links are still defanged so a client's auto-linker does not make them clickable."""
    t = one_line(text) if single_line else clean_text(text)
    return defang_urls(t)


def quote_lines(text: str, escape) -> list[str]:
    """A quote as Markdown blockquote lines, each escaped."""
    return [f"> {escape(line.strip())}" if line.strip() else ">" for line in clean_text(text).split("\n")]
