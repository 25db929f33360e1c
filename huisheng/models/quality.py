"""quality_score in [0, 1]: how worth featuring a post is, with the signals behind it kept for the moderator.

Half comes from the classifier's belief that the text is quality_content, half from what a moderator looks at:
- length (log scale, saturating around 600 characters) and structure (paragraphs, lists);
- information density (share of distinct words; a post that repeats itself is padding);
- originality (1.0 unless the text nearly duplicates an earlier one: reposts and copy-paste farms score 0);
- engagement where the source gives it (likes, replies; log scale, saturating around 200).
Spam probability pulls the score down, so a long SEO article never floats to the top.
"""

from __future__ import annotations

import math
import re

_LIST_RE = re.compile(r"(?m)^\s*(?:\d+[.、)]|[一二三四五六七八九十]+[、.]|[-*•·])")


def length_score(text: str) -> float:
    return min(math.log1p(len(text)) / math.log1p(600), 1.0)


def structure_part(text: str) -> float:
    paragraphs = len([p for p in re.split(r"\n\s*\n|\n", text) if p.strip()])
    return min(paragraphs / 4.0, 1.0) * 0.7 + min(len(_LIST_RE.findall(text)) / 3.0, 1.0) * 0.3


def density_score(tokens: list[str] | None) -> float:
    if not tokens:
        return 0.5
    density = len(set(tokens)) / max(len(tokens), 1)
    return min(density / 0.6, 1.0) if len(tokens) >= 10 else density * 0.5


def structure_score(text: str, tokens: list[str] | None = None) -> float:
    return 0.5 * length_score(text) + 0.3 * structure_part(text) + 0.2 * density_score(tokens)


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
    return min(math.log1p(max(total, 0.0)) / math.log1p(200), 1.0)


def quality_parts(text: str, scores: dict[str, float], tokens: list[str] | None = None, meta: dict | None = None,
                  originality: float = 1.0) -> dict[str, float]:
    """Every signal and the final score, each rounded, so the board can show why a post ranks where it does."""
    parts = {"length": length_score(text), "structure": structure_part(text), "density": density_score(tokens),
             "originality": originality, "classifier": scores.get("quality_content", 0.0), "spam": scores.get("spam", 0.0)}
    signals = 0.5 * parts["length"] + 0.3 * parts["structure"] + 0.2 * parts["density"]
    engagement = engagement_score(meta)
    if engagement is not None:
        parts["engagement"] = engagement
        signals = 0.75 * signals + 0.25 * engagement
    value = (0.5 * parts["classifier"] + 0.5 * signals) * (1.0 - parts["spam"]) * (0.2 + 0.8 * originality)
    parts["score"] = max(0.0, min(1.0, value))
    return {k: round(float(v), 4) for k, v in parts.items()}


def quality_score(text: str, scores: dict[str, float], tokens: list[str] | None = None, meta: dict | None = None,
                  originality: float = 1.0) -> float:
    return quality_parts(text, scores, tokens, meta, originality)["score"]
