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
T2_PAIRS = "闪閃记記账賬发發这這么麼个個们們开開时時间間后後说說还還没沒为為会會对對题題问問样樣里裡点點东東来來吗嗎现現实實应應该該让讓请請谢謝边邊钱錢银銀导導单單据據数數丢丟录錄码碼验驗证證页頁图圖标標换換旧舊级級买買广廣贵貴设設预預动動启啟溃潰觉覺简簡洁潔欢歡经經过過长長几幾从從头頭无無认認识識总總结結帐帳写寫爱愛执執钟鐘气氣车車卖賣见見进進远遠运運连連语語读讀谁誰调調种種报報户戶储儲费費险險热熱节節约約缴繳额額达達帮幫关關给給论論团團产產线線乐樂馈饋网網络絡业業务務购購辑輯删刪键鍵颜顏测測试試离離谱譜坏壞烦煩态態显顯项項杂雜缓緩载載灵靈红紅绿綠蓝藍压壓惯慣续續缩縮惊驚亲親体體领領贴貼饭飯层層块塊厉厲阅閱转轉诉訴厂廠杀殺择擇资資历歷岁歲终終优優专專联聯顺順义義双雙万萬亿億齐齊极極拥擁挤擠宝寶妈媽宠寵钻鑽复復乱亂机機习習坚堅财財计計划劃区區评評响響错錯误誤闭閉败敗够夠却卻钮鈕弹彈赶趕紧緊状狀况況虽雖缘緣两兩员員编編独獨别別号號处處于於与與并並当當众眾伤傷传傳华華协協卫衛变變场場声聲备備夺奪妇婦学學宁寧将將张張强強归歸恶惡战戰扩擴扫掃护護挂掛摆擺时時晓曉暂暫术術权權条條构構档檔检檢楼樓汇匯决決满滿灯燈爷爺犹猶电電画畫监監盘盤础礎种種积積称稱笔筆类類练練组組细細织織绑綁统統继繼维維综綜职職肤膚脑腦获獲营營虑慮补補装裝观觀规規视視览覽订訂议議讲講许許访訪词詞话話询詢详詳课課谈談负負货貨质質赚賺软軟轻輕较較迟遲选選递遞门門闹鬧闻聞队隊阶階际際陆陸随隨难難顶頂须須频頻风風马馬鸟鳥黄黃龄齡签簽币幣贷貸债債云雲厌厭恋戀饿餓馆館鸡雞鱼魚虾蝦汤湯猪豬买買卖賣软軟硬硬级級纸紙盖蓋爸爸妈媽儿兒孙孫邮郵递遞闲閒钥鑰锁鎖屏屏"
for _k in range(0, len(T2_PAIRS), 2):
    T2[T2_PAIRS[_k]] = T2_PAIRS[_k + 1]


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


# --------------------------------------------------------------------------
# FEATURE REQUESTS
# --------------------------------------------------------------------------
FEAT_PRE = L("""
用了两年了
提个建议
小建议：
整体很好用
作为老用户
其他都挺好的
许愿：
希望官方看到
每天都在用
会员用户说一句
刚从别的记账app转过来
记账体验很好
功能没得挑
""")
FEAT_BUT = ["就是", "唯一的遗憾是", "但是", "只有一个小要求：", "美中不足的是", "不过", ""]
FEAT_CLOSE = L("""
谢谢
期待
加油
感谢开发者
拜托了
有了就完美了
会员愿意多付钱
先给四星，加了就五星
有了立刻五星
求求了🙏
等更新
再不加我就去用别的了
这个需求应该不难吧
""")
FEAT_REPLY = L("""
+1
顶
同求
附议
支持
我也想要
楼上说的对
顶一下让官方看到
加一
同意
""")
POST_PRE = ["先说下我的情况：", "说一个困扰我很久的事。", "背景：", "老用户了，", "",
            "用了快两年，一直有个想法。", "不知道有没有人和我一样，"]
FEAT_POST_TAIL = L("""
不知道大家有没有同样的需求，有的话在下面顶一下。
希望产品经理能看到，谢谢！
提过反馈了，这里再说一遍。
有同样想法的朋友请点个赞，让官方知道这个需求的人多。
以上，纯个人建议。
""")


def feature_text(rng, ctx, req, reason, extra=(), reply_p=0.3, replies=FEAT_REPLY):
    r = rng.random()
    if ctx.source == "community" and not ctx.is_post and r < reply_p:
        segs = [rng.choice(replies), pickr(rng, req), maybe(rng, 0.35, reason)]
        return join(rng, segs) + emoji(rng, "neu", 0.15)
    r = rng.random()
    if r < 0.22:
        segs = [pickr(rng, req), maybe(rng, 0.35, FEAT_CLOSE)]
    elif r < 0.5:
        segs = [pickr(rng, reason), pickr(rng, req), maybe(rng, 0.3, FEAT_CLOSE)]
    elif r < 0.78:
        pre = rng.choice(FEAT_PRE)
        mid = rng.choice(FEAT_BUT) + pickr(rng, reason) if rng.random() < 0.5 else ""
        segs = [pre, mid, pickr(rng, req), maybe(rng, 0.35, extra), maybe(rng, 0.4, FEAT_CLOSE)]
    else:
        segs = [pickr(rng, req), pickr(rng, reason), maybe(rng, 0.6, extra), maybe(rng, 0.5, FEAT_CLOSE)]
    return join(rng, segs) + emoji(rng, "neu", 0.18)


