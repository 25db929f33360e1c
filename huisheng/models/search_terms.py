"""Chinese text as search terms (pure: text in, terms out).

Chinese has no spaces, so full-text search needs the same segmentation on both sides. An item's text becomes jieba's
words plus its search-mode sub-words (中华人民共和国 → 中华, 人民, 共和国 …) plus every single Han character, so a
one-character query (卡) still finds 卡顿; a query becomes jieba's words, and an item matches when it holds all of
them. Terms are lower-cased and joined by single spaces with a space at both ends, so `LIKE '% term %'` is an exact
term match where no full-text index is available.
"""

from __future__ import annotations

import re

from huisheng import paths
from huisheng.models.tokenize import _jieba

_SKIP = re.compile(r"^[\W_]+$", re.UNICODE)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _tok():
    return _jieba(str(paths.USER_DICT))


def _clean(tokens) -> list[str]:
    out = []
    for t in tokens:
        t = t.strip().lower()
        if t and not _SKIP.match(t) and " " not in t:
            out.append(t)
    return out


def text_terms(text: str) -> str:
    """The indexed form of a text: distinct terms, space separated, spaces at both ends."""
    text = text or ""
    # search mode yields every word of the accurate cut plus its sub-words: one pass covers both
    terms = dict.fromkeys(_clean(_tok().lcut_for_search(text, HMM=True)) + _HAN.findall(text))
    return " " + " ".join(terms) + " "


def query_terms(query: str) -> list[str]:
    """The words a query asks for (all must match)."""
    return list(dict.fromkeys(_clean(_tok().lcut(query or "", HMM=True))))
