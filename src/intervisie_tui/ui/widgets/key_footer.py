"""The screen's keys in one line at the bottom: one widget, drawn again when the bindings change.

Textual's `Footer` is a container of one widget per key, all made, mounted and styled again on
every change of the bindings (a language switch, a resize, the focus moving). This footer keeps
no children: it reads the screen's `active_bindings` as it renders, so a change costs one
repaint. It looks and answers as Textual's does: the key bold with its label beside it, a
disabled key dimmed, the key under the mouse lit and its tooltip shown, a click presses the
key, and the command palette's key on the right (unless `show_command_palette` is off).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from rich.cells import cell_len
from textual import events
from textual.color import Color
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget


class FooterEntry(NamedTuple):
    """One key as the footer shows it."""

    key: str  # the Textual key name a click presses
    key_display: str
    description: str
    enabled: bool
    tooltip: str


class FooterLook(NamedTuple):
    """The parts of a key as Textual's FooterKey styles them, from the theme's variables; a part's
    background is laid over the one beneath it, as component classes would be. Not component
    classes: Textual styles each as a node of its own, again on every restyle of the screen (each
    change of the clock's state is one)."""

    item: Style  # a key with its label
    hover: Style  # under the mouse
    disabled: Style
    key: Style
    description: Style
    separator: Style  # the thin line before the palette's key

    @classmethod
    def of(cls, variables: Mapping[str, str]) -> FooterLook:
        def color(name: str) -> Color:
            return Color.parse(variables.get(name, "transparent"))

        return cls(
            item=Style(background=color("footer-item-background")),
            hover=Style(foreground=color("footer-key-foreground"), background=color("block-hover-background")),
            disabled=Style(dim=True),
            key=Style(foreground=color("footer-key-foreground"), background=color("footer-key-background"), bold=True),
            description=Style(
                foreground=color("footer-description-foreground"), background=color("footer-description-background")
            ),
            separator=Style(foreground=color("foreground").multiply_alpha(0.2)),
        )


class KeyFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """

    compact = reactive(False)
    """Less space around each key (a narrow terminal)."""
    show_command_palette = reactive(True)
    """The command palette's key on the right."""
    _hover: reactive[str | None] = reactive(None)

    def __init__(self, *, show_command_palette: bool = True, compact: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(KeyFooter.show_command_palette, show_command_palette)
        self.set_reactive(KeyFooter.compact, compact)
        self._spans: list[tuple[int, int, FooterEntry]] = []  # where each key was drawn, for the mouse

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen) -> None:
        self.refresh()

    # -- what is shown ----------------------------------------------------------------------

    def entries(self) -> list[FooterEntry]:
        """The keys on the left, in the screen's order; a second key for the same action is left out."""
        shown: list[FooterEntry] = []
        actions: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or binding.action in actions:
                continue
            actions.add(binding.action)
            display = self.app.get_key_display(binding)
            shown.append(FooterEntry(binding.key, display, binding.description, active.enabled, active.tooltip))
        return shown

    def palette_entry(self) -> FooterEntry | None:
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return None
        active = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if active is None:
            return None
        binding = active.binding
        display = self.app.get_key_display(binding)
        tooltip = binding.tooltip or binding.description
        return FooterEntry(binding.key, display, binding.description, active.enabled, tooltip)

    def render(self) -> Content:
        self._spans = []
        look = FooterLook.of(self.app.theme_variables)
        parts: list[tuple[str, object]] = []
        column = 0
        for entry in self.entries():
            column = self._add(parts, entry, column, look, compact=self.compact)
            if self.compact:
                parts.append((" ", ""))  # the gap between keys, in the footer's own background
                column += 1
        palette = self.palette_entry()
        width = 0 if palette is None else 1 + self._width(palette, compact=True) + (0 if self.compact else 1)
        if palette is not None and column + width <= self.size.width:  # the screen's own keys go first
            # As Textual draws it: always compact, after a thin line, flush right but for a
            # space of padding when the footer is not compact.
            right: list[tuple[str, object]] = [("▏", look.separator)]
            start = self.size.width - width
            parts.append((" " * (start - column), ""))
            self._add(right, palette, start + 1, look, compact=True, right_padding=not self.compact)
            parts += right
        return Content.assemble(*parts)  # type: ignore[arg-type]

    @staticmethod
    def _width(entry: FooterEntry, *, compact: bool) -> int:
        label = cell_len(entry.description) + 1 if entry.description else 0
        return cell_len(entry.key_display) + label + (0 if compact else 2)  # not compact: a space each side of the key

    def _add(
        self,
        parts: list,
        entry: FooterEntry,
        column: int,
        look: FooterLook,
        *,
        compact: bool,
        right_padding: bool = False,
    ) -> int:
        """One key and its label (as Textual's FooterKey draws them); returns the column after it."""
        item = look.item  # as FooterKey: its own background, lit under the mouse, dim if disabled
        if entry.key == self._hover:
            item += look.hover
        if not entry.enabled:
            item += look.disabled
        key, description = item + look.key, item + look.description
        pad = "" if compact else " "
        text = [(f"{pad}{entry.key_display}{pad}", key)]
        if entry.description:
            label = f" {entry.description}" if compact else f"{entry.description} "
            text.append((label, description))
        if right_padding:
            text.append((" ", item))
        width = sum(cell_len(piece) for piece, _style in text)
        self._spans.append((column, column + width, entry))
        parts += text
        return column + width

    # -- the mouse --------------------------------------------------------------------------

    def _entry_at(self, x: int) -> FooterEntry | None:
        return next((entry for start, end, entry in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        entry = self._entry_at(event.x)
        self._hover = entry.key if entry is not None else None
        self.tooltip = (entry.tooltip or None) if entry is not None else None

    def on_leave(self) -> None:
        self._hover = None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        entry = self._entry_at(event.x)
        if entry is None:
            return
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()
