"""Mask personal data before text leaves the board (exports, hand-offs).

Contact IDs stay visible *inside* the tool because they are the spam signal; they are masked on the way out.
"""

from __future__ import annotations

import re

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 18-digit resident ID (last char may be X); before phone so its digits are not half-masked
    ("[身份证]", re.compile(r"(?<!\d)[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)")),
    ("[邮箱]", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    # mainland mobile, optionally +86 and separated by spaces or dashes
    ("[手机号]", re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)")),
    # WeChat: keyword then an id of 6-20 letters/digits/_/-, starting with a letter
    ("[微信号]", re.compile(r"(?i)(?:微信|薇信|威信|vx|v信|wx|weixin|wechat|加v|加微)\s*[:：号]?\s*[a-zA-Z][\w-]{5,19}")),
    # QQ: keyword then 5-11 digits
    ("[QQ号]", re.compile(r"(?i)(?:qq|扣扣|企鹅)\s*[:：号群]{0,2}\s*[1-9]\d{4,10}(?!\d)")),
]


def mask_pii(text: str) -> str:
    for placeholder, pattern in _PATTERNS:
        text = pattern.sub(placeholder, text)
    return text


def find_pii(text: str) -> list[str]:
    """Kinds of PII present, for tests and the export preview."""
    return [placeholder for placeholder, pattern in _PATTERNS if pattern.search(text)]
