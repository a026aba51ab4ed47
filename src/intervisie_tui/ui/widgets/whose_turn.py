"""Whose turn it is in words: kept in core (the room's view is built there); re-exported for the screens."""

from ...core.turn_words import TurnText, describe_turn, format_clock, format_duration

__all__ = ["TurnText", "describe_turn", "format_clock", "format_duration"]
