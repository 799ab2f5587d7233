"""``frontlines serve``: the REST API and the dashboard over a store."""

from __future__ import annotations

import ipaddress
import os

import click

from frontlines.cli.common import db_option, fail, fail_on, resolve_db
from frontlines.errors import FrontlinesError


def is_loopback(host: str) -> bool:
    """Whether ``host`` only listens on the local machine (127.0.0.0/8, ::1, localhost)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="Port.")
@click.option(
    "--token",
    default=None,
    metavar="TOKEN",
    help="Bearer token for the write endpoints (default $FRONTLINES_TOKEN; without one they are disabled).",
)
@click.option(
    "--log-level",
    default="warning",
    show_default=True,
    type=click.Choice(["debug", "info", "warning", "error"]),
)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Server processes.")
def serve_command(
    db: str | None, host: str, port: int, token: str | None, log_level: str, workers: int
) -> None:
    """Serve the REST API (/api/, docs at /docs) and the dashboard (/) over the store."""
    token = token or os.environ.get("FRONTLINES_TOKEN") or None
    if not is_loopback(host) and not token:
        fail(
            f"--host {host}: refusing to listen on a non-loopback address without a token "
            "(set --token or FRONTLINES_TOKEN)",
            2,
        )
    try:
        import uvicorn

        from frontlines.serve.app import create_app
    except ImportError as exc:
        fail(f"the web server needs the 'serve' extra (pip install 'frontlines[serve]'): {exc}", 1)
    try:
        app = create_app(resolve_db(db), token=token)
    except FrontlinesError as exc:
        fail_on(exc)
    click.echo(
        f"frontlines: serving {app.state.db.name} on http://{host}:{port}/ (API docs at /docs)"
        + (f" with {workers} processes" if workers > 1 else ""),
        err=True,
    )
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level=log_level)
        return
    # Several processes: uvicorn's process manager imports the app factory in each worker, which reads the
    # store and the token from the environment (each worker keeps its own caches).
    os.environ["FRONTLINES_DB"] = resolve_db(db)
    if token:
        os.environ["FRONTLINES_TOKEN"] = token
    uvicorn.run(
        "frontlines.serve.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        log_level=log_level,
        workers=workers,
    )