def feature_post(rng, ctx, titles, req, reason, extra=()):
    title = pickr(rng, titles)
    p1 = join(rng, [rng.choice(POST_PRE), pickr(rng, reason)])
    p2 = join(rng, [pickr(rng, req), maybe(rng, 0.5, extra)])
    paras = [p1, p2]
    if extra and rng.random() < 0.5:
        ex = [R(rng, x) for x in rng.sample(list(extra), min(3, len(extra)))]
        style = rng.choice(["{i}. ", "{i}、", "- "])
        paras.append("具体想法：\n" + "\n".join(style.format(i=i + 1) + x for i, x in enumerate(ex)))
    paras.append(rng.choice(FEAT_POST_TAIL))
    return dict(title=title, text=noisify(rng, "\n\n".join(paras), 0.4))


def make_feature(req, reason, titles, extra=(), rating=(0.02, 0.05, 0.3, 0.4, 0.23), reply_p=0.3):
    def gen(rng, ctx):
        if ctx.is_post:
            return feature_post(rng, ctx, titles, req, reason, extra)
        text = feature_text(rng, ctx, req, reason, extra, reply_p)
        return dict(text=noisify(rng, text), rating=rating_from(rng, rating))
    return gen


# ---- dark mode: steady demand, many phrasings ----------------------------
DM_REQ = L("""
希望出个夜间模式
能不能加个深色模式
求暗黑模式
黑色主题什么时候上
什么时候支持深色模式啊
建议增加夜间模式
可以出一个暗色主题吗
求求加个dark mode
有没有夜间模式？找了半天没找到
深色模式安排一下呗
跪求黑夜模式
能不能跟随系统切换深色
希望能适配系统的深色外观
加个护眼的暗色皮肤吧
主题里能不能多一个黑色的
夜间模式提了多久了还没有
出个纯黑主题吧
系统都开了深色，就你们app还是白的
能把背景做成黑的吗
白色背景晚上太亮了，有没有办法调暗
麻烦适配一下暗黑模式
Dark Mode什么时候有
皮肤里加个深色的吧
啥时候能有黑夜模式
能不能做个晚上用的暗色界面
求一个不刺眼的主题
夜间模式呢？？
有生之年能等到深色模式吗
深色模式，深色模式，深色模式，重要的事情说三遍
希望支持夜间主题
能出个黑底白字的模式吗
暗黑模式真的很需要
求适配iOS深色模式
能不能搞个夜间版
""")
DM_REASON = L("""
晚上记账太刺眼了
睡前躺床上记账，一打开白花花一片
半夜记账亮得跟手电筒一样
关了灯打开简直闪瞎眼
亮度调到最低还是刺眼
其他app基本都有深色了
我习惯睡前记一天的账
老婆睡着了我打开记账，整个屋子都亮了
手机是全局深色，就这个app白得突兀
眼睛干涩，白底看久了难受
OLED屏白底太费电
每次晚上记账都要先把亮度拉到最低
宿舍熄灯后记账会晃到室友
上夜班的人伤不起
近视加散光，晚上看白屏特别难受
从深色的微信切过来，眼睛要适应半天
晚上十一点记账，白光直冲天灵盖
孩子睡了开灯不方便，只能摸黑记账
""")
DM_EXTRA = L("""
给你们提过好几次了
社区里好多人都在说
哪怕做个简单版也行
可以先把记账页面做成深色
报表页面也要适配哦
我愿意为这个单独付费
最好能定时切换
跟随系统就行，不用单独开关
图表的颜色在深色下也要调一下
除了这个没别的毛病
会员我都开了
纯黑背景在OLED上最省电
""")
DM_V32 = L("""
新版本还是没有深色模式，失望
3.2.0更新了一堆，夜间模式还是没有
大版本更新还以为有深色模式了，结果没有
更新日志翻了三遍也没看到夜间模式
换了图标都不加个深色模式
""")
DM_REPLY = L("""
+1 求夜间模式
顶，深色模式
楼主说的夜间模式我也想要
夜间模式真的需要
同求深色
附议，夜间模式
支持！深色模式
夜间模式+10086
我也天天晚上记账，同求
每个版本都在等夜间模式
""")
DM_TITLES = L("""
【建议】夜间模式
求夜间模式！！
深色模式什么时候能安排上
关于夜间模式的一点建议
大家想不想要深色模式？
夜间模式投票贴，想要的进来顶
【许愿】暗黑模式
晚上记账太刺眼了，求深色主题
""")
DM_POST_IDEAS = L("""
跟随系统自动切换深色
设置里可以手动选浅色/深色
支持定时，比如晚上九点以后自动变暗
报表图表的配色也一起适配
纯黑背景选项，OLED屏更省电
记一笔的键盘也做成深色
""")


