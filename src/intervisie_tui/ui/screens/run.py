"""The run screen: the room's view, and with a display attached the facilitator's console.

It shows the session and turns keys into engine actions; what is allowed is the live
session's to say (`Session.can`). The room's part is a `RoomBody` bound to the session's
snapshot (`room`), refreshed on every action and tick; a late or skipped tick never makes
the clock wrong. Without a display this screen is assumed projected: facilitator-only
content (tips, notes) is not even rendered until the facilitator opens its panel. With a
display attached (its heartbeat is fresh) it is the console: the private parts stay open
beside a compact copy of the room's view, and `b` covers the display, not this screen.
"""

from __future__ import annotations

import asyncio
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import Input, Static

from ...core.engine import SessionRunner
from ...core.events import NoteField
from ...core.live import Session
from ...core.room import RoomView
from ...core.state import SessionView, Status
from ...core.turn_words import format_duration
from ...store.room_link import APP_HEARTBEAT, DISPLAY_HEARTBEAT, Heartbeat, heartbeat_fresh, write_pointer
from ..keys import (
    ACTIONS_BY_ID,
    KeyAction,
    actions_in,
    bindings_for,
    bound_keys,
    key_label,
    keys_in_force,
    typed_in_a_text_field,
)
from ..plain import plain
from ..widgets.key_footer import KeyFooter
from ..widgets.room import ROOM_BREAKPOINTS, STATE_CLASSES, KeyHints, RoomBody, state_class, width_class
from .base import IntervisieScreen

if TYPE_CHECKING:
    from ..widgets.notes_panel import NoteSlot, NotesPanel

FOOTER_COMPACT_BELOW = 120  # columns
TICK_SECONDS = 0.5  # the display lags the clock by at most this; cheap enough for hours on battery


