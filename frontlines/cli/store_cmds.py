"""Store commands: ``ingest``, ``reprocess``, ``events`` (+ ``show``), ``claims``, ``documents`` (+ ``show``).

Listing commands write ``--format table`` with rich (for people) or a stable format through the export
writers, to stdout or ``--output FILE`` (parquet needs ``--output``).  Bad ``--db`` or filter values exit 1
with one line on stderr; wrong usage exits 2 (click).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import click

from frontlines.cli.common import (
    TableSpec,
    between_option,
    cli_errors,
    country_option,
    db_option,
    emit_to,
    fail,
    open_store,
    output_option,
    print_table,
    read_store,
    with_store,
)

EVENT_FORMATS = ["table", "csv", "json", "jsonl", "geojson", "parquet", "plover"]
ROW_FORMATS = ["table", "csv", "json", "jsonl", "parquet"]

timeout_option = click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    help="Seconds to wait for another process that is writing to the database.",
)
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
workers_option = click.option(
    "--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Extraction processes."
)
limit_option = click.option("--limit", type=click.IntRange(min=0), default=None, help="At most N rows.")
TABLE_FILE_WIDTH = 200  # columns of a --format table written to --output


# -- ingest and reprocess ---------------------------------------------------------------------------------


def _progress(quiet: bool, total: int | None, label: str) -> Any:
    """A rich progress bar on stderr (None when quiet or stderr is not a terminal)."""
    if quiet or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TaskID,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.1f} docs/s" if speed else "- docs/s", style="cyan")

    class Bar(Progress):
        task_id: TaskID  # the one task the bar shows (what ``advance`` moves)

    bar = Bar(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=False,
    )
    bar.task_id = bar.add_task(label, total=total)
    return bar


def _summary(stats: Any, as_json: bool, what: str = "ingest") -> None:
    if as_json:
        click.echo(json.dumps(stats.to_dict(), ensure_ascii=False, indent=2))
        return
    lines = [
        f"{what}: {stats.read} read, {stats.new} new, {stats.replaced} re-extracted, "
        f"{stats.unchanged} unchanged, {stats.failed} failed",
        f"  {stats.events} events and {stats.claims} claims written, {stats.sources_added} sources added, "
        f"{stats.seconds:.1f} s ({stats.docs_per_second:.1f} docs/s; extraction {stats.extract_seconds:.1f} s, "
        f"storage and merging {stats.store_seconds:.1f} s)",
    ]
    for ref, why in stats.failures[:50]:
        lines.append(f"  failed: {ref}: {why}")
    if stats.failed > 50:
        lines.append(f"  ... {stats.failed - 50} more (see the failed_inputs table)")
    click.echo("\n".join(lines))


def _run_with_progress(run: Callable[[Any], Any], quiet: bool, total: int | None, label: str) -> Any:
    bar = _progress(quiet, total, label)
    if bar is None:
        return run(None)
    with bar:
        return run(lambda n: bar.advance(bar.task_id, n))


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True, metavar="PATH_OR_URL...")
@db_option
@workers_option
@timeout_option
@quiet_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Run extraction in local processes or on Ray (pip install 'frontlines[ray]').",
)
@click.option(
    "--address", default=None, help="With --engine ray: the Ray cluster address (default: local Ray)."
)
def ingest_command(
    inputs: tuple[str, ...],
    db: str | None,
    workers: int,
    timeout: float,
    quiet: bool,
    as_json: bool,
    engine: str,
    address: str | None,
) -> None:
    """Read, extract and store reports: files, folders (recursively), JSONL/CSV batches, RSS/Atom feeds, URLs.

    A document already stored by this extractor version is not extracted again; the same text under another
    URL adds that URL as a source.  Exits 1 when any input failed (the others are stored).
    """
    from frontlines.engines import get_engine
    from frontlines.ingest.discover import estimate_total
    from frontlines.ingest.pipeline import ingest

    with cli_errors():
        get_engine(engine, address=address)  # validates the pair (and that Ray is installed) before any work
        store = open_store(db, create=True, timeout=timeout)
        total = None if quiet else estimate_total(inputs)
        try:
            stats = _run_with_progress(
                lambda progress: ingest(
                    store, inputs, workers=workers, progress=progress, engine=engine, address=address
                ),
                quiet,
                total,
                "ingest",
            )
        finally:
            store.close()
    _summary(stats, as_json)
    if stats.failed:
        sys.exit(1)


@click.command("reprocess")
@db_option
@click.option("--all", "all_documents", is_flag=True, help="Re-extract every document, not only older ones.")
@workers_option
@timeout_option
@quiet_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def reprocess_command(
    db: str | None, all_documents: bool, workers: int, timeout: float, quiet: bool, as_json: bool
) -> None:
    """Re-extract stored documents made by an older extractor version (or all with --all)."""
    from frontlines.ingest.pipeline import count_stale, reprocess

    with cli_errors():
        store = open_store(db, timeout=timeout)
        try:
            total = count_stale(store, include_current=all_documents)
            stats = _run_with_progress(
                lambda progress: reprocess(
                    store, all_documents=all_documents, workers=workers, progress=progress
                ),
                quiet,
                total,
                "reprocess",
            )
        finally:
            store.close()
    _summary(stats, as_json, "reprocess")
    if stats.failed:
        sys.exit(1)


# -- output ----------------------------------------------------------------------------------------------


def _check_output(fmt: str, output: str | None) -> None:
    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet needs --output FILE")


def _listing(fmt: str, output: str | None, table: TableSpec, write: Callable[[Any], None]) -> None:
    """A listing's output: ``--format table`` as the rich ``table`` (rows, columns, title); any other format
    by ``write(out)``, ``out`` being stdout or the path given with ``--output``."""
    if fmt == "table":
        print_table(*table, output, file_width=TABLE_FILE_WIDTH)
    else:
        emit_to(write, output)


def _group_lists(ctx: click.Context, db: str | None, fmt: str, output: str | None) -> bool:
    """For a group that lists when run alone: keep ``--db`` for a subcommand; True when the group lists."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is not None:
        return False
    _check_output(fmt, output)
    return True


