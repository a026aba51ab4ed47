"""Settings: JSON round trip, private files, and a bad file that is reported and never overwritten."""

from __future__ import annotations

import os
import stat

import pytest

from intervisie_tui.settings import Settings, load_settings, save_settings


def test_missing_file_means_defaults_without_a_problem(tmp_path):
    settings, problem = load_settings(tmp_path / "settings.json")
    assert problem is None
    assert settings == Settings()
    assert settings.theme == "intervisie-dark" and settings.bell and not settings.auto_advance


def test_round_trip_is_private(tmp_path):
    path = tmp_path / "config" / "settings.json"
    settings = Settings(language="en", theme="intervisie-light", keys={"next-phase": "j"},
                        last_group=["Anna", "Bram"], last_method="incident", last_minutes=90)
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
        ('{"last_minutes": -5}', "'last_minutes'"),
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


def test_unknown_keys_are_ignored(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"bell": false, "from_a_newer_version": 1}', encoding="utf-8")
    settings, problem = load_settings(path)
    assert problem is None and settings.bell is False


def test_every_field_is_documented():
    for name, field in Settings.model_fields.items():
        assert field.description, f"Settings.{name} has no description"


async def test_app_never_overwrites_a_bad_settings_file(private_dirs, library, clock):
    from intervisie_tui.ui.app import IntervisieApp

    config, _data = private_dirs
    config.mkdir(parents=True)
    path = config / "settings.json"
    path.write_text("{broken", encoding="utf-8")
    app = IntervisieApp(lang="en", library=library, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any("Settings not read" in message and severity == "warning" for message, severity in app.notices)
        app.action_next_theme()
        app.set_language("nl")
        await pilot.pause()
    assert path.read_text(encoding="utf-8") == "{broken"
    assert app.settings.theme == "intervisie-high-contrast" and app.settings.language == "nl"
