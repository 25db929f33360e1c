"""The numpy character n-grams (models/char_ngrams.py) against scikit-learn, which they replace on the hot paths."""

from __future__ import annotations

import random

import numpy as np
import pytest
from sklearn.feature_extraction.text import HashingVectorizer, TfidfVectorizer

from huisheng.models.char_ngrams import hashed_shingles, tfidf_transform
from huisheng.models.near_duplicates import originality
from huisheng.models.vectorize import CharTfidf, seed_char_tfidf

WORDS = ["闪退", "登录", "夜间模式", "希望", "增加", "App", "iOS 17", "更新后", "打不开", "😀", "垃圾", "客服",
         "  ", "\n", "\n\n", "\t ", "ABC", "wifi", "离线", "摄像头", "！", "？？", "…", "𠀋", "é"]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = ["", "a", "A", "  ", "\n", "单"]
    for _ in range(n):
        out.append("".join(rng.choice(WORDS) for _ in range(rng.randint(1, 30))))
    return out


@pytest.mark.parametrize("options", [
    {"ngram_range": (1, 2), "sublinear_tf": True},
    {"ngram_range": (1, 3), "sublinear_tf": False, "lowercase": False},
    {"ngram_range": (2, 3), "binary": True, "norm": None},
    {"ngram_range": (1, 1), "use_idf": False, "min_df": 2},
])
def test_tfidf_transform_is_scikit_learns(options):
    train, other = _texts(300, 1), _texts(300, 2)  # ``other`` holds n-grams the vocabulary has never seen
    vec = TfidfVectorizer(analyzer="char", dtype=np.float32, **options).fit(train)
    for texts in (train, other):
        expected, got = vec.transform(texts), tfidf_transform(vec, texts)
        assert got.shape == expected.shape and got.dtype == expected.dtype
        assert ((got != 0) != (expected != 0)).nnz == 0
        assert abs(got - expected).max() <= 1e-6
    assert tfidf_transform(vec, []).shape == (0, len(vec.vocabulary_))  # scikit-learn refuses an empty list


def test_char_tfidf_uses_the_fast_path_and_the_seed_space_is_unchanged():
    texts = _texts(200, 3)
    seed = seed_char_tfidf()
    assert abs(seed.transform(texts) - seed.vectorizer_.transform(texts)).max() <= 1e-6
    batch = CharTfidf().fit(texts)
    assert abs(batch.transform(texts) - batch.vectorizer_.transform(texts)).max() <= 1e-6


def test_tfidf_transform_refuses_what_it_does_not_reproduce():
    words = TfidfVectorizer(analyzer="word").fit(["alpha beta", "beta gamma"])
    with pytest.raises(ValueError):
        tfidf_transform(words, ["alpha beta"])


def test_hashed_shingles_agree_with_a_hashing_vectorizer():
    texts = [t for t in _texts(400, 4) if len(t) >= 4]
    reference = HashingVectorizer(analyzer="char", ngram_range=(4, 4), n_features=2**20, binary=True, norm="l2",
                                  alternate_sign=False, lowercase=False).transform(texts)
    got = hashed_shingles(texts)
    # unit rows, and empty ones where scikit-learn's are (whitespace runs collapse: "\n\n  " is one space)
    np.testing.assert_allclose(np.asarray(got.multiply(got).sum(axis=1)).ravel(),
                               np.asarray(reference.multiply(reference).sum(axis=1)).ravel(), rtol=1e-6)
    # the same cosine similarities up to the rare bucket collision of either hash
    diff = np.abs((got @ got.T).toarray() - (reference @ reference.T).toarray())
    assert diff.max() < 0.1 and np.mean(diff > 0.01) < 0.01
    assert hashed_shingles(["abc", ""]).nnz == 0  # shorter than a shingle: an empty row


def test_a_repost_loses_originality_and_its_first_post_keeps_it():
    first = "这个版本的摄像头回看功能做得很用心，夜间画面清楚，推送也及时，客服回复快，希望继续保持，给五星好评！"
    repost = first.replace("五星", "5星") + "😀"
    unrelated = "更新以后每次打开都闪退，重装也没有用，登录页面一直转圈，已经反馈给客服三天了还是没有任何回复。"
    scores = originality([first, repost, unrelated], [1, 2, 3])
    assert scores[0] == 1.0 and scores[2] == 1.0
    assert scores[1] < 0.5
