"""A training provider, which is also the usual awarding body."""

from __future__ import annotations

from pydantic import EmailStr, Field

from generator.content.models.base import ContentModel, Language, Model, Text, Url, code


class Accreditation(Model):
    """An external quality label, accreditation or licence to award credentials."""

    name: Text = Field(description="name of the accreditation or quality label")
    body: str | None = Field(default=None, description="who granted it")
    url: Url | None = Field(default=None, description="public page that proves it")


class Provider(ContentModel):
    """A training provider or awarding body (EU Recommendation: "awarding body")."""

    example: bool = Field(
        default=False, description="true for a fictional provider used as sample content"
    )
    default_language: Language = Field(
        default="en", description="language of texts written without a language map"
    )
    name: Text = Field(description="legal name of the organisation")
    short_name: str | None = Field(default=None, description="abbreviation, if commonly used")
    description: Text | None = Field(default=None, description="one paragraph about you")
    country: code("countries") = Field(  # type: ignore[valid-type]  # code(): a type made at run time
        description="ISO 3166 two-letter country code, e.g. IT, DE, PL"
    )
    city: str = Field(min_length=1, description="city of the registered office")
    address: str | None = Field(default=None, description="street address, postcode, city")
    homepage: Url = Field(description="your website")
    email: EmailStr | None = Field(default=None, description="contact e-mail for learners")
    phone: str | None = Field(default=None, description="contact phone, international format")
    quality_assurance: Text | None = Field(
        default=None, description="how you assure the quality of your courses"
    )
    accreditations: list[Accreditation] = Field(
        default_factory=list, description="external accreditations and quality labels"
    )
