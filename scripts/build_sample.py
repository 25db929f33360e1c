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


for _s, _t in zip("复乱机习坚财计划区评响错误换闭败终够却钮弹赶紧状况虽试验缘总",
                  "復亂機習堅財計劃區評響錯誤換閉敗終夠卻鈕彈趕緊狀況雖試驗緣總"):
    T2[_s] = _t


def R(rng: random.Random, s: str) -> str:
    """Fill {dev} {dev_s} {bank} {n} {ver} placeholders."""
    if "{" not in s:
        return s
    return (s.replace("{dev}", device(rng)).replace("{dev_s}", device(rng, "slang"))
             .replace("{bank}", rng.choice(BANKS)).replace("{n}", str(rng.randrange(2, 9))))


def pickr(rng: random.Random, pool) -> str:
    return R(rng, rng.choice(pool))


def rating_from(rng: random.Random, dist) -> int:
    return wchoice(rng, list(zip([1, 2, 3, 4, 5], dist)))


def bug_post(rng, ctx, titles, problem, extra_lines=(), ver=None):
    """A structured bug report post: title + 机型/系统/版本 + 问题 + 补充."""
    title = pickr(rng, titles)
    if rng.random() < 0.55:
        if rng.random() < 0.55:
            dv, os_ = rng.choice(IOS_DEVICES), rng.choice(IOS_VERS)
        else:
            dv, os_ = rng.choice(ANDROID_DEVICES)
        ver = ver or ctx.version
        head = wchoice(rng, [
            (f"机型：{dv}\n系统：{os_}\n版本：{ver}", 3),
            (f"手机：{dv}  系统{os_}  app版本{ver}", 2),
            (f"【机型】{dv}\n【系统】{os_}\n【版本】v{ver}", 2),
        ])
        body = head + "\n\n" + wchoice(rng, [("问题：", 2), ("问题描述：", 1), ("", 2)]) + problem
    else:
        body = problem
    extras = [pickr(rng, extra_lines)] if extra_lines and rng.random() < 0.7 else []
    if extras:
        body += "\n\n" + extras[0]
    if rng.random() < 0.5:
        body += "\n\n" + rng.choice(L("""
麻烦官方看一下，谢谢。
有同样问题的朋友可以在下面留个机型，方便官方定位。
已经在app里提交过反馈了，这里再发一次。
希望尽快修复。
急，在线等。
顶上去让官方看到！
"""))
    return title, body


