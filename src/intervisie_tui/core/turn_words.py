"""Whose turn it is, in words that fit the phase's speaker pattern. Pure: no Textual."""

# No `from __future__ import annotations`: typing.NamedTuple reads the field types as each class
# is made at import, and would compile every one that is a string.
import math
from typing import NamedTuple

from ..i18n import t
from .method import Speakers
from .plan import SessionPlan
from .state import SessionView


class TurnText(NamedTuple):
    """The turn line in words: who speaks now, who is next, who has spoken."""

    headline: str  # large: who speaks now
    detail: str = ""  # who is next, how many have been
    spoken: str = ""  # who has had a turn (and who was skipped)


def format_clock(seconds: float) -> str:
    """mm:ss counting down; overtime counts up with a plus sign (+02:13)."""
    if seconds > 0:
        whole = math.ceil(seconds - 1e-9)
        sign = ""
    else:
        whole = math.floor(-seconds + 1e-9)
        sign = "+"
    minutes, secs = divmod(whole, 60)
    return f"{sign}{minutes:02d}:{secs:02d}"


def format_duration(seconds: float) -> str:
    """Time spent, mm:ss, whole seconds passed (speaking time)."""
    minutes, secs = divmod(int(max(0.0, seconds)), 60)
    return f"{minutes:02d}:{secs:02d}"


def describe_turn(view: SessionView, plan: SessionPlan, lang: str, next_key: str = "t") -> TurnText:
    speakers = view.phase.speakers
    inbrenger = view.inbrenger
    if speakers is Speakers.INBRENGER:
        if inbrenger:
            return TurnText(t("run.who.inbrenger", lang, name=inbrenger))
        return TurnText(t("run.who.inbrenger_unknown", lang))
    if speakers is Speakers.WITHOUT_INBRENGER:
        if inbrenger:
            return TurnText(t("run.who.without_inbrenger", lang, name=inbrenger))
        return TurnText(t("run.who.without_inbrenger_unknown", lang))
    if speakers is Speakers.FACILITATOR:
        if plan.facilitator:
            return TurnText(t("run.who.facilitator", lang, name=plan.facilitator))
        return TurnText(t("run.who.facilitator_unknown", lang))
    if speakers is Speakers.OPEN:
        return TurnText(t("run.who.open", lang))
    if speakers is Speakers.SILENT:
        return TurnText(t("run.who.silent", lang))
    return _describe_round(view, lang, next_key)


def _describe_round(view: SessionView, lang: str, next_key: str) -> TurnText:
    turn = view.turn
    spoken_parts = []
    if turn is not None and turn.done:
        spoken_parts.append(t("run.who.round_spoken", lang, names=", ".join(turn.done)))
    if turn is not None and turn.skipped:
        spoken_parts.append(t("run.who.round_skipped", lang, names=", ".join(turn.skipped)))
    spoken = " · ".join(spoken_parts)
    if turn is None:  # the session has not started: the round begins when the phase does
        return TurnText(t("speakers.round", lang))
    if turn.current is None:
        return TurnText(t("run.who.round_done", lang), t("run.who.round_again", lang, key=next_key), spoken)
    # Who took their turn: a skipped person has not (they are listed apart).
    count = t("run.who.round_count", lang, done=turn.done_count, total=turn.total)
    following = t("run.who.round_next", lang, name=turn.next) if turn.next else t("run.who.round_last", lang)
    return TurnText(t("run.who.round_current", lang, name=turn.current), f"{following} · {count}", spoken)
