"""Open Badges 3.0: an `Achievement` against 1EdTech's JSON Schema.

1EdTech publishes one schema, for the `AchievementCredential`; an achievement on its own is
checked against its `$defs/Achievement` through a wrapper that `$ref`s it, so every other
definition it uses (`Alignment`, `Profile`, `Related`...) resolves inside the same document.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft201909Validator  # type: ignore[import-untyped]
from referencing import Registry, Resource

from generator.tools.standards import DATA

OB3_SCHEMA = DATA / "ob3" / "achievementcredential-schema-3.0.json"


@cache
def achievement_validator() -> Draft201909Validator:
    """A validator of `$defs/Achievement` of the OB 3.0 AchievementCredential schema."""
    schema = json.loads(OB3_SCHEMA.read_text(encoding="utf-8"))
    registry: Registry[Any] = Registry().with_resource(
        schema["$id"], Resource.from_contents(schema))
    wrapper = {"$schema": "https://json-schema.org/draft/2019-09/schema",
               "$ref": schema["$id"] + "#/$defs/Achievement"}
    return Draft201909Validator(wrapper, registry=registry,
                                format_checker=Draft201909Validator.FORMAT_CHECKER)


def achievement_errors(document: Any) -> list[str]:
    """Every violation of the OB 3.0 Achievement schema as `path: message`."""
    return [f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
            for error in sorted(achievement_validator().iter_errors(document), key=str)]


@cache
def credential_validator() -> Draft201909Validator:
    """A validator of a whole `AchievementCredential` / `OpenBadgeCredential`."""
    schema = json.loads(OB3_SCHEMA.read_text(encoding="utf-8"))
    return Draft201909Validator(schema, format_checker=Draft201909Validator.FORMAT_CHECKER)


def credential_errors(document: Any) -> list[str]:
    """Every violation of the OB 3.0 AchievementCredential schema as `path: message`."""
    return [f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
            for error in sorted(credential_validator().iter_errors(document), key=str)]