# --------------------------------------------------------------------------
# BUG: crash after v3.2.0 (the spike)
# --------------------------------------------------------------------------
CRASH_OPEN = L("""
更新完
刚更新到3.2.0
升级到v3.2.0之后
今天自动更新了，然后
更新了新版本以后
手贱点了更新，现在
昨晚更新的3.2.0，今天
一觉醒来app自动更新了，
3.2.0这个版本
新版本
更新3.2后
升级完最新版
v3.2.0
今天刚更新，
看到有新版本就更新了，结果
这次更新之后
更新到3.2.0以后
更新了个3.2.0，
自从更新了v3.2.0，
3.2.0版本
新版3.2.0
""")
CRASH_OPEN_DAY0 = L("""
早上刚更新，
中午看到有更新就点了，结果
今天推送的新版本，
刚刚更新完
""")
CRASH_OPEN_FIX = L("""
更新了3.2.1还是
说是修复了，3.2.1照样
3.2.1修复版也没用，
官方说修好了，我这里
都出修复版了还是
升到3.2.1了，
""")
CRASH_OPEN_LATE = L("""
一直没敢更新，今天手滑点了3.2.0，
拖了几天才更新，结果
""")
CRASH_SYM = L("""
打开就闪退
直接闪退
一打开就闪退
一点开就闪退，根本进不去
启动白屏，过几秒就退出了
一点记一笔就崩溃
点记一笔直接崩了
点加号就闪退
打开就是白屏，什么都没有
卡在启动页不动，然后闪退
一直闪退，进都进不去
一打开就黑屏然后闪退
点图标闪一下就没了
记账页面一打开就崩
输入金额点保存的时候崩溃
切到报表就闪退
启动白屏
打开转圈圈然后直接退出
闪退闪退闪退
秒退
打不开了
一记账就崩溃
点开就崩
进去两秒就闪退
首页都看不到就退出了
每次点“记一笔”都会崩
logo闪一下就回桌面了
白屏十几秒然后闪退
点记一笔没反应，再点就崩了
打开app直接卡死
开屏页之后就白屏
""")
CRASH_TRY = L("""
重启手机也没用
卸载重装也不行
清了缓存还是一样
不敢卸载重装，怕数据没了
试了好几次都一样
关机重启三次了
换了wifi和流量都一样
删了重装还是白屏
后台杀掉再开也一样
把手机系统也升级了，没用
""")
CRASH_IMPACT = L("""
今天的账都没法记了
这个月的账还没对完
早上买菜的钱都记不了
我还等着记今天的报销
好几笔账要补
每天打卡记账的习惯断了
连续记账三百多天断了
晚上要跟老婆对账，现在打不开
月底了要做月结，关键时候掉链子
出去玩的花销全靠它记，现在只能先记备忘录
""")
CRASH_ANGER = L("""
你们测试都不测的吗
发版前自己用过吗？
能不能靠谱点
赶紧修！！
求求了快修复吧
用了几年第一次这么离谱
心态崩了
垃圾更新
建议开发回炉重造
这也能上线？
你们是拿用户当测试员吗
无语
服了
什么鬼
离大谱
太坑了
气死了
麻烦尽快修一下
""")
CRASH_SARC = L("""
更新完直接闪退，真是太感谢了
这就是所谓的“全新体验”？确实全新，全新的闪退体验
感谢新版本让我省了记账时间，因为根本打不开
恭喜你们，成功让我一天没记账
不愧是大版本更新，连门都不让进了
厉害了，记账app变成了桌面装饰品
新功能是“一键退出”吗
这下真的不用记账了，谢谢啊
""")
CRASH_ASK = L("""
有没有人一样？
是我一个人这样吗
大家也这样吗
怎么回退版本啊
有没有办法先导出数据
什么时候修？
官方出来说句话
客服说在处理，处理了个寂寞
""")
CRASH_STARS = L("""
给一星不过分吧
先一星，修好了再改
一星警告
之前一直五星的，这次真的忍不了
""")
CRASH_PLUS = L("""
+1
同
我也是
一样
楼上+1
同样的问题
我也是，
遇到同样问题
一模一样
我也闪退了
加一
同闪退
我也一样
""")
CRASH_TITLES = L("""
【反馈】3.2.0更新后闪退
3.2.0打开就闪退！！
更新后白屏进不去
【BUG】点记一笔必崩
新版本闪退，有人一样吗
v3.2.0闪退汇总，请官方看一下
更新完app打不开了
救命，更新完进不去了
""")
CRASH_TITLES_FIX = L("""
3.2.1还是闪退
修复版依然白屏
【反馈】更新3.2.1后仍然崩溃
""")