def gen_dark_mode(rng, ctx):
    if ctx.is_post:
        return feature_post(rng, ctx, DM_TITLES, DM_REQ, DM_REASON, DM_POST_IDEAS)
    if ctx.source == "community" and rng.random() < 0.3:
        text = join(rng, [rng.choice(DM_REPLY), maybe(rng, 0.45, DM_REASON)]) + emoji(rng, "neu", 0.2)
        return dict(text=noisify(rng, text))
    text = feature_text(rng, ctx, DM_REQ, DM_REASON, DM_EXTRA, reply_p=0.0)
    if ctx.day >= REL_320 and rng.random() < 0.25:
        text = join(rng, [rng.choice(DM_V32), text], end=False)
    rating = rating_from(rng, [0.03, 0.07, 0.3, 0.38, 0.22])
    if "失望" in text or "还没有" in text:
        rating = min(rating, 3)
    return dict(text=noisify(rng, text), rating=rating)


# ---- export Excel / CSV ----------------------------------------------------
EXP_REQ = L("""
能不能支持导出Excel
希望可以导出csv
账单能导出成表格吗
想把账单导出来在电脑上分析
导出格式能不能加个xlsx
年底要做家庭账本总结，求导出表格
能导出PDF也行啊
能不能直接导出发到邮箱
希望导出的时候可以选日期范围
报销需要导出明细，现在只能截图
想用Excel做个透视表，求导出功能
导出数据只有会员能用？这么基础的功能也收费
导出的文件能不能带上备注和标签
希望支持按分类导出
导出功能藏哪了？找不到
想备份一份到电脑上，能不能出个导出Excel
能不能一键导出全部账单
交给会计要明细，导出csv很有必要
求导出excel！！
数据导出能不能别只给图片，给个表格吧
""")
EXP_REASON = L("""
每个月要给老婆交账
做年度总结用
想自己做图表
公司报销要明细
怕哪天数据没了
我习惯在电脑上看
准备换个记账软件，数据总得带走吧
记了三年了想做个分析
做自媒体要晒账单
给爸妈看家里开支，他们只会看表格
""")
EXP_EXTRA = L("""
字段最好有日期、分类、金额、账户、备注
Excel和csv都支持最好
能选时间段
可以按账户筛选后导出
表头用中文
""")

# ---- multiple / shared ledgers ----------------------------------------------
ML_REQ = L("""
希望能支持多账本
能不能和老婆共享一个账本
家庭账本什么时候出
想给装修单独建个账本
能不能邀请家人一起记账
情侣共同记账功能有吗
生意和生活的账想分开记
希望支持多人协作记账
共享账本能不能设置权限，孩子只能看不能改
出差的账想单独一个账本
爸妈的账我也在帮着记，想分开
装修、婚礼这种项目想单独记
能不能把我和对象的账合在一起看
家里三个人都在用，能不能共享
想给宝宝单独建个账本
多账本切换能做吗
合租室友想一起记公共开销，求共享账本
求家庭共享账本
""")
ML_REASON = L("""
现在两个人各记各的，月底对账要对半天
用两个手机号分别注册太麻烦了
别的记账软件都有这个功能
不想把公司的钱和自己的混在一起
老公总说看不到我记的账
结婚以后家里的钱想一起管
开了个小网店，流水想单独记
现在只能用标签凑合区分
""")
ML_EXTRA = L("""
每个账本单独设预算
成员记的账能看到是谁记的
可以设置谁能编辑谁只能看
账本之间可以转账
首页能快速切换账本
""")

# ---- budget reminder ----------------------------------------------------------
BR_REQ = L("""
超预算了能不能提醒一下
希望加个预算提醒
快到预算上限的时候推送一下
每周预算用了多少能不能通知一下
花到预算80%的时候提醒我一下
设了预算但是超了也没有任何提示
能不能每天推送一下今天还能花多少
分类预算超了希望有个通知
预算快用完能弹个提醒就好了
月中给个预算进度提醒吧
求预算预警功能
""")
BR_REASON = L("""
每次都是月底看报表才发现超了
不提醒我根本想不起来看
自控力差，需要被管着
不然设预算有什么意义
双十一快到了，需要有人拦着我
外卖点着点着就超了
""")
BR_EXTRA = L("""
提醒的比例可以自己设
每个分类单独提醒
推送别太频繁，一天一次就够
""")

# ---- home-screen widget --------------------------------------------------------
WG_REQ = L("""
出个桌面小组件吧
希望有widget，一点就能记一笔
iOS小组件什么时候有
能不能做个桌面组件显示本月支出
求负一屏卡片
锁屏小组件安排一下
希望加个快捷记账的小部件
桌面上想直接看到今天花了多少
能不能出个小组件，现在记一笔要点好几下
安卓桌面插件有计划吗
鸿蒙的服务卡片能适配一下吗
想在桌面放一个显示预算剩余的组件
求widget
""")
WG_REASON = L("""
每次打开app再点加号太慢了
经常忘记记账，放在桌面能提醒自己
别的app都有
买完东西顺手就记了
排队结账的时候单手操作不方便
""")
WG_EXTRA = L("""
大中小三个尺寸
小组件上直接能选分类
显示今日支出和本月预算
透明背景的更好看
""")

