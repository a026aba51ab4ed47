"""Where intervisie-tui finds and keeps its files. Everything stays on this machine.

Standard library and platformdirs only (platformdirs imported when first needed), so every layer and the fast
commands (`methods list`, `notes list`) can ask without importing the method models or Textual.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "intervisie-tui"
DATA_DIR_ENV = "INTERVISIE_DATA_DIR"
CONFIG_DIR_ENV = "INTERVISIE_CONFIG_DIR"
CACHE_DIR_ENV = "INTERVISIE_CACHE_DIR"
SETTINGS_FILE = "settings.json"
ENTRY_POINT_GROUP = "intervisie_tui.methods"  # where plugins register their methods
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"  # method and phase ids; a method's id is also its file's name


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


def builtin_methods_dir() -> Path:
    """The methods that ship inside the package (src/intervisie_tui/builtin_methods/)."""
    return _package_folder("builtin_methods")


def builtin_registers_dir() -> Path:
    """The register profiles that ship inside the package (src/intervisie_tui/registers/)."""
    return _package_folder("registers")


def _package_folder(name: str) -> Path:
    # The package is installed as files (pip never installs a wheel zipped), so its resources are a real folder
    # beside this module's package; the caches stamp and glob it like any other. (importlib.resources would say
    # the same, after imports that cost a start from the method cache more than the rest of it.)
    return Path(__file__).resolve().parent.parent / name
