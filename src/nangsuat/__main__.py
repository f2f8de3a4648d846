"""Command-line entry point: ``nangsuat <command>`` or ``python -m nangsuat <command>``.

Every Django management command is available; hyphenated names are accepted too
(``nangsuat create-token officer`` runs ``create_token``). ``serve`` runs the web server.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nangsuat.settings")
    if len(argv) > 1:
        if argv[1] == "serve":
            argv[1] = "runserver"
        elif not argv[1].startswith("-"):
            argv[1] = argv[1].replace("-", "_")
    argv[0] = "nangsuat"
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
