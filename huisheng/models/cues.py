"""Hand-made features that carry across product domains.

A bug in a game and a bug in a banking app share 闪退/打不开/没到账, not nouns; a request shares 希望/能不能/建议.
These counts let a model trained on one set of domains recognise the intent in another.
"""

from __future__ import annotations

import re

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

CUES: dict[str, re.Pattern[str]] = {
    "failure": re.compile(r"闪退|崩溃|崩了|卡死|白屏|黑屏|报错|错误|失败|异常|打不开|进不去|登不上|登不了|加载不出|转圈|没反应|无响应|没到账|不到账|收不到|没收到|丢失|消失|不见了|没了|bug|crash|error|闪推"),
    "negated_ability": re.compile(r"(?:不能|无法|没法|不了|没办法|用不了)"),
    "request": re.compile(r"希望|建议|能不能|能否|可不可以|可以加|求|请加|加个|增加|添加|支持一下|出个|什么时候(?:能|出|上|支持)|要是.{0,12}就好了|改回|恢复.{0,6}(?:旧版|以前|原来)"),
    "question": re.compile(r"[?？]|怎么|如何|在哪|哪里|是不是|吗"),
    "contact": re.compile(r"(?:加|\+)\s*(?:v|微|薇|威|vx|wx|q|扣|企鹅)|(?:微信|vx|wx|qq|扣扣|企鹅|v信)\s*[:：号]?\s*[a-z0-9_-]{5,}|\b\d{6,11}\b"),
    "money_lure": re.compile(r"兼职|日结|刷单|日入|月入|躺赚|赚钱|副业|宝妈|首充|彩票|棋牌|博彩|返利|优惠券|免费领|代理|招募|私聊|私信我"),
    "seo": re.compile(r"seo|网站建设|网站推广|关键词|外链|权重|排名|营销|推广|引流"),
    "url": re.compile(r"\bURL\b"),  # normalize() turns links into this placeholder
    "praise": re.compile(r"好用|不错|喜欢|满意|赞|推荐|方便|yyds|棒"),
    "slow": re.compile(r"慢|卡顿|有点卡|延迟"),
    "after_update": re.compile(r"更新(?:后|之后|完|了)|新版|升级(?:后|之后)"),
}

# Version 2 (App Store reviews of smart-home apps): 添加/增加 after a negation is a failure (无法添加设备), not a wish;
# 能不能用点心 is a rant, not a request; and four cues the real reviews needed: a device or account that fails
# (连不上, 离线, 注册不了), a plea to fix (希望尽快修复: still a bug), something not supported or not adapted yet (a
# request even in a complaint), and a vague wish (希望越做越好: other).
_NOT_AFTER_NEGATION = r"(?<!无法)(?<!不能)(?<!没法)(?<!不了)"
CUES_V2: dict[str, re.Pattern[str]] = {
    **CUES,
    "request": re.compile(
        r"希望(?!.{0,6}(?:修复|解决|修好|越做越好|越来越好|继续|再接再厉))|建议|能不能(?!.{0,3}(?:用点心|上点心|靠谱|专业|争点气|用心))|"
        r"能否|可不可以|可以加|(?<![要请])求|请加|加个|" + _NOT_AFTER_NEGATION + r"(?:增加|添加)(?![^，。！？,.!?]{0,6}(?:不了|不上|失败|不进|没反应))|"
        r"支持一下|出个|什么时候(?:能|出|上|支持)|要是.{0,12}就好了|如果.{0,16}就(?:更)?好了|改回|恢复.{0,6}(?:旧版|以前|原来)"),
    "device_fail": re.compile(
        r"连不上|连接不上|连不了|连接失败|离线|掉线|断线|搜不到|找不到设备|(?:添加|绑定|绑|加|配对|配网)(?:不了|不上|失败)|"
        r"无法(?:添加|连接|绑定|注册|登录|登陆|下载|安装|更新|升级|使用|打开|控制|播放|回看|显示|保存|提交|删除)|"
        r"注册不了|登录不了|不好使|不管用|失灵|不执行|不生效|没生效|一直初始化|提示.{0,10}(?:不符合|错误|失败|异常)"),
    "fix_plea": re.compile(r"修复|修一修|修好|快点修|赶紧修|尽快(?:解决|处理|修)|解决(?:一下|问题)|处理一下|bug"),
    "unsupported": re.compile(
        r"不支持|没有?适配|不适配|未适配|还没适配|适配(?:一下|下)|不兼容|兼容一下|没有这个|没有.{0,8}(?:功能|选项|入口|型号|版本)|"
        r"什么时候(?:才)?(?:能|出|支持|适配|轮到)|安卓(?:版|都|端)?(?:有|可以|能|支持)|别人都|iPad版|ipad版|刘海屏|全面屏"),
    "vague_wish": re.compile(r"希望.{0,8}(?:越做越好|越来越好|继续|再接再厉|加油|持续|更好|努力|改进$|优化$)|支持国产|加油"),
}


