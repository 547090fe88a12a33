"""Dataset validation per docs/DATA.md: a whole folder, or one record for the edit form.

    problems = validate_dataset("geodata/data")      # [] when clean; never raises for bad data
    print(format_problems(problems))
    validate_segment(props, geometry, dataset)         # one record against a loaded Dataset
"""
from .folder import validate_dataset
from .problems import Problem, format_problems
from .records import (
    Refs, validate_agreement, validate_corridor, validate_node, validate_segment, validate_source,
)
from .rules import (
    AGREEMENT_KINDS, AGREEMENT_STATUSES, CONFIDENCES, GAUGES_MM, MODES, NODE_KINDS, SOURCE_KINDS, STATUSES,
)

__all__ = [
    "Problem", "format_problems", "validate_dataset", "Refs",
    "validate_node", "validate_segment", "validate_agreement", "validate_corridor", "validate_source",
    "NODE_KINDS", "MODES", "STATUSES", "GAUGES_MM", "CONFIDENCES", "AGREEMENT_KINDS", "AGREEMENT_STATUSES",
    "SOURCE_KINDS",
]
