"""`intervisie groups …` and `intervisie run --group`: messages, exit codes, no tracebacks."""

from __future__ import annotations

import argparse

import pytest

from intervisie_tui.cli import main
from intervisie_tui.cli.launch import LaunchError, build_plan
from intervisie_tui.core.groups import MeetingRecord
from intervisie_tui.store.groups import GroupStore


def run(capsys, *argv):
    code = main([*argv, "--lang", "en"])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_new_show_and_member_history(capsys):
    code, out, _ = run(
        capsys,
        "groups",
        "new",
        "Intervisie VP Noord",
        "--members",
        "Anna,Bram,Cem,Dewi,Eva",
        "--every-weeks",
        "6",
        "--meetings",
        "6",
        "--register",
        "lvv",
    )
    assert code == 0 and "created" in out
    assert run(capsys, "groups", "new", "intervisie vp noord")[0] == 1
    assert run(capsys, "groups", "add-member", "noord", "Anna")[0] == 2
    assert run(capsys, "groups", "remove-member", "noord", "Eva")[0] == 0
    assert run(capsys, "groups", "rename-member", "noord", "Cem", "Cemal")[0] == 0
    code, out, _ = run(capsys, "groups", "show", "noord")
    assert "Cemal (formerly: Cem)" in out and "Eva (left" in out and "every 6 weeks" in out
    assert out.count("planned") >= 6


def test_bad_input_is_named_without_a_traceback(capsys, tmp_path):
    run(capsys, "groups", "new", "G")
    code, _, err = run(capsys, "groups", "edit", "G", "--register", "nope")
    assert code == 2 and "Unknown register 'nope'" in err
    code, _, err = run(capsys, "groups", "edit", "G", "--every-weeks", "0")
    assert code == 2 and "--every-weeks: expected a whole number from 1 to 52" in err
    code, _, err = run(capsys, "groups", "show", "Nobody")
    assert code == 1 and "No group 'Nobody'" in err
    code, _, err = run(capsys, "groups", "next", "G")
    assert code == 2 and "no cadence" in err
    code, _, err = run(capsys, "groups", "report", "G", "--format", "pdf")
    assert code == 2 and "-o" in err
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "groups", "import", str(bad))
    assert code == 1 and "bad.json" in err and "not valid JSON" in err


def test_run_with_a_group_takes_the_suggestions_and_the_options_override(capsys, library):
    run(capsys, "groups", "new", "G", "--members", "Anna,Bram,Cem")
    store = GroupStore()
    group = store.find("G")
    anna, bram, _cem = (member.id for member in group.members)
    group.meetings.append(MeetingRecord(date="2026-11-01", inbrenger=anna, facilitator=bram, method_id="incident"))
    store.save(group)
    args = argparse.Namespace(
        group="G",
        method=None,
        participants=None,
        inbrenger=None,
        facilitator=None,
        minutes=None,
        case="",
        data_dir=None,
    )
    plan = build_plan(args, library, "en")
    assert plan.participants == ("Anna", "Bram", "Cem") and plan.inbrenger == "Bram"
    assert plan.facilitator == "Cem" and plan.method.id != "incident" and plan.group.group_id == group.id
    args = argparse.Namespace(
        group="G",
        method="incident",
        participants="Anna,Cem",
        inbrenger="Anna",
        facilitator=None,
        minutes=None,
        case="",
        data_dir=None,
    )
    plan = build_plan(args, library, "en")
    assert (plan.participants, plan.inbrenger, plan.facilitator, plan.method.id) == (
        ("Anna", "Cem"),
        "Anna",
        "Cem",
        "incident",
    )
    with pytest.raises(LaunchError, match="--group"):
        build_plan(
            argparse.Namespace(
                group="Nope",
                method=None,
                participants=None,
                inbrenger=None,
                facilitator=None,
                minutes=None,
                case="",
                data_dir=None,
            ),
            library,
            "en",
        )
    with pytest.raises(LaunchError, match="--method"):
        build_plan(
            argparse.Namespace(
                group=None,
                method=None,
                participants="A,B",
                inbrenger=None,
                facilitator=None,
                minutes=None,
                case="",
                data_dir=None,
            ),
            library,
            "en",
        )


def test_the_series_closes_with_an_evaluation_and_a_report(capsys, library, tmp_path):
    run(capsys, "groups", "new", "G", "--members", "Anna,Bram", "--agreements", "Op tijd")
    store = GroupStore()
    group = store.find("G")
    anna, bram = (member.id for member in group.members)
    group.meetings.append(
        MeetingRecord(
            date="2026-11-01",
            inbrenger=anna,
            facilitator=bram,
            method_id="incident",
            attendance={anna: "present", bram: "present"},
            net_seconds=7200,
        )
    )
    store.save(group)
    code, out, _ = run(capsys, "groups", "series", "G")
    assert code == 0 and "What helped us learn?" in out and "| Anna | 1 | 0 | 1/1 |" in out
    assert "Incident method: 1×" in out or "incident" in out.lower()
    assert run(capsys, "groups", "evaluate", "G", "--helped", "Vaste avond [b]x[/]")[0] == 0
    target = tmp_path / "series.md"
    assert run(capsys, "groups", "series", "G", "-o", str(target))[0] == 0
    text = target.read_text(encoding="utf-8")
    assert "Vaste avond [b]x[/]" in text and "What helped us learn?" not in text and "Op tijd" in text
    # The evaluation stays out of the register reports and out of an export without notes.
    code, out, _ = run(capsys, "groups", "report", "G")
    assert "Vaste avond" not in out
    code, out, _ = run(capsys, "groups", "export", "G")
    assert "Vaste avond" not in out
