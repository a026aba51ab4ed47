"""A countdown big enough to read from the back of the room.

Textual cannot change the terminal's font size, so on large terminals the digits are
drawn from a 5x7 bitmap font, scaled by the largest whole factor that fits the space,
with half blocks (▀ ▄ █) giving two pixel rows per terminal row. Below scale 2 the
3-row digits of Textual's `Digits` are drawn instead.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.reactive import var
from textual.renderables.digits import Digits as DigitsRenderable
from textual.strip import Strip
from textual.widget import Widget

FONT_HEIGHT = 7
GAP = 1  # blank pixel columns between glyphs

# 5x7 glyphs ('#' = ink); ':' and '+' are narrower or centred so "+12:34" reads at a glance.
FONT: dict[str, tuple[str, ...]] = {
    "0": (".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."),
    "1": ("..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "2": (".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"),
    "3": ("####.", "....#", "....#", ".###.", "....#", "....#", "####."),
    "4": ("...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."),
    "5": ("#####", "#....", "####.", "....#", "....#", "#...#", ".###."),
    "6": (".###.", "#....", "#....", "####.", "#...#", "#...#", ".###."),
    "7": ("#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."),
    "8": (".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."),
    "9": (".###.", "#...#", "#...#", ".####", "....#", "....#", ".###."),
    ":": ("..", "##", "##", "..", "##", "##", ".."),
    "+": ("...", "...", ".#.", "###", ".#.", "...", "..."),  # narrow: overtime must not shrink the clock much
    "-": (".....", ".....", ".....", "#####", ".....", ".....", "....."),
    " ": ("..", "..", "..", "..", "..", "..", ".."),
}
# Capitals, so a speaker's name reads from the back of the room too (see banner_text).
LETTERS: dict[str, tuple[str, ...]] = {
    "A": (".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
    "B": ("####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."),
    "C": (".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."),
    "D": ("####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."),
    "E": ("#####", "#....", "#....", "####.", "#....", "#....", "#####"),
    "F": ("#####", "#....", "#....", "####.", "#....", "#....", "#...."),
    "G": (".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"),
    "H": ("#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
    "I": (".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "J": ("..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."),
    "K": ("#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"),
    "L": ("#....", "#....", "#....", "#....", "#....", "#....", "#####"),
    "M": ("#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"),
    "N": ("#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"),
    "O": (".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "P": ("####.", "#...#", "#...#", "####.", "#....", "#....", "#...."),
    "Q": (".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"),
    "R": ("####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"),
    "S": (".####", "#....", "#....", ".###.", "....#", "....#", "####."),
    "T": ("#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."),
    "U": ("#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "V": ("#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."),
    "W": ("#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."),
    "X": ("#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"),
    "Y": ("#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."),
    "Z": ("#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"),
    "'": ("#", "#", ".", ".", ".", ".", "."),
    ".": (".", ".", ".", ".", ".", ".", "#"),
}
FONT.update(LETTERS)
# Signs the room's countdown puts before its digits, as wide as "+" so the clock keeps its size.
SIGNS: dict[str, tuple[str, ...]] = {
    "‖": ("#.#", "#.#", "#.#", "#.#", "#.#", "#.#", "#.#"),  # paused
    "▶": ("...", "#..", "##.", "###", "##.", "#..", "..."),  # ready to start
    "!": ("###", "###", ".#.", ".#.", ".#.", "...", ".#."),  # the last minute
}
FONT.update(SIGNS)
MIN_BLOCK_SCALE = 2  # at scale 1 the block font is barely bigger than Digits


def banner_text(text: str) -> str | None:
    """`text` in capitals the font can draw (accents dropped: "Zoë" -> "ZOE"), or None if it cannot."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).upper()
    return plain if plain and all(character in FONT for character in plain) else None


def render_big(text: str, scale: int) -> list[str]:
    """Lines of half-block characters showing `text` at `scale` (a digit is 5*scale columns wide).

    Built from each character's own block (cached per character and scale): a tick that
    changes one digit costs a few string joins, not a fresh rasterisation of the clock."""
    if scale < 1:
        raise ValueError("scale must be 1 or more")
    blocks = [_glyph_block(character if character in FONT else " ", scale) for character in text]
    if not blocks:
        return []
    gap = " " * (GAP * scale)
    return [gap.join(block[row] for block in blocks) for row in range(len(blocks[0]))]


