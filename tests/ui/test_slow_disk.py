"""A data folder on a slow USB stick (every write and fsync taking half a second or more): the
countdown still redraws on every tick, and nothing of the record is lost. No real sleeping:
the fake disk holds every write until the test lets it through, and the clock is a FakeClock."""

from __future__ import annotations

from slowdisk import SlowDisk, run_screen_started_on

from intervisie_tui.core.events import NoteField
from intervisie_tui.store.journal import read_journal


async def test_the_countdown_redraws_every_tick_while_the_disk_is_slow(incident_plan, clock, library):
    disk = SlowDisk()
    disk.hold()  # from the journal's first line on, the disk takes its time
    async with run_screen_started_on(disk, incident_plan, clock, library) as (app, pilot, screen):
        assert disk.waiting.wait(5)  # the writer is stuck in its first write
        shown = []
        for second in range(8):
            clock.advance(1.0)
            if second == 3:
                screen.runner.set_note(NoteField.ACTION_POINTS, "Niet kwijtraken")
            screen.tick()
            await pilot.pause()
            shown.append(screen.query_one("#countdown").value)
        assert len(set(shown)) == len(shown)  # a new time on every tick…
        assert disk.waiting.is_set() and disk.calls == []  # …while not one write got through
        journal = screen.journal
        assert journal.pending >= 1 + 1 + 8  # the header, start, a checkpoint a second, the note
        disk.let_through()
        assert app.store.settle(5.0)
        assert journal.pending == 0 and journal.problem is None
        assert disk.threads == {f"journal {journal.id}"}  # the screen's thread never wrote to it
        live = read_journal(journal.path)
        assert live.events == screen.runner.events  # everything, in order (checkpoints: the newest)
        assert live.events[-1].t == 8.0
