"""A store in the test's own data folder, and a short session with notes of every kind."""

from __future__ import annotations

import pytest
from sessionplay import play_session

from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.store.sessions import Store


@pytest.fixture
def store(private_dirs) -> Store:
    return Store()


@pytest.fixture
def played(incident_plan, clock) -> SessionRunner:
    return play_session(incident_plan, clock)