# Version 3 (issue 8, request recall): on real reviews a request is often a complaint about a deliberate limit or a
# missing thing, not a 希望. "要是…就更好了" counts whatever follows 就; asking to remove / move / separate something
# (去掉商城, 放到别处, 别再推送, 保留旧版) is a request; 添加 in 添加设备 is a noun, not a wish; a "wish" for the company
# (希望越走越好, 希望质量把关, 希望有更多功能) or a 建议 aimed at people (建议大家下载, 建议开除) is not a request; 尽快优化
# and 给个说法 plead like 尽快修复; 什么时候可以适配 asks to adapt. Three new cues: a
# screen or OS that is not fitted (错位, 被状态栏挡住: a request to adapt), a deliberate limit of the design (不能自定义,
# 只能, 非要), and a platform gap (安卓都能, 其他app早有了, 还没推送给我).
CUES_V3: dict[str, re.Pattern[str]] = {
    **CUES_V2,
    "request": re.compile(
        r"希望(?!.{0,6}(?:修复|解决|修好|越做越好|越来越好|越走越好|继续|再接再厉))|建议(?!大家|各位)|"
        r"能不能(?!.{0,3}(?:用点心|上点心|靠谱|专业|争点气|用心))|能否|可不可以|可以加|(?<![要请])求|请加|加个|"
        + _NOT_AFTER_NEGATION + r"(?:增加|添加)(?!设备|保修卡|家人|成功|了|上|到|过|的时候|[^，。！？,.!?]{0,6}(?:不了|不上|失败|不进|没反应))|"
        r"支持一下|出个|什么时候(?:能|出|上|支持)|(?:要是|如果|若是|假如|能).{0,20}就(?:会|能)?(?:更|最|太)?(?:好|完美|方便)|"
        r"改回|恢复.{0,6}(?:旧版|以前|原来)|保留|去掉|拿掉|砍掉|(?:把|将).{0,12}(?:分开|拆开|放(?:在|到)别|移到|挪到|去了|关掉|改成)|"
        r"(?:不要|别)(?:再)?(?:推送|强制|弹|老是)|能.{0,6}(?:分开|关闭|关掉)吗"),
    "vague_wish": re.compile(
        r"希望.{0,16}(?:越做越好|越来越好|越走越好|更多更好|继续|再接再厉|加油|持续|更好|努力|把关|质量|失望|改进$|优化$)|"
        r"希望(?:能)?(?:有|加入|增加|出)?更多(?:的)?(?:功能|设备|产品|好产品)?[!！。]*$|"
        r"支持国[产货]|加油|建议(?:大家|各位)|建议.{0,8}(?:开了|开除|滚|劝退|狠批|辞退|自裁|死)"),
    "fix_plea": re.compile(r"修复|修一修|修好|快点修|赶紧修|(?:尽快|赶紧|速度|抓紧)(?:优化|解决|改进|处理|修)|解决(?:一下|问题)|"
                           r"处理一下|bug|给(?:个|一个)?(?:合理的)?(?:说法|解释|交代)"),
    "unsupported": re.compile(CUES_V2["unsupported"].pattern + r"|什么时候(?:才)?(?:可以|会)(?:适配|支持|用上)|(?:请|赶紧|尽快|快)(?:点)?适配"),
    "screen_fit": re.compile(r"刘海|全面屏|状态栏|重叠|重合|遮挡|挡住|被遮|错位|显示不全|按不到|点不到|iphone\s*(?:x|1[1-6])|\bx[rs]\b|"
                             r"xs\s*max|ipad|平板|折叠屏|大屏|横屏|深色模式|暗黑模式"),
    "design_limit": re.compile(
        r"(?:不能|无法|没法|不可以|不让|没办法|不支持)(?:自定义|自己|调整|区分|选择|单独|批量|隐藏|排序|分组|导出|手动|重命名|"
        r"(?:各自|独立)?命名)|只能|非要|非得|必须(?:要)?(?:登录|下载|绑定|授权|联网)|强制|"
        r"(?:为啥|为什么|干嘛)(?:只有|非要|必须|一定要|要把|去掉|取消|砍)"),
    "platform_gap": re.compile(
        r"(?:安卓|android|网页版|电脑版|其他(?:软件|app|应用|平台|家)|别(?:人|家)).{0,10}(?:就能|都能|早就?|已经|都有|有了)|"
        r"(?:苹果|ios|iphone)(?:版|端|上)?.{0,6}(?:没有|不能|用不了)|(?:还|都)没(?:有)?(?:更新|推送|上线|轮到|开放)|"
        r"型号(?:不对|对不上|不符|库)|(?:列表|选项|型号)(?:里|中)?(?:没有|找不到)|暂不支持|不支持(?:我|这)"),
}


