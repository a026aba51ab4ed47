"""Text from files and fields shown to a person: control characters made visible, never obeyed.

A case title holding ESC ] 0 ; … BEL would retitle the terminal, one holding ESC [ 2 J would clear it, a
carriage return would overwrite what came before. `visible` turns every such character into a harmless
sign (the Unicode "control pictures": ␛, ␇, ␍) so it shows instead of acting; new lines and tabs stay
where text may have more than one line.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, the C1 controls (U+0080-U+009F: CSI is U+009B).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROLS_AND_LINES = re.compile("[\x00-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"‹{code:02X}›"  # C1: no picture exists (and a backslash would break the JSON it may stand in)


def visible(text: str, *, lines: bool = True) -> str:
    """`text` with every control character shown as a sign. With `lines` (the default) new lines and tabs
    stay (a CR LF becomes a new line); without, they are shown too (for one-line places: a title, a name)."""
    if text.isprintable() and (lines or "\n" not in text):
        return text  # the common case, fast
    if lines and text.replace("\n", "").replace("\t", "").isprintable():
        return text  # many lines (a listing), nothing but text in them: no control, no CR
    if lines:
        return _CONTROLS.sub(_picture, text.replace("\r\n", "\n"))
    return _CONTROLS_AND_LINES.sub(_picture, text)


def has_controls(text: str) -> bool:
    return _CONTROLS_AND_LINES.search(text) is not None


class VisibleStream:
    """A text stream (stdout, stderr) that writes `visible(text)`: what a command prints from a file can never
    act on the terminal. Everything else is the wrapped stream's."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(visible(text))
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)
