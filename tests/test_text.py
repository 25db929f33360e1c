import pickle

import pytest
from sklearn.base import clone
from sklearn.feature_extraction.text import TfidfVectorizer

from huisheng.models.normalize import content_hash, normalize
from huisheng.models.pii import find_pii, mask_pii
from huisheng.models.tokenize import JiebaTokenizer


def test_normalize_fullwidth_traditional_and_tokens():
    out = normalize("閃退ＡＰＰ！！！！ 更新後打不開😡 https://x.cn/abc @小明")
    assert "闪退app" in out
    assert "更新后打不开" in out
    assert "URL" in out and "MENTION" in out and "EMOJI" in out
    assert "！！！！" not in out  # runs of punctuation are collapsed


def test_normalize_is_idempotent_and_hash_ignores_surface_form():
    s = "希望增加夜間模式　　ＯＫ"
    assert normalize(normalize(s)) == normalize(s)
    assert content_hash("閃退ＡＰＰ") == content_hash("闪退app")
    assert content_hash("闪退") != content_hash("卡顿")


def test_tokenizer_uses_user_dictionary_and_stopwords():
    tok = JiebaTokenizer()
    assert "夜间模式" in tok("希望增加夜间模式")
    assert "收不到" in tok("验证码一直收不到")
    assert "的" not in JiebaTokenizer(drop_stopwords=True)("这个的功能很好用")
    assert "的" in tok("这个的功能")


def test_tokenizer_pickles_and_clones_inside_sklearn():
    vec = TfidfVectorizer(tokenizer=JiebaTokenizer(), token_pattern=None).fit(["闪退了打不开", "希望加夜间模式"])
    restored = pickle.loads(pickle.dumps(vec))
    assert restored.transform(["闪退"]).nnz > 0
    assert clone(vec).get_params()["tokenizer"].drop_stopwords is False


@pytest.mark.parametrize("text,kind", [
    ("电话13812345678找我", "[手机号]"),
    ("+86 138-1234-5678", "[手机号]"),
    ("身份证110101199003071234", "[身份证]"),
    ("邮箱 someone@example.com", "[邮箱]"),
    ("加微信 abc_12345 详聊", "[微信号]"),
    ("vx: qn8866abc", "[微信号]"),
    ("扣扣 123456789", "[QQ号]"),
    ("QQ群：98765432", "[QQ号]"),
])
def test_pii_is_masked(text, kind):
    masked = mask_pii(text)
    assert kind in masked
    assert kind in find_pii(text)


def test_pii_leaves_ordinary_text_alone():
    s = "v3.2.0 更新后闪退了 2026-10-05 第3次"
    assert mask_pii(s) == s
