"""``python -m dotterel`` is the same command line as the ``dotterel`` script."""

from __future__ import annotations

import subprocess
import sys


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dotterel", "settings", "--markdown"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "| `db` | `DOTTEREL_DB` |" in done.stdout
