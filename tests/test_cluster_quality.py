"""Topic clustering parts added for issue 4: hybrid vectors, focus clauses, sparse clustering, readable labels."""

import numpy as np
import pytest
from scipy import sparse

from huisheng.models.clustering import ThresholdClusterer, assign_to_centroids, centroid
from huisheng.models.representation import FRAME_WORDS, ClassTfidfLabeler
from huisheng.models.tokenize import load_stopwords
from huisheng.models.topics import group_topics
from huisheng.models.vectorize import CharTfidf, TopicVectorizer, combine, focus_text
from huisheng import paths


def _unit(x):
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_hybrid_dot_product_is_the_weighted_sum_of_cosines():
    rng = np.random.default_rng(0)
    U = rng.normal(size=(6, 5)).astype(np.float32)
    L = sparse.random(6, 40, density=0.3, random_state=1, format="csr", dtype=np.float32)
    L = L + sparse.eye(6, 40, format="csr", dtype=np.float32)  # no empty row
    X = combine(U, L, 0.3)
    Ud, Ld = _unit(U), _unit(L.toarray())
    np.testing.assert_allclose((X @ X.T).toarray(), 0.3 * Ud @ Ud.T + 0.7 * Ld @ Ld.T, atol=1e-5)
    np.testing.assert_allclose(sparse.linalg.norm(X, axis=1), 1.0, atol=1e-5)
    with pytest.raises(ValueError):
        combine(U, L, 1.5)


def test_focus_keeps_the_clauses_that_carry_the_bug_or_the_request():
    review = "外观很漂亮，屏幕也清楚，价格合适，物流很快，包装完好，可惜用了三天就死机，客服态度还行"
    assert focus_text(review, "bug") == "可惜用了三天就死机"
    wish = "用了两年了，界面很清爽，记账也方便，朋友都在用，希望增加夜间模式，晚上看太刺眼了"
    assert "希望增加夜间模式" in focus_text(wish, "feature_request")
    assert "界面很清爽" not in focus_text(wish, "feature_request")
    assert focus_text("一打开就闪退", "bug") == "一打开就闪退"  # short: whole
    assert focus_text(review, "other") == review  # only bugs and requests are focused
    praise = "外观很漂亮，屏幕也清楚，价格合适，物流很快，包装完好，客服态度还行，朋友推荐的，值得购买"
    assert focus_text(praise, "bug") == praise  # no cue: whole


def test_threshold_clusterer_gives_the_same_groups_for_sparse_and_dense_rows():
    rng = np.random.default_rng(3)
    centers = _unit(rng.normal(size=(3, 30)))
    X = _unit(np.repeat(centers, 5, axis=0) + 0.05 * rng.normal(size=(15, 30))).astype(np.float32)
    dense = ThresholdClusterer(threshold=0.6, min_size=2).fit(X).labels_
    sp = ThresholdClusterer(threshold=0.6, min_size=2).fit(sparse.csr_matrix(X)).labels_
    assert list(dense) == list(sp)
    assert len(set(dense)) == 3 and -1 not in dense
    best, _ = assign_to_centroids(sparse.csr_matrix(X), np.stack([centroid(X[dense == k]) for k in range(3)]), 0.6)
    assert list(best) == list(dense)


def test_every_bug_and_request_gets_a_group_when_min_size_is_one():
    texts = ["闪退", "闪退了", "又闪退", "希望加夜间模式", "一次性的奇怪想法", "随便说说"]
    cats = ["bug"] * 3 + ["feature_request"] * 2 + ["quality_content"]
    X = np.eye(6, 4, dtype=np.float32)
    X[:3] = [1, 0, 0, 0]
    X[3:5] = [[0, 1, 0, 0], [0, 0, 1, 0]]
    res = group_topics(texts, cats, X, threshold=0.9, min_size=1)
    ids = list(res.cluster_ids)
    assert ids[0] == ids[1] == ids[2] >= 0
    assert ids[3] >= 0 and ids[4] >= 0 and ids[3] != ids[4]  # a one-off idea is a cluster of its own
    assert ids[5] == -1  # a quality post is featured, not grouped
    assert len(set(ids[:5])) == 3


