"""The wrap-up after a session: action points, the closing round, the inbrenger's reflection.

Every field is written to the runner as a NOTE event shortly after typing pauses, within
a second even while typing goes on (ui/autosave.py), and whenever the field loses focus;
saving only closes the session.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static, TextArea

from ...core.engine import SessionRunner
from ...core.events import NoteField
from ..autosave import UnsavedNotes
from ..dialogs.confirm import ConfirmScreen
from ..keys import bindings_for
from ..language import FollowsLanguage
from ..plain import plain
from ..widgets.key_footer import KeyFooter
from .base import IntervisieScreen

NoteTarget = tuple[NoteField, str | None]  # the field, and whose (an evaluation's participant)
NoteWidget = TextArea | Input

JOURNAL_CHECK_INTERVAL = 1.0  # seconds between looks at the journal while the wrap-up is open

# The closing round's prompts (who, message key), shown as guidance.
EVALUATION_PROMPTS = (
    "wrapup.prompt.inbrenger",
    "wrapup.prompt.participant",
    "wrapup.prompt.group",
    "wrapup.prompt.facilitator",
)


def action_points_so_far(runner: SessionRunner) -> str:
    """Action points already written: the session's own field, else those of the phases, in phase order."""
    state = runner.state
    own = state.note(NoteField.ACTION_POINTS)
    if own:
        return own
    order = {phase.id: index for index, phase in enumerate(runner.plan.method.phases)}
    per_phase = [
        (order.get(phase, len(order)), text)
        for (phase, field, _key), text in state.notes.items()
        if field is NoteField.ACTION_POINTS and phase is not None and text.strip()
    ]
    return "\n".join(text.strip() for _, text in sorted(per_phase, key=lambda item: item[0]))


