"""The methods browser: every loaded method in full, and the files that could not be read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...core.library import LoadedMethod, Origin
from ...core.method_errors import MethodFileError
from ...core.method_outline import method_outline
from ..dialogs.help import shown_path
from ..keys import bindings_for
from ..language import FollowsLanguage
from ..widgets.key_footer import KeyFooter
from .base import IntervisieScreen


def method_line(loaded: LoadedMethod, app: Any) -> Text:
    """The list entry: name, then minutes, group size and where it comes from."""
    t, lang = app.t, app.lang
    method = loaded.method
    origin = t(f"cli.origin.{loaded.origin.value}")
    if loaded.replaces_builtin:
        origin += " " + t("cli.methods.replaces_builtin")
    line = Text(method.name(lang), style="bold")
    line.append("\n" + t("methods.facts", minutes=method.minutes, low=method.group_size[0], high=method.group_size[1]))
    line.append(f" · {origin}", style="dim")
    return line


def source_shown(loaded: LoadedMethod, t: Any) -> str:
    """Where a method comes from, as the shared screen may show it: a built-in one by its file's
    name, the user's own with the home folder as ~ (no user name on the wall)."""
    if loaded.origin is Origin.BUILTIN:
        return f"{t('cli.origin.built-in')}: {Path(loaded.source).name}"
    return shown_path(Path(loaded.source)) if loaded.origin is Origin.USER else loaded.source


def method_details(loaded: LoadedMethod, app: Any) -> Text:
    """Everything the facilitator may want to read before choosing, facilitator tips excluded."""
    t = app.t
    outline = method_outline(loaded.method, app.lang)
    low, high = outline.group_size
    text = Text()
    text.append(outline.name + "\n", style="bold")
    text.append(outline.summary + "\n\n", style="italic")
    text.append(outline.description + "\n\n")
    text.append(
        t(
            "methods.details_facts",
            minutes=outline.minutes,
            minimum=outline.min_total,
            low=low,
            high=high,
            count=len(outline.phases),
        )
        + "\n"
    )
    text.append(t("methods.source", source=source_shown(loaded, t)) + "\n", style="dim")
    if loaded.replaces is not None:
        text.append(t("methods.replaces", source=source_shown(loaded.replaces, t)) + "\n", style="dim")
    text.append("\n" + t("word.phases") + "\n", style="bold underline")
    for phase in outline.phases:
        text.append(f"\n{phase.number}. {phase.title}", style="bold")
        text.append(f"  ({phase.minutes} {t('word.minutes')}, {t('methods.at_least', minimum=phase.min_minutes)})\n")
        text.append(f"   {phase.speakers}\n", style="italic")
        for question in phase.questions:
            text.append(f"   • {question}\n")
    return text


def problems_text(problems: list[MethodFileError], app: Any) -> Text:
    text = Text(app.t("methods.problems_title", count=len(problems)) + "\n", style="bold")
    for problem in problems:
        text.append(f"• {problem.render(app.lang)}\n")
    text.append(app.t("methods.problems_hint"), style="dim")
    return text


class MethodsScreen(FollowsLanguage, IntervisieScreen):
    """Browse the methods; `s` (or Enter) sets up a session with the highlighted one."""

    DEFAULT_CSS = """
    MethodsScreen #methods-columns { height: 1fr; }
    MethodsScreen #methods-left { width: 2fr; min-width: 30; max-width: 48; }
    MethodsScreen #methods-list { height: 1fr; border: round $primary; }
    MethodsScreen #methods-list:focus { border: round $accent; }
    MethodsScreen #methods-problems { height: auto; max-height: 10; color: $error; border: round $error; padding: 0 1; }
    MethodsScreen #methods-problems.-none { display: none; }
    MethodsScreen #methods-detail-box { width: 3fr; border: round $primary; padding: 0 1; }
    """
    KEY_SCOPE = "methods"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("methods")

    def __init__(self) -> None:
        super().__init__()
        self.methods: list[LoadedMethod] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="methods-columns"):
            with Vertical(id="methods-left"):
                yield OptionList(id="methods-list")
                yield Static(id="methods-problems")
            with VerticalScroll(id="methods-detail-box"):
                yield Static(id="methods-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_language()
        self.query_one("#methods-list", OptionList).focus()

    def refresh_language(self) -> None:
        listing = self.query_one("#methods-list", OptionList)
        chosen = self.selected
        # Sorted by name in the language shown; the highlighted method stays highlighted.
        self.methods = self.app.library.sorted(self.app.lang)
        highlighted = listing.highlighted
        if chosen is not None:
            highlighted = next(i for i, loaded in enumerate(self.methods) if loaded.method.id == chosen.method.id)
        listing.clear_options()
        listing.add_options(Option(method_line(loaded, self.app), id=loaded.method.id) for loaded in self.methods)
        if self.methods:
            listing.highlighted = min(highlighted or 0, len(self.methods) - 1)
        problems = list(self.app.library.problems)
        box = self.query_one("#methods-problems", Static)
        box.update(problems_text(problems, self.app) if problems else "")
        box.set_class(not problems, "-none")
        self._show_selected()

    @property
    def selected(self) -> LoadedMethod | None:
        index = self.query_one("#methods-list", OptionList).highlighted
        if index is None or not 0 <= index < len(self.methods):
            return None
        return self.methods[index]

    def _show_selected(self) -> None:
        loaded = self.selected
        detail = self.query_one("#methods-detail", Static)
        detail.update(method_details(loaded, self.app) if loaded else self.app.t("methods.none"))
        self.query_one("#methods-detail-box", VerticalScroll).scroll_home(animate=False)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_selected()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_setup()

    def action_scroll_detail(self, pages: int) -> None:
        box = self.query_one("#methods-detail-box", VerticalScroll)
        if pages > 0:
            box.scroll_page_down(animate=False)
        else:
            box.scroll_page_up(animate=False)

    def action_setup(self) -> None:
        loaded = self.selected
        if loaded is None:
            return
        from .setup import SetupScreen

        self.app.push_screen(SetupScreen(method_id=loaded.method.id))

    def action_back(self) -> None:
        self.app.pop_screen()
