"""The README's command reference and the commands' own help stay in step with the CLI.

Every command (subcommands included) has a line in the README's "Command reference" with a real
example (`tracker NAME ...`, no placeholders) that the command's parser accepts, and its
``--help`` shows at least one example.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Iterator

import click
import pytest
from click.testing import CliRunner

from tracker.cli.app import cli

README = Path(__file__).resolve().parents[1] / "README.md"
PLACEHOLDER = re.compile(r"\b[A-Z]{2,}\b|\[")  # SERVICE, OUT.zip, [--json]: a synopsis, not an example


def commands(group: click.Group = cli, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """(name path, command) for every runnable command below ``group``, depth first."""
    for name, command in sorted(group.commands.items()):
        if command.hidden:
            continue
        if isinstance(command, click.Group):
            yield from commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


COMMANDS = list(commands())
IDS = [" ".join(path) for path, _ in COMMANDS]


def reference() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## Command reference")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else None]


def examples() -> list[list[str]]:
    """The reference's code spans that start with `tracker`, as argument lists, ``< file`` and ``| reader``
    dropped."""
    spans = re.findall(r"`(tracker [^`]+)`", reference())
    return [shlex.split(re.split(r" [<|] ", span)[0])[1:] for span in spans if not PLACEHOLDER.search(span)]


def test_the_walk_finds_the_commands() -> None:
    assert {"run", "history", "diff", "verify", "publish", "import-history", "export"} <= set(IDS)


@pytest.mark.parametrize("path,command", COMMANDS, ids=IDS)
def test_every_command_has_a_working_example_in_the_readme(path: tuple[str, ...], command: click.Command) -> None:
    mine = [args for args in examples() if tuple(args[:len(path)]) == path]
    assert mine, f"README.md's Command reference has no example `tracker {' '.join(path)} ...`"
    for args in mine:
        try:  # the example parses: its options and arguments exist and have the right types
            command.make_context(" ".join(path), list(args[len(path):]))
        except click.BadParameter as exc:
            if isinstance(exc.param and exc.param.type, click.Path) and "does not exist" in exc.format_message():
                continue  # a path of the reader's (ota-demo/, declarations/): fine that it is not here
            raise AssertionError(f"README example `tracker {shlex.join(args)}`: {exc.format_message()}") from None
        except click.ClickException as exc:
            raise AssertionError(f"README example `tracker {shlex.join(args)}`: {exc.format_message()}") from None


def test_every_readme_example_names_a_command() -> None:
    known = {path[:1] for path, _ in COMMANDS} | {path for path, _ in COMMANDS}
    for args in examples():
        assert tuple(args[:1]) in known, f"README example for an unknown command: tracker {shlex.join(args)}"


@pytest.mark.parametrize("path", [path for path, _ in COMMANDS], ids=IDS)
def test_every_command_help_shows_an_example(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"`tracker {' '.join(path)} --help` shows no example"


def test_the_reference_marks_optional_arguments_as_the_parser_does() -> None:
    """`tracker show SERVICE DOCUMENT` in the table while `show` takes SERVICE alone: a reader
    believes the document is required. The positional words of each row's synopsis (up to its
    first option) are bracketed exactly where the command's argument is optional."""
    rows = re.findall(r"^\| `tracker ([^`]+)` \|", reference(), flags=re.M)
    by_name = dict(zip(IDS, (command for _, command in COMMANDS)))
    checked = 0
    for row in rows:
        name, *words = row.split()
        if name not in by_name:
            continue
        positional = []
        for word in words:
            if word.lstrip("[").startswith("-"):
                break
            positional.append(word.startswith("["))
        if not positional:  # a synopsis that starts with options (export --format ...)
            continue
        arguments = [p for p in by_name[name].params if isinstance(p, click.Argument)]
        assert positional == [not a.required for a in arguments], \
            f"README `tracker {row}`: arguments {[a.human_readable_name for a in arguments]}"
        checked += 1
    assert checked >= 8
