"""Control characters in text from files are shown as signs, never obeyed; text without them is left alone."""

from __future__ import annotations

import pytest

from intervisie_tui.core.visible import visible


@pytest.mark.parametrize(
    "text",
    ["plain", "two\nlines", "a\ttab\nand a line\n", "no-break\u00a0space\non a line", "line\u2028separator\nand more"],
)
def test_text_without_controls_stays_as_it_is(text):
    assert visible(text) == text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("first line\nretitle \x1b]0;x\x07 here\n", "first line\nretitle \u241b]0;x\u2407 here\n"),
        ("windows\r\nline\n", "windows\nline\n"),
        ("overwrite\rthis\nline", "overwrite\u240dthis\nline"),
        ("csi \x9b2J\n", "csi ‹9B›2J\n"),
    ],
)
def test_controls_among_many_lines_are_shown(text, shown):
    assert visible(text) == shown


def test_one_line_places_show_new_lines_and_tabs_too():
    assert visible("a\nb\tc", lines=False) == "a\u240ab\u2409c"