# ---- bring the old icon back (after v3.2.0) ------------------------------------
IC_REQ = L("""
新图标好丑，能改回来吗
把旧版图标改回来吧
新图标在桌面上找了半天
换了个图标，我以为是别的app
原来柠檬绿的图标多好看，现在这个灰不拉几的
能不能让用户自己选图标
求恢复旧图标
新图标像个计算器
图标改得也太随意了吧
更新完桌面上找不到你们了
旧图标那个小柠檬多可爱，新的啥也不是
希望在设置里加个切换回经典图标的选项
新logo真的不行，和某个银行app撞脸了
还我小柠檬图标
""")
IC_PRE = L("""
3.2.0更新完
这次更新
新版本
说个不重要的
顺便说一下
更新以后
""")
IC_TAIL = L("""
看着难受
强迫症受不了
审美在线一点好吗
求求了
其他无所谓
我老妈都说找不到记账的了
桌面整体配色全被破坏了
""")


def gen_old_icon(rng, ctx):
    if ctx.is_post:
        title = rng.choice(L("""
新图标大家觉得怎么样？
【建议】恢复旧版图标
求把小柠檬图标改回来
"""))
        body = join(rng, [rng.choice(IC_PRE), rng.choice(IC_REQ)]) + "\n\n" + join(rng, [
            rng.choice(IC_TAIL), rng.choice(IC_REQ)]) + "\n\n" + rng.choice(FEAT_POST_TAIL)
        return dict(title=title, text=noisify(rng, body, 0.4))
    if ctx.source == "community" and rng.random() < 0.3:
        text = join(rng, [rng.choice(FEAT_REPLY), rng.choice(IC_REQ), maybe(rng, 0.3, IC_TAIL)])
    else:
        text = join(rng, [maybe(rng, 0.5, IC_PRE), rng.choice(IC_REQ), maybe(rng, 0.5, IC_TAIL)])
    text += emoji(rng, rng.choice(["neg", "neu"]), 0.3)
    return dict(text=noisify(rng, text), rating=rating_from(rng, [0.12, 0.2, 0.33, 0.23, 0.12]))


# ---- one-off feature ideas (topic "none") --------------------------------------
FM_REQ = L("""
希望支持Apple Watch记账
加个计算器功能吧，输入金额的时候能直接算
记账能不能加图片
希望支持外币记账和自动汇率
加个存钱目标功能，看着进度条涨
能不能有个日历视图，看每天花了多少
分类图标能自定义就好了
希望有年度账单总结，像听歌软件那种
希望支持面容解锁，更安全
能不能加个借钱还钱的管理
能不能拍小票自动识别金额
希望报表可以按周看
能不能支持自定义统计周期，比如每月10号到下个月9号
能不能加个投资账户，记一下基金的盈亏
语音记账能不能识别方言
希望可以给每笔记账加定位
能不能做个网页版，电脑上也能记
加个记账连续打卡的成就系统吧
希望能自己调整分类的顺序
能不能支持三级分类
希望支持批量修改分类
能不能加个退款的记账类型
希望能设置每个月的固定收入自动入账
""")
FM_REASON = L("""
用起来会更方便
这样就不用再装别的app了
我身边好几个人都想要
感觉是刚需
""")


def gen_feature_misc(rng, ctx):
    if ctx.is_post:
        return feature_post(rng, ctx, L("""
几个小建议
【建议】希望增加的功能
许愿贴
"""), FM_REQ, FM_REASON)
    text = join(rng, [maybe(rng, 0.5, FEAT_PRE), rng.choice(FM_REQ), maybe(rng, 0.3, FM_REASON),
                      maybe(rng, 0.35, FEAT_CLOSE)]) + emoji(rng, "neu", 0.15)
    return dict(text=noisify(rng, text), rating=rating_from(rng, [0.01, 0.03, 0.2, 0.45, 0.31]))


gen_export = make_feature(EXP_REQ, EXP_REASON, L("""
【建议】支持导出Excel
求导出功能！
账单导出的需求有人一起吗
导出csv什么时候能有
"""), EXP_EXTRA)
gen_multi_ledger = make_feature(ML_REQ, ML_REASON, L("""
【建议】家庭共享账本
多账本功能什么时候上线？
求情侣/家庭共同记账
关于多账本的建议
"""), ML_EXTRA)
gen_budget_reminder = make_feature(BR_REQ, BR_REASON, L("""
【建议】预算超支提醒
希望加预算提醒
"""), BR_EXTRA)
gen_widget = make_feature(WG_REQ, WG_REASON, L("""
【建议】桌面小组件
求出个widget
小组件什么时候有？
"""), WG_EXTRA)


