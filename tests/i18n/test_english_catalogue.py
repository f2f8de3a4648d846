"""Every text the product marks for translation has its English, so the English pages never fall back to
Vietnamese: the Python sources (``_``, ``gettext``, ``gettext_lazy`` and their aliases, with a literal)
and the templates' ``{% translate "…" %}`` are read and looked up in the English catalogue."""

import ast
import re
from pathlib import Path

import polib

SRC = Path(__file__).resolve().parents[2] / "src" / "nangsuat"
CATALOGUE = SRC / "locale" / "en" / "LC_MESSAGES" / "django.po"
FUNCTIONS = {"_", "_lazy", "gettext", "gettext_lazy", "gettext_noop", "_noop"}
TRANSLATE_TAG = re.compile(
    r"""{%\s*translate\s+(["'])(.*?)\1\s*(?:context\s+(["'])(.*?)\3\s*)?(?:as\s+\w+\s*)?%}"""
)


def python_texts() -> dict[tuple[str | None, str], str]:
    found = {}
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in FUNCTIONS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found[(None, node.args[0].value)] = f"{path.relative_to(SRC)}:{node.lineno}"
    return found


def template_texts() -> dict[tuple[str | None, str], str]:
    found = {}
    for path in SRC.rglob("*.html"):
        for match in TRANSLATE_TAG.finditer(path.read_text(encoding="utf-8")):
            found[(match.group(4), match.group(2))] = str(path.relative_to(SRC))
    return found


def test_every_marked_text_has_its_english():
    catalogue = {
        (e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(CATALOGUE)) if "fuzzy" not in e.flags
    }
    marked = {**template_texts(), **python_texts()}
    assert len(marked) > 1000  # the reader finds the marked texts
    missing = {key: where for key, where in marked.items() if key[1].strip() and not catalogue.get(key)}
    assert not missing, "\n".join(
        f"{where}: {key[1]}" + (f" (context {key[0]})" if key[0] else "")
        for key, where in sorted(missing.items(), key=lambda i: i[1])
    )
