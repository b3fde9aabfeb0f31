"""The ``vanban`` command: a thin layer over the Python API.

Every command calls one function of the package (``vanban extract`` is
:func:`vanban.extract_files`, ``vanban ingest`` is :func:`vanban.ingest` …);
this module only parses arguments, prints results, and turns errors into one
line on stderr and an exit status.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import regex

import vanban
from vanban.clerk import printable
from vanban.errors import ReadError
from vanban.workers import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, MIN_MAX_MEMORY, Limits

DEFAULT_DB = "data/vanban.db"

# A memory size as typed on the command line: "2G", "1500M", "800MB", "512" (megabytes when no unit).
_SIZE = regex.compile(r"(?xi) ^ \s* (?P<number> \d+ (?: \.\d+ )? ) \s* (?P<unit> [kmgt] )? i? b? \s* $")
_UNITS = {"k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def _fail(message: str) -> None:
    print(f"vanban: {message}", file=sys.stderr)


def memory_size(text: str) -> int:
    """``2G`` → 2147483648 bytes; a bare number is megabytes. For ``--max-memory``."""
    match = _SIZE.match(text)
    if not match:
        raise argparse.ArgumentTypeError(f"not a memory size: {text!r} (say 2G, 1500M or 800)")
    size = int(float(match.group("number")) * _UNITS[(match.group("unit") or "m").lower()])
    if size < MIN_MAX_MEMORY:
        raise argparse.ArgumentTypeError(
            f"{text} is too little: a reader needs at least {MIN_MAX_MEMORY // 1024**2} MB"
        )
    return size


def seconds(text: str) -> float:
    """A positive number of seconds, for ``--timeout``."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("the time limit must be more than 0 seconds")
    return value


def _add_cluster(parser: argparse.ArgumentParser) -> None:
    """``--cluster``, ``--ship-bytes`` and ``--ocr-cache``: read the files on a Dask cluster (vanban.cluster)."""
    parser.add_argument(
        "--cluster",
        default=None,
        metavar="ADDRESS",
        help="read the files on a Dask cluster: tcp://HOST:8786 (a running scheduler) or local:N "
        "(N worker processes on this machine); the database is written here",
    )
    parser.add_argument(
        "--ship-bytes",
        action="store_true",
        help="send each file's bytes to the cluster (default: workers read the same paths on shared storage)",
    )
    parser.add_argument(
        "--ocr-cache",
        default=None,
        metavar="DIR",
        help="where the cluster's workers cache OCR results, on shared storage (default: each worker's own; "
        "on this machine $VANBAN_OCR_CACHE)",
    )


def _cluster_error(exc: Exception) -> int:
    _fail(str(exc))
    return 2


def _limits(args: argparse.Namespace) -> Limits:
    return Limits(timeout=args.timeout, max_memory=args.max_memory)


def _add_limits(parser: argparse.ArgumentParser) -> None:
    """``--timeout`` and ``--max-memory``: what one file may cost before its reader is stopped."""
    parser.add_argument(
        "--timeout",
        type=seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"a file still being read after this long fails (default: {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--max-memory",
        type=memory_size,
        default=DEFAULT_MAX_MEMORY,
        metavar="SIZE",
        help=f"a file whose reader needs more memory fails, e.g. 1500M, 4G (default: {DEFAULT_MAX_MEMORY // 1024**3}G)",
    )


