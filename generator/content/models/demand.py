"""A labour-market demand: skills that employers or public bodies of a region need."""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Annotated, Literal

from pydantic import AfterValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from generator.content.models.base import ContentModel, Language, Model, Text, Url, code, unique
from generator.content.models.esco import EscoOccupation, EscoSkill
from generator.content.vocabularies import vocabulary
from generator.i18n import N_

ACTOR_TYPES = ("employer-association", "public-employment-service", "chamber",
               "sector-council", "regional-authority")
PRIORITIES = ("high", "medium", "low")
"""How urgently a skill is needed, highest first (the order gap lists sort by)."""
PRIORITY_WORDS = (N_("high"), N_("medium"), N_("low"))
"""The priorities as the pages say them, marked for translation (the templates' `_(priority)`
finds its words in each language's catalogue)."""


class Actor(Model):
    """Who declares the demand."""

    name: Text = Field(description="name of the organisation")
    type: Literal[ACTOR_TYPES] = Field(  # type: ignore[valid-type]  # a tuple of literals
        description="employer-association, public-employment-service, chamber, sector-council "
                    "or regional-authority")
    homepage: Url | None = Field(default=None, description="the organisation's website")


def _check_nuts(value: str) -> str:
    """A NUTS code from the NUTS code list, e.g. `DE1` or `ITH55`."""
    if value not in vocabulary("nuts"):
        close = difflib.get_close_matches(value, vocabulary("nuts").codes(), n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}' ({vocabulary('nuts')[close[0]].label})?" \
            if close else ""
        raise PydanticCustomError(
            "nuts", "'{value}' is not a NUTS code: NUTS codes start with the country (EL for "
            "Greece) and add one to three characters, e.g. DE1, ITH5, FI197{hint}",
            {"value": value[:20], "hint": hint})
    return value


NutsCode = Annotated[str, AfterValidator(_check_nuts)]


class Region(Model):
    """Where the demand is: a country, optionally narrowed to a NUTS region."""

    country: code("countries") = Field(  # type: ignore[valid-type]  # code(): a type made at run time
        description="ISO 3166 two-letter country code, e.g. DE")
    nuts: NutsCode | None = Field(
        default=None, description="NUTS region code inside that country, e.g. DE1, ITH5")

    @model_validator(mode="after")
    def _nuts_in_country(self) -> Region:
        if self.nuts is not None:
            inside = vocabulary("nuts")[self.nuts].extra["country"]
            if inside != self.country:
                raise PydanticCustomError(
                    "nuts", "NUTS region {nuts} lies in {inside}, not in {country}: fix "
                    "`country` or `nuts`", {"nuts": self.nuts, "inside": inside,
                                            "country": self.country})
        return self


class Sector(Model):
    """The economic sector (NACE section) or field of education (ISCED-F) concerned."""

    model_config = ConfigDict(**Model.model_config, json_schema_extra={"anyOf": [
        {"required": ["nace"], "properties": {"nace": {"type": "string"}}},
        {"required": ["isced_f"], "properties": {"isced_f": {"type": "string"}}}]})

    nace: code("nace_sections") | None = Field(  # type: ignore[valid-type]  # code(): a type made at run time
        default=None, description="NACE Rev. 2 section letter, e.g. F for construction")
    isced_f: code("isced_f") | None = Field(  # type: ignore[valid-type]  # code(): a type made at run time
        default=None, description="ISCED-F 2013 field code, e.g. \"0713\"")

    @model_validator(mode="after")
    def _one_at_least(self) -> Sector:
        if self.nace is None and self.isced_f is None:
            raise PydanticCustomError(
                "sector", "fill this in — `nace` (a NACE section letter), `isced_f` (an "
                "ISCED-F field code), or both")
        return self


def _one_entry_per_skill(skills: list[DemandedSkill]) -> list[DemandedSkill]:
    seen: set[str] = set()
    for skill in skills:
        if skill.uri in seen:
            raise PydanticCustomError(
                "unique", "'{value}' is listed twice: keep one entry per skill",
                {"value": skill.uri})
        seen.add(skill.uri)
    return skills


class DemandedSkill(EscoSkill):
    """An ESCO skill the demand asks for, how urgently, and at which EQF level if known."""

    priority: Literal[PRIORITIES] = Field(  # type: ignore[valid-type]  # a tuple of literals
        description="high, medium or low")
    eqf_level: code("eqf_levels") | None = Field(  # type: ignore[valid-type]  # code(): a type made at run time
        default=None, description="EQF level the skill is needed at, if known")


class Horizon(Model):
    """The years the demand is expected for."""

    start: int = Field(ge=2000, le=2100, description="first year, e.g. 2027")
    end: int = Field(ge=2000, le=2100, description="last year, e.g. 2030")

    @model_validator(mode="after")
    def _in_order(self) -> Horizon:
        if self.end < self.start:
            raise PydanticCustomError("horizon", "`end` is before `start`")
        return self


class Evidence(Model):
    """The survey, shortage list or study the demand rests on."""

    title: Text = Field(description="name of the source, e.g. 'Shortage occupations list 2026'")
    url: Url = Field(description="public page or document")


class Demand(ContentModel):
    """Skills a labour-market actor needs in a region and sector, with the evidence."""

    example: bool = Field(
        default=False, description="true for a fictional demand used as sample content")
    default_language: Language = Field(
        default="en", description="language of texts written without a language map")
    title: Text = Field(description="short title, e.g. 'Heat pump installers in Bavaria'")
    summary: Text = Field(description="one paragraph: what is needed and why")
    actor: Actor = Field(description="who declares the demand")
    region: Region = Field(description="country, optionally a NUTS region")
    sector: Sector = Field(description="NACE section and/or ISCED-F field")
    occupations: Annotated[list[EscoOccupation], AfterValidator(unique)] = Field(
        default_factory=list, description="ESCO occupations concerned (URI, label filled in)")
    skills: Annotated[list[DemandedSkill], AfterValidator(_one_entry_per_skill)] = Field(
        min_length=1, description="ESCO skills needed, each with its priority")
    horizon: Horizon = Field(description="the years the need is expected for")
    evidence: list[Evidence] = Field(
        min_length=1, description="the shortage list, survey or study it rests on")
    published: dt.date = Field(description="when the demand was declared, YYYY-MM-DD")
    updated: dt.date | None = Field(default=None, description="last revision, YYYY-MM-DD")

    @model_validator(mode="after")
    def _dates_in_order(self) -> Demand:
        if self.updated is not None and self.updated < self.published:
            raise PydanticCustomError("dates", "`updated` is before `published`")
        return self
