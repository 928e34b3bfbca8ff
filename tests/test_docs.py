"""The documentation is the real thing: every command's real `--help` is in docs/cli.md as printed, every option it
lists is in the README, and the README's example output is what the commands print today.

When one of these fails after a change of help text or a retrained model, run `python scripts/update_docs.py`.
"""

import re
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from scorer.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
sys.path.insert(0, str(ROOT / "scripts"))
import update_docs  # noqa: E402

REGENERATE = "stale: run `python scripts/update_docs.py` and commit the result"


def _commands(command=None, prefix=""):
    """(full name, command) of every command and sub-command, e.g. ("cache import", ...)."""
    command = command or typer.main.get_command(app)
    yield prefix, command
    for name, sub in sorted((getattr(command, "commands", None) or {}).items()):
        yield from _commands(sub, f"{prefix} {name}".strip())


def _help(name: str) -> str:
    result = CliRunner().invoke(app, [*name.split(), "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    return result.stdout


def _listed_options(help_text: str) -> set[str]:
    """Long options in the Options section of a help screen, as a user reads them."""
    section = help_text.split("\nOptions:\n", 1)[1].split("\n\n", 1)[0] if "\nOptions:\n" in help_text else ""
    return set(re.findall(r"^\s{2}(?:-\w, )?(--[a-z][a-z-]*)", section, flags=re.M))


def test_cli_reference_is_the_real_help():
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == update_docs.cli_reference(), REGENERATE


@pytest.mark.parametrize("name", [name for name, _ in _commands() if name])
def test_every_command_and_every_option_its_help_lists_is_in_the_readme(name):
    text = README.read_text(encoding="utf-8")
    assert f"scorer {name}" in text, f"README.md does not mention `scorer {name}`"
    options = _listed_options(_help(name))
    missing = sorted(opt for opt in options if opt != "--help" and opt not in text)
    assert not missing, f"README.md does not mention {missing} of `scorer {name}`"


def test_top_level_options_are_in_the_readme():
    text = README.read_text(encoding="utf-8")
    missing = sorted(opt for opt in _listed_options(_help("")) if opt != "--help" and opt not in text)
    assert not missing, missing


def test_help_and_the_command_tree_agree():
    """The help screens the docs are checked against list every option Click knows (hidden ones aside)."""
    for name, command in _commands():
        declared = {opt for param in command.params if getattr(param, "param_type_name", "") == "option"
                    and not getattr(param, "hidden", False) for opt in param.opts if opt.startswith("--")}
        assert declared == _listed_options(_help(name)) - {"--help"}, name


def test_every_option_has_help_text():
    undocumented = [f"scorer {name} {param.name}" for name, command in _commands() for param in command.params
                    if getattr(param, "param_type_name", "") == "option" and not getattr(param, "hidden", False)
                    and not getattr(param, "help", None)]
    assert not undocumented, undocumented


@pytest.fixture(scope="module")
def generated():
    return update_docs.generated_blocks(with_evaluate=False)


def test_readme_examples_are_real_output(generated):
    present = update_docs.readme_blocks()
    assert set(generated) <= set(present), "README.md lost a generated block marker"
    for name, body in generated.items():
        assert present[name] == body, f"README.md block {name} is {REGENERATE}"


def test_readme_evaluation_figures_are_the_model_cards():
    block = update_docs.readme_blocks()["evaluate"]
    assert update_docs.evaluate_numbers(block) == update_docs.card_metrics(), REGENERATE
    assert len(update_docs.card_metrics()) == 5  # cw F1, macro-F1, AUC, calibration error, ClaimBuster F1


def test_regeneration_rewrites_only_the_marked_blocks():
    text = "intro\n<!-- generated: x -->\nold\n<!-- /generated -->\noutro\n"
    assert update_docs.rewrite(text, {"x": "new\n"}) == "intro\n<!-- generated: x -->\nnew\n<!-- /generated -->\noutro\n"
    assert update_docs.rewrite(text, {}) == text


def test_help_does_not_depend_on_where_the_project_lives():
    reference = update_docs.cli_reference()
    assert str(ROOT) not in reference and str(Path.home()) not in reference