def cmd_text(args: argparse.Namespace) -> int:
    try:
        doc = vanban.read(args.file)
    except ReadError as exc:
        _fail(str(exc))
        return 1
    sys.stdout.write(doc.text)
    if not doc.text.endswith("\n"):
        sys.stdout.write("\n")
    for warning in doc.warnings:
        _fail(f"{args.file}: {warning}")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    failed = 0
    outcomes = vanban.extract_files(
        args.files, workers=args.workers, limits=_limits(args), follow_symlinks=args.follow_symlinks
    )
    for outcome in outcomes:
        if outcome.record is None:
            _fail(f"{printable(outcome.path)}: {printable(outcome.error or 'not read')}")
            failed += 1
            continue
        sys.stdout.write(json.dumps(outcome.record.to_dict(), ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 1 if failed else 0


def cmd_highlight(args: argparse.Namespace) -> int:
    try:
        html = vanban.highlight(args.file)
    except ReadError as exc:
        _fail(str(exc))
        return 1
    if args.output:
        Path(args.output).write_text(html, encoding="utf-8")
    else:
        sys.stdout.write(html)
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    try:
        report = vanban.ingest(
            args.db,
            args.paths,
            workers=args.workers,
            limits=_limits(args),
            follow_symlinks=args.follow_symlinks,
            progress=not args.quiet,
            cluster=args.cluster,
            ship_bytes=args.ship_bytes,
            ocr_cache=args.ocr_cache,
        )
    except vanban.ClusterError as exc:
        return _cluster_error(exc)
    for path, reason in report.failed:
        _fail(f"{printable(path)}: {printable(reason)}")
    print(
        f"ingested {report.ingested}, unchanged {report.unchanged}, failed {len(report.failed)} → {args.db}",
        file=sys.stderr,
    )
    return 1 if report.failed else 0


def cmd_serve(args: argparse.Namespace) -> int:
    vanban.serve(args.db, host=args.host, port=args.port)
    return 0


def cmd_watch(args: argparse.Namespace) -> int:
    try:
        stats = vanban.watch(
            args.inbox,
            args.db,
            once=args.once,
            poll=args.poll,
            settle=args.settle,
            rescan=args.rescan,
            archive=args.archive,
            failed=args.failed,
            workers=args.workers,
            limits=_limits(args),
        )
    except vanban.InboxError as exc:
        _fail(str(exc))
        return 2
    return 1 if args.once and not stats.all_stored else 0


def cmd_reindex(args: argparse.Namespace) -> int:
    try:
        report = vanban.reindex(
            args.db,
            args.paths,
            workers=args.workers,
            force=args.force,
            progress=True,
            cluster=args.cluster,
            ship_bytes=args.ship_bytes,
            ocr_cache=args.ocr_cache,
        )
    except vanban.ClusterError as exc:
        return _cluster_error(exc)
    for path, reason in report.failed:
        _fail(f"{printable(path)}: {printable(reason)}")
    for path in report.missing:
        _fail(f"{printable(path)}: missing (the stored record is kept)")
    rate = report.checked / report.seconds if report.seconds else 0.0
    print(
        f"checked {report.checked} files in {report.seconds:.2f} s ({rate:,.0f}/s): "
        f"{report.extracted} re-extracted, {report.unchanged} unchanged, {len(report.failed)} failed, "
        f"{len(report.missing)} missing",
        file=sys.stderr,
    )
    return 1 if report.failed else 0


def cmd_status(args: argparse.Namespace) -> int:
    for key, value in vanban.status(args.db, inbox=args.inbox).items():
        print(f"{key}: {value}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vanban",
        description="Vietnamese official documents into a browsable, queryable SQLite database.",
        epilog="Each command is one function of the Python API: import vanban; help(vanban).",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("text", help="print a file's normalised plain text")
    p.add_argument("file")
    p.set_defaults(func=cmd_text)

    p = sub.add_parser("extract", help="print one JSON record per file (JSON Lines)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--workers", type=int, default=None, help="processes (default: every core)")
    _add_limits(p)
    p.add_argument("--follow-symlinks", action="store_true", help="read the files symbolic links point to")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("highlight", help="an HTML page of a file with its citations and duties highlighted")
    p.add_argument("file")
    p.add_argument("-o", "--output", help="write the page here (default: stdout)")
    p.set_defaults(func=cmd_highlight)

    p = sub.add_parser("ingest", help="extract files or folders into the database")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--db", default=DEFAULT_DB, help=f"the SQLite database (default: {DEFAULT_DB})")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--workers", type=int, default=None, help="processes (default: every core)")
    _add_limits(p)
    p.add_argument("--follow-symlinks", action="store_true", help="read the files symbolic links point to")
    _add_cluster(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("serve", help="serve the database with Datasette")
    p.add_argument("--db", default=DEFAULT_DB, help=f"the SQLite database (default: {DEFAULT_DB})")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8001)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("watch", help="ingest files dropped into an inbox folder")
    p.add_argument("inbox")
    p.add_argument("--db", default=DEFAULT_DB, help=f"the SQLite database (default: {DEFAULT_DB})")
    p.add_argument("--poll", action="store_true", help="poll instead of native file events (network shares)")
    p.add_argument("--settle", type=float, default=2.0, help="seconds a file must stay unchanged before it is taken")
    p.add_argument("--rescan", type=float, default=60.0, help="seconds between full rescans of the inbox")
    p.add_argument("--once", action="store_true", help="process what is there, then exit")
    p.add_argument("--archive", default=None, help="where originals go once stored (default: INBOX/../archive)")
    p.add_argument("--failed", default=None, help="where unreadable files go (default: INBOX/../failed)")
    p.add_argument("--workers", type=int, default=None, help="reader processes (default: 2)")
    _add_limits(p)
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser("reindex", help="re-extract the corpus where file or extractor changed")
    p.add_argument("paths", nargs="*", metavar="PATH", help="also ingest these files or folders")
    p.add_argument("--db", default=DEFAULT_DB, help=f"the SQLite database (default: {DEFAULT_DB})")
    p.add_argument("--workers", type=int, default=None, help="processes (default: every core)")
    p.add_argument("--force", action="store_true", help="re-extract even unchanged files")
    _add_cluster(p)
    p.set_defaults(func=cmd_reindex)

    p = sub.add_parser("status", help="counts: documents, failures, pending inbox files")
    p.add_argument("--db", default=DEFAULT_DB, help=f"the SQLite database (default: {DEFAULT_DB})")
    p.add_argument("--inbox", default=None)
    p.set_defaults(func=cmd_status)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("vanban."):
            _fail(f"'{args.command}' is not available yet ({exc.name} is not built)")
            return 2
        raise
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
