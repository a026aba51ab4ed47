"""In a real browser: headless Chromium opens the display's address and its screenshot shows the countdown.

Skipped where no Chromium is installed (Debian: `apt-get install chromium`; or name one in $INTERVISIE_CHROMIUM).
"""

from __future__ import annotations

import asyncio

import pytest
from chromium import find_chromium, open_page, read_png
from countdown_app import BACKGROUND, DIGIT_COLOUR
from web_support import COUNTDOWN_APP

DEADLINE_SECONDS = 45.0  # Chromium on a busy 2-core machine; the test ends as soon as the clock shows

CHROMIUM = find_chromium()
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None, reason="no Chromium found (apt-get install chromium, or set INTERVISIE_CHROMIUM)"
    ),
]

WIDTH, HEIGHT, SCALE = 800, 450, 0.5


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _near(pixel: tuple[int, int, int], colour: tuple[int, int, int], tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


async def test_chromium_shows_the_countdown(serve, tmp_path):
    served = await serve(COUNTDOWN_APP)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + DEADLINE_SECONDS
    assert CHROMIUM is not None
    async with open_page(CHROMIUM, tmp_path / "profile", WIDTH, HEIGHT, deadline) as page:
        await page.call("Network.enable")
        await page.call("Page.navigate", url=served.url)
        while not await page.evaluate("document.body !== null && document.body.classList.contains('-first-byte')"):
            assert loop.time() < deadline, "the display's first bytes never reached the page"
            await asyncio.sleep(0.02)

        digit, background = _rgb(DIGIT_COLOUR), _rgb(BACKGROUND)
        viewport = await page.evaluate("[window.innerWidth, window.innerHeight]")
        while True:  # xterm.js paints on its next animation frame: look again until the digits are there
            shot = await page.screenshot(*viewport, SCALE)
            width, height, pixels = read_png(shot)
            lit = [index for index, pixel in enumerate(pixels) if _near(pixel, digit)]
            if len(lit) >= 200 or loop.time() > deadline:
                break
            await asyncio.sleep(0.05)
        (tmp_path / "display.png").write_bytes(shot)

    assert len(lit) >= 200, f"{len(lit)} countdown-coloured pixels in the screenshot ({tmp_path / 'display.png'})"
    assert sum(_near(pixel, background) for pixel in pixels) > len(pixels) // 2  # the app's own screen fills the page
    columns = [index % width for index in lit]
    rows = [index // width for index in lit]
    assert abs((min(columns) + max(columns)) / 2 - width / 2) < width / 8, "the countdown is centred"
    assert abs((min(rows) + max(rows)) / 2 - height / 2) < height / 4
    own = served.origin + served.server.base_path
    requested = [url for url in page.requested_urls() if not url.startswith("data:")]  # data: loads nothing
    foreign = [url for url in requested if not url.startswith((own, own.replace("http:", "ws:")))]
    assert requested and not foreign, foreign
