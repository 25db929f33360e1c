#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Build the shipped sample feed for huisheng (回声).

The feed is fictional: ~2,000 pieces of Chinese user feedback about an invented
bookkeeping app, "青柠记账" (Qingning Bookkeeping), over 60 days
(2026-09-01 .. 2026-10-30, Asia/Shanghai).  Every text is composed at run time
from fragments written by hand for this project.

Outputs (all under data/sample/):
  appstore_reviews.csv  app-store reviews, UTF-8 with BOM, Chinese headers
  community.jsonl       community comments and posts, one JSON object a line
  topics.csv            ground truth (source,id,category,topic); NOT ingested
  README.md             description of the feed, its patterns and counts

Deterministic: a fixed seed, only the stdlib, and no iteration over sets, so
two runs give byte-identical files (whatever PYTHONHASHSEED is).

    python3 scripts/build_sample.py           # build, print a summary, verify
    python3 scripts/build_sample.py --check   # only verify the existing files
"""
from __future__ import annotations

import csv
import json
import math
import random
import re
import sys
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

SEED = 20261005
START = date(2026, 9, 1)
NDAYS = 60
END = START + timedelta(days=NDAYS - 1)          # 2026-10-30
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "sample"

APPSTORE_HEADER = ["编号", "昵称", "评分", "内容", "时间", "版本"]
CATEGORIES = ["bug", "feature_request", "quality_content", "spam", "other"]


def D(m: int, d: int) -> date:
    return date(2026, m, d)


REL_312 = D(9, 15)
REL_320 = D(10, 5)
REL_321 = D(10, 10)


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------
def L(s: str) -> list[str]:
    """One fragment a line; blank lines ignored."""
    return [x.strip() for x in s.strip().splitlines() if x.strip()]


def wchoice(rng: random.Random, pairs):
    total = sum(w for _, w in pairs)
    r = rng.random() * total
    acc = 0.0
    for v, w in pairs:
        acc += w
        if r < acc:
            return v
    return pairs[-1][0]


def maybe(rng: random.Random, p: float, pool):
    if rng.random() < p:
        return pool if isinstance(pool, str) else rng.choice(pool)
    return ""


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    limit = math.exp(-lam)
    k, p = 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def is_emojiish(ch: str) -> bool:
    o = ord(ch)
    return (0x1F000 <= o <= 0x1FAFF) or (0x2600 <= o <= 0x27BF) or o == 0xFE0F or ch == "]"


TERM = "，。！？!?~～….、：:；;)）"


def ends_closed(s: str) -> bool:
    return bool(s) and (s[-1] in TERM or is_emojiish(s[-1]))


SEP_STYLES = [("，", 12), (" ", 2), ("。", 2), (",", 1), ("！", 1)]
END_PUNCT = [("", 6), ("。", 3), ("！", 2), ("!!", 1), ("～", 0.7), ("...", 1),
             ("。。。", 0.4), ("！！！", 0.7), ("?", 0.1)]


def join(rng: random.Random, segs, end: bool = True, sep=None) -> str:
    segs = [s for s in segs if s]
    if not segs:
        return ""
    sep = sep or wchoice(rng, SEP_STYLES)
    out = segs[0]
    for s in segs[1:]:
        if s.startswith("\n"):
            out += s
            continue
        if not ends_closed(out):
            out += sep if rng.random() < 0.85 else wchoice(rng, SEP_STYLES)
        elif out[-1] not in TERM and rng.random() < 0.5:
            out += " "
        out += s
    if end and not ends_closed(out):
        out += wchoice(rng, END_PUNCT)
    return out


EMOJI_NEG = L("""
😡
💢
🙄
😤
🤡
😭
🥲
[流泪]
😠
🤬
😓
[抓狂]
""")
EMOJI_POS = L("""
👍
❤️
🥰
😊
✨
🎉
👏
[赞]
💯
🌟
😄
[玫瑰]
""")
EMOJI_NEU = L("""
🙏
🤔
😅
😂
[捂脸]
🥺
😶
👀
[微笑]
🤷
""")


def emoji(rng: random.Random, mood: str, p: float) -> str:
    if rng.random() >= p:
        return ""
    pool = {"neg": EMOJI_NEG, "pos": EMOJI_POS}.get(mood, EMOJI_NEU)
    e = rng.choice(pool)
    r = rng.random()
    if r < 0.15:
        e = e * 2
    elif r < 0.22:
        e = e * 3
    return e


# --------------------------------------------------------------------------
# realistic noise: typos, traditional characters, half-width punctuation
# --------------------------------------------------------------------------
TYPO_RULES = [
    ("登录", "登陆", 0.45), ("再也", "在也", 0.35), ("再说", "在说", 0.2),
    ("再试", "在试", 0.3), ("怎么", "咋", 0.07), ("什么", "啥", 0.1),
    ("已经", "以经", 0.03), ("账", "帐", 0.06), ("的时候", "得时候", 0.03),
    ("好不好", "好不", 0.05), ("这么", "那么", 0.02), ("一下", "一哈", 0.015),
    ("吗", "嘛", 0.06), ("知道", "知到", 0.03), ("反馈", "反溃", 0.02),
    ("闪退", "闪推", 0.01), ("其他", "其它", 0.2), ("账单", "帐单", 0.08),
]

T2 = {}
for _s, _t in zip(
    "闪记账发这么个们开时间后说还没为会对题问样里点东来吗现实应该让请谢边钱银导单据数丢录码验证页图标换旧级买广贵设预动启溃觉简洁欢经过长几从头无认识总结帐长刷写爱执钟气车买卖见进远运过连里语读谁调这样种么吗报表间户储费险热节约缴额达帮关给觉论壮应团产线乐馈网络业务购辑删键颜设测试离谱坏烦态显项杂缓载灵爱厅红绿蓝压惯续续务态觉缩该该惊亲乐体验领导贴饭层块厉阅读边转诉厂杀择线标资历岁终优惠专联优顺义双万亿齐极现实拥挤宝妈宠钻钟购让户认证",
    "閃記賬發這麼個們開時間後說還沒為會對題問樣裡點東來嗎現實應該讓請謝邊錢銀導單據數丟錄碼驗證頁圖標換舊級買廣貴設預動啟潰覺簡潔歡經過長幾從頭無認識總結帳長刷寫愛執鐘氣車買賣見進遠運過連裡語讀誰調這樣種麼嗎報表間戶儲費險熱節約繳額達幫關給覺論壯應團產線樂饋網絡業務購輯刪鍵顏設測試離譜壞煩態顯項雜緩載靈愛廳紅綠藍壓慣續續務態覺縮該該驚親樂體驗領導貼飯層塊厲閱讀邊轉訴廠殺擇線標資歷歲終優惠專聯優順義雙萬億齊極現實擁擠寶媽寵鑽鐘購讓戶認證"):
    T2[_s] = _t


def to_traditional(s: str) -> str:
    return "".join(T2.get(ch, ch) for ch in s)


def noisify(rng: random.Random, s: str, level: float = 1.0, trad_p: float = 0.05) -> str:
    for a, b, p in TYPO_RULES:
        if a in s and rng.random() < p * level:
            s = s.replace(a, b)
    if rng.random() < 0.18 * level:
        s = s.replace("？", "?")
    if rng.random() < 0.12 * level:
        s = s.replace("！", "!")
    if rng.random() < 0.06 * level and "，" in s:
        s = s.replace("，", " ")
    if rng.random() < trad_p:
        s = to_traditional(s)
    return s


# --------------------------------------------------------------------------
# devices, banks, versions, nicknames
# --------------------------------------------------------------------------
IOS_DEVICES = L("""
iPhone 11
iPhone 12
iPhone 12 mini
iPhone 13
iPhone 13 Pro
iPhone 14
iPhone 14 Pro Max
iPhone 15
iPhone 15 Pro
iPhone 16
iPhone SE3
iPhone XR
iPad Air 5
iPad mini 6
""")
IOS_VERS = L("""
iOS 17.6.1
iOS 17.5
iOS 18.0
iOS 18.0.1
iOS 16.7
iOS 17.7
""")
ANDROID_DEVICES = [
    ("华为Mate 60 Pro", "鸿蒙4.2"), ("华为P60", "HarmonyOS 4.0"), ("华为nova 11", "鸿蒙4.0"),
    ("荣耀Magic6", "MagicOS 8"), ("小米14", "澎湃OS"), ("小米13", "MIUI 14"),
    ("红米K70", "澎湃OS"), ("Redmi Note 12", "MIUI 14"), ("OPPO Find X7", "ColorOS 14"),
    ("OPPO Reno 11", "ColorOS 14"), ("vivo X100", "OriginOS 4"), ("vivo S18", "OriginOS 4"),
    ("一加12", "ColorOS 14"), ("iQOO 12", "OriginOS 4"), ("三星S24", "One UI 6"),
    ("真我GT5", "realme UI 5"),
]
DEVICE_SLANG = L("""
苹果13
水果15pro
14pm
华为mate60
mate60pro
小米14
红米note12
vivo手机
oppo
荣耀
苹果XR老机器
iphone12
ip15
安卓机
鸿蒙系统
""")


def device(rng: random.Random, style: str = "any") -> str:
    r = rng.random()
    if style == "slang" or (style == "any" and r < 0.4):
        return rng.choice(DEVICE_SLANG)
    if rng.random() < 0.55:
        dv, os_ = rng.choice(IOS_DEVICES), rng.choice(IOS_VERS)
    else:
        dv, os_ = rng.choice(ANDROID_DEVICES)
    return wchoice(rng, [(f"{dv}，{os_}", 3), (f"{dv} {os_}", 2), (dv, 3), (f"{dv}（{os_}）", 1)])


BANKS = L("""
招行
招商银行
建行
建设银行
工行
工商银行
农行
中国银行
交通银行
浦发
中信
平安银行
广发
民生银行
兴业
邮储
宁波银行
""")

NICK_A = L("""
柠檬
小鹿
橘子
咸鱼
打工人
月光族
存钱罐
小喵
阿杰
晴天
豆包
芒果
熊猫
小王
老李
椰子
阿花
奶茶
土豆
西瓜
小熊
果冻
青柠
糯米
阿白
大橙子
小番茄
夏天
北北
南风
""")
NICK_B = L("""
不酸
爱记账
今天也要存钱
想暴富
不想上班
在努力
吃土中
的账本
要发财
酱
同学
一号
本人
呀
今天不emo
在减肥
要早睡
""")


def nickname(rng: random.Random, source: str) -> str:
    r = rng.random()
    if source == "appstore" and r < 0.18:
        return wchoice(rng, [(f"用户{rng.randrange(10**7, 10**8)}", 3), ("匿名用户", 1),
                             (f"{rng.choice(NICK_A)}{rng.randrange(100, 9999)}", 2)])
    r = rng.random()
    if r < 0.45:
        return rng.choice(NICK_A) + rng.choice(NICK_B)
    if r < 0.6:
        return f"{rng.choice(NICK_A)}_{rng.randrange(10, 999)}"
    if r < 0.7:
        return f"一只{rng.choice(NICK_A)}"
    if r < 0.78:
        return rng.choice(L("""
