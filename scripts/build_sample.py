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
    if pool and rng.random() < p:
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


def noisify(rng: random.Random, s: str, level: float = 1.0, trad_p: float = 0.07) -> str:
    for a, b, p in TYPO_RULES:
        if a in s and rng.random() < p * level:
            s = s.replace(a, b)
    if "“" in s and rng.random() < 0.35:
        s = s.replace("“", '"').replace("”", '"')
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


def ios_pair(rng: random.Random):
    dv = rng.choice(IOS_DEVICES)
    vers = [v for v in IOS_VERS if v.startswith("iOS 18")] if "16" in dv else (
        [v for v in IOS_VERS if not v.startswith("iOS 16")] if "15" in dv else IOS_VERS)
    return dv, rng.choice(vers)


def device(rng: random.Random, style: str = "any") -> str:
    r = rng.random()
    if style == "slang" or (style == "any" and r < 0.4):
        return rng.choice(DEVICE_SLANG)
    if rng.random() < 0.55:
        dv, os_ = ios_pair(rng)
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


DEVICE_WORDS = ["iphone", "ipad", "华为", "小米", "oppo", "vivo", "一加", "荣耀", "三星", "真我", "iqoo",
                "redmi", "红米", "mate", "苹果", "水果", "ip15", "安卓", "鸿蒙", "14pm"]


