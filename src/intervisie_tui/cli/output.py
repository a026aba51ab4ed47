"""Write command output to the screen or, privately and atomically, to a file; name the files that could not be read."""

from __future__ import annotations

import sys
from pathlib import Path

from ..i18n import t
from ..i18n.os_errors import os_error_reason
from ..store.atomic import atomic_write_text


def write_output(text: str, target: Path | None, lang: str) -> int:
    if target is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return 0
    try:
        atomic_write_text(target.expanduser(), text)
    except OSError as error:
        print(t("cli.output.failed", lang, path=target, reason=os_error_reason(error)), file=sys.stderr)
        return 1
    print(t("cli.output.written", lang, path=target), file=sys.stderr)
    return 0


def report_problems(heading: str, problems: list[str], lang: str, *, hint: bool = False) -> None:
    """On stderr: the files that could not be read (one line each) under `heading`, a catalogue key taking
    {count}; nothing when there are none. `hint` adds how to look at damaged data files."""
    if not problems:
        return
    print(t(heading, lang, count=len(problems)), file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    if hint:
        print(t("store.problems.hint", lang), file=sys.stderr)
