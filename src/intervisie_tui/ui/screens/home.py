"""The home screen: start, resume, review, browse methods, help, language, quit."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...store.journal import LiveSession
from ..dialogs.resume import ResumeScreen
from ..keys import bindings_for
from ..language import FollowsLanguage
from ..plain import plain
from ..widgets.key_footer import KeyFooter
from .base import IntervisieScreen

# Menu entries in the order shown: (option id, message key, key shown in front).
MENU: tuple[tuple[str, str, str], ...] = (
    ("start", "home.menu.start", "s"),
    ("resume", "home.menu.resume", "r"),
    ("review", "home.menu.review", "v"),
    ("methods", "home.menu.methods", "m"),
    ("groups", "home.menu.groups", "g"),
    ("help", "home.menu.help", "?"),
    ("language", "home.menu.language", "l"),
    ("quit", "home.menu.quit", "q"),
)


def interrupted_sessions(app: Any) -> list[LiveSession]:
    """The store's interrupted sessions (unreadable journals are the store's problems, not these)."""
    return app.store.interrupted()


JOURNAL_PROBLEMS_SHOWN = 5


def journal_problems(app: Any) -> list[Any]:
    """Journals found at the last look for interrupted sessions that could not be read."""
    return app.store.journal_problems


class HomeScreen(FollowsLanguage, IntervisieScreen):
    """What `intervisie` opens: a short menu, every entry one key away."""

    DEFAULT_CSS = """
    HomeScreen { align: center middle; }
    HomeScreen #home-box { width: 72; max-width: 100%; height: auto; padding: 0 1; }
    HomeScreen #home-title { text-style: bold; color: $accent; content-align: center middle; width: 100%; }
    HomeScreen #home-tagline { color: $text-muted; content-align: center middle; width: 100%; margin-bottom: 1; }
    HomeScreen #home-menu { height: auto; max-height: 12; border: round $primary; padding: 0 1; }
    HomeScreen #home-menu:focus { border: round $accent; }
    HomeScreen #home-notice { margin-top: 1; color: $warning; width: 100%; }
    HomeScreen #home-notice.-empty { display: none; }
    HomeScreen #home-journals { margin-top: 1; color: $warning; width: 100%; }
    HomeScreen #home-journals.-empty { display: none; }
    """
    KEY_SCOPE = "home"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("home")

    def __init__(self) -> None:
        super().__init__()
        self.interrupted: list[Any] = []
        self._just_mounted = False

    def compose(self) -> ComposeResult:
        with Vertical(id="home-box"):
            yield Static(id="home-title")
            yield Static(id="home-tagline")
            yield OptionList(id="home-menu")
            yield Static(id="home-notice", classes="-empty")
            yield Static(id="home-journals", classes="-empty")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.interrupted = interrupted_sessions(self.app)
        self.refresh_language()
        self.query_one("#home-menu", OptionList).focus()
        self._just_mounted = True  # Textual resumes a screen right after its mount: the journals were just read

    def on_screen_resume(self) -> None:
        if self._just_mounted:
            self._just_mounted = False
            return
        # Back from another screen: a session may have been finished or interrupted meanwhile.
        self.interrupted = interrupted_sessions(self.app)
        self.refresh_language()

    def refresh_language(self) -> None:
        t = self.app.t
        self.query_one("#home-title", Static).update(t("home.title"))
        self.query_one("#home-tagline", Static).update(t("home.tagline"))
        menu = self.query_one("#home-menu", OptionList)
        highlighted = menu.highlighted
        menu.clear_options()
        for option_id, key, shortcut in MENU:
            if option_id == "resume" and not self.interrupted:
                continue
            label = t(key, count=len(self.interrupted)) if option_id == "resume" else t(key)
            menu.add_option(Option(f"[b]{shortcut}[/b]  {label}", id=option_id))
        menu.highlighted = min(highlighted or 0, menu.option_count - 1)
        notice = self.query_one("#home-notice", Static)
        if self.interrupted:
            notice.update(t("home.notice.interrupted", count=len(self.interrupted)))
        else:
            notice.update("")
        notice.set_class(not self.interrupted, "-empty")
        # Journals that cannot be read are never invisible: each is named with the reason, and left as it is.
        problems = journal_problems(self.app)
        journals = self.query_one("#home-journals", Static)
        lines = [f"  {problem.render(self.app.lang)}" for problem in problems[:JOURNAL_PROBLEMS_SHOWN]]
        if len(problems) > JOURNAL_PROBLEMS_SHOWN:
            lines.append("  " + t("home.journals.more", count=len(problems) - JOURNAL_PROBLEMS_SHOWN))
        text = "\n".join([t("home.journals.unreadable", count=len(problems)), *lines]) if problems else ""
        journals.update(plain(text))
        journals.set_class(not problems, "-empty")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "resume" and not self.interrupted)

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            await self.run_action(event.option.id)

    # -- the menu's actions ------------------------------------------------------------

    def action_start(self) -> None:
        from .setup import SetupScreen

        self.app.push_screen(SetupScreen())

    def action_resume(self) -> None:
        if not self.interrupted:
            return

        def chosen(live: Any | None) -> None:
            self.interrupted = interrupted_sessions(self.app)
            self.refresh_language()
            if live is not None:
                self.app.resume_session(live)

        self.app.push_screen(ResumeScreen(self.interrupted), chosen)

    def action_review(self) -> None:
        from .review import ReviewScreen

        self.app.push_screen(ReviewScreen())

    def action_groups(self) -> None:
        from .groups import GroupsScreen

        self.app.push_screen(GroupsScreen())

    def action_methods(self) -> None:
        from .methods import MethodsScreen

        self.app.push_screen(MethodsScreen())

    def action_language(self) -> None:
        self.app.set_language("en" if self.app.lang == "nl" else "nl")

    async def action_help(self) -> None:
        await self.app.run_action("help")

    async def action_quit(self) -> None:
        await self.app.run_action("quit")