@lru_cache(maxsize=512)
def _glyph_block(character: str, scale: int) -> tuple[str, ...]:
    """One character at `scale`: each font pixel blown up to scale x scale, two pixel rows
    per terminal row (a pixel is one column wide and half a row tall, about square)."""
    rows = [line for line in FONT[character] for _ in range(scale)]
    if len(rows) % 2:
        rows.append("." * len(rows[0]))
    return tuple(
        "".join(_half_block(upper == "#", lower == "#") for upper, lower in zip(top, bottom) for _ in range(scale))
        for top, bottom in zip(rows[::2], rows[1::2])
    )


def _half_block(upper: bool, lower: bool) -> str:
    if upper and lower:
        return "█"
    if upper:
        return "▀"
    if lower:
        return "▄"
    return " "


def big_size(text: str, scale: int) -> tuple[int, int]:
    """(columns, rows) that `render_big(text, scale)` takes."""
    columns = sum(len(FONT.get(character, FONT[" "])[0]) for character in text) * scale
    columns += GAP * scale * max(0, len(text) - 1)
    rows = (FONT_HEIGHT * scale + 1) // 2
    return columns, rows


def fit_scale(text: str, width: int, height: int) -> int:
    """The largest whole scale at which `text` fits in width x height cells; 0 if none."""
    scale = 0
    while True:
        columns, rows = big_size(text, scale + 1)
        if columns > width or rows > height:
            return scale
        scale += 1


