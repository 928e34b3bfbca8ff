"""Help screens that read like other linters': plain text, metavars in capitals, never a Python type.

Newer Typer releases print `<bool>`, `<list[str]>` or `<float range>` beside every parameter; a writer
reading `scorer check --help` should see `FILE`, `X` or nothing, as in Vale's or markdownlint's help.
`plain_help(app)` gives every registered command (including ones other modules add later, as long as
they are registered before it runs) a command class that formats its parameters that way.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from typer.core import TyperCommand, TyperGroup

if TYPE_CHECKING:  # Click is vendored by newer Typer releases, a dependency of older ones
    import click


# A Typer type label, such as "<bool>", "<file>" or "<list[str]>"; the metavars we choose are capitals.
_TYPE_LABEL = re.compile(r"<([a-z][^>]*)>")
_RANGE = re.compile(r"(-?[\d.]+)<=x<=(-?[\d.]+)")
_METAVARS = {"file": "FILE", "dir": "DIR", "path": "PATH", "float": "NUMBER", "float range": "NUMBER",
             "int": "N", "int range": "N", "str": "TEXT", "text": "TEXT", "bool": ""}


def _metavar(label: re.Match) -> str:
    """A Python type label as a metavar: `<file>` is FILE, `<a|b>` is [a|b], `<list[str]>` is TEXT..."""
    name = label.group(1)
    while name.startswith("list[") and name.endswith("]"):
        name = name[5:-1]
    if "|" in name:
        return f"[{name}]"
    return _METAVARS.get(name, name.upper())


def _argument_record(param: click.Parameter) -> tuple[str, str]:
    name = param.metavar or (param.name or "").upper()
    if getattr(param, "nargs", 1) != 1 and not name.endswith("..."):
        name += "..."
    return name, getattr(param, "help", None) or ""


def _option_record(param: click.Parameter, ctx: click.Context) -> tuple[str, str] | None:
    record = param.get_help_record(ctx)
    if record is None:
        return None
    names, text = record
    text = _RANGE.sub(lambda m: f"{m.group(1)} to {m.group(2)}", text)  # "[0.0<=x<=1.0]" reads "[0.0 to 1.0]"
    return " ".join(_TYPE_LABEL.sub(_metavar, names).split()), text


def format_parameters(command: click.Command, ctx: click.Context, formatter: click.HelpFormatter) -> None:
    arguments, options = [], []
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        if param.param_type_name == "argument":
            arguments.append(_argument_record(param))
        elif (record := _option_record(param, ctx)) is not None:
            options.append(record)
    if arguments:
        with formatter.section("Arguments"):
            formatter.write_dl(arguments)
    if options:
        with formatter.section("Options"):
            formatter.write_dl(options)


class Command(TyperCommand):
    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        format_parameters(self, ctx, formatter)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name, _ = _argument_record(param)
                pieces.append(name if param.required else f"[{name}]")
        return pieces


class Group(TyperGroup):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """`scorer` or `scorer cache` alone: the help on standard output and exit 2, as before Click made
        it an error (which the entry point would print as `scorer: error: Usage: ...`)."""
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            print(ctx.get_help())
            ctx.exit(2)
        return super().parse_args(ctx, args)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        format_parameters(self, ctx, formatter)
        self.format_commands(ctx, formatter)


def plain_help(app) -> None:
    """Give every command registered on `app` (and on its sub-apps) the plain help format."""
    if not _chosen(app.info.cls):
        app.info.cls = Group
    for info in app.registered_commands:
        if not _chosen(info.cls):
            info.cls = Command
    for group in app.registered_groups:
        if not _chosen(group.cls):
            group.cls = Group
        if group.typer_instance is not None:
            plain_help(group.typer_instance)


def _chosen(cls) -> bool:
    """A command class some module picked on purpose (Typer's unset default is None or a placeholder)."""
    return isinstance(cls, type) and cls not in (TyperCommand, TyperGroup)


CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

# Click rewraps paragraphs; a line holding only \b keeps the next paragraph's lines as written.
MAIN_EPILOG = """\
Examples:

\b
  scorer check draft.md                  score one draft (table)
  scorer check drafts/ -f line           one line per finding: path:line:col: level rule message
  pbpaste | scorer check - --stdin-filename story.md
  scorer check drafts/ --changed-since origin/main -f github
  scorer init                            write a .scorer.toml with the defaults
  scorer cache info                      where the page cache lives and what it holds

\b
Exit codes: 0 passed, 1 a finding at error level, 2 usage, configuration or input error.
Documentation: https://github.com/scorer-project/scorer#readme
"""

CHECK_EPILOG = """\
Examples:

\b
  scorer check draft.md
  scorer check drafts/ "archive/**/*.md" -f line --min-level warning
  scorer check - --stdin-filename story.html < story.html
  scorer check drafts/ --changed-since origin/main -f github
  scorer check drafts/ -f sarif -o scorer.sarif --exit-zero

\b
Exit codes:
  0  passed: no finding at error level (or --exit-zero)
  1  a finding at error level (by default: a check-worthy claim under --fail-under)
  2  usage, configuration or input error (one line on standard error)

Environment: NO_COLOR disables colour, FORCE_COLOR forces it; COLUMNS sets the table width.
"""
