"""The home screen: start, resume, review, browse methods, help, language, quit."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ...core.state import SessionState, Status
from ...store.errors import StoreError
from ...store.journal import LiveSession
from ..language import FollowsLanguage
from ..plain import plain
from . import relabel_bindings
from .base import IntervisieModalScreen, IntervisieScreen
from .confirm import ConfirmScreen

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
    return [] if app.store is None else app.store.interrupted()


JOURNAL_PROBLEMS_SHOWN = 5


def journal_problems(app: Any) -> list[Any]:
    """Journals found at the last look for interrupted sessions that could not be read."""
    return list(getattr(app.store, "journal_problems", None) or [])


def describe_interrupted(live: LiveSession, app: Any) -> str:
    """One line per interrupted session: method, participants, when, phase."""
    t, lang = app.t, app.lang
    plan, events, problem = live.plan, live.events, live.problem
    method = plan.method.name(lang)
    people = ", ".join(plan.participants)
    if events:
        when = events[-1].at.astimezone().strftime("%d-%m-%Y %H:%M")
        state = SessionState.replay(plan, events)
        if state.status is Status.ENDED:
            phase = t("home.resume.wrapup")  # stopped during the wrap-up: resuming opens it
        else:
            phase = t(
                "home.resume.phase",
                number=state.phase_index + 1,
                count=len(plan.method.phases),
                title=state.phase.title(lang),
            )
    else:
        when = t("home.resume.not_started")
        phase = ""
    line = t("home.resume.line", method=method, people=people, when=when, phase=phase).rstrip(" ·")
    holder = app.store.holder(live.id) if app.store is not None else None
    if holder is not None:
        pid = str(holder.pid) if holder.pid is not None else "?"
        line += "\n  " + t("home.resume.in_use", pid=pid, host=holder.host, since=holder.since)
    if problem:
        line += "\n  " + t("home.resume.problem", problem=problem)
    return line


class ResumeScreen(FollowsLanguage, IntervisieModalScreen[Any]):
    """Choose an interrupted session to resume, close it and keep its notes, or (if it never
    started) discard it.

    Dismisses with the chosen LiveSession, or None."""

    DEFAULT_CSS = """
    ResumeScreen { align: center middle; }
    ResumeScreen > Vertical {
        width: 90%; max-width: 100; height: auto; max-height: 90%;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    ResumeScreen #resume-title { text-style: bold; margin-bottom: 1; }
    ResumeScreen #resume-hint { color: $text-muted; margin-top: 1; }
    ResumeScreen OptionList { height: auto; max-height: 16; }
    """
    BINDINGS = [
        Binding("enter", "resume", "home.key.resume_this"),
        Binding("k", "close_keep", "home.key.close_keep"),
        Binding("d", "discard", "home.key.discard"),
        Binding("escape", "back", "home.key.back"),
    ]

    def __init__(self, sessions: list[Any]) -> None:
        super().__init__()
        self.sessions = list(sessions)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="resume-title")
            yield OptionList(id="resume-list")
            yield Static(id="resume-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_language()
        self.query_one(OptionList).focus()

    def refresh_language(self) -> None:
        t = self.app.t
        self.query_one("#resume-title", Static).update(t("home.resume.title"))
        self.query_one("#resume-hint", Static).update(t("home.resume.hint"))
        self._fill()
        relabel_bindings(self)

    def _fill(self) -> None:
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(Option(plain(describe_interrupted(live, self.app))) for live in self.sessions)
        if self.sessions:
            options.highlighted = min(highlighted or 0, len(self.sessions) - 1)

    def _chosen(self) -> Any | None:
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.sessions):
            return None
        return self.sessions[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_resume()

    def action_resume(self) -> None:
        live = self._chosen()
        if live is not None:
            self.dismiss(live)

    def action_close_keep(self) -> None:
        live = self._chosen()
        if live is None:
            return
        t = self.app.t

        def closed(answer: bool | None) -> None:
            if not answer:
                return
            store = self.app.store
            assert store is not None  # the interrupted sessions listed here came from it
            try:
                path = store.close_interrupted(live)
                self.app.record_in_group(live.plan, path)
            except StoreError as error:  # says what to do
                self.notify(t("home.resume.close_failed", reason=error.message), severity="error")
                return
            self.notify(t("home.resume.closed"))
            self._forget(live)

        self.app.push_screen(
            ConfirmScreen(t("home.resume.close_question"), t("home.resume.close_yes"), t("home.resume.close_no")),
            closed,
        )

    def _forget(self, live: Any) -> None:
        self.sessions.remove(live)
        if not self.sessions:
            self.dismiss(None)
        else:
            self._fill()

    def action_discard(self) -> None:
        live = self._chosen()
        if live is None:
            return
        t = self.app.t
        if SessionState.replay(live.plan, live.events).status is not Status.READY:
            self.notify(t("home.resume.discard_started"), severity="warning")
            return

        def answered(answer: bool | None) -> None:
            if not answer:
                return
            store = self.app.store
            assert store is not None  # the interrupted sessions listed here came from it
            try:
                store.discard_never_started(live.path, live.plan, live.events)
            except StoreError as error:
                self.notify(error.message.render(self.app.lang), severity="error")
                return
            self.notify(t("home.resume.discarded"))
            self._forget(live)

        self.app.push_screen(
            ConfirmScreen(
                t("home.resume.discard_question"),
                t("home.resume.discard_yes"),
                t("home.resume.discard_no"),
                danger=True,
            ),
            answered,
        )

    def action_back(self) -> None:
        self.dismiss(None)


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
    BINDINGS = [
        Binding("s", "start", "home.key.start"),
        Binding("r", "resume", "home.key.resume"),
        Binding("v", "review", "home.key.review"),
        # The menu shows these three with their keys; the footer keeps room for the rest at 80 columns.
        Binding("g", "groups", "home.key.groups", show=False),
        Binding("m", "methods", "home.key.methods", show=False),
        Binding("l", "language", "home.key.language", show=False),
        Binding("question_mark", "help", "home.key.help", key_display="?"),
        Binding("q", "quit", "home.key.quit"),
    ]

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
        yield Footer()

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
        relabel_bindings(self)

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
