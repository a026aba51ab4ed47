"""Where intervisie-tui keeps its files. Everything stays on this machine."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "intervisie-tui"
DATA_DIR_ENV = "INTERVISIE_DATA_DIR"
CONFIG_DIR_ENV = "INTERVISIE_CONFIG_DIR"
CACHE_DIR_ENV = "INTERVISIE_CACHE_DIR"
SETTINGS_FILE = "settings.json"


def data_dir(override: str | Path | None = None) -> Path:
    """Sessions and journals: --data-dir, then $INTERVISIE_DATA_DIR, then the platform's user data dir."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """Settings, key bindings and the user's own methods: $INTERVISIE_CONFIG_DIR or the user config dir."""
    chosen = os.environ.get(CONFIG_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def user_methods_dir() -> Path:
    return config_dir() / "methods"


def cache_dir() -> Path:
    """Caches that only save time (never data): $INTERVISIE_CACHE_DIR or the user cache dir."""
    chosen = os.environ.get(CACHE_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)
