"""The screenless commands never load Textual when they run (they must start fast).

The layers themselves (core, store, these commands' modules) are import-linter contracts in pyproject.toml, checked
by tests/test_static_checks.py; these tests run the commands and look at what was loaded.
"""

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


def test_methods_commands_import_no_textual():
    imports = (
        "from intervisie_tui.cli import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['methods', 'list']); main(['methods', 'show', 'incident']); main(['methods', 'schema'])\n"
        "    main(['methods', 'handout', 'roddel', '--lang', 'en'])"
    )
    assert loaded_ui_modules(imports) == ""


def test_groups_commands_import_no_textual(tmp_path):
    imports = (
        "import os\n"
        f"os.environ['INTERVISIE_DATA_DIR'] = {str(tmp_path / 'data')!r}\n"
        f"os.environ['INTERVISIE_CONFIG_DIR'] = {str(tmp_path / 'config')!r}\n"
        "from intervisie_tui.cli import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    main(['groups', 'new', 'G', '--members', 'Anna,Bram', '--every-weeks', '4', '--register', 'lvv'])\n"
        "    main(['groups', 'list']); main(['groups', 'show', 'G']); main(['groups', 'add-member', 'G', 'Cem'])\n"
        "    main(['groups', 'remove-member', 'G', 'Cem']); main(['groups', 'edit', 'G', '--meetings', '6'])\n"
        f"    main(['groups', 'export', 'G', '-o', {str(tmp_path / 'g.json')!r}])\n"
        f"    main(['groups', 'import', {str(tmp_path / 'g.json')!r}])\n"
        f"    main(['groups', 'next', 'G', '-o', {str(tmp_path / 'g.ics')!r}])\n"
        "    main(['groups', 'report', 'G', '--format', 'csv'])\n"
        f"    main(['groups', 'report', 'G', '--format', 'pdf', '-o', {str(tmp_path / 'g.pdf')!r}])"
    )
    assert loaded_ui_modules(imports) == ""
    assert (tmp_path / "g.pdf").read_bytes().startswith(b"%PDF") and (tmp_path / "g.ics").is_file()
