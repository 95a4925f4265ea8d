"""The command line: open the window, parse readouts to JSON or text, export, install the launcher.

    readout-browser [FILE...]                      open the window (the seed readout when no FILE)
    readout-browser parse FILE... [--format json|text]
    readout-browser export FILE... [--pdf OUT.pdf] [--csv DIR] [--json OUT.json]
    readout-browser parse --jsonl IN [OUT]         JSON Lines of readouts to JSON Lines of readout/1
    readout-browser import PATH... [--library PATH]
    readout-browser search QUERY [--library PATH] [--format text|json|csv]
    readout-browser --install-desktop | --uninstall-desktop | --version

A first argument is a command only when it is exactly `parse`, `export`, `import` or `search`; anything else
is a file to open, so `readout-browser notes.txt` opens the window. (A file that is
itself called "parse" is opened as `./parse`.) Every module is imported only by the
command that needs it: `parse` imports no Qt and nothing slow, so a script can run it
over a folder of readouts quickly.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from readout_browser import __version__
from readout_browser.errors import printable

PROG = "readout-browser"
COMMANDS = ("parse", "export", "import", "search")
FORMATS = ("json", "text")
EXIT_OK, EXIT_FAILED, EXIT_UNREADABLE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command line; the process exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args[:2] == ["parse", "--jsonl"]:
            return _library_command("parse-jsonl", args[2:])
        if args and args[0] in ("import", "search"):
            return _library_command(args[0], args[1:])
        if args and args[0] == "parse":
            return _parse_command(args[1:])
        if args and args[0] == "export":
            return _export_command(args[1:])
        return _window_command(args)
    except SystemExit as e:  # argparse's --help, --version and usage errors
        return e.code if isinstance(e.code, int) else EXIT_UNREADABLE
    except BrokenPipeError:  # `readout-browser parse ... | head` closed our output early
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _library_command(name: str, args: list[str]) -> int:
    """The library's commands (`library.commands`): import, search, and parse --jsonl."""
    from readout_browser.library import commands

    if name == "parse-jsonl":
        p = argparse.ArgumentParser(prog=f"{PROG} parse --jsonl", description=commands.parse_jsonl.__doc__)
        p.add_argument("source", metavar="IN", help="JSON Lines of readouts ('-': stdin)")
        p.add_argument("target", metavar="OUT", nargs="?", help="where readout/1 lines go (default: stdout)")
        ns = p.parse_args(args)
        return commands.parse_jsonl(ns.source, ns.target)
    return commands.import_command(args) if name == "import" else commands.search_command(args)


def _window_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG,
        description="Browse diplomatic readouts: topics, who said what, and who pledged what.",
        epilog=(
            "commands:\n"
            f"  {PROG} parse FILE... [--format json|text]   print what was found in each readout\n"
            f"  {PROG} export FILE... [--pdf OUT.pdf] [--csv DIR] [--json OUT.json]\n"
            f"  {PROG} import PATH... [--library PATH]       add readouts to your library\n"
            f"  {PROG} search QUERY [--library PATH]         search the whole library\n"
            f"Run '{PROG} parse --help' or '{PROG} export --help' for their options."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="readouts to open (text, saved web page or JSON)")
    p.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    p.add_argument("--library", metavar="PATH", help="the library to open (default: your data folder's)")
    once = p.add_mutually_exclusive_group()
    once.add_argument("--install-desktop", action="store_true", help="add the app to the applications menu")
    once.add_argument("--uninstall-desktop", action="store_true", help="remove what --install-desktop added")
    return p


def _window_command(args: list[str]) -> int:
    ns = _window_parser().parse_args(args)
    if ns.library:  # the window's library controller reads it (`library.default_library_path`)
        os.environ["READOUT_BROWSER_LIBRARY"] = os.path.abspath(ns.library)
    if ns.install_desktop or ns.uninstall_desktop:
        if ns.files:
            _error("--install-desktop and --uninstall-desktop take no files")
            return EXIT_UNREADABLE
        return _desktop_command(install=ns.install_desktop)
    try:
        from readout_browser.ui.app import run  # Qt: imported only to open the window
    except ImportError as e:
        # No usable Qt here (a server without its libraries, say): show what the window would.
        _error(f"the window cannot open ({e}); printing a summary instead")
        from readout_browser.paths import default_seed

        return _parse_files(ns.files or [str(default_seed())], "text")
    return run(ns.files)


