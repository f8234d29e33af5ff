"""Qt translation catalogues of the app (translations/*.ts), kept with pyside6-lupdate.

    python tools/translations.py update        # rescan app/ui, add new strings to every .ts
    python tools/translations.py check         # fail when a .ts is stale (CI, tools/dev lint)
    python tools/translations.py build OUTDIR  # compile .ts -> .qm (build output, not committed)

The English catalogue has no translations (the source strings are English); it exists so
that plural forms ("%n day(s)") read properly in English. Welsh is ``cy``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "translations"
LANGUAGES = ("en", "cy")
PREFIX = "bwv_studio"


def _tool(name: str) -> str:
    scripts = Path(sys.executable).parent
    found = next((str(scripts / n) for n in (name, name + ".exe") if (scripts / n).exists()),
                 None) or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6; run tools/dev setup).")
    return found


def sources() -> list[str]:
    """The UI's modules, and the core's modules that declare translatable messages
    (``QT_TRANSLATE_NOOP``, see app/core/errors.py)."""
    core = [p for p in (ROOT / "app" / "core").rglob("*.py")
            if "QT_TRANSLATE_NOOP(" in p.read_text(encoding="utf-8")
            and p.name != "errors.py"]
    ui = list((ROOT / "app" / "ui").rglob("*.py"))
    return sorted(str(p.relative_to(ROOT)) for p in ui + core)


def ts_path(lang: str) -> Path:
    return TS_DIR / f"{PREFIX}_{lang}.ts"


def lupdate(targets: list[Path]) -> None:
    cmd = [_tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
           "-ts", *[str(t) for t in targets]]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True)


def messages(path: Path) -> set[tuple[str, str]]:
    """(context, source) of every live message in a .ts file."""
    tree = ET.parse(path)
    found = set()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            found.add((name, message.findtext("source") or ""))
    return found


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def english_plurals(path: Path) -> None:
    """Fill the English plural forms of "%n day(s)" messages: "%n day" / "%n days"."""
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if message.get("numerus") != "yes" or translation is None:
            continue
        if any((form.text or "").strip() for form in translation.iter("numerusform")):
            continue
        source = message.findtext("source") or ""
        for form in list(translation):
            translation.remove(form)
        for text in (source.replace("(s)", ""), source.replace("(s)", "s")):
            ET.SubElement(translation, "numerusform").text = text
        translation.attrib.pop("type", None)
    write_ts(tree, path)


def update() -> int:
    TS_DIR.mkdir(exist_ok=True)
    for lang in LANGUAGES:
        path = ts_path(lang)
        if not path.exists():
            path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                            f'<TS version="2.1" language="{lang}"></TS>\n', encoding="utf-8")
    lupdate([ts_path(lang) for lang in LANGUAGES])
    english_plurals(ts_path("en"))
    for lang in LANGUAGES:
        print(f"{ts_path(lang).relative_to(ROOT)}: {len(messages(ts_path(lang)))} strings")
    return 0


def check() -> int:
    """Fail when ``update`` would change a catalogue (a string added, changed, removed, a
    plural or a disambiguation changed), or when Welsh has untranslated strings."""
    with tempfile.TemporaryDirectory() as tmp:
        copies = []
        for lang in LANGUAGES:
            copy = Path(tmp) / ts_path(lang).name
            shutil.copyfile(ts_path(lang), copy)
            copies.append(copy)
        lupdate(copies)
        english_plurals(Path(tmp) / ts_path("en").name)
        stale = False
        for lang, copy in zip(LANGUAGES, copies, strict=True):
            now, then = messages(ts_path(lang)), messages(copy)
            if copy.read_bytes() != ts_path(lang).read_bytes():
                stale = True
                for context, source in sorted(then - now)[:20]:
                    print(f"{ts_path(lang).name}: missing [{context}] {source!r}")
                for context, source in sorted(now - then)[:20]:
                    print(f"{ts_path(lang).name}: no longer in the code [{context}] {source!r}")
                print(f"{ts_path(lang).name}: differs from what lupdate makes of the code")
        unfinished = ts_path("cy").read_text(encoding="utf-8").count('type="unfinished"')
    if stale:
        print("The translation catalogues are stale: run  python tools/translations.py update"
              "  and commit translations/ (then translate the new strings).")
        return 1
    if unfinished:
        print(f"bwv_studio_cy.ts: {unfinished} string(s) not translated into Welsh yet.")
        return 1
    print(f"Translation catalogues up to date ({len(messages(ts_path('en')))} strings).")
    return 0


def build(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        target = out / f"{PREFIX}_{lang}.qm"
        subprocess.run([_tool("pyside6-lrelease"), str(ts_path(lang)), "-qm", str(target)],
                       check=True, capture_output=True, text=True)
    print(f"Compiled {len(LANGUAGES)} catalogues into {out}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["update", "check", "build"])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "build" / "translations")
    args = parser.parse_args()
    if args.command == "update":
        return update()
    if args.command == "check":
        return check()
    return build(args.out)


if __name__ == "__main__":
    sys.exit(main())
