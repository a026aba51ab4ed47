"""The parsed stylesheets kept between starts (ui/parsed_css.py): used only when they fit, never
trusted when damaged, and what they give is what a parse gives."""

from __future__ import annotations

import random

import pytest
import textual.css.stylesheet as textual_stylesheet

from intervisie_tui.core.paths import cache_dir
from intervisie_tui.settings import Settings
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.parsed_css import CACHE_NAME, cache_key, payload_checksum, read_kept, write_kept


def counting_parses(monkeypatch) -> list[tuple]:
    """Every parse Textual does from now on, by where the CSS was read from."""
    parsed: list[tuple] = []
    real_parse = textual_stylesheet.parse

    def parse(scope, css, read_from, **options):
        parsed.append(read_from)
        return real_parse(scope, css, read_from, **options)

    monkeypatch.setattr(textual_stylesheet, "parse", parse)
    return parsed


def ours(parsed: list[tuple]) -> list[tuple]:
    return [read_from for read_from in parsed if str(read_from[0]).endswith("intervisie.tcss")]


async def start_and_stop(app: IntervisieApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()


async def test_the_second_start_parses_none_of_what_the_first_kept(monkeypatch):
    parsed = counting_parses(monkeypatch)
    await start_and_stop(IntervisieApp(lang="nl"))
    assert ours(parsed), "the first start parses our stylesheet"
    assert (cache_dir() / CACHE_NAME).is_file()

    parsed.clear()
    second = IntervisieApp(lang="nl")
    await start_and_stop(second)
    assert parsed == []  # home screen: every stylesheet it needs was kept
    assert second.stylesheet.rules, "the kept rules are the stylesheet's"


def described(rule) -> tuple:
    """A rule as comparable values: layouts compare by identity, and every parse makes new ones."""
    values = dict(rule.styles.get_rules())
    if "layout" in values:
        values["layout"] = values["layout"].name
    return str(rule.selector_set), values, rule.is_default_rules, rule.tie_breaker


async def test_kept_rules_are_the_rules_a_parse_gives():
    first = IntervisieApp(lang="nl")
    await start_and_stop(first)
    fresh = [described(rule) for rule in first.stylesheet.rules]

    second = IntervisieApp(lang="nl")
    await start_and_stop(second)
    kept = [described(rule) for rule in second.stylesheet.rules]
    assert kept == fresh
    assert len(kept) > 50


async def test_another_theme_parses_afresh(monkeypatch):
    await start_and_stop(IntervisieApp(lang="nl"))
    parsed = counting_parses(monkeypatch)
    light = IntervisieApp(lang="nl", settings=Settings(theme="intervisie-light"))
    await start_and_stop(light)
    assert ours(parsed), "the light theme's variables make other rules: nothing kept for the dark one is used"
    assert light.theme == "intervisie-light"


def damaged_versions(data: bytes, count: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    versions = [b"", b"\n\n", data[: len(data) // 2], data + b"x", b"not a cache\nat all\n" + data]
    for _ in range(count):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            where = rng.randrange(len(damaged))
            damaged[where] = rng.randrange(256)
        versions.append(bytes(damaged))
    return versions


async def test_a_damaged_cache_is_never_trusted_and_is_made_anew(monkeypatch):
    await start_and_stop(IntervisieApp(lang="nl"))
    cache_file = cache_dir() / CACHE_NAME
    good = cache_file.read_bytes()
    app = IntervisieApp(lang="nl")
    key = cache_key(app.stylesheet._variables)
    assert read_kept(cache_file, key), "the good file is read"

    for damaged in damaged_versions(good, 60, seed=12):
        cache_file.write_bytes(damaged)
        kept = read_kept(cache_file, key)
        assert kept == {} or damaged == good

    cache_file.write_bytes(good[:100])
    parsed = counting_parses(monkeypatch)
    await start_and_stop(IntervisieApp(lang="nl"))
    assert ours(parsed), "a damaged cache means a normal parse"
    assert read_kept(cache_file, key), "and a new cache"


@pytest.mark.parametrize(
    "payload",
    [b"\x80\x05N.", b"\x80\x05]\x94.", b"\x80\x05}\x94K\x01K\x02s."],  # None, a list, {1: 2}
    ids=["none", "list", "wrong-types"],
)
def test_a_cache_of_the_wrong_shape_is_not_used(tmp_path, payload):
    cache_file = tmp_path / CACHE_NAME
    key = cache_key({"primary": "#ffffff"})
    cache_file.write_bytes(key + b"\n" + payload_checksum(payload) + b"\n" + payload)
    assert read_kept(cache_file, key) == {}


def test_another_key_is_not_used(tmp_path):
    cache_file = tmp_path / CACHE_NAME
    entries = {("css", ("here", ""), False, 0, ""): []}
    write_kept(cache_file, cache_key({"primary": "#ffffff"}), entries)
    assert read_kept(cache_file, cache_key({"primary": "#ffffff"})) == entries
    assert read_kept(cache_file, cache_key({"primary": "#000000"})) == {}
    assert cache_file.stat().st_mode & 0o777 == 0o600


async def test_a_cache_folder_that_refuses_costs_only_the_parse(tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("INTERVISIE_CACHE_DIR", str(blocked / "cache"))
    app = IntervisieApp(lang="nl")
    await start_and_stop(app)
    assert app.return_code in (None, 0)
    assert blocked.read_text() == "a file where the cache folder should be"


async def test_a_theme_chosen_while_running_is_kept_for_the_next_start(monkeypatch):
    app = IntervisieApp(lang="nl")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.theme = "intervisie-light"  # Textual parses again, with the light variables, into a stylesheet of its own
        await pilot.pause()
        await pilot.press("question_mark")  # a screen with widgets not seen yet: the app's stylesheet parses it all
        await pilot.pause()
        await app.workers.wait_for_complete()
    parsed = counting_parses(monkeypatch)
    await start_and_stop(IntervisieApp(lang="nl", settings=Settings(theme="intervisie-light")))
    assert ours(parsed) == []  # what the light theme parsed was kept when the app ended
