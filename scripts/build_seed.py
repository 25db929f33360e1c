#!/usr/bin/env python3
"""Build the seed labelled corpus for huisheng (回声).

Every text is composed from hand-written fragments in this file (written for
this project; nothing is copied from any public corpus).  The generator is
deterministic: a fixed random seed, no set iteration, no time/env input, so
running it twice gives byte-identical output.

Output: data/seed/labelled.jsonl  (one JSON object per line, UTF-8)
Fields: id, text, title, kind, domain, category, split, family

Usage: python3 scripts/build_seed.py
"""
import json
import os
import random
import re
import statistics
from collections import Counter, defaultdict

SEED = 20240611
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "data", "seed", "labelled.jsonl"))

TARGETS = {"bug": 750, "feature_request": 750, "other": 750, "spam": 550, "quality_content": 400}
CATEGORIES = ["bug", "feature_request", "quality_content", "spam", "other"]
FAMILY_CAP = 40        # a template family produces at most this many items
TEMPLATE_CAP = 14      # one template string (skeleton) produces at most this many items
DEV_FRACTION = 0.20
LEN_LIMITS = {"comment": (2, 80), "review": (10, 300), "post": (20, 1500)}
QC_LIMITS = (300, 1500)

# --------------------------------------------------------------------------
# Domain vocabulary (hand-written)
# --------------------------------------------------------------------------
D = {}

D["payments"] = dict(
    thing=["余额", "红包", "积分"],
    domcn="支付", app_cn=["这款钱包app", "这个支付软件", "这个钱包"],
    app=["这个钱包", "这支付app", "这个app", "钱包app", "这软件"],
    act=["付款", "转账", "提现", "扫码付款", "绑卡", "还信用卡", "交电费", "充话费", "发红包", "收款"],
    page=["账单页", "零钱页面", "银行卡列表", "收付款页面", "首页", "设置页"],
    feat=["指纹支付", "账单分类统计", "收款语音播报", "亲属卡", "零钱通", "扫一扫", "面容支付", "自动还款提醒"],
    want=["账单导出Excel的功能", "按标签筛选账单的功能", "家庭共享记账", "深色模式", "转账备注搜索",
          "关闭首页推荐的开关", "年度账单PDF下载", "多币种钱包"],
    wantv=["把账单导出成Excel", "支持按金额区间筛选账单", "给转账加个撤回功能", "在首页自定义常用入口",
           "支持给每笔账单加备注和标签", "把收款码做成可以换皮肤的", "支持外币卡绑定"],
    removed=["月度账单统计", "旧版收款码页面", "首页的转账快捷入口", "账单里的分类饼图"],
    limit=["提现要收0.1%的手续费", "单日转账上限只有5万", "免密支付额度最高只能设2000",
           "信用卡还款超过免费额度要收手续费", "零钱每年只能免费提现1000"],
    limitreq=["取消提现手续费", "让单日转账限额可以自己调高", "把免密额度上限放开一点", "把信用卡还款的免费额度提高一点", "把零钱免费提现额度提高一点"],
    bugdet=["付款成功了商家那边却显示未支付", "钱扣了对方说没收到", "提现一直显示处理中，三天了",
            "绑卡一直提示系统繁忙请稍后再试", "账单里同一笔消费出现了两次", "扫码付款点确认后页面直接卡死",
            "转账输完密码提示网络异常但钱已经扣了", "零钱余额显示的和实际对不上", "收款语音播报突然不响了",
            "指纹支付一直识别失败只能输密码，手机指纹解锁是好的"],
    slow=["提现到账要等好几个小时，不过最后都到了", "转账有时候要转圈十几秒，最后还是成功了",
          "账单页加载有点慢，等一会儿也能出来", "高峰期付款会卡一下，但从来没失败过"],
    q=["怎么开发票？", "提现手续费怎么算的？", "亲属卡额度在哪改？", "怎么注销账户？", "零钱通的收益什么时候到？",
       "转账记录能保存多久？", "怎么关闭免密支付？", "一个账号能绑几张银行卡？"],
    howto=["关掉自动续费", "查去年的账单", "换绑手机号", "设置支付密码", "开亲属卡"],
    content=["今天发工资了开心", "又是月光的一个月😭", "双十一钱包空空", "谁懂啊，看账单比看恐怖片还吓人"],
    positive=["转账秒到", "到账很快", "界面很清爽", "付款很顺", "安全感满满", "账单很清楚"],
    tedious=["每次转账都要重新选一遍银行卡", "每次付款都要输一遍密码", "查账单得翻好几层"],
    payact=["付款", "充值", "转账", "还款"],
    obj=["余额", "账单金额", "零钱数字", "积分"],
    lost=["账单记录", "绑定的银行卡", "收款记录"],
)

D["ecommerce"] = dict(
    thing=["优惠券", "积分", "退款"],
    domcn="购物", app_cn=["这个购物平台", "这个购物app", "这家商城"],
    app=["这个购物app", "这平台", "这个app", "这商城", "这软件"],
    act=["下单", "付款", "领券", "申请退货", "查物流", "联系客服", "加购物车", "改地址", "评价晒图"],
    page=["购物车", "订单页", "商品详情页", "我的优惠券", "物流页", "首页"],
    feat=["价格保护", "极速退款", "拍照搜同款", "降价提醒", "晒单", "购物车分组"],
    want=["历史价格曲线", "购物车按店铺折叠", "订单批量删除", "关闭直播推荐的开关", "商品对比功能", "按销量筛选评论"],
    wantv=["显示商品的历史价格", "支持一键删除所有已完成订单", "把直播间的推荐关掉", "在购物车里给商品分组",
           "让评价可以只看带图的", "支持改订单的收货地址"],
    removed=["旧版订单列表", "首页的分类入口", "购物车里的降价提示", "评价里的追评筛选"],
    limit=["满减要凑到299才能用", "退货运费要自己出", "优惠券只能在APP里用", "七天无理由退货要商品未拆封", "会员价要开年卡才能看"],
    limitreq=["把满减门槛降低一点", "给会员包退货运费", "让优惠券在小程序里也能用", "让拆封了的商品也能无理由退", "让普通用户也能看到会员价"],
    bugdet=["优惠券领了下单时却用不了", "物流三天没更新却显示已签收", "申请退款按钮点了没反应",
            "购物车里的价格和结算页不一样", "付完款订单直接消失了", "地址保存之后又变回旧地址", "评价提交一直失败",
            "搜索结果一片空白", "下单时一直提示库存不足，页面明明显示有货", "退款显示成功了钱一直没退回来"],
    slow=["物流页加载有点慢，不过最后都能看到", "搜索出结果要等几秒，但挺准的", "退款审核慢了点，第三天才到账"],
    q=["怎么开发票？", "退货地址在哪里看？", "价保怎么申请？", "怎么修改收货地址？", "七天无理由从哪天开始算？",
       "会员能退吗？", "优惠券可以叠加吗？"],
    howto=["申请价保", "删除订单", "找人工客服", "修改收货地址", "开专票"],
    content=["这件衣服好看吗大家", "又剁手了", "双十一买了一堆没用的", "这个价格真香"],
    positive=["发货很快", "退货很方便", "东西便宜", "客服回复挺快"],
    tedious=["每次退货都要重新填一遍地址", "每次领券都要一个一个点", "找个订单要往下翻半天"],
    payact=["付款", "下单", "买会员"],
    obj=["订单金额", "优惠价", "积分", "物流状态"],
    lost=["购物车里的东西", "收藏的店铺", "历史订单"],
)

D["social"] = dict(
    thing=["会员", "红包"],
    domcn="社交", app_cn=["这个社交app", "这款聊天软件"],
    app=["这个社交app", "这软件", "这个app", "这聊天软件"],
    act=["发动态", "发消息", "加好友", "视频通话", "上传头像", "建群", "发语音", "发图片", "发朋友圈"],
    page=["消息列表", "动态页", "个人主页", "群聊", "设置页"],
    feat=["消息撤回", "聊天记录漫游", "群公告", "动态分组可见", "语音转文字", "阅后即焚"],
    want=["消息定时发送", "聊天图片按关键词搜索", "好友分组置顶", "关闭“可能认识的人”的开关", "多设备同时登录", "已读回执开关"],
    wantv=["支持消息定时发送", "让聊天记录可以导出到电脑", "给群聊加个只看群主消息", "支持把好友按标签排序",
           "支持撤回超过两分钟的消息"],
    removed=["旧版动态页布局", "个人主页的访客记录", "聊天里的拍一拍"],
    limit=["撤回消息只能两分钟内", "群最多只能500人", "动态只能设三天可见或全部", "每天加好友有上限"],
    limitreq=["把撤回时间延长到10分钟", "把群人数上限提高", "加个一个月可见的选项", "把加好友的上限放宽一点"],
    bugdet=["消息发出去一直转圈然后出现红色感叹号", "视频通话对方听不到我的声音", "头像换了别人看还是旧的",
            "聊天记录同步之后少了一大半", "动态里的图片一直加载不出来", "群消息提醒开着也收不到", "发语音一松手就自动取消",
            "好友申请发了对方那边根本看不到"],
    slow=["发大图有时候要等一会儿才发出去，但都能发成功", "换了新手机同步聊天记录慢，等了半小时还是同步完了"],
    q=["怎么看谁访问了我的主页？", "删掉的好友还能找回吗？", "群主怎么转让？", "怎么关闭朋友圈？", "聊天记录能导出吗？"],
    howto=["转让群主", "恢复聊天记录", "关闭好友推荐", "设置隐身", "导出聊天记录"],
    content=["今天被朋友圈的段子笑死", "谁还在熬夜", "有没有人一起聊天", "求个头像"],
    positive=["消息很及时", "界面干净", "视频通话很清楚", "没有乱七八糟的广告"],
    tedious=["每次转发都要一个个选人", "找以前的聊天记录要翻半天"],
    payact=["开会员", "发红包"],
    obj=["未读消息数", "好友数量", "点赞数"],
    lost=["聊天记录", "好友列表", "相册里的照片"],
)

D["short_video"] = dict(
    thing=["金币", "会员"],
    domcn="短视频", app_cn=["这个短视频app", "这个短视频平台"],
    app=["这个短视频app", "这软件", "这个app", "这平台"],
    act=["上传视频", "发作品", "刷视频", "开直播", "下载视频", "评论", "私信", "剪视频", "投屏"],
    page=["推荐页", "个人主页", "直播间", "草稿箱", "消息页", "剪辑页面"],
    feat=["一键成片", "自动字幕", "倍速播放", "稍后再看", "画中画", "青少年模式"],
    want=["批量删除作品", "关闭自动播放下一条", "视频按时长筛选", "草稿箱云备份", "横屏全屏模式", "评论区按时间排序"],
    wantv=["支持草稿箱云端备份", "把自动播放下一个的开关放出来", "让收藏夹可以分文件夹", "支持电脑端直接上传4K",
           "在搜索里按发布时间筛选"],
    removed=["旧版收藏夹", "底部的同城入口", "视频进度条预览"],
    limit=["视频最长只能传15分钟", "开直播要满1000粉", "下载视频会带水印", "私信只能互关才能发"],
    limitreq=["把上传时长放宽到30分钟", "降低开直播的门槛", "让下载的视频可以不带水印", "允许非互关的人发一条私信"],
    bugdet=["视频上传到99%就失败", "播放到一半突然黑屏只有声音", "直播推流隔几分钟就断一次", "发的作品一直显示审核中三天了",
            "点赞数突然清零了", "评论发不出去一直提示网络异常", "草稿箱里的视频全没了", "剪辑的时候一加字幕就闪退",
            "投屏到电视只有画面没声音"],
    slow=["上传高清视频要等挺久，不过最后都传上去了", "刚打开推荐页会卡一两秒，之后就流畅了"],
    q=["怎么关闭个性化推荐？", "作品怎么设置仅自己可见？", "直播收益怎么提现？", "怎么开通橱窗？", "怎么找到看过的视频？"],
    howto=["找到历史记录", "关掉个性化推荐", "设置私密作品", "去掉水印", "开青少年模式"],
    content=["这个博主太好笑了", "今天又刷到凌晨两点", "这首BGM叫什么名字？", "这个舞好难学", "求原视频"],
    positive=["剪辑功能很强", "推荐挺准的", "画质清楚", "特效很多"],
    tedious=["每次发视频都要重新选一遍话题", "找收藏的视频要一条条翻"],
    payact=["充值金币", "买会员", "刷礼物"],
    obj=["播放量", "粉丝数", "点赞数", "收益"],
    lost=["草稿箱", "收藏夹", "关注列表"],
)

D["games"] = dict(
    thing=["钻石", "月卡", "皮肤"],
    domcn="游戏", app_cn=["这款手游", "这个游戏"],
    app=["这游戏", "这个游戏", "这破游戏", "这手游"],
    act=["登录游戏", "匹配", "充值", "领活动奖励", "进副本", "组队", "打排位", "抽卡", "更新资源包"],
    page=["商城", "背包", "活动页", "排位界面", "好友列表", "登录界面"],
    feat=["自动寻路", "一键分解", "观战系统", "语音开黑", "新手引导", "皮肤试穿"],
    want=["单排匹配模式", "举报挂机的快捷入口", "战绩隐藏开关", "自定义按键布局", "画质的省电模式", "抽卡保底显示"],
    wantv=["给单排玩家单独匹配", "加强对挂机的惩罚", "出个PC端", "支持自定义按键位置", "把抽卡概率公示清楚一点", "开放跨区组队"],
    removed=["旧版地图", "原来的BGM", "以前的排位奖励界面", "角色的老皮肤特效"],
    limit=["体力每天只能买三次", "抽卡保底要90抽", "排位每天有场次限制", "新区不能和老区组队", "周末才开放活动副本"],
    limitreq=["增加体力购买次数", "把保底降到60抽", "取消排位的场次限制", "让新区老区可以组队", "工作日也开放活动副本"],
    bugdet=["充值648钻石没到账", "团战的时候卡顿然后直接掉线", "匹配了十分钟还进不去", "更新完一进游戏就闪退",
            "活动奖励领了背包里没有", "排位结算显示失败扣了星，明明是我们赢了", "抽卡动画卡住，退出来卡没了", "语音开黑对面听不到",
            "登录一直提示服务器维护，公告却说维护结束了", "打着打着人物卡在墙里出不来"],
    slow=["更新资源包有点慢，不过下完就好了", "进游戏加载要半分钟，进去以后挺流畅的", "晚上高峰期匹配慢一点，等等也能进"],
    q=["新手先练哪个角色？", "抽卡保底会继承到下个池子吗？", "怎么换区？", "月卡和战令哪个划算？", "公会怎么退出？"],
    howto=["换区", "绑定手机", "解除防沉迷", "退出公会", "开启高帧率"],
    content=["今天连跪五把心态崩了", "队友太坑了", "这赛季法师也太强了", "终于抽到了哈哈哈", "有没有一起开黑的"],
    positive=["画面很精致", "操作手感好", "剧情很用心", "福利挺多"],
    tedious=["每次组队都要重新拉人", "每天日常要刷一个小时"],
    payact=["充值", "买月卡", "买战令", "抽卡"],
    obj=["钻石数量", "段位", "战绩", "背包道具"],
    lost=["游戏进度", "账号里的皮肤", "背包里的道具"],
)

D["education"] = dict(
    thing=["课程", "会员", "证书"],
    domcn="学习", app_cn=["这个学习app", "这个网课平台"],
    app=["这个学习app", "这网课平台", "这个app", "这软件"],
    act=["看回放", "交作业", "上直播课", "下载课件", "刷题", "打卡", "看课程视频", "提交试卷"],
    page=["我的课程", "作业页面", "题库", "直播间", "已购课程"],
    feat=["错题本", "倍速播放", "离线下载", "AI批改", "学习计划", "笔记同步"],
    want=["错题导出打印", "课程视频的字幕", "按知识点刷题", "家长端查看进度", "夜间护眼模式", "回放里的笔记标记"],
    wantv=["把错题本导出成PDF方便打印", "给回放视频加上字幕", "支持按知识点组卷", "让家长端能看到作业完成情况", "支持3倍速播放"],
    removed=["旧版题库分类", "课程目录里的章节进度条", "直播回放的倍速按钮"],
    limit=["课程只能在两台设备上看", "回放有效期只有一年", "免费用户每天只能刷20道题", "课件不能下载只能在线看"],
    limitreq=["把设备数量放宽到三台", "延长回放有效期", "把免费刷题数量提高一点", "让课件可以下载"],
    bugdet=["直播课一直卡在加载页面进不去", "作业明明提交了却显示未提交", "课程回放没有声音", "买的课在已购里找不到",
            "刷题记录突然全没了", "AI批改把对的判成错的", "下载的课件打开是乱码", "打卡显示成功了日历上却没记录",
            "直播时老师的画面和声音差了好几秒"],
    slow=["回放加载慢一点，但等几秒就能看", "高峰期进直播间要排一会儿队，最后能进去"],
    q=["课程可以退款吗？", "怎么开发票？", "回放能看多久？", "一个账号能几个人用？", "证书在哪里下载？"],
    howto=["下载课件", "退课", "看回放", "修改学习计划", "导出错题"],
    content=["今天又学了三个小时", "考研人加油", "这老师讲得真好", "明天考试求保佑🙏"],
    positive=["老师讲得很清楚", "题库很全", "知识点整理得很好", "督学很负责"],
    tedious=["每次看课都要重新找到上次的进度", "每道错题都要手动收藏"],
    payact=["买课", "开会员", "付款"],
    obj=["学习时长", "正确率", "积分", "课时数"],
    lost=["错题本", "学习记录", "笔记"],
)

D["travel"] = dict(
    thing=["车票", "退款", "里程积分"],
    domcn="出行", app_cn=["这个出行app", "这个旅行app"],
    app=["这个出行app", "这旅游app", "这个app", "这软件"],
    act=["订票", "抢票", "退票", "改签", "订酒店", "打车", "值机", "选座", "开发票"],
    page=["订单页", "行程页", "酒店详情", "候补页面", "我的发票"],
    feat=["行程提醒", "候补购票", "一键改签", "酒店比价", "电子登机牌", "接送机"],
    want=["行程导入日历", "退改签规则对比", "酒店按地铁站筛选", "多人行程共享", "价格日历", "关闭加速包推荐的开关"],
    wantv=["支持把行程同步到手机日历", "在下单前把退改规则写清楚", "让酒店可以按地铁站筛选", "支持多人共享一个行程",
           "把默认勾选的保险取消掉"],
    removed=["旧版价格日历", "订单页的行程分享按钮", "酒店列表的地图模式"],
    limit=["退票要收20%的手续费", "特价票不能改签", "酒店订了就不能取消", "候补只能选两个车次", "打车高峰期要加价"],
    limitreq=["把退票手续费降一点", "让特价票也能改签一次", "给酒店订单留一个免费取消的时间", "候补多选几个车次", "高峰期加价设个上限"],
    bugdet=["付了钱订单却显示出票失败，钱也不退", "退改签点提交没有任何反应", "酒店显示已确认，到了前台说没有订单",
            "候补成功扣了钱却没有任何通知", "打车定位一直漂到马路对面", "电子登机牌打开是空白",
            "改签后原来的座位没释放又扣了一次钱", "订单里的出发时间比实际晚了一小时"],
    slow=["候补等了两天才成功，不过最后抢到了", "节假日查票慢一点，但结果是准的", "退款审核花了三天，钱最后退回来了"],
    q=["退票手续费怎么算？", "怎么开行程单？", "酒店可以开发票吗？", "儿童票怎么买？", "学生票怎么认证？", "改签能改到别的城市吗？"],
    howto=["开行程单", "添加乘车人", "取消候补", "申请发票", "认证学生身份"],
    content=["五一去哪玩好", "终于放假了冲", "求推荐成都的酒店", "第一次坐飞机好紧张"],
    positive=["抢票很快", "酒店价格实惠", "行程提醒很贴心", "客服处理很快"],
    tedious=["每次买票都要把乘客信息重新勾一遍", "每次都得手动取消默认勾选的保险"],
    payact=["付款", "买票", "订酒店"],
    obj=["订单金额", "票价", "积分", "里程"],
    lost=["常用乘客信息", "历史订单", "收藏的酒店"],
)

