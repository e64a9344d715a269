"""A learning pathway: a larger credential built from units, stage by stage."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from generator.content.models.base import ContentModel, Id, Language, Model, Text, Url, code, unique

MAX_STAGES = 20
MAX_ITEMS = 50


class Stage(Model):
    """One step of a pathway: all of its units, or `choose` of them."""

    title: Text = Field(description="short name of the stage, e.g. 'Foundations'")
    units: Annotated[list[Id], Field(max_length=MAX_ITEMS), AfterValidator(unique)] = Field(
        default_factory=list, description="ids of the units of this stage")
    pathways: Annotated[list[Id], Field(max_length=MAX_ITEMS), AfterValidator(unique)] = Field(
        default_factory=list, description="ids of smaller pathways completed whole in this stage")
    choose: Annotated[int, Field(ge=1, le=MAX_ITEMS)] | None = Field(
        default=None,
        description="learners take this many of the stage's units and pathways; leave it "
                    "out when they take all of them")

    @model_validator(mode="after")
    def _rule_fits(self) -> Stage:
        count = len(self.units) + len(self.pathways)
        if count == 0:
            raise PydanticCustomError(
                "stage", "a stage lists at least one unit under `units` (or a pathway under "
                         "`pathways`)")
        if self.choose is not None and self.choose >= count:
            raise PydanticCustomError(
                "stage", "`choose: {choose}` with {count} to choose from means all of them: "
                         "leave `choose` out, or list more units",
                {"choose": self.choose, "count": count})
        return self

    @property
    def items(self) -> list[tuple[str, str]]:
        """(folder, id) of everything in the stage: units first, then pathways."""
        return [("units", uid) for uid in self.units] + [("pathways", pid) for pid in
                                                          self.pathways]

    @property
    def required(self) -> int:
        """How many of the stage's items a learner completes."""
        return self.choose if self.choose is not None else len(self.items)


class PathwayCredential(Model):
    """The credential a learner receives at the end of the pathway."""

    title: Text = Field(description="name of the credential, e.g. 'Certificate in café service'")
    description: Text | None = Field(default=None, description="what it certifies")
    url: Url | None = Field(default=None, description="public page about the credential")


class Pathway(ContentModel):
    """A pathway: micro-credentials that stack, stage by stage, into a larger credential."""

    default_language: Language = Field(
        default="en", description="language of texts written without a language map")
    title: Text = Field(description="title of the pathway")
    description: Text = Field(description="one plain-text paragraph: what it leads to, for whom")
    eqf_level: code("eqf_levels") = Field(  # type: ignore[valid-type]  # code(): a type made at run time
        description="EQF level 1-8 of the credential at the end")
    awarding_body: Id = Field(description="id of the provider that awards the final credential")
    credential: PathwayCredential = Field(description="the credential received at the end")
    stages: Annotated[list[Stage], Field(min_length=1, max_length=MAX_STAGES)] = Field(
        description="the stages, in the order learners take them")
    ects: Annotated[Decimal, Field(gt=0, le=600, decimal_places=1)] | None = Field(
        default=None, description="total ECTS credits; computed from the units and checked")
    hours: Annotated[Decimal, Field(gt=0, le=20_000, decimal_places=1)] | None = Field(
        default=None, description="total notional hours; computed from the units and checked")
    homepage: Url | None = Field(default=None, description="the pathway's page on your website")
