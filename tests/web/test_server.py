"""The browser display's server on loopback: who is refused, what the page loads, and the viewers' processes."""

from __future__ import annotations

import asyncio
import os
import re
import sys
from pathlib import Path

import aiohttp
import pytest
from web_support import COUNTDOWN_APP, DEADLINE_SECONDS, FAKE_DISPLAY, process_alive

from intervisie_tui.web import server as server_module
from intervisie_tui.web.server import TRY_AGAIN_LATER


def _origin_of(served) -> dict[str, str]:
    return {"Origin": served.origin}


async def _status(served, path: str, **headers: str) -> tuple[int, str]:
    async with served.http.get(f"{served.origin}{path}", headers=headers, allow_redirects=False) as response:
        return response.status, await response.text()


async def _handshake_status(served, url: str, **headers: str) -> int:
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        async with served.http.ws_connect(url, headers=headers):
            pass
    return refused.value.status


async def _receive_until(websocket, needle: bytes) -> bytes:
    """Bytes from the viewer's display until `needle` shows, within the deadline."""
    seen = b""
    async with asyncio.timeout(DEADLINE_SECONDS):
        while needle not in seen:
            message = await websocket.receive()
            assert message.type == aiohttp.WSMsgType.BINARY, message
            seen += message.data
    return seen


# -- refused ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/ws", "/static/js/textual.js", "/static/", "/download/x", "/v/", "/v//"])
async def test_no_token_is_refused_on_every_route(serve, path):
    served = await serve()
    status, text = await _status(served, path)
    assert status == 403
    assert "Dit adres klopt niet" in text


async def test_a_wrong_token_is_refused_on_the_page_the_assets_and_the_websocket(serve):
    served = await serve()
    token = served.server.token
    other_case = token.upper() if token.upper() != token else token.lower()
    for wrong in (token[:-1], token + "x", other_case, "x" * len(token)):
        for path in (f"/v/{wrong}/", f"/v/{wrong}", f"/v/{wrong}/static/textual.js", f"/v/{wrong}/ws"):
            status, _ = await _status(served, path)
            assert status == 403, path
    assert await _handshake_status(served, f"{served.origin}/v/{token[:-1]}/ws", **_origin_of(served)) == 403


async def test_a_query_string_token_is_not_a_token(serve):
    served = await serve()
    status, _ = await _status(served, f"/?token={served.server.token}")
    assert status == 403


async def test_a_foreign_origin_is_refused_on_the_page_and_the_websocket(serve):
    served = await serve()
    for origin in ("http://evil.example", "null", "https://127.0.0.1:1", served.origin.replace("http:", "https:")):
        status, text = await _status(served, served.server.base_path, Origin=origin)
        assert status == 403, origin
        assert "andere website" in text
        assert await _handshake_status(served, served.websocket_url, Origin=origin) == 403


async def test_a_websocket_without_origin_is_refused(serve):
    served = await serve()
    assert await _handshake_status(served, served.websocket_url) == 403


async def test_a_host_other_than_this_machine_is_refused(serve):
    """DNS rebinding: a page at evil.example whose name now points here still gets nothing."""
    served = await serve()
    port = served.server.port
    for host in (f"evil.example:{port}", "127.0.0.1:1", f"192.168.1.5:{port}"):
        status, _ = await _status(served, served.server.base_path, Host=host)
        assert status == 421, host


async def test_only_reading_is_allowed(serve):
    served = await serve()
    async with served.http.post(served.url, data=b"x", headers=_origin_of(served)) as response:
        assert response.status == 405


async def test_unknown_files_under_the_token_are_not_found(serve):
    served = await serve()
    for name in ("nope.js", "..%2F..%2Fserver.py", "js/textual.js", "../templates/display.html", ""):
        status, _ = await _status(served, f"{served.server.base_path}static/{name}")
        assert status in (403, 404), name
        assert status == 404 or name.startswith("..")


async def test_the_address_without_a_slash_goes_to_the_page(serve):
    served = await serve()
    async with served.http.get(served.url.rstrip("/"), allow_redirects=False) as response:
        assert response.status == 302
        assert response.headers["Location"] == served.server.base_path


# -- the page ---------------------------------------------------------------------------------------------------

URL = re.compile(r"(?:https?|wss?)://([^/\s\"'`)<>]+)", re.IGNORECASE)
REFERENCE = re.compile(r"""(?:src|href)\s*=\s*["']([^"']*)["']|url\(\s*["']?([^"')]*)""", re.IGNORECASE)
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def _foreign_hosts(text: str, own_host: str) -> set[str]:
    return {host for host in URL.findall(text) if host != own_host}


