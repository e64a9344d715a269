"""Strict, frozen content models: unit, outcome, provider."""

from __future__ import annotations

from generator.content.models.base import Model, Text
from generator.content.models.esco import EscoOccupation, EscoSkill, OtherSkill
from generator.content.models.outcome import Outcome
from generator.content.models.provider import Accreditation, Provider
from generator.content.models.unit import (
    Assessment,
    Credential,
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
    "Credential",
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
