"""Leave no process behind (issue 12 item 12): the temporary Prefect server that a `huisheng` command starts
outlived SIGTERM and SIGKILL of the command.

``start(token)`` marks this process's environment with ``HUISHENG_RUN_TOKEN=<token>`` (every child started from
now on, such as Prefect's server, inherits it) and spawns this module as a small separate process. It polls its
parent; once the parent is gone (normal exit, crash, SIGTERM or kill -9) it sends SIGTERM, then SIGKILL, to every
process still carrying the token, and exits. It ignores SIGINT and SIGTERM so a Ctrl+C to the terminal's process
group does not take it down before it has cleaned up.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

TOKEN_VAR = "HUISHENG_RUN_TOKEN"


def start() -> subprocess.Popen | None:
    if not Path("/proc").is_dir():
        return None  # no /proc to find the children in
    # an outer guard (a test session, another huisheng) keeps its own token on us; our children get a new one
    token = uuid.uuid4().hex
    env = {k: v for k, v in os.environ.items() if k != TOKEN_VAR}
    proc = subprocess.Popen([sys.executable, "-m", "huisheng.watchdog", str(os.getpid()), token], env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            close_fds=True)
    os.environ[TOKEN_VAR] = token
    return proc


def marked(token: str) -> list[int]:
    needle = f"{TOKEN_VAR}={token}".encode()
    me = os.getpid()
    out = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit() or int(d.name) == me:
            continue
        try:
            if needle in (d / "environ").read_bytes().split(b"\0"):
                out.append(int(d.name))
        except OSError:
            continue
    return out


def clean_up(token: str, grace: float = 10.0) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        pids = marked(token)
        for pid in pids:
            try:
                os.kill(pid, sig)
            except OSError:
                pass
        deadline = time.monotonic() + grace
        while pids and time.monotonic() < deadline:
            time.sleep(0.2)
            pids = [p for p in pids if Path(f"/proc/{p}").exists() and not _zombie(p)]
        if not pids:
            return


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return True


def main(parent: int, token: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    while os.getppid() == parent:
        time.sleep(0.5)
    clean_up(token)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
