"""`intervisie methods …` as a user runs it."""

from __future__ import annotations

import json
import stat

from intervisie_tui.cli import main
from intervisie_tui.core.library import builtin_methods_dir, load_method_file

BROKEN = 'id = "kapot"\nschema = 1\nname = { nl = "Kapot" }\n'


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_in_dutch_and_english(capsys):
    code, out, _ = run(capsys, "--lang", "nl", "methods", "list")
    assert code == 0
    assert "Incidentmethode" in out and "ingebouwd" in out
    for method_id in (
        "incident",
        "roddel",
        "vijfstappen",
        "leren-van-successen",
        "socratisch",
        "balint",
        "kollegiale-beratung",
    ):
        assert method_id in out
    code, out, _ = run(capsys, "--lang", "en", "methods", "list")
    assert "Incident method" in out and "built-in" in out


def test_list_reports_bad_user_files_and_replacements(capsys, private_dirs):
    config, _ = private_dirs
    user = config / "methods"
    user.mkdir(parents=True)
    (user / "kapot.toml").write_text(BROKEN, encoding="utf-8")
    (user / "roddel.toml").write_text(
        (builtin_methods_dir() / "roddel.toml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--lang", "en", "methods", "list")
    assert code == 0
    assert "your own (replaces the built-in)" in out
    assert "kapot.toml" in err and "field 'name.en'" in err


def test_show_gives_phases_questions_and_tips(capsys):
    code, out, _ = run(capsys, "methods", "show", "incident", "--lang", "en")
    assert code == 0
    assert "Incident method" in out and "Tip (facilitator only)" in out and "90 s per turn" in out
    code, out, _ = run(capsys, "methods", "show", "incident", "--lang", "nl")
    assert "Tip (alleen begeleider)" in out


def test_show_unknown_method(capsys):
    code, _, err = run(capsys, "--lang", "en", "methods", "show", "nope")
    assert code == 2
    assert "No method with id 'nope'" in err and "incident" in err


def test_validate_exit_codes_and_messages(capsys, tmp_path):
    bad = tmp_path / "kapot.toml"
    bad.write_text(BROKEN, encoding="utf-8")
    good = builtin_methods_dir() / "balint.toml"
    code, out, _ = run(capsys, "--lang", "en", "methods", "validate", str(good))
    assert code == 0 and out.startswith("OK")
    code, out, err = run(capsys, "--lang", "en", "methods", "validate", str(good), str(bad))
    assert code == 1
    assert f"{bad}, line 3: field 'name.en'" in err
    assert "1 of 2 file(s) invalid" in err


def test_validate_speaks_dutch(capsys, tmp_path):
    bad = tmp_path / "kapot.toml"
    bad.write_text(BROKEN, encoding="utf-8")
    code, _, err = run(capsys, "--lang", "nl", "methods", "validate", str(bad))
    assert code == 1
    assert f"{bad}, regel 3: veld 'name.en': deze tekst ontbreekt in één taal" in err


def test_validate_a_missing_file(capsys, tmp_path):
    code, _, err = run(capsys, "--lang", "en", "methods", "validate", str(tmp_path / "nope.toml"))
    assert code == 1 and "cannot be read" in err


def test_handout_leaves_out_facilitator_tips_and_writes_privately(capsys, tmp_path):
    target = tmp_path / "handout.md"
    code, _, err = run(capsys, "methods", "handout", "incident", "--lang", "en", "-o", str(target))
    assert code == 0 and str(target) in err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Incident method")
    assert "## Roles" in text and "## Phases" in text and "## Ground rules" in text
    assert "Tip" not in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    code, out, _ = run(capsys, "methods", "handout", "incident", "--lang", "nl")
    assert "## Spelregels" in out and "Vertrouwelijk" in out


def test_schema_is_json_schema_of_the_format(capsys):
    code, out, _ = run(capsys, "methods", "schema")
    schema = json.loads(out)
    assert code == 0
    assert {"id", "schema", "name", "phases"} <= set(schema["properties"])
    assert "Phase" in schema["$defs"]


def test_new_writes_a_valid_starter_and_never_overwrites(capsys, private_dirs):
    config, _ = private_dirs
    code, out, _ = run(capsys, "--lang", "en", "methods", "new", "mijn-methode")
    target = config / "methods" / "mijn-methode.toml"
    assert code == 0 and str(target) in out
    method, problems = load_method_file(target)
    assert problems == [] and method.id == "mijn-methode"
    target.write_text("# my edits\n" + target.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run(capsys, "--lang", "en", "methods", "new", "mijn-methode")
    assert code == 1 and "already exists" in err
    assert target.read_text(encoding="utf-8").startswith("# my edits")
    code, _, err = run(capsys, "--lang", "en", "methods", "new", "Mijn Methode")
    assert code == 2 and "not a valid id" in err


def test_the_language_chosen_in_the_app_is_the_default(capsys, private_dirs):
    config, _ = private_dirs
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text('{"language": "en"}', encoding="utf-8")
    _, out, _ = run(capsys, "methods", "list")
    assert "Incident method" in out
    _, out, _ = run(capsys, "--lang", "nl", "methods", "list")
    assert "Incidentmethode" in out


def test_lang_may_follow_any_subcommand(capsys):
    _, out, _ = run(capsys, "methods", "list", "--lang", "en")
    assert "Incident method" in out
    _, out, _ = run(capsys, "methods", "schema", "--lang", "nl")
    assert '"phases"' in out
    _, out, _ = run(capsys, "methods", "--lang", "en", "show", "roddel")
    assert "Gossip" in out or "gossip" in out


def test_validate_finds_a_file_in_the_users_methods_folder_by_name_or_id(capsys, private_dirs, tmp_path, monkeypatch):
    config, _ = private_dirs
    main(["methods", "new", "mijn-methode"])
    capsys.readouterr()
    monkeypatch.chdir(tmp_path)  # anywhere but the methods folder
    for given in ("mijn-methode.toml", "mijn-methode"):
        code, out, _ = run(capsys, "--lang", "nl", "methods", "validate", given)
        assert code == 0, given
        assert out.startswith("OK") and str(config / "methods" / "mijn-methode.toml") in out
    code, _, err = run(capsys, "--lang", "nl", "methods", "validate", "weg")
    assert code == 1 and "ook niet als bestandsnaam of id in je methodemap" in err


def test_validate_prefers_the_file_here_and_never_guesses_for_a_path(capsys, private_dirs, tmp_path, monkeypatch):
    main(["methods", "new", "mijn-methode"])
    capsys.readouterr()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mijn-methode.toml").write_text(BROKEN, encoding="utf-8")
    code, _, err = run(capsys, "--lang", "en", "methods", "validate", "mijn-methode.toml")
    assert code == 1 and "name.en" in err  # the file in this folder, not the one in the methods folder
    code, _, err = run(capsys, "--lang", "en", "methods", "validate", "sub/mijn-methode.toml")
    assert code == 1 and "cannot be read" in err and "methods folder" not in err


def test_list_is_sorted_by_name_in_the_language(capsys):
    from intervisie_tui.core.library import load_library

    names = {lang: [] for lang in ("nl", "en")}
    library = load_library(None, entry_points=())
    for lang in names:
        _, out, _ = run(capsys, "--lang", lang, "methods", "list")
        for line in out.splitlines()[1:]:
            method_id = line.split(" ")[0]
            if method_id in library.methods:
                names[lang].append(library.get(method_id).name(lang).casefold())
        assert len(names[lang]) == len(library.methods)
        assert names[lang] == sorted(names[lang]), lang
    assert names["nl"] != list(names["en"])  # each language its own order
