"""A measured test set for PII masking (issue 12 item 2): realistic feedback strings written for this project.

``POSITIVES``: (text, secret) where ``secret`` is the personal datum exactly as written in the text; masking
succeeds when no trace of it survives (neither the written form nor its digits / id). ``NEGATIVES``: strings with
numbers that are not personal data (order and tracking numbers, dates, times, versions, prices, counts, models);
masking must leave them unchanged. Values are generated from a fixed seed so the set is stable.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

_rng = random.Random(20261129)
_FW = str.maketrans("0123456789-.:@ ", "０１２３４５６７８９－．：＠　")
_CN = str.maketrans("0123456789", "零一二三四五六七八九")


def _mobile() -> str:
    return "1" + _rng.choice("3456789") + "".join(_rng.choice("0123456789") for _ in range(9))


def _luhn_complete(body: str) -> str:
    for d in "0123456789":
        n = body + d
        total = 0
        for i, ch in enumerate(reversed(n)):
            k = int(ch)
            if i % 2:
                k = k * 2 - 9 if k > 4 else k * 2
            total += k
        if total % 10 == 0:
            return n
    raise AssertionError


def _card(length: int) -> str:
    prefix = _rng.choice(["622202", "621700", "622848", "623058", "436742", "625965", "518710"])
    return _luhn_complete(prefix + "".join(_rng.choice("0123456789") for _ in range(length - len(prefix) - 1)))


def _birth() -> date:
    return date(1950, 1, 1) + timedelta(days=_rng.randrange(0, 365 * 55))


def _id18() -> str:
    area = _rng.choice(["110101", "310104", "440305", "510107", "330106", "420102", "320582"])
    body = area + _birth().strftime("%Y%m%d") + "".join(_rng.choice("0123456789") for _ in range(3))
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(a) * w for a, w in zip(body, weights)) % 11]
    return body + check


def _id15() -> str:
    area = _rng.choice(["110101", "310104", "440305", "510107"])
    return area + _birth().strftime("%y%m%d") + "".join(_rng.choice("0123456789") for _ in range(3))


def _word(n: int) -> str:
    return "".join(_rng.choice("abcdefghijkmnpqrstuvwxyz") for _ in range(n))


def _wechat_id() -> str:
    return _rng.choice([_word(5) + str(_rng.randint(10, 9999)), _word(3) + "_" + _word(4) + str(_rng.randint(1, 99)),
                        "wxid_" + _word(6) + str(_rng.randint(100, 999)), _word(1).upper() + _word(6) + "-" + str(_rng.randint(1, 99)),
                        "luckygirl" + str(_rng.randint(10, 99))])


def _qq() -> str:
    return str(_rng.randint(10_000, 3_999_999_999))


def _email() -> str:
    local = _rng.choice([_word(2), _word(4) + "." + _word(3), _word(5) + str(_rng.randint(1, 999)), _word(3) + "_" + _word(2)])
    return local, _rng.choice(["163.com", "qq.com", "126.com", "gmail.com", "sina.com.cn", "foxmail.com", "corp.example.cn"])


PHONE_FORMATS = [
    lambda p: p,
    lambda p: f"{p[:3]} {p[3:7]} {p[7:]}",
    lambda p: f"{p[:3]}-{p[3:7]}-{p[7:]}",
    lambda p: f"{p[:3]}.{p[3:7]}.{p[7:]}",
    lambda p: f"+86 {p}",
    lambda p: f"+86-{p[:3]}-{p[3:7]}-{p[7:]}",
    lambda p: f"+86{p}",
    lambda p: f"86 {p[:3]} {p[3:7]} {p[7:]}",
    lambda p: p.translate(_FW),
    lambda p: f"{p[:3]} {p[3:7]} {p[7:]}".translate(_FW),
    lambda p: " ".join(p),
    lambda p: f"{p[:3]} - {p[3:7]} - {p[7:]}",
    lambda p: f"{p[:3]} {p[3:6]} {p[6:]}",
    lambda p: p.translate(_CN),
]
PHONE_CONTEXTS = ["手机 {}", "电话：{}", "有事打{}", "联系我{}找小王", "{}", "客服一直不回，我的号{}，麻烦回电", "加我{}详聊",
                  "tel:{}", "退款没到账，手机号码是{}", "兼职日结 联系 {} 当天结", "我手机{}收不到验证码", "号码 {} 被封了"]
LANDLINES = ["010-{}", "0755-{} ", "(021){}", "（0571）{}", "座机 020{}", "电话 0755 {}", "打0512-{}转人工", "固话：029-{}"]
QQ_CONTEXTS = ["QQ {}", "QQ号码是 {}", "扣扣：{}", "企鹅号 {}", "q:{}", "ＱＱ {}", "加Q {}领福利", "有意者扣扣{}", "qq群 {} 互助",
               "我的qq是{}，被盗了"]
WECHAT_CONTEXTS = ["薇信 {}", "威信：{}", "vx: {}", "V:{}", "加v {} 详聊", "微信号是 {}", "wx：{}", "+V {} 领资料",
                   "加我微信{}", "VX {} 日结", "维信{}低价出", "v：{}"]
EMAIL_FORMATS = [lambda l, d: f"{l}@{d}", lambda l, d: f"{l}@{d.replace('.', '。')}", lambda l, d: f"{l} ＠ {d}",
                 lambda l, d: f"{l}[at]{d}", lambda l, d: f"{l}@{d}".upper(), lambda l, d: f"{l}＠{d.replace('.', '．')}"]
EMAIL_CONTEXTS = ["邮箱 {}", "发我邮箱{}谢谢", "简历投递：{}", "{}", "反馈发到 {} 了没人回", "mail: {}"]
ID_FORMATS = [lambda i: i, lambda i: f"{i[:6]} {i[6:14]} {i[14:]}", lambda i: f"{i[:6]}-{i[6:14]}-{i[14:]}",
              lambda i: i.translate(_FW), lambda i: f"{i[:3]} {i[3:6]} {i[6:10]} {i[10:14]} {i[14:]}"]
ID_CONTEXTS = ["身份证 {}", "身份证号：{}", "实名认证填了{}一直失败", "我的证件号 {} 被别人注册了", "{}"]
CARD_FORMATS = [lambda c: c, lambda c: " ".join(c[i : i + 4] for i in range(0, len(c), 4)),
                lambda c: "-".join(c[i : i + 4] for i in range(0, len(c), 4)), lambda c: c.translate(_FW)]
CARD_CONTEXTS = ["卡号 {}", "银行卡{}扣款两次", "退款退到{}了吗", "提现到 {} 一直没到", "{}"]


def _positives() -> list[tuple[str, str]]:
    out = []
    for fmt in PHONE_FORMATS:
        for ctx in _rng.sample(PHONE_CONTEXTS, 7):
            secret = fmt(_mobile())
            out.append((ctx.format(secret), secret))
    for ctx in LANDLINES:
        for _ in range(3):
            number = str(_rng.randint(2, 8)) + "".join(_rng.choice("0123456789") for _ in range(7))
            written = ctx.format(number if _rng.random() < 0.5 else f"{number[:4]} {number[4:]}")
            secret = re.search(r"[（(]?0[\d()（）\- ]+\d", written).group()
            out.append((written, secret))
    for ctx in QQ_CONTEXTS:
        for _ in range(3):
            qq = _qq()
            written = qq.translate(_FW) if "Ｑ" in ctx else qq
            out.append((ctx.format(written), written))
    for ctx in WECHAT_CONTEXTS:
        for _ in range(3):
            wid = _wechat_id()
            out.append((ctx.format(wid), wid))
    for fmt in EMAIL_FORMATS:
        for ctx in EMAIL_CONTEXTS:
            secret = fmt(*_email())
            out.append((ctx.format(secret), secret))
    for fmt in ID_FORMATS:
        for ctx in ID_CONTEXTS:
            for make in (_id18, _id15) if fmt is ID_FORMATS[0] or fmt is ID_FORMATS[1] else (_id18,):
                i = make()
                secret = fmt(i) if len(i) == 18 or fmt is ID_FORMATS[0] else f"{i[:6]} {i[6:12]} {i[12:]}"
                out.append((ctx.format(secret), secret))
    for fmt in CARD_FORMATS:
        for ctx in CARD_CONTEXTS:
            for length in (16, 19):
                secret = fmt(_card(length))
                out.append((ctx.format(secret), secret))
    out += [  # the issue's own reproductions
        ("手机 138.1234.5678", "138.1234.5678"), ("QQ号码是 12345678", "12345678"),
        ("身份证 110101 19900307 1234", "110101 19900307 1234"), ("邮箱 li@163。com", "li@163。com"),
        ("卡号 6222021234567890123", "6222021234567890123"),
    ]
    return out


def _label_positives() -> list[tuple[str, str]]:
    """Cluster labels and keywords (``mask_label``): a contact id that many members repeat becomes a label word."""
    out = [("刷单返利 · luckygirl88 · 详聊", "luckygirl88")]
    for frame in ["刷单返利 · {} · 详聊", "兼职日结 · {}", "{} · 低价 · 代充", "加 · {} · 返现", "{}"]:
        for _ in range(4):
            wid = _wechat_id()
            out.append((frame.format(wid), wid))
    for _ in range(5):
        p = _mobile()
        out.append((f"联系 · {p} · 日结", p))
    return out


LABEL_NEGATIVES = ["闪退 · 更新后 · 打不开", "夜间模式 · 希望增加", "登录失败 · 验证码", "ios17 · 适配", "5G · 加载慢",
                   "1080P · 卡顿", "v3.2.0 · 闪退", "充值 · 648 · 没到账", "会员 · 自动续费", "蓝牙 · 断连 · 耳机",
                   "小米13 · 打不开", "wifi6 · 连不上", "2026-10-05 · 扣费", "E1024 · 网络异常"]


NEGATIVES = [
    "订单号 202610051234567890 一直没发货", "订单号：2026100512345678", "快递单号 SF1234567890123 显示已签收但没收到",
    "运单 YT9876543210987 卡在中转站三天", "2026-10-05 更新后闪退", "2026年10月5日开始打不开", "20261005 那天扣了两次钱",
    "2026-10-05 12:30:45 支付失败", "v3.2.0 更新后闪退了 2026-10-05 第3次", "版本 10.12.3 还是有这个问题", "iOS 17.4.1 上登录不了",
    "¥1299.00 买的 一周就坏了", "花了 2,399 元", "充值 648 元没到账", "等了 30 分钟客服没人回", "第3次反馈了", "好评率 99.9%",
    "1080P 视频卡顿", "5G 网络下加载很慢", "iPhone 15 Pro Max 适配有问题", "群里有 500 人都遇到了", "用了 3 个月就不行了",
    "4000 mAh 电池一天三充", "Mate 60 Pro 打开就黑屏", "Redmi K70 上字体太小", "验证码 583920 一直提示错误", "会员 12 个月 198 元",
    "下载了 2.3 GB 还没装完", "2026/10/05 13:45 出现", "时间戳 1701234567 显示不对", "错误码 E1024 网络异常", "错误代码 -1001",
    "版本号 13.8.1234.5678 的安装包", "build 20261005.1 崩溃", "工单编号 100012345678 没人处理", "发票号码 04401234567 开错了",
    "批次 20260815001 的货有问题", "房间 1203 的空调遥控连不上", "邮编 100080 填不进去", "型号 XQG100-BD14376 的洗衣机",
    "设备序列号 SN2026A1234567", "小米 13 Ultra 打不开", "每天 8:00 推送太早", "第 1 2 3 步都做了", "一共 3 单 共 45.6 元",
    "评分从 4.8 掉到 3.2", "下载量 1,234,567 次", "2.0 版本比 1.9 好用", "ios18 和 ios17 都试过", "安卓 14 系统", "CPU 占用 100%",
    "温度设置 26 度不生效", "扫地机 3 号房间地图丢失", "满 199 减 30 的券用不了", "凌晨 2 点 3 点各推送一次", "QQ音乐 版本 8.2.1 闪退",
    "微信支付失败", "用微信登录后闪退", "希望支持 qq 登录", "加个微信分享功能吧", "邮箱登录收不到验证邮件", "电话客服一直占线",
    "手机发烫严重", "身份证认证一直失败", "银行卡绑定不了", "打了 5 次电话没人接", "联系客服 3 天了", "客服电话 打不通",
    "快递 3 天了还没到", "订单 2 个都没发货", "2026-09-30 至 2026-10-07 国庆活动", "1.5 倍速播放有杂音", "12.9 寸平板显示不全",
    "第 100 次闪退", "连续签到 365 天奖励没发", "价格 3999 降到 2999", "100 元话费充值没到账", "4K 120Hz 不支持",
    "wifi 6 连不上", "蓝牙 5.3 耳机断连", "128GB 版本", "占用 15.6 GB 存储", "每月 9.9 元自动续费", "2024 款的型号",
    "排名第 12 位", "订单号是 8812345678901234567 请查一下", "物流单号 773012345678901", "交易号 4200001234202610051234567890",
    "流水号 2026100500012345", "券码 1234 5678 9012", "兑换码 ABCD-1234-EFGH", "编号 HS-2026-000123",
    "1 月 2 月 3 月都有扣费", "2026 10 05 三天都闪退", "v2 v3 v4 都有这个 bug", "错误 404", "HTTP 500 错误", "端口 8080 被占用",
    "内存 16GB", "分辨率 2560x1440", "电量 85% 掉到 20%", "1 2 3 4 5 6 7 8 星都给不了", "第二季第 12 集卡住",
]


POSITIVES = _positives()
LABEL_POSITIVES = _label_positives()
