"""Shared set-up for the hand-off tests: a small database with one bug cluster whose quotes carry personal data
and hostile markup, and a settings TOML naming the targets under test."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from handoff_receivers import EMAIL, SECRET, TOKEN
from huisheng.storage import clusters as cstore
from huisheng.storage.schema import Analysis, Cluster, Item, Source

PHONE, MAIL = "13812345678", "leak@example.com"
HOSTILE = ("@all <!channel> <@U0123> <at id=all></at> [点我](http://evil.example/x) **粗体** <font color=red>红</font> "
           "# 标题 {noformat} [~admin] #1 https://evil.example/y @here")
QUOTES = [f"更新之后一打开就闪退，客服电话打不通，我的手机 {PHONE}", f"支付页面一直转圈 {HOSTILE}",
          f"登录提示网络错误，邮箱 {MAIL} 也收不到验证码", "闪退三次了，重装也没用", "每次打开相机就崩溃"]
T0 = datetime(2024, 5, 1, 2, 0, 0)


def add_items(s, cluster: Cluster, texts: list[str], start: int, day: datetime = T0) -> list[int]:
    src = s.query(Source).filter_by(name="appstore").one_or_none()
    if src is None:
        src = Source(name="appstore", kind="file")
        s.add(src)
        s.flush()
    ids = []
    for n, t in enumerate(texts, start):
        it = Item(source_id=src.id, external_id=f"e{n}", kind="review", author=f"u{n}", text=t, normalized_text=t,
                  content_hash=f"h{n}", created_at=day + timedelta(hours=n % 20))
        s.add(it)
        s.flush()
        s.add(Analysis(item_id=it.id, category="bug", scores={"bug": 0.9}, quality_score=0.3, model_version="t",
                       content_hash=f"h{n}"))
        ids.append(it.id)
    s.flush()
    cstore.set_membership(s, ids, cluster.id, [0.9 - 0.01 * k for k in range(len(ids))])
    cluster.size = (cluster.size or 0) + len(ids)
    return ids


@pytest.fixture
def cluster_id(db, settings) -> int:
    with db.session() as s:
        c = Cluster(category="bug", label=f"闪退 支付 [x](http://evil.example) {PHONE}", keywords=["闪退", "支付", f"@all"],
                    quotes=QUOTES, centroid=(np.ones(4) / 2).astype(np.float32).tobytes(), embedder="t", size=0,
                    first_seen=T0, last_seen=T0 + timedelta(days=1))
        s.add(c)
        s.flush()
        add_items(s, c, QUOTES, 1)
        return c.id


def grow(db, cluster_id: int, n: int, start: int = 100) -> None:
    """n more voices join the cluster."""
    with db.session() as s:
        c = s.get(Cluster, cluster_id)
        add_items(s, c, [f"又闪退了 第{k}次" for k in range(n)], start, day=T0 + timedelta(days=1))


def _toml_value(v) -> str:
    return json.dumps(v, ensure_ascii=False)


def write_config(path: Path, targets: dict[str, dict], **sections) -> Path:
    lines = ["[handoff]", 'board_url = "http://board.example"', "retries = 2", "backoff_seconds = 0"]
    for name, cfg in targets.items():
        lines.append(f"[handoff.targets.{name}]")
        lines += [f"{k} = {_toml_value(v)}" for k, v in cfg.items()]
    for section, cfg in sections.items():
        lines.append(f"[handoff.{section}]")
        lines += [f"{k} = {_toml_value(v)}" for k, v in cfg.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def configure(tmp_path, monkeypatch, settings):
    """configure({name: target config}, rules={…}) → writes the TOML, points HUISHENG_CONFIG at it, sets secrets."""
    monkeypatch.setenv("HUISHENG_TEST_SECRET", SECRET)
    monkeypatch.setenv("HUISHENG_TEST_TOKEN", TOKEN)

    def do(targets: dict, **sections):
        p = write_config(tmp_path / "huisheng.toml", targets, **sections)
        monkeypatch.setenv("HUISHENG_CONFIG", str(p))
        from huisheng.settings import get_settings

        return get_settings()

    return do


def target_config(kind: str, base_url: str, **extra) -> dict:
    """The settings of one target pointing at a local receiver."""
    cfg = {
        "webhook": {"url": base_url + "/hook", "secret_env": "HUISHENG_TEST_SECRET"},
        "feishu": {"url": base_url + "/open-apis/bot/v2/hook/abc", "secret_env": "HUISHENG_TEST_SECRET"},
        "dingtalk": {"url": base_url + "/robot/send?access_token=AT", "secret_env": "HUISHENG_TEST_SECRET"},
        "wecom": {"url": base_url + "/cgi-bin/webhook/send?key=WK"},
        "slack": {"url": base_url + "/services/T000/B000/XXX"},
        "jira": {"base_url": base_url, "project": "FEED", "email": EMAIL, "token_env": "HUISHENG_TEST_TOKEN"},
        "jira-server": {"base_url": base_url, "project": "FEED", "token_env": "HUISHENG_TEST_TOKEN"},
        "github": {"base_url": base_url, "repo": "acme/app", "token_env": "HUISHENG_TEST_TOKEN"},
    }[kind]
    return {"kind": "jira" if kind == "jira-server" else kind, "timeout": 1.0, **cfg, **extra}
