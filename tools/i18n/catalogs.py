"""The interface catalogues: extract the marked strings, update the .po files, compile the .mo.

    .venv/bin/python tools/i18n/catalogs.py            # update resources/i18n/*.po, compile *.mo
    .venv/bin/python tools/i18n/catalogs.py --check    # exit 1 if a string lacks a translation

A string is marked with _("..."), N_("...") or translate("...") (geodata.i18n) in the files
of SOURCES; in gui/ also as the literal text of the Qt calls in QT_KEYWORDS (like xgettext's
--keyword), because gui/language.py re-translates those widgets at the GUI edge. Only plain
string literals count (an f-string is never a message: use _("... {name}").format(name=...)).
New messages get an empty translation (the test then fails until someone translates them);
messages no longer in the code are dropped. The .mo files are written by our own small
compiler (the GNU .mo format), so no gettext tools need to be installed.
"""
from __future__ import annotations

import argparse
import ast
import struct
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "resources" / "i18n"
LANGS = ("ru", "kk", "ur")
DOMAIN = "corridor_atlas"

# The modules whose texts are translated (others opt in by being listed here).
SOURCES = [
    "geodata/i18n.py",
    "layers/styles.py", "layers/catalog.py", "layers/composition.py", "layers/html_export.py",
    "layers/pptx_export.py", "layers/html_popups.py", "layers/export_sizes.py", "layers/views.py",
    "gui/main_window.py", "gui/language.py", "gui/layer_panel.py", "gui/feature_panel.py", "gui/views_panel.py",
    "gui/search_box.py", "gui/export_dialog.py", "gui/route_panel.py", "gui/route_report.py", "gui/place_field.py",
    "gui/edit_form.py", "gui/edit_session.py",
    "gui/exporting.py", "gui/export_job.py", "gui/user_data.py", "layers/user_layers.py",
]
MARKERS = {"_": (0,), "N_": (0,), "translate": (0,)}
# Qt calls whose literal text is a message (argument positions).
QT_KEYWORDS = {"_action": (0, 3), "addMenu": (0,), "_dock": (1,), "QToolBar": (0,), "QPushButton": (0,),
               "QLabel": (0,), "QCheckBox": (0,), "QGroupBox": (0,), "setPlaceholderText": (0,),
               "setWindowTitle": (0,), "QAction": (0,)}
HEADER = {"ru": "Russian", "kk": "Kazakh", "ur": "Urdu"}


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def extract(sources=SOURCES) -> dict[str, list[str]]:
    """msgid -> ["file:line", ...], in the order first met."""
    found: dict[str, list[str]] = {}
    for rel in sources:
        path = REPO / rel
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
        keywords = dict(MARKERS)
        if rel.startswith("gui/"):
            keywords.update(QT_KEYWORDS)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            positions = keywords.get(_name(node.func) or "")
            if not positions:
                continue
            for i in positions:
                if i < len(node.args):
                    arg = node.args[i]
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value.strip():
                        found.setdefault(arg.value, []).append(f"{rel}:{node.lineno}")
    return dict(sorted(found.items(), key=lambda kv: (kv[1][0].split(":")[0], int(kv[1][0].split(":")[1]))))


# ----- .po reading and writing ------------------------------------------------------------------------
def _unquote(s: str) -> str:
    return ast.literal_eval(s)


def read_po(path: Path) -> dict[str, str]:
    """msgid -> msgstr of a .po file as this tool writes it (no plurals, no contexts)."""
    out: dict[str, str] = {}
    if not path.exists():
        return out
    msgid = msgstr = None
    target = None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if line.startswith("msgid "):
            if msgid is not None:
                out[msgid] = msgstr or ""
            msgid, msgstr, target = _unquote(line[6:]), None, "id"
        elif line.startswith("msgstr "):
            msgstr, target = _unquote(line[7:]), "str"
        elif line.startswith('"'):
            if target == "id":
                msgid += _unquote(line)
            elif target == "str":
                msgstr += _unquote(line)
        elif not line:
            if msgid is not None:
                out[msgid] = msgstr or ""
            msgid = msgstr = target = None
    out.pop("", None)
    return out


def _quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def write_po(path: Path, lang: str, messages: dict[str, list[str]], translations: dict[str, str]) -> None:
    lines = [
        f"# Corridor Atlas interface, {HEADER[lang]}. Edit the msgstr lines; run tools/i18n/catalogs.py.",
        'msgid ""',
        'msgstr ""',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        f'"Language: {lang}\\n"',
        "",
    ]
    for msgid, refs in messages.items():
        lines.append("#: " + " ".join(refs[:4]))
        if "{" in msgid:
            lines.append("#, python-brace-format")
        lines.append(f"msgid {_quote(msgid)}")
        lines.append(f"msgstr {_quote(translations.get(msgid, ''))}")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def write_mo(path: Path, lang: str, translations: dict[str, str]) -> None:
    """The GNU .mo format: header, two tables of (length, offset), then the strings."""
    entries = {"": f"Content-Type: text/plain; charset=UTF-8\nLanguage: {lang}\n"}
    entries.update({k: v for k, v in translations.items() if v})
    keys = sorted(entries)
    ids = b""
    strs = b""
    offsets = []
    for k in keys:
        kb, vb = k.encode("utf-8"), entries[k].encode("utf-8")
        offsets.append((len(ids), len(kb), len(strs), len(vb)))
        ids += kb + b"\0"
        strs += vb + b"\0"
    n = len(keys)
    start_ids = 7 * 4
    start_strs = start_ids + n * 8
    data_start = start_strs + n * 8
    id_table = b"".join(struct.pack("<II", length, data_start + off) for off, length, _o, _l in offsets)
    str_base = data_start + len(ids)
    str_table = b"".join(struct.pack("<II", length, str_base + off) for _i, _l, off, length in offsets)
    header = struct.pack("<7I", 0x950412DE, 0, n, start_ids, start_strs, 0, 0)
    path.write_bytes(header + id_table + str_table + ids + strs)


def missing(messages=None) -> dict[str, list[str]]:
    """lang -> messages without a translation in resources/i18n/<lang>.po."""
    messages = messages if messages is not None else extract()
    out = {}
    for lang in LANGS:
        have = read_po(OUT / f"{lang}.po")
        out[lang] = [m for m in messages if not have.get(m)]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only report messages without a translation")
    args = ap.parse_args(argv)
    messages = extract()
    gaps = missing(messages)
    if args.check:
        for lang, items in gaps.items():
            for m in items:
                print(f"{lang}: no translation for {m!r}")
        return 1 if any(gaps.values()) else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        have = read_po(OUT / f"{lang}.po")
        write_po(OUT / f"{lang}.po", lang, messages, have)
        write_mo(OUT / f"{lang}.mo", lang, {m: have.get(m, "") for m in messages})
        print(f"{lang}: {sum(1 for m in messages if have.get(m))}/{len(messages)} translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
