"""Text normalisation for Chinese user feedback.

Comments arrive with full-width letters, traditional characters, zero-width junk and links. Everything downstream
(dedupe, classifier, clustering) sees one canonical form, so 「閃退ＡＰＰ」 and 「闪退app」 count as the same words.
URLs, @mentions and emoji are *kept* as placeholder tokens: they are strong spam and tone signals.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

URL_RE = re.compile(r"(?:https?://|www\.)[^\s\u3000，。！？、）)\]】>\"']+|\b[a-z0-9-]+\.(?:com|cn|net|org|top|xyz|vip|cc)\b[^\s，。]*", re.I)
MENTION_RE = re.compile(r"@[\w\u4e00-\u9fff\-]{1,30}")
EMOJI_RE = re.compile(
    "[\U0001F000-\U0001FAFF\U00002600-\U000027BF\U0001F900-\U0001F9FF\u2B50\u2B55\u203C\u2049\u3030\u303D\u3297\u3299]"
)
ZERO_WIDTH_RE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
SPACE_RE = re.compile(r"\s+")
# what review-ranking sites add to an App Store export: the developer's reply after a separator line, a "removed by
# Apple" stamp, and separator lines of dashes. None of it is the user's voice: left in, one boilerplate reply (with
# its support QQ group number) made 74 unrelated 米家 bug reports one cluster and looked like a contact id to spam cues.
DEVELOPER_REPLY_RE = re.compile(r"(?:[-—_=－]{4,}\s*|(?:^|\n)\s*)开发者回复\s*[:：].*", re.S)
EXPORT_NOISE_RE = re.compile(r"[(（]该条评论已经?被删除[)）]|[-—_=－]{4,}")
# quotes also drop the traditional-script forms; normalize() keeps its rules as they were, since the content hash
# (and so the id of an id-less row) of every stored text depends on them
_REPLY_ANY_SCRIPT_RE = re.compile(r"(?:[-—_=－]{4,}\s*|(?:^|\n)\s*)(?:开发者回复|開發者回[覆复])\s*[:：].*", re.S)
_NOISE_ANY_SCRIPT_RE = re.compile(r"[(（](?:该条评论已经?被删除|該條評論已經?被刪除)[)）]|[-—_=－]{4,}")

# words of anger and pleas that any complaint carries (垃圾, 差评, 怎么回事, 尽快修复…): they name no ticket, yet two rants
# about different faults share them in both the embedding and the batch's word/character TF-IDF. Batch CLI option
# (``cluster_batch_drop_venting``, measured in bench/bench_batch_topics.py --variants); never a cluster label word.
# Here with the other text patterns, so the labeler (and the board through it) need not import the vectoriser.
VENTING_RE = re.compile(
    r"垃圾软件|垃圾|差评|破玩意|什么玩意|什么鬼|辣鸡|无语|醉了|服了|呵呵|坑爹|太差|差劲|一星|负分|吐槽|傻逼|\bsb\b|卧槽|搞什么|"
    r"怎么回事|什么情况|为什么|怎么搞的|求解决|尽快|请修复|修复一下|能不能|有没有人|太烂|烂")


def join_title(title: str | None, text: str) -> str:
    """A review as it was written: its title, then its text (the classifier reads it so, quotes show it so)."""
    return f"{title}\n{text}" if title else text


URL_TOKEN = " URL "
MENTION_TOKEN = " MENTION "
EMOJI_TOKEN = " EMOJI "


@lru_cache(maxsize=1)
def _t2s():
    from opencc_purepy import OpenCC

    return OpenCC("t2s")


def to_halfwidth(text: str) -> str:
    """Full-width ASCII (Ａ１！) → half-width; Chinese punctuation (，。) is left alone."""
    out = []
    for ch in text:
        code = ord(ch)
        if code == 0x3000:
            out.append(" ")
        elif 0xFF01 <= code <= 0xFF5E and not ch in "，。！？；：（）":
            out.append(chr(code - 0xFEE0))
        else:
            out.append(ch)
    return "".join(out)


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def user_voice(text: str) -> str:
    """The text as the user wrote it, without what an export site added (the developer's reply, the removed stamp,
    separator lines) and invisible characters: what a quote on the board or in a ticket shows. Script, case and
    line breaks are kept; runs of spaces left where something was cut become one."""
    text = ZERO_WIDTH_RE.sub("", text or "")
    text = _NOISE_ANY_SCRIPT_RE.sub(" ", _REPLY_ANY_SCRIPT_RE.sub("", text))
    return re.sub(r"[ \t\u3000]{2,}", " ", text).strip()


def normalize(text: str, *, keep_emoji: bool = True) -> str:
    """Canonical form used for hashing, features and clustering. Idempotent: normalize(normalize(x)) == normalize(x)."""
    text = unicodedata.normalize("NFC", text or "")
    text = ZERO_WIDTH_RE.sub("", text)
    text = DEVELOPER_REPLY_RE.sub(" ", text)
    text = EXPORT_NOISE_RE.sub(" ", text)
    text = to_halfwidth(text)
    text = to_simplified(text)
    text = text.lower()
    text = URL_RE.sub(URL_TOKEN, text)
    text = MENTION_RE.sub(MENTION_TOKEN, text)
    text = EMOJI_RE.sub(EMOJI_TOKEN if keep_emoji else " ", text)
    # collapse runs of the same placeholder/punctuation (「！！！！」 carries tone, not 4x information)
    text = re.sub(r"([!?！？。~～.])\1{2,}", r"\1\1", text)
    return SPACE_RE.sub(" ", text).strip()


def content_hash(text: str) -> str:
    """Stable key for de-duplication: two texts that normalise alike are the same content."""
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:32]
