"""The README's commands are the ones CI runs, and the docs it links exist."""

from __future__ import annotations

import re

from conftest import ROOT


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```bash\n(.*?)```", text, re.S)
    assert block, "README must open with a bash block"
    return [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]


def test_readme_opens_with_demo_and_test_commands() -> None:
    first, second = _readme_commands()[:2]
    assert first.endswith("reportdiff demo")
    assert "pytest" in second


def test_ci_runs_the_readme_test_command() -> None:
    test_cmd = _readme_commands()[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci_cmds = [ln.strip() for ln in ci.splitlines() if ln.strip() and not ln.startswith("#")]
    # pip flags that only quieten CI output are allowed on top of the README's command
    normalised = [c.replace("pip install -q ", "pip install ") for c in ci_cmds]
    assert test_cmd in normalised


def test_readme_links_point_to_existing_docs() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for link in re.findall(r"\]\((docs/[^)]+)\)", text):
        assert (ROOT / link).is_file(), f"README links to missing {link}"
