"""Starting a screen parses with the short parser, exactly as the whole one would."""

from __future__ import annotations

import subprocess
import sys

import pytest

from intervisie_tui.cli import build_parser, opens_a_screen

SCREENS = [
    [],
    ["--lang", "en"],
    ["--data-dir", "/tmp/x", "--lang", "nl"],
    ["run", "--method", "incident", "--participants", "Anna,Bram", "--lang", "en"],
    ["--lang", "nl", "run", "--group", "methods", "--case", "notes", "--minutes", "60"],
]
COMMANDS = [
    ["methods", "list"],
    ["--lang", "en", "notes"],
    ["display"],
    ["--help"],
    ["run", "--help"],
    ["--version"],
    ["groups", "list"],
    ["nonsense"],
]


@pytest.mark.parametrize("argv", SCREENS)
def test_screens_parse_the_same_with_the_short_parser(argv):
    assert opens_a_screen(argv)
    assert vars(build_parser(commands_too=False).parse_args(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", COMMANDS)
def test_other_commands_and_help_take_the_whole_parser(argv):
    assert not opens_a_screen(argv)


def test_the_short_parser_refuses_as_the_whole_one_does():
    for argv in (["run", "--minutes", "many"], ["--lang", "de"], ["--bogus"]):
        outputs = []
        for commands_too in (False, True):
            code = (
                f"from intervisie_tui.cli import build_parser\n"
                f"build_parser(commands_too={commands_too}).parse_args({argv!r})"
            )
            result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
            outputs.append((result.returncode, result.stderr))
        assert outputs[0] == outputs[1] and outputs[0][0] == 2, argv


def test_a_screen_imports_no_other_command():
    code = (
        "import sys\nfrom intervisie_tui.cli import build_parser\n"
        "build_parser(commands_too=False).parse_args(['run', '--method', 'x'])\n"
        "from intervisie_tui.cli import COMMANDS\n"
        "print(sorted(m for m in sys.modules if m.removeprefix('intervisie_tui.cli.') in COMMANDS))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
