"""Helpers for tests that drive real `huisheng` processes: a feedback file, the console script, the invariants a
database must keep whatever happened to the runs, and cleanup of any process a run left behind."""

from __future__ import annotations

import csv
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

HUISHENG = shutil.which("huisheng", path=str(Path(sys.executable).parent)) or "huisheng"

TOPICS = {
    "bug": ["更新后一打开就闪退", "{v}版本打开app直接闪退", "登录一直失败，提示网络错误", "短信验证码收不到，登不上",
            "付款失败但是钱扣了", "点开就白屏，重装也没用"],
    "feature_request": ["希望增加夜间模式", "能不能出个深色模式", "建议支持导出Excel", "求多账本功能",
                        "要是有桌面小组件就好了", "希望能加个预算提醒"],
    "spam": ["兼职日结，加v qn{n}", "宝妈在家也能赚，加微信 ab{n}cd", "刷单返利日入三百，扣扣{n}"],
    "other": ["挺好用的", "界面简洁，用了{n}天了", "怎么设置预算？", "会员有点贵", "还行吧"],
}


def feedback_csv(path: Path, n: int, start: int = 0, seed: int = 7) -> Path:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "text", "created_at"])
        for i in range(start, start + n):
            cat = rng.choice(list(TOPICS))
            text = rng.choice(TOPICS[cat]).format(v=f"3.{rng.randint(0, 9)}.0", n=rng.randint(10000, 99999))
            w.writerow([f"r{i}", text + rng.choice(["", "！", "。。。", "，服了", "，急"]), f"2026-09-{1 + i % 28:02d} 10:00:00"])
    return path


def fresh_prefect_home() -> str:
    """A Prefect home of its own for one `huisheng` process, copied from a template migrated once per test worker.

    Each process that runs a flow without a server starts a temporary Prefect server on its home's SQLite database.
    Sharing one home across processes raced: a run killed with -9 (or one still shutting down) next to the next run's
    server once made creating a flow run fail with 409 (FOREIGN KEY constraint failed on flow_run). Migrating a new
    home costs ~12 s a process; copying a migrated one costs milliseconds."""
    base = Path(os.environ["PREFECT_HOME"]).parent
    template = base / "prefect-template"
    if not (template / "prefect.db").is_file():
        building = Path(tempfile.mkdtemp(prefix="prefect-template-", dir=base))
        prefect = shutil.which("prefect", path=str(Path(sys.executable).parent)) or "prefect"
        subprocess.run([prefect, "server", "database", "upgrade", "-y"], env={**os.environ, "PREFECT_HOME": str(building)},
                       check=True, capture_output=True, timeout=300)
        building.rename(template)  # whole or not at all: a test interrupted mid-migration leaves no half template
    home = Path(tempfile.mkdtemp(prefix="prefect-home-", dir=base))
    shutil.copytree(template, home, dirs_exist_ok=True)
    return str(home)


def isolated_env(**extra: str) -> dict:
    """This process's environment with a Prefect home of its own (see fresh_prefect_home) and ``extra``."""
    return {**os.environ, "PREFECT_HOME": fresh_prefect_home(), **extra}


def env_for(db_url: str, **extra: str) -> dict:
    return isolated_env(HUISHENG_DATABASE_URL=db_url, **extra)


def start_run(args: list[str], env: dict) -> subprocess.Popen:
    """A real `huisheng` process in its own session, so the test can find and clean up everything it started."""
    return subprocess.Popen([HUISHENG, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)


def wait_for_line(proc: subprocess.Popen, needle: str, timeout: float = 300) -> list[str]:
    """Read the process's stderr until a line contains ``needle``; returns the lines read."""
    import selectors

    sel = selectors.DefaultSelector()
    sel.register(proc.stderr, selectors.EVENT_READ)
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sel.select(timeout=1):
            line = proc.stderr.readline()
            if not line and proc.poll() is not None:
                break
            lines.append(line)
            if needle in line:
                return lines
        elif proc.poll() is not None:
            break
    raise AssertionError(f"never saw {needle!r}; exit {proc.poll()}; stderr: {''.join(lines)[-3000:]}")


def session_pids(sid: int) -> list[int]:
    """Processes of the session ``sid`` (a run started with start_new_session, and whatever it spawned)."""
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if os.getsid(int(d.name)) == sid and (d / "stat").read_text().split()[2] != "Z":
                    out.append(int(d.name))
            except (OSError, IndexError):
                continue
    return out


def survivors(sid: int, grace: float = 15.0) -> list[str]:
    """Command lines of the session's processes still alive after ``grace`` seconds (then they are killed, so a
    failing test leaves nothing behind either)."""
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and session_pids(sid):
        time.sleep(0.5)
    left = []
    for pid in session_pids(sid):
        try:
            left.append(Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")[:200])
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    return left


def corrupted_clusters(db) -> dict[str, int]:
    """What the board would get wrong: live clusters whose stored size differs from their members, clusters with
    members but no label (the board hides them), and members of merged clusters."""
    from huisheng.storage.schema import Analysis, Cluster

    with db.session() as s:
        counts = dict(s.execute(select(Analysis.cluster_id, func.count()).where(Analysis.cluster_id.is_not(None))
                                .group_by(Analysis.cluster_id)).all())
        clusters = list(s.execute(select(Cluster.id, Cluster.size, Cluster.label, Cluster.merged_into)))
    live = [c for c in clusters if c.merged_into is None]
    return {
        "size_mismatch": sum(1 for c in live if c.size != counts.get(c.id, 0)),
        "unlabelled_with_members": sum(1 for c in live if counts.get(c.id, 0) and not c.label),
        "members_in_merged": sum(counts.get(c.id, 0) for c in clusters if c.merged_into is not None),

    }
