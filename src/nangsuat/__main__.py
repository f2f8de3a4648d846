"""Command-line entry point: ``nangsuat <command>`` or ``python -m nangsuat <command>``.

Every Django management command is available; hyphenated names are accepted too
(``nangsuat create-token officer`` runs ``create_token``). ``serve`` runs the production web server,
gunicorn, configured from the environment (``gunicorn_options``); further arguments go to gunicorn.
"""

import os
import sys


def gunicorn_options(environ: dict[str, str]) -> list[str]:
    """gunicorn's options: ``NANGSUAT_BIND`` (127.0.0.1:8000, behind the reverse proxy),
    ``WEB_CONCURRENCY`` workers (2 × cores + 1), ``WEB_TIMEOUT`` seconds a request may take (60),
    ``FORWARDED_ALLOW_IPS`` the proxies whose X-Forwarded-* headers count (127.0.0.1)."""
    workers = environ.get("WEB_CONCURRENCY") or str(2 * (os.cpu_count() or 1) + 1)
    return [
        "--bind",
        environ.get("NANGSUAT_BIND", "127.0.0.1:8000"),
        "--workers",
        workers,
        "--timeout",
        environ.get("WEB_TIMEOUT", "60"),
        "--graceful-timeout",
        "30",
        "--forwarded-allow-ips",
        environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        "--access-logfile",
        "-",
        "--max-requests",
        "2000",  # a worker is replaced now and then, so a slow leak never grows for ever
        "--max-requests-jitter",
        "200",
    ]


def serve(extra: list[str]) -> None:
    from gunicorn.app.wsgiapp import run  # the server, loaded only by the command that starts it

    sys.argv = ["nangsuat serve", *gunicorn_options(dict(os.environ)), *extra, "nangsuat.wsgi:application"]
    run()


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nangsuat.settings")
    if len(argv) > 1:
        if argv[1] == "serve":
            serve(argv[2:])
            return
        if not argv[1].startswith("-"):
            argv[1] = argv[1].replace("-", "_")
    argv[0] = "nangsuat"
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
