"""Collection paused from a screen command's start to its first frame, and never left off."""

from __future__ import annotations

import gc

from intervisie_tui import gc_pause
from intervisie_tui.cli import main


def test_resume_collects_again_only_after_a_pause():
    assert gc.isenabled()
    gc_pause.resume()  # nothing paused (an app started by a test): nothing to do
    assert gc.isenabled()
    gc_pause.pause()
    try:
        assert not gc.isenabled()
    finally:
        gc_pause.resume(freeze=False)
    assert gc.isenabled()


def test_a_start_that_ends_before_its_first_frame_collects_again(capsys):
    assert main(["--lang", "en", "run", "--method", "nope", "--participants", "Anna,Bram"]) == 2
    assert gc.isenabled()
