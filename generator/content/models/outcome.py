"""A learning outcome: what a learner can do after a unit; reusable by many units."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from generator.content.models.base import ContentModel, Language, Text, code, unique
from generator.content.models.esco import EscoSkill, OtherSkill


class Outcome(ContentModel):
    """One learning outcome (EU Recommendation: "learning outcomes")."""

    default_language: Language = Field(
        default="en", description="language of texts written without a language map"
    )
    title: Text = Field(description="short label, e.g. 'Espresso extraction'")
    statement: Text = Field(description="what the learner can do: 'The learner can ...'")
    category: code("outcome_categories") = Field(  # type: ignore[valid-type]  # code(): a type made at run time
        description="knowledge, skill or responsibility-autonomy (the three EQF columns)"
    )
    eqf_level: code("eqf_levels") | None = Field(  # type: ignore[valid-type]  # code(): a type made at run time
        default=None, description="EQF level of this outcome, if it differs from the unit's"
    )
    reuse_level: code("reuse_levels") | None = Field(  # type: ignore[valid-type]  # code(): a type made at run time
        default=None, description="how widely the skill transfers (ESCO reuse level)"
    )
    esco_skills: Annotated[list[EscoSkill], AfterValidator(unique)] = Field(
        default_factory=list, description="related ESCO skills (URI, label filled in for you)"
    )
    other_skills: list[OtherSkill] = Field(
        default_factory=list, description="related skills in other frameworks"
    )
    assessment_criteria: list[Text] = Field(
        default_factory=list, description="how achievement of this outcome is judged"
    )
