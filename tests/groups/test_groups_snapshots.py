"""SVG snapshots of the groups screen and of the set-up from a group, in Dutch and English.

Deterministic: the group is seeded with fixed dates and the screen is told what day it is.
They live beside the other groups tests (they share its seeded group); regenerate after an
intended change with `pytest tests/groups/test_groups_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from intervisie_tui.core.library import load_library

from .groupapp import TODAY, group_app, seeded_group

SIZE = (100, 32)


def driver(keys_after: tuple[str, ...]):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        pilot.app.screen.today = TODAY
        pilot.app.screen.refresh_language()
        await pilot.press("down", *keys_after)
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_groups_screen(snap_compare, private_dirs, lang):
    data = private_dirs[1]
    seeded_group(data)
    app = group_app(load_library(None, entry_points=()), data, lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=driver(()))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_setup_from_a_group(snap_compare, private_dirs, lang):
    data = private_dirs[1]
    seeded_group(data)
    app = group_app(load_library(None, entry_points=()), data, lang)
    assert snap_compare(app, terminal_size=(120, 40), run_before=driver(("s", "down", "e", "ctrl+s")))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_group_form(snap_compare, private_dirs, lang):
    """The form of an existing group at 80x24: every field in view, the footer whole."""
    data = private_dirs[1]
    seeded_group(data)
    app = group_app(load_library(None, entry_points=()), data, lang)
    open_form = driver(("e",))

    async def run_before(pilot) -> None:
        await open_form(pilot)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False  # the cursor always shown: the same picture however loaded the machine
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
