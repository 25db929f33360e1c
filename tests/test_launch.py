"""`huisheng board` starts Streamlit through huisheng.app.launch (the pages' modules imported before it listens)."""

from __future__ import annotations

import subprocess
import sys


def test_launch_passes_its_arguments_to_streamlit_after_the_warm_up():
    code = ("import sys, huisheng.app.launch as l; from streamlit.web import cli; "
            "cli.main = lambda: print('streamlit got', sys.argv[1:], 'altair' in sys.modules, "
            "'huisheng.app.clusters_data' in sys.modules) or 0; sys.argv = ['x', 'run', 'board.py', '--server.port', '1']; "
            "l.main()")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert r.returncode == 0, r.stderr
    assert "streamlit got ['run', 'board.py', '--server.port', '1'] True True" in r.stdout