def gen_crash_v320(rng, ctx):
    d = ctx.day
    fixed = d >= REL_321
    if fixed and rng.random() < 0.55:
        op = rng.choice(CRASH_OPEN_FIX)
    elif d == REL_320 and rng.random() < 0.35:
        op = rng.choice(CRASH_OPEN_DAY0)
    elif d > REL_320 + timedelta(days=3) and rng.random() < 0.25:
        op = rng.choice(CRASH_OPEN_LATE)
    else:
        op = rng.choice(CRASH_OPEN)
    core = op + rng.choice(CRASH_SYM)
    if "3.2" not in core and rng.random() < 0.45:
        core += rng.choice(["（v3.2.0）", "，版本3.2.0", "，3.2.0版本", " v3.2.0"])
    rating = rating_from(rng, [0.72, 0.16, 0.07, 0.03, 0.02])
    ver = "3.2.1" if ("3.2.1" in core or "修复版" in core or "修好了" in core) else "3.2.0"
    if ctx.is_post:
        problem = join(rng, [core, maybe(rng, 0.7, CRASH_TRY), maybe(rng, 0.5, CRASH_IMPACT),
                             maybe(rng, 0.4, CRASH_ASK)])
        title, body = bug_post(rng, ctx, CRASH_TITLES_FIX if fixed else CRASH_TITLES, problem, L("""
补充：不点记一笔的话能看首页，一点就崩。
补充：关掉自动记账之后好像能进去了，大家可以试试。
补充：iPad上也是一样。
补充：老婆的手机没更新，是正常的。
补充：看了一下，存储空间是够的，不是空间的问题。
"""), ver=ver)
        return dict(text=noisify(rng, body, 0.4), title=title)
    if ctx.source == "community" and rng.random() < 0.5:
        segs = [rng.choice(CRASH_PLUS), maybe(rng, 0.75, [rng.choice(CRASH_SYM)]),
                maybe(rng, 0.5, [device(rng)]), maybe(rng, 0.3, CRASH_ASK + CRASH_ANGER)]
        text = join(rng, segs) + emoji(rng, "neg", 0.3)
        return dict(text=noisify(rng, text))
    r = rng.random()
    if r < 0.12:      # a long, angry review with line breaks
        parts = [core, rng.choice(CRASH_TRY), rng.choice(CRASH_IMPACT)]
        p2 = [rng.choice(CRASH_SARC), rng.choice(CRASH_ANGER)]
        text = join(rng, parts) + "\n" + join(rng, p2) + "\n" + join(rng, [
            f"机型{device(rng)}", maybe(rng, 0.6, CRASH_STARS)])
    else:
        segs = [core]
        if rng.random() < 0.5:
            segs.append(rng.choice(CRASH_TRY))
        if rng.random() < 0.35:
            segs.append(rng.choice(CRASH_IMPACT))
        if rng.random() < 0.3:
            segs.append(device(rng))
        tail = wchoice(rng, [(CRASH_ANGER, 4), (CRASH_SARC, 2), (CRASH_ASK, 2), (CRASH_STARS, 1), ([""], 2)])
        segs.append(rng.choice(tail))
        if rng.random() < 0.2:
            segs = [rng.choice(CRASH_SARC)] + segs[1:] if rng.random() < 0.4 else segs
        text = join(rng, segs) + emoji(rng, "neg", 0.35)
    if rating >= 4:
        text += rng.choice(["（五星是给以前的）", " 以前的体验是五星的，这版真不行", "，不过以前确实好用，所以不给差评"])
    return dict(text=noisify(rng, text), rating=rating, version=ver)


# --------------------------------------------------------------------------
# BUG: background crashes (not tied to v3.2.0)
# --------------------------------------------------------------------------
MCRASH_WHEN = L("""
导入账单的时候
切到后台再回来
iPad分屏的时候
编辑分类的时候
看年度报表的时候
搜索备注的时候
拍照记账的时候
同步的时候
删除一笔记录的时候
改账户余额的时候
用语音记账的时候
从通知栏点进来
横屏看报表
""")
MCRASH_WHAT = L("""
闪退了一下
崩了
偶尔会闪退
闪退了两次
直接退出了
会卡住然后闪退
经常闪退
""")
MCRASH_TAIL = L("""
不影响使用
重新打开就好了
希望修复一下
小问题，但挺烦的
不是每次都有，但挺频繁
麻烦看看
其他都好
""")


def gen_crash_misc(rng, ctx):
    segs = [rng.choice(MCRASH_WHEN) + rng.choice(MCRASH_WHAT), maybe(rng, 0.4, [device(rng)]),
            maybe(rng, 0.7, MCRASH_TAIL)]
    if rng.random() < 0.3:
        segs.insert(0, rng.choice(["用着挺好的", "小bug反馈", "提个问题", f"版本{ctx.version}"]))
    text = join(rng, segs)
    if ctx.is_post:
        title, body = bug_post(rng, ctx, L("""
偶发闪退反馈
【反馈】一个闪退问题
小bug：某些操作会闪退
"""), text)
        return dict(text=noisify(rng, body, 0.4), title=title)
    return dict(text=noisify(rng, text), rating=rating_from(rng, [0.1, 0.2, 0.35, 0.25, 0.1]))


