"""`intervisie run …`: bad input names the option and exits 2 without a traceback; good input builds the plan."""

from __future__ import annotations

import argparse

import pytest

from intervisie_tui.cli import main
from intervisie_tui.cli.launch import build_plan


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["run", "--method", "nope", "--participants", "Anna,Bram"], "--method"),
        (["run", "--method", "incident", "--participants", "Anna"], "--participants"),
        (["run", "--method", "incident", "--participants", "Anna,anna,Bram"], "--participants"),
        (["run", "--method", "incident", "--participants", "Anna,Bram", "--minutes", "10"], "--minutes"),
        (["run", "--method", "incident", "--participants", "Anna,Bram", "--inbrenger", "Zoë"], "--inbrenger"),
    ],
)
def test_bad_run_input_exits_2_naming_the_option(argv, option, capsys):
    assert main(["--lang", "en", *argv]) == 2
    captured = capsys.readouterr()
    assert option in captured.err and "Traceback" not in captured.err
    assert captured.out == ""


def test_good_run_input_builds_the_plan(library):
    args = argparse.Namespace(
        method="incident",
        participants=" Anna, Bram ,Cem,",
        inbrenger="Bram",
        facilitator="Eva",
        minutes=60,
        case="Lastig gesprek",
    )
    plan = build_plan(args, library, "nl")
    assert plan.participants == ("Anna", "Bram", "Cem")
    assert plan.inbrenger == "Bram" and plan.facilitator == "Eva" and plan.case_title == "Lastig gesprek"
    assert plan.budget_minutes == 60 and sum(plan.phase_minutes) == 60 and plan.language == "nl"


def test_lang_may_follow_the_run_command(capsys):
    assert main(["run", "--method", "nope", "--participants", "Anna,Bram", "--lang", "en"]) == 2
    assert "unknown method 'nope'" in capsys.readouterr().err
    assert main(["run", "--method", "nope", "--participants", "Anna,Bram", "--lang", "nl"]) == 2
    assert "onbekende methode 'nope'" in capsys.readouterr().err
