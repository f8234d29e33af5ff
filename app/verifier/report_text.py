"""A verification report as plain text and as a self-contained HTML page."""

from __future__ import annotations

import html
from datetime import UTC, datetime

from app.verifier.findings import Outcome, Report

_WORD = {Outcome.PASS: "PASS", Outcome.FAIL: "FAIL", Outcome.NOTE: "NOTE"}


def verdict(report: Report) -> str:
    if not report.ok:
        return "NOT VERIFIED: see the failures above."
    if report.unvouched:
        return (f"VERIFIED: every check passed, for the files a seal vouches for; "
                f"{len(report.unvouched)} other file(s) here were not verified and prove "
                f"nothing: {', '.join(report.unvouched)}.")
    return "VERIFIED: every check passed."


def as_text(report: Report, version: str) -> str:
    lines = [f"bwv-verify {version}: {report.target}"]
    lines += [f"{_WORD[f.outcome]}  {f.subject}: {f.message}" for f in report.findings]
    lines.append(verdict(report))
    return "\n".join(lines) + "\n"


def as_html(report: Report, version: str) -> str:
    colour = {Outcome.PASS: "#1b5e20", Outcome.FAIL: "#b71c1c", Outcome.NOTE: "#37474f"}
    rows = "".join(
        f"<tr><td style='color:{colour[f.outcome]};font-weight:bold'>{_WORD[f.outcome]}</td>"
        f"<td>{html.escape(f.subject)}</td><td>{html.escape(f.message)}</td></tr>"
        for f in report.findings)
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            "<title>BWV Studio verification report</title><style>body{font-family:sans-serif;"
            "margin:2em}td{border-bottom:1px solid #ccc;padding:4px 8px;vertical-align:top}"
            "</style></head><body><h1>Verification report</h1>"
            f"<p>Checked: <code>{html.escape(report.target)}</code><br>By bwv-verify "
            f"{html.escape(version)}, {when}, with no access to the force's database.</p>"
            f"<table>{rows}</table><h2>{html.escape(verdict(report))}</h2>"
            "<p>What each check means: docs/VERIFYING.md of BWV Studio.</p></body></html>\n")