# --------------------------------------------------------------------------
# BUG: SMS verification code never arrives
# --------------------------------------------------------------------------
SMS_CTX = L("""
换新手机了想登录
换了手机想把数据同步过来
卸载重装之后要重新登录
退出登录以后
想登录同步数据
新用户注册
刚换了号码
之前一直用的好好的，今天突然被退出登录了
用移动卡
联通的号
电信的号
用的是虚拟运营商的号
双卡手机
人在国外，用的国内号
""")
SMS_CORE = L("""
收不到验证码
短信验证码一直收不到
验证码发了好几次都没收到
点获取验证码没反应
倒计时完了也没有短信
验证码要等十几分钟才到，早过期了
提示验证码已发送，但是手机啥也没收到
一直提示“发送过于频繁”，但一条短信都没收到
验证码死活收不到
等了半小时验证码都没来
收到验证码输进去提示已失效
短信验证码显示发送成功，实际没有
""")
SMS_TRY = L("""
垃圾短信拦截里也看了，没有
重启了也没用
换了网络也不行
试了一下午
问了运营商说没被拦截
别的app验证码都能收到
等了一晚上
""")
SMS_ASK = L("""
有没有别的登录方式
能不能加个微信登录
客服电话也打不通
数据都在里面，急
这样我的账怎么办
请问怎么解决
官方能不能给个说法
进不去等于白记了三年
""")


def gen_sms(rng, ctx):
    segs = [maybe(rng, 0.6, SMS_CTX), rng.choice(SMS_CORE), maybe(rng, 0.45, SMS_TRY),
            maybe(rng, 0.55, SMS_ASK)]
    text = join(rng, segs) + emoji(rng, "neg", 0.2)
    if ctx.is_post:
        title, body = bug_post(rng, ctx, L("""
收不到验证码，登录不了
【求助】验证码一直收不到
换手机后收不到短信验证码，数据还在里面！
验证码收不到有人遇到吗
"""), text)
        return dict(text=noisify(rng, body, 0.4), title=title)
    return dict(text=noisify(rng, text), rating=rating_from(rng, [0.55, 0.25, 0.12, 0.05, 0.03]))


# --------------------------------------------------------------------------
# BUG: bank card sync / bill import fails (bump after v3.1.2)
# --------------------------------------------------------------------------
BANK_CORE = L("""
{bank}的卡同步不了
绑定的{bank}信用卡一直显示同步失败
{bank}账单导入失败
导入{bank}的账单提示“文件格式不支持”
{bank}授权过期，重新授权也一直转圈
{bank}储蓄卡同步显示网络异常
自动记账识别不了{bank}的短信
邮箱导入{bank}信用卡账单一直转圈
银行卡同步失败
账单导入失败
支付宝账单导入失败，提示解析错误
微信账单导入以后金额全是0
导入的账单重复了好几笔
同步到一半就卡住了
银行卡同步一直显示“正在同步”
导入账单后分类全乱了
信用卡账单同步显示“服务繁忙，请稍后再试”
账单导入报错E1023
支付宝账单只导进来一半
""")
BANK_V312 = L("""
更新3.1.2之后
升级新版本后
这次更新完
自从更新了3.1.2，
3.1.2版本
""")
BANK_DETAIL = L("""
以前好好的
试了十几次
换了电脑导出的文件也一样
删掉重新绑定也不行
其他银行的卡是正常的
只有这一张卡有问题
自动记账就是冲着这个功能买的会员
""")
BANK_TAIL = L("""
麻烦看一下
希望尽快修复
现在只能手动一笔一笔记
这功能到底能不能用
会员白开了
""")


def gen_bank(rng, ctx):
    d = ctx.day
    bump = REL_312 <= d <= REL_312 + timedelta(days=6)
    segs = []
    core = pickr(rng, BANK_CORE)
    if bump and rng.random() < 0.75:
        core = rng.choice(BANK_V312) + core
    segs.append(core)
    segs += [maybe(rng, 0.45, BANK_DETAIL), maybe(rng, 0.5, BANK_TAIL)]
    if rng.random() < 0.15:
        segs.insert(0, rng.choice(["提个bug", "反馈", "用了一年多了", "会员用户"]))
    text = join(rng, segs) + emoji(rng, "neg", 0.15)
    if ctx.is_post:
        title, body = bug_post(rng, ctx, L("""
银行卡同步失败
【反馈】账单导入失败
{bank}账单导入不了，求助
自动同步是不是坏了？
"""), text)
        return dict(text=noisify(rng, body, 0.4), title=R(rng, title))
    return dict(text=noisify(rng, text), rating=rating_from(rng, [0.35, 0.3, 0.2, 0.1, 0.05]))


