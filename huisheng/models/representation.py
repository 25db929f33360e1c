"""Cluster labels a PM can read: class-based TF-IDF over jieba tokens, plus the most central quotes.

c-TF-IDF (as in BERTopic) treats all texts of a cluster as one document: a word scores high when it is frequent
in this cluster and rare across the others, so 夜间模式 labels the dark-mode cluster rather than 希望.

Candidates are jieba words and *phrases*: two adjacent words as they occur in members' texts (共享+账本 →
共享账本, 导出+excel → 导出excel). A phrase said by at least a quarter of the members is preferred for the label.
Never a candidate: stopwords, placeholder tokens (URL/EMOJI/MENTION), numbers, single characters, and the words
that frame a request or a complaint rather than name its topic (希望, 建议, 加个, 功能…).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

import numpy as np

from huisheng.models.normalize import VENTING_RE
from huisheng.models.tokenize import _NUMBER_RE, _PLACEHOLDERS, JiebaTokenizer, load_stopwords

# words that frame feedback (a request, a complaint, a report) rather than say what it is about
FRAME_WORDS = frozenset("""希望 建议 能不能 可不可以 可以 能否 加个 加上 增加 添加 支持 出个 求求 麻烦 谢谢 感谢 功能 问题 一下 一直
现在 以前 之前 以后 之后 终于 真的 还是 感觉 觉得 什么 怎么 为什么 时候 这个 那个 就是 已经 还有 有没有 没有 不是 一个 能够 好用 软件
app 应用 用户 大家 开发者 官方 客服 一次 每次 老是 总是 经常 突然 直接 然后 而且 但是 不过 所以 因为 如果 要是 好了 太好了 玩意 东西
""".split())


QUOTE_POOL, QUOTE_MIN_CHARS, QUOTE_SAME = 8, 8, 0.8  # see ClassTfidfLabeler.central_quotes


def is_telling(text: str) -> bool:
    """Says more than a shout: at least ``QUOTE_MIN_CHARS`` distinct characters ("闪退闪退闪退闪退" has two)."""
    return len(set("".join((text or "").split()))) >= QUOTE_MIN_CHARS


def _bigrams(text: str) -> set[str]:
    t = "".join(text.split()).lower()
    return {t[i : i + 2] for i in range(len(t) - 1)} or {t}


UNNAMED = "(未命名)"  # a group whose members share no word worth naming
_CLAUSES = re.compile(r"[，,。.！!？?；;：:、~～…\n]+")
# jieba (with our user dictionary) keeps some frames glued to their object: 希望增加, 建议加; the object alone is the topic
FRAME_PREFIXES = ("希望", "建议", "能不能", "可不可以", "能否", "求求", "麻烦")


class ClassTfidfLabeler:
    def __init__(self, n_keywords: int = 8, n_quotes: int = 3, label_words: int = 3, phrase_share: float = 0.25):
        self.n_keywords = n_keywords
        self.n_quotes = n_quotes
        self.label_words = label_words
        self.phrase_share = phrase_share
        self._tok = JiebaTokenizer(drop_stopwords=False)

    def _ok(self, w: str) -> bool:
        # venting (垃圾, 辣鸡, 差评, 醉了…) says how the user feels, not what the cluster is about: real clusters were
        # labelled "路由器 · 垃圾 · 华为" and "垃圾更新 · 连不上 · 玩意"
        return (len(w) > 1 and w not in load_stopwords(self._tok.stopwords) and w not in _PLACEHOLDERS
                and w.lower() not in FRAME_WORDS and not w.startswith(FRAME_PREFIXES) and not _NUMBER_RE.match(w)
                and not VENTING_RE.search(w))

    def terms(self, text: str) -> list[str]:
        """Candidate words and adjacent two-word phrases of one text, each once."""
        words, phrases = [], []
        for clause in _CLAUSES.split(text):  # a phrase never spans punctuation: "夜间模式，晚上" is not one
            toks = self._tok(clause)
            ok = [self._ok(t) for t in toks]
            words += [t for t, k in zip(toks, ok) if k]
            # a word said twice in a row (闪退闪退, 垃圾垃圾) is emphasis, not a phrase: it labelled real clusters
            phrases += [a + b for a, b, ka, kb in zip(toks, toks[1:], ok, ok[1:])
                        if ka and kb and a != b and len(a + b) <= 8]
        return list(dict.fromkeys(words + phrases))

    def keywords(self, groups: dict[int, Sequence[str]], background: Sequence[str] = ()) -> dict[int, list[str]]:
        """groups: cluster id → normalised texts. ``background`` (texts in no cluster) sharpens the idf.
        Counts are of members saying a term (a word repeated in one text counts once)."""
        counts = {cid: Counter(tok for t in texts for tok in self.terms(t)) for cid, texts in groups.items()}
        bg = Counter(tok for t in background for tok in self.terms(t))
        classes = list(counts.values()) + ([bg] if bg else [])
        freq = Counter()
        for c in classes:
            freq.update(c)
        avg_words = np.mean([sum(c.values()) for c in classes]) if classes else 1.0
        out = {}
        for cid, c in counts.items():
            total = max(sum(c.values()), 1)
            # a word said by a single person in a big cluster is noise, not a topic
            scored = {w: (n / total) * np.log(1 + avg_words / freq[w]) for w, n in c.items()
                      if n >= 2 or len(groups[cid]) <= 3}
            ranked = [w for w, _ in sorted(scored.items(), key=lambda p: (-p[1], p[0]))]
            # a phrase many members say names the topic better than either of its words: put the best one first
            phrases = [w for w in ranked if c[w] >= max(2, self.phrase_share * len(groups[cid])) and self._is_phrase(w)]
            if phrases:
                ranked = [phrases[0]] + [w for w in ranked if w != phrases[0]]
            out[cid] = ranked[: self.n_keywords]
        return out

    def _is_phrase(self, w: str) -> bool:
        toks = self._tok(w)
        return len(toks) >= 2

    def label(self, keywords: list[str]) -> str:
        """Top keywords, with 深色 folded into 深色模式 rather than shown twice."""
        chosen: list[str] = []
        for w in keywords:
            if any(w in c for c in chosen):
                continue
            chosen = [c for c in chosen if c not in w] + [w] if any(c in w for c in chosen) else chosen + [w]
            if len(chosen) == self.label_words:
                break
        return " · ".join(chosen) if chosen else UNNAMED

    def central_quotes(self, texts: Sequence[str], X: np.ndarray, center: np.ndarray) -> list[str]:
        """Quotes a PM can file a ticket from: the members closest to the centre, but among the ``QUOTE_POOL`` x n
        closest those that say something come first (the closest members of a big crash cluster were "闪退",
        "闪退闪退闪退", "闪退"; a quote of at least ``QUOTE_MIN_CHARS`` characters names a device, a version, a
        screen; counted as distinct characters, since "闪退闪退闪退闪退" says no more than "闪退"), and none that only
        repeats a quote already chosen."""
        if len(texts) == 0:
            return []
        sims = np.asarray(X @ center, dtype=np.float64).ravel()
        closest = [int(i) for i in np.argsort(-sims, kind="stable")[: max(QUOTE_POOL * self.n_quotes, 10)]]
        telling = [i for i in closest if is_telling(texts[i])]
        order = telling + [i for i in closest if not is_telling(texts[i])]
        quotes: list[str] = []
        grams: list[set[str]] = []
        for i in order:
            t = texts[i]
            if not t or not t.strip():  # a text that was only an export's stamp or reply is no quote
                continue
            g = _bigrams(t)
            if any(len(g & h) >= QUOTE_SAME * len(g) for h in grams):  # nothing this one says is new
                continue
            quotes.append(t)
            grams.append(g)
            if len(quotes) == self.n_quotes:
                break
        return quotes
