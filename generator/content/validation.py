"""Turn pydantic's validation errors into messages a training provider can act on."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.content.errors import Problem
from generator.content.sources import SourceFile
from generator.content.strict_yaml import Loc

M = TypeVar("M", bound=BaseModel)

_PLAIN = {
    "string_type": "expected text here",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "decimal_type": "expected a number",
    "decimal_parsing": "expected a number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": "expected a list (one `- item` per line)",
    "dict_type": "expected fields (`name: value` lines) here",
    "model_type": "expected fields (`name: value` lines) here",
    "model_attributes_type": "expected fields (`name: value` lines) here",
    "date_type": "expected a date like 2026-03-01",
    "date_parsing": "expected a date like 2026-03-01",
    "date_from_datetime_parsing": "expected a date like 2026-03-01",
    "date_from_datetime_inexact": "expected a date like 2026-03-01, without a time",
    "finite_number": "expected a finite number",
    "value_error": "{msg}",
}


def validate(model: type[M], source: SourceFile,
             context: dict[str, Any]) -> tuple[M | None, list[Problem]]:
    """Validate a source file's data against `model`, locating every error in the file."""
    try:
        return model.model_validate(source.data, context=context), []
    except ValidationError as error:
        return None, problems_from(error, model, source)


def problems_from(error: ValidationError, model: type[BaseModel],
                  source: SourceFile) -> list[Problem]:
    """One located, plain-words problem per pydantic error (one per spot in the file)."""
    # One problem per spot: a value failing several union branches is reported once.
    problems: dict[tuple[int, int, str], Problem] = {}
    for detail in error.errors(include_url=False):
        loc: Loc = tuple(detail["loc"])
        kind = detail["type"]
        if kind == "extra_forbidden":
            problem = source.problem(loc, _unknown_field(model, loc), key=True)
        elif kind == "missing":
            parent = loc[:-1]
            where = f" in `{_dotted(parent, source)}`" if parent else ""
            problem = source.problem(parent, f"missing required field `{loc[-1]}`{where}", key=True)
        elif (blank := _blank_at(source, loc)) is not None:
            problem = source.problem(blank, _fill_in(model, blank))
        else:
            problem = source.problem(loc, f"`{_dotted(loc, source)}`: {_message(detail)}")
        spot = str(loc[-1]) if kind == "missing" and loc else ""
        problems.setdefault((problem.line, problem.column, spot), problem)
    return list(problems.values())


def _message(detail: Any) -> str:
    kind = detail["type"]
    if kind in _PLAIN:
        return _PLAIN[kind].format(msg=detail["msg"].removeprefix("Value error, "))
    ctx = detail.get("ctx") or {}
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        words = {"greater_than": "greater than", "greater_than_equal": "at least",
                 "less_than": "less than", "less_than_equal": "at most"}[kind]
        bound = next(v for k, v in ctx.items() if k in {"gt", "ge", "lt", "le"})
        return f"must be {words} {bound}"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s)"
    if kind == "too_long":
        return f"is too long (at most {ctx.get('max_length')})"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters)"
    if kind == "literal_error":
        return f"'{detail['input']}' is not allowed; allowed: {ctx.get('expected')}"
    if kind == "decimal_max_places":
        return f"use at most {ctx.get('decimal_places')} decimal place(s)"
    return str(detail["msg"])


def _dotted(loc: Loc, source: SourceFile | None = None) -> str:
    """`workload.hours`, `outcomes[2]`: the path as a provider reads it in the file."""
    text = ""
    present: Loc = ()
    for part in loc:
        if source is not None and (*present, part) not in source.values:
            continue  # a union branch name or similar, not something in the file
        present = (*present, part)
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "file"


def _blank_at(source: SourceFile, loc: Loc) -> Loc | None:
    """Where the provider left a value empty (`""`, nothing, `[]`): a field still to fill in."""
    value: Any = source.data
    present: Loc = ()
    for part in loc:
        inside = (part in value if isinstance(value, dict) else
                  isinstance(value, list) and isinstance(part, int) and part < len(value))
        if not inside:
            continue  # a union branch name, or a key the shorthand form does not have
        value = value[part]
        present = (*present, part)
    return present if present and value in ("", None, [], {}) else None


def _fill_in(model: type[BaseModel], loc: Loc) -> str:
    """`title`: fill this in — title of the micro-credential."""
    field = _field_at(model, loc)
    meaning = f" — {field.description}" if field is not None and field.description else ""
    if field is not None and not field.is_required():
        return f"`{_dotted(loc)}`: fill this in, or delete the line (it is optional){meaning}"
    return f"`{_dotted(loc)}`: fill this in{meaning}"


def _field_at(model: type[BaseModel], loc: Loc) -> Any:
    """The pydantic field that sits at `loc` (list indexes skipped), or None."""
    names = [part for part in loc if isinstance(part, str)]
    current: Any = model
    field = None
    for name in names:
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(name)
        if field is None:
            return None
        current = _model_in(field.annotation)
    return field


def _unknown_field(model: type[BaseModel], loc: Loc) -> str:
    """Unknown key, with the closest allowed field name as a suggestion."""
    key = str(loc[-1])
    allowed = _fields_at(model, loc[:-1])
    suggestion = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    hint = f"; did you mean `{suggestion[0]}`?" if suggestion else ""
    listing = f". Allowed here: {', '.join(sorted(allowed))}." if allowed and not suggestion else ""
    return f"unknown field `{key}`{hint}{listing}"


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """Field names of the (sub)model that sits at `loc`."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = current.model_fields.get(str(part))
        if field is None:
            continue  # a union branch tag, not a field: stay where we are
        current = _model_in(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _model_in(annotation: Any) -> Any:
    """The first BaseModel inside an annotation such as `list[Session] | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    metadata_origin = getattr(annotation, "__origin__", None)
    if metadata_origin is not None and metadata_origin is not annotation:
        return _model_in(metadata_origin)
    return None
