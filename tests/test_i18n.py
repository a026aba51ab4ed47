"""Every text exists in Dutch and English, with the same {placeholders}."""

from __future__ import annotations

import string
import sys
import types
from importlib import import_module

import pytest

from intervisie_tui import i18n
from intervisie_tui.i18n import CATALOG_MODULES, catalog, t


def _modules():
    found = []
    for name in CATALOG_MODULES:
        try:
            found.append(import_module(f"intervisie_tui.i18n.{name}"))
        except ModuleNotFoundError:
            continue
    return found


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@pytest.mark.parametrize("module", _modules(), ids=lambda module: module.__name__.rsplit(".", 1)[-1])
def test_every_key_has_dutch_and_english_with_the_same_placeholders(module):
    for key, pair in module.MESSAGES.items():
        assert isinstance(pair, tuple) and len(pair) == 2, key
        nl, en = pair
        assert nl.strip() and en.strip(), f"{key}: empty text"
        assert _placeholders(nl) == _placeholders(en), f"{key}: placeholders differ"


def test_keys_are_unique_across_catalogues():
    seen: dict[str, str] = {}
    for module in _modules():
        for key in module.MESSAGES:
            assert key not in seen, f"{key} is in both {seen[key]} and {module.__name__}"
            seen[key] = module.__name__
    assert set(catalog()) == set(seen)


@pytest.fixture
def nothing_read(monkeypatch):
    """The catalogue as at a fresh start: no module read yet."""
    monkeypatch.setattr(i18n, "_known", {})
    monkeypatch.setattr(i18n, "_unread", list(CATALOG_MODULES))


def test_a_lookup_reads_the_catalogues_only_until_it_finds_the_key(nothing_read):
    assert t("keys.next_phase", "en") == "Next phase"  # the ui catalogue, the second
    assert i18n._unread == list(CATALOG_MODULES[2:])
    assert t("word.inbrenger", "nl") == "Inbrenger" and i18n._unread == list(CATALOG_MODULES[2:])  # common: read
    assert t("groups.key.back", "en") == "Back"  # the last: all are read on the way
    assert i18n._unread == []


def test_an_unknown_key_is_a_key_error_once_every_catalogue_is_read(nothing_read):
    with pytest.raises(KeyError, match=r"no\.such\.key"):
        t("no.such.key", "nl")
    assert i18n._unread == []


def test_a_key_in_two_catalogues_is_refused_when_the_second_is_read(nothing_read, monkeypatch):
    twice = types.ModuleType("intervisie_tui.i18n.twice")
    twice.MESSAGES = {"run.step": ("stap", "step")}
    monkeypatch.setitem(sys.modules, twice.__name__, twice)
    monkeypatch.setattr(i18n, "_unread", ["ui", "twice"])
    with pytest.raises(KeyError, match=r"run\.step.*twice"):
        t("no.such.key", "nl")


def test_lookup_formats_in_the_chosen_language():
    assert t("run.step", "nl", number=3, total=8) == "stap 3 van 8"
    assert t("run.step", "en", number=3, total=8) == "step 3 of 8"


def test_every_key_the_registry_uses_exists():
    from intervisie_tui.ui.keys import ACTIONS

    merged = catalog()
    for action in ACTIONS:
        assert action.description in merged and action.group in merged