# Evidence that the author promotes something (DESIGN §3: spam needs it). An insult, a rant or a complaint about
# the product's own ads has none; lottery ads, "诚信平台" copy-paste, contact ids and links do.
PROMOTION = re.compile(
    CUES["contact"].pattern + "|" + CUES["money_lure"].pattern + "|" + CUES["seo"].pattern + "|" + r"\bURL\b|"
    r"[①-⑳❶-❿㈠-㈩]{2,}|点\s*(?:com|cn|net|vip)|彩[票金]|投注|时时彩|pk\s*10|快[3三]|双色球|六合|百家乐|娱乐(?:城|平台)|"
    r"体育竞技|线上娱乐|首存|返水|下注|押注|推荐给大家|诚信平台|大家都来下载|(?:每天|每日|一天|日)(?:能|可以|就能)?(?:赚|获得|收入|挣)|"
    r"零投资|0投资|无投入|不需要.{0,4}投入|招(?:代理|商)|加群|群号|网址|官网\s*[a-z0-9]|[a-z0-9]{2,}\s*(?:点|\.)\s*(?:com|cn|net|vip)"
)


# Promotion that no complaint uses: a money-making or gambling pitch, a contact id offered for business, an invite code.
# ("就知道赚钱" is a rant; "赚钱地方", "每日可以80块", "首存100返18" are ads.) The classifier trusts spam more with it.
STRONG_PROMOTION = re.compile(
    r"赚钱的?(?:地方|平台|神器|软件)|(?:每[天日]|一天|日)\s*(?:轻\s*松|可以|能|就能|稳)?\s*(?:赚|挣|收入|到)?\s*\d{2,4}\s*(?:块|元|多|左右)|"
    r"日赚|日入|月入|周入|躺赚|首存|首充|返水|彩票网|送彩金|诚信平台|推荐给大家.{0,12}下载|兼职(?!神器)|刷单|邀请码|推荐码|"
    r"(?:加|\+|关注)\s*(?:q|扣|薇|威|微|v|vx|wx|企鹅|公众号|公众\.?号)\s*[:：]?\s*[a-z0-9(（]|看我昵称|点\s*com|"
    r"不需要.{0,6}(?:投入|费用).{0,12}(?:赚|收入|挣|获得)|空闲时间.{0,4}赚|[①-⑳]{3,}"
)


def has_strong_promotion(text: str) -> bool:
    return STRONG_PROMOTION.search(text) is not None


def has_promotion(text: str) -> bool:
    """True when a normalised text carries evidence of promotion (a spam verdict without it is not trusted)."""
    return PROMOTION.search(text) is not None


def cue_set(version: int = 1) -> dict[str, re.Pattern[str]]:
    return CUES_V3 if version >= 3 else CUES_V2 if version >= 2 else CUES


def cue_counts(text: str, version: int = 1) -> list[float]:
    feats = [min(len(p.findall(text)), 3) / 3.0 for p in cue_set(version).values()]
    n = len(text)
    feats += [min(n, 20) / 20.0, min(n, 300) / 300.0, min(text.count("\n"), 10) / 10.0]
    return feats


class CueFeatures(BaseEstimator, TransformerMixin):
    """Transformer: normalised text → dense cue counts (scaled to [0, 1])."""

    version = 1  # a CueFeatures pickled before versions existed has no instance attribute: it is version 1

    def __init__(self, weight: float = 1.0, version: int = 1):
        self.weight = weight
        self.version = version

    def _cues(self) -> dict[str, re.Pattern[str]]:
        return cue_set(getattr(self, "version", 1))

    def fit(self, X, y=None):
        self.n_features_out_ = len(self._cues()) + 3
        return self

    def transform(self, X):
        version = getattr(self, "version", 1)  # models pickled before version 2 existed
        return sparse.csr_matrix(np.asarray([cue_counts(t, version) for t in X], dtype=np.float64) * self.weight)

    def get_feature_names_out(self, input_features=None):
        return np.asarray([f"cue:{k}" for k in self._cues()] + ["len:short", "len:long", "paragraphs"], dtype=object)

# how a cue is shown next to a prediction in the board ("why was this called a bug?")
CUE_LABELS = {
    "cue:failure": "[故障词 闪退/失败/打不开]", "cue:negated_ability": "[不能/无法]", "cue:request": "[请求词 希望/建议]",
    "cue:question": "[问句]", "cue:contact": "[联系方式]", "cue:money_lure": "[引流词 兼职/返利]", "cue:seo": "[SEO词]",
    "cue:url": "[链接]", "cue:praise": "[夸奖词]", "cue:slow": "[慢/卡顿]", "cue:after_update": "[更新后]",
    "cue:device_fail": "[连不上/离线/无法添加]", "cue:fix_plea": "[请修复]", "cue:unsupported": "[不支持/没适配]",
    "cue:vague_wish": "[泛泛的希望]", "cue:screen_fit": "[屏幕适配]", "cue:design_limit": "[只能/不能设置]",
    "cue:platform_gap": "[安卓有苹果没有]",
    "len:short": "[短文本]", "len:long": "[长文本]", "paragraphs": "[分段]",
}
