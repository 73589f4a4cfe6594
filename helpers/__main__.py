"""Command line.

``python -m helpers add PATH [--id ID] [--title ...] [--date YYYY-MM-DD] [--source ...]`` copies a
UTF-8 text file into corpus/ with its metadata record.

``python -m helpers report [DOC_ID ...]`` reruns every per-document notebook for each document
(default: the statement) into reports/<doc-id>/, the project-wide ones into reports/collection/,
and writes reports/index.html.

``python -m helpers archive analyse PATH [--name NAME] [--workers N | --scheduler ADDRESS]
[--limit N]`` analyses every article of a news archive on Dask into results/archives/NAME/.

Every failure is one line on stderr and a non-zero exit code, never a traceback: 1 for bad input
or a failing notebook, 130 for Ctrl-C (after which nothing half-done is left).
"""

import argparse
import sys
import warnings

from .corpus import CorpusError
from .paths import DEFAULT_DOC_ID, display_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers")
    sub = parser.add_subparsers(dest="command", required=True)

    add = sub.add_parser("add", help="copy a UTF-8 text file into corpus/ with its metadata")
    add.add_argument("path", help="the text file, UTF-8, one paragraph a line")
    add.add_argument("--id", dest="doc_id", help="document id (default: from the file name)")
    add.add_argument("--title", help="title in Vietnamese")
    add.add_argument("--title-en", help="English rendering of the title")
    add.add_argument("--date", help="date of the event or publication, YYYY-MM-DD")
    add.add_argument("--source", help="where the text comes from, and its licence")
    add.add_argument(
        "--title-line", action="store_true", help="the first line of the text is the headline"
    )

    report = sub.add_parser(
        "report", help="execute every notebook for the documents and write HTML to reports/"
    )
    report.add_argument(
        "doc_ids", nargs="*", metavar="DOC_ID", help=f"corpus ids (default: {DEFAULT_DOC_ID})"
    )
    report.add_argument(
        "--no-collection",
        action="store_true",
        help="skip the project-wide notebooks (reports/collection/)",
    )

    archive = sub.add_parser("archive", help="analyse a whole news archive on Dask")
    archive_sub = archive.add_subparsers(dest="archive_command", required=True)
    run = archive_sub.add_parser(
        "analyse",
        help="analyse every article of a JSON Lines archive (.jsonl, .gz, .xz) or a folder of "
        ".txt files into results/archives/NAME/ (resumable)",
    )
    run.add_argument("path", help="the archive: a .jsonl[.gz|.xz] file or a folder of .txt files")
    run.add_argument("--name", help="results folder name (default: the archive's file name)")
    where = run.add_mutually_exclusive_group()
    where.add_argument(
        "--workers",
        type=int,
        default=2,
        help="worker processes of a local Dask cluster (default 2; 0: in this process, no Dask)",
    )
    where.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://host:8786)")
    run.add_argument("--limit", type=int, help="only the first N records of the archive")
    run.add_argument(
        "--batch",
        type=int,
        default=20,
        help="articles per task and per stored part (default 20; fewer when long)",
    )

    args = parser.parse_args(argv)
    if args.command == "archive":
        return _archive(args)
    try:
        _check_text_arguments(args)
        if args.command == "add":
            from .corpus import add_document

            doc = add_document(
                args.path,
                args.doc_id,
                title=args.title,
                title_en=args.title_en,
                date=args.date,
                source=args.source,
                title_line=args.title_line,
            )
            _say(
                f"added {display_path(doc.path)} and its metadata record "
                f"({len(doc.paragraphs)} paragraphs); render it with: make report DOC={doc.id}",
                sys.stdout,
            )
        elif args.command == "report":
            from .site import RenderError, render_site

            try:
                render_site(args.doc_ids or [DEFAULT_DOC_ID], collection=not args.no_collection)
            except RenderError as err:
                _say(f"error: {err}")
                return 1
    except CorpusError as err:
        _say(f"error: {err}")
        return 1
    except KeyboardInterrupt as err:
        # add says whether the document was added; a report's folders are swapped in whole
        message = str(err) or (
            "interrupted: nothing was added to the corpus"
            if args.command == "add"
            else "interrupted: documents not finished were not published; reports/ keeps the "
            "pages of earlier runs"
        )
        if args.command == "report":
            print(flush=True)  # ends the progress line the interrupt cut
        _say(message)
        # The interrupt may cut nbclient's event loop: its half-run coroutines would be reported
        # on stderr when collected at exit, after the one line that says what happened.
        warnings.simplefilter("ignore")
        sys.unraisablehook = lambda unraisable: None
        return 130
    return 0


def _check_text_arguments(args: argparse.Namespace) -> None:
    """Refuse an argument stored as text that is not valid UTF-8 (the shell passes bytes; Python
    keeps undecodable ones as lone surrogates). A file name may be any bytes."""
    for name in ("doc_id", "title", "title_en", "date", "source"):
        value = getattr(args, name, None)
        if value is None:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            option = "--id" if name == "doc_id" else "--" + name.replace("_", "-")
            raise CorpusError(f"{option} is not valid UTF-8 text; give it in UTF-8") from None
    for doc_id in getattr(args, "doc_ids", None) or []:
        try:
            doc_id.encode("utf-8")
        except UnicodeEncodeError:
            raise CorpusError(f"{ascii(doc_id)} is not a corpus id (not UTF-8 text)") from None


def _say(text: str, stream=None) -> None:
    """Print a line that may hold a file name in any bytes (undecodable ones shown escaped)."""
    stream = stream or sys.stderr
    print(text.encode("utf-8", "backslashreplace").decode("utf-8"), file=stream, flush=True)


def _archive(args) -> int:
    from .archive import analyse_archive

    if args.workers < 0 or args.batch < 1 or (args.limit is not None and args.limit < 1):
        print("error: --workers must be 0 or more, --batch and --limit 1 or more", file=sys.stderr)
        return 2
    try:
        summary = analyse_archive(
            args.path,
            args.name,
            args.workers,
            args.scheduler,
            args.limit,
            batch_articles=args.batch,
        )
    except KeyboardInterrupt:
        print(
            "\ninterrupted: every batch written is whole; run the same command again to continue",
            file=sys.stderr,
        )
        return 130
    except CorpusError as err:
        _say(f"error: {err}")
        return 1
    rate = summary.characters / summary.seconds if summary.seconds else 0
    print(
        f"{summary.analysed:,} articles analysed, {summary.rejected:,} recorded as errors, "
        f"{summary.skipped:,} already stored; {summary.seconds:.1f} s ({rate:,.0f} characters/s); "
        f"tables in {display_path(summary.folder)}/"
    )
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # before the command started (while parsing its arguments)
        _say("interrupted: nothing was done")
        sys.exit(130)