class WrapUpScreen(FollowsLanguage, IntervisieScreen):
    """Pushed by the app when the session has ended; ctrl+s saves and closes."""

    DEFAULT_CSS = """
    WrapUpScreen #wrapup-body { padding: 0 1; }
    WrapUpScreen #wrapup-title { text-style: bold; color: $accent; }
    WrapUpScreen .section { text-style: bold; margin-top: 1; }
    WrapUpScreen .hint { color: $text-muted; }
    WrapUpScreen TextArea { height: 6; }
    WrapUpScreen #reflection { height: 10; }
    WrapUpScreen .evaluation-row { height: auto; }
    WrapUpScreen .evaluation-row Label { width: 18; padding: 1 1 0 0; text-style: bold; }
    WrapUpScreen .evaluation-row Input { width: 1fr; }
    WrapUpScreen #save { margin: 1 0; }
    WrapUpScreen #wrapup-journal-warning { color: $error; text-style: bold; padding: 0 1; }
    """
    KEY_SCOPE = "wrapup"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("wrapup")

    def __init__(self, runner: SessionRunner) -> None:
        super().__init__()
        self.runner = runner
        self.unsaved: UnsavedNotes[NoteTarget] = UnsavedNotes(self.set_timer, self._save_note)
        self._targets: dict[Widget, NoteTarget] = {}  # each field's note, filled in as they are made
        self._finishing = False

    # -- building -------------------------------------------------------------------------------

    def _note_field(self, widget: NoteWidget, target: NoteTarget) -> NoteWidget:
        self._targets[widget] = target
        return widget

    def compose(self) -> ComposeResult:
        state = self.runner.state
        yield Static(id="wrapup-journal-warning")
        with VerticalScroll(id="wrapup-body"):
            yield Static(id="wrapup-title")
            yield Static(id="wrapup-intro", classes="hint")
            yield Label(id="action-points-label", classes="section")
            yield self._note_field(
                TextArea(action_points_so_far(self.runner), id="action-points", tab_behavior="focus"),
                (NoteField.ACTION_POINTS, None),
            )
            yield Label(id="evaluation-label", classes="section")
            yield Static(id="evaluation-prompts", classes="hint")
            for index, name in enumerate(self.runner.plan.participants):
                with Horizontal(classes="evaluation-row"):
                    yield Label(plain(name, lines=False), id=f"evaluation-label-{index}")
                    yield self._note_field(
                        Input(state.note(NoteField.EVALUATION, key=name), id=f"evaluation-{index}"),
                        (NoteField.EVALUATION, name),
                    )
            yield Label(id="reflection-label", classes="section")
            yield Static(id="reflection-hint", classes="hint")
            yield self._note_field(
                TextArea(state.note(NoteField.REFLECTION), id="reflection", tab_behavior="focus"),
                (NoteField.REFLECTION, None),
            )
            yield Button(id="save", variant="primary")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_language()
        self.query_one("#action-points", TextArea).focus()
        self.set_interval(JOURNAL_CHECK_INTERVAL, self.refresh_journal_warning)

    def refresh_language(self) -> None:
        t, lang = self.app.t, self.app.lang
        plan = self.runner.plan
        inbrenger = self.runner.state.inbrenger
        self.query_one("#wrapup-title", Static).update(plain(t("wrapup.title", method=plan.method.name(lang))))
        self.query_one("#wrapup-intro", Static).update(t("wrapup.intro"))
        self.query_one("#action-points-label", Label).update(t("wrapup.action_points"))
        self.query_one("#action-points", TextArea).placeholder = t("wrapup.action_points_placeholder")
        self.query_one("#evaluation-label", Label).update(t("wrapup.evaluation"))
        self.query_one("#evaluation-prompts", Static).update(Text("\n".join(t(key) for key in EVALUATION_PROMPTS)))
        for index, name in enumerate(plan.participants):
            field_ = self.query_one(f"#evaluation-{index}", Input)
            prompt = "wrapup.evaluation_placeholder_inbrenger" if name == inbrenger else "wrapup.evaluation_placeholder"
            field_.placeholder = t(prompt)
            label = f"{name} ({t('word.inbrenger').lower()})" if name == inbrenger else name
            self.query_one(f"#evaluation-label-{index}", Label).update(plain(label, lines=False))
        reflection_title = t("wrapup.reflection_of", name=inbrenger) if inbrenger else t("wrapup.reflection")
        self.query_one("#reflection-label", Label).update(plain(reflection_title))
        self.query_one("#reflection-hint", Static).update(t("wrapup.reflection_hint"))
        self.query_one("#reflection", TextArea).placeholder = t("wrapup.reflection_template")
        self.query_one("#save", Button).label = t("wrapup.save_button")
        self.refresh_journal_warning()

    def refresh_journal_warning(self) -> None:
        """While the journal holds lines the disk refused, say so and keep retrying (the store
        retries at most every few seconds): quitting now would lose them."""
        problem = self.app.store.unsaved_problem()
        warning = self.query_one("#wrapup-journal-warning", Static)
        warning.display = problem is not None
        shown = self.app.t("wrapup.journal_problem", problem=problem) if problem is not None else ""
        warning.update(plain(shown))  # a Message value is worded by `t`, in the language of the moment

    # -- saving as you type ---------------------------------------------------------------------

    def _changed(self, widget: NoteWidget) -> None:
        target = self._targets.get(widget)
        if target is not None:
            self.unsaved.changed(target, lambda: widget.text if isinstance(widget, TextArea) else widget.value)

    def _save_note(self, target: NoteTarget, text: str) -> None:
        field_, key = target
        self.runner.set_note(field_, text, key=key)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._changed(event.text_area)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._changed(event.input)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.flush()
        self.focus_next()

    def on_descendant_blur(self, event) -> None:
        self.flush()

    def flush(self) -> None:
        """Write every field typed in since the last write (unchanged text records nothing)."""
        self.unsaved.flush()

    # -- leaving --------------------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            event.stop()
            self.action_save()

    def action_save(self) -> None:
        if self._finishing:
            return  # a second ctrl+s while the first is saving
        self._finishing = True
        self.flush()
        saved = False
        try:
            saved = self.app.finish_session(self.runner)
        finally:
            if not saved:  # refused: the wrap-up stays, and ctrl+s must work again
                self._finishing = False
        if not saved:
            self.refresh_journal_warning()

    def action_leave(self) -> None:
        self.flush()
        t = self.app.t

        def answered(leave: bool | None) -> None:
            if leave:
                self.action_save()

        self.app.push_screen(
            ConfirmScreen(t("wrapup.leave_question"), t("wrapup.leave_yes"), t("wrapup.leave_no")),
            answered,
        )