D["office"] = dict(
    thing=["会员", "企业版权益"],
    domcn="办公", app_cn=["这款办公软件", "这个在线文档工具"],
    app=["这个办公软件", "这软件", "这个app", "这在线文档"],
    act=["同步文档", "开会", "导出PDF", "共享文件", "编辑表格", "打卡", "审批", "上传附件", "共享屏幕"],
    page=["文档列表", "会议界面", "审批页", "云盘", "日程页"],
    feat=["多人协同编辑", "会议录制", "文档历史版本", "智能表格", "日程提醒", "语音转写会议纪要"],
    want=["Markdown支持", "表格冻结多行", "会议自动生成纪要", "离线编辑", "文档水印自定义", "批量导出PDF"],
    wantv=["支持Markdown语法", "让会议录屏可以自动生成字幕", "支持离线编辑联网后再同步", "把导出PDF的页边距做成可调的",
           "支持批量导出整个文件夹"],
    removed=["旧版工具栏", "文档列表的缩略图模式", "会议里的举手按钮"],
    limit=["免费版会议只能开40分钟", "云盘只有5G空间", "历史版本只保存30天", "免费版文档不能加密"],
    limitreq=["把免费会议时长放宽到60分钟", "给免费版多一点云空间", "把历史版本保留时间延长一点", "让免费版也能给文档加密"],
    bugdet=["文档同步冲突把我改的内容全覆盖了", "会议共享屏幕对方看到的是黑屏", "导出PDF之后格式全乱了",
            "表格里的公式算出来的结果不对", "电脑上改的内容手机上一直不同步", "打卡定位明明在公司却显示不在范围内",
            "上传附件一直卡在99%", "会议开到一半自动退出"],
    slow=["大文档打开要加载几秒，之后编辑挺顺的", "同步偶尔慢半拍，不过最后都同步上了"],
    q=["怎么恢复历史版本？", "会议能录屏吗？", "免费版能多少人协作？", "怎么设置文档权限？", "能导出Word吗？"],
    howto=["恢复历史版本", "设置只读权限", "导出成Word", "添加会议纪要", "修改打卡范围"],
    content=["又要开会了", "周一综合症", "加班到十点😭", "今天终于写完周报"],
    positive=["协同编辑很顺", "会议很稳定", "模板很多", "同步很及时"],
    tedious=["每次开会都要手动发一遍链接", "每次导出都要重新调格式"],
    payact=["买会员", "续费", "升级企业版"],
    obj=["字数统计", "打卡记录", "文档修改时间"],
    lost=["文档内容", "历史版本", "云盘文件"],
)

D["music"] = dict(
    thing=["会员", "数字专辑"],
    domcn="音乐", app_cn=["这个音乐app", "这款听歌软件"],
    app=["这个音乐app", "这软件", "这个app", "这播放器"],
    act=["听歌", "下载歌曲", "建歌单", "听播客", "唱K", "听电台", "导入歌单", "投屏到音箱"],
    page=["我的歌单", "播放页", "每日推荐", "下载管理", "评论区"],
    feat=["每日推荐", "听歌识曲", "桌面歌词", "定时关闭", "无损音质", "歌词翻译"],
    want=["歌单文件夹", "均衡器预设", "播放历史导出", "关闭视频化播放页的开关", "歌词字体调节", "本地歌曲自动匹配封面"],
    wantv=["让歌单可以放进文件夹分类", "支持自定义均衡器", "把播放页改回简洁版", "支持歌词字号调整", "让下载的歌可以选存储位置"],
    removed=["旧版播放页黑胶唱片", "歌单里的排序按钮", "听歌排行"],
    limit=["很多歌要会员才能听", "下载的歌换手机就不能听", "试听只有30秒", "会员歌曲还要单独付费"],
    limitreq=["多放一些免费歌曲", "让会员下载的歌能换设备", "把试听延长一点", "会员专辑别再单独收费"],
    bugdet=["下载好的歌离线播放不了", "歌词和歌对不上，慢了好几句", "播放到一半自动暂停", "会员开了还显示只能试听",
            "歌单里的歌全变灰了", "锁屏后过几分钟就停止播放", "听歌识曲一直识别失败", "蓝牙耳机切歌没反应"],
    slow=["歌单太长时加载慢，不过最后都能出来", "刚打开时推荐要刷一下才出来，之后正常"],
    q=["无损音质在哪里开？", "会员可以几台设备用？", "怎么导入别家的歌单？", "下载的歌存在哪个文件夹？", "怎么关掉自动续费？"],
    howto=["导入歌单", "开启无损", "设置定时关闭", "关掉自动续费", "找到本地音乐"],
    content=["这首歌单曲循环一整天了", "评论区人均故事大王", "有没有适合跑步的歌", "这歌词写得太好了"],
    positive=["音质很好", "推荐很懂我", "曲库很全", "界面好看"],
    tedious=["每次都要手动把歌加到好几个歌单", "切换音质要进好几层设置"],
    payact=["开会员", "买专辑", "充值"],
    obj=["听歌时长", "会员到期时间", "歌单数量"],
    lost=["歌单", "下载的歌", "收藏的歌"],
)

D["food_delivery"] = dict(
    thing=["会员红包", "退款"],
    domcn="外卖", app_cn=["这个外卖app", "这个外卖平台"],
    app=["这个外卖app", "这软件", "这个app", "这平台"],
    act=["下单", "付款", "领红包", "申请退款", "联系骑手", "评价", "改地址", "写备注"],
    page=["订单页", "红包页", "店铺首页", "地址管理", "会员页"],
    feat=["准时宝", "骑手实时定位", "拼单", "预约送达", "无接触配送", "会员红包"],
    want=["按配送费筛选店铺", "订单备注模板", "屏蔽某个店铺的功能", "多个地址快速切换", "餐品热量显示"],
    wantv=["支持把不想看的店铺屏蔽掉", "让备注可以保存成常用模板", "在店铺列表按配送费排序", "支持多人拼单分开付款"],
    removed=["旧版红包页面", "订单里的再来一单按钮", "店铺的评分排序"],
    limit=["满减要凑到40才减", "会员红包只能在指定店铺用", "超过3公里就不送", "下单后5分钟就不能取消"],
    limitreq=["把满减门槛降一点", "让会员红包所有店都能用", "把配送范围扩大一点", "下单后取消时间延长一点"],
    bugdet=["骑手定位一个小时都没动过", "订单显示已送达但我根本没收到", "红包满减没生效，多扣了钱", "退款申请一直提交失败",
            "新地址怎么都保存不了", "付完款一直显示等待商家接单，商家说没收到", "准时宝超时了也没赔付"],
    slow=["午高峰送得慢一点，但都送到了", "退款要等一天，最后退回来了"],
    q=["超时了怎么赔？", "会员红包怎么用？", "能开发票吗？", "怎么联系骑手？", "地址最多能存几个？"],
    howto=["申请超时赔付", "联系骑手", "开发票", "取消订单", "修改地址"],
    content=["今天吃啥好纠结", "这家麻辣烫绝了", "深夜放毒🍜", "又是吃外卖的一天"],
    positive=["送得很快", "红包挺多", "骑手很礼貌", "选择很多"],
    tedious=["每次下单都要重新选一遍餐具", "每次都得重新输一遍备注"],
    payact=["付款", "开会员", "下单"],
    obj=["配送费", "红包金额", "订单价格"],
    lost=["收货地址", "历史订单", "收藏的店铺"],
)

D["news"] = dict(
    thing=["会员", "付费专栏"],
    domcn="新闻", app_cn=["这个新闻app", "这款资讯app"],
    app=["这个新闻app", "这软件", "这个app", "这资讯app"],
    act=["刷新闻", "看评论", "收藏文章", "订阅频道", "看视频新闻", "分享文章", "搜索"],
    page=["推荐页", "收藏夹", "频道列表", "评论区", "消息通知"],
    feat=["语音播报", "夜间模式", "离线阅读", "字体调节", "早报推送", "频道订阅"],
    want=["屏蔽关键词的功能", "按来源过滤", "收藏夹分类", "阅读时长统计", "关闭推送角标的开关"],
    wantv=["支持屏蔽某些关键词", "让收藏夹可以建文件夹", "把标题党的文章少推一点", "支持只看某几个来源的新闻", "加一个纯文字模式"],
    removed=["旧版频道管理", "文章底部的相关阅读", "早报合集"],
    limit=["很多深度文章要付费才能看", "评论要绑定手机号才能发", "免费版有开屏广告"],
    limitreq=["让付费文章可以试读多一点", "去掉评论必须绑定手机号的限制", "让免费版也能关掉开屏广告"],
    bugdet=["推送点进去是空白页", "收藏的文章全没了", "视频新闻一直在加载", "字体调大后排版错乱", "评论区刷不出来",
            "夜间模式下文章图片全是黑块", "同一条新闻推送了五次"],
    slow=["推荐页刷新有点慢，但内容都能刷出来", "图片多的文章加载慢一点，等一会儿就好"],
    q=["怎么取消订阅？", "怎么关掉推送？", "收藏的文章在哪看？", "能听新闻吗？", "怎么举报虚假新闻？"],
    howto=["关掉推送", "取消订阅频道", "调大字体", "清理缓存", "举报评论"],
    content=["这新闻也太离谱了", "评论区比新闻好看", "又是标题党", "这事后续呢？"],
    positive=["新闻很及时", "排版舒服", "推送不多不烦", "内容挺全"],
    tedious=["每次都要手动把不感兴趣的一条条点掉", "找收藏的文章要翻很久"],
    payact=["开会员", "付费阅读"],
    obj=["阅读数", "评论数", "积分"],
    lost=["收藏", "订阅的频道", "阅读历史"],
)

DOMAINS = list(D.keys())

# --------------------------------------------------------------------------
# Global fragments (hand-written)
# --------------------------------------------------------------------------
G = dict(
    device=["iPhone 15", "iPhone 15 Pro", "iPhone 13", "iPhone 12", "iPhone 11", "华为Mate60", "华为P50", "华为nova11",
            "小米14", "小米13", "红米K70", "红米Note12", "OPPO Reno10", "OPPO Find X6", "vivo X100", "vivo S17",
            "荣耀Magic5", "荣耀90", "一加12", "iQOO 12", "三星S23", "iPad Air", "华为MatePad"],
    os=["iOS 17.2", "iOS 17.4", "iOS 16.6", "Android 13", "Android 14", "鸿蒙4.0", "HarmonyOS 3", "MIUI 14", "ColorOS 14"],
    op_b=["", "", "", "", "救命，", "无语子，", "离谱，", "我真的服了，", "家人们谁懂啊，", "破防了，", "客服看一下，",
          "@官方 ", "又来了，", "栓Q，", "服了，", "说真的，", "求助！", "急！", "吐了，", "绝了，"],
    op_f=["", "", "", "小建议：", "提个需求，", "说真的，", "作为老用户，", "卑微求一个：", "@产品经理 ", "用了{period}，", "弱弱地提一句，"],
    op_o=["", "", "", "说真的，", "哈哈，", "讲真，", "怎么说呢，"],
    tail_b=["", "", "", "赶紧修吧", "什么时候修复？", "求解决🙏", "已经反馈好几次了", "到底管不管", "修一下pls", "急！！",
            "麻烦看看", "快点修！！", "气死了", "能不能靠谱点", "{emo_a}", "{emo_a}{emo_a}"],
    tail_f=["", "", "谢谢", "🙏", "拜托了", "求求了", "期待一下", "谢谢开发者", "希望采纳", "pls", "🙏🙏"],
    tried=["重装了也没用", "清了缓存也不行", "重启手机也没用", "卸载重装三遍了", "换了网络还是一样", "退出重新登录也不行",
           "换了wifi和流量都试了", "换了个手机也一样"],
    triedv=["重装", "清缓存", "重启手机", "退出重登", "切换网络"],
    time=["昨天开始", "今天早上开始", "从上周更新后", "这两天", "刚刚", "这一周", "从前天晚上开始", "周末开始"],
    errmsg=["网络异常，请稍后重试", "系统繁忙", "未知错误(code:500)", "请求超时", "error 403", "服务器开小差了",
            "操作失败，请重试", "数据加载失败", "内部错误-1001"],
    loginerr=["密码错误", "账号异常", "验证码已过期", "登录环境异常", "账号或密码不正确", "当前设备不安全"],
    cs_reply=["请耐心等待", "已反馈给技术", "建议清除缓存重试", "重启手机试试", "升级到最新版本", "稍后再试"],
    angry=["到底管不管", "什么服务态度", "气死我了", "浪费时间", "一星都不想给", "真的会谢"],
    period=["一个月", "三个月", "半年", "一年多", "两年", "三年", "好几年"],
    competitor=["别家", "隔壁那个app", "以前用的那个", "同类软件"],
    minor=["界面有点花", "广告稍微有点多", "有些图标看不懂", "字有点小", "耗电稍微快点", "安装包有点大", "颜色有点土"],
    annoy=["开屏广告", "首页弹窗", "自动播放", "消息红点", "个性化推荐推送", "摇一摇跳转广告", "震动反馈"],
    platform=["iPad", "Mac", "Windows", "鸿蒙", "Apple Watch", "车机", "安卓平板", "Linux"],
    wantshort=["夜间模式", "深色模式", "倍速", "横屏", "桌面小组件", "iPad版", "批量删除", "搜索功能", "导出功能",
               "多账号切换", "繁体中文", "字体调节", "一键清理", "简洁模式", "老年模式"],
    uxfix=["的按钮太小了，建议做大一点", "的字体太小，建议调大一点", "入口藏太深了，建议放到首页", "颜色太刺眼了，建议柔和一点",
           "太长了，建议加个返回顶部"],
    reason=["这样方便很多", "每次都要手动弄太麻烦", "别家都有了", "对我们这种重度用户很重要", "老人用起来会方便很多",
            "不然真的不方便", "能省不少时间", "用起来顺手很多"],
    newcomplaint=["找东西费劲", "太花了", "一点都不好用", "操作多了好几步", "看着头晕", "字都变小了"],
    fixgen=["能不能记住上次的选择", "能不能简化一下流程", "加个一键操作吧", "能不能做个默认设置", "能不能合并成一步"],
    btn=["提交", "确定", "下一步", "登录", "付款", "保存", "发送", "领取"],
    stage=["加载中", "处理中", "99%", "最后一步", "提交中", "验证中"],
    payfail=["未支付", "支付失败", "订单已取消", "待付款"],
    updbroken=["一打开就闪退", "一直卡在启动页", "登录不上了", "{feat}点了没反应", "{page}打不开了", "所有设置都被重置了",
               "通知全收不到了", "图标都显示不出来", "一直白屏"],
    persona=["上班族", "学生党", "自由职业者", "两个孩子的妈妈", "刚毕业的新人", "退休的老人家"],
    care=["功能完整度", "稳定性", "性价比", "使用体验", "界面简洁"],
    customobj=["首页布局", "主题颜色", "字体大小", "通知铃声", "底部导航栏", "app图标"],
    emo_a=["😡", "😤", "🙄", "💢", "😠", "😭", "😩", "🥲"],
    emo_p=["🙏", "🥺", "🙏🙏", "😊"],
    emo_h=["👍", "🔥", "❤️", "😂", "🥰", "👏", "💯", "✨", "👍👍"],
    emo_n=["😂", "🤔", "😅", "🙂", "👀"],
    emo_s=["🔥", "💰", "🎁", "✨", "👇", "💯", "🧧", "❗", "🔥🔥"],
    hi=["家人们，", "姐妹们，", "兄弟们，", "hello大家好，", "各位好，"],
    impact=["错过了一次重要的{act}", "白白多花了钱", "耽误了工作", "被朋友吐槽了好几次", "差点误了大事"],
    freq=["必现", "十次里有七八次", "偶现，大概每天一两次", "只要在4G网络下就必现", "换账号也能复现"],
    stepx=["点击确认", "等待几秒", "切到后台再切回来", "返回上一页再进入", "下拉刷新"],
    city=["北京", "上海", "广州", "深圳", "杭州", "苏州", "南京", "武汉", "成都", "重庆", "西安", "郑州", "长沙", "合肥",
          "济南", "青岛", "大连", "沈阳", "哈尔滨", "长春", "石家庄", "太原", "南宁", "昆明", "贵阳", "南昌", "福州", "厦门",
          "泉州", "温州", "宁波", "绍兴", "嘉兴", "无锡", "常州", "徐州", "扬州", "南通", "佛山", "东莞", "中山", "珠海",
          "惠州", "汕头", "海口", "兰州", "银川", "西宁", "洛阳", "开封", "新乡", "安阳", "邯郸", "保定", "唐山", "廊坊",
          "沧州", "衡水", "邢台", "烟台", "潍坊", "临沂", "淄博", "日照", "威海", "芜湖", "蚌埠", "阜阳", "九江", "赣州",
          "柳州", "桂林", "遵义", "绵阳", "宜宾", "襄阳", "宜昌", "株洲", "湘潭", "岳阳", "常德", "义乌", "金华", "台州",
          "丽水", "湖州", "昆山", "江阴", "顺德", "朝阳区", "海淀区", "浦东新区", "余杭区", "龙岗区", "宝安区", "黄岛区"],
    service=["SEO公司", "seo优化", "网站建设", "网站推广", "关键词排名", "seo外包", "网站优化公司", "手机网站推广",
             "模板网站建设", "营销型网站建设", "seo教程", "整站优化", "网站快速排名", "网络推广公司", "快照优化",
             "建站公司", "小程序开发", "网站设计", "外贸网站建设", "seo排名软件", "网站托管", "响应式网站制作"],
    industry=["婚庆摄影", "装修公司", "机械设备", "教育培训", "餐饮加盟", "医美机构", "律师事务所", "家政服务", "外贸企业",
              "建材厂家", "汽车美容", "宠物医院", "月子中心", "跨境电商", "五金配件", "净水器代理"],
    trend=["短视频", "AI写作", "私域流量", "全网营销", "直播带货", "种草笔记", "内容营销", "竞价推广"],
    seo_topic=["外链建设", "关键词布局", "网站权重", "搜索收录", "长尾词优化", "反向链接", "站群优化", "快排技术",
               "网站降权恢复", "蜘蛛池", "内链结构", "TDK设置"],
    site_kind=["企业官网", "营销型网站", "外贸站", "品牌官网", "商城网站"],
    slogan=["内容为王新法则", "助力企业互联网领航", "开启智能营销新纪元", "让客户主动找上门", "抢占数字营销新高峰",
            "流量翻倍不是梦", "精准获客就选我们", "打造行业标杆"],
    adj=["精准", "创新", "吸睛", "全网", "智能", "高效"],
    brand=["鼎盛", "恒源", "星辉", "聚宝", "金鼎", "优创", "万通", "华博", "天成", "云腾", "盛世", "嘉禾"],
    lure=["带你赚钱", "免费领资料", "内部优惠券每天更新", "同城交友", "看主页简介", "低价会员", "一手货源", "日赚三百",
          "免费教学", "零基础包教会", "福利多多"],
    prod=["这款面膜", "这个精华", "这个减肥茶", "这款洗发水", "这款眼霜", "这个祛痘膏", "这款酵素", "这个美白丸"],
    effect=["皮肤白了一个度", "瘦了8斤", "痘痘全消了", "头发不掉了", "黑眼圈没了", "皮肤变好了", "斑都淡了"],
    kw=["资料", "666", "福利", "攻略", "上分", "省钱"],
)

CN_NUM = "一二三四五六七八九十"
CIRC = "①②③④⑤⑥⑦⑧⑨⑩"
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
CN_DIGIT = str.maketrans("0123456789", "零一二三四五六七八九")
CN_DIGIT2 = str.maketrans("0123456789", "〇壹贰叁肆伍陆柒捌玖")


def _ver(rng, dom):
    a = rng.choice([2, 3, 4, 5, 6, 7, 8, 10, 12])
    s = "%d.%d.%d" % (a, rng.randint(0, 9), rng.randint(0, 20))
    return rng.choice(["v" + s, "V" + s, s, s + "版本", "v" + s + "版"])


def _wxid(rng, dom):
    pre = rng.choice(["xm", "tt", "lucky", "abc", "mm", "vip", "hao", "yy", "kk", "sun", "love", "zz", "ab", "qwe",
                      "xiao", "dd", "ok", "jia", "meimei", "a", "Q"])
    num = str(rng.randint(10, 999999))
    s = pre + num
    r = rng.random()
    if r < 0.22:
        s = " ".join(s)
    elif r < 0.36:
        s = pre + num.translate(FULLWIDTH)
    elif r < 0.44:
        s = pre + "❤" + num
    elif r < 0.50:
        s = pre + num.translate(CN_DIGIT)
    return s


def _qq(rng, dom):
    s = str(rng.randint(10000, 99999)) + str(rng.randint(100, 99999))
    r = rng.random()
    if r < 0.15:
        s = s[:4] + " " + s[4:]
    elif r < 0.25:
        s = s.translate(CN_DIGIT2)
    elif r < 0.33:
        s = s.translate(FULLWIDTH)
    return s


def _wx(rng, dom):
    return rng.choice(["加V", "加v", "➕V", "+v", "加薇", "加威", "加 威 信", "威❤信", "v❤", "vx", "VX：", "薇❤",
                       "wx：", "V信", "➕微", "加卫星", "绿泡泡", "薇信", "加 V ", "V：", "徽信"])


def _url(rng, dom):
    letters = "".join(rng.choice("abcdefghjkmnpqrstuvwxyz") for _ in range(rng.randint(2, 5)))
    digits = str(rng.randint(1, 999))
    tld = rng.choice(["com", "cc", "vip", "top", "xyz", "net", "club", "co"])
    r = rng.random()
    if r < 0.4:
        return "www.%s%s.%s" % (letters, digits, tld)
    if r < 0.65:
        return "www点%s%s点%s" % (letters, digits, tld)
    if r < 0.85:
        return "http://%s%s.%s/%s" % (letters, digits, tld, rng.choice(["a", "reg", "hb", "vip", "go"]))
    return "%s%s . %s" % (letters, digits, tld)


