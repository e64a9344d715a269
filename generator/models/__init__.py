"""Strict, frozen content models: unit, outcome, provider."""

from __future__ import annotations

from .base import Model, Text
from .esco import EscoOccupation, EscoSkill, OtherSkill
from .outcome import Outcome
from .provider import Accreditation, Provider
from .unit import (
    Assessment,
    Material,
    Place,
    Price,
    QualityAssurance,
    Session,
    Stackability,
    StackTarget,
    Unit,
    Workload,
)

__all__ = [
    "Accreditation",
    "Assessment",
    "EscoOccupation",
    "EscoSkill",
    "Material",
    "Model",
    "OtherSkill",
    "Outcome",
    "Place",
    "Price",
    "Provider",
    "QualityAssurance",
    "Session",
    "StackTarget",
    "Stackability",
    "Text",
    "Unit",
    "Workload",
]