# --------------------------------------------------------------------------
# BUG: data loss
# --------------------------------------------------------------------------
LOSS_CORE = L("""
数据全没了
昨天记的几笔账不见了
换手机后记录全没了，明明开了云同步
上个月的账单记录消失了
同步之后有一部分记录没了
分类全部变成了“其他”
设置好的预算没了
账户余额全变成0了
九月份的记录只剩一半
重新登录以后什么都没有了
备注全部消失了
前天补记的账今天找不到了
""")
LOSS_EMO = L("""
记了三年的账啊
心态崩了
谁能告诉我怎么找回来
有没有办法恢复
这谁受得了
欲哭无泪
以后不敢只存在这里了
客服让我等，等了三天了
""")


def gen_data_loss(rng, ctx):
    text = join(rng, [maybe(rng, 0.3, ["突然", "今天打开发现", "莫名其妙", "一觉醒来"]) + rng.choice(LOSS_CORE),
                      maybe(rng, 0.35, [device(rng)]), rng.choice(LOSS_EMO)]) + emoji(rng, "neg", 0.4)
    if ctx.is_post:
        title, body = bug_post(rng, ctx, L("""
数据丢失！求助！
记录突然消失了
【紧急】账单数据没了
"""), text)
        return dict(text=noisify(rng, body, 0.4), title=title)
    return dict(text=noisify(rng, text), rating=rating_from(rng, [0.7, 0.2, 0.07, 0.02, 0.01]))


# --------------------------------------------------------------------------
# BUG: long tail of one-off bugs (topic "none")
# --------------------------------------------------------------------------
BUG_MISC = L("""
报表饼图的颜色和图例对不上
日期选择器有时候会跳到1970年
键盘会挡住备注输入框
iPad横屏显示不全，右边被切掉了
周报推送的时间不对，半夜两点推
分类图标错位了
备注里带emoji就搜不到
外币记账汇率和实际差挺多
金额输入0.1+0.2显示0.30000000000000004，哈哈哈
分享出去的月报图片是空白的
删除的记录在回收站里找不到
切换到英文系统后有些地方还是乱码
大字体模式下金额显示不全
年度报表里十二月的数据算到明年去了
夜里十二点前记的账被算到第二天了
转账记录在报表里被算成了支出
搜索结果点进去是另一条记录
通知栏快速记账按钮点了没反应
Face ID解锁偶尔失效，要输密码
首页的本月支出和报表里的数字不一样
同一个分类出现了两次
左滑删除有时候删错了行
信用卡还款日提醒没有推送
附件图片加载不出来
月初第一天预算显示的还是上个月的
""")
BUG_MISC_PRE = L("""
发现一个小bug：
反馈个问题，
小问题：
不知道算不算bug，
提个bug，
用着发现
""")
BUG_MISC_TAIL = L("""
麻烦修一下
希望下个版本改一下
强迫症看着难受
不影响使用但是挺别扭
{dev}
其他都挺好
""")


def gen_bug_misc(rng, ctx):
    text = join(rng, [maybe(rng, 0.5, BUG_MISC_PRE), rng.choice(BUG_MISC), maybe(rng, 0.5, BUG_MISC_TAIL)])
    text = R(rng, text) + emoji(rng, "neu", 0.2)
    if ctx.is_post:
        title, body = bug_post(rng, ctx, L("""
反馈几个小问题
【BUG】一个小问题
发现一个bug
"""), text)
        return dict(text=noisify(rng, body, 0.4), title=title)
    return dict(text=noisify(rng, text), rating=rating_from(rng, [0.05, 0.15, 0.4, 0.3, 0.1]))