def _contact(rng, dom):
    r = rng.random()
    if r < 0.6:
        w = _wx(rng, dom)
        return w + ("" if w.endswith("：") else rng.choice(["", " ", "："])) + _wxid(rng, dom)
    if r < 0.85:
        return rng.choice(["扣扣", "Q：", "QQ", "企鹅", "🐧", "q"]) + _qq(rng, dom)
    return "私我" + rng.choice(["", "，", " "]) + _wx(rng, dom) + _wxid(rng, dom)


def _phone(rng, dom):
    return "400-%d-%04d" % (rng.randint(600, 999), rng.randint(0, 9999))


GEN = dict(
    ver=_ver, id=_wxid, qq=_qq, wx=_wx, url=_url, contact=_contact, phone=_phone,
    n=lambda rng, dom: str(rng.randint(2, 9)),
    nn=lambda rng, dom: str(rng.randint(10, 60)),
    days=lambda rng, dom: rng.choice(["3", "4", "5", "7", "十", "两", "五"]),
    minutes=lambda rng, dom: str(rng.randint(3, 30)),
    years=lambda rng, dom: rng.choice(["两", "三", "四", "五", "六"]),
    year=lambda rng, dom: rng.choice(["2023", "2024", "2025"]),
    pct=lambda rng, dom: str(rng.randint(3, 30)),
)

SLOT_RE = re.compile(r"\{([a-z_]+?)(\d?)\}")


def pick(name, dom, rng):
    if name in GEN:
        return GEN[name](rng, dom)
    if name in D[dom]:
        v = D[dom][name]
        return v if isinstance(v, str) else rng.choice(v)
    if name in G:
        return rng.choice(G[name])
    q = QC.get(dom, {}).get(name)
    if isinstance(q, list) and q and isinstance(q[0], str):
        return rng.choice(q)
    raise KeyError(name)


def compatible_os(rng, device):
    if device.startswith("iP"):
        return rng.choice(["iOS 17.2", "iOS 17.4", "iOS 16.6", "iPadOS 17" if device.startswith("iPad") else "iOS 15.7"])
    if device.startswith("华为"):
        return rng.choice(["鸿蒙4.0", "HarmonyOS 3", "鸿蒙3.1"])
    if device.startswith(("小米", "红米")):
        return rng.choice(["MIUI 14", "澎湃OS", "Android 14"])
    if device.startswith(("OPPO", "一加")):
        return rng.choice(["ColorOS 14", "Android 14", "Android 13"])
    if device.startswith("荣耀"):
        return rng.choice(["MagicOS 7", "Android 13"])
    return rng.choice(["Android 13", "Android 14", "OriginOS 4" if device.startswith(("vivo", "iQOO")) else "One UI 6"])


def fill(tpl, dom, rng, memo=None):
    if memo is None:
        memo = {}

    def rep(m):
        key = m.group(0)
        if key in memo:
            return memo[key]
        pair = {"limit": ("{limitreq}", "limitreq"), "limitreq": ("{limit}", "limit")}.get(m.group(1))
        if pair and not m.group(2) and pair[0] in memo and memo[pair[0]] in D[dom][pair[1]]:
            v = D[dom][m.group(1)][D[dom][pair[1]].index(memo[pair[0]])]
            memo[key] = v
            return v
        if m.group(1) == "os" and "{device}" in memo:
            v = compatible_os(rng, memo["{device}"])
            memo[key] = v
            return v
        v = pick(m.group(1), dom, rng)
        taken = [memo[k] for k in memo if SLOT_RE.fullmatch(k) and SLOT_RE.fullmatch(k).group(1) == m.group(1)]
        for _ in range(6):                    # {act2}: try to differ from {act}
            if v not in taken:
                break
            v = pick(m.group(1), dom, rng)
        memo[key] = v
        return v

    out = tpl
    for _ in range(5):
        new = SLOT_RE.sub(rep, out)
        if new == out:
            break
        out = new
    return out


def tidy(s):
    s = re.sub(r"[，,]\s*[，,]+", "，", s)
    s = re.sub(r"，([。！？!?~])", r"\1", s)
    s = re.sub(r"([。！？!?])，", r"\1", s)
    s = re.sub(r"^[，。、\s]+", "", s)
    s = re.sub(r"[，、\s]+$", "", s)
    s = re.sub(r"[ \t]{2,}", " ", s)
    return s

# --------------------------------------------------------------------------
# Template families.  A family = one skeleton group; "hard" families carry
# ".hard." in their name (deliberately confusable cases, see data/README.md).
# --------------------------------------------------------------------------
FAMILIES = []


def fam(name, cat, kind, templates, weight=1.0, domains=None, pinned=(), extend=True):
    FAMILIES.append(dict(name=name, cat=cat, kind=kind, templates=templates, weight=weight,
                         hard=".hard." in name, domains=domains or DOMAINS, pinned=list(pinned), extend=extend))


# ============================== bug ==============================
fam("bug.ultrashort", "bug", "comment", [
    "闪退", "又闪退", "闪退了", "一直闪退", "闪退！！", "閃退", "闪推", "打不开", "打不开了", "白屏", "一直白屏", "黑屏",
    "卡死了", "登不上", "登不上去", "登录不了", "登陆不上", "無法登錄", "收不到验证码", "验证码收不到", "崩了", "又崩了",
    "点了没反应", "一直转圈", "加载不出来", "付不了款", "付款失败", "一直报错", "进不去", "闪退😡", "又双叒叕闪退了",
    "闪退闪退闪退", "打不开😭", "一直卡死", "登不进去了", "黑屏了？", "又崩了😡", "付款一直失败"], weight=0.9,
    pinned=["闪退", "打不开", "登不上"], extend=False)

fam("bug.crash.open", "bug", "comment|review", [
    "{op_b}{device}，一打开就闪退，{tail_b}",
    "{app}打开就闪退，{tail_b}",
    "{time}打开就闪退，{tried}，{tail_b}",
    "启动页都进不去就闪退了，{tail_b}",
    "刚下载的，一打开就闪退{emo_a}",
    "{device}打开秒退，{ver}，{tail_b}",
    "{op_b}点开图标闪一下就没了，{tried}"])

fam("bug.crash.action", "bug", "review", [
    "每次{act}都会闪退，{device}，{ver}，{tail_b}",
    "点进{page}就闪退，别的页面都正常，{tail_b}",
    "{act}到一半直接闪退，{tried}，{tail_b}",
    "{op_b}一{act}就闪退回桌面，{time}一直这样",
    "只要{act}就崩，{os}，{tail_b}",
    "{page}点两下就闪退，{act}根本完成不了{emo_a}"])

fam("bug.login", "bug", "comment|review", [
    "登录一直提示{loginerr}，密码绝对没错，{tail_b}",
    "手机号登录收不到验证码，等了{minutes}分钟，{tail_b}",
    "验证码收不到，换了两个手机号都不行{emo_a}",
    "{device}上登录不了，一直提示{errmsg}，电脑端是好的",
    "登陆界面点登陆没反应，{tail_b}",
    "退出之后再也登不上了，一直提示{loginerr}",
    "第三方登录授权完又跳回登录页，死循环，{tail_b}",
    "{op_b}验证码发了{n}次一条都没收到"])

fam("bug.load", "bug", "comment", [
    "{page}一直转圈加载不出来，{tail_b}",
    "{page}白屏，{tried}",
    "打开{page}就是空白{emo_a}",
    "{time}{page}什么都刷不出来，网络是好的",
    "一直提示{errmsg}，{page}打不开",
    "{op_b}{page}加载失败，点重试也没用"])

fam("bug.pay.fail", "bug", "review", [
    "{payact}一直失败，提示{errmsg}，{tail_b}",
    "{payact}的时候钱扣了，{app}里却显示{payfail}，{tail_b}",
    "同一笔{payact}扣了两次钱！！{tail_b}",
    "{payact}页面点确认没反应，连点几下结果扣了三次{emo_a}",
    "{payact}成功的短信收到了，订单还是{payfail}状态，找客服只会说{cs_reply}",
    "{op_b}{payact}一直转圈最后提示{errmsg}，银行卡那边已经扣款了"])

fam("bug.domain.plain", "bug", "comment|review", [
    "{bugdet}，{tail_b}", "{op_b}{bugdet}", "{bugdet}{emo_a}", "{op_b}{bugdet}，{tail_b}"])

fam("bug.domain.device", "bug", "review", [
    "{device}，{ver}，{bugdet}，{tried}，{tail_b}",
    "{os}，{bugdet}，{tail_b}",
    "用的{device}，{bugdet}，{device2}上也一样",
    "{bugdet}。机型{device}，系统{os}，已经是最新版{ver}了"])

fam("bug.domain.timeline", "bug", "review", [
    "{time}{bugdet}，{tail_b}",
    "连续{days}天了，{bugdet}，{tail_b}",
    "{op_b}{time}就这样了：{bugdet}",
    "第{n}次反馈了，{bugdet}，一直没人处理"])

fam("bug.domain.cs", "bug", "review", [
    "{bugdet}，找客服只会说{cs_reply}，{angry}",
    "{bugdet}，客服让我{triedv}，照做了还是不行，{angry}",
    "{op_b}{bugdet}，在线客服排队一小时，最后就一句{cs_reply}",
    "{bugdet}，打了三次客服电话，每次都说{cs_reply}{emo_a}"])

fam("bug.update.broken", "bug", "review", [
    "更新到{ver}以后{updbroken}，{tail_b}",
    "{op_b}更新完{updbroken}，这版本是没测试就上线吗",
    "自动更新之后{updbroken}，{tried}",
    "{ver}这个版本{updbroken}，{device}",
    "新版本{updbroken}，旧版本是好好的{emo_a}"])

fam("bug.hard.update_vanished", "bug", "review", [
    "更新到{ver}之后{feat}不见了，设置里也找不到，是bug吗{emo_a}",
    "更新后{feat}没了，点原来的位置直接报错，{tail_b}",
    "新版本{feat}的按钮消失了，不知道是不是没加载出来，重装也不行",
    "升级后我的{lost}全没了！！！不是说只是优化界面吗{emo_a}",
    "昨天更新完{feat}就用不了了，一点就提示{errmsg}",
    "{op_b}更新以后{feat}那一栏整个是空的，别人手机上都有"])

fam("bug.wrongdata", "bug", "comment|review", [
    "{obj}显示错误，和实际对不上，{tail_b}",
    "{obj}突然变成0了{emo_a}",
    "刷新一下{obj}就变一次，到底哪个是对的",
    "{obj}一直停在昨天，不更新，{tail_b}",
    "{op_b}{obj}算错了，明显少了一截"])

fam("bug.noresponse", "bug", "comment", [
    "点{btn}没反应，{tail_b}",
    "{act}一直卡在{stage}",
    "{act}点了没有任何反应{emo_a}",
    "{op_b}{btn}按钮是灰的点不了",
    "{page}里点{btn}一点反应都没有"])

fam("bug.never_arrived", "bug", "review", [
    "退款说1-3个工作日到账，今天第{days}天了还没到，{tail_b}",
    "{payact}成功了但{thing}一直没到账，{tail_b}",
    "提现{days}天了一直没到账，记录里显示成功，{tail_b}",
    "买的{thing}到现在都没到，订单显示已完成{emo_a}",
    "{op_b}{payact}完{thing}没到，联系客服说{cs_reply}"])

fam("bug.hard.sarcasm_thanks", "bug", "review", [
    "真是太棒了，每次{payact}都失败，感谢你们让我省钱{emo_a}",
    "感谢{app}让我练就了耐心，{act}一次失败三次",
    "太贴心了，{act}到一半自动闪退，提醒我该休息了🙂",
    "好评！{bugdet}，让我每天都有新惊喜🙂",
    "谢谢你啊，{bugdet}，真是服务周到",
    "五星好评送给每次{act}都要重来三遍的{app}，锻炼了我的意志力",
    "这波更新真厉害，{updbroken}，建议产品经理自己用一下"])

fam("bug.hard.sarcasm_slang", "bug", "comment", [
    "闪退yyds，一天能闪{n}次{emo_a}",
    "{act}失败率百分百，稳定得很，绝绝子",
    "蚌埠住了，{bugdet}",
    "栓Q，{act}又失败了",
    "不愧是你，{ver}又把{feat}搞坏了",
    "离谱到家了，{bugdet}",
    "牛啊，{act}转了十分钟最后提示失败",
    "6，{page}又白屏了"])

fam("bug.hard.polite", "bug", "review", [
    "平时挺好用的，就是{time}{bugdet}，麻烦看一下，谢谢",
    "{feat}很好用，但是{bugdet}，希望尽快修复",
    "一直是忠实用户，第一次写评价，因为{bugdet}，辛苦技术同学看看🙏",
    "整体体验不错，唯一的问题是{act}的时候会闪退，{device}",
    "{positive}，但最近{bugdet}，麻烦处理一下"])

fam("bug.hard.question_form", "bug", "comment", [
    "为什么我{act}一直提示{errmsg}？",
    "有人和我一样{bugdet}吗？",
    "是只有我{act}闪退吗？{device}",
    "请问{bugdet}怎么办？",
    "{page}打不开是服务器挂了吗？",
    "咋回事，{bugdet}？"])

fam("bug.hard.mixed_request", "bug", "review", [
    "{bugdet}，{tried}，赶紧修一下吧，顺便希望增加{want}",
    "先把{act}闪退的问题修好行吗？再说什么{want}，现在连用都用不了",
    "{act}老是失败，提示{errmsg}，能不能修一下，天天这样",
    "能不能别再闪退了？{device}，{ver}，{act}必崩",
    "{bugdet}，{tail_b}。另外如果能{wantv}就更好了"])

fam("bug.hard.star", "bug", "review", [
    "给一星是因为{bugdet}，修好了我改五星",
    "本来想五星的，结果{bugdet}{emo_a}",
    "扣四星，原因：{bugdet}",
    "一星。{bugdet}，{tried}",
    "两星，{positive}那颗星给了，剩下三颗扣给这个问题：{bugdet}"])

fam("bug.hard.slow_fail", "bug", "review", [
    "{act}转圈转了十几分钟，最后提示{errmsg}，根本用不了",
    "加载半天最后还是白屏，等多久都一样",
    "每次{act}都要等很久，最后还失败，白等了",
    "{page}等了五分钟，最后显示{errmsg}，{tail_b}",
    "{op_b}{act}一直在{stage}，等了半小时也没结果"])

fam("bug.english", "bug", "comment", [
    "update完就crash，{tail_b}",
    "{device}上一直crash，pls fix",
    "bug太多了，{act}又报error",
    "login不了，一直显示{errmsg}",
    "app keeps crashing after update{emo_a}",
    "{ver} 一打开就crash，iOS用户哭了",
    "{payact}一直fail，什么鬼bug",
    "UI全乱了，按钮点不了，bug"])

fam("bug.notify", "bug", "comment|review", [
    "{app}的通知全收不到了，设置里是开着的",
    "推送收不到，{tail_b}",
    "消息提醒延迟，{minutes}分钟后才收到，{tail_b}",
    "{time}一条通知都没有了，权限都开了",
    "{op_b}通知点进去是空白页"])

fam("bug.data_lost", "bug", "review", [
    "{lost}全没了{emo_a}，{time}还在的",
    "换了手机登录，{lost}一个都没了，同步是开着的",
    "{op_b}{lost}突然清空了，什么都没动",
    "重新登录后{lost}少了一大半，{tail_b}",
    "{lost}不见了！！！{tail_b}"])

fam("bug.compat", "bug", "review", [
    "{device}上{feat}用不了，换{device2}就正常，应该是适配问题",
    "{os}用不了{feat}，一点就退出",
    "平板上{page}显示不全，按钮被挡住点不到",
    "{device}横屏的时候{page}排版全乱了",
    "升级{os}以后{app}就打不开了"])

# ============================== feature_request ==============================
fam("fr.short", "feature_request", "comment", [
    "求{wantshort}", "加个{wantshort}吧", "{wantshort}什么时候出", "希望增加{wantshort}", "求出{platform}版",
    "出个{platform}版吧", "求{wantshort}{emo_p}", "希望有{wantshort}", "能加{wantshort}吗", "求加{wantshort}！！"], weight=1.0, extend=False)

fam("fr.hope", "feature_request", "review", [
    "希望增加{want}，{tail_f}",
    "希望能{wantv}，{reason}",
    "强烈希望{wantv}，{tail_f}",
    "真心希望增加{want}，{reason}",
    "{op_f}希望{app}能{wantv}"])

fam("fr.nengbuneng", "feature_request", "comment", [
    "能不能{wantv}？", "能不能加个{want}啊", "可以{wantv}吗？{tail_f}", "能否{wantv}", "{op_f}能不能{wantv}"])

fam("fr.jianyi", "feature_request", "review", [
    "建议{wantv}，{reason}",
    "建议：1.{wantv} 2.{wantv2}",
    "提个建议，{wantv}，{reason}",
    "小建议：{page}{uxfix}",
    "建议增加{want}，{tail_f}"])

fam("fr.yaoshi", "feature_request", "comment", [
    "要是能{wantv}就好了", "要是有{want}就完美了", "如果能{wantv}就五星了", "什么时候能{wantv}啊", "要是能{wantv}，我天天用"])

fam("fr.hard.change_back", "feature_request", "review", [
    "把{removed}改回来吧，新版{newcomplaint}",
    "求求把{removed}加回来，新版本{newcomplaint}",
    "新版把{removed}去掉了，能不能恢复？{tail_f}",
    "{ver}取消了{removed}，强烈要求改回来",
    "新界面{newcomplaint}，给个切换回旧版的选项吧",
    "{removed}为什么要删？改回来吧，{reason}"])

fam("fr.hard.bring_back", "feature_request", "comment", [
    "bring back {removed} pls", "{removed}还我！！改回来", "求{removed}回归{emo_p}", "旧版{removed}能不能回来",
    "把{removed}还给我们吧", "{removed}请回来，新版{newcomplaint}"])

fam("fr.hard.limit_change", "feature_request", "review", [
    "{limit}，太不合理了，希望{limitreq}",
    "{limit}，能不能{limitreq}？",
    "建议{limitreq}，现在{limit}真的不方便",
    "{limit}，别家都没有这个限制，希望能{limitreq}",
    "{op_f}{limit}，{limitreq}吧{emo_p}"])

fam("fr.hard.praise_request", "feature_request", "review", [
    "{feat}很好用，要是还能{wantv}就完美了",
    "整体很满意，{positive}，就差一个{want}了，加上直接五星",
    "{feat}真的好用，建议再加个{want}",
    "{positive}，{positive2}，唯一的愿望是{wantv}",
    "很喜欢{app}，希望后面能{wantv}{emo_p}"])

fam("fr.hard.tedious", "feature_request", "review", [
    "{tedious}，太麻烦了，{fixgen}",
    "{tedious}，{fixgen}？",
    "{op_f}{tedious}，希望能优化一下",
    "每天都要用，{tedious}，{fixgen}，{tail_f}"])

fam("fr.english", "feature_request", "comment", [
    "pls加个{wantshort}", "求support {platform}", "dark mode什么时候出啊", "能不能出个{platform}版 pls",
    "希望UI可以改简洁点", "希望支持widget", "add {wantshort} pls{emo_p}", "feature request：{want}"])

fam("fr.platform", "feature_request", "comment|review", [
    "希望出{platform}版本", "什么时候支持{platform}？在线等", "求适配{platform}，{reason}", "{op_f}出个{platform}版吧，{tail_f}"])

fam("fr.settings", "feature_request", "review", [
    "希望可以关闭{annoy}", "能不能给{annoy}加个开关", "{annoy}太烦了，建议出个关闭选项", "{annoy}能不能让用户自己选开不开",
    "{op_f}求一个关闭{annoy}的设置"])

fam("fr.hard.bug_minor", "feature_request", "review", [
    "偶尔会卡一下，不影响使用，主要是想建议{wantv}：{reason}",
    "小问题先不说了，最想要的是{want}，{reason}，希望下个版本能安排",
    "之前闪退过一次，重启就好了，没事。真正想说的是希望增加{want}，{reason}",
    "用着还算稳定，有时候加载慢点无所谓，就是希望能{wantv}，{tail_f}"])

fam("fr.hard.question_request", "feature_request", "comment", [
    "有没有办法{wantv}？没有的话建议加一个",
    "请问以后会出{want}吗？很需要",
    "为什么不能{wantv}？希望加上",
    "{want}有计划吗？求安排{emo_p}",
    "什么时候能有{want}啊？等好久了"])

fam("fr.hard.sarcasm_request", "feature_request", "review", [
    "都{year}年了还不支持{want}？赶紧加上吧",
    "别的app早就有{want}了，你们什么时候跟上？",
    "这么大个公司连{want}都没有，求求加一个吧",
    "{want}很难做吗？隔壁早就有了，安排一下呗"])

fam("fr.slang", "feature_request", "comment", [
    "求求了，加个{want}吧{emo_p}", "{want}安排一下，yyds就差这个了", "家人们，一起求{want}，扣1", "绝绝子，但是求{want}",
    "{wantshort}安排上好吗，栓Q"])

