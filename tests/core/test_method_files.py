"""Loading method files, and what a bad one says."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervisie_tui.cli.method_starter import starter_method
from intervisie_tui.core.library import Origin, builtin_methods_dir, load_library, load_method_file
from intervisie_tui.core.method import Speakers, ground_rules

GOOD = """
id = "mini"
schema = 1
name = { nl = "Mini", en = "Mini" }
summary = { nl = "Kort", en = "Short" }
description = { nl = "Een korte methode.", en = "A short method." }
group_size = [3, 6]
minutes = 20

[[phases]]
id = "vertellen"
title = { nl = "Vertellen", en = "Telling" }
minutes = 10
min_minutes = 5
speakers = "inbrenger"
questions = { nl = ["Wat gebeurde er?"], en = ["What happened?"] }

[[phases]]
id = "ronde"
title = { nl = "Ronde", en = "Round" }
minutes = 10
min_minutes = 4
speakers = "round"
turn_seconds = 60
"""


def write(tmp_path: Path, text: str, name: str = "mini.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def only_problem(tmp_path: Path, text: str) -> str:
    path = write(tmp_path, text)
    method, problems = load_method_file(path)
    assert method is None
    assert len(problems) >= 1
    message = str(problems[0])
    assert str(path) in message, message
    return message


def test_a_good_file_loads(tmp_path):
    method, problems = load_method_file(write(tmp_path, GOOD))
    assert problems == []
    assert method.id == "mini"
    assert method.phases[1].speakers is Speakers.ROUND
    assert method.phases[1].turn_seconds == 60
    assert method.name("en") == "Mini"
    assert ground_rules(method)("nl")[0].startswith("Vertrouwelijk")


def test_toml_syntax_error_names_the_line(tmp_path):
    message = only_problem(tmp_path, GOOD.replace("minutes = 20", "minutes = = 20"))
    assert "line 8" in message
    assert "TOML" in message


def test_missing_field_names_the_field(tmp_path):
    message = only_problem(tmp_path, GOOD.replace('summary = { nl = "Kort", en = "Short" }\n', ""))
    assert "field 'summary'" in message
    assert "missing" in message


def test_wrong_type_names_phase_field_and_line(tmp_path):
    message = only_problem(tmp_path, GOOD.replace("minutes = 10\nmin_minutes = 5", 'minutes = "ten"\nmin_minutes = 5'))
    assert "phase 1 ('vertellen')" in message
    assert "field 'minutes'" in message
    assert "whole number" in message
    assert "line 13" in message


def test_unknown_speaking_pattern_lists_the_known_ones(tmp_path):
    message = only_problem(tmp_path, GOOD.replace('speakers = "round"', 'speakers = "circle"'))
    assert "phase 2 ('ronde')" in message
    assert "'circle'" in message
    assert "without-inbrenger" in message


def test_duplicate_phase_ids(tmp_path):
    message = only_problem(tmp_path, GOOD.replace('id = "ronde"', 'id = "vertellen"'))
    assert "'vertellen' is used twice" in message
    assert "line 18: phase 2 ('vertellen')" in message  # the second one, where the fix is


@pytest.mark.parametrize("value", ["0", "-5"])
def test_zero_or_negative_minutes(tmp_path, value):
    message = only_problem(
        tmp_path, GOOD.replace("minutes = 10\nmin_minutes = 4", f"minutes = {value}\nmin_minutes = 4")
    )
    assert "phase 2 ('ronde')" in message
    assert "field 'minutes'" in message
    assert "above 0" in message


def test_minimum_above_default(tmp_path):
    message = only_problem(tmp_path, GOOD.replace("min_minutes = 5", "min_minutes = 12"))
    assert "line 14: phase 1 ('vertellen'), field 'min_minutes'" in message
    assert "min_minutes (12) is above minutes (10)" in message


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("minutes = 10\nmin_minutes = 5", 'minutes = "10"\nmin_minutes = 5', "expected a whole number, got '10'"),
        ("minutes = 10\nmin_minutes = 5", "minutes = 10.0\nmin_minutes = 5", "expected a whole number, got 10.0"),
        ("min_minutes = 5", "min_minutes = true", "expected a whole number, got True"),
        ("turn_seconds = 60", 'turn_seconds = 60\ninbrenger_in_round = "yes"', "expected true or false, got 'yes'"),
        ('title = { nl = "Ronde", en = "Round" }', 'title = "Ronde"', "expected a table such as { nl ="),
        ("group_size = [3, 6]", "group_size = [3, 6, 8]", "too long: at most 2 items"),
    ],
)
def test_wrong_types_are_not_quietly_converted(tmp_path, old, new, expected):
    message = only_problem(tmp_path, GOOD.replace(old, new))
    assert expected in message
    assert "Input should" not in message  # no raw pydantic text


def test_total_must_hold_the_phase_minimums(tmp_path):
    message = only_problem(tmp_path, GOOD.replace("minutes = 20", "minutes = 8"))
    assert "line 8: field 'minutes'" in message
    assert "shorter than the phases' minimums together (9 min)" in message


def test_phase_headers_with_spaces_keep_their_lines(tmp_path):
    message = only_problem(
        tmp_path, GOOD.replace("[[phases]]", "[[ phases ]]").replace("min_minutes = 4", "min_minutes = 0")
    )
    assert "line 22: phase 2 ('ronde'), field 'min_minutes'" in message


def test_quoted_schema_version(tmp_path):
    message = only_problem(tmp_path, GOOD.replace("schema = 1", 'schema = "1"'))
    assert "write schema = 1 as a number, without quotes" in message


def test_expected_values_are_listed_in_the_users_language(tmp_path):
    path = write(tmp_path, GOOD.replace('speakers = "round"', 'speakers = "circle"'))
    [problem] = load_method_file(path)[1]
    dutch = problem.render("nl")
    assert "regel 23: fase 2 ('ronde'), veld 'speakers'" in dutch
    assert " or " not in dutch


def test_text_missing_in_one_language(tmp_path):
    message = only_problem(tmp_path, GOOD.replace('title = { nl = "Ronde", en = "Round" }', 'title = { nl = "Ronde" }'))
    assert "phase 2 ('ronde')" in message
    assert "field 'title.en'" in message
    assert "Dutch (nl) and English (en)" in message


def test_question_lists_must_match_between_languages(tmp_path):
    message = only_problem(tmp_path, GOOD.replace('en = ["What happened?"]', 'en = ["What happened?", "And then?"]'))
    assert "1 Dutch and 2 English items" in message


def test_unknown_field_is_named(tmp_path):
    message = only_problem(tmp_path, GOOD.replace("min_minutes = 4", "min_minutes = 4\nminuts = 3"))
    assert "field 'minuts'" in message
    assert "spelling" in message


def test_turn_seconds_only_in_rounds(tmp_path):
    message = only_problem(
        tmp_path, GOOD.replace('speakers = "inbrenger"', 'speakers = "inbrenger"\nturn_seconds = 30')
    )
    assert "line 16: phase 1 ('vertellen'), field 'turn_seconds': is only allowed when speakers = \"round\"" in message


def test_newer_schema_version(tmp_path):
    message = only_problem(tmp_path, GOOD.replace("schema = 1", "schema = 2"))
    assert "schema version 2 is not supported" in message


def test_not_utf8(tmp_path):
    path = tmp_path / "latin.toml"
    path.write_bytes(GOOD.replace("Kort", "Kort\xe9").encode("latin-1"))
    method, problems = load_method_file(path)
    assert method is None and "UTF-8" in str(problems[0])


def test_a_bad_user_file_never_hides_the_good_ones(tmp_path):
    user = tmp_path / "user"
    user.mkdir()
    write(user, GOOD)
    write(user, "id = [", name="broken.toml")
    library = load_library(user, entry_points=())
    assert "mini" in library.methods
    assert "incident" in library.methods
    assert [Path(p.source).name for p in library.problems] == ["broken.toml"]


def test_a_user_file_replaces_a_builtin_and_says_so(tmp_path):
    user = tmp_path / "user"
    user.mkdir()
    write(user, GOOD.replace('id = "mini"', 'id = "incident"'), name="incident.toml")
    library = load_library(user, entry_points=())
    loaded = library.methods["incident"]
    assert loaded.origin is Origin.USER
    assert loaded.replaces is not None and loaded.replaces.origin is Origin.BUILTIN
    assert loaded.method.name("nl") == "Mini"


def test_the_starter_file_is_valid(tmp_path):
    method, problems = load_method_file(write(tmp_path, starter_method("mijn-methode"), name="mijn-methode.toml"))
    assert problems == []
    assert method.id == "mijn-methode"
    assert method.minutes == sum(phase.minutes for phase in method.phases)


def test_builtins_live_in_methods_folder():
    assert (builtin_methods_dir() / "incident.toml").is_file()


def test_two_user_files_with_one_id_are_reported(tmp_path):
    user = tmp_path / "user"
    user.mkdir()
    source = (builtin_methods_dir() / "roddel.toml").read_text(encoding="utf-8")
    write(user, source, name="a-roddel.toml")
    write(user, source.replace('nl = "Roddelmethode"', 'nl = "Mijn roddel"'), name="b-roddel.toml")
    library = load_library(user, entry_points=())
    loaded = library.methods["roddel"]
    assert loaded.method.name("nl") == "Mijn roddel"
    assert loaded.replaces_builtin  # two steps back, still the built-in
    [problem] = library.problems
    assert "b-roddel.toml" in str(problem) and "a-roddel.toml" in str(problem) and "this file wins" in str(problem)
