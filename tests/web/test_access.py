"""The rules of who may see the browser display, without a server."""

from __future__ import annotations

import socket

import pytest

from intervisie_tui.web.access import HostRule, ViewerSlots, new_token, same_origin, split_host, token_in_path


def test_tokens_are_long_random_and_url_safe():
    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50
    assert all(len(token) >= 22 and token.replace("-", "").replace("_", "").isalnum() for token in tokens)


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/v/TOKEN/", True),
        ("/v/TOKEN", True),
        ("/v/TOKEN/ws", True),
        ("/v/TOKEN/static/textual.js", True),
        ("/v/TOKENX/", False),
        ("/v/TOKE/", False),
        ("/v/token/", False),
        ("/v//TOKEN/", False),
        ("/TOKEN/", False),
        ("/", False),
        ("/v/", False),
        ("/x/v/TOKEN/", False),
        ("/v/TOK\udcffEN/", False),
        ("/v/TOK\ud800EN/", False),
        ("/v/TOKEN\x00/", False),
        ("/v/[bold]TOKEN[/]/", False),
    ],
)
def test_the_token_must_be_the_first_part_of_the_path_exactly(path, allowed):
    assert token_in_path(path, "TOKEN") is allowed


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("127.0.0.1:8040", ("127.0.0.1", 8040)),
        ("LocalHost:8040", ("localhost", 8040)),
        ("[::1]:8040", ("::1", 8040)),
        ("[::1]", ("::1", None)),
        ("example.org", ("example.org", None)),
        ("127.0.0.1:80x", ("127.0.0.1", None)),
    ],
)
def test_host_headers_are_split_into_name_and_port(header, expected):
    assert split_host(header) == expected


def test_on_loopback_only_loopback_names_at_our_port_are_answered():
    rule = HostRule(8040)
    assert rule.allows("127.0.0.1:8040") and rule.allows("localhost:8040")
    for header in (None, "", "127.0.0.1:8041", "127.0.0.1", "evil.example:8040", "192.168.1.5:8040", "[::1]:8040"):
        assert not rule.allows(header), header


def test_on_the_lan_ip_addresses_are_answered_but_never_a_domain_name():
    rule = HostRule(8040, lan=True, bound_host="0.0.0.0")
    assert rule.allows("192.168.1.5:8040") and rule.allows("[fe80::1]:8040") and rule.allows("127.0.0.1:8040")
    assert rule.allows(f"{socket.gethostname()}:8040")
    assert not rule.allows("evil.example:8040")  # DNS rebinding
    assert not rule.allows("192.168.1.5:9999")


def test_the_address_bound_to_is_answered():
    assert HostRule(8040, bound_host="::1").allows("[::1]:8040")


@pytest.mark.parametrize(
    ("origin", "allowed"),
    [
        ("http://127.0.0.1:8040", True),
        ("HTTP://127.0.0.1:8040", True),
        ("https://127.0.0.1:8040", False),
        ("http://127.0.0.1:8041", False),
        ("http://localhost:8040", False),
        ("http://evil.example", False),
        ("null", False),
        ("", False),
        (None, False),
    ],
)
def test_the_origin_must_be_the_page_the_browser_was_given(origin, allowed):
    assert same_origin(origin, "127.0.0.1:8040") is allowed


def test_viewer_slots_hold_at_most_their_limit():
    slots = ViewerSlots(2)
    assert slots.take() and slots.take()
    assert slots.full and not slots.take()
    slots.release()
    assert not slots.full and slots.take()
    for _ in range(5):
        slots.release()
    assert slots.taken == 0
