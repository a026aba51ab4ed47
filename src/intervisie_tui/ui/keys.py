"""The one registry of keyboard actions.

Every key the app answers to is declared here once: its id (used in settings.keys to
rebind it), default keys, the i18n key of its label (the catalogue holds it in both
languages), its help group, the screen or dialog that answers it and the narrowest
terminal at which the footer shows it. Screens and dialogs take their `BINDINGS` from
here (`bindings_for(scope)`); the footer, the help screen, the command palette and the
keymap check read only this list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Literal, NamedTuple

from textual.binding import ActiveBinding, Binding, BindingType

# _normalize_key_list: Textual's own spelling of key lists ("?" -> "question_mark"), as set_keymap applies
# it; no public function does this, and our keymap check must compare keys the way Textual will.
from textual.keys import REPLACED_KEYS, Keys, _normalize_key_list, format_key, key_to_character

from ..i18n import t

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
NARROW_FOOTER_WIDTH = 80  # below this the run screen's footer keeps only what must never be cut off

# Who answers a scope's keys: "app" keys work on every screen (not inside a dialog: Textual
# stops the key chain at a modal screen), a screen's keys on that screen (and its widgets),
# a dialog's keys only while it is open.
ScopeKind = Literal["app", "screen", "dialog"]
SCOPES: dict[str, ScopeKind] = {
    "app": "app",
    "run": "screen",
    "home": "screen",
    "setup": "screen",
    "participant-list": "screen",  # the set-up screen's list of names
    "methods": "screen",
    "wrapup": "screen",
    "review": "screen",
    "session-detail": "screen",
    "opening": "screen",
    "groups": "screen",
    "group-setup": "screen",
    "group-form": "screen",  # the group form, the series evaluation and the report dialog
    "toggle-list": "screen",  # the group form's lists ticked on and off
    "group-members": "dialog",
    "name-prompt": "dialog",
    "resume": "dialog",
    "rename": "dialog",
    "confirm": "dialog",
    "choice": "dialog",
    "guard": "dialog",
    "help": "dialog",
    "attendance": "dialog",
    "room-message": "dialog",
    "inbrenger-picker": "dialog",
    "reflection": "dialog",
    "export": "dialog",
}
Scope = str  # a key of SCOPES


class KeyAction(NamedTuple):
    """One action the keys can trigger: its id, Textual action, default keys and labels."""

    id: str  # binding id, stable: users put it in settings.keys
    action: str  # Textual action run by the screen (or app, or widget) that owns the scope
    keys: str  # default keys, comma-separated Textual key names
    description: str  # i18n key of the short label
    group: str  # i18n key of the help-screen group
    scope: Scope = "run"
    # The narrowest terminal (columns) whose footer shows it; None: never in the footer.
    footer: int | None = 0
    palette: bool = True  # offered in the command palette (on its own screen; dialogs never)
    key_display: str | None = None  # how the footer writes the default key, when not as Textual does
    priority: bool = False  # also while a text field has the focus (ctrl+s saves from any field)

    def binding(self, prefix: str = "") -> Binding:
        """The Textual binding; its description stays the i18n key, the footer translates it."""
        return Binding(
            self.keys,
            prefix + self.action,
            self.description,
            show=self.footer is not None,
            key_display=self.key_display,
            priority=self.priority,
            id=self.id,
        )


def _scope(scope: Scope, group: str, *entries: tuple) -> list[KeyAction]:
    """The entries of one scope: (id, action, keys, description, then KeyAction's keywords)."""
    actions = []
    for entry in entries:
        action_id, action, keys, description, *rest = entry
        options = rest[0] if rest else {}
        actions.append(KeyAction(action_id, action, keys, description, group=group, scope=scope, **options))
    return actions


HOME, SETUP, METHODS, WRAPUP = "keys.group.home", "keys.group.setup", "keys.group.methods", "keys.group.wrapup"
DIALOGS = "keys.group.dialogs"
NEVER: dict = {"footer": None}

ACTIONS: tuple[KeyAction, ...] = (
    # The run screen. Its footer shows, in this order: help, start/pause, blank, next phase,
    # next speaker, end; below 80 columns the privacy key (blank) and the way out are never
    # the ones cut off, so the two next-keys go. The rest is on the help screen.
    KeyAction("toggle-pause", "toggle_pause", "space", "keys.toggle_pause", "keys.group.time"),
    KeyAction("more-time", "extend(1)", "plus,equals_sign", "keys.more_time", "keys.group.time", footer=None),
    KeyAction("less-time", "extend(-1)", "minus", "keys.less_time", "keys.group.time", footer=None),
    # A break: the clock stops and the room sees it; space (or this key again) ends it, +/- set until when.
    KeyAction("break", "toggle_break", "k", "keys.break", "keys.group.time", footer=None),
    # What the room sees. Opening and attendance are the app's: it opens them over the run screen.
    KeyAction("opening", "opening", "o", "keys.opening", "keys.group.screen", scope="app", footer=None, palette=False),
    KeyAction("blank", "toggle_blank", "b", "keys.blank", "keys.group.screen"),
    # Phases
    KeyAction(
        "next-phase", "next_phase", "n,right", "keys.next_phase", "keys.group.phases", footer=NARROW_FOOTER_WIDTH
    ),
    KeyAction("previous-phase", "previous_phase", "p,left", "keys.previous_phase", "keys.group.phases", footer=None),
    # Turns
    KeyAction("next-speaker", "next_speaker", "t", "keys.next_speaker", "keys.group.turns", footer=NARROW_FOOTER_WIDTH),
    KeyAction("previous-speaker", "previous_speaker", "T", "keys.previous_speaker", "keys.group.turns", footer=None),
    KeyAction("skip-speaker", "skip_speaker", "s", "keys.skip_speaker", "keys.group.turns", footer=None),
    KeyAction("choose-inbrenger", "choose_inbrenger", "i", "keys.choose_inbrenger", "keys.group.turns", footer=None),
    # Who came in late or left early (for the hours)
    KeyAction(
        "attendance",
        "attendance",
        "a",
        "keys.attendance",
        "keys.group.session",
        scope="app",
        footer=None,
        palette=False,
    ),
    KeyAction("room-message", "room_message", "m", "keys.room_message", "keys.group.screen", footer=None),
    # Only for the facilitator (the room must not see these: see the mirrored-screen guard)
    KeyAction("notes", "toggle_notes", "e", "keys.notes", "keys.group.private", footer=None),
    KeyAction("facilitator", "toggle_facilitator", "f", "keys.facilitator", "keys.group.private", footer=None),
    KeyAction("reveal-notes", "reveal_notes", "ctrl+r", "keys.reveal_notes", "keys.group.private", footer=None),
    # Escape leaves the notes or the facilitator panel (the footer is not the place: every dialog has it too).
    KeyAction(
        "leave-panels", "leave_panels", "escape", "keys.leave_panels", "keys.group.private", footer=None, palette=False
    ),
    KeyAction("end-session", "end_session", "q", "keys.end_session", "keys.group.session"),
    # The review of saved sessions (and its trash); at 80 columns the footer has room for the keys that matter most.
    *_scope(
        "review",
        "keys.group.review",
        ("review-open", "open", "enter", "review.key.open"),
        ("review-search", "search", "slash", "review.key.search", NEVER),
        ("review-sort", "sort", "o", "review.key.sort", NEVER),
        ("review-filter", "filter", "f", "review.key.filter", NEVER),
        ("review-export", "export(False)", "x", "review.key.export"),
        ("review-export-anonymized", "export(True)", "a", "review.key.export_anonymized", NEVER),
        ("review-delete", "delete", "d,delete", "review.key.delete"),
        ("review-trash", "toggle_trash", "t", "review.key.trash"),
        ("review-restore", "restore", "r", "review.key.restore"),
        ("review-delete-permanently", "delete_permanently", "D", "review.key.delete_permanently"),
        ("review-empty-trash", "empty_trash", "E", "review.key.empty_trash"),
        ("review-back", "back", "escape", "review.key.back"),
    ),
    # Everywhere
    KeyAction("help", "help", "question_mark,f1", "keys.help", "keys.group.app", scope="app"),
    KeyAction("theme", "next_theme", "ctrl+t", "keys.theme", "keys.group.app", scope="app", footer=None),
    KeyAction("language", "switch_language", "ctrl+l", "keys.language", "keys.group.app", scope="app", footer=None),
    # The groups screen, its members dialog and its forms.
    *_scope(
        "groups",
        "keys.group.groups",
        ("groups-back", "back", "escape", "groups.key.back"),
        ("group-start", "start_meeting", "s", "keys.group_start"),
        ("group-new", "new_group", "n", "keys.group_new"),
        ("group-edit", "edit_group", "e", "keys.group_edit"),
        ("group-members", "members", "m", "keys.group_members"),
        ("group-report", "report", "r", "keys.group_report"),
        ("group-evaluate", "evaluate", "v", "keys.group_evaluate", NEVER),
        ("group-calendar", "calendar", "c", "keys.group_calendar", NEVER),
    ),
    *_scope(
        "group-members",
        "keys.group.members",
        ("members-close", "close", "escape", "groups.key.back"),
        ("member-add", "add_member", "n,insert", "keys.member_add"),
        ("member-rename", "rename_member", "r,f2", "keys.member_rename"),
        ("member-leave", "leave_member", "l,delete", "keys.member_leave"),
    ),
    *_scope(
        "group-form",
        "keys.group.groups",
        ("form-cancel", "cancel", "escape", "keys.form_cancel", {"palette": False}),
        ("form-save", "save", "ctrl+s", "keys.form_save", {"palette": False}),
    ),
    *_scope("toggle-list", "keys.group.groups", ("form-toggle", "tick", "space", "keys.form_toggle", NEVER)),
    *_scope(
        "group-setup",
        "keys.group.groups",
        ("group-setup-cycle", "cycle", "space", "groups.key.cycle"),
        # p, e and a set a member's attendance directly (space cycles through them)
        ("group-setup-present", "mark('present')", "p", "groups.key.present", NEVER),
        ("group-setup-excused", "mark('excused')", "e", "groups.key.excused", NEVER),
        ("group-setup-absent", "mark('absent')", "a", "groups.key.absent", NEVER),
        (
            "group-setup-proceed",
            "proceed",
            "ctrl+s,f5",
            "groups.key.proceed",
            {"key_display": "ctrl+s", "priority": True},
        ),
        ("group-setup-back", "back", "escape", "groups.key.back"),
    ),
    *_scope(
        "opening", "keys.group.groups", ("opening-close", "close", "escape,o", "groups.key.back", {"palette": False})
    ),
    # The screens around a session
    *_scope(
        "home",
        HOME,
        ("home-start", "start", "s", "home.key.start"),
        ("home-resume", "resume", "r", "home.key.resume"),
        ("home-review", "review", "v", "home.key.review"),
        # The menu lists these three; the footer has room for the others only.
        ("home-groups", "groups", "g", "home.key.groups", NEVER),
        ("home-methods", "methods", "m", "home.key.methods", NEVER),
        ("home-language", "language", "l", "home.key.language", NEVER),
        # The home screen's own help key (the app's is the same key): its footer names it as the menu does.
        ("home-help", "help", "question_mark", "home.key.help", {"key_display": "?", "palette": False}),
        ("home-quit", "quit", "q", "home.key.quit"),
    ),
    *_scope(
        "setup",
        SETUP,
        ("setup-start", "start", "ctrl+s,f5", "setup.key.start", {"key_display": "ctrl+s", "priority": True}),
        ("setup-back", "back", "escape", "setup.key.back"),
    ),
    # The set-up's list of names: its keys edit the highlighted one.
    *_scope(
        "participant-list",
        SETUP,
        ("setup-rename", "screen.rename_participant", "f2,r,enter", "setup.key.rename", {"key_display": "F2"}),
        ("setup-remove", "screen.remove_participant", "delete,x", "setup.key.remove", {"key_display": "del"}),
        (
            "setup-move-up",
            "screen.move_participant(-1)",
            "ctrl+up,shift+up",
            "setup.key.move_up",
            {"key_display": "ctrl+↑"},
        ),
        (
            "setup-move-down",
            "screen.move_participant(1)",
            "ctrl+down,shift+down",
            "setup.key.move_down",
            {"key_display": "ctrl+↓"},
        ),
    ),
    *_scope(
        "methods",
        METHODS,
        ("methods-setup", "setup", "s", "methods.key.setup"),
        ("methods-scroll-down", "scroll_detail(1)", "pagedown,space", "methods.key.scroll", NEVER),
        ("methods-scroll-up", "scroll_detail(-1)", "pageup", "methods.key.scroll", NEVER),
        ("methods-back", "back", "escape,q", "methods.key.back"),
    ),
    *_scope(
        "wrapup",
        WRAPUP,
        ("wrapup-save", "save", "ctrl+s,f5", "wrapup.key.save", {"key_display": "ctrl+s", "priority": True}),
        ("wrapup-leave", "leave", "escape", "wrapup.key.leave"),
    ),
    *_scope(
        "session-detail",
        "keys.group.review",
        ("detail-reflect", "reflect", "e", "review.key.reflect"),
        ("detail-export", "export(False)", "x", "review.key.export"),
        ("detail-export-anonymized", "export(True)", "a", "review.key.export_anonymized"),
        ("detail-back", "back", "escape", "review.key.back"),
    ),
    # Dialogs: their keys work only while they are open, and are never in the palette.
    *_scope(
        "resume",
        DIALOGS,
        ("resume-this", "resume", "enter", "home.key.resume_this"),
        ("resume-close-keep", "close_keep", "k", "home.key.close_keep"),
        ("resume-discard", "discard", "d", "home.key.discard"),
        ("resume-back", "back", "escape", "home.key.back"),
    ),
    *_scope("rename", DIALOGS, ("rename-cancel", "cancel", "escape", "setup.key.cancel")),
    *_scope("name-prompt", DIALOGS, ("name-prompt-cancel", "cancel", "escape", "keys.form_cancel")),
    *_scope(
        "confirm",
        DIALOGS,
        ("confirm-yes", "answer(True)", "y,j", "keys.dialog.yes", NEVER),
        ("confirm-no", "answer(False)", "escape,n", "keys.dialog.no", NEVER),
    ),
    *_scope("choice", DIALOGS, ("choice-escape", "escape", "escape", "keys.dialog.escape", NEVER)),
    *_scope("guard", DIALOGS, ("guard-cancel", "cancel", "escape", "keys.dialog.cancel", NEVER)),
    *_scope("help", DIALOGS, ("help-close", "dismiss", "escape,question_mark,f1,q", "keys.dialog.close", NEVER)),
    *_scope(
        "attendance",
        DIALOGS,
        ("attendance-arrive", "arrive", "a", "attendance.key.arrive"),
        ("attendance-leave", "leave", "l", "attendance.key.leave"),
        ("attendance-close", "close", "escape", "attendance.key.close"),
    ),
    *_scope("room-message", DIALOGS, ("room-message-cancel", "cancel", "escape", "keys.dialog.cancel", NEVER)),
    *_scope("inbrenger-picker", DIALOGS, ("inbrenger-cancel", "cancel", "escape", "keys.dialog.cancel", NEVER)),
    *_scope(
        "reflection",
        DIALOGS,
        ("reflection-save", "save", "ctrl+s", "review.key.save", {"priority": True}),
        ("reflection-cancel", "cancel", "escape", "review.key.cancel"),
    ),
    *_scope("export", DIALOGS, ("export-cancel", "cancel", "escape", "review.key.cancel")),
)

ACTIONS_BY_ID: dict[str, KeyAction] = {action.id: action for action in ACTIONS}
# The help screen's groups, in this order.
GROUPS: tuple[str, ...] = (
    "keys.group.time",
    "keys.group.phases",
    "keys.group.turns",
    "keys.group.session",
    "keys.group.screen",
    "keys.group.private",
    "keys.group.review",
    "keys.group.app",
    "keys.group.groups",
    "keys.group.members",
    HOME,
    SETUP,
    METHODS,
    WRAPUP,
    DIALOGS,
)
# Key names spoken differently per language; every other key shows as Textual writes it.
KEY_NAMES = {"space": "keys.name.space", "escape": "keys.name.escape", "enter": "keys.name.enter"}


def actions_in(scope: Scope) -> list[KeyAction]:
    return [action for action in ACTIONS if action.scope == scope]


def bindings_for(scope: Scope, lead: tuple[str, ...] = ()) -> list[BindingType]:
    """A screen's, dialog's or widget's `BINDINGS`: the registry's for `scope`, in its order.

    `lead` names app actions to put first (e.g. help), so a narrow footer still shows them;
    they keep their id, so rebinding one key rebinds it everywhere.
    """
    leading = [ACTIONS_BY_ID[action_id].binding("app.") for action_id in lead]
    return [*leading, *(action.binding() for action in actions_in(scope))]


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
        normalized = _normalize_key_list(",".join(names))
        reserved = sorted(set(normalized.split(",")) & _textual_keys())
        if reserved:
            problems.append(
                translate("keys.problem.reserved", id=action_id, keys=", ".join(repr(name) for name in reserved))
            )
            continue
        usable[action_id] = normalized
    problems += _drop_collisions(usable, translate)
    return usable, problems


def _textual_keys() -> set[str]:
    """Keys Textual answers itself on every screen (quit, copy, the command palette, moving the focus) that no
    registry entry takes over: a rebinding to one would never reach its action, or would quit the app."""
    from textual.app import App
    from textual.screen import Screen

    keys = {App.COMMAND_PALETTE_BINDING}
    for binding in [*App.BINDINGS, *Screen.BINDINGS]:
        keys.update((binding.key if isinstance(binding, Binding) else binding[0]).split(","))
    ours = {name for action in ACTIONS for name in action.keys.split(",")}
    return set(_normalize_key_list(",".join(sorted(keys))).split(",")) - ours


def _overlap(first: KeyAction, second: KeyAction) -> bool:
    """Keys of one scope meet each other; app keys meet every screen's (a dialog's keys stop
    the chain before the app's, so they meet only their own)."""
    if first.scope == second.scope:
        return True
    kinds = {SCOPES[first.scope], SCOPES[second.scope]}
    return kinds == {"app", "screen"}


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


def bound_keys(action: KeyAction, keymap: Mapping[str, str]) -> list[str]:
    """The key names an action answers to now (after rebinding), as Textual delivers them."""
    return [name for name in (keymap.get(action.id) or _normalize_key_list(action.keys)).split(",") if name]


def keys_in_force(action: KeyAction, keymap: Mapping[str, str], translate) -> list[str]:
    """The keys an action answers to now (after rebinding), as people read them."""
    return [key_label(key, translate) for key in bound_keys(action, keymap)]


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


class KeysFromRegistry:
    """Part of every screen and dialog (the bases in `ui/screens/base.py`): its footer as the registry says.

    Bindings carry their registry entry's i18n key as description (they are class-level, so
    they cannot know the language); here each gets its label in the current language, and
    leaves the footer on a terminal narrower than its entry's `footer` width. Overriding
    `active_bindings` is Textual's public way: the footer and the palette read it.
    A subclass may write keys its own way (`footer_key_display`) or hide some (`hidden_in_footer`).
    """

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        app = self.app  # type: ignore[attr-defined]
        width = self.size.width  # type: ignore[attr-defined]
        shown: dict[str, ActiveBinding] = {}
        for key, active in super().active_bindings.items():  # type: ignore[misc]
            binding = active.binding
            action = ACTIONS_BY_ID.get(binding.id or "")
            if action is not None:
                in_footer = action.footer is not None and width >= action.footer and not self.hidden_in_footer(key)
                binding = replace(
                    binding,
                    description=app.t(action.description),
                    show=in_footer,
                    key_display=self.footer_key_display(key, action),
                )
            shown[key] = ActiveBinding(active.node, binding, active.enabled, active.tooltip)
        return shown

    def footer_key_display(self, key: str, action: KeyAction) -> str | None:
        """The entry's own way to write its default key; a rebound key as Textual writes it."""
        return None if action.id in self.app.keymap else action.key_display  # type: ignore[attr-defined]

    def hidden_in_footer(self, key: str) -> bool:
        return False
