"""The web server behind `intervisie display --web`: textual-serve's app protocol behind our own gate.

We keep textual-serve (pinned `>=1.1.3,<1.2`) for what it does well, running a Textual app per browser through
its `AppService` and its bundled xterm.js client (`textual.js`). We do not use its `Server`: it has no
authentication, answers every path, lists its static folder, builds the websocket address from a fixed
`public_url` (wrong behind `--lan`) and its page loads web fonts from outside. So this module has its own routes,
all below `/v/<token>/`, a guard that checks token, Host and Origin on every request, a viewer limit, and a page
that loads nothing from elsewhere.
"""

from __future__ import annotations

import asyncio
import json
import shlex
from asyncio.subprocess import Process
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from ..i18n import t
from .access import MAX_VIEWERS, PATH_PREFIX, HostRule, ViewerSlots, new_token, same_origin, token_in_path
from .page import COMMON_HEADERS, REFUSED_POLICY, display_page, display_policy, font_size_from, refused_page

# How long a viewer's display process may take to quit before it is killed.
STOP_GRACE_SECONDS = 3.0
# The client only sends small JSON messages (size, ping, focus).
MAX_MESSAGE_BYTES = 64 * 1024
MAX_CELLS = 1000
TRY_AGAIN_LATER = 1013


def _textual_serve_static() -> Path:
    return Path(str(files("textual_serve").joinpath("static")))


def _own_static() -> Path:
    return Path(str(files(__package__).joinpath("static")))


def static_assets() -> dict[str, Path]:
    """Every file the page may load, by the name it is served under; nothing else is served."""
    theirs = _textual_serve_static()
    ours = _own_static()
    return {
        "textual.js": theirs / "js" / "textual.js",
        "xterm.css": theirs / "css" / "xterm.css",
        "roboto-mono.ttf": theirs / "fonts" / "RobotoMono-VariableFont_wght.ttf",
        "page.css": ours / "page.css",
        "page.js": ours / "page.js",
    }


class ViewerProcess(AppService):
    """One viewer's display process, started without a shell; its end closes the browser's connection, so the
    page says so; and it is killed if it does not quit in time (AppService would wait forever)."""

    def __init__(self, argv: Sequence[str], **service: Any) -> None:
        super().__init__(shlex.join(argv), **service)
        self.argv = list(argv)

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        # AppService runs its command through the shell: quoting would differ per platform, and the process to
        # stop would be the shell rather than the display.
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width=width, height=height),
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def run(self) -> None:
        await super().run()
        await self.remote_close()

    async def stop(self) -> None:
        process = self._process
        try:
            await asyncio.wait_for(super().stop(), STOP_GRACE_SECONDS)
            # Its output ends a moment before the process does: wait for that, rather than kill a process that
            # has just exited (killing reaps it behind asyncio's back).
            if process is not None:
                await asyncio.wait_for(process.wait(), STOP_GRACE_SECONDS)
        except TimeoutError:
            pass
        finally:
            if process is not None and process.returncode is None:  # stuck, or this wait was cancelled
                process.kill()


def _cells(value: object, default: int) -> int:
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
    return min(max(number, 1), MAX_CELLS)


