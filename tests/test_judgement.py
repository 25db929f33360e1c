"""Judgement on real App Store feedback (issue 8): export noise, spam evidence, self-training, batch clustering, and
the App Store dev set's loader. Small real components (no embedder where meaning is not the point) keep it fast."""

from __future__ import annotations

import csv

import numpy as np
import pytest

from huisheng.models.classifier import FeedbackClassifier
from huisheng.models.cues import has_promotion, has_strong_promotion
from huisheng.models.normalize import normalize, user_voice
from huisheng.models.topics import group_topics, split_large
from huisheng.models.vectorize import TopicVectorizer, unit_rows


def test_normalize_drops_what_the_export_added_but_keeps_the_users_words():
    exported = ("（该条评论已经被删除）更新后一直闪退\n ---------------------------------- \n"
                " 开发者回复：用户您好，欢迎您随时通过官方QQ群：839419791，向我们提供更多问题细节。")
    assert normalize(exported) == "更新后一直闪退"
    assert normalize("闪退\n开发者回复：已修复") == "闪退"
    # a user who mentions the developer's reply keeps every word
    assert "开发者回复我也是醉了" in normalize("PS：下面开发者回复我也是醉了，都说闪退了")
    assert normalize(normalize(exported)) == normalize(exported)
    # a quote keeps the user's own spelling and case, only the export's additions go
    assert user_voice(exported) == "更新后一直闪退"
    assert user_voice("iPhone XS 閃退了\n開發者回复：已修复") == "iPhone XS 閃退了"


@pytest.mark.parametrize("text", [
    "苹 果 手 机 每日可以80块 无意中发现这个非常棒的赚钱地方，做起来非常容易而且完全免费",
    "精心挑选②⑦④⑨①点com 首存100返18圆，加q：5386607",
    "无意中发现一个诚信平台，推荐给大家，大家都来下载吧，不需要一点投入就能每天获得百来块",
    "手机免费兼职 微信rryy543",
])
def test_strong_promotion_is_what_ads_say(text):
    t = normalize(text)
    assert has_strong_promotion(t) and has_promotion(t)


@pytest.mark.parametrize("text", [
    "垃圾软件，广告太多了，开屏广告五秒，卸载", "小米就知道赚钱，饥饿营销", "兼职神器一样的存在，家电都能管",
    "会员又涨价了，吃相难看", "客服电话打不通，退款一直没到账", "希望增加夜间模式",
])
def test_complaints_about_ads_fees_and_money_are_no_promotion(text):
    assert not has_strong_promotion(normalize(text))


def _tiny_classifier(**params) -> FeedbackClassifier:
    texts = ["打开就闪退", "登录一直报错", "付款失败", "希望增加夜间模式", "能不能加个搜索", "建议支持横屏",
             "广告弹窗太多", "广告推送烦死", "开屏广告", "很好用", "不错五星", "界面好看"]
    labels = ["bug"] * 3 + ["feature_request"] * 3 + ["spam"] * 3 + ["other"] * 3
    return FeedbackClassifier(embedder=None, calibration_cv=2, **params).fit(texts * 3, labels * 3)


def test_spam_needs_evidence_of_promotion_and_strong_evidence_wins():
    # this model learnt "广告" = spam (as a naive one would); a complaint about the product's own ads has no promotion
    gated, open_ = _tiny_classifier(), _tiny_classifier(spam_without_evidence=1.0, spam_floor_with_strong_evidence=0.0)
    complaint = "广告弹窗太多了"
    assert open_.predict([complaint])[0] == "spam"
    p_open, p_gated = open_.predict_proba([complaint])[0], gated.predict_proba([complaint])[0]
    spam = list(gated.classes_).index("spam")
    odds = lambda p: p[spam] / (1 - p[spam])  # noqa: E731  (the gate scales spam against the rest by the factor)
    assert odds(p_gated) == pytest.approx(0.1 * odds(p_open), rel=1e-3)
    gated.spam_without_evidence = 0.01
    assert gated.predict([complaint])[0] != "spam"
    ad = "苹果手机每日可以80块，无意中发现这个非常棒的赚钱地方"
    assert open_.predict([ad])[0] != "spam"
    proba = dict(zip(gated.classes_, gated.predict_proba([ad])[0]))
    assert proba["spam"] == pytest.approx(0.9) and sum(proba.values()) == pytest.approx(1.0)


def test_adapt_self_trains_on_the_batch_without_touching_the_original():
    clf = _tiny_classifier()
    batch = ["打开就闪退，闪退", "希望增加夜间模式啊", "很好用很好用"] * 4
    adapted = clf.adapt(batch, threshold=0.0, weight=0.5)
    assert adapted is not clf and adapted.pipeline_ is not clf.pipeline_
    assert len(adapted.pipeline_[-1].classes_) == len(clf.classes_)
    assert list(clf.predict(batch)) == list(adapted.predict(batch))  # it learns what it already called them
    # nothing confident enough: the model is returned as it is
    assert clf.adapt(batch, threshold=1.01) is clf
    legacy = _tiny_classifier()
    del legacy.train_
    assert legacy.adapt(batch) is legacy


