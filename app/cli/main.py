"""Entry point of ``bwv``: parses arguments, runs one command, and never shows a traceback.

Exit status: 0 success, 1 the command ran but found problems (failed files, broken chain),
2 the request could not be carried out (bad input, unknown case ...), 130 interrupted.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from sqlalchemy.exc import DBAPIError

from app import __version__
from app.cli import (
    cmd_audit,
    cmd_batch,
    cmd_case,
    cmd_detect,
    cmd_flag,
    cmd_footage,
    cmd_ingest,
    cmd_redact,
    cmd_retention,
    cmd_transcribe,
    cmd_user,
)
from app.cli.context import Context
from app.cli.error_hints import BUSY_EXIT, error_line
from app.core.errors import BwvError, Cancelled, StoreBusyError
from app.core.logs import setup_logging
from app.core.store.database import (
    current_revision,
    database_problem,
    store_busy,
    store_problem,
    store_unusable,
)

log = logging.getLogger("app.cli")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="bwv",
        description="BWV Studio command line: ingest body-worn video into the evidence store, "
                    "manage cases and flags, and verify the tamper-evident audit trail.",
        epilog="Environment: BWV_DATABASE_URL selects the database (default: SQLite in the "
               "user data folder); BWV_USER names the acting user (default: the default_user "
               "setting, else your login name); BWV_PASSWORD gives their password (else it "
               "is asked for). "
               "Run 'bwv COMMAND --help' for each command.",
    )
    parser.add_argument("--version", action="version", version=f"bwv {__version__}")
    parser.add_argument("--database", metavar="URL",
                        help="SQLAlchemy database URL (overrides BWV_DATABASE_URL and settings)")
    parser.add_argument("--user", metavar="NAME", help="act as this user (overrides BWV_USER)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                parser_class=_Parser)
    for module in (cmd_ingest, cmd_footage, cmd_case, cmd_flag, cmd_user, cmd_audit,
                   cmd_detect, cmd_redact, cmd_transcribe, cmd_batch, cmd_retention):
        module.register(sub)
    info = sub.add_parser("info", help="show version, database, data and log locations",
                          description="Show the version, the database in use and its schema "
                                      "revision, and where data, settings and logs live.")
    info.set_defaults(handler=run_info)
    return parser


def run_info(ctx: Context, args: argparse.Namespace) -> int:
    from app.core.about import library_versions, model_facts
    from app.core.settings import config_dir, log_dir

    store = ctx.store
    print(f"BWV Studio {__version__}")
    print(f"Database:   {store.display_url} (schema {current_revision(store.engine)})")
    print(f"Store id:   {store.store_id}")
    print(f"Data:       {ctx.settings.data_path}")
    print(f"Settings:   {config_dir() / 'settings.json'}")
    print(f"Logs:       {log_dir()}")
    print(f"User:       {ctx.user_name}")
    print("Libraries:  " + ", ".join(f"{k} {v}" for k, v in library_versions().items()
                                     if k not in ("bwv-studio", "platform")))
    for model in model_facts():
        state = "ok" if model.ok else "MISSING OR CHANGED"
        print(f"Model:      {model.file} sha256 {model.sha256} ({state})")
    return 0


# Ctrl+C: what a command cut short leaves behind. An export not yet recorded deletes its
# hidden .partial files on the way out; one recorded keeps them (they are the export) and
# the next export into that folder finishes it; a killed worker process leaves its working
# copy's, which the job finishes or writes over when it runs again, and an export into that
# folder clears once they are an hour old.
INTERRUPTED = ("\nInterrupted. Files cut short keep hidden .partial names: the next export "
               "into that folder finishes them or, once they are an hour old, clears them; "
               "a batch job's are finished or replaced when the job runs again.")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        log_file = setup_logging()
    except OSError:
        log_file = None
    ctx: Context | None = None
    try:
        ctx = Context.from_args(args)
        return int(args.handler(ctx, args))
    except Cancelled:
        print("Cancelled.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into e.g. `head`, which closed early
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        return 130
    except StoreBusyError as exc:  # nothing (more) saved: a script may try again
        print(f"bwv: error: {error_line(exc)}", file=sys.stderr)
        return BUSY_EXIT
    except BwvError as exc:
        print(f"bwv: error: {error_line(exc)}", file=sys.stderr)
        return 2
    except Exception as exc:
        where = f" Details are in {log_file}." if log_file else ""
        if isinstance(exc, DBAPIError):  # one line, never the statement or its values
            log.exception("database error in bwv %s", args.command)
            url = ctx.database_url if ctx is not None else "?"
            said = store_problem(url, exc)
            if store_busy(exc):  # another program held the store: nothing saved, try again
                print(f"bwv: error: {error_line(database_problem(exc))}", file=sys.stderr)
                return BUSY_EXIT
            if store_unusable(exc):  # the store itself: read-only, damaged, full, gone
                print(f"bwv: error: {error_line(said)}{where}", file=sys.stderr)
            else:  # a statement refused (a constraint): a fault of ours
                words = str(said.arguments["problem"]).splitlines()[0]
                print(f"bwv: internal error: the database refused a change: {words}.{where}",
                      file=sys.stderr)
            return 2
        log.exception("unexpected error in bwv %s", args.command)
        print(f"bwv: internal error: {exc.__class__.__name__}: {exc}.{where}", file=sys.stderr)
        return 2
    finally:
        if ctx is not None:
            ctx.close()


if __name__ == "__main__":
    sys.exit(main())
