"""quality_score in [0, 1]: how worth featuring a post is.

Half comes from the classifier's belief that the text is quality_content, half from signals a moderator looks at:
length (saturating around 600 characters), structure (paragraphs, lists), information density (share of distinct
words), and engagement where the source gives it (likes, replies). Spam probability pulls the score down, so a
long SEO article does not float to the top.
"""

from __future__ import annotations

import math
import re

_LIST_RE = re.compile(r"(?m)^\s*(?:\d+[.、)]|[一二三四五六七八九十]+[、.]|[-*•·])")


def structure_score(text: str, tokens: list[str] | None = None) -> float:
    n = len(text)
    length = min(math.log1p(n) / math.log1p(600), 1.0)
    paragraphs = len([p for p in re.split(r"\n\s*\n|\n", text) if p.strip()])
    structure = min(paragraphs / 4.0, 1.0) * 0.7 + min(len(_LIST_RE.findall(text)) / 3.0, 1.0) * 0.3
    if tokens:
        density = len(set(tokens)) / max(len(tokens), 1)
        density = min(density / 0.6, 1.0) if len(tokens) >= 10 else density * 0.5
    else:
        density = 0.5
    return 0.5 * length + 0.3 * structure + 0.2 * density


def engagement_score(meta: dict | None) -> float | None:
    if not meta:
        return None
    likes = meta.get("likes")
    replies = meta.get("replies")
    if likes is None and replies is None:
        return None
    try:
        total = float(likes or 0) + 2.0 * float(replies or 0)
    except (TypeError, ValueError):
        return None
    return min(math.log1p(total) / math.log1p(200), 1.0)


def quality_score(text: str, scores: dict[str, float], tokens: list[str] | None = None, meta: dict | None = None) -> float:
    signals = structure_score(text, tokens)
    engagement = engagement_score(meta)
    if engagement is not None:
        signals = 0.75 * signals + 0.25 * engagement
    value = (0.5 * scores.get("quality_content", 0.0) + 0.5 * signals) * (1.0 - scores.get("spam", 0.0))
    return round(max(0.0, min(1.0, value)), 4)
