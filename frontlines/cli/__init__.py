"""The ``frontlines`` command line: a thin layer over the library.

Each command group lives in its own module under ``frontlines/cli/`` and is registered here.
Exit status: 0 success, 1 bad input or a failed run, 2 wrong usage (click's own).
"""

from __future__ import annotations

import importlib

import click

from frontlines.version import __version__

# module name -> command names it defines (imported lazily so `frontlines --help` stays fast)
_COMMAND_MODULES = {
    "frontlines.cli.extract_cmd": ["extract"],
    "frontlines.cli.store_cmds": ["ingest", "reprocess", "events", "claims", "documents"],
    "frontlines.cli.serve_cmd": ["serve"],
    "frontlines.cli.load_cmd": ["load"],
    "frontlines.cli.control_cmds": ["control", "stats"],
    "frontlines.cli.eval_cmd": ["eval"],
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        names = [n for names in _COMMAND_MODULES.values() for n in names]
        return sorted(set(names) | set(super().list_commands(ctx)))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        for module, names in _COMMAND_MODULES.items():
            if cmd_name in names:
                return getattr(importlib.import_module(module), cmd_name.replace("-", "_") + "_command")
        return super().get_command(ctx, cmd_name)


@click.group(cls=_LazyGroup)
@click.version_option(__version__, prog_name="frontlines")
def main() -> None:
    """Frontlines: events, claims, actors, places and territorial control from news reports."""
