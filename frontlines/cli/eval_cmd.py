"""`frontlines eval`: development figures on the shared evaluation sets and the gold set."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from typing import Any, TypeVar

import click

from frontlines.cli.common import fail
from frontlines.errors import FrontlinesError

_PATH = click.Path(exists=True, dir_okay=False)
_F = TypeVar("_F", bound=Callable[..., Any])


def _eval_options(unit: str, json_help: str = "Print every figure as JSON.") -> Callable[[_F], _F]:
    """What every evaluation takes: the file PATH, ``--limit`` (only the first N ``unit``) and ``--json``."""

    def decorate(command: _F) -> _F:
        command = click.option("--json", "as_json", is_flag=True, help=json_help)(command)
        command = click.option("--limit", type=int, default=None, help=f"Only the first N {unit}.")(command)
        return click.argument("path", type=_PATH)(command)

    return decorate


def _figures(evaluate: Callable[[], dict]) -> dict:
    """Run one evaluation; a Frontlines error (unreadable file, bad rows) exits 1 with its one line."""
    try:
        return evaluate()
    except FrontlinesError as exc:
        fail(str(exc))


def _print(result: dict, as_json: bool, lines: list[str]) -> None:
    if as_json:
        click.echo(json.dumps(result, indent=2, default=str))
    else:
        click.echo("\n".join(lines))


@click.group("eval")
def eval_command() -> None:
    """Evaluate the extractor: CASE 2021 sub-events, ISAF releases, UCDP places, the gold set."""


@eval_command.command("case")
@_eval_options("snippets")
def case_cmd(path: str, limit: int | None, as_json: bool) -> None:
    """Weighted F1 of the main event's sub-event type and the no-event share (CASE 2021 JSONL)."""
    from frontlines.evaluate.case import evaluate_case

    r = _figures(lambda: evaluate_case(path, limit))
    _print(
        r,
        as_json,
        [
            f"CASE weighted F1 {r['weighted_f1']:.3f} (accuracy {r['accuracy']:.3f}, n={r['scored']})",
            f"no-event share {r['no_event_share']:.3f} (n={r['no_event_total']})",
        ],
    )


@eval_command.command("isaf")
@_eval_options("releases")
def isaf_cmd(path: str, limit: int | None, as_json: bool) -> None:
    """Provinces, start date, killed and detained exact-match shares (ISAF press releases JSONL)."""
    from frontlines.evaluate.isaf import evaluate_isaf

    r = _figures(lambda: evaluate_isaf(path, limit))
    _print(
        r,
        as_json,
        [
            f"ISAF n={r['n']}: provinces {r['provinces']:.3f}  start date {r['date']:.3f}  "
            f"killed {r['killed']:.3f}  detained {r['detained']:.3f}",
            f"start-date misses: {r['date_audit']['misses']}",
            "months where the gold is a day earlier than the text in most releases: "
            f"{r['date_audit']['months_gold_one_day_earlier']}",
        ],
    )


@eval_command.command("ucdp")
@_eval_options("rows", json_help="Print every figure and the failures as JSON.")
def ucdp_cmd(path: str, limit: int | None, as_json: bool) -> None:
    """Geocoding figures on a UCDP GED sample (CSV): within 25 km (where_prec 1-2) and right admin1."""
    try:
        module = importlib.import_module("frontlines.evaluate.ucdp")
    except ImportError:
        fail("the UCDP evaluation is not available in this installation")
    r = _figures(lambda: module.evaluate_ucdp(path, limit=limit) if limit else module.evaluate_ucdp(path))
    _print(
        r,
        as_json,
        [
            f"UCDP n={r['n']}: resolved {r['resolved']}  within 25 km {r['within_25km']:.3f} "
            f"(n={r['prec12_n']}, where_prec 1-2)  admin1 {r['admin1_accuracy']:.3f} (n={r['admin1_n']})"
        ],
    )


@eval_command.command("gold")
@_eval_options("reports")
def gold_cmd(path: str, limit: int | None, as_json: bool) -> None:
    """Main-event accuracy, event-set F1, fatalities and claims recall on a gold JSONL file."""
    from frontlines.evaluate.gold import evaluate_gold

    r = _figures(lambda: evaluate_gold(path, limit))
    es = r["event_set"]
    _print(
        r,
        as_json,
        [
            f"gold n={r['n']}: main event {r['main_event_accuracy']:.3f}  event set F1 {es['f1']:.3f}  "
            f"fatalities {r['fatalities_exact']:.3f}  claims recall {r['claims_recall']:.3f}"
        ],
    )
