"""Where methods come from, without importing the method models (keeps `methods list` fast)."""

from __future__ import annotations

from pathlib import Path

ENTRY_POINT_GROUP = "intervisie_tui.methods"
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"  # method and phase ids


def builtin_methods_dir() -> Path:
    """methods/ ships inside the wheel; in a source checkout it sits at the repository root."""
    packaged = Path(__file__).resolve().parent.parent / "builtin_methods"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "methods"
