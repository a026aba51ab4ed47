"""The core and the screenless commands never import Textual (they must start fast)."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
{imports}
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual.") or m == "rich" or m.startswith("rich."))
print(",".join(loaded))
"""


def loaded_ui_modules(imports: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", CHECK.format(imports=imports)], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_core_imports_no_textual():
    imports = "\n".join(
        f"import intervisie_tui.core.{name}"
        for name in ("method", "method_errors", "library", "plan", "events", "state", "engine", "clock", "stats")
    )
    assert loaded_ui_modules(imports) == ""


def test_methods_commands_import_no_textual():
    imports = (
        "from intervisie_tui.cli import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['methods', 'list']); main(['methods', 'show', 'incident']); main(['methods', 'schema'])\n"
        "    main(['methods', 'handout', 'roddel', '--lang', 'en'])"
    )
    assert loaded_ui_modules(imports) == ""