# --------------------------------------------------------------------------
# OTHER: praise, chit-chat, complaints without a request, how-to questions
# --------------------------------------------------------------------------
PRAISE_SHORT = L("""
好用
挺好的
不错不错
很实用
👍👍
五星好评
简洁好用
良心app
记账神器
用了三年了
一直在用
推荐
好用！！！
真的好用
爱了爱了
很方便
简单好用
非常好
满分
好评
还行
可以
nice
绝了
yyds
挺方便的
很棒
超级好用
宝藏app
必须五星
无广告好评
界面舒服
简洁大方
还不错吧
良心
谁用谁知道
神器
蛮好的
不错哦
挺好用的呀
满意
喜欢
还可以吧
good
清爽
不错👍
很好用❤️
方便快捷
""")
PR_OPEN = L("""
用了三年了
从大学用到现在
朋友推荐下载的
试了五六个记账app
之前用的那个记账软件广告太多，换过来的
在小红书上看到推荐的
老婆让我装的
记账半年了
第一次写评价
用了快一年
工作以后开始记账
今年开始认真理财
表妹推荐的
换了三个手机都没换记账软件
从3.0版本用到现在
""")
PR_POINT = L("""
界面简洁
记一笔很快
分类很清楚
报表一目了然
没什么广告
同步很稳
操作简单
月底看报表很有成就感
颜色很舒服
不注册也能用
自动记账很省事
周期记账太方便了
预算功能很实用
三秒记一笔
没有乱七八糟的功能
客服回复很快
老人也会用
账户管理很清楚
标签功能很好用
搜索很快
""")
PR_EFFECT = L("""
终于知道钱花哪了
存下了人生第一个一万
每个月能省好几百
养成了记账习惯
老婆也在用了
月光族终于不月光了
戒掉了奶茶
年底看报表吓一跳
对自己的消费心里有数了
花呗终于还清了
和对象吵架都少了
今年存款翻倍
""")
PR_CLOSE = L("""
希望一直保持
五星
支持国产良心app
希望别变成广告app
会一直用下去
已推荐给同事
希望越做越好
给开发者点赞
加油
不要变
值得五星
""")
PR_STORY = L("""
我是一个标准的月光族，每个月工资一到手就不知道花哪去了。
毕业第一年完全没存下钱，过年回家都不好意思。
之前试过在备忘录里记，坚持不到一周。
去年信用卡欠了一万多，才下定决心开始记账。
刚开始只是想看看外卖到底花了多少。
家里的钱一直是我管，以前都是一笔糊涂账。
""")
PR_STORY2 = L("""
用了青柠之后每天睡前花一分钟记一下，月底看报表才发现一半的钱都花在了吃上。
坚持了三个月，第一次月底还有结余，那种感觉真的很爽。
现在每个月固定存三分之一的工资，年底给自己报了个旅行团。
最喜欢的是报表，一眼就能看出哪个分类超了。
记账这件事本身不难，难的是找到一个不麻烦的工具，青柠就是。
""")


def gen_praise(rng, ctx):
    r = rng.random()
    if r < 0.2:
        text = rng.choice(PRAISE_SHORT) + emoji(rng, "pos", 0.3)
    elif r < 0.9:
        segs = [maybe(rng, 0.6, PR_OPEN), rng.choice(PR_POINT), maybe(rng, 0.4, PR_POINT),
                maybe(rng, 0.45, PR_EFFECT), maybe(rng, 0.45, PR_CLOSE)]
        if segs[1] == segs[2]:
            segs[2] = ""
        text = join(rng, segs) + emoji(rng, "pos", 0.3)
    else:
        text = (rng.choice(PR_STORY) + rng.choice(PR_STORY2)
                + wchoice(rng, [("\n", 1), ("", 2)]) + join(rng, [rng.choice(PR_EFFECT), rng.choice(PR_CLOSE)]))
        text += emoji(rng, "pos", 0.4)
    if ctx.is_post:
        title = rng.choice(L("""
安利一下这个app
记账一周年，感谢青柠
用了三年，说说感受
晒一下我的记账成果
"""))
        text = (rng.choice(PR_STORY) + rng.choice(PR_STORY2) + "\n\n"
                + join(rng, [rng.choice(PR_POINT), rng.choice(PR_EFFECT), rng.choice(PR_CLOSE)]))
        return dict(title=title, text=noisify(rng, text, 0.3))
    rating = rating_from(rng, [0.0, 0.01, 0.05, 0.24, 0.7])
    if text.startswith(("还行", "还可以", "还不错", "可以")):
        rating = rng.choice([3, 4])
    return dict(text=noisify(rng, text), rating=rating)


