"""The plain readers (cli/plain_argv.py) read a command line as the parser does, or leave it to the parser."""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from observe import imports_of_command

from intervisie_tui.cli import build_parser
from intervisie_tui.cli.plain_argv import plain_notes_list, plain_screen_args

OPTIONS = ["--lang", "--data-dir", "--method", "--participants", "--group", "--inbrenger", "--facilitator"]
OPTIONS += ["--minutes", "--case", "--json", "--version", "-h", "--help", "--meth", "--", "-"]
VALUES = ["nl", "en", "de", "", "incident", "Anna,Bram", "60", " 7", "5_0", "-5", "many", "run", "notes", "list"]
VALUES += ["-x", "a=b", "Zoë", "methods", "display"]


def parsed(argv: list[str]) -> dict | None:
    """What the whole parser makes of `argv`, or None where it refuses it (or prints help and ends)."""
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            args = build_parser().parse_args(argv)
        except SystemExit:
            return None
    found = vars(args)
    found.pop("handler", None)
    return found


def read(reader, argv: list[str]) -> dict | None:
    args = reader(argv)
    if args is None:
        return None
    found = vars(args)
    found.pop("handler", None)
    return found


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--lang", "en"],
        ["--lang=en", "--data-dir=/tmp/x"],
        ["--data-dir", "/tmp/x", "--lang", "nl", "--lang", "en"],
        ["run"],
        ["run", "--method", "incident", "--participants", "Anna,Bram", "--lang", "en"],
        ["--lang", "nl", "run", "--group", "methods", "--case", "notes", "--minutes", "60"],
        ["run", "--minutes= 75", "--case=", "--inbrenger", "Zoë", "--facilitator=a=b"],
    ],
)
def test_a_screen_s_command_line_reads_as_the_parser_reads_it(argv):
    assert read(plain_screen_args, argv) == parsed(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["run", "-h"],
        ["--version"],
        ["run", "--meth", "incident"],  # an abbreviation: the parser's to expand
        ["run", "--minutes", "many"],  # refused by the parser, with its message
        ["run", "--minutes", "-5"],
        ["--lang", "de"],
        ["run", "--case", "-x"],
        ["run", "--data-dir", "/tmp/x"],  # a top-level option after the command
        ["run", "extra"],
        ["run", "--method"],
        ["notes", "list"],
        ["methods"],
        ["--lang", "en", "--"],
    ],
)
def test_any_other_command_line_is_left_to_the_parser(argv):
    assert plain_screen_args(argv) is None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(OPTIONS + VALUES + [f"{o}={v}" for o in OPTIONS[:9] for v in VALUES[:6]]), max_size=7))
def test_generated_command_lines_read_as_the_parser_reads_them_or_are_left_to_it(argv):
    expected = parsed(argv)
    for reader, prefix in ((plain_screen_args, None), (plain_notes_list, ["notes", "list"])):
        for words in (argv, [*argv[:2], *(prefix or []), *argv[2:]]):
            got = read(reader, words)
            if got is not None:
                assert got == (expected if words is argv else parsed(words)), words


def test_a_screen_s_start_imports_no_argparse():
    # An unknown method ends the start before Textual, after the command line was read.
    _out, loaded = imports_of_command(
        ["--lang", "en", "run", "--method", "nope", "--participants", "A,B"], ("argparse",)
    )
    assert loaded == []
    assert imports_of_command(["methods", "list"], ("argparse",))[1] == ["argparse"]  # the other commands parse
