"""The screens around a session: home, set-up, methods, wrap-up (and review).

`TranslatedBindings` lets a screen declare its footer keys with message keys as
descriptions and show them in the current language, also after a live switch.
"""

from __future__ import annotations

import dataclasses

from textual.binding import BindingsMap
from textual.dom import DOMNode


def relabel_bindings(node: DOMNode) -> None:
    """Give `node`'s bindings descriptions in the app's language.

    The class-level bindings keep the message keys (e.g. "home.key.start") as their
    descriptions; each call rebuilds the node's own copy from them, so switching back
    and forth never loses a key. Descriptions that are no message key stay as they are.
    """
    app = node.app
    merged = type(node)._merged_bindings
    if merged is None:
        return
    keys = {}
    for key, bindings in merged.key_to_bindings.items():
        keys[key] = [_translated(app, binding) for binding in bindings]
    node._bindings = BindingsMap.from_keys(keys)
    node.refresh_bindings()


def _translated(app, binding):
    description = binding.description
    if description and "." in description and " " not in description:
        try:
            return dataclasses.replace(binding, description=app.t(description))
        except KeyError:
            return binding
    return binding
