"""No cyclic garbage collection from the start of a screen command until its first frame.

Start-up makes a few hundred thousand objects that all stay alive (modules, classes, pydantic's
schemas, Textual's styles); the collector's passes over them find nothing and cost about a tenth
of the time to the first frame. After the frame they are frozen (`gc.freeze`: out of the collector's
sight), so the idle collections while a clock counts down do not walk them again either.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop collecting until `resume()`; only the start of a process that draws a frame should call this."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume(*, freeze: bool = True) -> None:
    """Collect again, start-up's objects frozen first (`freeze`); does nothing unless `pause()`
    stopped collecting (tests start apps without it)."""
    global _paused
    if _paused:
        _paused = False
        if freeze:
            gc.freeze()
        gc.enable()