CC_RESP = L("""
感谢分享
收藏了
mark
学到了
马住
码住慢慢看
楼主好厉害
太有用了
干货满满
说得太对了
深有同感
先赞后看
写得真好
受教了
楼主加油
求更新后续
哈哈哈哈哈
笑死
真实
同款
抱抱
一起加油
太真实了
顶
沙发
来晚了
蹲一个
""")
CC_DETAIL = L("""
转账那条太有用了
信封法我也在用
我也是每天睡前记
存钱真的好难
准备从下个月开始试试
我老公就是不肯记账
第三点深有体会
已经转给我对象了
我之前就是分类建太多放弃的
原来信用卡要这么记，之前一直记错了
看完决定把视频会员退了
储蓄率这个指标说得好
我也是月光族，共勉
坚持了两个月又断了，重新开始
""")
CC_SOLO = L("""
打卡记账第{day}天
今天又超支了
月底吃土中
这个月奶茶花了{money}块，罪过
今天一分钱没花，奖励自己一杯奶茶（然后就花了）
发工资了，记一笔收入真开心
本月总结：超支了{money}
有没有一起记账打卡的
大家一个月生活费多少啊
每天记账的人举个手
刚开始记账，请多指教
今天记了{n}笔，全是吃的
看报表才知道打车花了这么多
这个月终于没超预算
房租一交，余额瞬间清零
周末逛个超市花了{money}
记账之后才发现自己是个吃货
和男朋友比谁花得少，我输了
存款终于五位数了
年底目标存三万，冲
今天买菜{money}，物价是真的贵
一个月外卖{money}，我不敢相信
""")
CC_HOLIDAY = L("""
国庆出去玩花超了
假期余额不足
国庆七天花了半个月工资
国庆回老家，红包发出去{money}
出去玩一趟回来看账单沉默了
景区一瓶水十块，记账的手都在抖
""")
CC_MIDAUTUMN = L("""
中秋给爸妈买月饼花了{money}
月饼礼盒越来越贵了
中秋节人情开销爆表
""")


def money(rng):
    return str(wchoice(rng, [(rng.randrange(20, 400), 3), (rng.randrange(400, 3000), 2),
                             (round(rng.uniform(5, 99), 1), 1)]))


def fill_cc(rng, s):
    return (s.replace("{day}", str(rng.randrange(3, 800))).replace("{money}", money(rng))
             .replace("{n}", str(rng.randrange(3, 15))))


def gen_chitchat(rng, ctx):
    d = ctx.day
    r = rng.random()
    if ctx.is_post:
        title = rng.choice(L("""
晒一下我九月的账单
打卡贴：一起记账吧
记账一年的变化
大家每个月存多少？
月底了，来晒晒这个月花了多少
"""))
        body = join(rng, [fill_cc(rng, rng.choice(CC_SOLO)), fill_cc(rng, rng.choice(CC_SOLO))]) + "\n\n" + join(
            rng, [rng.choice(CC_DETAIL), rng.choice(["大家呢？", "你们都怎么控制的？", "求监督！", "一起加油吧"])])
        return dict(title=title, text=noisify(rng, body, 0.5))
    if D(10, 1) <= d <= D(10, 8) and r < 0.25:
        text = join(rng, [fill_cc(rng, rng.choice(CC_HOLIDAY)), maybe(rng, 0.4, CC_SOLO)])
    elif D(9, 23) <= d <= D(9, 27) and r < 0.15:
        text = fill_cc(rng, rng.choice(CC_MIDAUTUMN))
    elif r < 0.5:
        text = join(rng, [rng.choice(CC_RESP), maybe(rng, 0.75, CC_DETAIL)])
    else:
        text = join(rng, [fill_cc(rng, rng.choice(CC_SOLO)), maybe(rng, 0.3, CC_DETAIL)])
    text = fill_cc(rng, text) + emoji(rng, rng.choice(["pos", "neu", "neg"]), 0.4)
    return dict(text=noisify(rng, text), rating=rating_from(rng, [0.02, 0.03, 0.15, 0.3, 0.5]))


def gen_none(rng, ctx):
    """Generic praise (reviews) and chit-chat (community)."""
    if ctx.source == "community" and rng.random() < 0.8:
        return gen_chitchat(rng, ctx)
    return gen_praise(rng, ctx)


ADS_CORE = L("""
广告有点多
开屏广告关闭按钮太小了
以前没广告的，现在也开始有了
不小心点到广告跳去了购物app
开屏广告5秒也太长了
首页的横幅广告好烦
记完一笔还弹个广告
摇一摇就跳广告，走路都能跳
广告越来越多了
去广告要开会员，吃相有点难看
开屏广告全是借贷的
广告声音突然响起来吓我一跳
""")
ADS_TAIL = L("""
体验下降了
有点失望
能理解要赚钱，但也太多了
以前是真的干净
扣一星
哎
越来越像别的记账app了
""")
VIP_CORE = L("""
会员太贵了
一年98有点贵
终身会员涨价了
连续包月偷偷扣费
基础功能都要会员了
记账app也要会员？
会员价格比视频网站还贵
开了会员发现也没多几个功能
自动续费都不提醒一下
学生党买不起会员
会员一年比一年贵
""")
VIP_TAIL = L("""
劝退了
不值
心疼钱
还是用免费版吧
以前的免费功能现在都要会员
扣一星
""")


def complaint_gen(core, tail, titles):
    def gen(rng, ctx):
        text = join(rng, [maybe(rng, 0.3, PR_OPEN)] + rng.sample(core, rng.choice([1, 1, 1, 2]))
                    + [maybe(rng, 0.55, tail)]) + emoji(rng, "neg", 0.3)
        if ctx.is_post:
            return dict(title=rng.choice(titles), text=noisify(rng, text + "\n\n" + rng.choice(L("""
不知道大家怎么看。
只是吐槽一下。
老用户有点寒心。
""")), 0.4))
        return dict(text=noisify(rng, text), rating=rating_from(rng, [0.15, 0.3, 0.35, 0.15, 0.05]))
    return gen


