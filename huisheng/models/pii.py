"""Mask personal data before text leaves the board (exports, hand-offs, cluster labels).

Contact IDs stay visible *inside* the tool because they are the spam signal; they are masked on the way out.

Why not one regex per kind: people write numbers the way they speak them (``138 1234 5678``, ``138.1234.5678``,
``+86 138-1234-5678``, full-width ``１３８…``, ``身份证 110101 19900307 1234``) and spammers write ids to dodge filters
(``薇信``, ``V:``, ``扣扣``, ``li@163。com``). So the text is first mapped, character for character, to a *shadow*
(full-width forms → ASCII, ``。`` → ``.``, a run of seven or more Chinese digits → digits); every finding in the
shadow masks the same span of the original. Digit strings are then cut into groups at single separators (space,
dash, dot) and every run of consecutive groups is judged as a whole by what it is: a mobile number (11 digits,
1[3-9], optional 86), a resident ID (18 digits or 17+X, or 15 digits, with a real birth date), a bank card (16–19
digits passing the Luhn check, or any 12–19 digits after 卡号/银行卡), a landline (0 + area code), or, after a
QQ / phone keyword, any number long enough to be one. Order numbers, dates, versions and prices are left alone:
they fail these tests, and an order/tracking keyword in front of a number vetoes the bank-card and ID readings.
tests/pii_cases.py holds the 300+ strings this is measured on.
"""

from __future__ import annotations

import re
from datetime import date

PHONE, ID_CARD, EMAIL, WECHAT, QQ, BANK_CARD, LANDLINE = (
    "[手机号]", "[身份证]", "[邮箱]", "[微信号]", "[QQ号]", "[银行卡]", "[电话]")

_FULLWIDTH = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({0x3000: " ", 0x3002: ".", 0xFF61: ".", 0x2014: "-", 0x2013: "-", 0x2012: "-", 0x2010: "-",
                   0x2212: "-", 0x00B7: ".", 0x30FB: "."})
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九幺", "001234567891")
_CN_DIGIT_RUN = re.compile(r"[〇零一二三四五六七八九幺](?:\s?[〇零一二三四五六七八九幺]){6,}")

_SEP = r"[ \-.]{1,3}"  # between digit groups: "138 1234 5678", "138-1234-5678", "138.1234.5678", "138 - 1234"
_DIGIT_RUN = re.compile(rf"(?<![A-Za-z0-9_])\+?\d+(?:{_SEP}\d+)*[Xx]?(?![A-Za-z0-9_])")
_GROUP = re.compile(r"\d+[Xx]?")
_LANDLINE_PAREN = re.compile(r"\(\s*0\d{2,3}\s*\)\s*\d{3,4}[ \-]?\d{4}(?!\d)")

_QQ_KEY = re.compile(r"(?i)(?:qq|扣扣|抠抠|蔻蔻|寇寇|口口|企鹅|球球|(?<![a-z])q)\s*(?:号码|号|群号|群|号是|:)?")
_PHONE_KEY = re.compile(r"(?i)(?:电话|手机|座机|热线|号码|联系|致电|拨打|打|tel|phone|call|mobile|短信|私信)")
_CARD_KEY = re.compile(r"(?:卡号|银行卡|储蓄卡|信用卡|借记卡|转账|账号|帐号|收款)")
_NOT_PII_KEY = re.compile(r"(?i)(?:订单|单号|编号|流水|交易号|快递|运单|物流|工单|批次|序列号|版本|build|sn|型号|发票|券码|"
                          r"兑换码|工号|学号|房间|邮编)(?:号码|号|码)?[^\u4e00-\u9fff]{0,3}(?:是|为)?[^\u4e00-\u9fff]{0,3}$")

_ID = r"[a-zA-Z][-_a-zA-Z0-9]{4,19}"
_WECHAT = re.compile(
    r"(?i)(?:微信号?|薇信|威信|维信|徽信|微心|薇心|卫星号|weixin|wechat|v信|vx|wx|加v|加微|\+v|(?<![a-z])v(?=\s*[:：]))"
    rf"\s*(?:号码|号|id|账号)?\s*(?:是|为|:)?\s*({_ID})")
_EMAIL = re.compile(r"(?i)[a-z0-9][a-z0-9._%+-]*\s*(?:@|\[at\]|\(at\))\s*[a-z0-9-]+(?:\s*\.\s*[a-z0-9-]+)*\s*\.\s*[a-z]{2,6}"
                    r"(?![a-z])")


