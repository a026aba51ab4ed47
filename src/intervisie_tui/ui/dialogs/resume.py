"""Resume an interrupted session, close it keeping its notes, or discard one that never started."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widgets import OptionList

from ...core.state import SessionState, Status
from ...store.errors import StoreError
from ...store.journal import LiveSession
from ..keys import bindings_for
from ..language import FollowsLanguage
from ..plain import plain
from .choose_from_list import ChooseFromList
from .confirm import ConfirmScreen


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
    holder = app.store.holder(live.id)
    if holder is not None:
        pid = str(holder.pid) if holder.pid is not None else "?"
        line += "\n  " + t("home.resume.in_use", pid=pid, host=holder.host, since=holder.since)
    if problem:
        line += "\n  " + t("home.resume.problem", problem=problem)
    return line


class ResumeScreen(FollowsLanguage, ChooseFromList[Any]):
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
    ID_PREFIX = "resume"
    KEY_SCOPE = "resume"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("resume")

    def __init__(self, sessions: list[Any]) -> None:
        super().__init__()
        self.sessions = list(sessions)

    def title_text(self) -> str:
        return self.app.t("home.resume.title")

    def hint_text(self) -> str:
        return self.app.t("home.resume.hint")

    def lines(self) -> list[Content]:
        return [plain(describe_interrupted(live, self.app)) for live in self.sessions]

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
            try:
                path = self.app.store.close_interrupted(live)
                self.app.record_in_group(live.plan, path)
            except StoreError as error:  # translated; says what to do
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
            self.refill()

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
            try:
                self.app.store.discard_never_started(live.path, live.plan, live.events)
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
