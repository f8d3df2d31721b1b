"""The console entry point, `interlinea`: the CLI with Ctrl-C and SIGTERM turned into a clean stop.

The handlers are installed before anything else is imported, so that a signal at any moment (even
while the CLI's modules load) ends the command the same way: the signal raises `Interrupted` where the
command is, half-written temporary files are deleted on the way out (`xmlio.write_atomic`), a message
says what happened, and the exit code is 130.
"""

from __future__ import annotations

import signal
import sys


class Interrupted(BaseException):
    """A stop requested by a signal. A BaseException, so that nothing on the way catches it as an
    ordinary error; cleanup code (`finally`, `except BaseException`) still runs."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.name = signal.Signals(signum).name


def _stop(signum, _frame) -> None:
    raise Interrupted(signum)


def run() -> None:
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    try:
        from interlinea.cli import main

        main()
    except Interrupted as stop:
        print(
            f"error: interrupted ({stop.name}); every file written is complete and the others are as they "
            "were; run the command again to finish",
            file=sys.stderr,
        )
        sys.exit(130)
    finally:
        # The work is over: a signal during the interpreter's shutdown must not print a traceback.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
