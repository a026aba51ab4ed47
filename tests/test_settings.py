"""Settings: JSON round trip, private files, and a bad file that is reported and never overwritten."""

from __future__ import annotations

import json
import os
import stat

import pytest
from observe import notices

from intervisie_tui.core.field_rules import descriptions
from intervisie_tui.settings import Settings, load_settings, save_settings


def test_missing_file_means_defaults_without_a_problem(tmp_path):
    settings, problem = load_settings(tmp_path / "settings.json")
    assert problem is None
    assert settings == Settings()
    assert settings.theme == "intervisie-dark" and settings.bell and not settings.auto_advance


def test_round_trip_is_private(tmp_path):
    path = tmp_path / "config" / "settings.json"
    settings = Settings(language="en", theme="intervisie-light", keys={"next-phase": "j"}, retention_months=24)
    save_settings(settings, path)
    loaded, problem = load_settings(path)
    assert problem is None and loaded == settings
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "line 1"),
        ("[1, 2]", "JSON object"),
        ('{"bell": "often"}', "'bell'"),
        ('{"retention_months": -5}', "'retention_months'"),
    ],
)
def test_unreadable_file_gives_defaults_and_names_the_problem(tmp_path, content, expected):
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    settings, problem = load_settings(path)
    assert settings == Settings()
    assert problem is not None
    english, dutch = problem.render("en"), problem.render("nl")
    assert str(path) in english and expected in english
    assert str(path) in dutch and english != dutch


def test_unknown_keys_are_kept_through_a_save(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"bell": false, "from_a_newer_version": {"deep": [1, 2]}}', encoding="utf-8")
    settings, problem = load_settings(path)
    assert problem is None and settings.bell is False
    settings.theme = "intervisie-light"
    save_settings(settings, path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["from_a_newer_version"] == {"deep": [1, 2]} and saved["theme"] == "intervisie-light"


def test_the_last_group_moves_out_of_the_config_folder(private_dirs, library, clock):
    """settings.json of an older version named the last group: the app moves it to the data
    folder and keeps every preference (and unknown key) where it was."""
    from intervisie_tui.store.remembered import load_remembered
    from intervisie_tui.ui.app import IntervisieApp

    config, data = private_dirs
    config.mkdir(parents=True)
    path = config / "settings.json"
    path.write_text(
        json.dumps(
            {
                "theme": "intervisie-light",
                "bell": False,
                "future": 1,
                "last_group": ["Anna", "Bram"],
                "last_facilitator": "Fleur",
                "last_method": "incident",
                "last_minutes": 75,
            }
        ),
        encoding="utf-8",
    )
    app = IntervisieApp(lang="en", library=library, clock=clock)
    assert json.loads(path.read_text(encoding="utf-8")) == {"theme": "intervisie-light", "bell": False, "future": 1}
    assert app.settings.theme == "intervisie-light" and app.settings.bell is False
    remembered = load_remembered(data)
    assert remembered.last_group == ["Anna", "Bram"] and remembered.last_facilitator == "Fleur"
    assert remembered.last_method == "incident" and remembered.last_minutes == 75
    assert app.remembered == remembered
    if os.name == "posix":
        assert stat.S_IMODE((data / "remembered.json").stat().st_mode) == 0o600
    assert not any(
        b"Anna" in file.read_bytes() or b"Fleur" in file.read_bytes() for file in config.rglob("*") if file.is_file()
    )


def test_a_refused_move_leaves_both_files_as_they_were(private_dirs, library, clock):
    from intervisie_tui.ui.app import IntervisieApp

    config, data = private_dirs
    config.mkdir(parents=True)
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_text("a file where the data folder should be")
    path = config / "settings.json"
    original = json.dumps({"bell": False, "last_group": ["Anna"]})
    path.write_text(original, encoding="utf-8")
    IntervisieApp(lang="en", library=library, clock=clock)
    assert path.read_text(encoding="utf-8") == original


def test_every_field_is_documented():
    assert len(descriptions(Settings)) == 7
    for name, description in descriptions(Settings).items():
        assert description, f"Settings.{name} has no description"


def test_unknown_keys_are_written_back_and_each_field_is_checked(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"bell": False, "from_a_newer_version": {"x": [1]}}), encoding="utf-8")
    settings, problem = load_settings(path)
    assert problem is None and settings.bell is False
    settings.theme = "intervisie-light"
    save_settings(settings, path)
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["from_a_newer_version"] == {"x": [1]}
    assert written["theme"] == "intervisie-light" and written["bell"] is False and "unknown" not in written
    for bad in (
        {"language": "de"},
        {"bell": 1},
        {"keys": {"next-phase": 5}},
        {"retention_months": 12.0},
        {"retention_months": True},
        {"theme": None},
    ):
        path.write_text(json.dumps(bad), encoding="utf-8")
        settings, problem = load_settings(path)
        assert settings == Settings() and problem is not None, bad
        assert f"field '{next(iter(bad))}" in problem.render("en")  # the field, or the key inside it


async def test_app_never_overwrites_a_bad_settings_file(private_dirs, library, clock):
    from intervisie_tui.ui.app import IntervisieApp

    config, _data = private_dirs
    config.mkdir(parents=True)
    path = config / "settings.json"
    path.write_text("{broken", encoding="utf-8")
    app = IntervisieApp(lang="en", library=library, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any("Settings not read" in message and severity == "warning" for message, severity in notices(app))
        app.action_next_theme()
        app.set_language("nl")
        await pilot.pause()
    assert path.read_text(encoding="utf-8") == "{broken"
    assert app.settings.theme == "intervisie-high-contrast" and app.settings.language == "nl"