def _read_one(
    ctx: click.Context, db: str | None, query: Callable[[Any], dict[str, Any] | None], missing: str
) -> dict[str, Any]:
    """For a ``show`` subcommand: what ``query`` reads from the store (``--db`` given here, else the group's);
    exit 1 with the line ``missing`` when it finds nothing."""
    with cli_errors():
        found = read_store(db or (ctx.obj or {}).get("db"), query)
    if found is None:
        fail(missing)
    return found


# -- events ----------------------------------------------------------------------------------------------

_EVENT_TABLE = [
    ("event_id_cnty", "id"),
    ("event_date", "date"),
    ("sub_event_type", "sub-event type"),
    ("actor1", "actor 1"),
    ("actor2", "actor 2"),
    ("location", "location"),
    ("admin1", "admin1"),
    ("country", "country"),
    ("fatalities", "deaths"),
    ("modality", "modality"),
    ("sources_independent", "sources"),
    ("mentions", "mentions"),
]


@click.group("events", invoke_without_command=True)
@db_option
@click.option(
    "--mentions", "show_mentions", is_flag=True, help="One row per event mention, not per happening."
)
@country_option
@click.option("--admin1", default=None, help="Province or state.")
@click.option(
    "--actor", default=None, help="Actor name (any of the four actor fields; part of a name is enough)."
)
@click.option("--type", "event_type", default=None, help="ACLED event type.")
@click.option("--sub-type", "sub_event_type", default=None, help="ACLED sub-event type.")
@between_option
@click.option("--modality", default=None, help="asserted, claimed, denied, hypothetical or negated.")
@click.option(
    "--min-sources", type=click.IntRange(min=0), default=None, help="At least N independent sources."
)
@limit_option
@click.option("--format", "fmt", type=click.Choice(EVENT_FORMATS), default="table", show_default=True)
@output_option
@click.pass_context
def events_command(
    ctx: click.Context,
    db: str | None,
    show_mentions: bool,
    fmt: str,
    output: str | None,
    limit: int | None,
    **filters: Any,
) -> None:
    """List canonical events (one per happening), filtered; `events show ID` shows one with its mentions."""
    if not _group_lists(ctx, db, fmt, output):
        return
    from frontlines.export import write_events
    from frontlines.store import queries
    from frontlines.store.rows import event_export_row, mention_export_row

    def query(conn: Any) -> list[dict[str, Any]]:
        f = queries.EventFilter(limit=limit, **filters)
        if show_mentions:
            return [mention_export_row(m) for m in queries.mentions(conn, f)]
        return [event_export_row(e) for e in queries.canonical_events(conn, f)]

    with cli_errors():
        rows = read_store(db, query)
        title = f"{len(rows)} event mention(s)" if show_mentions else f"{len(rows)} event(s)"
        _listing(fmt, output, (rows, _EVENT_TABLE, title), lambda out: write_events(rows, fmt, out))


