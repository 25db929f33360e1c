"""The `huisheng` console script end to end, as a user runs it (DESIGN §6)."""

import csv
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from huisheng.models import CATEGORIES
from run_helpers import isolated_env

HUISHENG = shutil.which("huisheng", path=str(Path(sys.executable).parent)) or "huisheng"

TOPICS = {
    "bug": ["更新后一打开就闪退", "{v}版本打开app直接闪退", "登录一直失败，提示网络错误", "短信验证码收不到，登不上",
            "付款失败但是钱扣了", "点开就白屏，重装也没用"],
    "feature_request": ["希望增加夜间模式", "能不能出个深色模式", "建议支持导出Excel", "求多账本功能",
                        "要是有桌面小组件就好了", "希望能加个预算提醒"],
    "spam": ["兼职日结，加v qn{n}", "宝妈在家也能赚，加微信 ab{n}cd", "刷单返利日入三百，扣扣{n}"],
    "other": ["挺好用的", "界面简洁，用了{n}天了", "怎么设置预算？", "会员有点贵", "还行吧"],
}


def _gbk_csv(path: Path, n: int = 1000) -> list[str]:
    rng = random.Random(7)
    ids = []
    with open(path, "w", encoding="gbk", newline="") as f:
        w = csv.writer(f)
        w.writerow(["编号", "昵称", "评分", "评论内容", "时间"])
        for i in range(n):
            cat = rng.choice(list(TOPICS))
            text = rng.choice(TOPICS[cat]).format(v=f"3.{rng.randint(0, 9)}.0", n=rng.randint(10000, 99999))
            text += rng.choice(["", "！", "。。。", "，服了", "，急"])
            rid = f"r{i:04d}"
            ids.append(rid)
            w.writerow([rid, f"用户{i}", rng.randint(1, 5), text, f"2026-09-{1 + i % 28:02d} 10:00:00"])
    return ids


def _run(*args, cwd=None):
    return subprocess.run([HUISHENG, *args], capture_output=True, text=True, cwd=cwd, env=isolated_env(), timeout=600)


@pytest.fixture(scope="module")
def gbk_file(tmp_path_factory):
    p = tmp_path_factory.mktemp("cli") / "反馈.csv"
    return p, _gbk_csv(p)


def test_classify_gbk_csv_without_database(gbk_file, tmp_path):
    src, ids = gbk_file
    out = tmp_path / "classified.jsonl"
    r = _run("classify", str(src), "-o", str(out))
    assert r.returncode == 0, r.stderr
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ids
    for x in lines:
        assert x["category"] in CATEGORIES
        assert set(x["scores"]) == set(CATEGORIES)
        assert 0.0 <= x["quality_score"] <= 1.0
    by_id = {x["id"]: x["category"] for x in lines}
    rows = list(csv.DictReader(open(src, encoding="gbk")))
    crash = [by_id[r["编号"]] for r in rows if "闪退" in r["评论内容"]]
    assert crash.count("bug") / len(crash) > 0.9
    assert not (tmp_path / "huisheng.db").exists()


def test_cluster_gbk_csv_without_database(gbk_file, tmp_path):
    src, ids = gbk_file
    out = tmp_path / "clustered.jsonl"
    r = _run("cluster", str(src), "-o", str(out))
    assert r.returncode == 0, r.stderr
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ids
    clustered = [x for x in lines if x["cluster_id"] >= 0]
    assert len(clustered) > 500
    assert all(x["cluster_label"] for x in clustered)
    assert all(x["cluster_label"] is None for x in lines if x["cluster_id"] == -1)
    # -1 is for bad rows only: every review, one-offs included, gets a group
    assert all(x["cluster_id"] >= 0 for x in lines if "error" not in x)
    rows = {r["编号"]: r["评论内容"] for r in csv.DictReader(open(src, encoding="gbk"))}
    dark = {x["cluster_id"] for x in lines if "夜间模式" in rows[x["id"]] and x["cluster_id"] >= 0}
    assert len(dark) == 1  # one request, many voices


def test_missing_input_is_one_line_error(tmp_path):
    r = _run("classify", str(tmp_path / "nope.csv"), "-o", str(tmp_path / "o.jsonl"))
    assert r.returncode != 0
    assert r.stderr.strip().count("\n") == 0 and "no such file" in r.stderr


