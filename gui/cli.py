"""The `corridor-atlas` command: the window by default, or a sub-command.

    corridor-atlas [--data FOLDER]                 open the window
    corridor-atlas validate PATH                   check a dataset folder or a GIS file
    corridor-atlas route FROM TO [...]             route between two places
    corridor-atlas export OUT [...]                PNG / PDF / SVG / PPTX / HTML, headless

Each sub-command lives in its own module and is imported only when used, so `route` and
`validate` never load Qt.
"""
from __future__ import annotations

import argparse
import importlib
import sys

# sub-command -> module with add_arguments(parser) and run(args) -> int
COMMANDS = {
    "validate": ("geodata.cli_validate", "check a dataset folder or a GIS file"),
    "route": ("geodata.cli_route", "find routes between two places"),
    "export": ("gui.cli_export", "export the map without opening a window"),
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # a usage line and the reason, never a traceback
        self.print_usage(sys.stderr)
        self.exit(2, f"corridor-atlas: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="corridor-atlas", description="Corridor Atlas: an offline map of transport corridors.")
    parser.add_argument("--data", metavar="FOLDER", help="open this dataset folder instead of your working copy")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name, (module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text)
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue  # not built yet
        mod.add_arguments(p)
        p.set_defaults(_module=mod)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # `--data FOLDER` may come before the sub-command too: hand it to the sub-command.
    if len(argv) >= 3 and argv[0] == "--data" and argv[2] in COMMANDS:
        argv = argv[2:] + ["--data", argv[1]]
    elif len(argv) >= 2 and argv[0].startswith("--data=") and argv[1] in COMMANDS:
        argv = argv[1:] + [argv[0]]
    # Only load the sub-command modules when a sub-command is asked for.
    if argv and argv[0] in COMMANDS:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not hasattr(args, "_module"):
            parser.error(f"'{args.command}' is not available in this build")
        try:
            return int(args._module.run(args) or 0)
        except KeyboardInterrupt:
            return 130
    parser = _Parser(prog="corridor-atlas")
    parser.add_argument("--data", metavar="FOLDER")
    args = parser.parse_args(argv)
    from gui.app import run_window

    return run_window(data_folder=args.data)


if __name__ == "__main__":
    sys.exit(main())
