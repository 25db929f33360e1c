"""`huisheng eval` as a user runs it: its own file because it trains a model and scores every dev set on this
machine (the App Store set per app when ../shared is present), the longest CLI test; `make test` spreads files
over workers."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from huisheng.models import CATEGORIES

HUISHENG = shutil.which("huisheng", path=str(Path(sys.executable).parent)) or "huisheng"


def test_eval_prints_per_class_metrics():
    r = subprocess.run([HUISHENG, "eval"], capture_output=True, text=True, env=os.environ.copy(), timeout=600)
    assert r.returncode == 0, r.stderr
    for c in CATEGORIES:
        assert c in r.stdout
    assert "precision" in r.stdout and "macro-F1" in r.stdout
    from huisheng.services.devsets import CHOOSE_APPS, REPORT_APPS, load_appstore_dev

    if load_appstore_dev():  # ../shared present: the App Store set per app, choose and report apps apart
        assert "App Store dev set" in r.stdout and "by app" in r.stdout
        assert all(app in r.stdout for app in (*CHOOSE_APPS, *REPORT_APPS))
    else:
        assert "skipped" in r.stdout
