"""The set-up screen: who takes part, who brings the case, which method, how much time.

The rules (editing the speaking order, what is still wrong, the schedule) are in `core.setup`; this screen only
shows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from rich.console import Group as Stack
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from ...core.message import Message
from ...core.method import Language, Method
from ...core.method_outline import method_outline
from ...core.plan import (
    MAX_PARTICIPANTS,
    MIN_PARTICIPANTS,
    GroupMeeting,
    PlanError,
    SessionPlan,
)
from ...core.setup import SpeakingOrder, group_size_note, parse_budget, schedule, setup_problems
from ..dialogs.rename import RenameScreen
from ..keys import bindings_for
from ..language import FollowsLanguage
from ..plain import plain
from ..widgets.key_footer import KeyFooter
from .base import IntervisieScreen

LATER = ""  # the inbrenger choice "later, in the case-selection phase"

# -- widgets ----------------------------------------------------------------------------------


class ParticipantList(OptionList):
    """The group in speaking order; its keys edit the highlighted name."""

    BINDINGS = bindings_for("participant-list")


def replace_options(select: Select, options: Sequence[tuple[RenderableType, str]], value: str) -> None:
    """New option labels, same choice; redraw even when the value did not change
    (the shown label may have: another language, a renamed participant)."""
    select.set_options(options)
    select.value = value
    select.mutate_reactive(type(select).value)


# -- the screen -------------------------------------------------------------------------------


class SetupScreen(FollowsLanguage, IntervisieScreen):
    """Prepare a session; Start hands the plan to the app, Escape goes back home."""

    DEFAULT_CSS = """
    SetupScreen #setup-columns { height: 1fr; }
    SetupScreen #setup-form { width: 1fr; min-width: 36; padding: 0 1; }
    SetupScreen #setup-side { width: 1fr; min-width: 36; padding: 0 1; }
    SetupScreen Label { margin-top: 1; text-style: bold; }
    SetupScreen #participants-label { margin-top: 0; }
    SetupScreen #participants { height: auto; max-height: 14; border: round $primary; }
    SetupScreen #participants:focus { border: round $accent; }
    SetupScreen .hint { color: $text-muted; }
    SetupScreen #group-message { color: $error; }
    SetupScreen #preview-box { height: 1fr; border: round $primary; }
    SetupScreen #problems { color: $error; height: auto; margin: 1 0 0 0; }
    SetupScreen #problems.-fine { color: $success; }
    SetupScreen #group-size-note { color: $warning; height: auto; }
    SetupScreen #start { width: 100%; margin-top: 1; }
    """
    KEY_SCOPE = "setup"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("setup")

    def __init__(self, method_id: str | None = None) -> None:
        super().__init__()
        self.preselected_method = method_id
        self.group = SpeakingOrder()
        self.inbrenger: str | None = None
        self.method_id: str | None = None
        self.group_problem: Message | None = None
        self.problems: list[Message] = []

    # -- building ---------------------------------------------------------------------------

    def _method_choices(self) -> list[tuple[str, str]]:
        lang = self.app.lang
        return [
            (f"{loaded.method.name(lang)} ({loaded.method.minutes} {self.app.t('word.minutes')})", loaded.method.id)
            for loaded in self.app.library.sorted(lang)
        ]

    def _initial_values(self) -> tuple[str | None, str]:
        settings = self.app.remembered
        library = self.app.library
        known = {loaded.method.id for loaded in library.sorted()}
        method_id = next(
            (candidate for candidate in (self.preselected_method, settings.last_method) if candidate in known),
            None,
        )
        if method_id is None and known:
            method_id = library.sorted(self.app.lang)[0].method.id
        budget = ""
        if method_id is not None:
            budget = str(library.get(method_id).minutes)
            if method_id == settings.last_method and settings.last_minutes and self.preselected_method is None:
                budget = str(settings.last_minutes)
        return method_id, budget

    # Hooks for a set-up that starts from something else than the last session (a group's meeting).

    def initial_names(self) -> list[str]:
        return list(self.app.remembered.last_group)

    def initial_facilitator(self) -> str:
        return self.app.remembered.last_facilitator or ""

    def group_link(self) -> GroupMeeting | None:
        return None

    def compose(self) -> ComposeResult:
        self.group = SpeakingOrder(self.initial_names()[:MAX_PARTICIPANTS])
        self.method_id, budget = self._initial_values()
        method_choices = self._method_choices()
        with Horizontal(id="setup-columns"):
            with VerticalScroll(id="setup-form"):
                yield Label(id="participants-label")
                yield Input(id="participant-input")
                yield Static("", id="group-message")
                yield ParticipantList(id="participants")
                yield Static("", id="participants-hint", classes="hint")
                yield Label(id="inbrenger-label")
                yield Select([("", LATER)], id="inbrenger", allow_blank=False, value=LATER)
                yield Label(id="facilitator-label")
                yield Input(self.initial_facilitator(), id="facilitator")
                yield Label(id="method-label")
                if method_choices:
                    yield Select(method_choices, id="method", allow_blank=False, value=self.method_id)
                else:
                    yield Select([], id="method", allow_blank=True)
                yield Label(id="budget-label")
                yield Input(budget, id="budget", type="integer")
                yield Label(id="case-title-label")
                yield Input(id="case-title")
                yield Label(id="case-question-label")
                yield Input(id="case-question")
            with Vertical(id="setup-side"):
                with VerticalScroll(id="preview-box"):
                    yield Static(id="preview")
                yield Static(id="problems")
                yield Static(id="group-size-note")
                yield Button(id="start", variant="primary")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_language()
        target = "#participant-input" if len(self.group) < MIN_PARTICIPANTS else "#participants"
        self.query_one(target).focus()

    def refresh_language(self) -> None:
        t = self.app.t
        labels = {
            "#participants-label": t("setup.participants", min=MIN_PARTICIPANTS, max=MAX_PARTICIPANTS),
            "#inbrenger-label": t("setup.inbrenger"),
            "#facilitator-label": t("setup.facilitator"),
            "#method-label": t("setup.method"),
            "#budget-label": t("setup.budget"),
            "#case-title-label": t("setup.case_title"),
            "#case-question-label": t("setup.case_question"),
        }
        for selector, text in labels.items():
            self.query_one(selector, Label).update(text)
        placeholders = {
            "#participant-input": t("setup.add_placeholder"),
            "#facilitator": t("setup.facilitator_placeholder"),
            "#budget": t("setup.budget_placeholder"),
            "#case-title": t("setup.case_title_placeholder"),
            "#case-question": t("setup.case_question_placeholder"),
        }
        for selector, text in placeholders.items():
            self.query_one(selector, Input).placeholder = text
        self.query_one("#participants-hint", Static).update(t("setup.participants_hint"))
        self.query_one("#start", Button).label = t("setup.start_button")
        choices = self._method_choices()
        if choices and self.method_id is not None:
            replace_options(self.query_one("#method", Select), choices, self.method_id)
        self._show_group()

    # -- reading the form ---------------------------------------------------------------------

    @property
    def method(self) -> Method | None:
        if self.method_id is None:
            return None
        try:
            return self.app.library.get(self.method_id)
        except KeyError:
            return None

    def _value(self, selector: str) -> str:
        return self.query_one(selector, Input).value

    # -- showing ------------------------------------------------------------------------------

    def _show_group(self, highlight: int | None = None) -> None:
        """Redraw the participant list and everything that depends on it."""
        t = self.app.t
        names = self.group.names
        listing = self.query_one(ParticipantList)
        previous = listing.highlighted if highlight is None else highlight
        listing.clear_options()
        for position, name in enumerate(names, start=1):
            mark = f"  ({t('word.inbrenger').lower()})" if name == self.inbrenger else ""
            listing.add_option(Option(Text(f"{position:>2}. {name}{mark}")))
        if names:
            listing.highlighted = min(previous or 0, len(names) - 1)
        message = self.query_one("#group-message", Static)
        message.update(plain(self.group_problem.render(self.app.lang)) if self.group_problem else "")
        self._sync_inbrenger_options()
        self._update()

    def _sync_inbrenger_options(self) -> None:
        t = self.app.t
        options: list[tuple[RenderableType, str]] = [(t("setup.inbrenger_later"), LATER)]
        options += [(Text(name), name) for name in self.group.names]  # a name is never markup
        if self.inbrenger and self.inbrenger not in self.group.names:
            options.append((Text(t("setup.inbrenger_gone", name=self.inbrenger)), self.inbrenger))
        replace_options(self.query_one("#inbrenger", Select), options, self.inbrenger or LATER)

    def _update(self) -> None:
        """Re-check the form and redraw the schedule; called on every change."""
        t = self.app.t
        method = self.method
        budget_text = self._value("#budget")
        self.problems = setup_problems(self.group.names, self.inbrenger, method, budget_text)
        self.query_one("#preview", Static).update(self._preview(method, parse_budget(budget_text)))
        problems = self.query_one("#problems", Static)
        if self.problems:
            lines = [t("setup.problems_title")] + ["• " + problem.render(self.app.lang) for problem in self.problems]
            problems.update(Text("\n".join(lines)))
        else:
            problems.update(t("setup.ready"))
        problems.set_class(not self.problems, "-fine")
        self.query_one("#group-size-note", Static).update(group_size_note(method, len(self.group), t))
        self.query_one("#start", Button).disabled = bool(self.problems)

    def _preview(self, method: Method | None, budget: int | None) -> RenderableType:
        t, lang = self.app.t, self.app.lang
        if method is None:
            return Text(t("setup.no_methods"))
        minutes = schedule(method, budget)
        outline = method_outline(method, lang)
        low, high = outline.group_size
        header = Text()
        header.append(outline.name + "\n", style="bold")
        header.append(outline.summary + "\n", style="italic")
        header.append(t("setup.preview_facts", low=low, high=high, minutes=outline.minutes, minimum=outline.min_total))
        # A table, so a long speaking pattern wraps under its phase, not under the minutes.
        table = Table(box=None, show_header=False, padding=(0, 1, 0, 0), expand=True)
        table.add_column(justify="right", no_wrap=True, style="bold")
        table.add_column(ratio=1)
        unit = t("word.minutes")
        for phase, phase_minutes in zip(outline.phases, minutes, strict=True):
            cell = Text(f"{phase.number}. {phase.title}\n")
            cell.append(phase.speakers, style="dim")
            table.add_row(f"{phase_minutes} {unit}", cell)
        table.add_row(f"{sum(minutes)} {unit}", Text(t("word.total"), style="bold"))
        return Stack(header, Text(""), table)

    # -- events -------------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id != "participant-input":
            self.focus_next()
        elif not event.value.strip() and len(self.group) >= MIN_PARTICIPANTS:
            self.focus_next()  # an empty Enter after the names moves on to the list
        else:
            self._add_participant(event.input)

    def _add_participant(self, field_: Input) -> None:
        self.group_problem = self.group.add(field_.value)
        if self.group_problem is None:
            field_.value = ""
            self._show_group(highlight=len(self.group) - 1)
        else:
            self._show_group()

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "budget":
            self._update()
        elif event.input.id == "participant-input" and self.group_problem is not None:
            self.group_problem = None  # the message was about what was typed before
            self.query_one("#group-message", Static).update("")

    @on(Select.Changed, "#inbrenger")
    def _inbrenger_changed(self, event: Select.Changed) -> None:
        if event.value != event.select.value:
            return  # a stale message from rebuilding the options
        chosen = event.value if isinstance(event.value, str) and event.value else None  # a name, or LATER ("")
        if chosen != self.inbrenger:
            self.inbrenger = chosen
            self._show_group()

    @on(Select.Changed, "#method")
    def _method_changed(self, event: Select.Changed) -> None:
        if event.value != event.select.value or event.value == Select.BLANK:
            return
        if event.value != self.method_id:
            self.method_id = str(event.value)
            method = self.method
            if method is not None:
                self.query_one("#budget", Input).value = str(method.minutes)
            self._update()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            event.stop()
            self.action_start()

    # -- editing the group --------------------------------------------------------------------

    def _highlighted(self) -> int | None:
        index = self.query_one(ParticipantList).highlighted
        return index if index is not None and 0 <= index < len(self.group) else None

    def action_rename_participant(self) -> None:
        index = self._highlighted()
        if index is None:
            return
        old = self.group.names[index]

        def check(name: str) -> str | None:
            probe = SpeakingOrder(self.group.names)
            problem = probe.rename(index, name)
            return problem.render(self.app.lang) if problem else None

        def renamed(name: str | None) -> None:
            if name is None:
                return
            self.group_problem = self.group.rename(index, name)
            if self.group_problem is None and self.inbrenger == old:
                self.inbrenger = self.group.names[index]
            self._show_group(highlight=index)

        self.app.push_screen(RenameScreen(old, check), renamed)

    def action_remove_participant(self) -> None:
        index = self._highlighted()
        if index is None:
            return
        self.group.remove(index)
        self.group_problem = None
        self._show_group(highlight=max(0, index - 1) if index >= len(self.group) else index)

    def action_move_participant(self, step: int) -> None:
        index = self._highlighted()
        if index is None:
            return
        self._show_group(highlight=self.group.move(index, step))

    # -- leaving ------------------------------------------------------------------------------

    def build_plan(self) -> SessionPlan | None:
        """The plan, or None after showing what is wrong."""
        self._update()
        method = self.method
        if self.problems or method is None:
            return None
        try:
            return SessionPlan.create(
                method,
                list(self.group.names),
                inbrenger=self.inbrenger,
                facilitator=self._value("#facilitator"),
                case_title=self._value("#case-title"),
                case_question=self._value("#case-question"),
                budget_minutes=parse_budget(self._value("#budget")),
                language=cast("Language", self.app.lang),  # the app's language is always one of LANGUAGES
                group=self.group_link(),
            )
        except PlanError as error:
            self.query_one("#problems", Static).update(
                plain(self.app.t("setup.error.plan", reason=error.render(self.app.lang)))
            )
            self.query_one("#problems", Static).set_class(False, "-fine")
            return None

    def action_start(self) -> None:
        plan = self.build_plan()
        if plan is None:
            self.app.bell()
            self.notify(self.app.t("setup.not_ready"), severity="warning")
            return
        remembered: Any = self.app.remembered
        remembered.last_group = list(plan.participants)
        remembered.last_facilitator = plan.facilitator
        remembered.last_method = plan.method.id
        remembered.last_minutes = plan.budget_minutes
        self.app.save_remembered()
        self.app.start_session(plan)

    def action_back(self) -> None:
        self.app.pop_screen()
