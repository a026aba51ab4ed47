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

from ..i18n import t

Scope = Literal["app", "run", "review", "groups", "group-members", "group-form"]
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
    # A break: the clock stops and the room sees it; space (or this key again) ends it, +/- set until when.
    KeyAction("break", "toggle_break", "k", "keys.break", "keys.group.time", footer=False),
    # Phases
    KeyAction("next-phase", "next_phase", "n,right", "keys.next_phase", "keys.group.phases"),
    KeyAction("previous-phase", "previous_phase", "p,left", "keys.previous_phase", "keys.group.phases", footer=False),
    # Turns
    KeyAction("next-speaker", "next_speaker", "t", "keys.next_speaker", "keys.group.turns"),
    KeyAction("previous-speaker", "previous_speaker", "T", "keys.previous_speaker", "keys.group.turns", footer=False),
    KeyAction("skip-speaker", "skip_speaker", "s", "keys.skip_speaker", "keys.group.turns", footer=False),
    KeyAction("choose-inbrenger", "choose_inbrenger", "i", "keys.choose_inbrenger", "keys.group.turns", footer=False),
    # Who came late or left early (for the hours); the app opens it over the run screen.
    KeyAction(
        "attendance",
        "attendance",
        "a",
        "keys.attendance",
        "keys.group.session",
        scope="app",
        footer=False,
        palette=False,
    ),
    KeyAction("opening", "opening", "o", "keys.opening", "keys.group.screen", scope="app", footer=False, palette=False),
    # What the room sees
    KeyAction("blank", "toggle_blank", "b", "keys.blank", "keys.group.screen"),
    KeyAction("room-message", "room_message", "m", "keys.room_message", "keys.group.screen", footer=False),
    # Only for the facilitator (the room must not see these: see the mirrored-screen guard)
    KeyAction("notes", "toggle_notes", "e", "keys.notes", "keys.group.private"),
    KeyAction("facilitator", "toggle_facilitator", "f", "keys.facilitator", "keys.group.private"),
    KeyAction("reveal-notes", "reveal_notes", "ctrl+r", "keys.reveal_notes", "keys.group.private", footer=False),
    KeyAction("end-session", "end_session", "q", "keys.end_session", "keys.group.session"),
    # The review of saved sessions (and its trash)
    KeyAction("review-open", "open", "enter", "review.key.open", "keys.group.review", scope="review"),
    KeyAction(
        "review-search", "search", "slash", "review.key.search", "keys.group.review", scope="review", footer=False
    ),
    # (The footer has room at 80 columns for the keys that matter most; the help screen lists all.)
    KeyAction("review-sort", "sort", "o", "review.key.sort", "keys.group.review", scope="review", footer=False),
    KeyAction("review-filter", "filter", "f", "review.key.filter", "keys.group.review", scope="review", footer=False),
    KeyAction("review-export", "export(False)", "x", "review.key.export", "keys.group.review", scope="review"),
    KeyAction(
        "review-export-anonymized",
        "export(True)",
        "a",
        "review.key.export_anonymized",
        "keys.group.review",
        scope="review",
        footer=False,
    ),
    KeyAction("review-delete", "delete", "d,delete", "review.key.delete", "keys.group.review", scope="review"),
    KeyAction("review-trash", "toggle_trash", "t", "review.key.trash", "keys.group.review", scope="review"),
    KeyAction("review-restore", "restore", "r", "review.key.restore", "keys.group.review", scope="review"),
    KeyAction(
        "review-delete-permanently",
        "delete_permanently",
        "D",
        "review.key.delete_permanently",
        "keys.group.review",
        scope="review",
    ),
    KeyAction("review-empty-trash", "empty_trash", "E", "review.key.empty_trash", "keys.group.review", scope="review"),
    KeyAction("review-back", "back", "escape", "review.key.back", "keys.group.review", scope="review"),
    # Everywhere
    KeyAction("help", "help", "question_mark,f1", "keys.help", "keys.group.app", scope="app"),
    KeyAction("theme", "next_theme", "ctrl+t", "keys.theme", "keys.group.app", scope="app", footer=False),
    KeyAction("language", "switch_language", "ctrl+l", "keys.language", "keys.group.app", scope="app", footer=False),
    # The groups screen (scope "groups"), its members dialog and its forms. Keys need only be
    # unique within a scope (and apart from the app's): each scope is one screen's.
    KeyAction("group-start", "start_meeting", "s", "keys.group_start", "keys.group.groups", scope="groups"),
    KeyAction("group-new", "new_group", "n", "keys.group_new", "keys.group.groups", scope="groups"),
    KeyAction("group-edit", "edit_group", "e", "keys.group_edit", "keys.group.groups", scope="groups"),
    KeyAction("group-members", "members", "m", "keys.group_members", "keys.group.groups", scope="groups"),
    KeyAction("group-report", "report", "r", "keys.group_report", "keys.group.groups", scope="groups"),
    KeyAction(
        "group-evaluate", "evaluate", "v", "keys.group_evaluate", "keys.group.groups", scope="groups", footer=False
    ),
    KeyAction(
        "group-calendar", "calendar", "c", "keys.group_calendar", "keys.group.groups", scope="groups", footer=False
    ),
    KeyAction("member-add", "add_member", "n,insert", "keys.member_add", "keys.group.members", scope="group-members"),
    KeyAction(
        "member-rename", "rename_member", "r,f2", "keys.member_rename", "keys.group.members", scope="group-members"
    ),
    KeyAction(
        "member-leave", "leave_member", "l,delete", "keys.member_leave", "keys.group.members", scope="group-members"
    ),
    KeyAction("form-save", "save", "ctrl+s", "keys.form_save", "keys.group.groups", scope="group-form", palette=False),
)