@events_command.command("show")
@click.argument("ident", metavar="ID")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def events_show_command(ctx: click.Context, ident: str, db: str | None, fmt: str) -> None:
    """One canonical event (uid or event_id_cnty) with its mentions, their reports and the merge reasons."""
    from frontlines.store import queries
    from frontlines.store.rows import event_export_row

    event = _read_one(ctx, db, lambda conn: queries.event_detail(conn, ident), f"{ident}: no such event")
    mentions = event.pop("mention_rows")
    row = event_export_row(event)
    if fmt == "json":
        row["merge_explanation"] = event.get("merge_explanation")
        row["mention_list"] = mentions
        click.echo(json.dumps(row, ensure_ascii=False, indent=2, default=str))
        return
    from rich.console import Console

    console = Console()
    console.print(f"[bold]{row['event_id_cnty']}[/bold]  {row['event_uid']}")
    for key in (
        "event_date",
        "disorder_type",
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "location",
        "admin1",
        "country",
        "fatalities",
        "fatalities_low",
        "fatalities_high",
        "modality",
        "sources_independent",
        "mentions",
        "notes",
    ):
        console.print(f"  {key}: {row.get(key)}", highlight=False)
    if event.get("merge_explanation"):
        console.print(f"  why: {event['merge_explanation']}", highlight=False)
    console.print(f"\n[bold]{len(mentions)} mention(s)[/bold]")
    for m in mentions:
        urls = ", ".join(s["url"] or s["input_id"] for s in m["sources"]) or "-"
        console.print(
            f"- {m['document_key'][:12]} {m['event_id']}: {m['sub_event_type']} on {m['event_date']} at "
            f"{m['location'] or m['admin1'] or '?'}; deaths {m['fatalities']}; {m['modality']}",
            highlight=False,
        )
        console.print(f"    report: {m.get('title') or '(no title)'} — {urls}", highlight=False)
        for reason in m.get("merge_reasons") or []:
            console.print(f"    merge: {reason}", highlight=False)


# -- claims ----------------------------------------------------------------------------------------------

_CLAIM_COLUMNS = [
    "document_key",
    "claim_id",
    "claimant",
    "claimant_kind",
    "stance",
    "event_id",
    "event_uid",
    "text",
    "start",
    "end",
    "contradicts",
    "extractor_version",
]
_CLAIM_TABLE = [
    ("claimant", "claimant"),
    ("stance", "stance"),
    ("text", "text"),
    ("event_uid", "event"),
    ("contradicts", "contradicts"),
]