fam("fr.custom", "feature_request", "review", [
    "希望{customobj}可以自定义", "{customobj}能不能让用户自己选", "{op_f}{customobj}希望能自己调整，{reason}",
    "建议开放{customobj}的自定义，{tail_f}"])

fam("fr.domain_want", "feature_request", "review", [
    "{app}能加个{want}吗，{reason}", "{op_f}想要{want}，{reason}", "{act}的时候如果能{wantv}会好很多",
    "每次{act}都在想，要是{app}能{wantv}就好了"])

fam("fr.ux", "feature_request", "comment|review", [
    "{page}{uxfix}", "{op_f}{page}{uxfix}", "{page}{uxfix}，{tail_f}", "{page}能不能改一下，{newcomplaint}，建议参考旧版"])

fam("fr.hard.compare", "feature_request", "review", [
    "隔壁都有{want}了，你们也加一个吧", "以前用的那个app有{want}，希望这边也能支持",
    "从{competitor}转过来的，最不习惯的是没有{want}，求加", "{competitor}的{want}很好用，抄一下作业吧{emo_p}"])

# ============================== other ==============================
fam("other.short_pos", "other", "comment", [
    "好用", "不错", "挺好", "还行", "好评", "yyds", "绝绝子", "666", "👍", "赞", "可以", "非常好用", "好用！", "还不错哦",
    "五星", "满意", "方便", "良心app", "爱了爱了", "真香", "棒", "很好", "喜欢", "好用好用", "不错不错👍", "挺方便的",
    "值得推荐", "用着舒服"], weight=0.9, pinned=["好用", "不错"], extend=False)

fam("other.short_neg", "other", "comment", [
    "垃圾", "难用", "一般", "无语", "拉胯", "辣鸡", "什么玩意", "越来越差", "无语子", "不好用", "失望", "差评", "就这？",
    "呵呵", "垃圾软件", "卸了", "不推荐", "越做越烂", "一言难尽", "拉了", "太难用了", "广告真多", "吃相难看"], weight=0.9,
    pinned=["垃圾", "难用"], extend=False)

fam("other.chitchat", "other", "comment", [
    "沙发", "第一", "前排", "路过", "打卡", "来了", "有人吗", "顶", "mark一下", "插眼", "哈哈哈哈", "+1", "同问", "蹲一个",
    "楼上说得对", "今天也来签到", "来了来了", "围观", "学到了", "收藏了"], weight=0.8, extend=False)

fam("other.content", "other", "comment", [
    "{content}", "{content}{emo_h}", "{op_o}{content}", "{content}哈哈"])

fam("other.hard.praise_feat", "other", "review", [
    "{feat}很好用{emo_h}", "{feat}真的绝了，{positive}", "夸一下{feat}，{positive}", "{feat}做得很贴心，点赞",
    "用了{period}，{feat}是我最喜欢的功能", "{feat}太香了，yyds"])

fam("other.praise_general", "other", "review", [
    "用了{period}了，{positive}，推荐", "{positive}，{positive2}，好评", "比{competitor}好用多了，{positive}",
    "{op_o}{positive}，{positive2}{emo_h}", "一直在用，{positive}，五星"])

fam("other.complaint_general", "other", "review", [
    "越来越难用了{emo_a}", "广告太多了，{minor}", "感觉不如以前了，说不上哪里不好", "{app}越做越臃肿",
    "界面太丑了", "会员越来越贵，用着越来越憋屈", "{op_o}用起来就是不顺手", "一年不如一年，唉"])

fam("other.hard.limit_norequest", "other", "review", [
    "{limit}，吃相太难看了", "{limit}，真抠", "{limit}，无语子", "{limit}，怪不得大家都跑了", "{limit}，呵呵{emo_a}",
    "{op_o}{limit}，资本家的算盘打得真响"])

fam("other.hard.slow_works", "other", "review", [
    "{slow}", "{slow}，能接受", "{slow}，总体还行", "虽然有点慢，但是{positive}", "{slow}，凑合用{emo_h}"])

fam("other.question", "other", "comment", [
    "{q}", "请问{q}", "{q}{emo_p}", "{op_o}{q}"])

fam("other.hard.howto", "other", "comment", [
    "怎么{howto}？找半天没找到", "请问在哪里{howto}？", "{howto}的入口在哪啊", "求教怎么{howto}", "有人知道怎么{howto}吗"])

fam("other.hard.sarcasm_policy", "other", "review", [
    "真是太好了，会员又涨价了🙂", "谢谢啊，开屏广告又多了五秒🙂", "太贴心了，每个页面都有广告", "好家伙，{limit}，真是为用户着想",
    "感谢{app}，让我知道了什么叫套路"])

fam("other.cs_praise", "other", "review", [
    "客服小姐姐很耐心，问题很快解决了，好评", "之前{act}遇到问题，联系客服半小时就处理好了，点赞",
    "人工客服态度很好，问题当天就解决了", "给客服点个赞，回复快态度好"])

fam("other.hard.bug_resolved", "other", "review", [
    "之前一直闪退，更新{ver}后好了，点赞", "上次反馈的{act}失败的问题已经修好了，效率可以",
    "前两天{act}有问题，今天再试已经正常了", "{ver}修复了之前的问题，现在{positive}{emo_h}"])

fam("other.hard.user_error", "other", "comment|review", [
    "原来是我没开通知权限，还以为坏了，虚惊一场", "不是app的问题，是我网不好", "找到了，原来{feat}藏在设置里",
    "刚才以为{act}失败了，原来是我卡余额不足😂", "是我自己手机存储满了，清一下就好了"])

fam("other.emoji", "other", "comment", [
    "👍👍", "😂😂😂", "🔥🔥🔥", "❤️", "🙏", "😭😭", "👏👏👏", "💯", "🤔", "😅", "🥰🥰", "👌"], weight=0.35, extend=False)

fam("other.slang", "other", "comment", [
    "蚌埠住了哈哈哈", "绝绝子，{feat}太香了", "yyds{emo_h}", "破防了，{content}", "离谱，{content}", "笑不活了，{content}",
    "awsl"])

fam("other.price", "other", "review", [
    "会员又涨价了", "{payact}越来越贵", "连续包月默认勾选，吃相难看", "价格劝退", "{payact}的价格不太友好，学生党哭了"])

fam("other.hard.ad_no_request", "other", "review", [
    "{annoy}太烦了", "每次打开都是{annoy}，烦死了", "{annoy}多到离谱", "{op_o}{annoy}真的受不了{emo_a}"])

fam("other.mixed_review", "other", "review", [
    "总体还行，就是{minor}，凑合用吧", "优点是{positive}，缺点是{minor}，三星", "{positive}，不过{minor}，中规中矩",
    "还可以，{minor}，别的没什么"])

fam("other.english", "other", "comment", [
    "nice app", "good job{emo_h}", "UI很好看 love it", "{feat}真的nice", "so so吧", "还ok", "just so so", "perfect{emo_h}"],
    weight=0.5, extend=False)

fam("other.hard.feature_exists_q", "other", "comment", [
    "{feat}在哪里开？", "有{wantshort}吗？", "{feat}怎么用啊", "请问{feat}是会员才有吗？"])

fam("other.compare", "other", "review", [
    "和{competitor}差不多，没啥区别", "比{competitor}强一点，{positive}", "{competitor}也就那样，这个还行",
    "{op_o}跟{competitor}比各有优劣吧"])

# ============================== spam ==============================
fam("spam.seo_title", "spam", "comment", [
    "{seo_head},{city}{service}", "{seo_head}，{city}{service}", "{seo_head},{city}{service}{service2}"])
fam("spam.seo_title_b", "spam", "comment", [
    "{city}{service}，{slogan}!", "{city}{service}哪家好?{city2}{service2}", "{city}{service}_{service2}_{brand}网络",
    "{city}{service}专家，{slogan}", "{seo_head}"])

fam("spam.parttime", "spam", "comment|review", [
    "招聘兼职，日结{nn}0元，手机就能做，{contact}",
    "宝妈在家也能做，每天两小时，月入过万，{contact}",
    "刷单兼职，一单一结，佣金{pct}%，不收任何费用，{contact}",
    "学生党兼职，动动手指点赞就能赚钱，{contact}",
    "招打字员，在家工作，日结，{contact}",
    "高薪兼职，{n}00-{n}000一天，无需经验，{contact}",
    "兼职日结，宝妈学生优先{emo_s}{contact}"])

fam("spam.wechat_obf", "spam", "comment", [
    "{wx}{id}，{lure}", "{lure}，{wx}{id}", "私我{wx}：{id}", "{lure}👉{wx} {id}", "{lure}{emo_s}{wx}{id}"])

fam("spam.hard.qq_bare", "spam", "comment", [
    "加q {qq}", "q{qq}", "扣{qq}", "加我{qq}", "{qq} 加我", "Q群{qq}", "扣扣{qq}"], weight=0.9, pinned=["加q 12345678"])

fam("spam.gambling", "spam", "comment", [
    "{brand}棋牌，首充送{n}8元，提现秒到账，{url}",
    "彩票内部计划，稳赚不赔，带你上岸，{contact}",
    "新用户注册送{n}8，捕鱼、老虎机应有尽有 {url}",
    "足球竞猜，专业团队分析，{contact}",
    "{brand}娱乐城，日返水{pct}%，{url}",
    "{emo_s}首充送{nn}0，天天有彩金 {url}"])

fam("spam.hard.fake_review", "spam", "review", [
    "{prod}真的太好用了！！！用了{n}天就{effect}，强烈推荐给所有姐妹，{contact}",
    "这是我用过最好的{prod}，没有之一！！用完{effect}，需要的私我{emo_s}",
    "五星好评！！{prod}yyds！{effect}！同款店铺搜{brand}官方旗舰店",
    "质量超好，物流超快，客服超好，{prod}效果绝了，{effect}，下次还来，{contact}"])

fam("spam.hard.review_like", "spam", "review", [
    "{app}挺好用的，顺便说下，用了三天{effect}，同款在我主页，{contact}",
    "五星！{positive}！另外需要{prod}的姐妹{contact}",
    "{feat}不错，给大家安利一个副业，每天多赚两百，{contact}",
    "用了{period}，{positive}。我在这上面认识了很多朋友，想一起{lure}的{contact}",
    "好评，{positive}。{effect}的秘诀在我主页，{contact}"])

fam("spam.contact_only", "spam", "comment|review", [
    "{wx}{id}", "vx:{id}", "QQ{qq}", "{wx}：{id} 备注{kw}", "扣扣{qq}", "企鹅{qq}", "{contact}{emo_s}"], weight=0.9)

fam("spam.link", "spam", "comment", [
    "点击领取{nn}元红包 {url}", "免费领会员，戳这里 {url}", "{brand}官方活动，注册就送，{url}",
    "最新资源合集 {url} 复制到浏览器打开", "{emo_s}限时福利 {url}"])

fam("spam.loan", "spam", "comment", [
    "急用钱？{brand}借款，无视黑白户，秒批{n}万，{contact}", "征信花了也能下款，当天到账，{contact}",
    "信用卡代还，低息，{contact}", "{brand}金融，额度{n}万起，不看征信 {url}"])

fam("spam.followers", "spam", "comment", [
    "专业涨粉，1元{n}00粉，真人活粉，{contact}", "点赞评论播放量都能刷，价格便宜，{contact}",
    "需要刷好评的店家私聊，{contact}", "代开会员，全网最低价，{contact}", "涨粉神器，一天{n}千粉{emo_s}{contact}"])

fam("spam.daichong", "spam", "comment", [
    "低价代充，6折起，{contact}", "会员代开，一个月{n}块，{contact}", "钻石五折代充，安全不封号，{contact}",
    "{brand}代充平台，秒到账，{url}"], domains=["games", "music", "short_video", "education", "news", "social"])

fam("spam.invest", "spam", "comment", [
    "带你炒股，今天{n}只涨停票，进群免费领，{contact}", "专业老师带单，日收益{pct}%，{contact}",
    "数字货币内部消息，稳赚，{contact}", "{brand}投资群，跟着老师买，{contact}"])

fam("spam.hard.bait", "spam", "comment", [
    "看我主页有惊喜😏", "我头像里有你想要的", "想要同款的看我签名", "私信我发你资源", "主页有福利，懂的来",
    "点我头像领红包", "我主页有你想要的{lure}", "签名里有{lure}的方法"], weight=0.6)

# --------------------------------------------------------------------------
# Extra sentences that lengthen reviews/comments without changing the label.
# (bug extras never ask for a new feature; feature extras never report a
#  malfunction; other extras neither report a malfunction nor ask for change)
# --------------------------------------------------------------------------
EXTRAS = {
    "bug": dict(pre=["用了{period}，之前一直没什么问题。", "机型{device}，系统{os}。", "先说明一下，网络是正常的。",
                     "第{n}次写评价了。", "{hi}", "本来不想写差评的。", "早上急着用的时候发现的。"],
                post=["{tried}。", "客服说{cs_reply}，然后就没下文了。", "每天都要{act}，现在完全耽误事。", "身边朋友也遇到了。",
                      "之前的版本是好的。", "截图已经在反馈里提交了。", "{angry}。", "版本是{ver}。", "真的很影响使用{emo_a}",
                      "{device}。", "已经{days}天了。", "不是网络问题，别的app都正常。", "试了三次都一样。"]),
    "feature_request": dict(pre=["用了{period}了，整体挺满意。", "{positive}，这点要夸。", "老用户了。", "{hi}", "没别的毛病，"],
                            post=["{reason}。", "不知道产品有没有考虑过。", "我身边好几个朋友也有这个需求。", "期待下个版本。",
                                  "如果能做的话会一直用下去。", "{tail_f}", "谢谢考虑。", "不急，排进计划就行。"]),
    "other": dict(pre=["用了{period}。", "说一下感受。", "{hi}", "随便说两句。"],
                  post=["就这样吧。", "个人感受，仅供参考。", "{minor}。", "别的没什么。", "以上。", "大概就这些。"]),
    "spam": dict(pre=["{hi}"], post=["名额有限，先到先得{emo_s}", "{lure}。", "真实有效，不信可以试试。", "长期有效。"]),
}
EXTEND_K = {"bug": [1, 1, 1, 2, 2, 3], "feature_request": [1, 1, 1, 2, 2, 3], "other": [1, 1, 1, 2], "spam": [1, 1, 2]}

ENDS_OPEN = re.compile(r"[\w\u4e00-\u9fff]$")


def cat_sentences(parts):
    out = ""
    for s in parts:
        s = s.strip()
        if not s:
            continue
        if out and ENDS_OPEN.search(out):
            out += "。"
        out += s
    return out


def extend(rng, cat, kind, text, dom):
    ex = EXTRAS.get(cat)
    if not ex:
        return text
    if kind == "review":
        if rng.random() > 0.4:
            return text
        k = rng.choice(EXTEND_K[cat])
    else:
        if rng.random() > 0.12:
            return text
        k = 1
    m = {}
    pre = fill(rng.choice(ex["pre"]), dom, rng, m) if rng.random() < 0.35 else ""
    posts = [fill(s, dom, rng, m) for s in rng.sample(ex["post"], min(k, len(ex["post"])))]
    return tidy(pre + cat_sentences([text] + posts))


# long app-store reviews (120-300 chars), composed from several fragments
def _compose(rng, dom, head, middle, tail, kmin, kmax):
    m = {}
    parts = [rng.choice(head)] + rng.sample(middle, rng.randint(kmin, min(kmax, len(middle)))) + [rng.choice(tail)]
    return None, tidy(fill(cat_sentences(parts), dom, rng, m))


def long_review_bug(rng, dom):
    head = ["用了{period}了，{time}{bugdet}。", "{hi}最近{bugdet}，而且不是偶发。", "一直是老用户，{bugdet}，{time}一直这样。",
            "{op_b}{bugdet}。"]
    middle = ["机型{device}，系统{os}，版本{ver}。", "能试的都试了，{tried}，{triedv}也试过了。",
              "客服只会说“{cs_reply}”，问什么时候修也没有答复。", "平时{positive}，所以更让人失望。",
              "每天都要{act}，现在完全用不了。", "因为这个问题我已经{impact}。", "更离谱的是{bugdet2}。",
              "这个问题出现之前{act2}都很正常，应该就是新版本引入的。", "翻了一下评论区，好多人都是一样的情况。",
              "具体表现是：{act}的时候页面卡住，然后提示“{errmsg}”。",
              "我还专门卸载重装了一遍，重新登录之后问题依旧，连换了两个网络环境也一样，基本可以排除是我这边的原因。",
              "本来这种事不想写评价，但已经连续好几天了，打电话客服说会登记，然后就再也没有消息，实在没办法才来这里说。",
              "对一个天天要用的app来说，这种问题真的很致命，尤其是着急{act}的时候，完全没有别的办法。",
              "我把时间线理一下：第一次出现是{time}，当时以为是偶发，没在意；之后每天都会出现，今天已经严重到完全没法用了。"]
    tail = ["先给一星，修好再改。", "{angry}！", "麻烦尽快处理{emo_a}", "希望早点修好。", "再这样就卸载了。"]
    return _compose(rng, dom, head, middle, tail, 3, 7)


def long_review_fr(rng, dom):
    head = ["用了{period}，{positive}，{positive2}，整体很满意。", "作为老用户，{feat}一直在用，体验不错。",
            "{hi}先夸一句，{positive}。"]
    middle = ["有个小需求：希望{wantv}，{reason}。", "另外希望增加{want}，{reason2}。", "{limit}，希望能{limitreq}。",
              "{page}{uxfix}。", "可以给{annoy}加个开关吗，有的人真的不需要。", "{customobj}希望可以自定义。",
              "还有就是{tedious}，{fixgen}？", "听说{competitor}已经有类似功能了，可以参考一下。",
              "我平时{act}比较频繁，每次都要绕好几步，如果能{wantv2}，至少能省一半时间，相信很多重度用户都有同感。",
              "之前在意见反馈里也提过一次，客服说会转给产品，不知道有没有排进计划，这里再提一次，希望被看到。"]
    tail = ["如果能做到，五星没问题。", "谢谢开发者{emo_p}", "期待下个版本！", "希望能被看到。"]
    return _compose(rng, dom, head, middle, tail, 2, 5)


def long_review_other(rng, dom):
    head = ["用了{period}，说说感受。", "{hi}写个评价吧。", "随便写写使用感受。"]
    middle = ["优点：{positive}，{positive2}，{feat}也挺好用。", "{feat}做得不错，{positive}。", "缺点：{minor}，{annoy}有点多。",
              "不太满意的是{limit}，不过也能理解。", "{slow}。", "和{competitor}比各有优劣。", "价格方面中规中矩。",
              "界面这两年改了好几次，习惯了也就那样。", "偶尔会觉得推荐的东西不太对胃口，不过不影响。",
              "身边的朋友基本也都在用，算是离不开的那种，谈不上多喜欢，但换别的也懒得折腾，毕竟数据都在这里。",
              "说实话刚开始用的时候惊艳过一阵，后来新鲜感过去了，就是一个普普通通的工具，该有的都有，没什么惊喜。"]
    tail = ["总体三星半吧，凑合用。", "总的来说还行，推荐给不挑的人。", "就这样，没什么特别想说的了。", "还会继续用。"]
    return _compose(rng, dom, head, middle, tail, 2, 5)


fam("bug.long_review", "bug", "review", long_review_bug)
fam("fr.long_review", "feature_request", "review", long_review_fr)
fam("other.hard.long_review", "other", "review", long_review_other)

# --------------------------------------------------------------------------
# SEO link-farm headline generator (own variations of the style)
# --------------------------------------------------------------------------
SEO_HEADS = [
    "{industry}如何借力{trend}实现逆势增长?", "{trend}时代，你的品牌准备好了吗?", "揭秘{seo_topic}，快速提升网站权重与排名!",
    "{seo_topic}避坑指南，新手必看!", "三步搞定{seo_topic}，流量翻倍不是梦", "{industry}推广哪家强?效果到底怎么样?",
    "{adj}营销，{slogan}", "{trend}爆火，{industry}一招翻红!", "打造高权重{site_kind}，抢占搜索首页",
    "{seo_topic}的{n}个核心技巧，看完就会", "为什么你的网站没排名?{seo_topic}告诉你答案", "零成本做{trend}引流，日增百粉",
    "{site_kind}怎么做才有流量?", "{industry}获客难?{trend}来帮你", "{seo_topic}揭秘，{slogan}!",
    "{adj}{site_kind}，一键展示企业风采", "{trend}+{seo_topic}，双管齐下抢占流量高地?",
]
GEN["seo_head"] = lambda rng, dom: rng.choice(SEO_HEADS)


# --------------------------------------------------------------------------
# Post generators for non-quality posts
# --------------------------------------------------------------------------
def F(rng, dom, tpl, memo):
    return tidy(fill(tpl, dom, rng, memo))


