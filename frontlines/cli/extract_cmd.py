"""`frontlines extract` (placeholder: single file only until the reading work lands)."""

from __future__ import annotations

import json

import click


@click.command("extract")
@click.argument("file", required=False)
@click.option("--date", "date", default=None, help="Publication date (YYYY-MM-DD) when the report has none.")
def extract_command(file: str | None, date: str | None) -> None:
    """Read one report and print one JSON result."""
    from frontlines.extract.extractor import Extractor

    text = open(file, encoding="utf-8").read() if file and file != "-" else click.get_text_stream("stdin").read()
    result = Extractor().extract(text, published=date)
    click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