def _parse_command(args: list[str]) -> int:
    p = argparse.ArgumentParser(
        prog=f"{PROG} parse",
        description=(
            "Parse readouts and print what was found: one readout/1 JSON object per file "
            "(a JSON array for several files), or a readable summary."
        ),
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="text, saved web page (.html) or readout/1 JSON")
    p.add_argument("-f", "--format", choices=FORMATS, default="json", help="json (the default) or text")
    ns = p.parse_args(args)
    return _parse_files(ns.files, ns.format)


def _parse_files(files: list[str], fmt: str) -> int:
    """Parse every file, print the ones that could be read, and name on stderr the ones that could not."""
    from readout_browser.errors import ReadoutError
    from readout_browser.parse.pipeline import parse_file

    readouts = []
    status = EXIT_OK
    for path in files:
        try:
            readouts.append(parse_file(path))
        except ReadoutError as e:
            _error(str(e))
            status = EXIT_UNREADABLE
        except Exception as e:  # a fault in the parser must not stop the other files
            failure = f"{type(e).__name__}: {e}"
            _error(f"{shown(path)}: the parser failed on this file ({failure}); please report it")
            status = EXIT_UNREADABLE
    _use_utf8(sys.stdout)
    if fmt == "json":
        import json

        from readout_browser import jsonform

        if len(files) == 1:
            if readouts:
                sys.stdout.write(jsonform.dumps(readouts[0]) + "\n")
        else:
            array = [jsonform.to_dict(r) for r in readouts]
            sys.stdout.write(json.dumps(array, ensure_ascii=False, indent=2) + "\n")
    else:
        from readout_browser.summary import render

        text = ("\n" + "─" * 100 + "\n\n").join(render(r) for r in readouts)
        sys.stdout.write(printable(text, keep="\n\t"))
    sys.stdout.flush()
    return status


def _export_command(args: list[str]) -> int:
    p = argparse.ArgumentParser(
        prog=f"{PROG} export",
        description="Write a readout's report as PDF, its tables as CSV, or the readout as readout/1 JSON.",
    )
    p.add_argument("file", nargs="+", metavar="FILE", help="text, saved web page (.html) or readout/1 JSON")
    p.add_argument("--pdf", metavar="OUT.pdf", help="the printable report (of one readout)")
    p.add_argument("--csv", metavar="DIR", help="a folder for the tables (of one or more readouts)")
    p.add_argument("--json", metavar="OUT.json", help="the parsed readout in the readout/1 form")
    p.add_argument("--currency", metavar="CODE", help="the currency pledges are converted to (default EUR)")
    p.add_argument("--filter", metavar="QUERY", help="keep in the PDF and CSV only what this search keeps")
    ns = p.parse_args(args)
    try:
        from readout_browser.export import cli_export
    except ImportError as e:
        if (e.name or "").startswith("readout_browser.export"):
            _error("export is not available in this installation (readout_browser.export is missing)")
        else:
            _error(f"export cannot run here ({e})")
        return EXIT_UNREADABLE
    from readout_browser.errors import ReadoutError

    try:
        return int(cli_export(ns) or EXIT_OK)
    except ReadoutError as e:  # the file to export could not be read
        _error(str(e))
        return EXIT_UNREADABLE


def _desktop_command(install: bool) -> int:
    try:
        from readout_browser import desktop_integration
    except ImportError as e:
        _error(f"desktop integration is not available in this installation ({e})")
        return EXIT_UNREADABLE
    try:
        files = desktop_integration.install() if install else desktop_integration.uninstall()
    except OSError as e:
        _error(str(e))
        return EXIT_FAILED
    files = list(files or ())
    if install:
        print(f"Readout Browser is now in your applications menu ({len(files)} files written):")
    elif files:
        print(f"Removed Readout Browser from your applications menu ({len(files)} files removed):")
    else:
        print("Nothing to remove: Readout Browser was not installed in your applications menu.")
    for f in files:
        print(f"  {f}")
    return EXIT_OK


def _error(message: str) -> None:
    _use_utf8(sys.stderr)
    print(f"{PROG}: {printable(message)}", file=sys.stderr)


def shown(path: str | os.PathLike[str] | bytes) -> str:
    """A file name as the user reads it: decoded as the file system does, never failing."""
    return printable(os.fsdecode(path))


def _use_utf8(stream: object) -> None:
    """Readouts are full of typographic quotes: write them even where the locale's encoding cannot.

    A file name that is not UTF-8 reaches Python with lone surrogates; they are written escaped
    rather than failing the whole command.
    """
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8", errors="backslashreplace")
