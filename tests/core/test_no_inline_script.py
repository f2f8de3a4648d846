"""The Content-Security-Policy allows scripts from our own files only: no template may carry an inline
script or an inline event handler, which the browser would refuse (and the feature would silently die)."""

import re
from pathlib import Path

import nangsuat

TEMPLATES = sorted(Path(nangsuat.__file__).parent.rglob("templates/**/*.html"))
INLINE_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.IGNORECASE)


def test_templates_carry_no_inline_event_handler():
    found = [f"{p}: {m.group(0)[:80]}" for p in TEMPLATES for m in INLINE_HANDLER.finditer(p.read_text())]
    assert found == []


def test_every_script_is_loaded_from_a_file():
    found = [
        f"{p}: {m.group(0)}"
        for p in TEMPLATES
        for m in SCRIPT_TAG.finditer(p.read_text())
        if "src=" not in m.group(0)
    ]
    assert TEMPLATES and found == []