def test_file_without_text_column_is_one_line_error(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("id,foo\n1,bar\n", encoding="utf-8")
    r = _run("cluster", str(p), "-o", str(tmp_path / "o.jsonl"))
    assert r.returncode == 1 and "no text column" in r.stderr and r.stderr.strip().count("\n") == 0


def test_ingest_command_quarantines_and_is_idempotent(tmp_path, monkeypatch):
    p = tmp_path / "in.csv"
    p.write_text("id,内容,时间\n1,闪退了,2026-09-01\n2,,2026-09-01\n3,好用,不是日期\n", encoding="utf-8")
    env_db = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("HUISHENG_DATABASE_URL", env_db)
    r = _run("ingest", "--no-flow", str(p))
    assert r.returncode == 0, r.stderr
    assert "new 1" in r.stdout and "quarantined 2" in r.stdout
    assert f"{p}:3: empty text" in r.stderr and f"{p}:4: unparsable date" in r.stderr
    r2 = _run("ingest", "--no-flow", str(p))
    assert "new 0" in r2.stdout and "quarantined 0" in r2.stdout


def test_a_file_of_bad_rows_only_is_written_not_a_crash(tmp_path):
    """`huisheng cluster` on a file whose every row is bad, that has no rows, or whose rows are only an export's
    stamps used to fail with scikit-learn's "empty vocabulary"; every row still gets its output line."""
    p = tmp_path / "blank.csv"
    p.write_text("id,text\n1,\n2, \n", encoding="utf-8")
    for command in ("cluster", "classify"):
        out = tmp_path / f"{command}.jsonl"
        r = _run(command, str(p), "-o", str(out))
        assert r.returncode == 0, r.stderr
        lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
        assert [(x["id"], x["error"]) for x in lines] == [("1", "empty text"), ("2", "empty text")]
    header_only = tmp_path / "header.csv"
    header_only.write_text("id,text\n", encoding="utf-8")
    r = _run("cluster", str(header_only), "-o", str(tmp_path / "h.jsonl"))
    assert r.returncode == 0 and (tmp_path / "h.jsonl").read_text() == "", r.stderr
    # rows that are only what an export added (a removed stamp, a separator): each still gets its own group
    stamps = tmp_path / "stamps.csv"
    stamps.write_text("id,text\n1,（该条评论已被删除）\n2,------\n", encoding="utf-8")
    r = _run("cluster", str(stamps), "-o", str(tmp_path / "s.jsonl"))
    assert r.returncode == 0, r.stderr
    lines = [json.loads(x) for x in (tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["1", "2"] and len({x["cluster_id"] for x in lines}) == 2
    assert all(x["cluster_id"] >= 0 for x in lines)


def test_ingest_a_folder_reads_the_feedback_files_in_it(tmp_path, monkeypatch):
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.csv").write_text("id,内容\n1,闪退了\n", encoding="utf-8")
    (folder / "b.jsonl").write_text('{"id": "2", "text": "希望加夜间模式"}\n', encoding="utf-8")
    (folder / "notes.md").write_text("not feedback", encoding="utf-8")
    (folder / "README.txt").write_text("Exported from 七麦", encoding="utf-8")
    (folder / "~$b.xlsx").write_bytes(b"lock")  # Excel's lock file while b.xlsx is open
    (folder / ".partial.csv").write_text("id,内容\n9,还在写\n", encoding="utf-8")
    monkeypatch.setenv("HUISHENG_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    r = _run("ingest", "--no-flow", str(folder))
    assert r.returncode == 0, r.stderr
    assert [ln.split(":")[0] for ln in r.stdout.splitlines()] == [str(folder / "a.csv"), str(folder / "b.jsonl")]
    empty = tmp_path / "empty"
    empty.mkdir()
    r = _run("ingest", "--no-flow", str(empty))
    assert r.returncode == 1 and "a folder with no feedback files" in r.stderr and r.stderr.strip().count("\n") == 0


def test_board_on_a_port_in_use_is_one_clear_line(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = _run("board", "--port", str(port))
    assert r.returncode == 1 and r.stdout == "", r.stdout
    assert r.stderr.strip().count("\n") == 0 and f"cannot start the board on 127.0.0.1:{port}" in r.stderr, r.stderr


def test_demo_loads_the_sample_and_serves_the_board(tmp_path, monkeypatch):
    """`huisheng demo` (what `make demo` runs): sample ingested and analysed through Prefect, board answering."""
    from sqlalchemy import func, select

    from huisheng.storage.db import Database
    from huisheng.storage.schema import Analysis, Cluster

    from conftest import free_port, wait_for_http

    port = free_port()
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    monkeypatch.setenv("HUISHENG_DATABASE_URL", url)
    monkeypatch.setenv("HUISHENG_BOARD_PORT", str(port))
    log = open(tmp_path / "demo.log", "w")
    proc = subprocess.Popen([HUISHENG, "demo"], stdout=log, stderr=subprocess.STDOUT, env=isolated_env())
    try:
        wait_for_http(f"http://127.0.0.1:{port}/_stcore/health", proc, tmp_path / "demo.log", timeout=400)
        db = Database(url)
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(Analysis)) == 2075
            assert s.scalar(select(func.count()).select_from(Cluster)) > 20
        out = (tmp_path / "demo.log").read_text()
        assert f"http://127.0.0.1:{port}" in out and "analyze: 2075 items classified" in out
        # demo accounts for the three roles, printed with passwords that sign in
        from huisheng.services import accounts

        printed = {ln.split()[1]: (ln.split()[0], ln.split()[2]) for ln in out.splitlines() if ln.startswith("  ")
                   and len(ln.split()) == 3 and ln.split()[1].startswith("demo-")}
        assert {role for role, _ in printed.values()} == {"moderator", "pm", "admin"}
        with db.session() as s:
            for name, (role, password) in printed.items():
                assert accounts.authenticate(s, name, password).principal.role == role
    finally:
        proc.terminate()
        proc.wait(30)