gen_ads = complaint_gen(ADS_CORE, ADS_TAIL, ["广告是不是越来越多了", "吐槽一下开屏广告"])
gen_vip = complaint_gen(VIP_CORE, VIP_TAIL, ["会员又涨价了？", "吐槽会员价格"])

HOW_Q = L("""
怎么设置预算？
转账怎么记？
信用卡还款怎么记才不算重复？
怎么修改分类？
怎么批量删除记录？
退款怎么记？
报销的钱怎么记？
怎么改一笔账的日期？
账户余额对不上怎么调？
借给朋友的钱怎么记？
怎么把记录移到另一个账户？
怎么关闭自动记账？
周期记账在哪里设置？
怎么看年度报表？
怎么设置密码锁？
怎么换绑手机号？
红包收入记在哪个分类？
花呗怎么记？
房贷怎么记比较好？
理财收益要记成收入吗？
AA的饭钱怎么记？
怎么隐藏不用的分类？
""")
HOW_PRE = L("""
新手求问
请问
小白提问
问一下
有没有大佬知道
求助
刚开始用，
""")
HOW_TAIL = L("""
谢谢
找了半天没找到
在线等
感谢回答
刚开始用不太懂
""")
HOW_CONTEXT = L("""
我是上个月才开始记账的，很多地方还不熟。
看了帮助文档还是没太明白。
之前一直瞎记，月底发现支出比收入还多，肯定是记错了。
社区搜了一下没搜到，所以发个帖。
""")


def gen_howto(rng, ctx):
    q = rng.choice(HOW_Q)
    if ctx.is_post:
        body = rng.choice(HOW_CONTEXT) + "\n\n" + join(rng, [rng.choice(HOW_PRE), q, rng.choice(HOW_TAIL)])
        return dict(title=rng.choice(["新手求助：", "【提问】", "", "求问："]) + q, text=noisify(rng, body, 0.5))
    text = join(rng, [maybe(rng, 0.6, HOW_PRE), q, maybe(rng, 0.25, q), maybe(rng, 0.4, HOW_TAIL)])
    if text.count(q) > 1:
        text = text.replace(q, "", 1).lstrip("，, ")
    return dict(text=noisify(rng, text + emoji(rng, "neu", 0.2)),
                rating=rating_from(rng, [0.03, 0.07, 0.35, 0.3, 0.25]))


# --------------------------------------------------------------------------
# SPAM
# --------------------------------------------------------------------------
SP_HOOK = L("""
兼职日结
手机兼职，日结200+
宝妈在家也能赚
学生党课余兼职
刷单返佣，一单一结
在家动动手指就能赚钱
招聘打字员，日赚300
点赞关注就能赚，一单3元
正规平台，不收任何费用
零门槛，有手机就行
每天1-2小时，月入过万
招募抖音点赞员
记账不如赚钱
与其记账省钱，不如多一份收入
看到大家都在记账省钱，不如试试副业
下班后的时间别浪费了
急招！在家兼职
想赚零花钱的姐妹看过来
副业推荐，当天结算
宝妈副业，带娃赚钱两不误
网购刷单，佣金秒返
日结兼职，学生宝妈上班族都可以
""")
SP_PAY = L("""
日结
当天结算
秒到账
一单一结
多劳多得
日入150-500
满10元即可提现
工资微信转账
一小时50+
做一单结一单
""")
SP_PAD = L("""
真实可靠
不是骗子
亲测有效
名额有限
先到先得
❗❗❗
💰💰💰
非诚勿扰
无需押金
不收会费
宝妈学生均可
限18岁以上
手把手教
长期招人
""")
SP_CONTACT = L("""
加v❤ {id}
+V：{id}
薇❤：{id}
vx：{id}
➕威：{id}
加微 {id}
V❤{id}
加我备注“兼职”：{id}
扣扣：{qq}
q群：{qq}
看我主页
私我
滴滴我
戳头像
感兴趣的加{id}
""")
SP_RING = ["qn8866", "jz5200", "rj777", "bm1314", "zq6688", "fy9527"]


def spam_id(rng):
    base = rng.choice(SP_RING)
    letters, digits = re.match(r"([a-z]+)(\d+)", base).groups()
    cn = dict(zip("0123456789", "零一二三四五六七八九"))
    circ = dict(zip("0123456789", "⓪①②③④⑤⑥⑦⑧⑨"))
    style = rng.randrange(9)
    if style == 0:
        return base
    if style == 1:
        return " ".join(base)
    if style == 2:
        return letters.upper() + "-" + "-".join(digits)
    if style == 3:
        return letters + " ❤ " + digits
    if style == 4:
        return letters + "".join(cn[c] for c in digits)
    if style == 5:
        return letters + "".join(circ[c] for c in digits)
    if style == 6:
        return letters + " " + digits[:2] + " " + digits[2:]
    if style == 7:
        return letters.upper() + digits
    return letters + "_" + digits + rng.choice(["", "a", "b", "x"])


