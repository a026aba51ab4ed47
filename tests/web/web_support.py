"""What the browser display's tests share: the stand-in commands, the deadline, and a process check."""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).parent
FAKE_DISPLAY = [sys.executable, str(HERE / "fake_display.py")]
COUNTDOWN_APP = [sys.executable, str(HERE / "countdown_app.py")]
DEADLINE_SECONDS = 10.0


def process_alive(pid: int) -> bool:
    """POSIX only: on Windows `os.kill(pid, 0)` would end the process."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
