"""The names besides the requester's that a case's speech is searched for, as stored (kept by
``casework.cases.set_names_to_find``): only strings are names, and a value edited into the
column by hand that is not a list of them reads as the names it holds, or none."""

from __future__ import annotations

from app.core.store.models import Case


def names_to_find(case: Case) -> list[str]:
    """The case's kept names to find, in their order."""
    stored = case.names_to_find
    if not isinstance(stored, list):
        return []
    return [name for name in stored if isinstance(name, str) and name.strip()]