def post_bug_rant(rng, dom):
    m = {}
    title = F(rng, dom, rng.choice([
        "{app}又闪退了，到底还修不修？", "吐槽一下最近的{ver}版本", "{act}失败，已经{days}天了", "真的受够了！{act}一直出问题",
        "有没有人管管？{bugdet}", "【吐槽】{bugdet}", "求助：{bugdet}，客服也解决不了"]), m)
    opens = ["{time}开始，{bugdet}。一开始以为是我网络的问题，{tried}。",
             "我真的忍了很久了。{time}，{bugdet}，而且不是偶尔一次，是每次都这样。",
             "先说情况：{bugdet}。时间是{time}，到现在还没好。",
             "{hi}我想问问是不是只有我这样：{bugdet}，{tried}。"]
    mids = ["设备是{device}，系统{os}，app是最新的{ver}。问了身边用{device2}的朋友，也是一样的情况，所以别说是手机的问题。",
            "{device}，{ver}，该更新的都更新了，该清的缓存也清了，能试的办法全试过。",
            "找了在线客服，机器人绕了半天，转人工排队四十分钟，最后回复一句“{cs_reply}”。",
            "客服让我{triedv}，照做了，没用。再问就是“已经反馈给技术部门”，然后就没有然后了。",
            "因为这个问题我已经{impact}，损失谁来负责？",
            "平时{positive}我都认，可是连{act}都做不了，这个app对我还有什么意义？",
            "翻了一下社区，同样的帖子已经有好几个了，下面全是“我也是”，官方一个回复都没有。"]
    ends = ["不想听道歉，只想知道什么时候能修好。再不修我就卸载了。", "发这个帖子就是希望官方能看到，别再装死了{emo_a}",
            "有同样问题的朋友在下面留个言，人多了看他们管不管。", "就这样，等一个修复。{emo_a}"]
    paras = [rng.choice(opens)] + rng.sample(mids, rng.randint(2, 4)) + [rng.choice(ends)]
    return title, "\n\n".join(F(rng, dom, p, m) for p in paras)


def post_bug_report(rng, dom):
    m = {}
    title = F(rng, dom, rng.choice(["【bug反馈】{bugdet}", "[反馈] {ver} {act}异常", "{page}问题反馈（附复现步骤）",
                                    "提交一个bug：{act}时{errmsg}"]), m)
    lines = ["环境：{device} / {os} / 版本 {ver}", "问题描述：{bugdet}。",
             "复现步骤：\n1. 打开app，进入{page}\n2. {act}\n3. {stepx}",
             rng.choice(["预期结果：正常完成{act}。\n实际结果：{bugdet}。", "预期结果：操作成功。\n实际结果：提示“{errmsg}”。"]),
             "出现频率：{freq}。已尝试：{tried}。",
             rng.choice(["麻烦官方跟进一下，谢谢。", "需要日志的话可以私信我。", "截图不方便放，有需要可以联系我补充。"])]
    return title, "\n\n".join(F(rng, dom, p, m) for p in lines)


FR_WANT_ITEMS = ["增加{want}：{reason}。", "希望{wantv}，{reason}。"]
FR_ITEMS = ["{limit}，希望{limitreq}。", "{page}{uxfix}。", "给{annoy}加个关闭开关，{reason2}。", "{customobj}希望可以自定义。",
            "出一个{platform}版本，{reason3}。", "{tedious}，{fixgen}？"]


def post_fr_long(rng, dom):
    m = {}
    title = F(rng, dom, rng.choice(["关于{feat}的几点建议", "给{app_cn}提几个小建议", "用了{period}，整理了一些改进建议",
                                    "产品建议合集（长文预警）", "一些功能需求，希望产品经理看看"]), m)
    intro = rng.choice(["用了{period}，整体挺满意的，但有几个地方希望可以改进：",
                        "作为{period}的老用户，提几点建议，希望产品经理能看到：",
                        "先说明不是来吵架的，是真心希望{app_cn}越来越好。下面是我整理的几个需求："])
    items = [rng.choice(FR_WANT_ITEMS)] + rng.sample(FR_ITEMS, rng.randint(2, 4))
    rng.shuffle(items)
    fmt = rng.choice(["{i}. ", "{i}、", "（{i}）"])
    body = []
    for i, it in enumerate(items, 1):
        body.append(fmt.format(i=i) + F(rng, dom, it, m))
    sep = rng.choice(["\n", "\n\n"])
    outro = rng.choice(["以上，希望能被采纳🙏", "有同样需求的朋友帮忙顶一下。", "如果这些已经在计划里了，那就当我没说，期待新版本！"])
    return title, F(rng, dom, intro, m) + "\n\n" + sep.join(body) + "\n\n" + F(rng, dom, outro, m)


def post_fr_vote(rng, dom):
    m = {}
    title = F(rng, dom, rng.choice(["有没有人和我一样想要{want}的？", "呼吁一下：快出{want}吧", "想要{want}的扣1",
                                    "求{want}，真的很需要"]), m)
    paras = ["{tedious}，真的很不方便。如果有{want}，{reason}。",
             rng.choice(["别的app早就有了，不知道为什么一直不加。", "之前在反馈里提过两次，没有回音。", "不需要多复杂，能用就行。",
                         "我问过客服，说会考虑，然后就没下文了。"]),
             rng.choice(["想要的朋友评论区扣1，人多了官方应该会看到吧。", "希望下个版本能安排上{emo_p}", "顶上去让产品经理看到！"])]
    return title, "\n\n".join(F(rng, dom, p, m) for p in paras)


def post_other_question(rng, dom):
    m = {}
    title = F(rng, dom, rng.choice(["新人求问：{q}", "{q}", "请教一下各位", "小白提问", "问个问题"]), m)
    body = rng.choice(["刚开始用{app_cn}，{q}找了一圈没找到说明，有没有大佬告诉一下，谢谢！",
                       "如题，{q}客服那边一直排队，想在这里问问有经验的朋友。",
                       "问个可能很蠢的问题：{q}先谢谢大家了{emo_p}",
                       "{hi}{q}网上搜到的教程都是旧版本的，现在的入口好像变了。"])
    return title, F(rng, dom, body, m)


def post_other_chitchat(rng, dom):
    m = {}
    title = F(rng, dom, rng.choice(["第一次发帖", "今天的小确幸", "随便聊聊", "{content}", "水一贴"]), m)
    body = rng.choice(["{content}，来社区发个帖纪念一下，大家好呀~", "{content}。没什么事，就是想找人说说话。",
                       "用{app_cn}{period}了，第一次在社区发帖，有点紧张哈哈。{content}",
                       "{hi}{content}{emo_h}有没有同样感受的？"])
    return title, F(rng, dom, body, m)


def post_other_rant(rng, dom):
    m = {}
    title = F(rng, dom, rng.choice(["说说我为什么越来越不想用{app_cn}了", "现在变成这样，真的有点失望", "老用户的一点碎碎念",
                                    "{period}老用户的真心话"]), m)
    paras = ["刚开始用{app_cn}的时候，{positive}，界面干净，没什么乱七八糟的东西，我还推荐给了好多朋友。",
             "现在呢？打开先是{annoy}，首页一半都是推荐，想找个功能要点好几层。",
             "会员的价格也一年比一年贵，权益倒是没见多。",
             "不是说有什么功能坏了，都能用，就是用起来越来越不舒服，感觉心思不在用户身上了。",
             "{limit}，以前可没有这些。",
             "身边好几个朋友已经换到{competitor}了，我也在犹豫。"]
    ends = ["可能我已经不是他们的目标用户了吧。", "就这样吧，吐槽完了，继续凑合用。", "算了，说多了也没用。"]
    body = [paras[0]] + rng.sample(paras[1:], rng.randint(2, 4)) + [rng.choice(ends)]
    return title, "\n\n".join(F(rng, dom, p, m) for p in body)


def post_other_short_review(rng, dom):
    m = {}
    title = F(rng, dom, rng.choice(["简单说两句", "使用感受", "一点感想", "{app_cn}用了{period}"]), m)
    body = rng.choice(["用了{period}，{positive}，但也没什么特别惊艳的地方，中规中矩吧。",
                       "总体还行，{minor}，不过不影响使用。就酱。",
                       "{positive}，{positive2}。缺点嘛，{minor}。别的想不起来了。",
                       "没什么好说的，能用，{positive}。"])
    return title, F(rng, dom, body, m)


def post_spam_seo(rng, dom):
    m = {}
    title = F(rng, dom, rng.choice(["{seo_head},{city}{service}", "{city}{service}，{slogan}!", "{seo_head}"]), m)
    p1 = "{city}{service}哪家好？{brand}网络专注{service}{n}年，提供{service2}、{service3}、{service4}等一站式服务，" \
         "助力企业快速提升关键词排名，{slogan}。"
    kws = " | ".join(fill("{city%d}{service%d}" % (i, i), dom, rng, {}) for i in range(rng.randint(4, 8)))
    p3 = rng.choice(["咨询热线：{phone}  官网：{url}", "免费诊断网站，{contact}", "{emo_s}立即咨询 {url}"])
    return title, "\n\n".join([F(rng, dom, p1, m), kws, F(rng, dom, p3, m)])


def post_spam_fake_guide(rng, dom):
    m = {}
    q = QC[dom]
    topic = rng.choice(q["topic"])
    title = rng.choice(["%s攻略，看完少走弯路", "%s干货分享（建议收藏）", "%s的正确打开方式", "关于%s，这些你一定要知道"]) % topic
    tips = rng.sample(q["tips"], 2)
    body = [rng.choice(["很多人问我%s的经验，今天简单分享几点。" % topic, "%s其实很简单，关键是方法。" % topic]),
            "1. " + tips[0] + "\n2. " + tips[1],
            F(rng, dom, rng.choice(["更多%s内部技巧我整理成了资料包，需要的{contact}，备注“{kw}”免费领，名额有限{emo_s}" % topic,
                                    "完整版教程和工具已经打包好了，{wx}{id}领取，前{nn}名免费！",
                                    "想系统学习的可以进我的群，{contact}，每天分享一手干货{emo_s}"]), m)]
    return title, "\n\n".join(body)


fam("bug.rant.post", "bug", "post", post_bug_rant, weight=1.1)
fam("bug.hard.report_post", "bug", "post", post_bug_report)
fam("fr.long_post", "feature_request", "post", post_fr_long, weight=1.1)
fam("fr.vote_post", "feature_request", "post", post_fr_vote)
fam("other.post_question", "other", "post", post_other_question)
fam("other.post_chitchat", "other", "post", post_other_chitchat)
fam("other.hard.post_rant_general", "other", "post", post_other_rant)
fam("other.hard.post_short_review", "other", "post", post_other_short_review)
fam("spam.seo_post", "spam", "post", post_spam_seo, weight=1.1)
fam("spam.hard.fake_guide", "spam", "post", post_spam_fake_guide)

# --------------------------------------------------------------------------
# quality_content pools (hand-written, per domain)
# guides: [{"topic", "titles", "steps"}]; tips; pros; cons; stories; lessons; pitfalls
# --------------------------------------------------------------------------
QC = {}

QC["payments"] = dict(
    topic=["转账安全", "信用卡还款", "账单管理"], audience="日常消费和转账为主的普通用户",
    guides=[dict(topic="信用卡还款", titles=["信用卡还款怎么最省钱？我的完整流程", "每月信用卡还款流程分享（附避坑）"], steps=[
        "先在银行卡列表里把信用卡添加进来，选择“还款卡”类型，储蓄卡和信用卡不要搞混。",
        "打开自动还款提醒，把提醒日设成账单日后第三天，这样有充足时间准备资金。",
        "还款前先看一下本月的免费额度还剩多少，超出的部分会按比例收手续费，大额可以分两个月错开。",
        "还款时优先选零钱或储蓄卡扣款，尽量不要用另一张信用卡，否则容易被银行判定为套现。",
        "提交后在账单页确认状态变成“已还款”，银行那边一般两小时内入账，最晚不超过一个工作日。",
        "最后去银行app核对一下最低还款额和全额是否一致，避免只还了最低额度产生利息。"]),
        dict(topic="转账安全", titles=["转账防骗：这几个安全设置一定要打开", "给爸妈手机设置支付安全的详细步骤"], steps=[
            "进入设置里的“安全中心”，先把支付密码改成和锁屏密码不一样的六位数字。",
            "关闭免密支付，或者把免密额度调到最低，哪怕麻烦一点也值得。",
            "打开“转账到账延时”功能，选择两小时或二十四小时到账，给自己留出反悔时间。",
            "在亲属卡里给父母设置每月消费上限，超出会提醒到你的手机上。",
            "把陌生人转账提醒打开，对方不是好友时会弹出风险提示，遇到“客服退款”之类的话术直接挂断。",
            "定期到“授权管理”里清理不用的小程序和第三方授权，减少信息泄露的风险。"])],
    tips_titles=["很多人不知道的钱包小技巧", "用了五年支付软件总结的实用技巧"],
    tips=["账单页可以按月份和类型筛选，年底做个人记账非常方便。", "长按收款码可以设置固定金额，摆摊的时候顾客扫码就不用再输数字。",
          "转账时在备注里写清楚用途，以后查账一搜备注就能找到。", "零钱通可以设置工资到账自动转入，闲钱放着每天也有一点收益。",
          "亲属卡适合给家里老人用，消费记录你这边都能看到。", "设置里有“收款到账语音”，开启后店里不用一直盯着手机屏幕。",
          "信用卡还款每月有免费额度，超了再用储蓄卡分次还可以省手续费。",
          "遇到可疑扣款，可以在账单详情里直接“联系商家”或“申请退款”，比找客服快。", "开发票的入口在账单详情最底部，很多人翻半天找不到。",
          "把常用的缴费项目加到“生活缴费”里，水电燃气到时间会提醒。"],
    pros=["转账基本是秒到，节假日高峰也很少出问题，这一点比很多银行app强。",
          "账单分类做得很细，餐饮、交通、购物自动归类，月底看饼图就知道钱花在哪了。",
          "安全设置比较全，延时到账、陌生人提醒、设备管理都有，给家里老人用我比较放心。",
          "界面这两年越做越简洁，常用的扫一扫和收付款都在首页，一步就能点到。",
          "处理争议退款的流程是清楚的，我申诉过一次，三天给了结果。"],
    cons=["首页推荐的理财和借贷入口越来越多，对只想付款的人来说有点干扰。", "信用卡还款的免费额度偏低，超出部分的手续费虽然不多但感知很明显。",
          "账单导出只能发邮件，格式也不是表格，做记账的时候还得自己整理。",
          "偶尔会遇到指纹识别失败要改输密码的情况，频率不高，希望后续能优化。", "部分设置藏得很深，比如关闭免密支付要点五六层，新手很难找到。"],
    story_titles=["差点被“客服退款”骗了，记录一下全过程", "接到“退款电话”之后，我做对了哪几件事"],
    story=["上个月接到一个自称电商客服的电话，说我买的东西质量有问题要给我退款，对方能准确说出我的订单号。",
           "他让我打开钱包里的“借款”页面，说是要核实信用，我当时已经有点怀疑了，因为正规退款根本不需要借钱。",
           "我借口信号不好先挂了电话，然后在订单页找官方客服核实，客服明确说没有任何退款需要我操作。",
           "回头查了一下，那个号码在网上已经被很多人标记过。后来我把陌生人转账提醒和延时到账都打开了。",
           "这次没有损失，但想想都后怕：对方的话术非常专业，如果是家里老人接到，很可能就照做了。"],
    lessons=["正规的退款都是原路退回，任何要求你转账、借款、开通额度的“退款”都是诈骗。",
             "接到可疑电话先挂断，再从官方app里的入口找客服核实，不要用对方给的链接或号码。",
             "延时到账功能一定要打开，真的转错或被骗，还有时间申请撤回。", "给家里老人的手机也设置一遍，并且跟他们讲清楚常见的骗局话术。"],
    pitfalls=["不要在非官方的小程序里输入支付密码，哪怕页面看起来一模一样。", "信用卡还款不要卡在最后一天操作，跨行入账偶尔会有延迟。",
              "免密支付的额度别设太高，手机丢了风险就很大。", "换手机之前记得先在设备管理里解绑旧设备。"],
)

QC["ecommerce"] = dict(
    topic=["大促凑单", "退货退款", "网购比价"], audience="经常网购、愿意花点时间比价的用户",
    guides=[dict(topic="大促凑单", titles=["大促怎么凑单最划算？一篇讲清楚满减和叠券", "双十一凑单攻略：我是怎么把价格打到最低的"], steps=[
        "先把想买的东西全部加进购物车，按店铺分组，看清楚每家店的满减门槛。",
        "去“我的优惠券”里把平台券、店铺券都领一遍，注意有些券要到活动当天零点才能领。",
        "用结算页的价格明细核对一下，平台满减和店铺满减是可以叠加的，但品类券和店铺券往往不能同时用。",
        "差一点凑不够的，可以找店里的小件商品补齐，比如袜子、纸巾这类本来就要买的东西。",
        "付款前截图保存价格，大促后如果降价，可以凭截图申请价格保护。", "最后检查一下收货地址和发票信息，大促期间改地址很麻烦。"]),
        dict(topic="退货退款", titles=["网购退货退款全流程，新手也能一次搞定", "退货被拒？这份退货指南请收好"], steps=[
            "收到货先拍开箱视频，尤其是数码产品和贵重物品，出现问题时这是最有力的证据。",
            "在订单页点“申请售后”，选择对应原因，“七天无理由”和“质量问题”的运费规则不一样，别选错。",
            "填写退货原因时附上照片，描述尽量具体，比如“左侧袖口开线约2厘米”。",
            "商家同意后按页面提供的地址寄回，运单号要及时填写，否则系统可能自动关闭售后。",
            "退款一般在商家确认收货后原路退回，信用卡类支付到账会慢一点，注意查看账单。"])],
    tips_titles=["网购老手才知道的省钱小技巧", "买买买之前先看看这些技巧"],
    tips=["商品详情页往下翻有“降价提醒”，设好目标价，降到了会推送给你。", "评价区可以只看追评和带图评价，比看首页好评真实得多。",
          "购物车里的商品长按可以移到收藏，清理购物车又不会丢。", "拍照搜同款对比价格很好用，同一个工厂出的货差价能到一倍。",
          "很多店铺有会员价，关注店铺入会是免费的，买之前看一眼。", "价保一般是15天内有效，大促后第二天就可以去查。",
          "联系客服时直接说“转人工”三个字，能少绕很多圈。", "订单页可以设置“隐私收货”，快递面单上的名字和电话会被隐藏。",
          "大件商品下单前先看“送装一体”选项，能省一次上门安装的预约。"],
    pros=["发货速度确实快，同城大部分次日达，偏远地区也基本三到四天。", "售后流程比较规范，申请退货后上门取件，几乎不用自己跑快递点。",
          "价格保护和降价提醒这两个功能对我这种等降价的人特别友好。", "评价体系相对可信，追评和带图评价能看出很多问题。"],
    cons=["首页直播和短视频越来越多，想直接搜东西经常被打断。", "大促规则一年比一年复杂，算满减跟做数学题一样。",
          "部分第三方店铺的商品描述和实物有出入，还是得靠看评价筛选。", "偶尔会出现优惠券在结算时不显示的情况，退出重进才好，希望能修一下。"],
    story_titles=["记录一次买到翻新机后的维权经历", "买到翻新手机，我是怎么维权成功的"],
    story=["今年三月在第三方店铺买了一台手机，拆封后发现电池循环次数已经有两百多次，明显是翻新机。",
           "我先在订单页申请售后，上传了开箱视频和电池信息截图，商家第一时间拒绝，说是正常现象。",
           "随后我申请了平台介入，把视频、截图和商品页“全新正品”的描述一起提交上去。",
           "平台客服两天后联系我，判定商家违规，支持退货退款，并且来回运费由商家承担。",
           "整个过程大概用了一周，钱原路退回。后来那家店铺的商品页也被下架了。"],
    lessons=["开箱视频真的很重要，从拆快递开始拍，不要剪辑。", "和商家沟通尽量在平台聊天里进行，电话内容很难作为证据。",
             "商家拒绝后不要急着吵架，直接申请平台介入，按规则走效率更高。", "买贵重物品优先选官方旗舰店或自营，虽然贵一点但省心。"],
    pitfalls=["不要点聊天里商家发来的外部链接，退款只在订单页操作。", "七天无理由要在签收后七天内发起，不是七天内寄回。",
              "凑单买的小件退货时，满减优惠会被按比例扣回。", "预售商品的定金一般不退，付定金之前想清楚。"],
)

