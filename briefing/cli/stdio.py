"""`-` for stdin and stdout, as Unix tools take it: one article read from stdin, the
Markdown or the JSON written to stdout. Shared by the commands that read and write."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from briefing.core.errors import InputError
from briefing.core.models import Source

STDIO = Path("-")


def check_stdout(*targets: tuple[str, Path | None]) -> None:
    """At most one output may be `-`: two documents on one stream cannot be told apart."""
    named = [flag for flag, path in targets if path == STDIO]
    if len(named) > 1:
        raise InputError(f"{' and '.join(named)} both write to stdout: give one of them a file")


def with_stdin(
    paths: list[Path], limit: int, load: Callable[[list[Path]], list[Source]]
) -> list[Source]:
    """`load(paths)` with a `-` among them read from stdin, as one article file.

    The text goes to a private temporary file (`stdin.md`, so front matter works) that
    is gone when `load` returns, and the source's path reads `-`; more than `limit`
    bytes is refused without reading on.
    """
    if STDIO not in paths:
        return load(paths)
    if paths.count(STDIO) > 1:
        raise InputError("'-' (stdin) given more than once")
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise InputError(
            f"stdin is over the limit of {limit:,} bytes per article (--max-article-bytes)"
        )
    if not data.strip():
        raise InputError("no article on stdin")
    with tempfile.TemporaryDirectory(prefix="briefing-stdin-") as folder:
        file = Path(folder) / "stdin.md"
        file.write_bytes(data)
        sources = load([file if path == STDIO else path for path in paths])
    return [s.model_copy(update={"path": "-"}) if s.path == str(file) else s for s in sources]


def write_out(path: Path | None, text: str) -> None:
    """`text` to `path` whole (atomic), or to stdout for `-`."""
    from briefing.core.files import write_atomic

    if path == STDIO:
        sys.stdout.write(text)
    elif path is not None:
        write_atomic(path, text)
