"""Shared fixtures: every test gets its own config and data folders and a fake clock."""

from __future__ import annotations

import pytest
import quiet_pilot

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.library import MethodLibrary, load_library
from intervisie_tui.core.plan import SessionPlan

PEOPLE = ("Anna", "Bram", "Cem", "Dewi")


def pytest_configure(config) -> None:
    quiet_pilot.install()  # no real-time waits in Textual's pilot (quiet_pilot.py)


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    """Never touch the developer's real settings, methods or sessions."""
    config = tmp_path / "config"
    data = tmp_path / "data"
    monkeypatch.setenv("INTERVISIE_CONFIG_DIR", str(config))
    monkeypatch.setenv("INTERVISIE_DATA_DIR", str(data))
    monkeypatch.setenv("INTERVISIE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return config, data


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def library() -> MethodLibrary:
    return load_library(None, entry_points=())


@pytest.fixture
def incident_plan(library) -> SessionPlan:
    return SessionPlan.create(library.get("incident"), list(PEOPLE), inbrenger="Bram", budget_minutes=90)