QC["social"] = dict(
    topic=["聊天记录迁移", "隐私设置", "社群管理"], audience="以熟人社交为主、在意隐私的用户",
    guides=[dict(topic="聊天记录迁移", titles=["聊天记录迁移到新手机的完整方法", "换手机不丢聊天记录：一步步教你迁移"], steps=[
        "两台手机连同一个wifi，并且保证电量在50%以上，迁移过程中不要锁屏。",
        "在旧手机的“设置-聊天-聊天记录迁移”里选择要迁移的聊天，可以全选也可以只选重要的几个群。",
        "新手机登录同一个账号，扫描旧手机上出现的二维码，开始传输。",
        "传输速度大概每分钟一两个G，视频和图片多的话要耐心等，中途不要切到其他app。",
        "迁移完成后先别急着删除旧手机的数据，抽查几个聊天确认图片和文件都能打开。"]),
        dict(topic="隐私设置", titles=["隐私设置全攻略：不想被陌生人加好友看这里", "社交软件隐私设置清单，建议每个人都检查一遍"], steps=[
            "在“隐私”里关闭通过手机号搜索到我，只保留通过账号搜索。", "把“可能认识的人”推荐关掉，不然通讯录里的人都会看到你的推荐。",
            "动态可见范围设成最近一个月，老照片不会被翻出来。", "给同事和家人建不同的分组，发动态时选择分组可见。",
            "定期检查“授权登录”列表，把不认识的第三方应用移除。", "开启登录保护，新设备登录需要旧设备确认。"])],
    tips_titles=["聊天软件里那些藏得很深的好用功能", "社交app实用技巧合集"],
    tips=["长按消息选“多选”可以一次转发多条，还能合并成聊天记录。", "群聊里@所有人只有群主和管理员能用，想提醒大家可以发群公告。",
          "语音消息可以转成文字，开会时不方便听很有用。", "聊天框里输入关键词可以搜索历史记录，还能按图片、文件、链接分类查。",
          "给重要的人设置星标，消息列表里会置顶显示。", "不想看某个人的动态但又不想删好友，可以设置“不看他”。",
          "群消息免打扰打开后，被@时仍然会提醒，不会漏掉重要的事。", "聊天文件默认只保存一段时间，重要文件记得及时另存。"],
    pros=["消息送达很稳定，弱网环境下也基本不会丢消息。", "隐私设置比较细，分组可见、仅聊天等选项能满足大部分需求。",
          "语音转文字的准确率挺高，普通话基本不用改。", "群管理工具够用，公告、禁言、入群验证都有。"],
    cons=["聊天记录不能很方便地备份到云端，换设备还是得两台手机面对面迁移。", "消息撤回只有两分钟，手滑发错群的时候经常来不及。",
          "动态页里的广告比以前多了，虽然不算太频繁。", "偶尔视频通话会出现对方听不到声音的情况，重拨一次就好，希望能优化。"],
    story_titles=["社群运营一年，我总结的群管理经验", "从0到500人的兴趣群，我是怎么管理的"],
    story=["去年我建了一个本地跑步爱好者群，一开始只有十几个朋友，后来通过线下活动慢慢涨到了五百人。",
           "人多以后最大的问题是广告和刷屏，有段时间每天都有人发兼职和微商广告。",
           "我先打开了入群验证，要求回答一个只有跑友才知道的问题，然后设置了三个管理员轮流值班。",
           "群公告里写清楚群规：只聊跑步和活动，广告一次警告两次移出，每周日晚上统一发约跑信息。",
           "执行了两个月以后，群里的氛围明显好了，活跃度反而比之前高。"],
    lessons=["入群验证是最便宜的过滤手段，问题不用难，但要跟群主题相关。", "群规要提前写、公开写，处理的时候才有依据，不会被说针对谁。",
             "管理员不用多，但要有人愿意长期投入，最好轮班。", "固定的活动节奏比临时起意更能保持活跃。"],
    pitfalls=["别把所有人拉进一个大群，同事、家人、朋友最好分开。", "陌生人发来的“投票链接”不要点，很多是盗号的钓鱼页面。",
              "聊天记录迁移前先清理一下缓存，能快很多。", "群文件有过期时间，重要资料不要只放在群里。"],
)

QC["short_video"] = dict(
    topic=["短视频剪辑", "开直播", "做账号"], audience="想尝试做内容的新手创作者，以及喜欢碎片化娱乐的用户",
    guides=[dict(topic="短视频剪辑", titles=["手机剪辑短视频入门：从拍摄到发布的完整流程", "新手用手机剪出第一条像样的视频"], steps=[
        "拍摄时尽量横竖统一，竖屏内容就全程竖屏，后期裁剪会损失画质。", "导入素材后先粗剪：把废镜头、重复的片段删掉，时长控制在30秒到1分钟。",
        "打开自动字幕识别，识别完逐句检查错别字，尤其是专有名词。", "配乐选节奏和画面切换相匹配的，音量调到人声的30%左右，别盖过说话声。",
        "封面单独做一张，标题控制在15个字以内，把最吸引人的信息放在前面。", "发布前在草稿箱预览一遍，确认没问题再发，发布时间尽量选晚上七点到十点。"]),
        dict(topic="开直播", titles=["直播新手开播准备清单", "第一次开直播要准备什么？我的经验"], steps=[
            "先确认自己满足开播条件，在“创作者中心”里完成实名认证。", "网络最好用有线或5G wifi，上行速度至少要有5Mbps，不然画面会糊。",
            "补光灯放在斜前方45度，背景简单干净，避免强光直射镜头。", "开播前在“直播预告”里发一条通知，提前一天发效果最好。",
            "直播中准备几个互动话题，冷场时可以抽奖或者回答评论区问题。", "下播后去数据中心看观看时长和流失节点，下次针对性调整。"])],
    tips_titles=["刷视频和做视频都用得上的小技巧", "短视频app隐藏功能合集"],
    tips=["长按视频选“不感兴趣”，推荐会越来越对胃口。", "收藏夹可以新建文件夹，按美食、旅行、教程分类存。",
          "剪辑时用“关键帧”可以做出缩放和平移效果，比滤镜高级。", "直播回放可以在创作者中心下载，用来剪精彩片段。",
          "评论区置顶一条补充说明，能减少重复提问。", "看视频时双指缩放可以放大画面细节。",
          "青少年模式开了以后每天有时长限制，给孩子用很合适。", "历史记录在“我-观看历史”里，手滑刷走的视频能找回来。"],
    pros=["剪辑工具对新手很友好，一键成片和自动字幕能省下大量时间。", "推荐算法很快能摸清兴趣，刷一两天就基本都是想看的内容。",
          "创作者中心的数据很详细，能看到每一秒的观众流失情况。", "画质设置有高清选项，流量充足时看起来很舒服。"],
    cons=["推荐太准也是问题，一不小心就刷到半夜，防沉迷提醒形同虚设。", "搜索功能偏弱，想找某个看过的视频经常找不到。",
          "上传长视频的时长限制比较死，做教程类内容有点不够用。", "偶尔发布时会卡在上传99%，重试一次能成功，希望后续能修掉。"],
    story_titles=["做美食账号三个月，从0到1万粉的复盘", "业余做美食视频的三个月，说说真实数据和感受"],
    story=["今年初我开始在业余时间做家常菜视频，设备只有一台手机和一盏补光灯。",
           "前二十条视频播放量都在几百徘徊，我一度以为是被限流了，后来才发现是封面和开头太平淡。",
           "我把视频开头改成直接展示成品，前三秒给出“十分钟搞定”这类信息，完播率明显提高。",
           "第三个月有一条土豆焖饭的视频突然火了，一周涨了六千粉，评论区很多人问做法细节。",
           "现在基本保持每周三更，粉丝刚过一万，收入不多，但收获了很多一起做饭的朋友。"],
    lessons=["前三秒决定了大部分人会不会看下去，别铺垫太长。", "坚持固定的更新频率，比偶尔爆一条更重要。",
             "多看评论区，观众的问题就是下一期的选题。", "不要迷信买流量，内容不行推了也留不住人。"],
    pitfalls=["背景音乐注意版权，商用音乐可能导致视频被下架。", "不要在视频里留联系方式，会被判定为引流限流。",
              "长时间直播注意手机发热，最好配散热器。", "搬运别人的视频很容易被判定为非原创。"],
)

QC["games"] = dict(
    topic=["新手开荒", "排位上分", "资源规划"], audience="喜欢养成和剧情、每天能投入一点时间的玩家",
    guides=[dict(topic="新手开荒", titles=["新手开荒攻略：前七天怎么玩最不亏", "萌新入坑必看：开服一周资源规划"], steps=[
        "第一天先把主线推到解锁日常任务，别急着抽卡，新手池的保底留到第三天拿满资源再抽。", "每天的体力优先刷经验本，角色等级是后面所有玩法的门槛。",
        "商城里只推荐买月卡，性价比远高于直购礼包，其他礼包等活动打折再说。", "第三天开启公会后立刻加入一个活跃公会，公会商店的材料能省下大量时间。",
        "装备强化到+10就够用，再往上成功率低，资源留给主C角色。", "第七天前完成新手七日任务，奖励里有一个自选五星，一定要选主输出位。"]),
        dict(topic="排位上分", titles=["排位上分心得：从黄金到钻石我改了这几点", "单排上分的几个实用思路"], steps=[
            "先固定两到三个英雄练熟，不要每局换，熟练度比版本强势更重要。", "进游戏前在设置里把画质调到流畅、帧率调到最高，团战时不容易卡顿。",
            "开局前看一下队友的常用位置，主动补位比硬抢位置的胜率高。", "中期多看小地图，对面消失超过五秒就提醒队友注意。",
            "连跪两把就停，情绪上头的时候继续打只会掉更多分。"])],
    tips_titles=["老玩家才知道的游戏小技巧", "玩了一年总结的实用技巧"],
    tips=["设置里可以开启“技能取消”，拖到取消区域就不会误放大招。", "背包满了先用“一键分解”处理白绿装备，能换不少强化石。",
          "每周一刷新的限时商店经常有半价材料，记得去看一眼。", "组队时开语音比打字效率高很多，不想说话可以只开听筒。",
          "观战系统可以看高分段玩家的实时操作，比看视频学得快。", "抽卡前看一下公示的概率和保底规则，别在混池里浪费资源。",
          "晚上八点到十点是活动奖励翻倍时间，日常可以留到那时候做。", "好友之间每天可以互送体力，多加几个活跃好友很划算。",
          "关闭“自动播放剧情动画”可以省下不少时间。"],
    pros=["画面和美术是同类游戏里数一数二的，角色建模很细致。", "操作手感扎实，技能打击感和反馈做得很到位。",
          "福利比较良心，零氪玩家靠活动也能拿到大部分角色。", "剧情有诚意，主线几个转折写得很用心。"],
    cons=["日常任务太多，每天至少要一个小时，上班族有点吃不消。", "抽卡保底偏高，非酋玩家体验比较差。",
          "匹配机制在低分段不太稳定，经常一边倒。", "高峰期偶尔会有延迟和卡顿，虽然不常见，希望服务器能再加强。"],
    story_titles=["零氪玩家一年的游戏总结", "入坑一年：我在这款游戏里的收获"],
    story=["去年暑假入坑，当时只是被宣传片里的美术吸引，没想到一玩就是一年。", "前三个月完全零氪，靠每天清日常和活动攒资源，抽到了两个主力角色。",
           "中间有一段时间版本更新太快，养成跟不上，排位一直卡在同一个段位，差点退坑。",
           "后来加入了一个氛围很好的公会，大家每天晚上一起打副本，还会讨论配队思路。",
           "现在回头看，这一年最大的收获不是角色和皮肤，而是认识了一群聊得来的朋友。"],
    lessons=["资源规划比氪金更重要，想清楚要什么再抽。", "找一个活跃的公会能极大提升游戏体验。", "给自己定好每天的游戏时长，不要被日常绑架。",
             "遇到瓶颈可以去看看攻略，很多时候是思路问题。"],
    pitfalls=["千万别找人代练，轻则封号重则被盗号。", "非官方渠道的低价充值大多是黑卡，号会被封。",
              "活动期间不要把资源全砸在一个池子，后面可能有更强的角色。", "手机发烫的时候降低画质，不然容易掉帧。"],
)

QC["education"] = dict(
    topic=["备考", "网课学习", "孩子上网课"], audience="有明确考试目标、需要外部督促的自学者",
    guides=[dict(topic="网课备考", titles=["用网课备考一个月过四级，我的学习计划", "在线课程自学的高效方法（附时间表）"], steps=[
        "先做一套真题摸底，把听力、阅读、写作的失分点分别记下来。",
        "根据摸底结果在“学习计划”里设置每天的任务，我给自己定的是听力30分钟、阅读两篇、背单词50个。",
        "看课时开1.25倍速，遇到重点段落再回退，配合笔记同步功能把要点记下来。", "每天做完的题进入错题本，周末集中复习一遍错题，比做新题效果好。",
        "考前两周每天做一套完整真题，严格计时，模拟考场的节奏。", "最后三天只看错题和作文模板，不再做新题，保持手感就行。"]),
        dict(topic="孩子上网课", titles=["家长必看：怎么帮孩子用好网课", "孩子上网课效率低？试试这几个方法"], steps=[
            "先给孩子准备一个固定的学习角落，平板或电脑只用来上课。", "开启家长端绑定，每天能看到孩子的上课时长和作业完成情况。",
            "上课前五分钟让孩子提前进直播间，检查麦克风和摄像头。", "课后当天让孩子把作业提交，AI批改后再一起看错题。",
            "每周末一起回顾一下学习报告，表扬进步的地方，比一味批评有效。"])],
    tips_titles=["网课学习效率翻倍的小技巧", "学习app里被低估的功能"],
    tips=["课程视频可以离线下载，在地铁上没信号也能看。", "错题本支持按知识点分类，复习时先攻最薄弱的那一块。",
          "直播课回放里老师讲题的地方有标记，可以直接跳过去。", "笔记可以截图插入课程画面，复习时一看就知道是哪一节。",
          "刷题时打开“背题模式”，答案和解析会直接显示，适合第一遍学习。", "学习计划里设置提醒时间，比自己记更容易坚持。",
          "遇到看不懂的题可以点“提问”，助教一般半天内会回复。", "开启护眼模式后背景会变成浅黄色，长时间看屏幕不那么累。",
          "课程有效期快到的时候会提醒，记得在期限内把回放下载下来。"],
    pros=["课程体系比较完整，从基础到冲刺都有对应的班次。", "老师讲解清楚，重点难点会反复强调，适合自学能力一般的人。",
          "题库量大，而且每道题都有详细解析。", "错题本和学习计划这两个工具做得很实用。"],
    cons=["课程价格偏高，部分进阶课单独收费，整体算下来不便宜。", "直播课互动有限，人多的时候提问很难被看到。",
          "回放有效期只有一年，对备考周期长的人不太友好。", "偶尔直播会有声音和画面不同步，刷新一下能恢复，希望能再稳定一点。"],
    story_titles=["工作三年后在线考研上岸，分享我的经历", "在职考研靠网课上岸的一年"],
    story=["我是工作第三年决定考研的，白天上班，只能利用晚上和周末学习。", "一开始买了很多课，结果根本看不完，前两个月基本处于焦虑状态。",
           "后来我把课程精简到每科一个老师，用学习计划把每天的任务拆到一个半小时以内。", "通勤路上听离线下载的课，晚上做题，周末整理错题，慢慢形成了节奏。",
           "最后初试比国家线高了四十多分，复试也顺利通过。"],
    lessons=["课不在多，跟定一个老师学透比到处听课强。", "任务要拆得足够小，小到每天都能完成，才能坚持下去。", "错题本是最有价值的资料，考前就靠它。",
             "在职备考要跟家人和领导提前沟通好，争取理解。"],
    pitfalls=["别一口气买全年课程，先试听再决定。", "注意课程退费规则，有些开课后就不能退了。", "不要只看课不做题，听懂和会做是两回事。",
              "直播课最好提前下载课件，网络不好时也能跟上。"],
)

QC["travel"] = dict(
    topic=["抢票", "订酒店", "出行规划"], audience="出行频繁、需要统一管理行程的人",
    guides=[dict(topic="节假日抢票", titles=["节假日抢票攻略：候补怎么用成功率最高", "春运抢票经验分享，今年一次就抢到了"], steps=[
        "提前把常用乘车人信息加好，并且完成身份核验，抢票时不用再临时填写。", "开售前十分钟打开app，确认登录状态，支付方式选好默认的。",
        "直达票没有的时候，不要一直刷新，直接提交候补，可以多选几个车次和席别。", "候补时把“接受新增列车”勾上，临时加开的车次会优先兑现。",
        "候补成功会短信通知，要在规定时间内确认，否则会自动退款。", "实在没票可以考虑中转方案，app里的“中转推荐”会列出换乘时间。"]),
        dict(topic="订酒店", titles=["订酒店避坑指南：这些细节一定要看", "出差订酒店的一些经验"], steps=[
            "先用地图模式看酒店位置，离地铁站步行十分钟以内的优先。", "看评价时筛选“近三个月”和“有图”，装修翻新过的酒店老评价参考意义不大。",
            "下单前仔细看取消政策，“不可取消”的价格虽然便宜，但行程不确定时千万别选。", "确认页里的床型、早餐、发票信息截图保存，到店有争议时可以出示。",
            "入住前一天打电话给酒店确认订单，旺季偶尔会出现超售。"])],
    tips_titles=["出行app里很实用的小功能", "经常出差的人总结的出行技巧"],
    tips=["行程页可以一键添加到手机日历，出发前会自动提醒。", "电子登机牌提前一天就能领，选座也是越早越好。",
          "学生票要在app里提前完成学生认证，每年有次数限制。", "退改签前先看一下手续费比例，离发车时间越近越贵。",
          "酒店的“会员价”通常比普通价便宜一点，注册会员是免费的。", "打车时可以设置“常用地址”，家和公司一键选择。",
          "行程单在订单详情里可以直接申请电子版，报销很方便。", "价格日历能看到一个月内每天的机票价格，弹性出行能省很多。",
          "下单时注意取消默认勾选的保险和加速包，需要再自己选。"],
    pros=["车票、机票、酒店能在一个app里搞定，行程管理很方便。", "候补购票功能节假日帮了大忙，成功率比自己刷高很多。",
          "酒店评价比较真实，图片和文字结合着看基本不会踩雷。", "客服处理退改问题比较专业，电话能打通。"],
    cons=["默认勾选的各种加购项目太多，一不注意就多花钱。", "部分特价票和特价房的退改规则写得不够醒目。",
          "节假日高峰期查票偶尔会慢，需要耐心等几秒。", "有一次行程提醒推送的时间不对，提前了一小时，后来自己核对了才没出错，希望能修正。"],
    story_titles=["国庆高铁+自驾七天行程复盘（附花费）", "国庆云南七日游：交通和住宿经验"],
    story=["国庆前一个月开始规划，目的地定在云南，先坐高铁到昆明，再租车自驾大理和丽江。",
           "高铁票是候补成功的，当时直达票开售一分钟就没了，我选了三个车次，提前两天兑现。",
           "酒店全部提前订好并选了可免费取消的房型，后来有一晚行程变化，直接在app里取消没有损失。",
           "自驾路线用的是地图导航，古城附近停车很难，建议选带停车位的客栈。", "七天下来人均花费大约四千五，交通占了三分之一，住宿占了一半。"],
    lessons=["节假日出行交通一定提前规划，候补要多选几个车次。", "行程不确定时宁愿贵一点也要订可取消的酒店。",
             "热门景点提前在官方渠道预约门票，现场基本买不到。", "随身带一个充电宝和身份证复印件，以防万一。"],
    pitfalls=["不要相信私人“代抢票”，付了钱也不保证有票。", "机票的姓名拼写一定要和证件一致，错一个字母都登不了机。",
              "特价票通常不能改签，买之前确认行程。", "酒店到店后先检查房间，有问题当场拍照反馈。"],
)

QC["office"] = dict(
    topic=["文档协作", "线上会议", "远程办公"], audience="需要频繁协作和开会的中小团队",
    guides=[dict(topic="文档协作", titles=["团队协作文档怎么用才不乱？我们组的规范", "在线文档多人协作的实践经验"], steps=[
        "先建一个团队空间，按项目建文件夹，文件夹名统一用“年月-项目名”的格式。", "每个文档开头写清楚负责人和最后更新时间，避免大家改了同一个版本。",
        "权限按需分配：核心成员可编辑，其他人只读，外部合作方单独分享链接并设置过期时间。", "重要修改前先在“历史版本”里手动保存一个版本，并写上备注。",
        "讨论放在评论里而不是直接改正文，评论解决后再标记完成。", "每周五花十分钟清理一次空间，把过期文档移到归档文件夹。"]),
        dict(topic="线上会议", titles=["线上会议效率提升指南", "远程会议开了一年，总结这些经验"], steps=[
            "会议前一天把议程和材料发到会议日程里，参会人可以提前看。", "开会前五分钟进入会议室测试麦克风和共享屏幕，尤其是换了新电脑的时候。",
            "共享屏幕时只共享单个窗口，避免弹出私人消息。", "打开语音转写，会后自动生成纪要初稿，再人工补充结论和待办。",
            "每个待办写明负责人和截止时间，直接同步到日程提醒。"])],
    tips_titles=["办公软件提效小技巧", "用了两年在线文档总结的技巧"],
    tips=["文档里输入“/”可以快速插入表格、图片和代码块。", "表格可以冻结首行和首列，数据多的时候滚动也能看到表头。",
          "导出PDF前先在页面设置里调好页边距，格式就不会乱。", "历史版本可以对比两个版本之间的差异，找谁改了什么一目了然。",
          "会议录制文件在云盘的“会议”文件夹里，可以直接分享链接。", "日程里可以设置重复会议，周会不用每周重新建。",
          "文档可以设置水印，内部资料外传也能追溯。", "快捷键Ctrl+K可以快速插入链接，写文档效率高很多。", "手机端也能审批，通知栏直接点“同意”就行。"],
    pros=["多人同时编辑基本没有冲突，光标和修改实时可见。", "会议稳定性不错，二三十人的会也很少卡。",
          "模板库很丰富，周报、会议纪要、项目计划都有现成的。", "历史版本功能救过我好几次，误删内容能恢复。"],
    cons=["免费版的会议时长和云空间限制比较明显，小团队也容易不够用。", "复杂表格的函数支持不如本地软件全。",
          "导出格式的还原度一般，特别是带复杂排版的文档。", "偶尔多设备同步有延迟，需要手动刷新，希望后续优化。"],
    story_titles=["我们团队从本地文件转到在线协作的半年", "远程办公一年，工具和习惯的变化"],
    story=["去年我们十几个人的团队开始远程办公，一开始大家还是用邮件来回发文件，版本混乱到没人知道哪个是最新的。",
           "后来统一迁移到在线文档，第一周很不习惯，有人直接在别人的内容上改，引起了不少争论。", "我们花了一次周会定规范：谁负责谁维护，修改走评论，重要版本手动保存。",
           "三个月后，会议时间缩短了三分之一，因为大部分讨论在文档评论里已经完成。", "现在新同事入职，第一天就能在团队空间里找到所有需要的资料。"],
    lessons=["工具只是一半，另一半是团队的协作约定。", "权限管理要从一开始就做好，后面再收很难。", "会议纪要一定要有待办和负责人，否则开了等于没开。",
             "定期归档，空间越乱越没人愿意用。"],
    pitfalls=["不要把敏感文件设置成“任何人可查看”的链接。", "大文件上传前检查网络，断线重传很耽误时间。",
              "导出前确认字体，某些字体在别的电脑上会被替换。", "离职交接前记得转移文档所有权。"],
)

