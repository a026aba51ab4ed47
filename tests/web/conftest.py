"""Fixtures for the browser display: a server on loopback serving a stand-in for the display."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import aiohttp
import pytest
from web_support import FAKE_DISPLAY

from intervisie_tui.web.server import DisplayServer


@dataclass
class Served:
    server: DisplayServer
    origin: str  # e.g. http://127.0.0.1:41234
    http: aiohttp.ClientSession

    @property
    def url(self) -> str:
        return f"{self.origin}{self.server.base_path}"

    @property
    def websocket_url(self) -> str:
        return f"{self.url}ws"


@pytest.fixture
async def serve(tmp_path) -> AsyncIterator[Callable[..., object]]:
    """Start a display server on 127.0.0.1 at a free port; every one started is stopped at the end of the test."""
    started: list[DisplayServer] = []
    async with aiohttp.ClientSession() as http:

        async def start(command: list[str] | None = None, *, lang: str = "nl", max_viewers: int = 4) -> Served:
            server = DisplayServer(command or FAKE_DISPLAY, lang=lang, max_viewers=max_viewers)
            port = await server.start("127.0.0.1", 0)
            started.append(server)
            return Served(server, f"http://127.0.0.1:{port}", http)

        try:
            yield start
        finally:
            for server in started:
                await server.stop()
