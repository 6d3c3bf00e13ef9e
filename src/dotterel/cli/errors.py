"""The command line's one error path.

Every error that reaches the top of a command becomes one line on standard error,
``dotterel: [DOTnnn] <input>: <reason>``, and a non-zero exit: 2 for bad usage (unknown
options, filter values, dates), 1 for anything else. A traceback is shown only with
``--debug`` (or ``DOTTEREL_DEBUG=1``), for reporting bugs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

import typer

# Typer 0.29 vendors click: its usage errors are these classes, not click's own.
from typer._click.exceptions import ClickException
from typer._click.exceptions import UsageError as ClickUsageError
from typer.core import TyperGroup
from typer.exceptions import Abort

from dotterel.errors import DotterelError, UsageError

USAGE_EXIT = 2
ERROR_EXIT = 1
DEBUG_FLAG = "--debug"


def debug_requested(args: Sequence[str] | None) -> bool:
    """Whether tracebacks were asked for, by ``--debug`` or ``DOTTEREL_DEBUG``."""
    words = sys.argv[1:] if args is None else list(args)
    return DEBUG_FLAG in words or os.environ.get("DOTTEREL_DEBUG", "") not in ("", "0")


def one_line(text: str) -> str:
    return " ".join(text.split())


def error_line(exc: BaseException) -> tuple[str, int]:
    """The message line and exit status for an error that ended a command."""
    if isinstance(exc, DotterelError):
        status = USAGE_EXIT if isinstance(exc, UsageError) else ERROR_EXIT
        return f"dotterel: {one_line(str(exc))}", status
    if isinstance(exc, ClickUsageError):
        where = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx else ""
        return f"dotterel: [{UsageError.code}] {one_line(exc.format_message())}{where}", USAGE_EXIT
    if isinstance(exc, ClickException):
        return f"dotterel: [{UsageError.code}] {one_line(exc.format_message())}", USAGE_EXIT
    detail = one_line(str(exc)) or "no detail"
    return (
        f"dotterel: [DOT000] unexpected error: {type(exc).__name__}: {detail} "
        f"(rerun with {DEBUG_FLAG} for the traceback)",
        ERROR_EXIT,
    )


class DotterelGroup(TyperGroup):
    """The root command group: runs a command and turns any error into one coded line."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        debug = debug_requested(args)
        try:
            result = super().main(
                args=args,
                prog_name=prog_name,
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
        except Abort:
            typer.echo("dotterel: aborted", err=True)
            status = ERROR_EXIT
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 - the one place errors become messages
            if debug:
                raise
            line, status = error_line(exc)
            typer.echo(line, err=True)
        else:
            status = result if isinstance(result, int) else 0
        if not standalone_mode:
            return status
        sys.exit(status)