async def test_the_page_and_everything_it_loads_name_no_other_host(serve):
    served = await serve()
    own_host = served.origin.removeprefix("http://")
    async with served.http.get(served.url) as response:
        assert response.status == 200
        page = await response.text()
        policy = response.headers["Content-Security-Policy"]
        assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "default-src 'none'" in policy and f"connect-src ws://{own_host}/" in policy
    assert _foreign_hosts(page, own_host) == set()
    assert f'data-session-websocket-url="ws://{own_host}{served.server.base_path}ws"' in page

    loaded = [first or second for first, second in REFERENCE.findall(page) if not (first or second).startswith("data:")]
    assert sorted(loaded) == ["static/page.css", "static/page.js", "static/textual.js", "static/xterm.css"]
    for reference in loaded:
        assert "//" not in reference and not reference.startswith("/"), reference
        async with served.http.get(served.url + reference) as response:
            assert response.status == 200, reference
            text = await response.text()
        # A licence notice names its project's home page; comments load nothing, everything else must be ours.
        is_css = reference.endswith(".css")
        code = CSS_COMMENT.sub("", text) if is_css else text
        assert _foreign_hosts(code, own_host) == set(), reference
        assert "@import" not in code and "googleapis" not in code, reference
        for asset in (second for _, second in REFERENCE.findall(code)) if is_css else ():
            if not asset.startswith("data:"):
                assert "//" not in asset, (reference, asset)
                async with served.http.get(served.url + "static/" + asset) as asset_response:
                    assert asset_response.status == 200, asset


async def test_the_page_speaks_the_chosen_language_and_names_no_command(serve):
    served = await serve(lang="en")
    async with served.http.get(served.url) as response:
        page = await response.text()
    assert '<html lang="en">' in page and "Connecting to the display" in page
    assert "fake_display" not in page and os.sep + "tests" not in page


# -- viewers ----------------------------------------------------------------------------------------------------


async def test_a_viewer_sees_the_display_and_may_resize_but_not_type(serve):
    served = await serve()
    async with served.http.ws_connect(served.websocket_url + "?width=100&height=30", headers=_origin_of(served)) as ws:
        assert b"countdown 04:59" in await _receive_until(ws, b"04:59")
        await ws.send_json(["stdin", "q"])
        await ws.send_json(["resize", {"width": 120, "height": 40}])
        shown = await _receive_until(ws, b"size ")
        assert b"INPUT" not in shown  # keys go nowhere: the fake display answers any input with INPUT
        assert shown.endswith(b"size 120x40")
        await ws.send_json(["resize", {"width": 10**9, "height": "x"}])
        assert (await _receive_until(ws, b"size ")).endswith(b"size 1000x24")
        await ws.send_str("not json [")
        await ws.send_json(["ping", "t1"])
        assert await ws.receive_json(timeout=DEADLINE_SECONDS) == ["pong", "t1"]


HOSTILE_MESSAGES = (
    "[" * 30000 + "]" * 30000,  # nested deeper than json can follow
    "{}",
    "[]",
    "5",
    '"resize"',
    '["resize"]',
    '["resize", [1, 2]]',
    '["[bold]", "[@click=x]"]',
    "\x00\x1b[2J",
    '["ping"]',
)


async def test_damaged_and_hostile_messages_from_a_viewer_change_nothing(serve):
    served = await serve()
    async with served.http.ws_connect(served.websocket_url, headers=_origin_of(served)) as ws:
        await _receive_until(ws, b"04:59")
        for junk in HOSTILE_MESSAGES:
            await ws.send_str(junk)
        await ws.send_bytes(b"\xff\x00")
        await ws.send_json(["ping", "still here"])
        assert await ws.receive_json(timeout=DEADLINE_SECONDS) == ["pong", "still here"]
    async with served.http.ws_connect(served.websocket_url, headers=_origin_of(served)) as ws:
        await _receive_until(ws, b"04:59")
        await ws.send_str("x" * (70 * 1024))  # over the limit: the connection closes, the server goes on
        assert (await ws.receive(timeout=DEADLINE_SECONDS)).type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    status, _ = await _status(served, served.server.base_path)
    assert status == 200


@pytest.mark.parametrize(
    ("query", "size"),
    [
        ("", 16),
        ("?fontsize=24", 24),
        ("?fontsize=[bold]", 16),
        ("?fontsize=99999", 96),
        ("?fontsize=-3", 8),
        ("?fontsize=%00", 16),
    ],
)
async def test_the_letter_size_may_be_chosen_within_limits(serve, query, size):
    served = await serve()
    status, page = await _status(served, served.server.base_path + query)
    assert status == 200 and f'data-font-size="{size}"' in page