@click.command("claims")
@db_option
@click.option("--event", "event_uid", default=None, help="Claims about this canonical event (uid).")
@click.option("--document", "document_key", default=None, help="Claims in this document (key).")
@click.option("--claimant", default=None, help="Claimant name (part of it is enough).")
@click.option(
    "--contested",
    is_flag=True,
    help="List pairs of claims that contradict each other (capture vs retake, denials, disagreeing "
    "figures), grouped by event, instead of single claims.",
)
@click.option("--country", default=None, help="With --contested: ISO2, ISO3 or English name.")
@click.option("--between", default=None, metavar="A..B", help="With --contested: a period.")
@limit_option
@click.option("--format", "fmt", type=click.Choice(ROW_FORMATS), default="table", show_default=True)
@output_option
def claims_command(
    db: str | None,
    event_uid: str | None,
    document_key: str | None,
    claimant: str | None,
    contested: bool,
    country: str | None,
    between: str | None,
    limit: int | None,
    fmt: str,
    output: str | None,
) -> None:
    """List claims: who says what about which event, and which claims contradict each other."""
    _check_output(fmt, output)
    if contested:
        if fmt not in ("table", "json", "jsonl"):
            raise click.UsageError("--contested prints table, json or jsonl")
        from frontlines.cli.control_cmds import emit_ledger
        from frontlines.store import territory

        with cli_errors():
            entries = with_store(
                db, lambda store: territory.contested_pairs(store, country=country, between=between)
            )
        emit_ledger(entries[:limit] if limit else entries, fmt, output)
        return
    from frontlines.export import write_rows
    from frontlines.store import queries

    def query(conn: Any) -> list[dict[str, Any]]:
        uid = event_uid
        if uid:
            event = queries.find_event(conn, uid)
            uid = event["uid"] if event else uid
        return queries.claims(conn, document_key=document_key, event_uid=uid, claimant=claimant, limit=limit)

    with cli_errors():
        rows = read_store(db, query)
        title = f"{len(rows)} claim(s)"
        _listing(
            fmt, output, (rows, _CLAIM_TABLE, title), lambda out: write_rows(rows, _CLAIM_COLUMNS, fmt, out)
        )


# -- documents -------------------------------------------------------------------------------------------

_DOC_COLUMNS = [
    "document_key",
    "title",
    "published",
    "language",
    "status",
    "error",
    "extractor_version",
    "lexicon_version",
    "origin_key",
    "sources",
    "events",
    "ingested_at",
    "updated_at",
]
_DOC_TABLE = [
    ("document_key", "key"),
    ("title", "title"),
    ("published", "published"),
    ("status", "status"),
    ("sources", "sources"),
    ("events", "events"),
    ("extractor_version", "extractor"),
]


@click.group("documents", invoke_without_command=True)
@db_option
@click.option("--status", default=None, help="ok or failed.")
@limit_option
@click.option("--format", "fmt", type=click.Choice(ROW_FORMATS), default="table", show_default=True)
@output_option
@click.pass_context
def documents_command(
    ctx: click.Context, db: str | None, status: str | None, limit: int | None, fmt: str, output: str | None
) -> None:
    """List stored documents; `documents show KEY` shows one with its sources, events and claims."""
    if not _group_lists(ctx, db, fmt, output):
        return
    from frontlines.export import write_rows
    from frontlines.store import queries

    with cli_errors():
        rows = read_store(db, lambda conn: queries.documents(conn, status=status, limit=limit))
        short = [{**r, "document_key": r["document_key"][:12]} for r in rows]
        title = f"{len(rows)} document(s)"
        _listing(
            fmt, output, (short, _DOC_TABLE, title), lambda out: write_rows(rows, _DOC_COLUMNS, fmt, out)
        )


@documents_command.command("show")
@click.argument("key")
@db_option
@click.option("--text/--no-text", default=True, help="Include the document's text.")
@click.pass_context
def documents_show_command(ctx: click.Context, key: str, db: str | None, text: bool) -> None:
    """One document (its key, or a unique prefix of 6+ characters) as JSON."""
    from frontlines.store import queries

    doc = _read_one(ctx, db, lambda conn: queries.document_detail(conn, key), f"{key}: no such document")
    if not text:
        doc.pop("text", None)
    click.echo(json.dumps(doc, ensure_ascii=False, indent=2, default=str))
