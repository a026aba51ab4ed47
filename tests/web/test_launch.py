"""`serve_display` as the display command calls it: what it prints, how it fails, and how Ctrl+C stops it."""

from __future__ import annotations

import errno
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from web_support import DEADLINE_SECONDS, FAKE_DISPLAY, process_alive

from intervisie_tui.web import serve_display
from intervisie_tui.web.binding import Binding, plan_binding, viewer_urls
from intervisie_tui.web.launch import announce, display_command, language_in


def test_each_viewer_runs_the_read_only_display_with_the_users_options():
    command = display_command(["my-session", "--lang", "en"])
    assert command == [sys.executable, "-m", "intervisie_tui", "display", "my-session", "--lang", "en"]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [(["--lang", "en"], "en"), (["s", "--lang=nl"], "nl"), (["--lang"], None), (["--lang", "fr"], None), ([], None)],
)
def test_the_language_comes_from_the_display_options(argv, expected):
    assert language_in(argv) == expected


def test_loopback_unless_lan_is_asked_for():
    assert plan_binding("127.0.0.1", lan=False) == Binding("127.0.0.1", False)
    assert plan_binding("127.0.0.1", lan=True) == Binding("0.0.0.0", True)


def test_the_printed_addresses_carry_the_token():
    assert viewer_urls(Binding("127.0.0.1", False), 8040, "TOKEN") == ["http://127.0.0.1:8040/v/TOKEN/"]
    assert viewer_urls(Binding("::1", False), 8040, "T") == ["http://[::1]:8040/v/T/"]
    lan = Binding("0.0.0.0", True)
    assert viewer_urls(lan, 8040, "T", lambda: ["192.0.2.7"]) == ["http://192.0.2.7:8040/v/T/"]
    assert viewer_urls(lan, 8040, "T", lambda: []) == ["http://<IP>:8040/v/T/"]


def test_lan_prints_the_address_and_warns_that_it_is_confidential_and_unencrypted(capsys):
    announce(Binding("0.0.0.0", True), ["http://<IP>:8040/v/T/"], "en")
    out = capsys.readouterr().out
    assert "http://<IP>:8040/v/T/" in out and "replace <IP>" in out
    assert "confidential" in out and "not encrypted" in out
    announce(Binding("0.0.0.0", True), ["http://192.0.2.7:8040/v/T/"], "nl")
    out = capsys.readouterr().out
    assert "vertrouwelijk" in out and "niet versleuteld" in out and "<IP>" not in out


def test_loopback_prints_no_lan_warning(capsys):
    announce(Binding("127.0.0.1", False), ["http://127.0.0.1:8040/v/T/"], "nl")
    out = capsys.readouterr().out
    assert "op deze computer" in out and "versleuteld" not in out and "Ctrl+C" in out


@pytest.mark.parametrize("port", [0, -1, 65536])
def test_a_port_out_of_range_is_a_usage_error(port, capsys):
    assert serve_display([], port=port, lang="en", command=FAKE_DISPLAY) == 2
    assert "from 1 to 65535" in capsys.readouterr().err


def test_a_port_in_use_is_reported_without_a_traceback(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert serve_display([], port=port, lang="nl", command=FAKE_DISPLAY) == 1
    err = capsys.readouterr().err
    assert f"Poort {port} is al in gebruik" in err and "Traceback" not in err


def test_a_refused_listen_is_reported_with_its_reason(monkeypatch, capsys):
    from intervisie_tui.web.server import DisplayServer

    async def refuse(self, host, port):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(DisplayServer, "start", refuse)
    assert serve_display([], port=80, lang="en", command=FAKE_DISPLAY) == 1
    assert "Cannot listen on 127.0.0.1, port 80: Permission denied." in capsys.readouterr().err


def test_without_the_web_extra_it_says_how_to_install_it(monkeypatch, capsys):
    monkeypatch.delitem(sys.modules, "intervisie_tui.web.server", raising=False)
    monkeypatch.setitem(sys.modules, "textual_serve.app_service", None)
    assert serve_display([], lang="en", command=FAKE_DISPLAY) == 1
    assert 'pip install "intervisie-tui[web]"' in capsys.readouterr().err


def _read_until(stream, needle: str, deadline: float) -> str:
    seen = ""
    while needle not in seen:
        assert time.monotonic() < deadline, f"no {needle!r} in {seen!r}"
        line = stream.readline()
        assert line, f"the server ended before {needle!r}: {seen!r}"
        seen += line
    return seen


@pytest.mark.skipif(os.name == "nt", reason="Ctrl+C is sent as SIGINT")
def test_it_prints_the_address_serves_it_and_stops_cleanly_on_ctrl_c(tmp_path):
    pids = tmp_path / "pids"
    script = (
        "import sys\n"
        "from intervisie_tui.web import serve_display\n"
        f"raise SystemExit(serve_display(['--lang', 'en'], command={[*FAKE_DISPLAY, str(pids)]!r}))\n"
    )
    deadline = time.monotonic() + DEADLINE_SECONDS
    server = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        printed = _read_until(server.stdout, "Ctrl+C", deadline)
        assert "on this computer" in printed
        url = next(word for word in printed.split() if word.startswith("http://127.0.0.1:"))
        assert "/v/" in url
        with urllib.request.urlopen(url, timeout=DEADLINE_SECONDS) as page:
            assert page.status == 200
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url.split("/v/")[0] + "/", timeout=DEADLINE_SECONDS)
        assert refused.value.code == 403
        refused.value.close()

        viewer = _open_viewer(url)
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=max(0.1, deadline - time.monotonic()))
        viewer.close()
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert server.returncode == 0, err
    assert "The display in the browser has stopped." in out
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    started = [int(pid) for pid in Path(pids).read_text().split()]
    assert len(started) == 1 and not process_alive(started[0])


def _open_viewer(url: str) -> socket.socket:
    """A minimal websocket handshake by hand, so the server has a viewer process running when it is stopped."""
    host, port = url.removeprefix("http://").split("/")[0].split(":")
    path = "/" + url.removeprefix("http://").split("/", 1)[1] + "ws"
    viewer = socket.create_connection((host, int(port)), timeout=DEADLINE_SECONDS)
    viewer.sendall(
        (
            f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nOrigin: http://{host}:{port}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
        ).encode()
    )
    answer = b""
    while b"04:59" not in answer:
        chunk = viewer.recv(4096)
        assert chunk, answer
        answer += chunk
    assert answer.startswith(b"HTTP/1.1 101"), answer
    return viewer