async def test_a_fifth_viewer_is_refused_and_may_come_in_when_one_leaves(serve):
    served = await serve()
    headers = _origin_of(served)
    viewers = []
    for _ in range(4):
        viewer = await served.http.ws_connect(served.websocket_url, headers=headers)
        await _receive_until(viewer, b"04:59")
        viewers.append(viewer)

    async with served.http.ws_connect(served.websocket_url, headers=headers) as fifth:
        message = await fifth.receive(timeout=DEADLINE_SECONDS)
        assert message.type == aiohttp.WSMsgType.CLOSE
        assert fifth.close_code == TRY_AGAIN_LATER
        assert "4 kijkers" in message.extra
    status, text = await _status(served, served.server.base_path)
    assert status == 503 and "al 4 schermen" in text

    await viewers.pop().close()
    async with asyncio.timeout(DEADLINE_SECONDS):
        while served.server.slots.full:
            await asyncio.sleep(0.01)
    async with served.http.ws_connect(served.websocket_url, headers=headers) as again:
        await _receive_until(again, b"04:59")
    for viewer in viewers:
        await viewer.close()


@pytest.mark.skipif(os.name == "nt", reason="checks process ids with os.kill(pid, 0)")
async def test_stopping_the_server_ends_every_viewers_process(serve, tmp_path):
    pids = tmp_path / "pids"
    served = await serve([*FAKE_DISPLAY, str(pids)])
    viewers = [await served.http.ws_connect(served.websocket_url, headers=_origin_of(served)) for _ in range(2)]
    for viewer in viewers:
        await _receive_until(viewer, b"04:59")
    await served.server.stop()
    for viewer in viewers:
        message = await viewer.receive(timeout=DEADLINE_SECONDS)
        assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    started = [int(line) for line in Path(pids).read_text().split()]
    assert len(started) == 2
    async with asyncio.timeout(DEADLINE_SECONDS):
        while any(process_alive(pid) for pid in started):
            await asyncio.sleep(0.01)


@pytest.mark.skipif(os.name == "nt", reason="checks process ids with os.kill(pid, 0)")
async def test_a_display_that_does_not_quit_is_killed(serve, tmp_path, monkeypatch):
    monkeypatch.setattr(server_module, "STOP_GRACE_SECONDS", 0.2)
    pid_file = tmp_path / "pid"
    stuck = (  # ignores the quit message: reads its input to the end, which never comes
        "import os, sys; open(sys.argv[1], 'w').write(str(os.getpid())); print('__GANGLION__', flush=True); "
        "sys.stdin.buffer.read()"
    )
    served = await serve([sys.executable, "-c", stuck, str(pid_file)])
    async with served.http.ws_connect(served.websocket_url, headers=_origin_of(served)):
        async with asyncio.timeout(DEADLINE_SECONDS):
            while not pid_file.exists() or not pid_file.read_text():
                await asyncio.sleep(0.01)
    pid = int(pid_file.read_text())
    async with asyncio.timeout(DEADLINE_SECONDS):
        while process_alive(pid):
            await asyncio.sleep(0.01)


async def test_when_the_display_process_ends_the_viewer_is_told(serve):
    served = await serve([sys.executable, "-c", "print('__GANGLION__')"])
    async with served.http.ws_connect(served.websocket_url, headers=_origin_of(served)) as ws:
        message = await ws.receive(timeout=DEADLINE_SECONDS)
        assert message.type == aiohttp.WSMsgType.CLOSE


async def test_the_viewers_arguments_reach_it_whole_and_never_through_the_shell(serve, tmp_path):
    """No shell between the server and the display: a session name with spaces or `$(...)` stays one argument."""
    odd = tmp_path / "sessie van 'ma'; $(touch PWNED) `touch PWNED` & [bold]"
    served = await serve([*FAKE_DISPLAY, str(odd)])
    async with served.http.ws_connect(served.websocket_url, headers=_origin_of(served)) as ws:
        await _receive_until(ws, b"04:59")
    assert odd.read_text().strip().isdigit()  # the fake display wrote its pid to exactly that path
    assert not list(tmp_path.rglob("PWNED")) and not Path("PWNED").exists()


async def test_a_real_textual_app_reaches_the_viewer(serve):
    """The stand-in countdown app under Textual's web driver: its text arrives over the websocket."""
    served = await serve(COUNTDOWN_APP)
    async with served.http.ws_connect(served.websocket_url + "?width=80&height=24", headers=_origin_of(served)) as ws:
        await _receive_until(ws, b"countdown")
