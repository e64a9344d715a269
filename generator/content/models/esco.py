"""References to ESCO skills and occupations, and to skills in other frameworks."""

from __future__ import annotations

import re
from typing import Any, ClassVar
from urllib.parse import unquote

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from generator.content.models.base import Model, Text, Url
from generator.content.vocabularies.esco import (
    EscoConcept,
    EscoKind,
    esco_occupation,
    esco_skill,
    in_esco,
)

_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
ESCO_URI = {
    "skill": re.compile(rf"^http://data\.europa\.eu/esco/skill/{_UUID}$"),
    "occupation": re.compile(rf"^http://data\.europa\.eu/esco/occupation/{_UUID}$"),
}
_LOOKUP = {"skill": esco_skill, "occupation": esco_occupation}
_UNLABELLED = ("ESCO {kind} {value} is in ESCO 1.2, but outside the labelled part bundled with "
               "the catalogue (the green, digital, transversal and language collections): add "
               "its `label` (the preferred term shown on the ESCO portal)")
_NOT_IN_ESCO = ("ESCO {kind} {value} is not in ESCO 1.2: check the URI on the ESCO portal; "
                "for a concept of a later ESCO version, add its `label` (the preferred term "
                "shown on the ESCO portal)")


_ANY_ESCO = re.compile(rf"https?://data\.europa\.eu/esco/(skill|occupation)/({_UUID})/?",
                       re.IGNORECASE)


def esco_uri_advice(value: str, kind: str) -> str:
    """What to write instead of `value`, which is not an ESCO URI of `kind`."""
    shown = value if len(value) <= 100 else value[:97] + "..."
    found = _ANY_ESCO.search(unquote(value))
    if found is None:
        return (f"'{shown}' is not an ESCO {kind} URI: copy it from the ESCO portal, it looks "
                f"like http://data.europa.eu/esco/{kind}/ followed by a UUID")
    canonical = f"http://data.europa.eu/esco/{found.group(1).lower()}/{found.group(2).lower()}"
    if found.group(1).lower() != kind:
        return (f"'{shown}' is an ESCO {found.group(1).lower()}, not an ESCO {kind}: "
                f"list it under the right field, or use an ESCO {kind} URI")
    if found.group(0) == value:  # the URI itself, spelled a little differently
        why = ("ESCO URIs start with http://, not https://" if value.lower().startswith("https")
               else "ESCO URIs are lowercase, without a slash at the end")
        return f"'{shown}': {why}; write {canonical}"
    return (f"'{shown}' is a page of the ESCO portal, not the {kind}'s URI; "
            f"write {canonical}")


class _EscoReference(Model):
    """An ESCO concept by URI; the label is filled in from ESCO when we know the concept."""

    kind: ClassVar[EscoKind] = "skill"
    uri: str = Field(description="ESCO URI, e.g. http://data.europa.eu/esco/skill/<uuid>")
    label: str | None = Field(default=None, description="ESCO preferred label (English)")

    @model_validator(mode="before")
    @classmethod
    def _uri_alone(cls, value: Any) -> Any:
        return {"uri": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _known_or_labelled(self) -> _EscoReference:
        if not ESCO_URI[self.kind].fullmatch(self.uri):
            raise PydanticCustomError("esco", "{advice}",
                                      {"advice": esco_uri_advice(self.uri, self.kind)})
        concept = self.concept
        if concept is None and not self.label:
            raise PydanticCustomError("esco", _UNLABELLED if in_esco(self.kind, self.uri)
                                      else _NOT_IN_ESCO, {"value": self.uri, "kind": self.kind})
        if self.label is None and concept is not None:
            object.__setattr__(self, "label", concept.label)
        return self

    @property
    def concept(self) -> EscoConcept | None:
        """The ESCO record, when the bundled list has it."""
        return _LOOKUP[self.kind](self.uri)


class EscoSkill(_EscoReference):
    """A skill or knowledge concept of ESCO."""

    kind: ClassVar[EscoKind] = "skill"


class EscoOccupation(_EscoReference):
    """An occupation of ESCO that the unit prepares for."""

    kind: ClassVar[EscoKind] = "occupation"
    uri: str = Field(description="ESCO URI, e.g. http://data.europa.eu/esco/occupation/<uuid>")


class OtherSkill(Model):
    """A skill in another framework (DigComp, a national standard, a sector profile)."""

    framework: str = Field(description="name of the framework, e.g. DigComp 2.2")
    label: Text = Field(description="name of the skill or competence in that framework")
    code: str | None = Field(default=None, description="its code in the framework, if any")
    url: Url | None = Field(default=None, description="web page of the skill, if any")
