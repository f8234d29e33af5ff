"""One line of a verification report, and the report."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Outcome(enum.StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NOTE = "note"  # a fact the reader should know; neither proof nor failure


@dataclass(frozen=True)
class Finding:
    outcome: Outcome
    subject: str  # the file (or part) checked
    message: str


@dataclass
class Report:
    target: str
    findings: list[Finding] = field(default_factory=list)
    roots: set[str] = field(default_factory=set)  # store root keys met (public key hex)
    vouched: set[str] = field(default_factory=set)  # file names a seal or checksums proved
    unvouched: list[str] = field(default_factory=list)  # files beside them nothing proved

    def add(self, outcome: Outcome, subject: str, message: str) -> None:
        self.findings.append(Finding(outcome, subject, message))

    def passed(self, subject: str, message: str) -> None:
        self.add(Outcome.PASS, subject, message)

    def failed(self, subject: str, message: str) -> None:
        self.add(Outcome.FAIL, subject, message)

    def note(self, subject: str, message: str) -> None:
        self.add(Outcome.NOTE, subject, message)

    @property
    def ok(self) -> bool:
        return bool(self.findings) and all(f.outcome is not Outcome.FAIL
                                           for f in self.findings)