def test_labels_never_a_stopword_placeholder_or_frame_word_and_prefer_a_phrase():
    groups = {0: ["希望能导出excel", "能不能导出excel表格呀", "求导出excel 的功能 EMOJI", "希望导出excel URL"],
              1: ["希望有夜间模式的 EMOJI", "夜间模式什么时候出啊", "求求了 夜间模式 URL", "晚上太亮了 希望夜间模式"]}
    lab = ClassTfidfLabeler()
    kw = lab.keywords(groups)
    assert kw[0][0] == "导出excel"
    assert "夜间模式" in lab.label(kw[1])
    stop = load_stopwords(str(paths.STOPWORDS))
    for words in kw.values():
        for w in words:
            assert w not in stop and w not in {"URL", "EMOJI", "MENTION"} and w not in FRAME_WORDS and len(w) > 1
    # a frame glued to its object by the tokenizer (希望增加) is not a topic either
    kw = lab.keywords({0: ["希望增加夜间模式，晚上太刺眼", "求夜间模式！！", "希望增加夜间模式"]})
    assert not any(w.startswith("希望") for w in kw[0]) and "夜间模式" in lab.label(kw[0])
    assert "夜间模式晚上" not in kw[0]  # a phrase never spans a comma


def test_topic_vectorizer_names_its_space_and_rejects_unknown_modes():
    assert TopicVectorizer(mode="hybrid", weight=0.6).name == "usem3+char12seed@0.6+focus"
    assert TopicVectorizer(mode="semantic", focus=False).name == "usem3"
    assert TopicVectorizer().semantic_name("bug") != TopicVectorizer().semantic_name("feature_request")
    with pytest.raises(ValueError, match="unknown cluster representation"):
        TopicVectorizer(mode="magic")


def test_char_tfidf_space_is_fixed_by_its_fit_corpus():
    v = CharTfidf().fit(["导出表格", "夜间模式", "闪退"])
    a = v.transform(["导出excel"])
    assert a.shape[1] == v.n_features_out_
    assert v.transform(["完全不相干的字"]).nnz == 0  # unseen characters add nothing: the space does not move
    assert a.nnz > 0


def test_placeholders_are_dropped_before_clustering():
    vec = TopicVectorizer(focus=False)
    assert vec.prepare(["求widget，求求了 EMOJI EMOJI", " URL "], ["feature_request", "spam"]) == ["求widget，求求了", " URL "]


def test_pools_keep_a_ticket_whole_when_the_classifier_splits_it():
    texts = ["求夜间模式", "夜间模式呢", "没有夜间模式眼睛疼", "兼职日结"]
    cats = ["feature_request", "feature_request", "bug", "spam"]  # the third is a request the classifier read as a bug
    X = np.array([[1, 0], [1, 0], [1, 0], [0, 1]], dtype=np.float32)
    apart = group_topics(texts, cats, X, threshold=0.9, min_size=1).cluster_ids
    assert apart[2] != apart[0]
    pooled = group_topics(texts, cats, X, threshold=0.9, min_size=1,
                          pools=[["bug", "feature_request", "other", "quality_content"]]).cluster_ids
    assert pooled[0] == pooled[1] == pooled[2] and pooled[3] >= 0 and pooled[3] != pooled[0]


def test_batch_defaults_pool_every_category_but_spam():
    from huisheng.settings import Settings

    pools = Settings().cluster_batch_pools
    assert {"bug", "feature_request", "other", "quality_content"} <= set(pools[0]) and "spam" not in pools[0]


def test_projected_lexical_part_keeps_similarities_and_shrinks_stored_centroids():
    from huisheng.models.vectorize import TopicVectorizer, project_lexical, seed_char_tfidf

    texts = ["更新后一打开就闪退", "新版本打开闪退了", "希望增加夜间模式", "求夜间模式", "导出excel表格", "账单导出成表格"]
    L = seed_char_tfidf().transform(texts)
    exact = (L @ L.T).toarray()
    P = project_lexical(L, 512)
    approx = P @ P.T
    off = ~np.eye(len(texts), dtype=bool)
    assert np.abs(approx - exact)[off].mean() < 0.08  # JL: error ~ 1/sqrt(512)
    assert exact[0, 1] > exact[0, 2] and approx[0, 1] > approx[0, 2]  # neighbours stay neighbours
    U = np.eye(len(texts), 16, dtype=np.float32)
    stored = TopicVectorizer(lexical_dim=512, focus=False).vectors(texts, U)
    assert stored.shape == (len(texts), 16 + 512) and np.allclose(np.linalg.norm(stored, axis=1), 1.0, atol=1e-5)