QC["music"] = dict(
    topic=["歌单整理", "音质设置", "听歌习惯"], audience="对曲库和推荐有要求的重度听歌用户",
    guides=[dict(topic="歌单迁移", titles=["把歌单从别的平台迁移过来的方法", "换音乐app不丢歌单：导入教程"], steps=[
        "在原平台把歌单设为公开，并复制歌单分享链接。", "打开“我的-导入外部歌单”，粘贴链接后点识别，几百首的歌单一般一分钟以内。",
        "识别完成后会列出匹配失败的歌，大多是版权原因，可以手动搜索替换版本。", "导入后建议按心情或场景重新整理歌单，比如通勤、运动、睡前。",
        "最后在设置里打开歌单云同步，换手机也不会丢。"]),
        dict(topic="音质设置", titles=["音质设置指南：怎么用手机听出好声音", "耳机党必看的音质设置"], steps=[
            "先在设置里把在线播放音质调到“极高”或“无损”，wifi下再开。", "下载音质单独设置，存储空间够就选无损，不够选极高。",
            "打开均衡器，根据耳机类型选预设，入耳式耳机一般低频已经够了，不要再加。", "蓝牙耳机在开发者选项里确认编码格式，支持高码率的可以选高码率。",
            "关闭“音量均衡”，它会压缩动态范围，让音乐听起来发闷。"])],
    tips_titles=["听歌软件里的冷门好用功能", "重度听歌用户的小技巧"],
    tips=["播放页长按歌词可以分享成卡片。", "定时关闭可以设置“播完当前歌曲再停”，不会在副歌中间突然断掉。",
          "听歌识曲可以放在桌面小组件，在咖啡馆听到好歌一秒识别。", "每日推荐不喜欢的歌点“不感兴趣”，第二天的推荐会更准。",
          "歌单可以设置封面和简介，分享给朋友更好看。", "下载管理里可以批量删除，清理手机空间很方便。", "桌面歌词可以调颜色和字号，开车时看更清楚。",
          "私人电台会根据最近常听的歌调整，换口味了可以多听几天新风格。", "耳机拔出自动暂停的开关在设置-播放里。"],
    pros=["曲库比较全，主流华语和欧美基本都有。", "每日推荐越用越准，经常发现宝藏歌曲。", "无损音质对耳机党很友好，细节表现明显更好。",
          "评论区氛围好，很多歌下面有很走心的故事。"],
    cons=["会员体系有点复杂，部分专辑还要单独付费。", "播放页加了太多视频化元素，对只想听歌的人有点多余。", "下载的歌曲换设备不能直接迁移。",
          "偶尔锁屏后过一会儿会停止播放，需要把app加进电池白名单，希望能改进。"],
    story_titles=["建了三年的歌单，分享我的整理思路", "我的歌单是怎么被三千人收藏的"],
    story=["三年前我开始认真整理歌单，起因是每次想听某类歌都要在几千首收藏里翻很久。", "我先按场景分了大类：通勤、专注、运动、睡前，再在每个大类里按情绪细分。",
           "每个歌单控制在五十首以内，超过了就拆分，保证每次打开都是精挑细选的。",
           "每个月花一个晚上做一次清理，把听腻的移到“旧爱”歌单，再从每日推荐里挑新歌补进去。", "现在我的专注歌单被三千多人收藏，经常有人在评论区说靠它写完了论文。"],
    lessons=["歌单按场景分比按歌手分实用得多。", "控制数量，宁缺毋滥。", "定期更新，歌单才不会变成死水。", "写一段简介，别人更愿意收藏。"],
    pitfalls=["不要在非官方渠道买便宜会员，随时可能被回收。", "下载前看清楚是否需要单曲付费。", "清理手机缓存时小心别把下载的歌一起删了。",
              "开启无损前确认流量套餐，一首歌能有几十兆。"],
)

QC["food_delivery"] = dict(
    topic=["外卖省钱", "外卖售后", "挑店"], audience="工作日依赖外卖、愿意花心思省钱的上班族",
    guides=[dict(topic="外卖省钱", titles=["点外卖怎么省钱？我整理的一套方法", "外卖省钱攻略：红包、满减和会员怎么搭配"], steps=[
        "每天中午下单前先去红包页领一遍，平台红包和店铺红包分开领。", "开会员前算一下：每月点外卖超过八次，会员红包基本能回本。",
        "看满减时注意“满减后”的实际价格，有些店先提价再满减，算下来并不便宜。", "两三个人一起点可以用拼单，凑满减门槛更容易，配送费也能分摊。",
        "结算页最后检查一下红包是否自动选了最大的那个，有时需要手动切换。"]),
        dict(topic="外卖售后", titles=["外卖出问题怎么处理？超时、漏送、错送全指南", "订单出问题别慌，这样申请赔付最快"], steps=[
            "超时未送达先在订单页看骑手位置，如果开了准时宝，超时后会自动赔付红包。", "漏送或错送时拍下小票和收到的餐品，在订单页点“申请售后”选择对应问题。",
            "餐品有质量问题，比如吃出异物，第一时间拍照留证，不要扔掉。", "商家拒绝处理时申请平台介入，一般半天内有客服回电。",
            "退款会原路退回，红包部分按规则返还到账户里。"])],
    tips_titles=["点外卖的实用小技巧", "外卖老用户的省心技巧"],
    tips=["常用地址可以加备注，比如“放门口不要敲门”。", "预约送达适合提前订午饭，高峰期不用干等。", "店铺页可以看“出餐时间”，赶时间的话选出餐快的店。",
          "无接触配送在下单备注里勾选就行。", "评价时带图的评价能拿更多积分，积分可以换红包。", "“再来一单”可以一键复购，常点的店很方便。",
          "晚上九点以后很多店有夜宵折扣，在夜宵频道里能找到。", "收藏的店铺上新会提醒，不会错过新品。", "下雨天配送费会上涨，能提前点就提前点。"],
    pros=["选择非常多，从快餐到正餐再到买菜买药都有。", "配送速度快，大部分订单三十分钟内能送到。", "红包活动丰富，会员划算。",
          "售后处理比较积极，超时赔付也是自动的。"],
    cons=["配送费和包装费加起来越来越贵，小额订单很不划算。", "店铺排序受推广影响，好吃的小店经常排在后面。", "部分商家的图片和实物差距较大。",
          "偶尔骑手定位不刷新，看不到配送进度，不过最后都送到了，希望能优化。"],
    story_titles=["吃外卖两年，我总结的挑店经验", "从天天踩雷到基本不踩雷：我的外卖经验"],
    story=["刚工作那年几乎天天点外卖，前半年踩了无数雷：图片和实物不符、分量少、油太重。", "后来我开始认真看评价，只看近一个月的带图差评，基本能判断出这家店的真实水平。",
           "我还会关注店铺的出餐时间和月售数量，月售太少的新店先观望。", "慢慢地我整理了一个二十家店的收藏夹，按口味和价格分好，每天从里面挑。",
           "现在基本不踩雷了，一个月外卖花费也比以前少了三分之一。"],
    lessons=["差评比好评更有参考价值。", "固定几家靠谱的店比天天尝新更省心。", "关注商家的食品安全公示，有证照的更放心。", "偶尔自己做饭，身体和钱包都会感谢你。"],
    pitfalls=["不要点击陌生人发来的“赔付链接”，赔付都在订单页里操作。", "预约单的取消规则和普通单不一样，注意看。", "备注里别写太复杂的要求，商家忙起来容易看漏。",
              "红包有使用期限，领了记得用。"],
)

QC["news"] = dict(
    topic=["信息流设置", "看新闻习惯", "辨别谣言"], audience="希望高效获取信息、愿意花时间整理信息流的人",
    guides=[dict(topic="信息流设置", titles=["打造一个干净的信息流：我的订阅和屏蔽设置", "新闻app信息流太乱？教你调教推荐"], steps=[
        "先在频道管理里删掉不感兴趣的频道，只留五六个真正关心的。", "在设置里关闭娱乐类推送，只保留要闻和早报。",
        "遇到标题党文章点“不感兴趣”并选择原因，比如“标题夸张”。", "订阅几个信得过的来源，把它们设为优先展示。",
        "每周看一次阅读报告，发现时间花在哪类内容上，再调整订阅。"]),
        dict(topic="看新闻习惯", titles=["用新闻app做每日信息输入的方法", "每天二十分钟高效看新闻的习惯"], steps=[
            "早上用语音播报听早报，通勤路上十分钟就能了解当天大事。", "中午只看收藏夹里早上标记的两三篇深度文章。",
            "遇到值得保存的文章用“收藏”加标签，方便以后查找。", "晚上花十分钟看评论区高赞观点，了解不同角度的看法。",
            "周末回顾一周的收藏，挑一篇写个简短笔记。"])],
    tips_titles=["新闻app的几个实用设置", "看新闻更舒服的小技巧"],
    tips=["文章页右上角可以调字号，老人用特别方便。", "夜间模式可以跟随系统自动切换。", "长按段落可以复制并附带原文链接。",
          "离线阅读在wifi下自动缓存订阅频道的内容。", "推送设置里可以单独关闭某一类通知，比如娱乐八卦。", "收藏的文章支持全文搜索。",
          "看到谣言可以点“举报”选择“不实信息”，平台会复核。", "语音播报可以调语速，1.5倍速刚好。", "清理缓存在“我的-设置-存储”里，能腾出不少空间。"],
    pros=["新闻更新及时，重大事件基本第一时间推送。", "排版清爽，阅读体验接近纸质刊物。", "语音播报很实用，做家务时也能听新闻。",
          "频道和来源可以自由订阅，信息流可控。"],
    cons=["推荐里的标题党内容还是偏多，需要花时间调教。", "部分深度内容需要付费，价格不算便宜。", "评论区质量参差不齐。",
          "偶尔推送点进去会加载失败，返回再进就好，希望能修复。"],
    story_titles=["戒掉刷短视频，改看新闻的一个月", "用一个月把刷视频的时间换成看新闻"],
    story=["去年我发现自己每天刷短视频超过三个小时，于是决定用看新闻的方式替代一部分时间。",
           "第一周很难受，新闻app的推荐里也有很多娱乐内容，我花了两个晚上把频道和推送都重新设置了一遍。",
           "我给自己定了规则：早上听早报，午休看两篇深度文章，晚上不再打开任何信息流。",
           "一个月后，每天花在屏幕上的时间少了一个半小时，而且对很多社会话题的理解比以前深了。", "现在我还把这套设置教给了父母，他们也不再轻易转发来路不明的消息了。"],
    lessons=["信息流是可以调教的，关键是主动管理而不是被动接受。", "给自己设边界，比如固定时段看新闻。", "多看不同来源，避免信息茧房。",
             "遇到耸人听闻的消息先查证再转发。"],
    pitfalls=["不要只看标题就转发，很多标题和正文意思相反。", "小心文章里的理财和保健品广告。", "付费订阅前先看试读，避免买到不需要的内容。",
              "推送太多会分散注意力，宁可少开。"],
)

# generic frames for quality posts
GUIDE_INTRO = [
    "最近后台好多人问{topic}的问题，干脆整理成一篇，能帮一个是一个。我用{domcn}类app差不多{years}年了，下面都是自己实操过的。",
    "先说结论：{topic}其实不难，难的是几个容易忽略的细节。这篇按步骤写，建议先收藏，用的时候对照着来。",
    "在群里被问了不下十次，今天抽空写个完整版。我的设备是{device}，app版本{ver}，不同版本入口可能略有差别，大体思路是一样的。",
    "这篇是我自己摸索了{period}之后的总结，不是官方教程，有不对的地方欢迎指正。",
    "很多人觉得{topic}麻烦，其实是没找对方法。我把完整流程拆成了几个步骤，照着做基本不会出错。",
    "写给刚开始接触{topic}的朋友。网上的教程要么太老，要么只讲一半，我就按现在的版本从头捋一遍。"]
GUIDE_STEP_HEAD = ["具体步骤如下：", "操作流程：", "下面是具体做法：", "一步一步来：", ""]
PITFALL_HEAD = ["几个容易踩的坑：", "注意事项：", "最后说几个坑，都是我或者身边朋友真实踩过的：", "避坑提醒："]
CONCLUSION = [
    "以上就是全部内容，有问题可以在评论区问，看到都会回。", "写得比较啰嗦，但都是实际踩坑换来的经验，希望对你有用。",
    "如果这篇帮到你了，点个赞让更多人看到吧。后面我还会更新其他相关的内容。", "规则可能会随版本调整，以app内的最新说明为准。有变化我会在评论区补充。",
    "总之，{topic}没有捷径，但少走弯路是可以做到的。祝大家顺利！", "欢迎补充你们的经验，我会把好的建议整理到正文里。"]
ELAB = ["这一步很多人会跳过，但其实最关键。", "我第一次就是在这里卡住的。", "亲测有效。", "这个入口藏得有点深，耐心找一下。",
        "别小看这一点，差别很明显。", "如果找不到，可以在设置里搜索关键词。", "身边好几个朋友都是因为这个出了问题。",
        "这个习惯坚持下来，能省下不少麻烦。", "新版本和旧版本的位置不一样，以自己手机上的为准。", "看着简单，很多人其实一直没用过。",
        "建议第一次操作时截个图，方便以后对照。", "我自己现在每次都会这样做。", "评论区也有朋友验证过，确实有效。",
        "这一点官方说明里没有写，是我自己试出来的。", "如果家里有老人在用，也可以帮他们设置一下。"]
PRO_ELAB = ["这一点用久了才体会到。", "对比之前用过的几款，这里差距很明显。", "对我来说这是留下来的主要原因。", "细节上能看出来是用心做的。", ""]
CON_ELAB = ["不算大问题，但每次遇到都有点烦。", "可能是为了商业化，能理解但不喜欢。", "不影响主要功能，只是体验上打了折扣。", ""]
BACKGROUND = [
    "先交代一下背景：我是{persona}，平时{act}比较多，用{app_cn}也有{period}了，踩过的坑不少。",
    "为什么写这篇？因为身边太多人在{topic}上吃过亏，包括我自己。之前就因为没注意细节多花了冤枉钱，所以下决心把流程整理清楚。",
    "说明一下，下面的内容基于我自己的使用习惯，不一定适合所有人，但思路是通用的，可以根据自己的情况调整。",
    "这篇前后写了三个晚上，中间还专门换了一台{device}验证了一遍，确保步骤在新版本上也适用。",
    "我平时主要用{app_cn}来{act}和{act2}，一天打开好多次，所以对里面的各种设置比较熟。"]
SCENARIO = ["我的使用场景主要是{act}和{act2}，每天大概打开{n}次，周末用得更多。",
            "先说说我怎么用的：工作日主要{act}，偶尔{act2}，设备是{device}。",
            "评价之前先说清楚我的使用习惯：重度用户，{act}几乎每天都有，所以下面的感受偏向高频使用。"]

TIPS_INTRO = ["整理了{n}个相关的小技巧，有些是官方没怎么宣传的，用熟了能省不少事。",
              "用{domcn}类app好几年，下面这些是我觉得最实用的功能和习惯，按使用频率排了序。",
              "分享一些平时用得上的小技巧，不少是评论区网友补充的，在此一并感谢。",
              "之前发过一版，这次重新整理补充了一些，{n}条，都是现在的版本能用的。"]
TIPS_OUTRO = ["你还知道哪些好用的技巧？欢迎在评论区分享。", "这些技巧单看都不起眼，但加在一起能明显提升体验。", "先写这么多，想到新的再补充。",
              "收藏起来慢慢试吧，总有一两个用得上。"]
REVIEW_INTRO = ["{app_cn}我用了{period}，之前也用过别家的同类产品，说说客观感受，不吹不黑。",
                "这不是广告，纯个人使用体验。我是{persona}，每天都会用到{domcn}类app，用{app_cn}也有{period}了。",
                "最近不少朋友问我{app_cn}值不值得用，统一写一篇长评回答一下。"]
REVIEW_TITLES = ["用了{period}的{app_cn}，说说真实感受", "{domcn}app深度体验：优点和槽点都在这", "{app_cn}长期使用报告（不吹不黑）",
                 "{period}深度使用后的客观评价"]
PROS_HEAD = ["先说优点：", "值得夸的地方：", "我比较满意的几点："]
CONS_HEAD = ["再说缺点：", "不太满意的地方：", "需要改进的地方："]
VERDICT = ["总结一下：它适合{audience}。如果你更在意{care}，可以放心用；如果特别在意{care2}，可以再对比一下别家。",
           "综合打分的话我给四星。优点很明确，缺点也都不是致命问题，适合{audience}。",
           "我的结论是值得一用，尤其适合{audience}。缺点里提到的几点希望官方能看到。"]
EXP_INTRO = ["记录一下这段经历，给后来人参考。", "这件事过去有一段时间了，一直想写下来，今天终于有空。", "写这篇是因为评论区有人问起，干脆详细说一下。"]
LESSON_HEAD = ["几点体会：", "回头看，我觉得最重要的是这几点：", "总结一下经验："]
EXP_OUTRO = ["以上只是个人经历，每个人情况不同，仅供参考。", "希望这篇对有类似经历的朋友有帮助。", "有问题欢迎留言交流。"]
ENV_NOTE = ["（我的环境：{device}，{os}，app版本{ver}。）", "补充一下，我用的是{device}，版本{ver}，安卓和iOS的入口位置可能不一样。"]
EDIT_NOTE = ["更新：评论区有朋友说新版本里入口改到了{page}，大家注意一下。", "更新：感谢评论区补充，已经把大家提到的几点加进正文了。",
             "PS：有人私信问我是不是广告，真的不是，纯分享。"]
TITLE_DECOR = ["{t}", "{t}", "【攻略】{t}", "{t}（建议收藏）", "{t}｜长文", "干货｜{t}"]


def numbered(rng, items, style=None):
    style = style or rng.choice(["dot", "dun", "paren", "circ", "dash"])
    out = []
    for i, it in enumerate(items, 1):
        pre = {"dot": "%d. " % i, "dun": "%d、" % i, "paren": "（%d）" % i, "circ": CIRC[i - 1], "dash": "- "}[style]
        out.append(pre + it)
    return out


def join_block(rng, head, lines):
    sep = rng.choice(["\n", "\n", "\n\n"])
    return (head + "\n" if head else "") + sep.join(lines)


