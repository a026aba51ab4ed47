"""The system's reasons for a failed file operation reach the user in their language."""

from __future__ import annotations

import pytest

from intervisie_tui.cli.output import write_output
from intervisie_tui.core.message import Message
from intervisie_tui.core.os_errors import _BY_ERRNO, os_error_reason
from intervisie_tui.i18n import t
from intervisie_tui.settings import load_settings
from intervisie_tui.store.errors import os_reason


@pytest.mark.parametrize("number", sorted(_BY_ERRNO))
def test_every_known_errno_has_its_own_words_in_both_languages(number):
    reason = os_error_reason(OSError(number, "English text from the C library"))
    nl, en = reason.render("nl"), reason.render("en")
    assert nl and en and nl != en
    assert "English text" not in nl


def test_an_unknown_errno_keeps_its_number_and_the_systems_words():
    reason = os_error_reason(OSError(9999, "Strange failure"))
    assert reason.render("nl") == "Systeemfout 9999: Strange failure"
    assert os_error_reason(OSError("no errno at all")).render("en") == "System error: no errno at all"


def test_a_message_value_is_rendered_in_the_same_language():
    assert t("store.reason.other", "nl", detail=Message("oserror.not_found")) == "Bestand of map bestaat niet"


def test_a_real_missing_file_reads_in_dutch(tmp_path):
    with pytest.raises(OSError) as caught:
        (tmp_path / "weg.txt").read_text()
    assert os_error_reason(caught.value).render("nl") == "Bestand of map bestaat niet"
    assert os_reason(caught.value).render("nl") == "Bestand of map bestaat niet"


def test_unreadable_settings_say_why_in_dutch(tmp_path):
    folder = tmp_path / "settings.json"
    folder.mkdir()  # a folder where the file should be
    _settings, problem = load_settings(folder)
    text = problem.render("nl")
    assert "geen gewoon bestand maar een map" in text and "Is a directory" not in text


def test_cli_output_that_cannot_be_written_says_why_in_dutch(tmp_path, capsys):
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    assert write_output("tekst", blocker / "uit.md", "nl") == 1
    error = capsys.readouterr().err
    assert "Een deel van het pad is geen map" in error and "Not a directory" not in error


def test_an_unreadable_sessions_folder_says_why_in_dutch(tmp_path, monkeypatch):
    import os

    from intervisie_tui.store import index
    from intervisie_tui.store.sessions import Store

    store = Store(tmp_path)
    (store.sessions_dir / "2026").mkdir(parents=True)
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("2026"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(index.os, "scandir", scandir)
    store.list_sessions()
    reasons = " ".join(problem.render("nl") for problem in store.problems)
    assert "Geen toestemming" in reasons and "Permission denied" not in reasons