class RunScreen(IntervisieScreen):
    IS_RUN_SCREEN = True
    KEY_SCOPE = "run"  # its keys: the registry's (ui/keys.py); the palette offers them here
    AUTO_FOCUS = None
    HORIZONTAL_BREAKPOINTS = ROOM_BREAKPOINTS
    BINDINGS = bindings_for("run", lead=("help",))  # help first: a narrow footer still shows it

    room: var[RoomView | None] = var(None, init=False)
    hints: var[KeyHints | None] = var(None, init=False)
    cramped: var[bool] = var(False, init=False)

    def __init__(self, runner: SessionRunner, *, journal=None) -> None:
        self.session = Session(runner, journal, display_attached=self._display_fresh)
        # Start with the right state class: changing it after mount restyles every widget.
        state = state_class(self.session.room("nl").clock.state)
        super().__init__(classes=f"room-surface {state} {width_class(self.app.size.width)}")
        self.runner = runner
        self.facilitator_visible = False
        self.notes_visible = False
        self.console = False  # a display is attached: this screen is the facilitator's own
        self.guard_choice: str | None = None  # "open" or "masked", once per session
        self.tick_timer: Timer | None = None
        self._time_phase: int | None = None  # the phase whose zero crossing is watched
        self._over_announced = False
        self._notes_phase: str | None = None
        self._built = False  # refresh_view waits for compose
        self._parts_ready = False  # the parts the room does not see at the start are mounted
        self._parts_mounting: asyncio.Future[None] | None = None
        self._ticking = True
        live_dir = journal.path.parent if journal is not None and hasattr(journal, "path") else None
        self._live_dir = live_dir
        self._heartbeat = Heartbeat(live_dir / APP_HEARTBEAT, self._wall) if live_dir is not None else None

    @cached_property
    def notes_panel(self) -> NotesPanel:
        """The private notes, made when first needed: the parts mounted after the first frame hold it."""
        from ..widgets.notes_panel import NotesPanel

        return NotesPanel(self._save_note, id="notes-panel")

    @property
    def journal(self):
        return self.session.journal

    @journal.setter
    def journal(self, journal) -> None:
        self.session.journal = journal

    @property
    def blanked(self) -> bool:
        """This screen shows the cover: the room's screen is covered and this is the room's screen."""
        return self.session.covered and not self.console

    def _wall(self) -> float:
        return self.app.clock.wall().timestamp()

    def _display_fresh(self) -> bool:
        if self._live_dir is None or not self.is_attached:
            return False
        return heartbeat_fresh(self._live_dir / DISPLAY_HEARTBEAT, self._wall)

    # -- building ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        first_room = self.session.room(self.app.lang)  # the parts it shows are made now, the rest later
        yield RoomBody(first_room, id="session-view").data_bind(RunScreen.room, RunScreen.hints, RunScreen.cramped)
        # ctrl+p is on the help screen; the room needs the width. Compact as on_resize will set it
        # (a change after mount restyles every key in it).
        yield KeyFooter(show_command_palette=False, compact=self.app.size.width < FOOTER_COMPACT_BELOW)

    async def _mount_hidden_parts(self) -> None:
        """What the room does not see at the start (a disk warning, the private panels, the cover,
        the console's bar: about half the screen's widgets) is mounted after the first frame,
        which then draws only what it shows. Whatever needs them first (a key, a tick) waits for
        them here; their texts follow once they are in."""
        if self._parts_ready or not self.is_attached:
            return
        if self._parts_mounting is None:
            self._parts_mounting = asyncio.ensure_future(self._mount_parts())
        await asyncio.shield(self._parts_mounting)

    async def _mount_parts(self) -> None:
        if not self.is_attached:
            return  # the app or the screen ended before this task began
        facilitator, blank = Vertical(id="facilitator-panel"), Vertical(id="blank-view")
        parts = [Static("", id="journal-warning"), facilitator, self.notes_panel, blank, Static("", id="console-bar")]
        await self.mount_all(parts, before=self.query_one(KeyFooter))
        contents = [Static("", id="facilitator-content")], [Static("", id="blank-title"), Static("", id="blank-hint")]
        for container, children in zip((facilitator, blank), contents, strict=True):
            if not container.is_attached:
                return  # the app or the screen ended while they came in (a quit at the start)
            await container.mount_all(children)
        if not self.is_attached:
            return
        self._parts_ready = True
        self.show_language()

    def on_mount(self) -> None:
        self._built = True
        self.tick_timer = self.set_interval(TICK_SECONDS, self.tick, name="countdown")
        # Once the first frame is on the terminal (the app's queue runs after the app's refresh).
        self.app.call_after_refresh(self._point_displays_here)  # its atomic write waits for the first frame
        self.app.call_after_refresh(self._mount_hidden_parts)
        self.watch(self.app, "lang", self.show_language, init=False)  # the language reaches this screen by its reactive
        self.show_language()

    def _point_displays_here(self) -> None:
        """Tell displays which session is live (a resume or a new session needs no restart of them)."""
        journal = self.journal
        if self._live_dir is None or journal is None:
            return
        journal.retry()  # the header on disk now, so a display shows the session ready to start
        try:
            write_pointer(self._live_dir, journal.id)
        except OSError:
            pass  # the disk refuses: the journal's own problem is on screen already
        if self._heartbeat is not None:
            self._heartbeat.beat()

    def on_resize(self) -> None:
        self.query_one(KeyFooter).compact = self.size.width < FOOTER_COMPACT_BELOW
        self.refresh_view()
        self.refresh_bindings()  # which keys the footer has room for depends on the width

    def on_unmount(self) -> None:
        self._built = False
        self.notes_panel.flush()
        if self._heartbeat is not None:
            self._heartbeat.stop()

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

    def show_language(self) -> None:
        """Every text again, in the app's current language (a new room snapshot carries it to the widgets)."""
        self.hints = KeyHints(
            self.key_for("toggle-pause"),
            self.key_for("choose-inbrenger"),
            self.key_for("more-time"),
            self.key_for("less-time"),
        )
        self._set("#blank-title", self.app.t("run.blank.title"))
        self._blank_clock = None
        self.refresh_view()
        if self.notes_visible:
            self.run_worker(self._rebuild_notes(), exclusive=True, group="notes")
        self.refresh_bindings()

    def key_for(self, action_id: str) -> str:
        """The first key the action answers to now (after rebinding), as the footer writes it."""
        return keys_in_force(ACTIONS_BY_ID[action_id], self.app.keymap, self.app.t)[0]

    def footer_key_display(self, key: str, action: KeyAction) -> str | None:
        """Keys as the room reads them, in the current language ("spatie"), as the hints write them."""
        return key_label(key, self.app.t)

    def hidden_in_footer(self, key: str) -> bool:
        """While a note is being typed, none the text field takes itself (it types them, they do nothing)."""
        return self._typing() and typed_in_a_text_field(key)

    def _typing(self) -> bool:
        focused = self.focused  # the only text areas here are the notes' (TextArea is imported when they open)
        return focused is not None and (isinstance(focused, Input) or self.notes_panel in focused.ancestors)

    def pause_ticking(self) -> None:
        """Stop the timer for good (tests and snapshots drive refresh_view themselves)."""
        self._ticking = False
        if self.tick_timer is not None:
            self.tick_timer.pause()

    def tick(self) -> None:
        """The timer's beat: keep the time spent on disk now and then, tell displays the app is
        here, look whether one is attached, then show the moment."""
        self.runner.checkpoint()
        if self._heartbeat is not None:
            self._heartbeat.beat()
        self._follow_display()
        self.refresh_view()

    def flush(self) -> None:
        """Write what is typed in the notes now (before quitting)."""
        self.notes_panel.flush()

    def refresh_view(self) -> None:
        """Read the session at this moment; the room's widgets redraw what changed."""
        if not self._built:
            return
        room = self.session.room(self.lang)
        self._show_state(room.clock.state)
        # A narrow screen with a private panel open keeps the room's clock, not the turn's.
        self.cramped = self.has_class("-narrow") and (self.facilitator_visible or self.notes_visible)
        self.room = room
        view = self.runner.view()
        self._refresh_journal_warning()
        if self.facilitator_visible:
            self._refresh_facilitator(view)
        if self.notes_visible and self._notes_phase != view.phase.id:
            self.run_worker(self._rebuild_notes(), exclusive=True, group="notes")
        self._check_time_up(view)

    def _show_state(self, state: str) -> None:
        """One class per state; changed only when the state changes (a class change restyles the screen)."""
        wanted = state_class(state)
        if not self.has_class(wanted):
            self.remove_class(*STATE_CLASSES)
            self.add_class(wanted)
        self.set_class(self.blanked, "-blank")
        if self.blanked:
            self._show_blank_clock(state)
        if self.console:
            bar = self.app.t("run.console.attached", shortcut=self.key_for("blank"))
            if self.session.covered:
                bar = f"{self.app.t('run.console.covered')} · {bar}"
            self._set("#console-bar", bar)

    def _show_blank_clock(self, state: str) -> None:
        """The cover says whether the clock goes on behind it (blanking is no break)."""
        runs = state in ("running", "last_minute", "over")
        if runs:
            text = self.app.t("run.blank.clock_runs", shortcut=self.key_for("blank"), pause=self.key_for("break"))
        else:
            text = self.app.t("run.blank.clock_stopped", shortcut=self.key_for("blank"))
        self._set("#blank-hint", text)

    def _set(self, selector: str, text: str) -> None:
        """Update a panel's text when it changed (never markup: notes and names show as typed).
        Before the hidden parts are mounted there is nothing to update: they get their texts as
        they come in."""
        if not self._parts_ready:
            return
        widget = self.query_one(selector, Static)
        if getattr(widget, "_shown_text", None) != text:
            widget._shown_text = text  # type: ignore[attr-defined]
            widget.update(plain(text))

    # -- the console ------------------------------------------------------------------------

    def _follow_display(self) -> None:
        """A display came or went: become the console, or the room's screen again."""
        attached = self.session.display_attached
        if attached == self.console:
            return
        self.console = attached
        self.set_class(attached, "-console")
        if attached:
            from ..dialogs.guard import MirrorGuard

            if isinstance(self.app.screen, MirrorGuard):  # its question is answered: no one else reads this screen
                self.app.screen.dismiss("attached")
            if not self.facilitator_visible:
                self.action_toggle_facilitator()
            if not self.notes_visible:
                self.run_worker(self._open_notes(focus=False), exclusive=True, group="notes")
        else:
            # The display is gone: this screen may be the room's again. Nothing private stays open.
            if self.notes_visible:
                self._close_notes()
            if self.facilitator_visible:
                self.action_toggle_facilitator()
            self.app.notify(self.app.t("run.console.detached"), severity="warning", timeout=6)
        self.refresh_bindings()
        self.refresh_view()

    def _refresh_journal_warning(self) -> None:
        if not self._parts_ready:
            return
        warning = self.query_one("#journal-warning", Static)
        problem = None
        if self.journal is None:
            problem = self.app.t("app.store_unavailable", problem="—")
        else:
            disk_problem = self.session.disk_problem()  # saved again as soon as the disk allows
            if disk_problem is not None:
                # Worded now, in the language of the moment; the shared screen names no home folder (the user's name).
                worded = disk_problem.render(self.app.lang).replace(str(Path.home()), "~")
                problem = self.app.t("run.journal_problem", problem=worded)
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
        else:
            self._tell_refusal(self.runner.refusal)
        return changed

    def _tell_refusal(self, refusal) -> None:
        """A short notice saying why a key did nothing (None: nothing worth saying)."""
        if refusal is None:
            return
        if refusal.key == "refusal.covered":
            refusal = refusal.with_values(key=self.key_for("blank"))
        self.app.notify(refusal.render(self.lang), severity="warning", timeout=3)

    def on_key(self, event) -> None:
        """A key whose action cannot be done now (Textual then skips its binding): say why.
        Keys the focused note field types itself are the field's."""
        if self._typing() and typed_in_a_text_field(event.key):
            return
        for action in actions_in("run"):
            if event.key not in bound_keys(action, self.app.keymap):
                continue
            name = action.action.split("(")[0]  # extend(1) -> extend
            refusal = self.session.refusal(name, display_attached=self.console)
            if refusal is not None:
                self._tell_refusal(refusal)
                return

    def action_toggle_pause(self) -> None:
        self._act(self.runner.toggle_pause)

    def action_extend(self, minutes: int) -> None:
        """Minutes more or less: for the phase, or on a break for the break (until when it lasts)."""
        if self.runner.state.on_break:
            self._act(lambda: self.runner.change_break(minutes))
            return
        self._act(lambda: self.runner.extend(minutes))

    def action_toggle_break(self) -> None:
        """A break: the clock stops and the room sees it; the same key (or space) ends it."""
        if self.runner.state.on_break:
            self._act(self.runner.end_break)
        else:
            self._act(self.runner.start_break)

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
        from ..dialogs.inbrenger_picker import InbrengerPicker

        def chosen(name: str | None) -> None:
            if name is not None and self._act(lambda: self.runner.set_inbrenger(name)):
                self.app.notify(self.app.t("run.inbrenger_set", name=name), timeout=3)

        picker = InbrengerPicker(
            self.app.t("run.picker.title"), self.runner.plan.participants, self.runner.state.inbrenger
        )
        self.app.push_screen(picker, chosen)

    def action_toggle_facilitator(self) -> None:
        if not self.facilitator_visible and not self.console:
            self._guarded("facilitator", self._show_facilitator)
            return
        self._show_facilitator(not self.facilitator_visible)

    def _show_facilitator(self, visible: bool = True) -> None:
        self.facilitator_visible = visible
        self.set_class(self.facilitator_visible, "-facilitator")
        if not self.facilitator_visible:
            self._set("#facilitator-content", "")  # hidden means not rendered at all
        self.refresh_view()
        self.call_after_refresh(self.refresh_view)  # the strip fits its new width

    async def action_toggle_notes(self) -> None:
        if self.console:
            # The console keeps the notes open: the key goes to them (closing would send
            # the letters typed next to the facilitation keys).
            if self.notes_visible and self._notes_phase == self.runner.state.phase.id:
                self.notes_panel.focus_first()
            else:
                await self._open_notes()
            return
        if self.notes_visible:
            self._close_notes()
            return

        def open_notes(masked: bool = False) -> None:
            self.run_worker(self._open_notes(masked=masked), exclusive=True, group="notes")

        self._guarded("notes", open_notes, typing=True)

    async def _open_notes(self, *, masked: bool = False, focus: bool = True) -> None:
        await self._mount_hidden_parts()
        self.notes_visible = True
        self.notes_panel.set_masked(masked)
        self.set_class(True, "-notes")
        self.call_after_refresh(self.refresh_view)
        await self._rebuild_notes()
        if focus:
            self.notes_panel.focus_first()

    def action_reveal_notes(self) -> None:
        """Typing covered: show the text being typed, or cover it again."""
        if self.notes_visible:
            self.notes_panel.set_masked(not self.notes_panel.masked)

    # -- the mirrored-screen guard ------------------------------------------------------------

    def _guarded(self, what: str, proceed, *, typing: bool = False) -> None:
        """Without a display this screen may be on the wall: once per session, say so first."""
        if self.guard_choice:
            proceed(masked=True) if typing and self.guard_choice == "masked" else proceed()
            return
        from ..dialogs.guard import MirrorGuard

        def answered(choice: str | None) -> None:
            if choice in ("open", "masked"):
                self.guard_choice = choice
                proceed(masked=True) if typing and choice == "masked" else proceed()
            elif choice == "attached" and what == "wrapup":  # a display came while asking (the console opens
                proceed()  # its own panels); not remembered, the display may go again

        self.app.push_screen(MirrorGuard(what, typing=typing), answered)

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
        if self.console and self.notes_visible:  # the console keeps its notes in sight
            self.notes_panel.flush()
            self.set_focus(None)
        elif self.notes_visible:
            self._close_notes()

    def action_toggle_blank(self) -> None:
        """Cover the room's screen: the display when one is attached, else this screen. Recorded,
        so a display follows it; the clock goes on unless paused."""
        covering = not self.session.covered
        if covering and not self.console:
            # Private content is not merely covered: it is emptied. Coming back shows the
            # session only: the projector may be on again, so private panels stay closed.
            if self.notes_visible:
                self._close_notes()
            if self.facilitator_visible:
                self._show_facilitator(False)
        self.runner.cover(covering)
        self.refresh_view()
        self.refresh_bindings()

    def action_room_message(self) -> None:
        """A short message for the room (a preset or typed), shown large until cleared."""
        from ..dialogs.room_message import RoomMessageScreen

        def chosen(text: str | None) -> None:
            if text is not None:
                self._act(lambda: self.runner.set_room_message(text))

        self.app.push_screen(RoomMessageScreen(self.runner.state.room_message, self._clock_time()), chosen)

    def _clock_time(self) -> str:
        return self.app.clock.wall().astimezone().strftime("%H:%M")

    def action_end_session(self) -> None:
        self._confirm_end(self.app.t("run.confirm_end"))

    def _confirm_end(self, question: str) -> None:
        self.notes_panel.flush()
        t = self.app.t

        def guard(wrap_up) -> None:
            self._guarded("wrapup", wrap_up)

        def ended(confirmed: bool | None) -> None:
            if confirmed:
                self.notes_panel.flush()
                self.app.end_session(self.runner, guard=None if self.console else guard)
                self.refresh_view()

        from ..dialogs.confirm import ConfirmScreen  # its buttons: only when asked

        self.app.push_screen(ConfirmScreen(question, t("run.confirm.yes"), t("run.confirm.no"), danger=True), ended)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Which keys work (and show in the footer) right now: the live session says."""
        return self.session.can(action, display_attached=self.console)

    # -- notes ------------------------------------------------------------------------------

    def _save_note(self, slot: NoteSlot, text: str) -> None:
        self.runner.set_note(slot.field, text, phase=slot.phase, key=slot.key)
        if self._built:
            self._refresh_journal_warning()
