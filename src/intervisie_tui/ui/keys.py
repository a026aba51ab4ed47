"""The one registry of keyboard actions.

Every key the app answers to is declared here once: its id (used in settings.keys to
rebind it), default keys, the i18n key of its description, its help group and whether
the footer shows it. Bindings, the footer, the help screen, the command palette and
the keymap check are all built from this list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding, BindingsMap
from textual.keys import REPLACED_KEYS, Keys, _normalize_key_list, format_key, key_to_character

Scope = Literal["app", "run"]
MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


@dataclass(frozen=True)
class KeyAction:
    id: str  # binding id, stable: users put it in settings.keys
    action: str  # Textual action run on the screen (or app) that owns the scope
    keys: str  # default keys, comma-separated Textual key names
    description: str  # i18n key of the short label
    group: str  # i18n key of the help-screen group
    scope: Scope = "run"
    footer: bool = True
    palette: bool = True  # offered in the command palette


ACTIONS: tuple[KeyAction, ...] = (
    # The clock
    KeyAction("toggle-pause", "toggle_pause", "space", "keys.toggle_pause", "keys.group.time"),
    KeyAction("more-time", "extend(1)", "plus,equals_sign", "keys.more_time", "keys.group.time"),
    KeyAction("less-time", "extend(-1)", "minus", "keys.less_time", "keys.group.time", footer=False),
    # Phases
    KeyAction("next-phase", "next_phase", "right,n", "keys.next_phase", "keys.group.phases"),
    KeyAction("previous-phase", "previous_phase", "left,p", "keys.previous_phase", "keys.group.phases", footer=False),
    # Turns
    KeyAction("next-speaker", "next_speaker", "t", "keys.next_speaker", "keys.group.turns"),
    KeyAction("previous-speaker", "previous_speaker", "T", "keys.previous_speaker", "keys.group.turns", footer=False),
    KeyAction("skip-speaker", "skip_speaker", "s", "keys.skip_speaker", "keys.group.turns", footer=False),
    KeyAction("choose-inbrenger", "choose_inbrenger", "i", "keys.choose_inbrenger", "keys.group.turns", footer=False),
    # What the room sees
    KeyAction("notes", "toggle_notes", "e", "keys.notes", "keys.group.screen"),
    KeyAction("facilitator", "toggle_facilitator", "f", "keys.facilitator", "keys.group.screen"),
    KeyAction("blank", "toggle_blank", "b", "keys.blank", "keys.group.screen"),
    KeyAction("end-session", "end_session", "q", "keys.end_session", "keys.group.session"),
    # Everywhere
    KeyAction("help", "help", "question_mark,f1", "keys.help", "keys.group.app", scope="app"),
    KeyAction("theme", "next_theme", "ctrl+t", "keys.theme", "keys.group.app", scope="app", footer=False),
    KeyAction("language", "switch_language", "ctrl+l", "keys.language", "keys.group.app", scope="app", footer=False),
)

ACTIONS_BY_ID: dict[str, KeyAction] = {action.id: action for action in ACTIONS}
GROUPS: tuple[str, ...] = tuple(dict.fromkeys(action.group for action in ACTIONS))


def actions_in(scope: Scope) -> list[KeyAction]:
    return [action for action in ACTIONS if action.scope == scope]


def _binding(action: KeyAction, translate, prefix: str = "") -> Binding:
    return Binding(action.keys, prefix + action.action, translate(action.description), show=action.footer, id=action.id)


def bindings_for(
    scope: Scope, translate, base: BindingsMap | None = None, lead: tuple[str, ...] = ()
) -> BindingsMap:
    """Bindings of one scope with descriptions in the current language, added to `base`
    (the class's own bindings, e.g. Textual's tab / ctrl+q / ctrl+p, which stay).

    `lead` names app actions to put first (e.g. help), so a narrow footer still shows them;
    they keep their id, so rebinding one key rebinds it everywhere.
    `translate(i18n_key) -> str`. Screens swap their bindings map for a new one when the
    language changes, so the footer follows the language switch live.
    """
    leading = [_binding(ACTIONS_BY_ID[action_id], translate, "app.") for action_id in lead]
    ours = BindingsMap([*leading, *(_binding(action, translate) for action in actions_in(scope))])
    if base is None:
        return ours
    combined = base.copy()
    for key, bindings in ours.key_to_bindings.items():
        combined.key_to_bindings[key] = [*combined.key_to_bindings.get(key, []), *bindings]
    return combined


def is_valid_key(key: str) -> bool:
    """A key name Textual can deliver: a character, a named key, optionally with modifiers."""
    if not key:
        return False
    if len(key) == 1:
        return key.isprintable()
    *modifiers, base = key.split("+")
    if any(modifier not in MODIFIERS for modifier in modifiers):
        return False
    if len(base) == 1:
        return base.isprintable()
    if base in {member.value for member in Keys}:
        return True
    return key_to_character(REPLACED_KEYS.get(base, base)) is not None


def check_keymap(keymap: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """The usable part of a user keymap, and one problem per unusable entry.

    Problems name the action id or key so the user can fix settings.json.
    """
    usable: dict[str, str] = {}
    problems: list[str] = []
    for action_id, keys in keymap.items():
        if action_id not in ACTIONS_BY_ID:
            problems.append(f"unknown action id '{action_id}'")
            continue
        if not isinstance(keys, str) or not keys.strip():
            problems.append(f"'{action_id}': no keys given")
            continue
        names = [name.strip() for name in keys.split(",")]
        bad = [name for name in names if not is_valid_key(name)]
        if bad:
            problems.append(f"'{action_id}': unknown key {', '.join(repr(name) for name in bad)}")
            continue
        usable[action_id] = _normalize_key_list(",".join(names))
    return usable, problems


def keys_in_force(action: KeyAction, keymap: Mapping[str, str]) -> list[str]:
    """The keys an action answers to now (after rebinding), as people write them."""
    keys = keymap.get(action.id) or _normalize_key_list(action.keys)
    return [format_key(key) for key in keys.split(",")]


def display_keys(names: Iterable[str]) -> str:
    return " / ".join(names)
