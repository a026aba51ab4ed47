"""The run screen: the shared screen projected in the meeting room.

It shows the session and turns keys into engine actions; nothing else. Every
refresh reads the remaining time from the runner's clock, so a late or skipped
tick never makes the clock wrong. Facilitator-only content (tips, notes) is not
even rendered until the facilitator opens its panel.
"""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Static, TextArea

from ...core.engine import SessionRunner
from ...core.events import NoteField
from ...core.method import Speakers
from ...core.state import SessionView, Status
from .confirm import ConfirmScreen
from ..keys import (
    ACTIONS_BY_ID,
    bindings_for,
    footer_rank,
    key_label,
    keys_in_force,
    typed_in_a_text_field,
)
from ..widgets.big_countdown import BigCountdown, BlockDigits, banner_text, render_big
from ..widgets.notes_panel import NoteSlot, NotesPanel
from ..widgets.phase_strip import StripEntry, strip_text
from ..widgets.whose_turn import describe_turn, format_clock, format_duration

TICK_SECONDS = 0.5  # the display lags the clock by at most this; cheap enough for hours on battery
NAME_BANNER_MIN_HEIGHT = 30  # below this the clock needs the rows; the name stays one line
NAME_BANNER_LARGE_HEIGHT = 45  # from here the name is drawn twice as large
STATE_CLASSES = ("-ready", "-running", "-last-minute", "-over", "-paused", "-ended")


def clock_state(view: SessionView) -> str:
    """The state word's key: what the room should read next to the countdown."""
    if view.status is Status.READY:
        return "ready"
    if view.status is Status.ENDED:
        return "ended"
    if view.status is Status.PAUSED:
        return "paused"
    if view.is_over:
        return "over"
    if view.is_last_minute:
        return "last_minute"
    return "running"


def state_class(state: str) -> str:
    return f"-{state.replace('_', '-')}"