ACTIONS_BY_ID: dict[str, KeyAction] = {action.id: action for action in ACTIONS}

# The run screen's footer, first things first: at 80 columns only these fit, and the
# privacy key (blank) and the way out must never be the ones cut off. The rest is on the help screen.
RUN_FOOTER: tuple[str, ...] = ("help", "toggle-pause", "blank", "next-phase", "next-speaker", "end-session")
# Below 80 columns not even that fits: blank and end go before the rest.
RUN_FOOTER_NARROW: tuple[str, ...] = ("help", "toggle-pause", "blank", "end-session", "next-phase", "next-speaker")
NARROW_FOOTER_WIDTH = 80
# Key names spoken differently per language; every other key shows as Textual writes it.
KEY_NAMES = {"space": "keys.name.space", "escape": "keys.name.escape", "enter": "keys.name.enter"}
GROUPS: tuple[str, ...] = tuple(dict.fromkeys(action.group for action in ACTIONS))


def actions_in(scope: Scope) -> list[KeyAction]:
    return [action for action in ACTIONS if action.scope == scope]


def _binding(action: KeyAction, translate, prefix: str = "") -> Binding:
    return Binding(action.keys, prefix + action.action, translate(action.description), show=action.footer, id=action.id)


def bindings_for(scope: Scope, translate, base: BindingsMap | None = None, lead: tuple[str, ...] = ()) -> BindingsMap:
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


def _english(key: str, **values: object) -> str:
    return t(key, "en", **values)


def check_keymap(keymap: Mapping[str, str], translate=_english) -> tuple[dict[str, str], list[str]]:
    """The usable part of a user keymap, and one problem per unusable entry.

    Problems name the action id or key so the user can fix settings.json;
    `translate(i18n_key, **values)` puts them in the user's language.
    """
    usable: dict[str, str] = {}
    problems: list[str] = []
    for action_id, keys in keymap.items():
        if action_id not in ACTIONS_BY_ID:
            problems.append(translate("keys.problem.unknown_id", id=action_id))
            continue
        if not isinstance(keys, str) or not keys.strip():
            problems.append(translate("keys.problem.no_keys", id=action_id))
            continue
        names = [name.strip() for name in keys.split(",")]
        bad = [name for name in names if not is_valid_key(name)]
        if bad:
            problems.append(
                translate("keys.problem.unknown_key", id=action_id, keys=", ".join(repr(name) for name in bad))
            )
            continue
        usable[action_id] = _normalize_key_list(",".join(names))
    problems += _drop_collisions(usable, translate)
    return usable, problems


def _overlap(first: KeyAction, second: KeyAction) -> bool:
    """App keys work on every screen, so they meet every other key; run keys meet run keys."""
    return first.scope == "app" or second.scope == "app" or first.scope == second.scope


def _keys_of(action_id: str, usable: Mapping[str, str]) -> set[str]:
    return {name for name in (usable.get(action_id) or ACTIONS_BY_ID[action_id].keys).split(",") if name}


def _drop_collisions(usable: dict[str, str], translate) -> list[str]:
    """A rebinding that gives a key another action already answers to would silently take it from one of
    them (`next-phase` on `b` stops the privacy key); such a rebinding is refused, named with the other
    action, and the action keeps its own keys. Repeated until no rebinding collides."""
    problems: list[str] = []
    while True:
        clash: tuple[str, str, list[str]] | None = None
        for action_id in usable:
            mine = _keys_of(action_id, usable)
            for other in ACTIONS:
                if other.id == action_id or not _overlap(ACTIONS_BY_ID[action_id], other):
                    continue
                shared = mine & _keys_of(other.id, usable)
                if shared:
                    clash = action_id, other.id, sorted(shared)
                    break
            if clash:
                break
        if clash is None:
            return problems
        action_id, other_id, taken = clash
        del usable[action_id]
        problems.append(
            translate(
                "keys.problem.collision", id=action_id, other=other_id, keys=", ".join(repr(name) for name in taken)
            )
        )


def key_label(key: str, translate) -> str:
    """One key as people read it, in the current language ("spatie", "ctrl+t", "→", "?").

    The footer, the help screen, the palette and hints all use this, so they agree.
    """
    *modifiers, base = key.split("+") if len(key) > 1 else [key]
    name = translate(KEY_NAMES[base]) if base in KEY_NAMES else format_key(base)
    return "+".join([*modifiers, name])


def keys_in_force(action: KeyAction, keymap: Mapping[str, str], translate) -> list[str]:
    """The keys an action answers to now (after rebinding), as people read them."""
    keys = keymap.get(action.id) or _normalize_key_list(action.keys)
    return [key_label(key, translate) for key in keys.split(",")]


def footer_rank(binding_id: str | None, width: int = NARROW_FOOTER_WIDTH) -> int | None:
    """Where a binding goes in the run screen's footer at this screen width; None: not in it."""
    order = RUN_FOOTER if width >= NARROW_FOOTER_WIDTH else RUN_FOOTER_NARROW
    return order.index(binding_id) if binding_id in order else None


def typed_in_a_text_field(key: str) -> bool:
    """True when a focused text field takes this key itself (a letter, space, an arrow, …),
    so while typing a note the binding does not fire and the footer should not offer it."""
    if "+" in key and len(key) > 1 and key.split("+")[0] in MODIFIERS:
        return False
    return key_to_character(key) is not None or len(format_key(key)) == 1 or key in TEXT_FIELD_KEYS


TEXT_FIELD_KEYS = frozenset(
    {"left", "right", "up", "down", "home", "end", "pageup", "pagedown", "backspace", "delete", "enter", "tab"}
)


def display_keys(names: Iterable[str]) -> str:
    return " / ".join(names)
