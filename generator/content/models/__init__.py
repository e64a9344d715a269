"""Strict, frozen content models: unit, pathway, outcome, provider, recognition, demand."""

from __future__ import annotations

from generator.content.models.base import Model, Text
from generator.content.models.demand import Demand, DemandedSkill
from generator.content.models.esco import EscoOccupation, EscoSkill, OtherSkill
from generator.content.models.outcome import Outcome
from generator.content.models.pathway import Pathway, PathwayCredential, Stage
from generator.content.models.price import Price
from generator.content.models.prior_learning import PriorLearning
from generator.content.models.provider import Accreditation, Provider
from generator.content.models.recognition import Recognition
from generator.content.models.unit import (
    Assessment,
    Credential,
    Material,
    Place,
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
    "Demand",
    "DemandedSkill",
    "EscoOccupation",
    "EscoSkill",
    "Material",
    "Model",
    "OtherSkill",
    "Outcome",
    "Pathway",
    "PathwayCredential",
    "Place",
    "Price",
    "PriorLearning",
    "Provider",
    "QualityAssurance",
    "Recognition",
    "Session",
    "StackTarget",
    "Stackability",
    "Stage",
    "Text",
    "Unit",
    "Workload",
]