def qc_guide(rng, dom):
    q, m = QC[dom], {}
    el = rng.sample(ELAB, len(ELAB))
    long_ = rng.random() < 0.22
    m["{topic}"] = rng.choice(q["topic"])
    g = rng.choice(q["guides"])
    m["{topic}"] = g["topic"]
    title = rng.choice(TITLE_DECOR).replace("{t}", rng.choice(g["titles"]))
    k = rng.randint(4, len(g["steps"]))
    idx = sorted(rng.sample(range(len(g["steps"])), k))
    steps = []
    for i in idx:
        s = g["steps"][i]
        if rng.random() < (0.6 if long_ else 0.4):
            s += el.pop()
        steps.append(s)
    style = rng.choice(["dot", "dun", "paren", "circ", "step"])
    if style == "step":
        steps = ["第%s步，%s" % (CN_NUM[i], s) for i, s in enumerate(steps)]
    else:
        steps = numbered(rng, steps, style)
    intro = rng.choice(GUIDE_INTRO)
    if rng.random() < 0.1:
        intro = rng.choice(G["hi"]) + intro
    paras = [intro]
    if long_ or rng.random() < 0.5:
        paras.append(join_block(rng, rng.choice(GUIDE_STEP_HEAD), steps))
    else:
        paras.extend(steps)
    if long_ or rng.random() < 0.3:
        g2 = [x for x in q["guides"] if x is not g][0]
        s2 = [g2["steps"][i] for i in sorted(rng.sample(range(len(g2["steps"])), rng.randint(3, len(g2["steps"]))))]
        s2 = [s + (el.pop() if el and rng.random() < 0.3 else "") for s in s2]
        paras.append(join_block(rng, "顺便说说%s，做法类似：" % g2["topic"], numbered(rng, s2, rng.choice(["dot", "dun", "paren"]))))
    pits = rng.sample(q["pitfalls"], rng.randint(2, 4))
    paras.append(join_block(rng, rng.choice(PITFALL_HEAD), numbered(rng, pits, rng.choice(["dot", "dash", "dun"]))))
    if long_ or rng.random() < 0.4:
        paras.append(join_block(rng, "另外补充几个小技巧：", numbered(rng, rng.sample(q["tips"], rng.randint(2, 4)), "dash")))
    if long_ or rng.random() < 0.4:
        paras.insert(1, rng.choice(BACKGROUND))
    if long_ or rng.random() < 0.3:
        paras.insert(1, rng.choice(ENV_NOTE))
    paras.append(rng.choice(CONCLUSION))
    if rng.random() < 0.15:
        paras.append(rng.choice(EDIT_NOTE))
    return title, "\n\n".join(F(rng, dom, p, m) for p in paras)


def qc_guide_mega(rng, dom):
    """Long 'complete guide' post: both guides of the domain, pitfalls, tips, lessons."""
    q, m = QC[dom], {}
    el = rng.sample(ELAB, len(ELAB))
    g1, g2 = q["guides"][0], q["guides"][1]
    if rng.random() < 0.5:
        g1, g2 = g2, g1
    m["{topic}"] = g1["topic"]
    title = rng.choice(["%s+%s全攻略（超长，建议收藏）", "【长文】从%s到%s，一篇讲透", "%s和%s完整指南（附避坑清单）"]) % (
        g1["topic"], g2["topic"])
    paras = [rng.choice(GUIDE_INTRO), rng.choice(BACKGROUND)]
    for part, g in (("一", g1), ("二", g2)):
        steps = [s + (el.pop() if el and rng.random() < 0.6 else "") for s in g["steps"]]
        paras.append(join_block(rng, "第%s部分：%s" % (part, g["topic"]), numbered(rng, steps, rng.choice(["dot", "dun", "paren"]))))
    paras.append(join_block(rng, rng.choice(PITFALL_HEAD), numbered(rng, q["pitfalls"], "dash")))
    paras.append(join_block(rng, "再送几个小技巧：", numbered(rng, rng.sample(q["tips"], rng.randint(4, 6)), "dot")))
    if rng.random() < 0.5:
        st = q["story"]
        i = rng.randint(0, len(st) - 3)
        paras.append("说个我自己的经历：" + "".join(st[i:i + 3]))
    if rng.random() < 0.8:
        paras.append(join_block(rng, rng.choice(LESSON_HEAD), numbered(rng, rng.sample(q["lessons"], 3), "dun")))
    if rng.random() < 0.5:
        paras.append(rng.choice(ENV_NOTE))
    paras.append(rng.choice(CONCLUSION))
    return title, "\n\n".join(F(rng, dom, p, m) for p in paras)


def qc_tips(rng, dom):
    q, m = QC[dom], {}
    el = rng.sample(ELAB, len(ELAB))
    long_ = rng.random() < 0.22
    m["{topic}"] = rng.choice(q["topic"])
    k = rng.randint(5, min(9, len(q["tips"])))
    tips = rng.sample(q["tips"], k)
    m["{n}"] = str(k)
    t = rng.choice([rng.choice(q["tips_titles"]), "%d个超实用的%s app小技巧" % (k, q.get("domcn", D[dom]["domcn"])),
                    "用了好几年%s app，这%d个技巧相见恨晚" % (D[dom]["domcn"], k), "%s：%d条实用经验" % (rng.choice(q["tips_titles"]), k)])
    title = rng.choice(TITLE_DECOR).replace("{t}", t)
    tips2 = [s + (el.pop() if rng.random() < (0.55 if long_ else 0.35) else "") for s in tips]
    paras = [rng.choice(TIPS_INTRO)]
    if long_ or rng.random() < 0.35:
        paras.append(rng.choice(BACKGROUND))
    if long_ or rng.random() < 0.5:
        paras.append(join_block(rng, "", numbered(rng, tips2, rng.choice(["dot", "dun", "circ"]))))
    else:
        paras.extend(numbered(rng, tips2, rng.choice(["dot", "dun", "paren"])))
    if long_ or rng.random() < 0.35:
        paras.append(join_block(rng, rng.choice(PITFALL_HEAD), numbered(rng, rng.sample(q["pitfalls"], rng.randint(2, 3)), "dash")))
    if long_ or rng.random() < 0.25:
        paras.append(rng.choice(ENV_NOTE))
    paras.append(rng.choice(TIPS_OUTRO))
    return title, "\n\n".join(F(rng, dom, p, m) for p in paras)


def qc_review(rng, dom):
    q, m = QC[dom], {}
    el = rng.sample(ELAB, len(ELAB))
    long_ = rng.random() < 0.22
    m["{topic}"] = rng.choice(q["topic"])
    m["{audience}"] = q["audience"]
    title = F(rng, dom, rng.choice(REVIEW_TITLES), m)
    pros = [s + rng.choice(PRO_ELAB) for s in rng.sample(q["pros"], rng.randint(2, len(q["pros"])))]
    cons = [s + rng.choice(CON_ELAB) for s in rng.sample(q["cons"], rng.randint(2, len(q["cons"])))]
    paras = [rng.choice(REVIEW_INTRO)]
    if long_ or rng.random() < 0.6:
        paras.append(rng.choice(SCENARIO))
    paras.append(join_block(rng, rng.choice(PROS_HEAD), numbered(rng, pros, rng.choice(["dot", "dun", "dash"]))))
    paras.append(join_block(rng, rng.choice(CONS_HEAD), numbered(rng, cons, rng.choice(["dot", "dun", "dash"]))))
    if long_ or rng.random() < 0.4:
        paras.append("和{competitor}比，" + rng.choice(["它的优势主要在" + rng.choice(q["topic"]) + "这块，其他方面差距不大。",
                                                         "整体体验更稳定一些，但功能上各有取舍。", "上手门槛更低，适合不想折腾的人。"]))
    if long_ or rng.random() < 0.35:
        paras.append(join_block(rng, "顺便分享几个用得上的功能：", numbered(rng, rng.sample(q["tips"], rng.randint(2, 3)), "dash")))
    if long_ or rng.random() < 0.3:
        paras.append(rng.choice(ENV_NOTE))
    paras.append(rng.choice(VERDICT))
    return title, "\n\n".join(F(rng, dom, p, m) for p in paras)


def qc_experience(rng, dom):
    q, m = QC[dom], {}
    el = rng.sample(ELAB, len(ELAB))
    long_ = rng.random() < 0.22
    m["{topic}"] = rng.choice(q["topic"])
    title = rng.choice(TITLE_DECOR[:2] + ["{t}", "【经验分享】{t}"]).replace("{t}", rng.choice(q["story_titles"]))
    story = list(q["story"])
    if not long_ and rng.random() < 0.4:   # drop one middle sentence
        del story[rng.randint(1, len(story) - 2)]
    groups, i = [], 0
    while i < len(story):                 # 1-2 sentences per paragraph
        n = rng.choice([1, 2, 2])
        groups.append("".join(story[i:i + n]))
        i += n
    paras = [rng.choice(EXP_INTRO)] + groups
    if long_ or rng.random() < 0.3:
        paras.insert(1, rng.choice(BACKGROUND))
    les = rng.sample(q["lessons"], rng.randint(2, len(q["lessons"])))
    paras.append(join_block(rng, rng.choice(LESSON_HEAD), numbered(rng, les, rng.choice(["dot", "dun", "dash"]))))
    if long_ or rng.random() < 0.45:
        paras.append(join_block(rng, "顺便提醒：", numbered(rng, rng.sample(q["pitfalls"], rng.randint(2, 3)), "dash")))
    if long_ or rng.random() < 0.35:
        paras.append(join_block(rng, "后来我还摸索出几个小技巧：", numbered(rng, rng.sample(q["tips"], rng.randint(2, 4)), "dot")))
    paras.append(rng.choice(EXP_OUTRO))
    return title, "\n\n".join(F(rng, dom, p, m) for p in paras)


for _d in DOMAINS:
    fam("qc.guide." + _d, "quality_content", "post", qc_guide, domains=[_d])
    fam("qc.longguide." + _d, "quality_content", "post", qc_guide_mega, domains=[_d], weight=0.35)
    fam("qc.tips." + _d, "quality_content", "post", qc_tips, domains=[_d])
    fam("qc.hard.review." + _d, "quality_content", "post", qc_review, domains=[_d])
    fam("qc.experience." + _d, "quality_content", "post", qc_experience, domains=[_d])

# --------------------------------------------------------------------------
# Noise: typos/homophones, traditional characters, stray emoji
# --------------------------------------------------------------------------
TYPOS = [("登录", "登陆"), ("闪退", "闪推"), ("已经", "以经"), ("账号", "帐号"), ("什么", "神马"), ("的时候", "得时候"),
         ("再", "在"), ("在", "再"), ("真的", "真得"), ("反应", "反映"), ("好像", "好象"), ("不知道", "不造"),
         ("怎么", "咋"), ("没有", "木有"), ("喜欢", "稀饭"), ("验证码", "验正码"), ("一直", "一只"), ("这样", "酱紫"),
         ("得很", "的很"), ("一下", "一哈"), ("谢谢", "xx"), ("希望", "希忘"), ("客服", "客fu"), ("有点", "有点儿")]

T2S_PAIRS = (
    "闪閃 无無 录錄 这這 个個 么麼 还還 们們 说說 时時 后後 发發 现現 没沒 问問 题題 开開 关關 书書 实實 点點 里裡 为為 会會 "
    "对對 动動 过過 钱錢 单單 订訂 买買 卖賣 话話 让讓 应應 该該 东東 车車 网網 页頁 载載 显顯 试試 视視 频頻 听聽 乐樂 "
    "语語 请請 谢謝 来來 电電 脑腦 机機 号號 码碼 验驗 证證 错錯 误誤 顿頓 线線 账賬 户戶 复復 务務 间間 长長 几幾 从從 "
    "与與 样樣 设設 难難 经經 帮幫 写寫 图圖 换換 办辦 旧舊 级級 认認 输輸 进進 连連 续續 结結 总總 变變 处處 费費 转轉 "
    "额額 员員 优優 红紅 骑騎 递遞 宝寶 评評 论論 热熱 门門 闻聞 阅閱 读讀 课課 师師 学學 习習 议議 档檔 导導 吗嗎 "
    "种種 能能 给給 级級 数數 据據 资資 讯訊 户戶 务務 简簡 体體 广廣 告告 态態 块塊 烦煩 觉覺 样樣 边邊 记記 忆憶 "
    "级級 馈饋 贵貴 价價 质質 量量 条條 内內 运運 营營 费費 众眾 丝絲 赞讚 图圖 际際 饭飯 离離 谱譜 气氣 坏壞 "
    "体體 验驗 划劃 确確 败敗 状狀 态態 单單 备備 态態 啥啥 爱愛 欢歡 恼惱 尽盡 岁歲 级級 决決 鸡雞 双雙 软軟 件件"
)
T2S = {}
for _p in T2S_PAIRS.split():
    T2S[_p[0]] = _p[1]
TRAD = str.maketrans(T2S)

NOISE_EMO = {"bug": "emo_a", "feature_request": "emo_p", "other": "emo_n", "spam": "emo_s"}


def apply_noise(rng, text, title, kind, cat):
    if kind != "post":
        if rng.random() < 0.14:
            text = typo(rng, text)
        if cat in NOISE_EMO and rng.random() < 0.05 and not re.search(r"[\U0001F300-\U0001FAFF]$", text):
            text += rng.choice(G[NOISE_EMO[cat]])
    elif rng.random() < 0.04:
        text = typo(rng, text)
    if rng.random() < 0.05:
        text = text.translate(TRAD)
        if title:
            title = title.translate(TRAD)
    return text, title


def typo(rng, text):
    cands = [p for p in TYPOS if p[0] in text]
    if not cands:
        return text
    a, b = rng.choice(cands)
    return text.replace(a, b, 1)


REVIEW_TITLES_BY_CAT = {
    "bug": ["闪退严重", "无法登录", "bug太多", "一星", "垃圾更新", "用不了", "问题很多", "希望尽快修复", "体验极差"],
    "feature_request": ["建议", "一点建议", "希望改进", "求加功能", "小建议", "期待更新", "提个需求"],
    "other": ["还行", "一般般", "用着还可以", "说两句", "感受", "凑合", "评价"],
    "spam": ["好评！", "强烈推荐", "良心推荐", "五星好评", "推荐"],
}


# --------------------------------------------------------------------------
# Generation engine
# --------------------------------------------------------------------------
def norm_key(s):
    return re.sub(r"[\W_]+", "", s.lower())


def fits(kind, cat, text):
    if kind == "post" and cat == "quality_content":
        lo, hi = QC_LIMITS
    else:
        lo, hi = LEN_LIMITS[kind]
    return lo <= len(text) <= hi


class Builder:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.seen = set()           # membership only (never iterated)
        self.items = []
        self.count = Counter()      # per family
        self.tcount = Counter()     # per (family, template index)
        self.dcount = Counter()     # per (family, domain)
        self.exhausted = set()
        self.grams = defaultdict(list)

    def too_similar(self, fname, key, n=3, limit=0.85):
        """Reject near-duplicates of items already in the same family."""
        if len(key) < 15:
            return False
        grams = {key[i:i + n] for i in range(len(key) - n + 1)}
        for other in self.grams[fname]:
            inter = len(grams & other)
            if inter and inter / len(grams | other) > limit:
                return True
        self.grams[fname].append(grams)
        return False

    def add_pinned(self, f):
        for text in f["pinned"]:
            key = norm_key(text)
            if key in self.seen:
                continue
            self.seen.add(key)
            dom = self.rng.choice(f["domains"])
            self.items.append(dict(text=text, title=None, kind=f["kind"].split("|")[0], domain=dom, category=f["cat"],
                                   family=f["name"], hard=f["hard"]))
            self.count[f["name"]] += 1
            self.dcount[(f["name"], dom)] += 1

    def one(self, f, tries=40):
        rng = self.rng
        for attempt in range(tries):
            doms = f["domains"]
            if attempt == 0:
                lo = min(self.dcount[(f["name"], d)] for d in doms)
                dom = rng.choice([d for d in doms if self.dcount[(f["name"], d)] == lo])
            else:
                dom = rng.choice(doms)
            tkey = None
            if callable(f["templates"]):
                title, text = f["templates"](rng, dom)
            else:
                avail = [i for i in range(len(f["templates"])) if self.tcount[(f["name"], i)] < TEMPLATE_CAP]
                if not avail:
                    return False
                tkey = rng.choice(avail)
                title, text = None, tidy(fill(f["templates"][tkey], dom, rng, {}))
            kinds = f["kind"].split("|")
            if len(kinds) == 1:
                kind = kinds[0]
            else:
                ok = [k for k in kinds if fits(k, f["cat"], text)]
                if not ok:
                    continue
                kind = rng.choice(ok)
            if tkey is not None and f["extend"] and kind != "post" and len(text) > 3:
                text = extend(rng, f["cat"], kind, text, dom)
            if kind == "review" and rng.random() < 0.2:
                title = rng.choice(REVIEW_TITLES_BY_CAT[f["cat"]])
            text, title = apply_noise(rng, text, title, kind, f["cat"])
            assert "{" not in text and (title is None or "{" not in title), (f["name"], text, title)
            if not fits(kind, f["cat"], text):
                continue
            key = norm_key(text)
            if not key or key in self.seen:
                continue
            if self.too_similar(f["name"], key):
                continue
            self.seen.add(key)
            self.items.append(dict(text=text, title=title, kind=kind, domain=dom, category=f["cat"],
                                   family=f["name"], hard=f["hard"]))
            self.count[f["name"]] += 1
            self.dcount[(f["name"], dom)] += 1
            if tkey is not None:
                self.tcount[(f["name"], tkey)] += 1
            return True
        return False

    def run(self):
        by_cat = defaultdict(list)
        for f in FAMILIES:
            by_cat[f["cat"]].append(f)
        for cat in CATEGORIES:
            fams = by_cat[cat]
            total_w = sum(f["weight"] for f in fams)
            for f in fams:
                self.add_pinned(f)
                have = sum(self.count[g["name"]] for g in fams)
                want = min(FAMILY_CAP, int(round(TARGETS[cat] * f["weight"] / total_w)), TARGETS[cat] - have)
                for _ in range(want):
                    if not self.one(f):
                        self.exhausted.add(f["name"])
                        break
            # top up round-robin until the category target is met
            have = sum(self.count[f["name"]] for f in fams)
            while have < TARGETS[cat]:
                progressed = False
                for f in fams:
                    if have >= TARGETS[cat]:
                        break
                    if f["name"] in self.exhausted or self.count[f["name"]] >= FAMILY_CAP:
                        continue
                    if self.one(f):
                        have += 1
                        progressed = True
                    else:
                        self.exhausted.add(f["name"])
                if not progressed:
                    raise SystemExit("cannot reach target for %s: %d/%d" % (cat, have, TARGETS[cat]))


def assign_split(items, rng):
    """Group split by family, stratified by (category, hard, sub-type), ~20% dev."""
    fam_size = Counter(it["family"] for it in items)
    fam_cat = {it["family"]: it["category"] for it in items}
    strata = defaultdict(list)
    for name in sorted(fam_size):
        parts = name.split(".")
        sub = parts[-2] if fam_cat[name] == "quality_content" else ("hard" if ".hard." in name else "plain")
        strata[(fam_cat[name], sub)].append(name)
    dev = set()
    for key in sorted(strata):
        names = list(strata[key])
        rng.shuffle(names)
        total = sum(fam_size[n] for n in names)
        target = DEV_FRACTION * total
        got = 0
        for n in names:
            if abs(got + fam_size[n] - target) < abs(got - target):
                dev.add(n)
                got += fam_size[n]
    for it in items:
        it["split"] = "dev" if it["family"] in dev else "train"


def summary(rows):
    print("\n== category x split ==")
    cs = Counter((r["category"], r["split"]) for r in rows)
    print("%-16s %6s %6s %6s %7s" % ("category", "train", "dev", "total", "dev%"))
    for c in CATEGORIES:
        tr, dv = cs[(c, "train")], cs[(c, "dev")]
        print("%-16s %6d %6d %6d %6.1f%%" % (c, tr, dv, tr + dv, 100.0 * dv / max(1, tr + dv)))
    tr = sum(1 for r in rows if r["split"] == "train")
    print("%-16s %6d %6d %6d %6.1f%%" % ("ALL", tr, len(rows) - tr, len(rows), 100.0 * (len(rows) - tr) / len(rows)))
    print("\n== domain ==")
    for d, n in sorted(Counter(r["domain"] for r in rows).items()):
        print("%-16s %6d" % (d, n))
    print("\n== kind ==")
    for k, n in sorted(Counter(r["kind"] for r in rows).items()):
        ls = [len(r["text"]) for r in rows if r["kind"] == k]
        print("%-16s %6d   len min/median/max %d/%d/%d" % (k, n, min(ls), statistics.median(ls), max(ls)))
    ls = [len(r["text"]) for r in rows]
    print("\n== text length (chars) ==\nmin %d  median %d  max %d" % (min(ls), statistics.median(ls), max(ls)))
    q = [len(r["text"]) for r in rows if r["category"] == "quality_content"]
    print("quality_content: min %d  median %d  max %d" % (min(q), statistics.median(q), max(q)))
    fams = Counter(r["family"] for r in rows)
    print("\nfamilies: %d (max items per family %d); hard-case families' items: %d (%.1f%%)" % (
        len(fams), max(fams.values()), sum(n for f, n in fams.items() if ".hard." in f),
        100.0 * sum(n for f, n in fams.items() if ".hard." in f) / len(rows)))
    print("items with a title: %d; posts with a title: %d/%d" % (
        sum(1 for r in rows if r["title"]), sum(1 for r in rows if r["kind"] == "post" and r["title"]),
        sum(1 for r in rows if r["kind"] == "post")))


def main():
    b = Builder(SEED)
    b.run()
    items = b.items
    rng = random.Random(SEED + 1)
    assign_split(items, rng)
    rng.shuffle(items)
    rows = []
    for i, it in enumerate(items, 1):
        rows.append(dict([("id", "s%05d" % i), ("text", it["text"]), ("title", it["title"]), ("kind", it["kind"]),
                          ("domain", it["domain"]), ("category", it["category"]), ("split", it["split"]),
                          ("family", it["family"])]))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote %d items to %s" % (len(rows), OUT))
    summary(rows)


if __name__ == "__main__":
    main()