def test_split_large_cuts_a_giant_group_again_and_leaves_small_ones():
    rng = np.random.default_rng(0)
    a, b = np.eye(8)[0], np.eye(8)[1]
    # two tight sub-topics that a permissive cut joins into one giant group, plus a loner
    X = unit_rows(np.vstack([a + 0.9 * b + 0.05 * rng.standard_normal((20, 8)),
                             a + 0.05 * rng.standard_normal((20, 8)), [np.eye(8)[5]]]))
    base = np.array([0] * 40 + [1])
    split = split_large(X, base, threshold=0.5, fraction=0.1, step=0.45)
    assert len(set(split[:40])) >= 2 and split[40] == 1
    assert (split_large(X, base, threshold=0.5, fraction=0.0) == base).all()


def test_batch_lexical_space_is_named_and_never_projected():
    vec = TopicVectorizer("tfidf-lsa", "hybrid", 0.4, True, 0, "batch")
    assert "char12batch" in vec.name
    with pytest.raises(ValueError):
        TopicVectorizer("tfidf-lsa", "hybrid", 0.4, True, 512, "batch")
    texts = ["登录闪退", "登录 闪退了", "希望加夜间模式", "夜间模式什么时候有"]
    cats = ["bug", "bug", "feature_request", "feature_request"]
    # the embedding part is not what this test is about: fixed unit vectors stand in for it (fitting the tfidf-lsa
    # embedder on the seed corpus took most of a minute)
    semantic = np.eye(4, 8, dtype=np.float32)
    X = vec.vectors(vec.prepare(texts, cats), semantic)
    ids = group_topics(texts, cats, X, 0.2, min_size=1, pools=[["bug", "feature_request"]], split_fraction=0.05).cluster_ids
    assert (ids >= 0).all() and ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]


def test_batch_words_space_and_bug_only_focus():
    vec = TopicVectorizer("tfidf-lsa", "hybrid", 0.4, True, 0, "batch-words", ["bug"])
    assert "char12batch+words" in vec.name and vec.name.endswith("+focus:bug")
    with pytest.raises(ValueError):
        TopicVectorizer("tfidf-lsa", "hybrid", 0.4, True, 512, "batch-words")
    long_request = "界面很好看，用了两年了，一直很稳定，客服也不错，希望加夜间模式，晚上看着太亮了，眼睛受不了"
    long_bug = "界面很好看，用了两年了，一直很稳定，客服也不错，但是最近一打开就闪退，重装也没用，很烦人"
    prepared = vec.prepare([long_request, long_bug], ["feature_request", "bug"])
    assert prepared[0] == long_request and prepared[1] != long_bug and "闪退" in prepared[1]
    assert vec.semantic_name("feature_request") != vec.semantic_name("bug")
    texts = ["登录闪退", "登录 闪退了", "希望加夜间模式", "夜间模式什么时候有", "的"]
    cats = ["bug", "bug", "feature_request", "feature_request", "other"]
    X = vec.vectors(vec.prepare(texts, cats), np.eye(5, 8, dtype=np.float32))  # fixed vectors for the embedding
    ids = group_topics(texts, cats, X, 0.2, min_size=1, pools=[["bug", "feature_request", "other"]]).cluster_ids
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]
    # no word survives: characters alone
    assert vec.vectors(vec.prepare(["的", "了"], ["other", "other"]), np.eye(2, 8, dtype=np.float32)).shape[0] == 2


def test_appstore_dev_set_is_skipped_without_the_corpus_and_fails_loudly_on_a_changed_text(tmp_path, monkeypatch):
    from huisheng.services import devsets
    from huisheng.sources import appstore_corpus

    monkeypatch.setenv("HUISHENG_SHARED_DIR", str(tmp_path / "nowhere"))
    appstore_corpus.load_reviews.cache_clear()
    assert devsets.load_appstore_dev() == []
    assert "skipped" in devsets.appstore_dev_status()

    corpus = tmp_path / "shared" / "corpora" / appstore_corpus.CORPUS
    corpus.mkdir(parents=True)
    with open(corpus / f"{appstore_corpus.CORPUS}.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["row", "app", "created_at", "author", "rating", "title", "text"])
        w.writerow([1, "美居", "2019-01-01 00:00:00", "a", 1, "闪退", "打开就闪退"])
        w.writerow([2, "米家", "2019-01-01 00:00:00", "b", 5, "好用", "希望增加夜间模式"])
    labels = tmp_path / "dev.csv"
    with open(labels, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["app", "row", "label", "topic", "text_sha1"])
        w.writerow(["美居", 1, "bug", "App/闪退", devsets.text_digest("闪退\n打开就闪退")])
        w.writerow(["米家", 2, "feature_request", "夜间模式", devsets.text_digest("好用\n希望增加夜间模式")])
    monkeypatch.setenv("HUISHENG_SHARED_DIR", str(tmp_path / "shared"))
    appstore_corpus.load_reviews.cache_clear()
    try:
        rows = devsets.load_appstore_dev(labels)
        assert [(r["app"], r["category"], r["role"], r["rating"]) for r in rows] == [
            ("美居", "bug", "report", 1), ("米家", "feature_request", "choose", 5)]
        assert devsets.load_appstore_dev(labels, apps=("米家",))[0]["title"] == "好用"
        text = labels.read_text(encoding="utf-8").replace(devsets.text_digest("闪退\n打开就闪退"), "0000000000")
        labels.write_text(text, encoding="utf-8")
        with pytest.raises(ValueError, match="line 2"):
            devsets.load_appstore_dev(labels)
    finally:
        appstore_corpus.load_reviews.cache_clear()