class DrawnLines(Widget):
    """Lines of one-cell characters (block or box-drawing, and spaces) in the widget's own style,
    each painted as one segment and kept until the lines or the style change."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.lines: list[str] = []
        self._style: Style | None = None
        self._strips: dict[tuple[int, int], Strip] = {}  # (row, width) -> strip, for the current lines

    def _offset(self) -> tuple[int, int]:
        """Where the lines start in the box: (left, top)."""
        return 0, 0

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style = None
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        strip = self._strips.get((y, width))
        if strip is not None:
            return strip
        style = self._style
        if style is None:  # resolving the style is the costly part of a paint; once per style change
            style = self._style = self.rich_style
        left, top = self._offset()
        row = y - top
        if 0 <= row < len(self.lines):
            line = self.lines[row]
            strip = Strip([Segment(" " * left + line, style)], left + len(line)).adjust_cell_length(width, style)
        else:
            strip = Strip.blank(width, style)
        self._strips[(y, width)] = strip
        return strip


class BlockDigits(DrawnLines):
    """Pre-rendered lines of block characters, painted line by line (cheap: one segment per line).

    A new text of the same size repaints only the columns that changed: when a clock ticks
    from 12:34 to 12:33, the last digit, not the whole clock."""

    DEFAULT_CSS = "BlockDigits { width: auto; height: auto; }"

    def show(self, lines: list[str]) -> None:
        old = self.lines
        same_size = len(lines) == len(old) and (not lines or len(lines[0]) == len(old[0]))
        self.lines = lines
        self._strips.clear()
        if not same_size:
            self.refresh(layout=True)
            return
        changed = _changed_columns(old, lines)
        if changed is not None:
            # The usual tick keeps the size: repaint the changed columns only, no layout.
            self.refresh(Region(changed[0], 0, changed[1] - changed[0], len(lines)))

    def get_content_width(self, container, viewport) -> int:
        return len(self.lines[0]) if self.lines else 0

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.lines)


def _changed_columns(old: list[str], new: list[str]) -> tuple[int, int] | None:
    """The columns [start, end) in which two renders of the same size differ; None if equal."""
    start, end = None, 0
    for before, after in zip(old, new):
        if before == after:
            continue
        left = _common_prefix(before, after)
        right = len(after) - _common_prefix(before[::-1], after[::-1])
        start = left if start is None else min(start, left)
        end = max(end, right)
    return None if start is None else (start, end)


def _common_prefix(first: str, second: str) -> int:
    """How many leading characters two strings share (halving: string compares run in C)."""
    low, high = 0, min(len(first), len(second))
    while low < high:
        middle = (low + high + 1) // 2
        if first[:middle] == second[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


class BigCountdown(DrawnLines):
    """Shows `value` (e.g. "12:34" or "+02:13") as large as its box allows, centred in it.

    The box's size comes from the layout (CSS); the widget draws itself and picks the scale
    from that size when it draws, so the first frame shows the clock at its size. Below block
    scale 2 it draws the 3-row digits of Textual's `Digits`. A reference text (the widest value
    expected) keeps the scale steady while the digits change, so the clock never jumps in size
    as the seconds tick; a value wider than the reference (e.g. "+100:00") re-picks the scale,
    so it is never cut off. A tick that keeps the size repaints the changed columns only.
    """

    DEFAULT_CSS = "BigCountdown { height: 1fr; width: 1fr; }"

    # A var, not a reactive: the widget repaints the part that changed itself.
    value: var[str] = var("00:00", init=False)

    def __init__(
        self, value: str = "00:00", *, reference: str = "+00:00", id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(BigCountdown.value, value)
        self.reference = reference
        self.scale = 0  # the block font's scale last drawn; 0: Textual's small digits
        self._fitted: tuple[int, int, int] | None = None  # (width, height, widest text's width) the scale is for

    def block_text(self) -> str:
        """What the block font draws: the value (a subclass may put a sign before it)."""
        return self.value

    def _widest_width(self) -> int:
        """The reference's width at scale 1, or the value's when it is wider (then the scale must follow it)."""
        return max(big_size(self.block_text(), 1)[0], big_size(self.reference, 1)[0])

    def _fit(self) -> None:
        """Pick the scale for the current size, and draw the lines for it."""
        width, height = self.size
        widest = self._widest_width()
        text = self.block_text()
        scale = fit_scale(text if big_size(text, 1)[0] == widest else self.reference, width, height)
        self.scale = scale if scale >= MIN_BLOCK_SCALE else 0
        self._fitted = (width, height, widest)
        self.lines = self._drawn_lines()
        self._strips.clear()

    def _drawn_lines(self) -> list[str]:
        if self.scale:
            return render_big(self.block_text(), self.scale)
        return small_digits(self.value)

    def watch_value(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        """The value (or what a subclass draws before it) changed: repaint what differs."""
        if self._fitted is None:
            return  # not drawn yet: the first paint fits and draws
        if self._fitted != (*self.size, self._widest_width()):
            self._fitted = None  # outgrew the reference, or shrank back to it: fit anew
            self.refresh()
            return
        old = self.lines
        self.lines = self._drawn_lines()
        self._strips.clear()
        if len(old) != len(self.lines) or (old and len(old[0]) != len(self.lines[0])):
            self.refresh()  # another width (a sign came or went): centred anew
            return
        changed = _changed_columns(old, self.lines)
        if changed is None:
            return
        left, top = self._offset()
        # The usual tick keeps the size: repaint the changed columns only, no layout.
        self.refresh(Region(left + changed[0], top, changed[1] - changed[0], len(self.lines)))

    def _offset(self) -> tuple[int, int]:
        """Where the drawing starts: centred in the box."""
        width, height = self.size
        drawn_width = len(self.lines[0]) if self.lines else 0
        return max(0, (width - drawn_width) // 2), max(0, (height - len(self.lines)) // 2)

    def render_line(self, y: int) -> Strip:
        if self._fitted != (*self.size, self._widest_width()):
            self._fit()
        return super().render_line(y)


def small_digits(text: str) -> list[str]:
    """`text` in the 3-row digits of Textual's `Digits` widget (its renderable's own font)."""
    rows: list[str] = []
    line = ""
    for segment in DigitsRenderable(text).render(Style()):
        if not isinstance(segment, Segment):
            continue  # it yields segments only
        if segment.text == "\n":
            rows.append(line)
            line = ""
        else:
            line += segment.text
    return rows