def _shadow(text: str) -> str:
    """Same length as ``text``: full-width forms as ASCII, and long runs of Chinese digits as digits."""
    s = text.translate(_FULLWIDTH)
    return _CN_DIGIT_RUN.sub(lambda m: m.group().translate(_CN_DIGITS), s)


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _real_date(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return 1900 <= y <= date.today().year


def _resident_id(digits: str) -> bool:
    if len(digits) == 18 and digits[:17].isdigit() and (digits[17].isdigit() or digits[17] in "Xx"):
        return digits[0] != "0" and _real_date(int(digits[6:10]), int(digits[10:12]), int(digits[12:14]))
    if len(digits) == 15 and digits.isdigit():
        return digits[0] != "0" and _real_date(1900 + int(digits[6:8]), int(digits[8:10]), int(digits[10:12]))
    return False


def _judge(digits: str, plus: bool, before: str) -> str | None:
    """What a run of digits (separators removed) is, given the few characters in front of it."""
    if _NOT_PII_KEY.search(before):  # "订单号 2026100512345678", "版本 13.8.1234.5678"
        return None
    bare = digits[2:] if digits.startswith("86") and len(digits) == 13 else digits
    if len(bare) == 11 and bare[0] == "1" and bare[1] in "3456789" and bare.isdigit():
        return PHONE
    if not bare.isdigit() and not _resident_id(digits):
        return None
    if _resident_id(digits):
        return ID_CARD
    if 16 <= len(digits) <= 19 and _luhn(digits):
        return BANK_CARD
    if 12 <= len(digits) <= 19 and _CARD_KEY.search(before[-8:]):
        return BANK_CARD
    if digits[:1] == "0" and digits[1:2] != "0" and 10 <= len(digits) <= 12:
        return LANDLINE
    near = before[-10:]
    if 5 <= len(digits) <= 11 and digits[0] != "0" and _QQ_KEY.search(near):
        return QQ
    if 7 <= len(digits) <= 13 and _PHONE_KEY.search(near):
        return LANDLINE
    if plus and 8 <= len(digits) <= 15:
        return PHONE
    return None


def _spans(text: str) -> list[tuple[int, int, str]]:
    shadow = _shadow(text)
    found: list[tuple[int, int, str]] = []
    for m in _EMAIL.finditer(shadow):
        found.append((m.start(), m.end(), EMAIL))
    for m in _WECHAT.finditer(shadow):
        found.append((m.start(1), m.end(1), WECHAT))
    for m in _LANDLINE_PAREN.finditer(shadow):
        found.append((m.start(), m.end(), LANDLINE))
    taken = lambda a, b: any(a < e and s < b for s, e, _k in found)  # noqa: E731
    for m in _DIGIT_RUN.finditer(shadow):
        if taken(m.start(), m.end()):
            continue
        groups = [(g.start() + m.start(), g.end() + m.start()) for g in _GROUP.finditer(m.group())]
        i = 0
        while i < len(groups):
            for j in range(len(groups) - 1, i - 1, -1):
                a, b = groups[i][0], groups[j][1]
                digits = "".join(shadow[s:e] for s, e in groups[i : j + 1])
                plus = i == 0 and m.group().startswith("+")
                kind = _judge(digits, plus, shadow[max(0, a - 12) : a - (1 if plus else 0)])
                if kind:
                    found.append((a - (1 if plus else 0), b, kind))
                    i = j
                    break
            i += 1
    return sorted(found)


def mask_pii(text: str) -> str:
    if not text:
        return text
    out, last = [], 0
    for start, end, kind in _spans(text):
        if start < last:
            continue
        out.append(text[last:start])
        out.append(kind)
        last = end
    out.append(text[last:])
    return "".join(out)


# an account-like handle: letters and digits (or an underscore) mixed, as spammers' contact ids are
_HANDLE = re.compile(r"(?<![A-Za-z0-9_])(?=[A-Za-z0-9_-]*[A-Za-z]{3})(?=[A-Za-z0-9_-]*(?:\d{2}|_|-\d))[A-Za-z][A-Za-z0-9_-]{5,19}"
                     r"(?![A-Za-z0-9_])")


def mask_label(text: str) -> str:
    """``mask_pii`` for cluster labels and keywords, plus bare account-like handles (``luckygirl88``,
    ``gex_qpvu73``). A word that is a cluster's label or keyword is shared by many of its members: in feedback
    that is a contact id being pushed (no keyword needed). Product models (``mate60``) are masked too: a label
    loses little by that, a leaked contact id cannot be taken back."""
    masked = mask_pii(text)
    return _HANDLE.sub(WECHAT, _shadow_keep(masked)) if masked else masked


def _shadow_keep(text: str) -> str:
    """Full-width letters/digits as ASCII (labels are short: no span bookkeeping needed)."""
    return text.translate({c: chr(c - 0xFEE0) for c in range(0xFF10, 0xFF5B)})


def find_pii(text: str) -> list[str]:
    """Kinds of PII present, for tests and the export preview."""
    return sorted({kind for _s, _e, kind in _spans(text or "")})