def bug_post(rng, ctx, titles, problem, extra_lines=(), ver=None):
    """A structured bug report post: title + 机型/系统/版本 + 问题 + 补充."""
    title = pickr(rng, titles)
    mentions_device = any(w in problem.lower() for w in DEVICE_WORDS)
    if not mentions_device and rng.random() < 0.55:
        if rng.random() < 0.55:
            dv, os_ = ios_pair(rng)
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
CRASH_LONG = [
    ["我是从3.0版本就开始用的老用户，每天记账，从来没断过。", "用了三年多，一直觉得这是最好用的记账app。",
     "我平时很少写评价，这次真的忍不住了。"],
    "今天早上习惯性打开准备记早饭，结果直接白屏，等了半分钟自己退出了。",
    "以为是手机的问题，重启了两次，又把后台其他app都关了，还是一样。",
    "去社区一看，一堆人都是这样，才知道是新版本3.2.0的问题。",
    "最让我担心的是数据，我记了三年多的账全在里面，不敢卸载重装。",
    "能不能先出个公告，告诉大家数据是安全的？",
    "还有，发版之前能不能多测一测，这种打不开的问题不应该出现在正式版里。",
    "修好之前先给一星，修好了我会回来改。",
]
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
    fixed = ctx.dt >= REL321_DT
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
        title, body = bug_post(rng, ctx, CRASH_TITLES_FIX if ver == "3.2.1" else CRASH_TITLES, problem, L("""
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
    if ctx.is_review and r < 0.05:    # a long review from an old user
        picks = [rng.choice(CRASH_LONG[0])] + [x for x in CRASH_LONG[1:-1] if rng.random() < 0.6] + [CRASH_LONG[-1]]
        text = "".join(picks)
        if rng.random() < 0.5:
            text = text.replace("。去社区", "。\n去社区").replace("。最让我", "。\n\n最让我")
        rating = 1
    elif r < 0.15:      # a long, angry review with line breaks
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
    bump = ctx.dt >= REL312_DT and d <= REL_312 + timedelta(days=6)
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
FEAT_BUT = ["就是", "但是", "不过", "", ""]
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
POST_PRE = ["", "", "提个建议。", "老用户了，说个需求。", "用了快两年，一直有个想法。"]
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
    if ctx.dt >= REL320_DT and rng.random() < 0.25:
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
毕业那年开始用的
给我妈也装了一个
记账小白一枚
宝妈一枚
作为一个财务专业的学生
换过好几个记账软件了
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
记账界面清清爽爽
启动速度很快
旅行时记外币也方便
记账提醒很贴心
图表做得很漂亮
分类图标很可爱
数据导入很顺利
账户余额一目了然
会员不贵，功能够用
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
备注那一条说到我心里了
我也是从分类太多开始放弃的，哈哈
周预算这个方法好，马上试试
应急金我还差一半
已经推荐给我妈了
原来可以这样记AA
明天就去把周期记账设上
看完默默打开了记账app
和我的经历一模一样
收藏了，月底对照着做一遍
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
工资到账五分钟，还完信用卡就没了
双十一购物车已经清空了，忍住
这个月的目标是外卖不超过十次
今天带饭上班，省了{money}
同事都在点奶茶，我在记账
楼下超市打折，囤了一堆纸巾
第一次月底还有结余，开心
这个月人情往来花了{money}，随不起了
又到了交房租的日子
给猫买粮花了{money}，猫比我吃得好
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
    pre, tail = maybe(rng, 0.6, HOW_PRE), maybe(rng, 0.4, HOW_TAIL)
    if pre.startswith("刚开始") and tail.startswith("刚开始"):
        tail = ""
    text = join(rng, [pre, q, tail])
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


FAKE_OPEN = L("""
五星好评！
非常好用！！！
强烈推荐！！！
好评好评好评
这个app太棒了，五星！
超级好用，必须五星
亲测好用
良心软件，推荐
""")
FAKE_PROMO = L("""
好评返现，截图联系客服领5元红包
给大家推荐一个更好用的记账app，应用商店搜“金猪记账”
专业刷榜，ASO优化，关键词覆盖，联系{id}
下载就送现金红包，填我的邀请码{code}
顺便推荐一下我家的店铺，搜“小鹿百货”就能找到
另外出闲置手机一部，九成新，有意私信
完成任务领会员，邀请码{code}
评论抽奖送iPhone，关注公众号“省钱小能手”参与
应用商店好评，一条5元，需要的找我{id}
新人注册领188元优惠券，搜“天天省”
代下载、代好评、冲榜，量大从优，{id}
想要会员的找我，原价一折，{id}
玩游戏也能赚钱，搜“趣味赚”，邀请码{code}
""")


def gen_spam_fake_review(rng, ctx):
    promo = rng.choice(FAKE_PROMO).replace("{id}", spam_id(rng)).replace("{code}", str(rng.randrange(100000, 999999)))
    text = join(rng, [maybe(rng, 0.6, FAKE_OPEN), promo], end=False, sep=rng.choice(["，", " ", "！"]))
    text += rng.choice(["", "！", "👍👍👍", "❤️", "~", "🎁"])
    if ctx.source == "community":
        if ctx.is_post:
            return dict(title=rng.choice(["福利来了", "推荐一个好东西"]), text=text)
        return dict(text=text)
    return dict(text=text, rating=5)


# --------------------------------------------------------------------------
# QUALITY CONTENT: multi-paragraph community posts worth featuring
# Each topic: titles ("title|i" = the post must include body i), intros,
# bodies (self-contained tips), closings.  A post takes 2-4 bodies and no
# pair of bodies is ever reused in the same topic, so two posts share at
# most one paragraph.
# --------------------------------------------------------------------------
QUALITY = {
    "tip_bookkeeping": dict(
        titles=L("""
坚持记账两年，总结几个让记账不痛苦的小技巧
记账总是三天打鱼两天晒网？试试这几个方法
分享我的记账习惯：每天只花一分钟|0
新手记账避坑指南（干货）
记账这件事，我踩过的坑
别再只记金额了！这样记账才有用|2
懒人记账法，亲测坚持了500天|7
给记账新手的几条建议
分类越少越好？聊聊我的分类体系|1
从月光到有存款：我的记账方法
记账断了怎么办？我的经验是别补|9
为什么你的月支出总是“虚高”？|5
记账第三年，一些不成熟的小经验
记账一年，我终于搞懂了自己的钱去哪了
上班族记账指南：十秒记一笔的秘密|7
两个人一起记账，怎么避免重复？
关于“其他”分类，我想多说几句
记账不是为了省钱，而是为了看清自己
对账这件小事，让我发现了好几笔漏记|10
"""),
        intros=L("""
用青柠记账快两年了，中间断过好几次，也重新开始过好几次。最近翻社区看到不少新手问怎么坚持，就把自己摸索出来的做法整理了一下，不一定适合所有人，供参考。
先说结论：记账能不能坚持，和毅力关系不大，关键是把流程做得足够省事。下面是我这几年慢慢调整出来的几个习惯。
很多人记账失败，是因为一开始就想记得特别细，结果一周就放弃了。我自己就是这样过来的，所以这篇主要讲怎么“记得少但记得对”。
在社区潜水很久，学到很多，今天也来还个愿。我是普通上班族，收入一般，记账主要是想搞清楚钱到底去哪了。
这篇有点长，是我从完全不记账到现在每天顺手记的一些经验，按我自己觉得的重要程度排了一下。
"""),
        bodies=L("""
给自己定一个固定的记账时间。我是每天晚上刷牙前花一分钟把当天的支出补上，时间一固定就变成了习惯，不需要靠意志力。如果实在忘了，第二天早上通勤路上补也可以，但尽量别拖过三天，拖久了就真的想不起来了。
分类不要一开始就建得特别细。我最早建了四十多个分类，光是选分类就要想半天，后来砍到十二个左右：餐饮、交通、购物、居住、通讯、医疗、人情、学习、娱乐、宠物、其他，再加一个“大额”。分类少了，记一笔的速度快很多，月底看报表反而更清楚。
金额之外，一定要养成写备注的习惯，哪怕只写两三个字，比如“午饭 公司楼下”“打车 加班”。过几个月回头看，光有金额和分类其实没什么用，备注才能帮你想起来这笔钱为什么花、值不值。
把日常开销和一次性大额支出分开看。换手机、交房租、买年货这种，放在一个月里会把报表拉得很难看，容易让人灰心。我的做法是给大额支出单独打一个“大额”标签，看月度趋势时先把它筛掉，日常消费的变化就很明显了。
允许自己不精确。几块钱的零头对不上没关系，现金花掉忘了记也没关系，月底对账时差额小于总支出的百分之二，我就直接记一笔“对账差额”。追求百分之百准确是很多人放弃记账的原因，记账的意义在于看趋势，不是做审计。
转账、还信用卡、余额宝转出这些不要记成支出，否则会重复计算。从储蓄卡还信用卡要用“转账”记，因为消费的时候已经在信用卡账户里记过一次了。我刚开始没注意，月支出莫名其妙翻了一倍，吓了一跳。
每周日花五分钟看一下周报。不用分析得多深，就看看哪个分类比平时高、有没有不该花的钱。我就是在周回顾的时候发现自己一周点了六次外卖，光配送费就花了快四十块，后来改成周末备餐，一个月省下来三四百。
把经常发生的支出存成常用记录。早餐、地铁、咖啡这种每天都有的，点一下就能记，速度快很多。我存了八条，基本覆盖了日常七成的记录，剩下三成才需要手动输入，记账这件事一下子就没那么烦了。
收入也要记，而且要记全。工资、奖金、报销、理财收益、二手平台卖东西的钱都算。只记支出的话，你只知道花了多少，却不知道自己的储蓄率是多少，而储蓄率才是衡量财务状况最直观的指标。
断了就重新开始，不要补。很多人断了一两周就觉得“反正已经不完整了”，干脆放弃。我的经验是，断掉的那段用一笔估算的总数代替，从今天开始接着记就行。不完整的账本也比没有账本强得多。
每个月初把各个账户的余额和实际对一遍。银行卡、支付宝、微信零钱、信用卡欠款，逐个核对，差多少就调整多少。这样账户余额一直是准的，看总资产的时候心里有数，也能及时发现漏记的大额。
善用语音和拍照。在外面排队结账的时候手不方便，我会直接语音说“午饭三十二”，回家再确认分类。小票拍照存进备注也很有用，退货或者报销的时候能直接找到，不用再翻聊天记录。
"""),
        closings=L("""
以上就是我的一些做法，欢迎大家补充，也欢迎指出不对的地方。记账这件事，贵在坚持，祝大家都能存下钱。
最后想说，记账本身不会让你变有钱，但它会让你知道自己的钱去了哪里，这是做任何理财决定的前提。共勉。
写得比较零碎，有问题可以在评论区问，看到会回。
希望对刚开始记账的朋友有帮助，一起加油💪
"""),
        stories=L("""
说个我自己的例子。刚开始记账那会儿，我每天中午吃完饭就记，结果一忙起来就忘，一周能漏三四天。后来改成晚上睡前统一记，配合手机的每日提醒，到现在已经连续记了四百多天。其实中间也有忘的时候，但因为时间固定，第二天很自然就会想起来补上。
我家是我和老公一起记。最开始两个人都记，结果同一笔超市购物经常被记两次，月底对账特别崩溃。后来约定谁付钱谁记，另一个人不管，再也没出现过重复。小细节，但对两个人一起记账的家庭很重要。
去年双十一前，我翻了一下前一年十一月的账单，光购物就花了六千多，其中一大半现在都在柜子里吃灰。这个数字比任何省钱文章都管用，那年双十一我只买了两样早就想买的东西。账本最大的价值，就是给未来的自己提供证据。
我以前觉得记账是会计的活，离自己很远。直到有一次想换电脑，发现存款比想象中少了一大截，才开始认真记。第一个月记完，看到“其他”分类占了三成，才意识到自己有那么多说不清去向的钱。后来就是从把“其他”拆开开始的。
分享一个小数据：我记账的第一年，平均每天记4.6笔，每笔花的时间不到十秒，算下来一年花在记账上的时间大概五个小时。用五个小时换来对自己消费的完整认识，我觉得非常划算。
"""),
    ),
    "budget_method": dict(
        titles=L("""
用“信封预算法”半年，我多存了一万二|2
预算总是超？分享我执行50/30/20的细节|0
月薪八千的预算怎么做，我的真实分配
零基预算法实操：每一块钱都有去处|3
设了预算还是超支？可能是这几个地方没做好
预算不是限制，是给自己发“零花钱”
我是怎么把每月餐饮预算从三千降到一千八的|9
家庭预算怎么定？两口子亲测好用的方法|8
月度预算拆成周预算，真的好执行很多|4
年终奖别一次花光：把年度开支摊到每个月|6
超支之后怎么办？我的预算复盘方法|7
先存后花，才是预算的第一步|1
预算怎么留余地？聊聊缓冲金|5
月薪五千也能做预算：我的第一年
预算执行一年，误差从三成降到5%
用记账app做分类预算的完整流程
预算的正确打开方式：先看过去三个月
应急金该存多少？我的答案|11
"""),
        intros=L("""
以前我也觉得预算就是给自己找不痛快，设了也是超，超了就干脆不看。后来换了几种方法，总算找到一个能长期执行的，分享一下具体做法。
先交代一下背景：二线城市，单身，税后月入八千左右，房租两千二。以下数字都是我自己的真实情况，大家按比例参考就好。
社区里问预算怎么设的人挺多的，我试过好几种方法，这里把各自的优缺点和我最后的做法都写出来。
预算这件事我和老公磨合了快一年，吵过也妥协过，现在总算稳定下来了，写出来给同样头疼的家庭参考。
去年这个时候我还在为每个月超支发愁，今年已经连续八个月没有超过预算。回头看，改变其实就是下面这几件小事。
"""),
        bodies=L("""
最经典的是50/30/20法则：税后收入的50%用于必要开支（房租、吃饭、交通、水电），30%用于想要的东西（娱乐、购物、旅行），20%用于储蓄和还债。这个比例不是死的，房租高的城市必要开支可能要占到60%，那就把“想要”压缩到20%，但储蓄那一块尽量别动。
一定要“先存后花”。发工资当天就把计划储蓄的钱转到一个平时不碰的账户，剩下的才是这个月能花的钱。如果等到月底看剩多少再存，大概率是什么都剩不下。我设了工资到账后自动转账，连犹豫的机会都不给自己。
信封预算法很适合容易冲动消费的人。把每个月的可支配资金分成几个“信封”：餐饮、交通、日用、娱乐、人情，每个信封里的钱花完就停。以前是真的用现金装信封，现在用记账app给每个分类单独设预算，效果是一样的，还不用揣一沓现金。
零基预算的核心是：收入减去所有分配等于零。不是说要把钱花光，而是每一块钱都要有明确的去处，储蓄、还款、应急也算去处。月初做一次分配，花几十分钟，但之后整个月心里都很踏实，不会有“钱莫名其妙就没了”的感觉。
月度预算拆成周预算会好执行很多。比如餐饮预算一个月1800，拆下来一周大概420。月初看1800觉得很多，很容易前两周就花掉一大半；按周看的话，周四发现只剩一百了，自然就会收着点。
预算里一定要留一个“缓冲”项，我留的是收入的5%。生活里总有意外：朋友结婚、手机摔坏、临时看病。没有缓冲的话，一次意外就会打乱整个月的预算，人就容易破罐子破摔。缓冲没用完的，月底滚进储蓄。
把年度的大额固定支出平摊到每个月。比如车险一年四千五、各种会员一年一千多、过年回家的开销三四千，加起来除以十二，每个月单独存一笔。这样到时候一大笔支出来了，不会突然觉得这个月完蛋了。
超支了不要自责，要复盘。看看超在哪个分类、是偶发还是经常性的。如果某个分类连续三个月都超，说明预算本身定得不合理，该调就调。预算是用来指导生活的，不是用来惩罚自己的。
家庭预算我们的做法是“公共账户+个人零花钱”。两个人按收入比例往公共账户打钱，房贷、吃饭、孩子、水电都从这里出；剩下的各自支配，对方不过问。实行之后因为钱吵架的次数少了很多，强烈推荐。
餐饮通常是最容易超的分类。我的办法是把餐饮拆成“三餐”和“零食饮料”两个子分类，结果发现奶茶咖啡一个月能花五六百。不是说不能喝，而是看到这个数字之后，每次想点的时候会多想一秒。后来一天一杯改成两天一杯，餐饮总额就下来了。
我每个月最后一周会看一眼每个分类还剩多少预算，并把结果截图发给自己，算是一个小仪式。看到“娱乐还剩300”，周末就会安排得心安理得；看到“购物已经超了”，下个月的购物预算就先扣掉超出的部分。
在做任何投资之前，先攒够3到6个月生活费的应急金。这笔钱放在随取随用的地方，收益低没关系，它的作用是让你在失业、生病的时候不至于慌。我是在攒够应急金之后，才开始把每月的结余拿去定投的。
"""),
        closings=L("""
方法只是工具，最重要的是找到一个你愿意长期执行的。欢迎在评论区分享你们的预算方法。
预算做了一年，最大的感受是：花钱的时候不再有负罪感了，因为每一笔都在计划之内。
以上，希望对大家有帮助。有问题评论区见～
如果你也总是超预算，不妨先从一个分类开始试，比如餐饮，一个月之后再推广到其他分类。
"""),
        stories=L("""
说一下我们家的例子：两个人税后加起来一万九，房贷六千二，孩子一个月大概两千五。以前没有预算的时候，每个月都感觉钱不够用，但又说不清花哪了。做了预算之后才发现，光是周末带孩子出去玩就能花掉一千多，后来改成一周出去一次、另一周在小区附近玩，一个月就省下了六七百。
我第一次做预算的时候野心很大，每个分类都压到最低，结果第二周就崩了，一气之下把预算全删了。后来学乖了，先按过去三个月的平均值设预算，每个月只在一个分类上往下调百分之十。慢慢来，反而坚持下来了。
有一次年中体检查出点小问题，前后花了三千多，正好那个月还有朋友结婚随礼。放在以前我肯定要刷信用卡分期，那次因为有缓冲金和应急金，直接付了，月底预算也没乱。从那之后我就特别认同“预算要留余地”这件事。
我的预算表其实很简单：一列是分类，一列是预算，一列是实际，一列是差额。每个月底花十分钟填一下，看看差额是正是负。坚持一年之后，预算和实际的差距从一开始的正负三成，缩小到了正负百分之五以内，说明我对自己的消费越来越有把握了。
刚毕业那年我月薪五千，房租一千五，当时觉得做预算没意义，反正都不够花。后来试着每个月先存五百，其余的按分类分配，发现日子一点也没变难过，只是少了一些可有可无的开销。一年下来存了六千，是我人生第一笔像样的存款。
"""),
    ),
    "finance_experience": dict(
        titles=L("""
工作五年，从负债两万到存款二十万的一点心得|0
普通人理财，先别急着买基金|3
记账三年后，我对“省钱”的看法变了
三十岁，聊聊我踩过的理财坑
攒钱这件事，心态比方法重要
月光族自救实录：我的第一个十万
关于消费降级，我的一些真实感受|8
不要用“拿铁因子”折磨自己|2
开源比节流重要：我是怎么提高收入的|4
储蓄率从10%到38%，我做对了什么|9
和伴侣聊钱，没有那么难|10
二十七岁才开始存钱，晚吗？|11
被裁员之后，我才明白存款的意义
每年生日，我都会翻一遍账单
小额订阅正在悄悄掏空你的钱包|1
保险要不要买？说说我的经历|5
自动化理财：把意志力留给更重要的事|6
不和别人比，是我做过最好的理财决定|7
"""),
        intros=L("""
没有什么逆袭故事，就是一个普通人慢慢把日子过明白的过程。写下来一是给自己做个阶段总结，二是希望对和我以前一样迷茫的人有点用。
先声明：不荐股，不推荐任何产品，只聊心态和习惯。
前几年我是标准的月光族，信用卡、各种分期都用，最多的时候欠了两万多。转折点是有一次工资还没到账，还款日却已经到了。
今年刚好记账满三年，翻了一下历年的报表，有些感受想说说。
看到评论区好多年轻朋友焦虑存不下钱，想起几年前的自己，忍不住写几句。
"""),
        bodies=L("""
先把消费贷和信用卡分期全部清掉。分期的实际年化利率比看上去高很多，很多人以为每月0.6%的手续费很低，换算成年化其实接近13%。我当时列了一张表，按利率从高到低一笔一笔还，大概用了八个月才清完，但清完那天是真的轻松。
记账最大的作用不是省钱，是让你看清楚自己。我记了半年之后才发现，以为自己花钱最多的是吃，实际上是各种“小额订阅”：视频会员、音乐会员、网盘、健身课，加起来一个月三百多，而其中一半我根本不怎么用。
不要过度迷信“拿铁因子”。每天少喝一杯咖啡确实能省钱，但如果这杯咖啡能让你一天心情好、工作效率高，那它就是值得的。真正影响财务状况的，往往是房租、买车、保险这些大决策，把这些做对了，小钱花得开心一点没关系。
我踩过的最大的坑是跟风买基金。前年看大家都在晒收益，一下子把攒了一年的钱投了进去，结果半年亏了百分之二十多，拿不住就割了。后来才明白，投资之前要先想清楚这笔钱多久不用、能承受多大的亏损，而不是看别人赚了多少。
开源比节流重要。节流是有下限的，一个月再省也就省那么几百块；但提升收入的空间大得多。我后来把一部分“省钱的精力”拿去考了个证，第二年跳槽工资涨了百分之三十，比我前两年省下来的钱加起来都多。
给自己配一份基础的保险，尤其是医疗险和意外险。年轻的时候觉得用不上，但一场意外或者一次住院就可能把几年的积蓄清空。具体怎么配可以多看看专业的资料，多比较几家，别只听推销员的一面之词。
能自动化的都自动化。工资卡设自动转账到储蓄账户、定投设自动扣款、信用卡设自动还款。人的意志力是有限的，把正确的决定交给系统去执行，比每个月跟自己较劲要轻松得多。
少和别人比。社交媒体上看到的都是别人展示出来的最好的一面，同事换了新车、朋友出国旅游，这些和你的财务目标没有关系。我现在只和自己比：今年的储蓄率比去年高一点就行。
消费降级不是什么都买便宜的，而是把钱花在自己真正在乎的地方。我现在衣服买得少了，但会买质量好的；外卖点得少了，但周末会和朋友去吃一顿好的。每花一笔钱都问问自己：这是我想要的，还是别人让我觉得我想要的？
储蓄率是我最看重的一个指标。第一年大概是10%，第二年25%，今年到了38%。收入其实没涨太多，主要是把几项大的固定开支降下来了：换了一个离公司近但小一点的房子，取消了不用的会员，车也卖了改骑电动车。
和家人坦诚地聊钱。我以前从来不和父母、伴侣聊收入和存款，觉得尴尬。后来和对象把各自的情况摊开说，定了共同目标，反而少了很多猜疑。钱的问题，越不说越容易出问题。
越早开始越好，但什么时候开始都不晚。我二十七岁才开始认真存钱，一开始也焦虑“是不是太晚了”。现在回头看，比起从哪天开始，更重要的是开始之后能不能坚持下去。每个月哪怕只存五百，三年后也是一笔不小的数目。
"""),
        closings=L("""
以上都是个人经历，不构成任何建议。每个人情况不同，找到适合自己的节奏最重要。
写着写着有点长了，谢谢看到这里的你。祝大家都能把日子过得踏实一点。
钱不是生活的全部，但把钱管明白了，生活会少很多焦虑。共勉。
欢迎交流，也欢迎指出我想得不对的地方。
"""),
        stories=L("""
我清掉所有分期的那个月，特意在记账app里建了一个叫“自由”的账户，每个月往里面转一笔钱。现在这个账户里已经有五位数了。每次想冲动消费的时候，打开看一眼这个数字，就会冷静下来。
去年公司裁员，我也在名单里。说不慌是假的，但因为有八个月的生活费作为应急金，我给自己放了一个月的假，又花了两个月找到了新工作，期间没借过一分钱。那段时间我才真正理解，存款给人的不只是钱，还有选择的底气。
我妈以前总说我乱花钱，我们为这个吵过很多次。后来我把记账app里的年度报表给她看，告诉她每个月存了多少、花在哪，她沉默了一会儿说“比我想的好”。从那以后家里再也没为钱的事吵过架。
刚工作那两年，我每个月工资到账就觉得自己很有钱，买衣服、换手机、跟同事聚餐从来不看价格。直到有一次生病需要交住院押金，翻遍所有账户凑不出五千块，最后是找室友借的。那天晚上我第一次认真打开了记账软件。
我有个习惯，每年生日那天会把这一年的账单从头到尾翻一遍，写一段简短的总结：今年存了多少、最值的一笔花费是什么、最后悔的一笔是什么。三年下来，这几段总结比任何理财书都更了解我。
"""),
    ),
    "feature_guide": dict(
        titles=L("""
青柠记账隐藏功能合集，老用户也不一定知道
【攻略】信用卡怎么记才不会重复计算|1
报表功能怎么用？手把手教你看懂自己的消费|2
周期记账设置一次，省心一整年|0
【教程】多个账户的余额怎么管理|8
记账速度翻倍的几个小设置|6
标签功能的正确打开方式|3
【攻略】报销、垫付、AA到底怎么记|4
分类太乱？教你合并和整理分类|9
【教程】预算功能从入门到熟练|10
换手机前必看：数据备份与恢复|11
搜索功能的几个妙用|7
记账新手必看的十个功能
【答疑】首页支出和报表对不上？
金额输入框居然能算数？几个冷知识
【分享】我的分类方案和设置
自动记账怎么用才不乱
AA吃饭到底怎么记？看这篇就够了|5
"""),
        intros=L("""
用了快两年，发现很多朋友只用了最基础的记一笔，其实青柠有不少好用的功能藏得比较深。整理了一下我常用的，按使用频率排序。
最近社区里问这些问题的人太多了，统一写一篇，以后直接发链接😂
以下基于iOS端3.1.x版本，安卓端入口可能略有不同，但功能是一样的。
说明：我不是官方人员，就是一个用得比较多的普通用户，有错误欢迎指正。
整理了一篇比较完整的使用笔记，适合刚开始用、或者用了很久但只会记一笔的朋友。
"""),
        bodies=L("""
周期记账：房租、话费、会员这种每月固定的支出，在记一笔页面点右上角的“更多”，选“周期记账”，设好金额和日期，到时间会自动生成记录。我设了房租、物业、话费和两个会员，每个月少记五笔，也不会再漏记。
信用卡的正确记法：先在“账户”里添加信用卡账户，刷卡消费时账户选信用卡，这时候支出已经算进去了；还款的时候用“转账”，从储蓄卡转到信用卡，不要再记一笔支出。这样既不会重复，信用卡账户的余额也会显示成你当前的欠款。
报表页面默认看的是当月分类占比，左右滑可以切换月份，点上面的“趋势”可以看近12个月的走势。我最常用的是点开某个分类，里面会按金额列出这个分类下的每一笔，一眼就能看到哪几笔是大头。
标签和分类是两个维度。分类回答“钱花在什么上”，标签回答“为什么花”或者“和什么有关”。比如我去成都旅游，吃饭记餐饮、打车记交通，但都打上“成都旅行”的标签，回来之后按标签筛选，整趟旅行花了多少一目了然。
报销和垫付：帮公司垫付的钱，记一笔支出，分类选“报销”（没有的话自己建一个），备注写清楚事由；报销款到账后记一笔同分类的收入。月底看“报销”分类，收支一抵就知道还有多少钱没报回来。
AA的记法：我习惯只记自己那一份。比如四个人吃饭我付了400，就记一笔100的餐饮，再记一笔300的“借出”，朋友转账给我之后把借出标记为已收回。这样餐饮支出是真实的，也不会漏掉别人欠的钱。
提速小技巧：在“设置-记账偏好”里把默认账户设成最常用的那张卡，把“保存后”改成“继续记一笔”，连续记好几笔的时候不用反复进出页面。另外分类可以长按拖动排序，把常用的几个放在第一排。
搜索支持按备注、金额范围和日期筛选。想找某一笔的时候，比如去年在哪家店买的空调，直接搜“空调”就出来了。这也是我为什么一直强调要写备注：写了备注，搜索才有用。
账户管理：把现金、储蓄卡、支付宝、微信零钱、信用卡都建成账户，每个月初做一次“余额调整”，让账面和实际对上。首页的净资产会把所有账户加起来再减去信用卡欠款，看着这个数字慢慢往上涨，是我坚持记账的最大动力。
分类可以自定义，在“我的-分类管理”里能新增、合并和隐藏。合并很实用：如果你之前建了“早餐”“午餐”“晚餐”三个分类，现在想合成一个“三餐”，用合并功能之前的记录会一起迁移过去，不用一条条改。
设置预算：在“预算”页面可以设总预算，也可以展开给每个分类单独设。首页卡片会显示本月剩余预算和剩余天数，并算出“日均可用”。我觉得日均可用比总额直观得多，每天花钱之前看一眼就知道能不能花。
数据备份：虽然有云同步，但我还是建议每个月手动备份一次。在“设置-数据与同步”里点“立即备份”，会生成一个备份文件。之前换手机就是靠这个恢复的，心里踏实。
"""),
        closings=L("""
暂时就想到这些，后面发现新的再更新。觉得有用的话点个赞，让更多人看到～
有问题可以评论区问，我知道的都会回答。
以上功能免费版基本都能用，不用专门开会员。
如果官方看到，希望把这些功能的入口做得更显眼一点，真的很多人不知道。
"""),
        stories=L("""
常见问题：记错了怎么改？在明细里点开那一笔，右上角就能编辑，金额、分类、日期、账户都能改。如果是记重复了，左滑删除就行，删除的记录会在回收站保留30天，误删了还能找回来。
常见问题：为什么首页支出和报表对不上？大概率是因为首页默认不统计标记为“不计入收支”的记录，而报表里勾选了全部。把两边的统计口径调成一样就好了。另外转账不会算进支出，这一点也要注意。
再说一个很多人不知道的：记一笔的时候，金额输入框是支持加减乘除的。比如超市小票上有三样东西，直接输入“12.5+8+23”，会自动算出总数。拼单的时候也很好用，输入“120/4”就是自己那一份。
分享一下我的分类方案，供参考：支出分“三餐、零食饮料、交通、居住、日用、服饰、数码、医疗、学习、娱乐、人情、宠物”，收入分“工资、奖金、副业、理财、报销、其他”。分类不用追求完美，用三个月觉得哪里别扭再调整就好。
关于自动记账：开启后可以识别支付短信和通知，自动生成待确认的记录。我的建议是不要设置成“直接入账”，而是每天晚上统一确认一遍，顺便补上分类和备注。全自动虽然省事，但分类经常不准，月底对账反而更麻烦。
"""),
    ),
}
QUALITY_PS = L("""
PS：有人问我用的什么app，就是青柠，不是广告哈哈。
PS：评论区有朋友补充了很多好方法，推荐翻一翻。
补充：以上方法因人而异，找到适合自己的最重要。
PS：图懒得截了，大家凑合看文字吧。
""")
CN_NUM = "一二三四五六"


S2 = {}


def to_simplified(s: str) -> str:
    if not S2:
        for k, v in T2.items():
            S2.setdefault(v, k)
    return "".join(S2.get(ch, ch) for ch in s)


def bigrams(text: str):
    n = NORM_RE.sub("", EMOTICON_RE.sub("", to_simplified(text).lower()))
    return n, frozenset(n[i:i + 2] for i in range(len(n) - 1))


def jaccard(a, b) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


NORM_RE = re.compile(r"[\W_]+")
EMOTICON_RE = re.compile(r"\[[^\]]{1,4}\]")


class QualityWriter:
    """Hands out quality posts topic by topic.

    A post = intro + (optional personal story) + 2-6 tips + closing.  Two posts
    of one topic never share more than two tips, a story is used at most
    twice, and whole posts stay below 0.5 bigram Jaccard similarity.
    """

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.sets = {t: [] for t in QUALITY}
        self.grams = {t: [] for t in QUALITY}
        self.used_titles = {t: [] for t in QUALITY}
        self.story_uses = {t: Counter() for t in QUALITY}

    def write(self, topic: str, long: bool = False):
        rng = self.rng
        spec = QUALITY[topic]
        free_titles = [t for t in spec["titles"] if t not in self.used_titles[topic]]
        if not free_titles:
            return None
        for _attempt in range(600):
            raw = rng.choice(free_titles)
            title, _, req = raw.partition("|")
            nb = 6 if long else wchoice(rng, [(2, 1), (3, 3), (4, 4), (5, 2)])
            pool = list(range(len(spec["bodies"])))
            chosen = [int(req)] if req else []
            rest = [i for i in pool if i not in chosen]
            rng.shuffle(rest)
            chosen += rest[:max(0, nb - len(chosen))]
            if any(len(set(chosen) & set(prev)) > 2 for prev in self.sets[topic]):
                continue
            story = None
            if long or rng.random() < 0.6:
                free = [k for k in range(len(spec["stories"])) if self.story_uses[topic][k] < 2]
                if free:
                    story = rng.choice(free)
            if req and rng.random() < 0.6:
                chosen.remove(int(req))
                chosen.insert(0, int(req))
            style = rng.randrange(6)
            paras = [rng.choice(spec["intros"])]
            story2 = None
            if long and story is not None:
                free2 = [k for k in range(len(spec["stories"]))
                         if self.story_uses[topic][k] < 2 and k != story]
                story2 = rng.choice(free2) if free2 else None
            if story is not None and (story2 is not None or rng.random() < 0.5):
                paras.append(spec["stories"][story])
            for k, i in enumerate(chosen):
                prefix = ["", f"{CN_NUM[k]}、", f"{k + 1}. ", f"【{k + 1}】", "▶ ", f"第{CN_NUM[k]}，"][style]
                paras.append(prefix + spec["bodies"][i])
            if story is not None and spec["stories"][story] not in paras:
                paras.append(spec["stories"][story])
            if story2 is not None:
                paras.append(spec["stories"][story2])
            paras.append(rng.choice(spec["closings"]))
            if rng.random() < (0.6 if long else 0.3):
                paras.append(rng.choice(QUALITY_PS))
            text = "\n\n".join(paras)
            if not (300 <= len(text) <= 1200):
                continue
            _, g = bigrams(text)
            if any(jaccard(g, h) >= 0.5 for h in self.grams[topic]):
                continue
            self.sets[topic].append(list(chosen))
            self.grams[topic].append(g)
            self.used_titles[topic].append(raw)
            if story is not None:
                self.story_uses[topic][story] += 1
            if story2 is not None:
                self.story_uses[topic][story2] += 1
            return dict(title=title, text=text)
        return None


# --------------------------------------------------------------------------
# schedule: which topic, where, on which day
# --------------------------------------------------------------------------
REL312_DT = datetime(2026, 9, 15, 10, 0)
REL320_DT = datetime(2026, 10, 5, 10, 0)
REL321_DT = datetime(2026, 10, 10, 14, 0)

# fixed daily counts of the v3.2.0 crash (both sources together)
CRASH_V320 = {D(10, 5): 17, D(10, 6): 24, D(10, 7): 22, D(10, 8): 20, D(10, 9): 16,
              D(10, 10): 12, D(10, 11): 8, D(10, 12): 6, D(10, 13): 4, D(10, 14): 3,
              D(10, 15): 2, D(10, 16): 2, D(10, 17): 1, D(10, 18): 1, D(10, 19): 1,
              D(10, 21): 1, D(10, 24): 1}
# part-time / WeChat spam wave in community comments
SPAM_WAVE = {D(9, 19): 4, D(9, 20): 47, D(9, 21): 58, D(9, 22): 52, D(9, 23): 43, D(9, 24): 5}
SPAM_REPOSTS = 14          # exact-duplicate reposts inside the wave
QUALITY_PER_TOPIC = {"tip_bookkeeping": 17, "budget_method": 16, "finance_experience": 16,
                     "feature_guide": 16}

# (category, topic, generator, daily rate appstore, daily rate community, P(post) in community)
RECURRING = [
    ("bug", "app_crash_misc", gen_crash_misc, 0.30, 0.15, 0.10),
    ("bug", "sms_code_not_received", gen_sms, 0.65, 0.35, 0.10),
    ("bug", "bank_sync_fail", gen_bank, 0.60, 0.45, 0.12),
    ("bug", "data_loss", gen_data_loss, 0.20, 0.12, 0.15),
    ("bug", "none", gen_bug_misc, 0.40, 0.30, 0.10),
    ("feature_request", "export_excel", gen_export, 0.60, 0.40, 0.12),
    ("feature_request", "multi_ledger", gen_multi_ledger, 0.50, 0.50, 0.12),
    ("feature_request", "budget_reminder", gen_budget_reminder, 0.30, 0.30, 0.10),
    ("feature_request", "home_widget", gen_widget, 0.30, 0.20, 0.10),
    ("feature_request", "none", gen_feature_misc, 0.45, 0.35, 0.12),
    ("other", "none", gen_none, 4.80, 6.00, 0.04),
    ("other", "ads_too_many", gen_ads, 0.40, 0.20, 0.08),
    ("other", "vip_too_expensive", gen_vip, 0.40, 0.20, 0.08),
    ("other", "howto_question", gen_howto, 0.30, 0.70, 0.30),
    ("spam", "spam_fake_review", gen_spam_fake_review, 0.40, 0.10, 0.20),
    ("spam", "spam_seo", gen_spam_seo, 0.00, 0.35, 0.85),
    ("spam", "spam_gambling", gen_spam_gambling, 0.05, 0.30, 0.25),
    ("spam", "spam_loan", gen_spam_loan, 0.05, 0.25, 0.25),
]
SPECIAL = {
    "crash_on_launch_v320": ("bug", gen_crash_v320),
    "dark_mode": ("feature_request", gen_dark_mode),
    "restore_old_icon": ("feature_request", gen_old_icon),
    "spam_wave_parttime": ("spam", gen_spam_wave),
}

HOUR_W = [2.0, 1.2, 0.6, 0.3, 0.2, 0.3, 0.8, 2.0, 3.5, 4.0, 3.5, 3.5,
          4.5, 4.5, 3.0, 2.8, 2.8, 3.0, 3.5, 4.5, 5.5, 6.5, 6.5, 4.0]
SPAM_HOUR_W = [1.5, 1.5, 1.2, 1.0, 1.0, 1.0, 1.2, 2.0, 2.5, 2.5, 2.5, 2.5,
               2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 3.0, 3.0, 3.0, 2.5, 2.0]


def rand_time(rng: random.Random, d: date, not_before: datetime | None = None, weights=HOUR_W) -> datetime:
    hours = list(range(24))
    lo = 0
    if not_before is not None and not_before.date() == d:
        lo = not_before.hour
    h = wchoice(rng, [(x, weights[x]) for x in hours if x >= lo])
    t = datetime(d.year, d.month, d.day, h, rng.randrange(60), rng.randrange(60))
    if not_before is not None and t < not_before:
        t = not_before + timedelta(minutes=rng.randrange(5, 50), seconds=rng.randrange(60))
    return t


def community_kind(rng, post_p):
    return "post" if rng.random() < post_p else "comment"


def build_schedule(rng: random.Random):
    slots = []

    def add(source, category, topic, gen, dt, kind):
        slots.append(dict(source=source, category=category, topic=topic, gen=gen, dt=dt, kind=kind))

    for k in range(NDAYS):
        d = START + timedelta(days=k)
        weekend = d.weekday() >= 5
        # recurring topics
        for category, topic, gen, la, lc, post_p in RECURRING:
            mult = 1.15 if (weekend and category != "spam") else 1.0
            if topic == "bank_sync_fail":
                if REL_312 <= d <= REL_312 + timedelta(days=3):
                    mult *= 3.2
                elif REL_312 + timedelta(days=4) <= d <= REL_312 + timedelta(days=6):
                    mult *= 1.8
            if topic == "none" and category == "other" and REL_320 <= d <= REL_320 + timedelta(days=4):
                mult *= 0.8    # the crash drowns out the usual praise for a few days
            for _ in range(poisson(rng, la * mult)):
                nb = REL312_DT if (topic == "bank_sync_fail" and d == REL_312) else None
                add("appstore", category, topic, gen, rand_time(rng, d, nb), "review")
            for _ in range(poisson(rng, lc * mult)):
                add("community", category, topic, gen, rand_time(rng, d), community_kind(rng, post_p))
        # dark mode: steady 3-4 a day
        n = wchoice(rng, [(2, 1), (3, 4), (4, 4), (5, 1)])
        for _ in range(n):
            if rng.random() < 0.58:
                add("appstore", "feature_request", "dark_mode", gen_dark_mode, rand_time(rng, d), "review")
            else:
                add("community", "feature_request", "dark_mode", gen_dark_mode, rand_time(rng, d),
                    community_kind(rng, 0.08))
        # crash spike after v3.2.0
        for _ in range(CRASH_V320.get(d, 0)):
            t = rand_time(rng, d, REL320_DT)
            if rng.random() < 0.7:
                add("appstore", "bug", "crash_on_launch_v320", gen_crash_v320, t, "review")
            else:
                add("community", "bug", "crash_on_launch_v320", gen_crash_v320, t, community_kind(rng, 0.12))
        # the new icon annoys people for about two weeks
        if d >= REL_320:
            lam = 3.2 * math.exp(-(d - REL_320).days / 5.0) + 0.15
            for _ in range(poisson(rng, lam)):
                t = rand_time(rng, d, REL320_DT)
                if rng.random() < 0.6:
                    add("appstore", "feature_request", "restore_old_icon", gen_old_icon, t, "review")
                else:
                    add("community", "feature_request", "restore_old_icon", gen_old_icon, t,
                        community_kind(rng, 0.08))
        # spam wave: bursts from a handful of accounts
        n = SPAM_WAVE.get(d, 0)
        if n:
            first = datetime(d.year, d.month, d.day, 21, 10) if d == D(9, 19) else None
            nbursts = max(1, n // 7)
            left = n
            for b in range(nbursts):
                size = left if b == nbursts - 1 else max(1, round(n / nbursts + rng.uniform(-2, 2)))
                size = min(size, left)
                left -= size
                t = rand_time(rng, d, first, SPAM_HOUR_W)
                for _ in range(size):
                    add("community", "spam", "spam_wave_parttime", gen_spam_wave, t, "comment")
                    t += timedelta(seconds=rng.randrange(15, 420))
                    if t.date() != d:
                        t = datetime(d.year, d.month, d.day, 23, 59, rng.randrange(60))
    # quality posts, spread over the whole period (more at weekends)
    days = [START + timedelta(days=k) for k in range(NDAYS)]
    dw = [(d, 1.6 if d.weekday() >= 5 else 1.0) for d in days]
    for topic, n in QUALITY_PER_TOPIC.items():
        for _ in range(n):
            d = wchoice(rng, dw)
            add("community", "quality_content", topic, None, rand_time(rng, d), "post")
    return slots


# --------------------------------------------------------------------------
# near-duplicate control
# --------------------------------------------------------------------------
THR_TEXT = 0.5     # max character-bigram Jaccard between two texts of one topic
THR_SPAM = 0.65    # spam is templated by nature; a little looser


class Deduper:
    def __init__(self):
        self.exact = []           # list + dict for deterministic behaviour
        self.exact_set = {}
        self.by_topic = defaultdict(list)

    def ok(self, text: str, key, thr: float) -> bool:
        if len(text.strip()) < 2:
            return False
        norm, grams = bigrams(text)
        if not norm:
            norm = text.strip()
        if text in self.exact_set or ("N:" + norm) in self.exact_set:
            return False
        for n2, g2 in self.by_topic[key]:
            if len(norm) < 5 or len(n2) < 5:
                short, long_ = sorted((norm, n2), key=len)
                if short == long_ or (short in long_ and len(long_) - len(short) <= 2):
                    return False
            elif jaccard(grams, g2) >= thr:
                return False
        return True

    def add(self, text: str, key):
        norm, grams = bigrams(text)
        if not norm:
            norm = text.strip()
        self.exact_set[text] = 1
        self.exact_set["N:" + norm] = 1
        self.by_topic[key].append((norm, grams))


SPAM_AUTHORS = L("""
兼职招募官
日结小姐姐
宝妈互助群主
副业指南针
在家赚钱小能手
招聘专员-小雅
jz日结
点赞员招募
网赚导师阿明
小雨姐姐带你赚
正规平台客服
零花钱小助手
学生兼职群
日结300不是梦
""")


def spam_author(rng):
    if rng.random() < 0.7:
        return rng.choice(SPAM_AUTHORS)
    return "用户_" + "".join(rng.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(6))


def engagement(rng, cat, topic, kind, dt):
    if cat == "spam":
        return (0 if rng.random() < 0.9 else rng.randrange(1, 3),
                0 if rng.random() < 0.8 else rng.randrange(1, 4))
    if cat == "quality_content":
        likes = int(rng.lognormvariate(5.0, 0.75))
        return likes, int(likes * rng.uniform(0.04, 0.18)) + rng.randrange(2, 12)
    if kind == "post":
        base = 15 if cat == "bug" else 7
        likes = int(rng.expovariate(1 / base))
        return likes, int(rng.expovariate(1 / 5)) + rng.randrange(0, 3)
    base = 2.5
    if topic == "crash_on_launch_v320":
        base = 10
    elif topic == "dark_mode":
        base = 6
    likes = int(rng.expovariate(1 / base))
    replies = 0 if rng.random() < 0.7 else rng.randrange(1, 5)
    return likes, replies


def appstore_version_at(rng, dt: datetime) -> str:
    d = dt.date()
    if dt < REL312_DT:
        return "3.1.0"
    if dt < REL320_DT:
        lag = 0.35 if (d - REL_312).days < 4 else 0.08
        return "3.1.0" if rng.random() < lag else "3.1.2"
    if dt < REL321_DT:
        lag = max(0.05, 0.4 - 0.08 * (d - REL_320).days)
        return "3.1.2" if rng.random() < lag else "3.2.0"
    lag = max(0.04, 0.35 - 0.06 * (d - REL_321).days)
    return "3.2.0" if rng.random() < lag else "3.2.1"


def latest_version_at(dt: datetime) -> str:
    if dt < REL312_DT:
        return "3.1.0"
    if dt < REL320_DT:
        return "3.1.2"
    if dt < REL321_DT:
        return "3.2.0"
    return "3.2.1"


def build():
    rng_s = random.Random(SEED)
    rng_t = random.Random(SEED * 7 + 1)
    rng_m = random.Random(SEED * 13 + 5)
    slots = build_schedule(rng_s)
    slots.sort(key=lambda x: (x["dt"], x["source"], x["category"], x["topic"]))

    # quality posts are written up-front (two long ones per topic first)
    qw = QualityWriter(random.Random(SEED + 99))
    qposts = {}
    for topic, n in QUALITY_PER_TOPIC.items():
        posts = [qw.write(topic, long=True) for _ in range(2)]
        posts += [qw.write(topic) for _ in range(n - 2)]
        posts = [p for p in posts if p]
        rng_m.shuffle(posts)
        qposts[topic] = posts

    dd = Deduper()
    items, dropped = [], Counter()
    for sl in slots:
        cat, topic, dt = sl["category"], sl["topic"], sl["dt"]
        if sl["source"] == "appstore":
            version = appstore_version_at(rng_m, dt)
        else:
            version = latest_version_at(dt)
        ctx = Ctx(sl["source"], sl["kind"], dt.date(), version)
        ctx.dt = dt
        key = (cat, topic)
        thr = THR_SPAM if cat == "spam" else THR_TEXT
        out = None
        if cat == "quality_content":
            if qposts[topic]:
                out = qposts[topic].pop()
                if not dd.ok(out["text"], key, 0.5):
                    out = None
        else:
            for _ in range(80):
                cand = sl["gen"](rng_t, ctx)
                if cand["text"] and dd.ok(cand["text"], key, thr):
                    out = cand
                    break
        if out is None:
            dropped[(cat, topic)] += 1
            continue
        dd.add(out["text"], key)
        it = dict(source=sl["source"], kind=sl["kind"], category=cat, topic=topic, dt=dt,
                  text=out["text"], title=out.get("title") if sl["kind"] == "post" else None)
        if sl["source"] == "appstore":
            it["rating"] = out.get("rating", 3)
            it["version"] = out.get("version") or version
            if topic == "crash_on_launch_v320" and dt < REL321_DT:
                it["version"] = "3.2.0"
            # a reviewer who talks about a version is running at least that version
            order = ["3.1.0", "3.1.2", "3.2.0", "3.2.1"]
            floor = "3.2.0" if topic == "restore_old_icon" else "3.1.0"
            for v in order[1:]:
                if v in out["text"] and order.index(v) <= order.index(latest_version_at(dt)):
                    floor = max(floor, v, key=order.index)
            if order.index(it["version"]) < order.index(floor):
                it["version"] = floor
            it["author"] = spam_author(rng_m) if cat == "spam" else nickname(rng_m, "appstore")
        else:
            it["author"] = spam_author(rng_m) if cat == "spam" else nickname(rng_m, "community")
            it["likes"], it["replies"] = engagement(rng_m, cat, topic, sl["kind"], dt)
        items.append(it)

    # spammers repost a few of their own comments word for word
    wave = [it for it in items if it["topic"] == "spam_wave_parttime"]
    late = wave[len(wave) // 4:]
    for it in rng_m.sample(late, min(SPAM_REPOSTS, len(late))):
        earlier = [w for w in wave if w["dt"] < it["dt"] and w["text"] != it["text"]]
        src = rng_m.choice(earlier)
        it["text"] = src["text"]
        if rng_m.random() < 0.6:
            it["author"] = src["author"]
    return items, dropped


# --------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------
def write_outputs(items):
    OUT.mkdir(parents=True, exist_ok=True)
    app = [it for it in items if it["source"] == "appstore"]
    com = [it for it in items if it["source"] == "community"]
    app.sort(key=lambda x: x["dt"])
    com.sort(key=lambda x: x["dt"])
    for i, it in enumerate(app, 1):
        it["id"] = f"r{i:06d}"
    for i, it in enumerate(com, 1):
        it["id"] = f"c{i:06d}"

    with open(OUT / "appstore_reviews.csv", "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(APPSTORE_HEADER)
        for it in app:
            w.writerow([it["id"], it["author"], it["rating"], it["text"],
                        it["dt"].strftime("%Y-%m-%d %H:%M:%S"), it["version"]])

    with open(OUT / "community.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for it in com:
            obj = {"id": it["id"], "kind": it["kind"], "author": it["author"], "title": it["title"],
                   "text": it["text"], "created_at": it["dt"].strftime("%Y-%m-%dT%H:%M:%S+08:00"),
                   "likes": it["likes"], "replies": it["replies"]}
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")

    with open(OUT / "topics.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "id", "category", "topic"])
        for it in app + com:
            w.writerow([it["source"], it["id"], it["category"], it["topic"]])
    return app, com


def day_counts(items, pred):
    c = Counter(it["dt"].date() for it in items if pred(it))
    return [c.get(START + timedelta(days=k), 0) for k in range(NDAYS)]


def summary(items) -> str:
    lines = []
    days = [START + timedelta(days=k) for k in range(NDAYS)]
    crash = day_counts(items, lambda x: x["topic"] == "crash_on_launch_v320")
    crash_misc = day_counts(items, lambda x: x["topic"] == "app_crash_misc")
    dark = day_counts(items, lambda x: x["topic"] == "dark_mode")
    spam = day_counts(items, lambda x: x["category"] == "spam")
    wave = day_counts(items, lambda x: x["topic"] == "spam_wave_parttime")
    total = day_counts(items, lambda x: True)
    lines.append("date        total  crash_v320  crash_misc  dark_mode  spam(wave)")
    for k, d in enumerate(days):
        lines.append(f"{d}  {total[k]:5d}  {crash[k]:10d}  {crash_misc[k]:10d}  {dark[k]:9d}  {spam[k]:4d} ({wave[k]})")
    lines.append("")
    lines.append("per category (appstore / community / total):")
    for cat in CATEGORIES:
        a = sum(1 for it in items if it["category"] == cat and it["source"] == "appstore")
        c = sum(1 for it in items if it["category"] == cat and it["source"] == "community")
        lines.append(f"  {cat:16s} {a:4d} / {c:4d} / {a + c:4d}")
    return "\n".join(lines)


def topic_table(items):
    c = Counter((it["category"], it["topic"], it["source"]) for it in items)
    keys = sorted({(k[0], k[1]) for k in c}, key=lambda k: (CATEGORIES.index(k[0]), k[1]))
    rows = []
    for cat, topic in keys:
        a, m = c.get((cat, topic, "appstore"), 0), c.get((cat, topic, "community"), 0)
        rows.append((cat, topic, a, m, a + m))
    return rows


TOPIC_NOTES = {
    "crash_on_launch_v320": "闪退/白屏/一点记一笔就崩溃 after v3.2.0 (the spike)",
    "app_crash_misc": "occasional crashes not tied to v3.2.0 (baseline)",
    "sms_code_not_received": "短信验证码收不到",
    "bank_sync_fail": "银行卡同步失败 / 账单导入失败 (bump after v3.1.2)",
    "data_loss": "数据丢失 / 记录消失",
    "dark_mode": "夜间模式 / 深色模式 / 暗黑模式",
    "export_excel": "导出 Excel / CSV",
    "multi_ledger": "多账本 / 家庭共享账本",
    "budget_reminder": "预算超支提醒",
    "home_widget": "桌面小组件 / widget",
    "restore_old_icon": "把旧版图标改回来 (after v3.2.0)",
    "ads_too_many": "complaint: 广告太多 (no request)",
    "vip_too_expensive": "complaint: 会员太贵 (no request)",
    "howto_question": "usage questions (怎么设置预算？转账怎么记？)",
    "tip_bookkeeping": "post: 记账技巧",
    "budget_method": "post: 预算方法",
    "finance_experience": "post: 理财心得",
    "feature_guide": "post: 功能攻略",
    "spam_wave_parttime": "兼职日结 / 刷单 / 加v spam wave in comments",
    "spam_fake_review": "fake reviews, 好评返现, promotion of other apps",
    "spam_seo": "SEO / web-agency ads (xx市SEO优化专家…)",
    "spam_gambling": "gambling ads",
    "spam_loan": "loan ads",
    "none": "no topic: generic praise, chit-chat, one-off bugs or ideas",
}


NONE_NOTES = {"bug": "no topic: one-off bugs (图例颜色不对, 键盘挡住输入框…)",
              "feature_request": "no topic: one-off ideas (Apple Watch, 外币, 日历视图…)",
              "other": "no topic: generic praise (好用, 界面简洁, 用了三年了) and chit-chat"}


def write_readme(items, app, com):
    rows = topic_table(items)
    cats = Counter(it["category"] for it in items)
    days = [START + timedelta(days=k) for k in range(NDAYS)]
    crash = day_counts(items, lambda x: x["topic"] == "crash_on_launch_v320")
    dark = day_counts(items, lambda x: x["topic"] == "dark_mode")
    wave = day_counts(items, lambda x: x["topic"] == "spam_wave_parttime")
    spam = day_counts(items, lambda x: x["category"] == "spam")
    posts = sum(1 for it in com if it["kind"] == "post")
    trad = sum(1 for it in items if to_simplified(it["text"]) != it["text"])
    texts = Counter(it["text"] for it in items)
    dups = sum(v - 1 for v in texts.values() if v > 1)
    lens = sorted(len(it["text"]) for it in items)
    qlens = [len(it["text"]) for it in items if it["category"] == "quality_content"]
    qmin, qmax = min(qlens), max(qlens)

    def span(vals, a, b):
        i, j = (a - START).days, (b - START).days
        return ", ".join(f"{(START + timedelta(days=k)).strftime('%m-%d')}: {vals[k]}" for k in range(i, j + 1))

    out = []
    out.append("# Sample feed: 青柠记账 (fictional)\n")
    out.append("A small, **fictional** feed of Chinese user feedback for one product, shipped so that "
               "huisheng (回声) can be tried end to end without any real data. The product, the people, "
               "the nicknames and every text are invented; the texts were written for this project "
               "(hand-written fragments composed at random by `scripts/build_sample.py`). Nothing was "
               "copied from any corpus or website.\n")
    out.append("## The product\n")
    out.append("青柠记账 (Qingning Bookkeeping), a personal-finance / bookkeeping app with a community "
               "(社区) where users post tips. Versions in the feed:\n")
    out.append("| version | released (Asia/Shanghai) | notes |\n|---|---|---|")
    out.append("| 3.1.0 | before 2026-09-01 | |")
    out.append("| 3.1.2 | 2026-09-15 10:00 | bank sync / bill import breaks for a few days |")
    out.append("| 3.2.0 | 2026-10-05 10:00 (day 35) | crash on launch / on 记一笔; new app icon |")
    out.append("| 3.2.1 | 2026-10-10 14:00 | hotfix for the crash |\n")
    out.append("## Files\n")
    out.append(f"| file | rows | format |\n|---|---|---|")
    out.append(f"| `appstore_reviews.csv` | {len(app)} | app-store reviews; UTF-8 **with BOM**; header "
               f"`编号,昵称,评分,内容,时间,版本` (id `r000123`, nickname, rating 1–5, text, "
               f"`2026-09-01 08:15:00` local time, app version); RFC 4180 quoting, texts may hold commas, "
               f"quotes and line breaks |")
    out.append(f"| `community.jsonl` | {len(com)} | community comments and posts, UTF-8, one JSON object a "
               f"line: `id` (`c000123`), `kind` (`comment`/`post`), `author`, `title` (null for comments), "
               f"`text`, `created_at` (`2026-09-01T08:15:00+08:00`), `likes`, `replies`; {posts} posts "
               f"({posts * 100 // len(com)}%) |")
    out.append(f"| `topics.csv` | {len(items)} | **ground truth for evaluation only — not ingested**: "
               f"`source,id,category,topic`; source `appstore`/`community`, category one of "
               f"{', '.join(CATEGORIES)}; topic a short slug or `none` |\n")
    out.append(f"Period: 2026-09-01 .. 2026-10-30 (60 days), timestamps in Asia/Shanghai with a realistic "
               f"hour-of-day curve (quiet 02–06, peaks at lunch and 20–23). Total: **{len(items)} items**.\n")
    out.append("## Patterns\n")
    out.append(f"- **Crash spike** (`crash_on_launch_v320`, bug): nothing before v3.2.0; after the release "
               f"on 2026-10-05 10:00 — {span(crash, D(10, 5), D(10, 9))} — then decaying after the hotfix "
               f"v3.2.1 (10-10): {span(crash, D(10, 10), D(10, 16))}. Most reviews mention v3.2.0 and rate "
               f"1★; some sarcastic (更新完直接闪退，真是太感谢了). Background crashes (`app_crash_misc`) "
               f"stay at ~0–1/day throughout.")
    out.append(f"- **Steady feature demand** (`dark_mode`): {min(dark)}–{max(dark)} a day "
               f"(mean {sum(dark) / NDAYS:.1f}) for all 60 days, phrased many ways "
               f"(夜间模式, 深色模式, 暗黑模式, 黑色主题, dark mode…).")
    out.append(f"- **Spam wave** (`spam_wave_parttime`): part-time-job / WeChat promotion comments "
               f"(兼职日结, 刷单, 加v, 宝妈在家也能赚, obfuscated ids like `v❤ qn8866`) — "
               f"{span(wave, D(9, 19), D(9, 24))}. All spam per day otherwise: "
               f"{sum(spam[k] - wave[k] for k in range(NDAYS)) / NDAYS:.1f} on average "
               f"(SEO posts, gambling, loans, fake reviews). {dups} exact-duplicate reposts, all by spammers.")
    bank = day_counts(items, lambda x: x["topic"] == "bank_sync_fail")
    base = [bank[k] for k in range(NDAYS) if not (14 <= k <= 20)]
    out.append(f"- **Bank sync bump** (`bank_sync_fail`): ~{sum(base) / len(base):.1f}/day, more after v3.1.2 "
               f"(09-15): {span(bank, D(9, 13), D(9, 22))}.")
    out.append("- **Old icon** (`restore_old_icon`): appears with v3.2.0 and fades over ~2 weeks.")
    out.append("- Other recurring topics at a steady rate: SMS code not received, data loss, export Excel/CSV, "
               "multiple/shared ledgers, budget reminders, home-screen widget; complaints without a request "
               "(ads, membership price); usage questions; praise and chit-chat (`none`).")
    out.append(f"- **Quality content**: {cats['quality_content']} multi-paragraph community posts "
               f"(记账技巧, 预算方法, 理财心得, 功能攻略; {qmin}–{qmax} characters, paragraphs separated by a blank "
               f"line) with many likes — the ones worth featuring.")
    out.append(f"- Realistic noise: slang, emoji, typos (登陆/登录, 在/再), traditional characters in "
               f"~{trad * 100 / len(items):.0f}% of items, mixed English (app, bug, vip, iOS), device names, "
               f"anger and sarcasm; texts from {lens[0]} to {lens[-1]} characters (median {lens[len(lens) // 2]}). "
               f"No two texts of one topic are near-identical (character-bigram Jaccard < {THR_TEXT}; "
               f"< {THR_SPAM} for spam, apart from the reposts).\n")
    out.append("## Counts per category\n")
    out.append("| category | appstore | community | total |\n|---|---:|---:|---:|")
    for cat in CATEGORIES:
        a = sum(1 for it in app if it["category"] == cat)
        c = sum(1 for it in com if it["category"] == cat)
        out.append(f"| {cat} | {a} | {c} | {a + c} |")
    out.append(f"| **total** | {len(app)} | {len(com)} | {len(items)} |\n")
    out.append("## Counts per topic\n")
    out.append("| category | topic | appstore | community | total | what |\n|---|---|---:|---:|---:|---|")
    for cat, topic, a, c, t in rows:
        note = NONE_NOTES[cat] if topic == "none" else TOPIC_NOTES.get(topic, "")
        out.append(f"| {cat} | `{topic}` | {a} | {c} | {t} | {note} |")
    out.append("")
    out.append("## Daily counts of the main patterns\n")
    out.append("| date | all items | crash_on_launch_v320 | dark_mode | spam (all) | spam_wave_parttime |\n"
               "|---|---:|---:|---:|---:|---:|")
    total = day_counts(items, lambda x: True)
    for k, d in enumerate(days):
        out.append(f"| {d} | {total[k]} | {crash[k]} | {dark[k]} | {spam[k]} | {wave[k]} |")
    out.append("")
    out.append("## How it was made\n")
    out.append("```\npython3 scripts/build_sample.py          # rebuild, print a summary, verify\n"
               "python3 scripts/build_sample.py --check  # verify the files only\n```\n")
    out.append(f"Standard library only, fixed seed ({SEED}); two runs give byte-identical files. "
               "The script schedules items per day and topic (Poisson rates, fixed curves for the crash "
               "spike and the spam wave), draws a timestamp from the hour-of-day curve, and composes each "
               "text from hand-written fragments (openers, symptoms, reasons, closers, emoji, typos, "
               "occasional traditional characters), rejecting exact duplicates and near-duplicates within "
               "a topic. Quality posts are assembled from hand-written paragraphs so that two posts of one "
               "theme share at most two paragraphs. Everything here is fictional and was written for huisheng; "
               "it may be used freely with the project.\n")
    (OUT / "README.md").write_text("\n".join(out), encoding="utf-8")


# --------------------------------------------------------------------------
# verification
# --------------------------------------------------------------------------
def verify() -> list[str]:
    errs = []
    ap = OUT / "appstore_reviews.csv"
    raw = ap.read_bytes()
    if not raw.startswith(b"\xef\xbb\xbf"):
        errs.append("appstore_reviews.csv has no UTF-8 BOM")
    with open(ap, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    with open(ap, encoding="utf-8-sig", newline="") as f:
        header = next(csv.reader(f))
    if header != APPSTORE_HEADER:
        errs.append(f"bad header {header}")
    n_records = raw.decode("utf-8-sig").count("\r\n") - 1   # rows end in CRLF; texts use bare LF
    if len(rows) != n_records:
        errs.append(f"csv DictReader rows {len(rows)} != written records {n_records}")
    ids_app = [r["编号"] for r in rows]
    for r in rows:
        if not re.fullmatch(r"r\d{6}", r["编号"]):
            errs.append(f"bad id {r['编号']}")
        if r["评分"] not in {"1", "2", "3", "4", "5"}:
            errs.append(f"bad rating {r}")
        datetime.strptime(r["时间"], "%Y-%m-%d %H:%M:%S")
        if not r["内容"]:
            errs.append(f"empty text {r['编号']}")
    com = []
    with open(OUT / "community.jsonl", encoding="utf-8") as f:
        for line in f:
            com.append(json.loads(line))
    keys = ["id", "kind", "author", "title", "text", "created_at", "likes", "replies"]
    for o in com:
        if list(o) != keys:
            errs.append(f"bad keys {o}")
        if o["kind"] not in ("comment", "post"):
            errs.append(f"bad kind {o['id']}")
        if (o["kind"] == "comment") != (o["title"] is None):
            errs.append(f"title/kind mismatch {o['id']}")
        if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00", o["created_at"]):
            errs.append(f"bad created_at {o['id']}")
        if not isinstance(o["likes"], int) or not isinstance(o["replies"], int):
            errs.append(f"bad counts {o['id']}")
    with open(OUT / "topics.csv", encoding="utf-8", newline="") as f:
        topics = list(csv.DictReader(f))
    tid = Counter(t["id"] for t in topics)
    feed = ids_app + [o["id"] for o in com]
    if len(set(feed)) != len(feed):
        errs.append("duplicate ids in feed")
    for i in feed:
        if tid.get(i) != 1:
            errs.append(f"id {i} appears {tid.get(i)} times in topics.csv")
    if len(topics) != len(feed):
        errs.append("topics.csv has ids not in the feed")
    for t in topics:
        if t["category"] not in CATEGORIES or not t["topic"]:
            errs.append(f"bad topic row {t}")
        if t["source"] != ("appstore" if t["id"].startswith("r") else "community"):
            errs.append(f"bad source {t}")
    texts = [r["内容"] for r in rows] + [o["text"] for o in com]
    cat = {t["id"]: t["category"] for t in topics}
    c = Counter(texts)
    dup_extra = sum(v - 1 for v in c.values() if v > 1)
    if dup_extra > 20:
        errs.append(f"{dup_extra} exact duplicates")
    by_text = defaultdict(list)
    for i, tx in zip(feed, texts):
        by_text[tx].append(i)
    for tx, ids in by_text.items():
        if len(ids) > 1 and any(cat[i] != "spam" for i in ids):
            errs.append(f"non-spam duplicate {ids}")
    for o in com:
        if cat[o["id"]] == "quality_content":
            if o["kind"] != "post" or not (300 <= len(o["text"]) <= 1200) or "\n\n" not in o["text"]:
                errs.append(f"bad quality post {o['id']}")
    if max(len(t) for t in texts) > 1200 or min(len(t) for t in texts) < 2:
        errs.append("text length out of 2..1200")
    return errs


def main():
    if "--check" in sys.argv:
        errs = verify()
        print("OK" if not errs else "\n".join(errs[:50]))
        return 1 if errs else 0
    items, dropped = build()
    app, com = write_outputs(items)
    write_readme(items, app, com)
    print(summary(items))
    if dropped:
        print("dropped (no distinct text found):", dict(dropped))
    print()
    for cat, topic, a, c, t in topic_table(items):
        print(f"  {cat:16s} {topic:24s} {a:4d} {c:4d} {t:4d}")
    errs = verify()
    print("\nverify:", "OK" if not errs else "\n".join(errs[:50]))
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
