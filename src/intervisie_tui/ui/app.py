"""The Textual app: settings, language, themes, keys, and moving between screens.

Screens reach shared things through the app: `app.t(key)` for texts in the current
language, `app.library`, `app.settings`, `app.clock`, `app.store`, and the session
flow `start_session` → run screen → wrap-up → `finish_session` → home.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.reactive import var
from textual.screen import Screen

from .. import gc_pause
from ..core import paths
from ..core.clock import Clock, SystemClock
from ..core.engine import SessionRunner
from ..core.library import MethodLibrary
from ..core.message import Message
from ..core.os_errors import os_error_reason
from ..core.plan import SessionPlan
from ..i18n import default_language, t
from ..settings import SETTINGS_FILE, Settings, load_settings, save_settings
from ..store.errors import StoreError
from ..store.journal import LiveSession
from ..store.remembered import Remembered, load_remembered, move_out_of_settings, save_remembered
from ..store.sessions import Store
from .commands import IntervisieCommands
from .keys import bindings_for, check_keymap
from .parsed_css import CACHE_NAME as PARSED_CSS_CACHE
from .parsed_css import KeepsParsedCss
from .plain import shown
from .themes import ALL_THEMES, ThemeSetBeforeStart, next_theme, with_fallbacks

if TYPE_CHECKING:
    from .screens.run import RunScreen
    from .screens.wrapup import WrapUpScreen

METHOD_PROBLEMS_SHOWN = 5  # more than this is summarised: the toast must stay readable


class IntervisieApp(KeepsParsedCss, ThemeSetBeforeStart, App):
    CSS_PATH = "intervisie.tcss"
    TITLE = "Intervisie"
    COMMANDS = App.COMMANDS | {IntervisieCommands}
    BINDINGS = bindings_for("app")  # Textual's own (ctrl+q, ctrl+p, …) stay: they are App's
    NOTIFICATION_TIMEOUT = 8

    lang: var[str] = var("nl")  # screens may watch it (the run screen's room widgets follow it)

    def __init__(
        self,
        *,
        lang: str | None = None,
        data_dir: Path | None = None,
        clock: Clock | None = None,
        plan: SessionPlan | None = None,
        settings: Settings | None = None,
        library: MethodLibrary | None = None,
        remembered: Remembered | None = None,
        first_screen: Callable[[], Screen] | None = None,
    ) -> None:
        super().__init__()
        self.settings_path = paths.config_dir() / SETTINGS_FILE
        self._startup_notices: list[tuple[str, str]] = []
        # A settings file we could not read is never written over: the user may repair it.
        self._settings_problem: Message | None = None
        self.data_dir: Path = paths.data_dir(data_dir)
        if settings is None:
            try:  # older versions kept the last group in settings.json: it belongs in the data folder
                move_out_of_settings(self.settings_path, self.data_dir)
            except OSError:
                pass  # both files stay as they were; the next start tries again
            settings, self._settings_problem = load_settings(self.settings_path)
        self.settings: Settings = settings
        self.lang: str = lang or settings.language or default_language()
        if self._settings_problem is not None:
            problem = self._settings_problem.render(self.lang)
            self._startup_notices.append((self.t("app.settings_problem", problem=problem), "warning"))
        self.clock: Clock = clock or SystemClock()
        self.remembered: Remembered = remembered if remembered is not None else load_remembered(self.data_dir)
        if library is None:
            from ..store.method_cache import cached_library

            library = cached_library(paths.user_methods_dir(), paths.cache_dir() / "methods.json")
        self.library: MethodLibrary = library
        self._plan = plan
        # `intervisie notes` opens on the review: the home screen beneath it is made only when it is left.
        self._first_screen = first_screen
        self.store: Store = Store(self.data_dir)  # touches no disk until it is used
        self._journals: dict[int, Any] = {}  # id(runner) -> its live journal, for finish()

        for theme in ALL_THEMES:
            self.register_theme(theme)
        self.choose_theme(settings.theme if settings.theme in self.available_themes else ALL_THEMES[0].name)
        if settings.theme != self.theme:
            self._startup_notices.append(
                (self.t("app.theme_unknown", theme=settings.theme, used=self.theme_label(self.theme)), "warning")
            )

        usable, problems = check_keymap(settings.keys, self.t)
        if problems:
            self._startup_notices.append((self.t("app.keymap_problems", problems="; ".join(problems)), "warning"))
        self.set_keymap(usable)
        self.use_kept_css(paths.cache_dir() / PARSED_CSS_CACHE)  # the theme is chosen: its variables are set

    def set_keymap(self, keymap: Mapping[str, str]) -> None:
        """Rebind keys by id; `keymap` keeps our copy (Textual's is private), which the help
        screen, the palette and the footer read."""
        self.keymap: dict[str, str] = dict(keymap)
        super().set_keymap(keymap)

    def get_css_variables(self) -> dict[str, str]:
        """Our stylesheet's own variables, for themes that do not define them (any Textual theme)."""
        return with_fallbacks(super().get_css_variables())

    # -- texts ------------------------------------------------------------------------------

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def set_language(self, lang: str) -> None:
        """Switch every screen's texts live and remember the choice."""
        if lang not in ("nl", "en"):
            raise ValueError(f"unknown language {lang!r}; expected 'nl' or 'en'")
        self.settings.language = lang  # type: ignore[assignment]
        self.save_settings()
        self.lang = lang  # every screen watches it (ui/language.py)
        self.refresh_bindings()  # the footer's labels come in the language at hand (ui/keys.py)

    # -- settings ---------------------------------------------------------------------------

    def save_settings(self) -> None:
        if self._settings_problem:
            return  # keep the user's unreadable file as it is; settings live in memory
        try:
            save_settings(self.settings, self.settings_path)
        except OSError as error:
            reason = os_error_reason(error).render(self.lang)
            self.notify(self.t("app.settings_not_saved", problem=f"{self.settings_path}: {reason}"), severity="warning")

    def _remember_theme(self, theme: Any) -> None:
        if self.settings.theme != theme.name:
            self.settings.theme = theme.name
            self.save_settings()

    # -- notifications and the bell -----------------------------------------------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: str = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        message = shown(message)  # a name or a path from a file: its control characters shown, never obeyed
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)  # type: ignore[arg-type]

    def ring_bell(self) -> None:
        """One bell when time is up, if the facilitator wants it."""
        if self.settings.bell:
            self.bell()

    # -- start-up ---------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.call_after_refresh(gc_pause.resume)  # the first frame is drawn: collect again
        self.call_after_refresh(self.keep_parsed_css)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        # The first screen goes on after the start's batch (the next message): a screen mounted
        # inside it is laid out and drawn once for nothing, as Textual drops frames while it
        # batches (a fifth of the run's first frame), and then drawn again.
        if self._plan is not None:
            self.call_later(self.start_session, self._plan)
        elif self._first_screen is not None:
            first_screen = self._first_screen
            self.call_later(lambda: self.push_screen(first_screen()))
        for message, severity in self._startup_notices:
            self.notify(message, severity=severity)
        if self._plan is None:
            self._offer_retention()
        if self.library.problems:
            shown = "\n".join(problem.render(self.lang) for problem in self.library.problems[:METHOD_PROBLEMS_SHOWN])
            if len(self.library.problems) > METHOD_PROBLEMS_SHOWN:
                shown += "\n…"
            self.notify(
                self.t("app.method_problems", count=len(self.library.problems), problems=shown),
                severity="warning",
                timeout=15,
            )

    def on_unmount(self) -> None:
        """The app is ending: sessions still open here are interrupted now, free for another
        instance to resume (the end of the process would drop their locks anyway)."""
        self.store.settle()  # the journals' writers finish before another instance may take over
        self.store.release_locks()
        self.keep_parsed_css(in_thread=False)  # what later screens parsed, for the next start

    def _offer_retention(self) -> None:
        """With `retention_months` set: name the sessions older than that and offer to delete
        them for good (or to the trash). Nothing goes unless the facilitator says so."""
        months = self.settings.retention_months
        if not months:
            return
        try:
            old = self.store.older_than(months)
        except (OSError, StoreError):
            return
        if not old:
            return
        from .dialogs.confirm import ChoiceScreen
        from .screens.review import LISTED_IN_QUESTION, describe

        lines = [f"  {describe(summary, self.lang, self.t)}" for summary in old[:LISTED_IN_QUESTION]]
        if len(old) > LISTED_IN_QUESTION:
            lines.append("  " + self.t("review.empty_trash.more", count=len(old) - LISTED_IN_QUESTION))
        question = self.t("app.retention.question", count=len(old), months=months, sessions="\n".join(lines))

        def answered(answer: str | None) -> None:
            if answer not in ("delete", "trash"):
                return
            done = 0
            for summary in old:
                try:
                    if answer == "delete":
                        self.store.delete_permanently(summary)
                    else:
                        self.store.trash(summary.path)
                    done += 1
                except StoreError as error:
                    self.notify(error.message.render(self.lang), severity="error", timeout=15)
            self.notify(self.t("app.retention.deleted" if answer == "delete" else "app.retention.trashed", count=done))

        choices = [
            ("keep", self.t("app.retention.keep")),
            ("trash", self.t("app.retention.trash")),
            ("delete", self.t("app.retention.delete", count=len(old))),
        ]
        self.push_screen(ChoiceScreen(question, choices, escape_answer="keep"), answered)

    def get_default_screen(self) -> Screen:
        if self._plan is not None or self._first_screen is not None:
            # `intervisie run` and `intervisie notes`: an empty base (cheap at start-up); the run
            # screen or the review goes on top at once, and the home screen is made only when the
            # session is finished or the review is left (`back_home`).
            return Screen()
        return self._home_screen()

    def _home_screen(self) -> Screen:
        from .screens.home import HomeScreen

        return HomeScreen()

    # -- the session flow -------------------------------------------------------------------

    def _run_screen_for(self, plan: SessionPlan) -> RunScreen:
        from .screens.run import RunScreen

        # start_live never raises: a refusing disk shows as the journal's problem on screen.
        journal = self.store.start_live(plan, background=True)
        runner = SessionRunner(
            plan, self.clock, listeners=[journal.append], extend_takes_from_later=self.settings.extend_takes_from_later
        )
        self._journals[id(runner)] = journal
        self._remember_plan(plan)
        return RunScreen(runner, journal=journal)

    def _remember_plan(self, plan: SessionPlan) -> None:
        """The set-up to offer next time, kept in the data folder (never in the config folder)."""
        remembered = self.remembered
        remembered.last_method = plan.method.id
        remembered.last_group = list(plan.participants)
        remembered.last_facilitator = plan.facilitator
        remembered.last_minutes = plan.budget_minutes
        if self.is_running:
            self.call_after_refresh(self.save_remembered)  # after the session's first frame: two fsyncs
        else:
            self.save_remembered()

    def save_remembered(self) -> None:
        try:
            save_remembered(self.remembered, self.data_dir)
        except OSError as error:
            reason = os_error_reason(error).render(self.lang)
            self.notify(self.t("app.remembered_not_saved", problem=f"{self.data_dir}: {reason}"), severity="warning")

    def start_session(self, plan: SessionPlan) -> None:
        self.push_screen(self._run_screen_for(plan))
        self._opening_at_start(plan)

    def _opening_at_start(self, plan: SessionPlan) -> None:
        """A meeting of a group that wants its agreements at the opening: they (and the last
        meeting's open action points) cover the first phase until the facilitator goes on."""
        if plan.group is not None:
            from .screens.opening import opening_at_start  # groups' code: only for a group's meeting

            screen = opening_at_start(self, plan)
            if screen is not None:
                self.push_screen(screen)

    def resume_session(self, live: LiveSession) -> None:
        """Recover an interrupted session; its journal is reopened to go on appending."""
        from ..core.state import Status
        from ..store.sessions import SessionInUse
        from .screens.run import RunScreen

        try:
            journal = self.store.reopen(live, background=True)
        except SessionInUse as in_use:
            self._offer_read_only(live, in_use.message.render(self.lang))
            return
        runner = SessionRunner.recover(
            live.plan,
            self.clock,
            live.events,
            listeners=[journal.append],
            extend_takes_from_later=self.settings.extend_takes_from_later,
        )
        self._journals[id(runner)] = journal
        if runner.state.status is Status.ENDED:
            # Stopped during the wrap-up: the session itself is over, so finish the wrap-up.
            from .screens.wrapup import WrapUpScreen

            self.push_screen(WrapUpScreen(runner))
            return
        self.push_screen(RunScreen(runner, journal=journal))

    def _offer_read_only(self, live: LiveSession, reason: str) -> None:
        """The session is open in another instance: say so, and offer to read it as it stands."""
        from .dialogs.confirm import ChoiceScreen
        from .screens.review import SessionDetailScreen

        def answered(answer: str | None) -> None:
            if answer == "read":
                self.push_screen(SessionDetailScreen(self.store.preview(live), None, read_only=True))

        question = self.t("app.in_use.question", reason=reason)
        choices = [("read", self.t("app.in_use.read_only")), ("back", self.t("app.in_use.back"))]
        self.push_screen(ChoiceScreen(question, choices, escape_answer="back"), answered)

    def end_session(self, runner: SessionRunner, guard: Callable[[Callable[[], None]], None] | None = None) -> None:
        """Called by the run screen once the facilitator confirmed: on to the wrap-up, through
        `guard` (the mirrored-screen guard) when one is given. A session that never started is
        no meeting: it is discarded, unless the facilitator keeps it."""
        from ..core.state import Status
        from .dialogs.confirm import ChoiceScreen
        from .screens.wrapup import WrapUpScreen

        def wrap_up() -> None:
            runner.end()
            self.push_screen(WrapUpScreen(runner))

        def guarded_wrap_up() -> None:
            guard(wrap_up) if guard is not None else wrap_up()

        if runner.status is not Status.READY:
            guarded_wrap_up()
            return

        def answered(answer: str | None) -> None:
            if answer == "keep":
                guarded_wrap_up()
            elif answer == "discard":
                self._discard_never_started(runner)

        choices = [
            ("discard", self.t("run.unstarted.discard")),
            ("keep", self.t("run.unstarted.keep")),
            ("back", self.t("run.unstarted.back")),
        ]
        self.push_screen(ChoiceScreen(self.t("run.unstarted.question"), choices, escape_answer="back"), answered)

    def _discard_never_started(self, runner: SessionRunner) -> None:
        journal = self._journals.pop(id(runner), None)
        if journal is not None:
            journal.close()
            try:
                self.store.discard_never_started(journal.path, runner.plan, runner.events)
            except StoreError as error:
                self.notify(error.message.render(self.lang), severity="error", timeout=15)
        self.notify(self.t("run.unstarted.discarded"))
        self.back_home()

    def finish_session(self, runner: SessionRunner) -> bool:
        """The wrap-up screen saved: store the session, then back to a fresh home screen.
        False when the data folder refused it: the wrap-up stays open and can save again."""
        try:
            path = self.store.finish(runner.plan, runner.events, self._journals.get(id(runner)))
            self.record_in_group(runner.plan, path)
            if self.store.last_save_conflict is not None:  # another instance saved it too: both kept
                self.notify(
                    self.t("app.saved_beside", other=self.store.last_save_conflict, path=path),
                    severity="warning",
                    timeout=30,
                )
        except StoreError as error:  # the message says what to do
            problem = error.message.render(self.lang).rstrip(".")  # the sentence around it ends with a period
            self.notify(self.t("app.save_failed", problem=problem), severity="error", timeout=30)
            self._offer_export_elsewhere(self.store, runner)
            return False
        self._journals.pop(id(runner), None)
        self.notify(self.t("app.saved"))
        self.back_home()
        return True

    def record_in_group(self, plan: SessionPlan, path: Path) -> None:
        """A meeting of a group: add the saved session to the group's series."""
        from ..store.groups import GroupStore

        if plan.group is None:
            return
        try:
            GroupStore(self.store.root).record_session(self.store.load_path(path))
        except StoreError as error:
            self.notify(error.message.render(self.lang), severity="warning", timeout=15)

    def _offer_export_elsewhere(self, store: Store, runner: SessionRunner) -> None:
        """The data folder refused the session: let the facilitator save it somewhere else
        (a USB stick, the home folder) as the complete JSON record. Nothing is lost meanwhile:
        the wrap-up stays open and the journal keeps the events in memory."""
        from ..store.sessions import default_export_name
        from .dialogs.export import ExportScreen, export_asking_first

        document = store.build_document(runner.plan, runner.events, self._journals.get(id(runner)))
        suggestion = Path.home() / default_export_name(document, "document")

        def export(target: Path | None) -> None:
            if target is not None:
                export_asking_first(
                    self, document, target, fmt="document", anonymize=False, done_key="app.exported_elsewhere"
                )

        self.push_screen(ExportScreen(suggestion, anonymize=False, title=self.t("review.export.title_json")), export)

    def back_home(self) -> None:
        """Close every screen above the home screen (making it if the base is the empty one)."""
        while len(self.screen_stack) > 1 and not self._is_home(self.screen_stack[-1]):
            self.pop_screen()
        if not self._is_home(self.screen_stack[-1]):
            self.push_screen(self._home_screen())
            return
        refresh = getattr(self.screen_stack[-1], "refresh_language", None)
        if callable(refresh):
            refresh()  # the home screen lists sessions and interrupted journals afresh

    @staticmethod
    def _is_home(screen: Screen) -> bool:
        from .screens.home import HomeScreen

        return isinstance(screen, HomeScreen)

    # -- app-wide actions -------------------------------------------------------------------

    def action_help(self) -> None:
        from .dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_attendance(self) -> None:
        """Over the run screen only: record a late arrival or an early departure."""
        from .dialogs.attendance import AttendanceScreen

        runner = getattr(self.screen, "runner", None)
        if getattr(self.screen, "IS_RUN_SCREEN", False) and runner is not None:
            self.push_screen(AttendanceScreen(runner))

    def action_opening(self) -> None:
        """Over the run screen of a group's meeting: its agreements and open action points for the room."""
        from .screens.opening import opening_for

        runner = getattr(self.screen, "runner", None)
        if getattr(self.screen, "IS_RUN_SCREEN", False) and runner is not None:
            screen = opening_for(self, runner.plan)
            if screen is not None:
                self.push_screen(screen)

    async def action_quit(self) -> None:
        """ctrl+q and the palette's Quit: straight out, unless a session is not saved yet
        or the disk still refuses lines of a journal; then ask first."""
        from .dialogs.confirm import ConfirmScreen

        session_screen = self._unsaved_session_screen()
        problem = self.unsaved_problem()
        if session_screen is None and problem is None:
            self.exit()
            return
        if isinstance(self.screen, ConfirmScreen) and getattr(self.screen, "is_quit_question", False):
            return  # already asking
        question = self.t("run.quit.question")
        if problem:
            question += "\n\n" + self.t("run.quit.unsaved", problem=problem)

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                if session_screen is not None:
                    session_screen.flush()
                self.exit()

        dialog = ConfirmScreen(question, self.t("run.quit.yes"), self.t("run.quit.no"), danger=True)
        dialog.is_quit_question = True  # type: ignore[attr-defined]
        self.push_screen(dialog, answered)

    def unsaved_problem(self) -> str | None:
        """What a journal still holds only in memory, in words; None when all is on disk."""
        problem = self.store.unsaved_problem()
        return problem.render(self.lang) if problem is not None else None

    def _unsaved_session_screen(self) -> RunScreen | WrapUpScreen | None:
        """The screen of a session that has started and is not saved yet, if any."""
        from ..core.state import Status
        from .screens.run import RunScreen
        from .screens.wrapup import WrapUpScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, WrapUpScreen):
                return screen
            if isinstance(screen, RunScreen) and screen.runner.status is not Status.READY:
                return screen
        return None

    def action_next_theme(self) -> None:
        self.theme = next_theme(self.theme)
        self.notify(self.t("app.theme_changed", theme=self.theme_label(self.theme)), timeout=2)

    def action_switch_language(self) -> None:
        self.set_language("en" if self.lang == "nl" else "nl")
        self.notify(self.t("app.language_changed"), timeout=2)

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        # The shared screen can show private notes: never write it to disk from the app.
        self.notify(self.t("app.screenshot_disabled"), severity="warning")

    # -- Textual's own texts, in our language ---------------------------------------------------

    def action_command_palette(self) -> None:
        from .palette import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(
                    id="--command-palette",
                    placeholder=self.t("palette.placeholder"),
                    no_matches=self.t("palette.no_matches"),
                )
            )

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        from .palette import CommandPalette

        self.push_screen(
            CommandPalette(
                providers=[ThemeProvider],
                placeholder=self.t("palette.theme_placeholder"),
                no_matches=self.t("palette.no_matches"),
            )
        )

    def action_help_quit(self) -> None:
        """ctrl+c (a reflex to quit) says which key quits, in our language and without markup."""
        for _key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(
                    self.t("app.quit_hint", keys=self.get_key_display(active.binding)),
                    title=self.t("app.quit_hint_title"),
                )
                return

    def theme_label(self, name: str) -> str:
        key = f"theme.{name}"
        try:
            return self.t(key)
        except KeyError:
            return name

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Our own translated set: no Screenshot (it writes the screen to disk), no Maximize."""
        yield SystemCommand(
            self.t("palette.choose_theme"), self.t("palette.choose_theme_help"), self.action_change_theme
        )
        yield SystemCommand(self.t("keys.help"), self.t("help.title"), self.action_help)
        yield SystemCommand(self.t("palette.quit"), self.t("palette.quit_help"), self.action_quit)
