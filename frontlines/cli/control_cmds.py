"""Control commands: ``control`` (who holds what on a day, or the changes of a period), ``control show``,
``control ledger`` (contradicting claims) and ``stats`` (per day and province).

A thin layer over ``frontlines.store.territory`` and ``frontlines.reconcile.aggregates``.  Stable formats:
``json`` (the contract's list), ``jsonl``, ``csv``, ``geojson`` (points); ``table`` is for people.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import IO, Any

import click

from frontlines.cli.common import (
    between_option,
    cli_errors,
    country_option,
    db_option,
    emit,
    emit_json,
    emit_jsonl,
    fail,
    output_option,
    print_table,
    print_tables,
    read_store,
    with_store,
)

CONTROL_FORMATS = ["table", "csv", "json", "jsonl", "geojson"]
STATS_FORMATS = ["table", "csv", "json"]
TABLE_FILE_WIDTH = 160  # columns of a --format table written to --output


def _day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option}: {value!r} is not a YYYY-MM-DD date")


def _geojson(rows: list[dict[str, Any]]) -> dict[str, Any]:
    feats = []
    for r in rows:
        lat, lon = r.get("latitude"), r.get("longitude")
        geom = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        feats.append({"type": "Feature", "geometry": geom, "properties": r})
    return {"type": "FeatureCollection", "features": feats}


def write_control(rows: list[dict[str, Any]], fmt: str, fh: IO[str]) -> None:
    """Write contract control rows as json | jsonl | csv | geojson."""
    from frontlines.reconcile.control import CONTRACT_FIELDS

    if fmt == "json":
        json.dump(rows, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    elif fmt == "jsonl":
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "geojson":
        json.dump(_geojson(rows), fh, ensure_ascii=False)
        fh.write("\n")
    else:
        import csv

        w = csv.DictWriter(
            fh,
            fieldnames=list(CONTRACT_FIELDS) + [k for k in rows[0] if k not in CONTRACT_FIELDS]
            if rows
            else list(CONTRACT_FIELDS),
        )
        w.writeheader()
        for r in rows:
            w.writerow(
                {k: ("" if v is None else str(v).lower() if isinstance(v, bool) else v) for k, v in r.items()}
            )


_CONTROL_TABLE = [
    ("place", "place"),
    ("admin1", "admin1"),
    ("holder", "holder"),
    ("since", "since"),
    ("contested", "contested"),
    ("confidence", "confidence"),
    ("sources", "sources"),
]


@click.group("control", invoke_without_command=True)
@db_option
@country_option
@click.option("--on", "on", default=None, metavar="DATE", help="Who holds what on this day (default today).")
@between_option
@click.option("--format", "fmt", type=click.Choice(CONTROL_FORMATS), default="table", show_default=True)
@output_option
@click.pass_context
def control_command(
    ctx: click.Context,
    db: str | None,
    country: str | None,
    on: str | None,
    between: str | None,
    fmt: str,
    output: str | None,
) -> None:
    """Territorial control: every place's holder on a day (--on), or the changes of a period (--between).

    `control show PLACE --on DATE` explains one place; `control ledger` lists contradicting claims.
    """
    ctx.ensure_object(dict)
    ctx.obj.update(db=db, country=country)
    if ctx.invoked_subcommand is not None:
        return
    if on and between:
        raise click.UsageError("give --on or --between, not both")
    from frontlines.store import territory
    from frontlines.store.queries import parse_between

    with cli_errors():
        tls = with_store(db, lambda store: territory.timelines(store, country))
        from frontlines.reconcile.control import changes_between, states_on

        if between:
            start, end = parse_between(between)
            states = changes_between(tls, start or dt.date.min, end or dt.date.max)
            title = f"{len(states)} change(s) of control, {between}"
        else:
            day = _day(on, "--on") or dt.date.today()
            states = states_on(tls, day)
            title = f"control on {day.isoformat()}: {len(states)} place(s)"
    rows = [s.to_contract() for s in states]
    if fmt == "table":
        print_table(rows, _CONTROL_TABLE, title, output, file_width=TABLE_FILE_WIDTH)
    else:
        emit(lambda fh: write_control(rows, fmt, fh), output)


@control_command.command("show")
@click.argument("place")
@click.option("--on", "on", required=True, metavar="DATE", help="The day.")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def control_show_command(ctx: click.Context, place: str, on: str, db: str | None, fmt: str) -> None:
    """One place on one day: the state, the rule that produced it and the chain of evidence."""
    from frontlines.store import territory

    day = _day(on, "--on")
    assert day is not None
    with cli_errors():
        state, timeline = with_store(
            db or ctx.obj.get("db"),
            lambda store: territory.control_show(store, place, day, ctx.obj.get("country")),
        )
    if not timeline:
        fail(f"{place}: no control reports for this place")
    if fmt == "json":
        out = {
            "state": state.to_contract() if state else None,
            "why": state.why if state else "no report covers this day",
            "evidence": [vars(e) for e in state.evidence] if state else [],
            "timeline": [
                {**s.to_contract(), "until": s.until.isoformat() if s.until else None, "why": s.why}
                for s in timeline
            ],
        }
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    _print_show(place, day, state, timeline)


def _print_show(place: str, day: dt.date, state: Any, timeline: list[Any]) -> None:
    from rich.console import Console
    from rich.markup import escape

    def esc(value: object) -> str:
        # stored text (ids that are file paths, quotes, names) is shown as text, never read as markup
        return escape(str(value))

    con = Console()
    if state is None:
        con.print(f"[bold]{esc(place)}[/bold] on {day}: unknown (no report covers this day)")
    else:
        flag = " [red]CONTESTED[/red]" if state.contested else ""
        con.print(
            f"[bold]{esc(state.place)}[/bold] ({esc(state.admin1)}, {esc(state.country)}) on {day}: held by "
            f"[bold]{esc(state.holder)}[/bold] since {state.since or 'before the first report'}{flag}; "
            f"confidence {state.confidence:.2f}, {state.sources} independent source(s)"
        )
        con.print(f"rule: {esc(state.why)}")
        con.print("evidence:")
        for e in state.evidence:
            tag = "party claim" if e.party else "independent"
            con.print(
                f"  - {e.published} {esc(e.source)} {esc('[' + str(e.document) + ']')} ({tag}; {esc(e.stance)}) "
                f'claimant: {esc(e.claimant)}\n      "{esc((e.quote or "").strip()[:300])}"'
            )
    con.print("timeline:")
    for s in timeline:
        flag = " contested" if s.contested else ""
        con.print(
            f"  {s.since or '…'} .. {s.until or 'now'}: {esc(s.holder)}{flag} ({s.confidence:.2f}) — {esc(s.why)}"
        )


@control_command.command("ledger")
@db_option
@between_option
@click.option("--place", default=None, help="Only this place.")
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(["control", "denial", "figure", "linked"]),
    help="Only these kinds of contradiction (repeatable).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True
)
@output_option
@click.pass_context
def control_ledger_command(
    ctx: click.Context,
    db: str | None,
    between: str | None,
    place: str | None,
    kinds: tuple[str, ...],
    fmt: str,
    output: str | None,
) -> None:
    """The claims ledger: pairs of claims that contradict each other, grouped by event."""
    from frontlines.store import territory

    with cli_errors():
        entries = with_store(
            db or ctx.obj.get("db"),
            lambda store: territory.contested_pairs(
                store, country=ctx.obj.get("country"), kinds=list(kinds) or None, between=between, place=place
            ),
        )
    emit_ledger(entries, fmt, output)


def emit_ledger(entries: list[Any], fmt: str, output: str | None) -> None:
    """Print ledger entries (contradicting claim pairs) as a table, JSON or JSONL."""
    rows = [e.to_dict() for e in entries]
    if fmt == "json":
        emit_json(rows, output)
    elif fmt == "jsonl":
        emit_jsonl(rows, output)
    else:
        flat = [
            {
                "kind": r["kind"],
                "place": r["place"],
                "a": f"{r['a']['date']} {r['a']['claimant']} ({r['a']['side'] or 'no party'}): {r['a']['quote'][:90]}",
                "b": f"{r['b']['date']} {r['b']['claimant']} ({r['b']['side'] or 'no party'}): {r['b']['quote'][:90]}",
                "values": ", ".join(map(str, r.get("values", []))),
            }
            for r in rows
        ]
        cols = [
            ("kind", "kind"),
            ("place", "place"),
            ("a", "claim A"),
            ("b", "claim B"),
            ("values", "values"),
        ]
        print_table(flat, cols, f"{len(rows)} contradicting pair(s)", output, file_width=TABLE_FILE_WIDTH)


@click.command("stats")
@db_option
@country_option
@between_option
@click.option("--format", "fmt", type=click.Choice(STATS_FORMATS), default="table", show_default=True)
@output_option
def stats_command(
    db: str | None, country: str | None, between: str | None, fmt: str, output: str | None
) -> None:
    """Per day and province: events by type and fatalities (low/best/high); per day: capitals held per side."""
    from frontlines.reconcile.aggregates import capitals_held, events_by_day_province
    from frontlines.store import queries, territory

    with cli_errors():
        start, end = queries.parse_between(between)
        events, tls = read_store(
            db,
            lambda conn: (
                queries.canonical_events(conn, queries.EventFilter(country=country, between=between)),
                territory.timelines(conn, country),
            ),
        )
        iso3 = queries.country_iso3(country) if country else None
    types, rows = events_by_day_province(events)
    dates = [r["date"] for r in rows]
    start = start or (dt.date.fromisoformat(min(dates)) if dates else None)
    end = end or (dt.date.fromisoformat(max(dates)) if dates else None)
    held = capitals_held(tls, iso3, start, end) if iso3 and start and end else []
    if fmt == "json":
        emit_json({"by_day_province": rows, "capitals_held": held}, output)
        return
    sides = sorted({h for d in held for h in d["holders"]})
    cap_rows = [
        {
            "date": d["date"],
            **{s: d["holders"].get(s, 0) for s in sides},
            "contested": d["contested"],
            "unknown": d["unknown"],
        }
        for d in held
    ]
    if fmt == "csv":
        import csv

        def write(fh: IO[str]) -> None:
            cols = [
                "table",
                "date",
                "admin1",
                "events",
                *types,
                "fatalities_low",
                "fatalities",
                "fatalities_high",
            ]
            w = csv.DictWriter(
                fh,
                fieldnames=cols
                + [f"capitals:{s}" for s in sides]
                + ["capitals:contested", "capitals:unknown"],
            )
            w.writeheader()
            for r in rows:
                w.writerow({"table": "day_province", **r})
            for r in cap_rows:
                w.writerow(
                    {
                        "table": "capitals",
                        "date": r["date"],
                        **{f"capitals:{s}": r[s] for s in sides},
                        "capitals:contested": r["contested"],
                        "capitals:unknown": r["unknown"],
                    }
                )

        emit(write, output)
        return
    cols = [("date", "date"), ("admin1", "admin1"), ("events", "events")] + [(t, t) for t in types]
    cols += [("fatalities_low", "deaths low"), ("fatalities", "deaths"), ("fatalities_high", "deaths high")]
    cap_cols = (
        [("date", "date")] + [(s, s) for s in sides] + [("contested", "contested"), ("unknown", "unknown")]
    )
    specs = [(rows, cols, "events and fatalities per day and province")]
    if cap_rows:
        specs.append((cap_rows, cap_cols, "provincial capitals held per side"))
    print_tables(specs, output, file_width=TABLE_FILE_WIDTH)
