"""A micro-credential offer, with every element of the EU Council Recommendation (2022)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

from generator.content.models.base import ContentModel, Id, Language, Model, Text, Url, code, unique
from generator.content.models.esco import EscoOccupation
from generator.content.models.price import Price
from generator.content.models.prior_learning import PriorLearning

MAX_HOURS = 3000  # far beyond any micro-credential (60 ECTS is about 1,800 hours)


class Workload(Model):
    """Notional learning time (EU element: "notional workload", ECTS where possible)."""

    hours: Annotated[Decimal, Field(gt=0, le=MAX_HOURS, decimal_places=1)] = Field(
        description="total notional learning hours (teaching, practice and self-study)"
    )
    ects: Annotated[Decimal, Field(gt=0, le=60, decimal_places=1)] | None = Field(
        default=None, description="ECTS credits (1 ECTS = 25-30 hours)"
    )
    ecvet: Annotated[Decimal, Field(gt=0, le=60, decimal_places=1)] | None = Field(
        default=None, description="ECVET points, where your system still uses them"
    )


class Assessment(Model):
    """How learning is assessed (EU elements: type of assessment; supervision, ID check)."""

    methods: Annotated[
        list[code("assessment_methods")], Field(min_length=1), AfterValidator(unique)  # type: ignore[valid-type]  # code(): a type made at run time
    ] = Field(description="one or more assessment methods")
    description: Text = Field(description="what the learner does to be assessed, in plain words")
    supervision: code("supervision") | None = Field(  # type: ignore[valid-type]  # code(): a type made at run time
        default=None,
        description="supervision and identity verification during assessment",
    )


class QualityAssurance(Model):
    """EU element: type of quality assurance used to underpin the micro-credential."""

    description: Text = Field(description="the internal and external quality assurance")
    accreditation: str | None = Field(
        default=None, description="name of the accreditation or quality label, if any"
    )
    url: Url | None = Field(default=None, description="public page about it")

    @model_validator(mode="before")
    @classmethod
    def _text_alone(cls, value: Any) -> Any:
        # The description alone, as text or as a language map ({en: ..., it: ...}): field
        # names here are longer than the two letters of a language code.
        if isinstance(value, str) or (
                isinstance(value, dict) and value
                and all(isinstance(key, str) and len(key) == 2 for key in value)):
            return {"description": value}
        return value


class Credential(Model):
    """What the learner receives on completion (EU element: the credential and its issuer)."""

    type: code("credential_types") = Field(  # type: ignore[valid-type]  # code(): a type made at run time
        description="certificate, open-badge-3, europass-edc or other"
    )
    issued_by: Annotated[list[Id], AfterValidator(unique)] = Field(
        default_factory=list,
        description="provider ids issuing it, if not the awarding bodies",
    )
    verification: Text = Field(
        description="how an employer or school checks that a credential is genuine"
    )
    recognition: Text = Field(
        description="who recognises it and for what: credits, licences, employers"
    )


class StackTarget(Model):
    """A larger credential this unit counts towards: a unit here, or a qualification."""

    unit: Id | None = Field(default=None, description="id of a unit in this catalogue")
    title: Text | None = Field(default=None, description="title of an outside qualification")
    url: Url | None = Field(default=None, description="page of that qualification")

    @model_validator(mode="after")
    def _one_target(self) -> StackTarget:
        if (self.unit is None) == (self.title is None):
            raise PydanticCustomError(
                "stack", "give either `unit` (a unit id) or `title` (an outside qualification)"
            )
        return self


class Stackability(Model):
    """EU element: integration or stackability options."""

    kind: Literal["standalone", "stackable"] = Field(
        description="standalone, or stackable into a larger credential"
    )
    into: list[StackTarget] = Field(default_factory=list, description="what it stacks into")
    description: Text | None = Field(default=None, description="how credits are recognised")

    @model_validator(mode="after")
    def _targets_match_kind(self) -> Stackability:
        if self.kind == "stackable" and not self.into:
            raise PydanticCustomError(
                "stack", "a stackable unit lists what it stacks into under `into`"
            )
        if self.kind == "standalone" and self.into:
            raise PydanticCustomError(
                "stack", "a standalone unit has no `into` list: set `kind: stackable`"
            )
        return self


class Place(Model):
    """Where an on-site session happens."""

    city: str = Field(min_length=1, description="city")
    country: code("countries") = Field(description="ISO 3166 two-letter code")  # type: ignore[valid-type]  # code(): a type made at run time
    venue: str | None = Field(default=None, description="building or campus")
    address: str | None = Field(default=None, description="street address")


def _location_kind(value: Any) -> str:
    return "place" if isinstance(value, dict | Place) else "online"


Location = Annotated[
    Annotated[Literal["online"], Tag("online")] | Annotated[Place, Tag("place")],
    Discriminator(_location_kind),
]
"""`online`, or a place: one branch is chosen up front, so errors name only that branch."""


class Session(Model):
    """A dated run of the unit that learners can enrol in."""

    start: dt.date = Field(description="first day, YYYY-MM-DD")
    end: dt.date | None = Field(default=None, description="last day, YYYY-MM-DD")
    application_deadline: dt.date | None = Field(
        default=None, description="last day to apply (a warning if after `start`)")
    location: Location = Field(description="`online`, or city and country")
    enrol_url: Url | None = Field(default=None, description="page where learners enrol")
    places: Annotated[int, Field(gt=0, le=100_000)] | None = Field(
        default=None, description="number of places, if limited"
    )

    def is_past(self, today: dt.date) -> bool:
        """Whether the session has started, or its application deadline passed, by `today`."""
        closes = self.application_deadline or self.start
        return self.start < today or closes < today

    @model_validator(mode="after")
    def _dates_in_order(self) -> Session:
        if self.end is not None and self.end < self.start:
            raise PydanticCustomError("dates", "`end` is before `start`")
        return self


class Material(Model):
    """An open educational resource used in the unit."""

    title: Text = Field(description="title of the resource")
    url: Url = Field(description="where to find it")
    license: code("licences") = Field(  # type: ignore[valid-type]  # code(): a type made at run time
        description="its licence: an SPDX id, or all-rights-reserved")


class Unit(ContentModel):
    """A micro-credential offer: one YAML file in content/units/."""

    default_language: Language = Field(
        default="en", description="language of texts written without a language map"
    )
    title: Text = Field(description="title of the micro-credential")
    summary: Text = Field(description="one plain-text paragraph: what and for whom")
    description: Text | None = Field(default=None, description="longer description, Markdown")
    provider: Id = Field(description="id of the provider offering the unit")
    awarding_bodies: Annotated[list[Id], AfterValidator(unique)] = Field(
        default_factory=list, description="provider ids awarding the credential, if not only you"
    )
    languages: Annotated[list[Language], Field(min_length=1), AfterValidator(unique)] = Field(
        description="languages of instruction and assessment"
    )
    eqf_level: code("eqf_levels") = Field(description="EQF level 1-8")  # type: ignore[valid-type]  # code(): a type made at run time
    isced_f: code("isced_f") = Field(  # type: ignore[valid-type]  # code(): a type made at run time
        description="ISCED-F 2013 field of education code, e.g. '1013'"
    )
    workload: Workload = Field(description="notional workload")
    mode: code("modes") = Field(description="form of participation")  # type: ignore[valid-type]  # code(): a type made at run time
    learning_setting: code("learning_settings") | None = Field(  # type: ignore[valid-type]  # code(): a type made at run time
        default=None, description="formal or non-formal"
    )
    schedule: code("schedules") | None = Field(  # type: ignore[valid-type]  # code(): a type made at run time
        default=None, description="full-time or part-time"
    )
    outcomes: Annotated[list[Id], Field(min_length=1), AfterValidator(unique)] = Field(
        description="ids of the learning outcomes"
    )
    assessment: Assessment = Field(description="type of assessment")
    quality_assurance: QualityAssurance = Field(description="type of quality assurance")
    credential: Credential = Field(description="what the learner receives on completion")
    prerequisites: Text | None = Field(default=None, description="what learners need first")
    stackability: Stackability | None = Field(default=None, description="stacking options")
    prior_learning: PriorLearning | None = Field(
        default=None, description="recognition of prior learning: assessment without the course")
    license: code("licences") = Field(  # type: ignore[valid-type]  # code(): a type made at run time
        description="licence of the course materials: an SPDX id, or all-rights-reserved"
    )
    price: Price = Field(description="0 or free, or {amount, currency}")
    sessions: list[Session] = Field(default_factory=list, description="dated runs")
    occupations: Annotated[list[EscoOccupation], AfterValidator(unique)] = Field(
        default_factory=list, description="ESCO occupations the unit prepares for"
    )
    keywords: Annotated[list[Annotated[str, Field(min_length=1, max_length=60)]],
                        AfterValidator(unique)] = Field(
        default_factory=list, description="extra search words"
    )
    target_groups: Annotated[list[code("target_groups")], AfterValidator(unique)] = Field(  # type: ignore[valid-type]  # code(): a type made at run time
        default_factory=list, description="who the unit is designed for"
    )
    materials: list[Material] = Field(default_factory=list, description="open resources used")
    homepage: Url | None = Field(default=None, description="the unit's page on your website")
    published: dt.date | None = Field(default=None, description="first published (else git)")
    updated: dt.date | None = Field(default=None, description="last changed (else git)")

    @model_validator(mode="after")
    def _dates_in_order(self) -> Unit:
        if self.published and self.updated and self.updated < self.published:
            raise PydanticCustomError("dates", "`updated` is before `published`")
        return self

    @property
    def bodies(self) -> list[str]:
        """Awarding bodies; the provider when none are listed."""
        return self.awarding_bodies or [self.provider]

    @property
    def issuers(self) -> list[str]:
        """Who issues the credential; the awarding bodies when the unit names none."""
        return self.credential.issued_by or self.bodies
