"""A partner's statement that it recognises units of the catalogue, and for what."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from generator.content.models.base import ContentModel, Id, Language, Model, Text, Url, code
from generator.content.models.esco import EscoOccupation

PARTNER_TYPES = {
    "employer": "Employer",
    "chamber": "Chamber of commerce, industry or crafts",
    "education-provider": "School, college or university",
    "public-authority": "Public authority",
    "sector-body": "Sector or professional body",
    "other": "Other organisation",
}
PartnerType = Literal["employer", "chamber", "education-provider", "public-authority",
                      "sector-body", "other"]
PURPOSES = {"role": "for a role", "exemption": "for an exemption", "credits": "for credits"}


class Partner(Model):
    """The organisation that recognises the units."""

    name: Text = Field(description="legal name of the recognising organisation")
    type: PartnerType = Field(description="what kind of organisation it is")
    country: code("countries") = Field(  # type: ignore[valid-type]  # code(): a type made at run time
        description="ISO 3166 two-letter country code, e.g. AT")
    city: str = Field(min_length=1, description="city of its registered office")
    homepage: Url = Field(description="the organisation's website")
    provider: Id | None = Field(default=None,
                                description="its provider id, if it offers units here too")


class Statement(Model):
    """One unit recognised for one purpose: a role, an exemption, or credits."""

    unit: Id = Field(description="id of the unit recognised")
    recognised_for: Literal["role", "exemption", "credits"] = Field(
        description="role: the partner accepts it for a job or role; exemption: it spares "
                    "part of the partner's own programme; credits: the partner counts credits")
    details: Text = Field(description="which role, which exemption, or credits towards what")
    occupation: EscoOccupation | None = Field(
        default=None, description="with `recognised_for: role`: the ESCO occupation")
    ects: Annotated[Decimal, Field(gt=0, le=60, decimal_places=1)] | None = Field(
        default=None, description="with `recognised_for: credits`: the ECTS credits counted")

    @model_validator(mode="after")
    def _fits_the_purpose(self) -> Statement:
        if (self.recognised_for == "credits") != (self.ects is not None):
            raise PydanticCustomError(
                "recognition", "`ects` gives the credits counted: give it with "
                               "`recognised_for: credits`, and only then")
        if self.occupation is not None and self.recognised_for != "role":
            raise PydanticCustomError(
                "recognition", "`occupation` names the role: give it only with "
                               "`recognised_for: role`")
        return self


class Recognition(ContentModel):
    """A partner's recognition statement: one YAML file in content/recognitions/."""

    default_language: Language = Field(
        default="en", description="language of texts written without a language map")
    partner: Partner = Field(description="who recognises the units")
    declared: dt.date = Field(description="when the partner made the statement, YYYY-MM-DD")
    evidence_url: Url | None = Field(
        default=None, description="public page of the agreement or statement, if any")
    statements: Annotated[list[Statement], Field(min_length=1, max_length=200)] = Field(
        description="the units recognised, each for one purpose")
