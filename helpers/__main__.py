"""Command line: ``python -m helpers report`` renders every notebook to reports/."""

import argparse
import sys

from .report import render_all


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("report", help="execute every notebook and write standalone HTML to reports/")
    args = parser.parse_args(argv)
    if args.command == "report":
        render_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
