"""Data without Qt: reading, validating and measuring the corridor dataset."""
from pathlib import Path

BUILTIN_DATA = Path(__file__).resolve().parent / "data"