class RunScreen(Screen):
    IS_RUN_SCREEN = True  # the command palette offers the run actions here
    AUTO_FOCUS = None
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [Binding("escape", "leave_panels", show=False, id="leave-panels")]

    def __init__(self, runner: SessionRunner, *, journal=None) -> None:
        # Start with the right state class: changing it after mount restyles every widget.
        super().__init__(classes=state_class(clock_state(runner.view())))
        self.runner = runner
        self.journal = journal
        self.facilitator_visible = False
        self.notes_visible = False
        self.blanked = False
        self.tick_timer: Timer | None = None
        self._time_phase: int | None = None  # the phase whose zero crossing is watched
        self._over_announced = False
        self._notes_phase: str | None = None
        self._built = False  # refresh_view waits for compose
        self._ticking = True
        self._strip_shown: tuple | None = None
        self.notes_panel = NotesPanel(self._save_note, id="notes-panel")

    # -- building ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="session-view"):
            with Horizontal(id="run-header"):
                yield Static("", id="run-title")
                yield Static("", id="run-step")
            yield Static("", id="phase-strip")
            with Horizontal(id="clock-row"):
                with Vertical(id="clock-box"):
                    yield BigCountdown(id="countdown")
                    yield Static("", id="clock-state")
                with Vertical(id="turn-box"):
                    yield Static("", id="turn-name")
                    yield BigCountdown(id="turn-countdown")  # the default reference: "+00:00", as format_clock writes
                    yield Static("", id="turn-state")
            with Center(id="who-big-row"):
                yield BlockDigits(id="who-big")
            yield Static("", id="who")
            yield Static("", id="who-detail")
            yield Static("", id="who-spoken")
            yield Static("", id="questions")
            yield Static("", id="journal-warning")
        with Vertical(id="facilitator-panel"):
            yield Static("", id="facilitator-content")
        yield self.notes_panel
        with Vertical(id="blank-view"):
            yield Static("", id="blank-title")
            yield Static("", id="blank-hint")
        yield Footer(show_command_palette=False)  # ctrl+p is on the help screen; the room needs the width

    def on_mount(self) -> None:
        self._built = True
        self._bindings = self._run_bindings()
        self.tick_timer = self.set_interval(TICK_SECONDS, self.tick, name="countdown")
        self.refresh_language()

    def _run_bindings(self):
        """Textual's own screen bindings (tab, …) and ours, in the current language."""
        merged = type(self)._merged_bindings
        return bindings_for("run", self.app.t, merged.copy() if merged is not None else None, lead=("help",))

    def on_resize(self) -> None:
        self.query_one(Footer).compact = self.size.width < 120
        self.refresh_view()
        self.refresh_bindings()  # the footer's order depends on the width

    def on_unmount(self) -> None:
        self._built = False
        self.notes_panel.flush()

    def on_screen_suspend(self) -> None:
        """Another screen on top: save notes. Under a dialog the clock stays in view and keeps
        ticking; under a full screen (the wrap-up) it is unseen and stops."""
        self.notes_panel.flush()
        if self.tick_timer is not None and not self.app.screen.is_modal:
            self.tick_timer.pause()

    def on_screen_resume(self) -> None:
        if self.tick_timer is not None and self._ticking:
            self.tick_timer.resume()
        self.refresh_view()

    # -- refreshing -------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return self.app.lang

    def refresh_language(self) -> None:
        """Every text again, in the app's current language."""
        self._bindings = self._run_bindings()
        self._strip_shown = None
        self.query_one("#blank-title", Static).update(self.app.t("run.blank.title"))
        self.query_one("#blank-hint", Static).update(self.app.t("run.blank.hint", shortcut=self.key_for("blank")))
        self.refresh_view()
        if self.notes_visible:
            self.run_worker(self._rebuild_notes(), exclusive=True, group="notes")
        self.refresh_bindings()

    def key_for(self, action_id: str) -> str:
        """The first key the action answers to now (after rebinding), as the footer writes it."""
        return keys_in_force(ACTIONS_BY_ID[action_id], self.app._keymap, self.app.t)[0]

    @property
    def active_bindings(self):
        """The footer's keys: the registry's order (what matters first, so a narrow footer
        cuts the least important), keys written in the current language, and while a note
        is being typed, none the text field takes itself (it types them, they do nothing)."""
        typing = self._typing()
        width = self.size.width
        shown = []
        for key, active in super().active_bindings.items():
            binding = active.binding
            rank = footer_rank(binding.id, width)
            if binding.show:
                if rank is None or (typing and typed_in_a_text_field(key)):
                    binding = replace(binding, show=False)
                else:
                    binding = replace(binding, key_display=key_label(key, self.app.t))
            shown.append((rank if rank is not None else len(shown) + 100, key, active._replace(binding=binding)))
        shown.sort(key=lambda item: item[0])
        return {key: active for _, key, active in shown}

    def _typing(self) -> bool:
        focused = self.focused
        return focused is not None and isinstance(focused, TextArea | Input)

    def pause_ticking(self) -> None:
        """Stop the timer for good (tests and snapshots drive refresh_view themselves)."""
        self._ticking = False
        if self.tick_timer is not None:
            self.tick_timer.pause()

    def tick(self) -> None:
        """The timer's beat: keep the time spent on disk now and then, then show the moment."""
        self.runner.checkpoint()
        self.refresh_view()

    def flush(self) -> None:
        """Write what is typed in the notes now (before quitting)."""
        self.notes_panel.flush()

    def refresh_view(self) -> None:
        """Read the session at this moment and update what changed."""
        if not self._built:
            return
        runner = self.runner
        view = runner.view()
        lang = self.lang
        t = self.app.t
        phase = view.phase
        plan = runner.plan

        self._set("#run-title", f"{plan.method.name(lang)} — {phase.title(lang)}")
        self._set("#run-step", t("run.step", number=view.phase_index + 1, total=view.phase_count))
        strip_key = (tuple(self._strip_entries(view)), self._strip_width())
        if strip_key != self._strip_shown:
            self._strip_shown = strip_key
            self.query_one("#phase-strip", Static).update(strip_text(list(strip_key[0]), strip_key[1]))

        state = clock_state(view)
        self._show_state(state)
        self.query_one("#countdown", BigCountdown).value = format_clock(view.remaining)
        minutes = round(view.allotted / 60)
        extra = runner.state.phases[view.phase_index].extra_minutes
        state_line = f"{t(f'run.state.{state}', shortcut=self.key_for('toggle-pause'))} · {t('run.of_minutes', minutes=minutes)}"
        if extra:
            state_line += " " + t("run.extra", sign="+" if extra > 0 else "−", minutes=abs(extra))
        self._set("#clock-state", state_line, layout=False)

        self._refresh_turn(view)
        self._refresh_questions(view)
        self._refresh_journal_warning()
        if self.facilitator_visible:
            self._refresh_facilitator(view)
        if self.notes_visible and self._notes_phase != phase.id:
            self.run_worker(self._rebuild_notes(), exclusive=True, group="notes")
        self._check_time_up(view)

    def _strip_width(self) -> int:
        """The strip's own width (panels narrow it), before the first layout the screen's."""
        width = self.query_one("#phase-strip").content_size.width
        return max(10, width if width else self.size.width - 2)

    def _show_state(self, state: str) -> None:
        """One class per state; changed only when the state changes (a class change restyles the screen)."""
        wanted = state_class(state)
        if not self.has_class(wanted):
            self.remove_class(*STATE_CLASSES)
            self.add_class(wanted)

    def _set(self, selector: str, text: str, *, layout: bool = True) -> None:
        """Update a text only when it changed; `layout=False` for fixed-size lines that tick every second."""
        widget = self.query_one(selector, Static)
        if getattr(widget, "_shown_text", None) != text:
            widget._shown_text = text  # type: ignore[attr-defined]
            widget.update(text, layout=layout)

    def _strip_entries(self, view: SessionView) -> list[StripEntry]:
        runner = self.runner
        entries = []
        for index, phase in enumerate(runner.plan.method.phases):
            if view.status is Status.READY:
                where = "coming" if index else "current"
            else:
                where = "past" if index < view.phase_index else "current" if index == view.phase_index else "coming"
            minutes = runner.plan.phase_minutes[index] + runner.state.phases[index].extra_minutes
            entries.append(StripEntry(index + 1, phase.title(self.lang), minutes, where))
        return entries

    def _refresh_turn(self, view: SessionView) -> None:
        t = self.app.t
        words = describe_turn(view, self.runner.plan, self.lang)
        self._set("#who", words.headline)
        self._show_name_banner(view.turn.current if view.turn is not None else None)
        detail = words.detail
        if self._needs_inbrenger(view):
            detail = t("run.inbrenger_needed", shortcut=self.key_for("choose-inbrenger"))
        self._set("#who-detail", detail)
        self._set("#who-spoken", words.spoken)
        turn = view.turn
        timed = turn is not None and turn.turn_remaining is not None
        # A narrow screen with a private panel open keeps the room's clock, not the turn's.
        cramped = self.has_class("-narrow") and (self.facilitator_visible or self.notes_visible)
        timed = timed and not cramped
        box = self.query_one("#turn-box")
        if box.display != timed:
            box.display = timed
        if timed:
            assert turn is not None and turn.turn_remaining is not None
            self._set("#turn-name", turn.current or "")
            self.query_one("#turn-countdown", BigCountdown).value = format_clock(turn.turn_remaining)
            over = turn.turn_remaining <= 0
            box.set_class(over, "-over")
            clock = format_clock(turn.turn_remaining)
            self._set("#turn-state", t("run.turn_over") if over else t("run.turn_clock", time=clock), layout=False)

    def _show_name_banner(self, name: str | None) -> None:
        """On a large screen the speaker's name in block capitals instead of one line of text."""
        lines = self._banner_lines(name)
        row = self.query_one("#who-big-row")
        if row.display != bool(lines):
            row.display = bool(lines)
            self.query_one("#who").display = not lines
        if lines and self.query_one("#who-big", BlockDigits).lines != lines:
            self.query_one("#who-big", BlockDigits).show(lines)

    def _banner_lines(self, name: str | None) -> list[str]:
        capitals = banner_text(name) if name and self.has_class("-wide") else None
        if capitals is None or self.size.height < NAME_BANNER_MIN_HEIGHT:
            return []
        room = self.query_one("#session-view").content_size.width or self.size.width
        for scale in (2, 1) if self.size.height >= NAME_BANNER_LARGE_HEIGHT else (1,):
            lines = render_big(capitals, scale)
            if len(lines[0]) <= room - 4:
                return lines
        return []

    def _needs_inbrenger(self, view: SessionView) -> bool:
        """The phase is about the inbrenger and none is chosen: ask for one on screen."""
        if view.inbrenger or view.status is Status.ENDED:
            return False
        phase = view.phase
        return phase.speakers in (Speakers.INBRENGER, Speakers.WITHOUT_INBRENGER) or (
            phase.speakers is Speakers.ROUND and phase.inbrenger_in_round
        )

    def _refresh_questions(self, view: SessionView) -> None:
        questions = view.phase.questions(self.lang) if view.phase.questions else []
        self._set("#questions", "\n\n".join(f"• {question}" for question in questions))

    def _refresh_journal_warning(self) -> None:
        warning = self.query_one("#journal-warning", Static)
        problem = None
        if self.journal is None:
            problem = self.app.t("app.store_unavailable", problem="—")
        elif getattr(self.journal, "problem", None):
            self.journal.retry()  # saved again as soon as the disk allows
            problem = self.journal.problem
            if problem:
                problem = self.app.t("run.journal_problem", problem=problem)
        if warning.display != bool(problem):
            warning.display = bool(problem)
        if problem:
            self._set("#journal-warning", f"⚠ {problem}")

    def _refresh_facilitator(self, view: SessionView) -> None:
        t = self.app.t
        plan = self.runner.plan
        state = self.runner.state
        lines = [t("run.facilitator.title"), ""]
        lines.append(t("run.facilitator.tips"))
        lines.append(view.phase.tips(self.lang) if view.phase.tips else t("run.facilitator.no_tips"))
        if plan.case_title:
            lines += ["", t("run.facilitator.case", title=plan.case_title)]
        if plan.case_question:
            lines.append(t("run.facilitator.case_question", question=plan.case_question))
        times = ", ".join(
            f"{name} {format_duration(seconds)}" for name, seconds in state.speaking_at(self.runner.now()).items()
        )
        lines += ["", t("run.facilitator.speaking", times=times)]
        free = state.note(NoteField.TEXT, view.phase.id)
        if free:
            lines += ["", t("run.notes.free") + ":", free]
        self._set("#facilitator-content", "\n".join(lines))

    # -- time up ----------------------------------------------------------------------------

    def _check_time_up(self, view: SessionView) -> None:
        """One bell and a notice when the running phase crosses zero; never again for the same overrun."""
        if view.phase_index != self._time_phase:
            # Arriving in a phase that already ran over (going back) announces nothing.
            self._time_phase = view.phase_index
            self._over_announced = view.is_over
            return
        if not view.is_over or view.status is Status.READY:
            self._over_announced = False
            return
        if self._over_announced or view.status is not Status.RUNNING:
            return
        self._over_announced = True
        self.app.ring_bell()
        if not self.blanked:
            self.app.notify(self.app.t("run.time_up", phase=view.phase.title(self.lang)), severity="warning", timeout=4)
        if self.app.settings.auto_advance and not view.is_last_phase:
            self._act(self.runner.next_phase)

    # -- actions ----------------------------------------------------------------------------

    def _act(self, action) -> bool:
        changed = action()
        if changed:
            self.refresh_view()
            self.refresh_bindings()
        return changed

    def action_toggle_pause(self) -> None:
        self._act(self.runner.toggle_pause)

    def action_extend(self, minutes: int) -> None:
        self._act(lambda: self.runner.extend(minutes))

    def action_next_phase(self) -> None:
        if self.runner.status is Status.READY:
            self._act(self.runner.start)
            return
        if self.runner.view().is_last_phase and self.runner.status is not Status.ENDED:
            self._confirm_end(self.app.t("run.confirm_end_last"))
            return
        self._leave_phase()
        self._act(self.runner.next_phase)

    def action_previous_phase(self) -> None:
        self._leave_phase()
        self._act(self.runner.previous_phase)

    def action_next_speaker(self) -> None:
        self._act(self.runner.next_speaker)

    def action_previous_speaker(self) -> None:
        self._act(self.runner.previous_speaker)

    def action_skip_speaker(self) -> None:
        self._act(self.runner.skip_speaker)

    def action_choose_inbrenger(self) -> None:
        from ..widgets.inbrenger_picker import InbrengerPicker

        def chosen(name: str | None) -> None:
            if name is not None and self._act(lambda: self.runner.set_inbrenger(name)):
                self.app.notify(self.app.t("run.inbrenger_set", name=name), timeout=3)

        picker = InbrengerPicker(self.app.t("run.picker.title"), self.runner.plan.participants, self.runner.state.inbrenger)
        self.app.push_screen(picker, chosen)

    def action_toggle_facilitator(self) -> None:
        self.facilitator_visible = not self.facilitator_visible
        self.set_class(self.facilitator_visible, "-facilitator")
        if not self.facilitator_visible:
            self._set("#facilitator-content", "")  # hidden means not rendered at all
        self.refresh_view()
        self.call_after_refresh(self.refresh_view)  # the strip fits its new width

    async def action_toggle_notes(self) -> None:
        panel = self.notes_panel
        if self.notes_visible:
            self._close_notes()
            return
        self.notes_visible = True
        self.set_class(True, "-notes")
        self.call_after_refresh(self.refresh_view)
        await self._rebuild_notes()
        panel.focus_first()

    async def _rebuild_notes(self) -> None:
        panel = self.notes_panel
        phase = self.runner.state.phase
        self._notes_phase = phase.id
        await panel.show_phase(phase, self.runner.state, self.app.t, phase.title(self.lang))

    def _close_notes(self) -> None:
        panel = self.notes_panel
        panel.flush()
        self.notes_visible = False
        self.set_class(False, "-notes")
        self.set_focus(None)
        self.call_after_refresh(self.refresh_view)

    def _leave_phase(self) -> None:
        """Notes typed for this phase are saved before the phase changes."""
        self.notes_panel.flush()

    def action_leave_panels(self) -> None:
        if self.notes_visible:
            self._close_notes()

    def action_toggle_blank(self) -> None:
        self.blanked = not self.blanked
        if self.blanked:
            # Private content is not merely covered: it is emptied. Coming back shows the
            # session only: the projector may be on again, so private panels stay closed.
            if self.notes_visible:
                self._close_notes()
            if self.facilitator_visible:
                self.action_toggle_facilitator()
        self.set_class(self.blanked, "-blank")
        self.refresh_bindings()

    def action_end_session(self) -> None:
        self._confirm_end(self.app.t("run.confirm_end"))

    def _confirm_end(self, question: str) -> None:
        self.notes_panel.flush()
        t = self.app.t

        def ended(confirmed: bool | None) -> None:
            if confirmed:
                self.notes_panel.flush()
                self.app.end_session(self.runner)
                self.refresh_view()

        self.app.push_screen(ConfirmScreen(question, t("run.confirm.yes"), t("run.confirm.no"), danger=True), ended)

    TURN_ACTIONS = frozenset({"next_speaker", "previous_speaker", "skip_speaker"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Which keys work (and show in the footer) right now; a short footer fits a small screen."""
        if self.blanked:
            # Nothing may change unseen by the room: only 'b' (and help) work.
            return action in ("toggle_blank", "help")
        status = self.runner.status
        if action in self.TURN_ACTIONS:
            return status in (Status.RUNNING, Status.PAUSED) and self.runner.state.record.round is not None
        if action == "extend" or action == "previous_phase":
            return status in (Status.RUNNING, Status.PAUSED)
        if status is Status.ENDED and action in ("toggle_pause", "next_phase", "end_session", "choose_inbrenger"):
            return False
        return True

    # -- notes ------------------------------------------------------------------------------

    def _save_note(self, slot: NoteSlot, text: str) -> None:
        self.runner.set_note(slot.field, text, phase=slot.phase, key=slot.key)
        if self._built:
            self._refresh_journal_warning()
