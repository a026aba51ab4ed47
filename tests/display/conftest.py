"""A scripted facilitator: a runner whose events go to a real journal in a temp data folder,
the pointer naming it and the app's heartbeat kept fresh on the fake clock."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest

from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.store.room_link import APP_HEARTBEAT, write_pointer
from intervisie_tui.store.sessions import Store

SECRET = "VERTROUWELIJK-Zoë-7f3a"  # a note that must never reach the room


class Facilitator:
    def __init__(self, data_dir, plan, clock) -> None:
        self.clock = clock
        self.store = Store(data_dir)
        self.start(plan)

    def start(self, plan) -> None:
        self.journal = self.store.start_live(plan)
        self.runner = SessionRunner(plan, self.clock, listeners=[self.journal.append])
        write_pointer(self.store.live_dir, self.journal.id)
        self.beat()

    def wall(self) -> float:
        return self.clock.wall().timestamp()

    def beat(self) -> None:
        path = self.store.live_dir / APP_HEARTBEAT
        path.touch()
        os.utime(path, (self.wall(), self.wall()))


@pytest.fixture
def facilitator(private_dirs, incident_plan, clock) -> Facilitator:
    plan = replace(incident_plan, case_title=SECRET, case_question=SECRET)
    return Facilitator(private_dirs[1], plan, clock)