def spam_qq(rng):
    digits = str(rng.randrange(10 ** 8, 10 ** 9))
    return rng.choice([digits, " ".join(digits), digits[:3] + "-" + digits[3:6] + "-" + digits[6:]])


def gen_spam_wave(rng, ctx):
    contact = rng.choice(SP_CONTACT).replace("{id}", spam_id(rng)).replace("{qq}", spam_qq(rng))
    segs = [rng.choice(SP_HOOK), maybe(rng, 0.6, SP_PAY), maybe(rng, 0.5, SP_PAD), contact,
            maybe(rng, 0.35, SP_PAD)]
    if rng.random() < 0.25:
        segs[0], segs[1] = segs[1] or segs[0], segs[0] if segs[1] else segs[1]
    sep = rng.choice(["，", " ", "～", "！", "❗", "💰", "👉", "，"])
    text = join(rng, segs, end=False, sep=sep)
    text += rng.choice(["", "", "👈", "💰", "❗", "～", "😘"])
    return dict(text=text, rating=5)


SEO_CITY = L("""
杭州
深圳
广州
成都
武汉
苏州
郑州
西安
长沙
合肥
济南
东莞
佛山
宁波
无锡
""")
SEO_TITLE = L("""
{city}市SEO优化专家，助力网站排名！
{city}网站建设一条龙，专业SEO快速上首页
{city}网络推广公司，关键词排名包年
专业{city}百度快照优化，7天见效
{city}小程序开发、APP定制，价格实惠
{city}短视频代运营，涨粉引流一站式服务
{city}办公室装修，免费设计出图
""")
SEO_BODY = L("""
{city}SEO、{city}网站优化、{city}关键词排名、{city}网站建设
十年经验专业团队，按效果付费，不上首页不收费
整站优化，快速提升流量，让客户主动找上门
价格透明，签订正规合同，售后无忧
已服务上千家企业客户
详情请看主页或私信咨询
""")


def gen_spam_seo(rng, ctx):
    city = rng.choice(SEO_CITY)
    title = rng.choice(SEO_TITLE).replace("{city}", city)
    body = "，".join(x.replace("{city}", city) for x in rng.sample(SEO_BODY, rng.randrange(3, 6))) + "。"
    if not ctx.is_post:
        return dict(text=title + " " + body, rating=5)
    return dict(title=title, text=body)


GAMB = L("""
注册就送88，首充翻倍
体育竞猜精准推荐，跟单稳赚
真人棋牌，提现秒到账
彩票计划群，每天稳定盈利
电子游艺，爆率超高
新人首存100送100
百家乐技巧，包教包会
""")
LOAN = L("""
急用钱？无视黑白户，当天下款
额度5万起，不看征信
学生也能借，秒批秒到
负债高也能办，利息低
信用卡逾期也能下款
""")
GAMB_TAIL = L("""
网址看头像
详情私聊
进群领福利
主页有联系方式
名额有限速来
""")


def gen_spam_gambling(rng, ctx):
    text = join(rng, rng.sample(GAMB, rng.choice([1, 1, 2])) + [rng.choice(GAMB_TAIL)],
                sep=rng.choice(["，", " ", "！"])) + rng.choice(["", "🎰", "💰", "🔥"])
    if ctx.is_post:
        return dict(title=rng.choice(["【福利】新人注册送88", "每天稳赚几百的方法", "跟我一起赚钱"]), text=text)
    return dict(text=text, rating=5)


def gen_spam_loan(rng, ctx):
    text = join(rng, rng.sample(LOAN, rng.choice([1, 1, 2])) + [rng.choice(GAMB_TAIL)],
                sep=rng.choice(["，", " ", "！"])) + rng.choice(["", "💳", "💰"])
    if ctx.is_post:
        return dict(title=rng.choice(["急用钱的看过来", "【借款】无视征信", "记账不如借钱周转"]), text=text)
    return dict(text=text, rating=5)


FAKE_REV = L("""
好评返现，联系客服领5元红包
五星好评！给大家推荐一个更好用的记账app，应用商店搜“金猪记账”
专业刷榜，ASO优化，关键词覆盖，联系{id}
下载就送现金红包，填我的邀请码{code}
非常好用！！！顺便推荐一下我家的店铺，搜“小鹿百货”就能找到
这个app太棒了，五星！另外出闲置手机一部，有意私信
强烈推荐！！！完成任务领会员，邀请码{code}
评论抽奖送iPhone，关注公众号“省钱小能手”参与
应用商店好评，一条5元，需要的找我{id}
好评好评好评，新人注册领188元优惠券，搜“天天省”
""")


def gen_spam_fake_review(rng, ctx):
    text = rng.choice(FAKE_REV).replace("{id}", spam_id(rng)).replace("{code}", str(rng.randrange(100000, 999999)))
    text += rng.choice(["", "！", "👍👍👍", "❤️", "~"])
    if ctx.source == "community":
        if ctx.is_post:
            return dict(title=rng.choice(["福利来了", "推荐一个好东西"]), text=text)
        return dict(text=text)
    return dict(text=text, rating=5)