class DisplayServer:
    """Serves a read-only Textual command to at most `max_viewers` browsers that know the token."""

    def __init__(
        self,
        command: Sequence[str],
        *,
        lang: str,
        lan: bool = False,
        token: str | None = None,
        max_viewers: int = MAX_VIEWERS,
    ) -> None:
        self.command = list(command)
        self.lang = lang
        self.lan = lan
        self.token = token or new_token()
        self.slots = ViewerSlots(max_viewers)
        self.assets = static_assets()
        self.port: int | None = None
        self._host_rule: HostRule | None = None
        self._sockets: set[web.WebSocketResponse] = set()
        self._downloads = DownloadManager()
        self._runner: web.AppRunner | None = None

    @property
    def base_path(self) -> str:
        return f"{PATH_PREFIX}{self.token}/"

    def application(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        base = self.base_path
        app.add_routes(
            [
                web.get(base.rstrip("/"), self._redirect_to_base),
                web.get(base, self._page),
                web.get(f"{base}ws", self._websocket),
                web.get(base + "static/{name}", self._asset),
            ]
        )
        app.on_response_prepare.append(self._add_common_headers)
        app.on_shutdown.append(self._close_viewers)
        return app

    async def start(self, host: str, port: int) -> int:
        """Listen on `host:port` (0 picks a free port) and return the port; OSError when that is not possible."""
        self._runner = web.AppRunner(self.application(), access_log=None, shutdown_timeout=STOP_GRACE_SECONDS)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        try:
            await site.start()
        except BaseException:
            await self._runner.cleanup()
            self._runner = None
            raise
        self.port = int(self._runner.addresses[0][1])
        self._host_rule = HostRule(self.port, self.lan, host)
        return self.port

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # -- the gate -------------------------------------------------------------------------------------------

    def _refuse(self, status: int, reason_key: str, title_key: str = "web.refused.title") -> web.Response:
        response = web.Response(
            status=status, text=refused_page(self.lang, title_key, reason_key), content_type="text/html"
        )
        response.headers["Content-Security-Policy"] = REFUSED_POLICY
        return response

    @web.middleware
    async def _guard(self, request: web.Request, handler) -> web.StreamResponse:
        """Every request, whatever its path: the right Host, no foreign Origin, the token, and only reading."""
        assert self._host_rule is not None
        if not self._host_rule.allows(request.headers.get("Host")):
            return self._refuse(421, "web.refused.host")
        origin = request.headers.get("Origin")
        if origin is not None and not same_origin(origin, request.host):
            return self._refuse(403, "web.refused.origin")
        if not token_in_path(request.path, self.token):
            return self._refuse(403, "web.refused.token")
        if request.method not in ("GET", "HEAD"):
            return self._refuse(405, "web.refused.method")
        try:
            return await handler(request)
        except web.HTTPNotFound:
            return self._refuse(404, "web.refused.not_found")
        except web.HTTPMethodNotAllowed:
            return self._refuse(405, "web.refused.method")

    async def _add_common_headers(self, request: web.Request, response: web.StreamResponse) -> None:
        for name, value in COMMON_HEADERS.items():
            response.headers.setdefault(name, value)

    # -- routes ---------------------------------------------------------------------------------------------

    async def _redirect_to_base(self, request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(self.base_path)

    def websocket_url(self, request: web.Request) -> str:
        # From the Host the browser used (checked by the guard), so the address works on loopback and on the LAN.
        return f"ws://{request.host}{self.base_path}ws"

    async def _page(self, request: web.Request) -> web.StreamResponse:
        if self.slots.full:
            return self._refuse(503, "web.full", "web.full.title")
        websocket_url = self.websocket_url(request)
        page = display_page(self.lang, websocket_url, font_size_from(request.query.get("fontsize")))
        response = web.Response(text=page, content_type="text/html")
        response.headers["Content-Security-Policy"] = display_policy(websocket_url)
        return response

    async def _asset(self, request: web.Request) -> web.StreamResponse:
        path = self.assets.get(request.match_info["name"])
        if path is None:
            return self._refuse(404, "web.refused.not_found")
        return web.FileResponse(path)

    async def _websocket(self, request: web.Request) -> web.StreamResponse:
        if request.headers.get("Origin") is None:  # every browser sends one; its value was checked by the guard
            return self._refuse(403, "web.refused.origin")
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE_BYTES)
        if not self.slots.take():
            await websocket.prepare(request)
            reason = t("web.full.close_reason", self.lang, limit=self.slots.limit)
            await websocket.close(code=TRY_AGAIN_LATER, message=reason.encode("utf-8")[:123])
            return websocket
        try:
            await websocket.prepare(request)
            self._sockets.add(websocket)
            await self._run_viewer(websocket, request)
        finally:
            self._sockets.discard(websocket)
            self.slots.release()
        return websocket

    async def _run_viewer(self, websocket: web.WebSocketResponse, request: web.Request) -> None:
        viewer = ViewerProcess(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self._downloads,
        )
        await viewer.start(_cells(request.query.get("width"), 80), _cells(request.query.get("height"), 24))
        try:
            await self._relay(websocket, viewer)
        finally:
            await viewer.stop()

    async def _relay(self, websocket: web.WebSocketResponse, viewer: ViewerProcess) -> None:
        """Pass the browser's size, focus and pings on; never its keys or mouse: the display is only watched."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
                kind = envelope[0]
            except (ValueError, TypeError, IndexError, KeyError, RecursionError):  # not the client's JSON
                continue
            if kind == "resize" and len(envelope) > 1 and isinstance(envelope[1], dict):
                size = envelope[1]
                await viewer.set_terminal_size(_cells(size.get("width"), 80), _cells(size.get("height"), 24))
            elif kind == "ping" and len(envelope) > 1:
                await websocket.send_json(["pong", envelope[1]])
            elif kind == "focus":
                await viewer.focus()
            elif kind == "blur":
                await viewer.blur()

    async def _close_viewers(self, app: web.Application) -> None:
        """On stop, close every viewer's socket so each display process is told to quit."""
        for websocket in list(self._sockets):
            await websocket.close(code=WSCloseCode.GOING_AWAY)