Lemon
momo
Kevin
Yuki
Amy
Leo
Coco
Jason
Vivian
Sunny
""")) + rng.choice(["", "_", "."]) + str(rng.randrange(1, 999))
    if r < 0.86:
        return f"{rng.choice(['不想起名字的', '今天也在', '努力存钱的', '爱喝', '会飞的'])}{rng.choice(NICK_A)}"
    if r < 0.93:
        return f"{rng.choice(NICK_A)}{rng.choice(NICK_A)}"
    return f"qn{rng.randrange(1000, 99999)}"


def appstore_version(rng: random.Random, d: date) -> str:
    if d < REL_312:
        return "3.1.0"
    if d < REL_320:
        lag = 0.35 if (d - REL_312).days < 4 else 0.08
        return "3.1.0" if rng.random() < lag else "3.1.2"
    if d < REL_321:
        lag = max(0.05, 0.4 - 0.08 * (d - REL_320).days)
        return "3.1.2" if rng.random() < lag else "3.2.0"
    lag = max(0.04, 0.35 - 0.06 * (d - REL_321).days)
    return "3.2.0" if rng.random() < lag else "3.2.1"


class Ctx:
    """Where and when one item is written."""

    def __init__(self, source: str, kind: str, day: date, version: str):
        self.source = source      # appstore | community
        self.kind = kind          # review | comment | post
        self.day = day
        self.version = version    # the reviewer's app version (appstore) / latest (community)

    @property
    def is_post(self) -> bool:
        return self.kind == "post"

    @property
    def is_review(self) -> bool:
        return self.kind == "review"


def latest_version(d: date) -> str:
    if d < REL_312:
        return "3.1.0"
    if d < REL_320:
        return "3.1.2"
    if d < REL_321:
        return "3.2.0"
    return "3.2.1"
