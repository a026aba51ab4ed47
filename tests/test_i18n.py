"""Every text exists in Dutch and English, with the same {placeholders}."""

from __future__ import annotations

import string
from importlib import import_module

import pytest

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
    catalog.cache_clear()
    merged = catalog()  # raises KeyError on a duplicate
    assert "run.state.paused" in merged


def test_lookup_formats_in_the_chosen_language():
    assert t("run.step", "nl", number=3, total=8) == "stap 3 van 8"
    assert t("run.step", "en", number=3, total=8) == "step 3 of 8"


def test_every_key_the_registry_uses_exists():
    from intervisie_tui.ui.keys import ACTIONS

    merged = catalog()
    for action in ACTIONS:
        assert action.description in merged and action.group in merged
