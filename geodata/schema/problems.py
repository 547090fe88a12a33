"""The Problem record that every dataset check reports, and how problems are printed."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# file name -> what one record of it is called in messages
RECORD_NOUN = {
    "nodes.geojson": "node",
    "segments.geojson": "segment",
    "agreements.json": "agreement",
    "corridors.json": "corridor",
    "sources.json": "source",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a dataset.

    file:   the dataset file, e.g. "segments.geojson"
    record: the record's id, "#N" (1-based position) when it has no usable id, or None for a
            problem with the file as a whole
    field:  the property concerned ("gauge_mm", "dates.signed", "geometry"), or None
    message: plain English, specific, without the location (str() adds it)
    """

    file: str
    record: str | None
    field: str | None
    message: str

    @property
    def where(self) -> str:
        parts = []
        if self.record is not None:
            noun = RECORD_NOUN.get(self.file, "record")
            parts.append(f"{noun} {self.record}" if self.record.startswith("#") else f"{noun} '{self.record}'")
        if self.field:
            parts.append(f"field '{self.field}'")
        return f"{self.file}: {', '.join(parts)}" if parts else self.file

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def format_problems(problems: Iterable[Problem], *, limit: int | None = None) -> str:
    """One line per problem, in the order found; with `limit`, the rest are summarised."""
    problems = list(problems)
    if not problems:
        return "No problems found."
    shown = problems if limit is None else problems[:limit]
    lines = [str(p) for p in shown]
    if len(problems) > len(shown):
        lines.append(f"... and {len(problems) - len(shown)} more problems")
    return "\n".join(lines)
