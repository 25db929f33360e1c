"""Issue 8 request recall: the version-3 cues and the appstore_style_e seed rows.

Version 3 changes what some cues mean (models/cues.py CUES_V3), so models fitted with version 2 must keep their
meaning when loaded; the seed file is team-written training data and must stay well-formed and free of duplicates.
"""

from __future__ import annotations

import json
import pickle

import pytest

from huisheng import paths
from huisheng.models import CATEGORIES
from huisheng.models.classifier import FeedbackClassifier
from huisheng.models.cues import CUES, CUES_V2, CUES_V3, CueFeatures, cue_counts
from huisheng.models.normalize import normalize
from huisheng.models.training import load_labelled

SEED_E = paths.DATA_DIR / "seed" / "appstore_style_e.jsonl"


def fired(text: str, version: int = 3) -> set[str]:
    cues = CUES_V3 if version == 3 else CUES_V2
    return {name for name, pattern in cues.items() if pattern.search(normalize(text))}


@pytest.mark.parametrize("text, cue", [
    ("界面清爽，要是能加个搜索就更好了", "request"),          # 就更好了, not only 就好了
    ("能不能把卖课的页面单独拆出去", "request"),              # an ask to split something off
    ("推送太多，别再推送促销了", "request"),
    ("平板上返回键被状态栏挡住，点不到", "screen_fit"),
    ("只能设一组定时，也不能重命名", "design_limit"),
    ("安卓版早就有了，苹果版还没有", "platform_gap"),
    ("扫码后提示暂不支持这个型号", "platform_gap"),
    ("新平板什么时候可以适配", "unsupported"),
    ("希望公司越走越好", "vague_wish"),
    ("建议大家都下载一个", "vague_wish"),
    ("建议把设计界面的人开除", "vague_wish"),
])
def test_version_3_cues_recognise_real_request_phrasings(text, cue):
    assert cue in fired(text)


@pytest.mark.parametrize("text", [
    "新买的台灯添加设备一直失败",     # 添加设备 names a step, it is no wish to add something
    "添加保修卡的页面点提交没反应",
    "希望公司越走越好",              # a wish for the company asks for no change
    "建议大家都下载一个",            # advice to other users
])
def test_version_3_request_cue_stays_quiet_on_bugs_and_vague_wishes(text):
    assert "request" not in fired(text)


def test_version_2_keeps_its_meaning_and_version_3_adds_columns():
    text = normalize("新买的台灯添加设备一直转圈")
    v2, v3 = cue_counts(text, 2), cue_counts(text, 3)
    assert len(v2) == len(CUES_V2) + 3 and len(v3) == len(CUES_V3) + 3 and len(CUES_V3) > len(CUES_V2)
    # version 2 still reads 添加 as a wish (what a version-2 model was fitted with); version 3 does not
    assert v2[list(CUES_V2).index("request")] > 0 and v3[list(CUES_V3).index("request")] == 0
    assert len(cue_counts(text, 1)) == len(CUES) + 3
    old = CueFeatures(version=2).fit([text])
    restored = pickle.loads(pickle.dumps(old))
    assert restored.transform([text]).toarray().tolist()[0] == pytest.approx(v2)
    assert list(CueFeatures(version=3).fit([text]).get_feature_names_out())[-6:-3] == [
        "cue:screen_fit", "cue:design_limit", "cue:platform_gap"]


def test_the_shipped_classifier_uses_version_3():
    assert FeedbackClassifier().cue_version == 3


def test_seed_file_e_is_shipped_well_formed_and_new():
    assert SEED_E in paths.SEED_FILES
    rows = load_labelled(SEED_E)
    raw = [json.loads(line) for line in SEED_E.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) == len(raw) >= 300
    assert {r["category"] for r in rows} <= set(CATEGORIES)
    assert {r["split"] for r in rows} == {"train"}
    assert len({r["id"] for r in raw}) == len(raw)
    assert all(r["title"] and r["text"] and 1 <= r["rating"] <= 5 and r["family"].startswith("e.") for r in raw)
    # the hard negatives are there, not only requests
    assert sum(r["category"] == "bug" for r in rows) >= 50 and sum(r["category"] == "other" for r in rows) >= 40
    others = {r["text"] for p in paths.SEED_FILES if p != SEED_E for r in load_labelled(p)}
    assert not others & {r["text"] for r in rows}
