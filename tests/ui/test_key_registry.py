"""Every binding comes from the key registry (ui/keys.py): walked class by class, labelled in
both languages, and rebindable from settings.keys, also the keys that once had no id."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.binding import Binding
from textual.dom import DOMNode

import intervisie_tui.ui
from intervisie_tui.i18n import catalog
from intervisie_tui.settings import Settings
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.keys import ACTIONS, ACTIONS_BY_ID, GROUPS, SCOPES


def our_classes_with_bindings() -> list[type]:
    """Every screen, dialog, widget and app class of ours that declares BINDINGS itself."""
    classes = []
    for module_info in pkgutil.walk_packages(intervisie_tui.ui.__path__, "intervisie_tui.ui."):
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, DOMNode) and "BINDINGS" in cls.__dict__:
                classes.append(cls)
    return classes


def test_every_binding_of_every_class_is_a_registry_entry():
    classes = our_classes_with_bindings()
    names = {cls.__name__ for cls in classes}
    assert {"RunScreen", "HomeScreen", "ConfirmScreen", "ParticipantList", "IntervisieApp", "DisplayApp"} <= names
    for cls in classes:
        for binding in cls.__dict__["BINDINGS"]:
            assert isinstance(binding, Binding), f"{cls.__name__}: {binding!r} is no Binding"
            assert binding.id in ACTIONS_BY_ID, f"{cls.__name__}: {binding.key} -> {binding.action} has no registry id"
            entry = ACTIONS_BY_ID[binding.id]
            assert binding.action.removeprefix("app.") == entry.action and binding.key == entry.keys
            assert binding.description == entry.description  # the footer translates it (KeysFromRegistry)


def test_every_entry_has_both_labels_a_group_and_a_known_scope():
    merged = catalog()
    for action in ACTIONS:
        assert action.scope in SCOPES, action.id
        assert action.group in GROUPS, action.id
        dutch, english = merged[action.description]
        assert dutch.strip() and english.strip(), action.id
        assert all(text.strip() for text in merged[action.group]), action.group


def test_the_footer_field_alone_decides_whether_a_key_is_shown():
    """One field says whether and from which width the footer shows a key; Binding.show follows it."""
    for action in ACTIONS:
        assert action.binding().show is (action.footer is not None)


async def test_a_key_that_had_no_id_before_can_be_rebound(library):
    from intervisie_tui.ui.screens.home import HomeScreen
    from intervisie_tui.ui.screens.setup import SetupScreen

    app = IntervisieApp(lang="en", library=library, settings=Settings(keys={"home-start": "b"}))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        footer = {active.binding.description for key, active in app.screen.active_bindings.items() if key == "b"}
        assert footer == {app.t("home.key.start")}
        await pilot.press("s")  # the old key no longer starts
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)


def test_a_rebinding_that_collides_with_a_formerly_unregistered_key_is_refused():
    from intervisie_tui.ui.keys import check_keymap

    usable, problems = check_keymap({"help": "g"})  # the home screen's groups key, and no other
    assert usable == {} and any("home-groups" in problem for problem in problems)


async def test_a_rebinding_to_a_key_textual_keeps_is_refused_and_the_action_keeps_its_own(library):
    from intervisie_tui.ui.keys import check_keymap
    from intervisie_tui.ui.screens.home import HomeScreen
    from intervisie_tui.ui.screens.setup import SetupScreen

    for reserved in ("ctrl+q", "ctrl+p", "tab", "ctrl+c"):
        usable, problems = check_keymap({"home-start": f"x,{reserved}"})
        assert usable == {} and len(problems) == 1 and repr(reserved) in problems[0], reserved
    app = IntervisieApp(lang="en", library=library, settings=Settings(keys={"home-start": "ctrl+q"}))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert {active.binding.id for key, active in app.screen.active_bindings.items() if key == "s"} == {"home-start"}
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
