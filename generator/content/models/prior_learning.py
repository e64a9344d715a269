"""Recognition of prior learning: earning a unit's credential by assessment alone."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from generator.content.models.base import Model, Text, Url, unique
from generator.content.models.price import Price

EVIDENCE = {
    "portfolio": "Portfolio of your work",
    "work-samples": "Samples of work you did",
    "certificates": "Certificates and training records",
    "employer-statement": "Statement from an employer",
    "interview": "Interview",
    "practical-demonstration": "Practical demonstration",
    "self-assessment": "Self-assessment",
}
"""Kinds of evidence of prior learning, with how learners read them."""
Evidence = Literal["portfolio", "work-samples", "certificates", "employer-statement",
                   "interview", "practical-demonstration", "self-assessment"]


class PriorLearning(Model):
    """The assessment-only route for people who already have the unit's outcomes."""

    offered: bool = Field(description="true when experienced people can be assessed without "
                                      "taking the course")
    fee: Price | None = Field(default=None,
                              description="needed when offered: what the assessment "
                                          "costs, 0 or free, or {amount, currency}")
    evidence: Annotated[list[Evidence], AfterValidator(unique)] = Field(
        default_factory=list, description="needed when offered: the evidence you accept")
    how_to_apply: Text | None = Field(default=None, description="needed when offered: how "
                                                                "a candidate applies")
    apply_url: Url | None = Field(default=None, description="page where candidates apply")
    assessor: Text | None = Field(default=None, description="needed when offered: who "
                                                            "assesses the candidate")
    grants: Literal["full", "exemption"] | None = Field(
        default=None, description="needed when offered: full (the whole credential) or "
                                  "exemption (from parts of the unit)")
    exemption: Text | None = Field(default=None, description="with `grants: exemption`: "
                                                             "the parts a candidate is spared")

    @model_validator(mode="before")
    @classmethod
    def _not_offered(cls, value: Any) -> Any:
        if value is False:  # `prior_learning: false` says the same as `offered: false`
            return {"offered": False}
        return value

    @model_validator(mode="after")
    def _complete_when_offered(self) -> PriorLearning:
        if not self.offered:
            return self
        missing = [name for name in ("fee", "how_to_apply", "assessor", "grants")
                   if getattr(self, name) is None] + (["evidence"] if not self.evidence else [])
        if missing:
            raise PydanticCustomError(
                "prior_learning", "an offered assessment-only route says {missing} too",
                {"missing": ", ".join(f"`{name}`" for name in missing)})
        if (self.grants == "exemption") != (self.exemption is not None):
            raise PydanticCustomError(
                "prior_learning", "`exemption` says which parts are spared: give it with "
                                  "`grants: exemption`, and only then")
        return self
