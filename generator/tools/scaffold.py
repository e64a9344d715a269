"""`microvet new`: a new content file with every field present and explained in plain words.

Mandatory fields get visibly empty values (`""`, nothing, `[]`) that `microvet check` reports
as "fill this in"; optional fields are empty and valid; groups of optional fields are shown
as commented-out lines to copy. Filling the file in is the whole task.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

from pydantic_core import PydanticCustomError

from generator.content.models.base import check_id
from generator.kinds import BY_FOLDER, BY_NAME, EACH, KINDS
from generator.tools.reference import LONG_LIST, FieldDoc, model_docs

WIDTH = 99
"""Comment lines are wrapped to fit an editor window and GitHub's web editor."""

EXAMPLES: dict[str, tuple[str, ...]] = {
    "languages": ("en", "it", "de", "fr", "pl"),
    "countries": ("IT", "DE", "PL", "AT", "FI"),
    "currencies": ("EUR", "PLN", "CHF", "SEK"),
    "isced_f": ("1013", "0613", "0714", "1015"),
    "licences": ("CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "all-rights-reserved"),
}
"""Codes shown as examples for vocabularies too long to list in the file."""

REFERENCES = {reference.path[-1] if reference.path[-1] != EACH else reference.path[-2]:
              BY_NAME[reference.target].folder
              for kind in KINDS for reference in kind.references}
"""Fields that name other content files, by field name -> folder (from the kind registry)."""

HOW_TO = """\
How to fill in this file:
- Every field marked MANDATORY needs a value: write it after the colon, in place of "" where
  there is one. Optional fields may stay empty, or be deleted.
- Text: `title: Barista basics`, or one line per language, indented under the field:
    title:
      en: Barista basics
      it: Caffetteria di base
- Long text, or text with a colon in it: write `>-` after the colon and the text on the
  next lines, indented by two spaces.
- A list: `languages: [en, it]`, or one `- item` per line, indented under the field.
- Lines starting with # are comments: they change nothing, and you may delete them.
- Run `microvet check`, or open a pull request: every remaining problem is listed with its
  line number.
Every field and every allowed value: CONTRIBUTING.md, and the "Field reference" page of the
catalogue website."""


class ScaffoldError(Exception):
    """The file cannot be created; the message says why and what to do."""


def scaffold(kind: str, object_id: str,
             known: Mapping[str, Sequence[str]] | None = None) -> str:
    """The text of a new `kind` file (unit, pathway, ...) with id `object_id`.

    `known` lists existing ids by folder (`{"providers": [...], ...}`), named in the hints.
    """
    doc = next(d for d in model_docs() if d.kind == kind)
    lines = [schema_line(kind), f"# {doc.description}", "#"]
    lines += _comment(HOW_TO.splitlines(), "")
    for field in doc.fields:
        lines.append("")
        lines += _field(field, "", known or {}, object_id)
    return "\n".join(lines) + "\n"


def schema_line(kind: str) -> str:
    """The first line of every content file: the JSON Schema editors check it against."""
    return f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json"


def _field(field: FieldDoc, indent: str, known: Mapping[str, Sequence[str]],
           object_id: str) -> list[str]:
    """Comment lines explaining a field, then the field itself with its placeholder."""
    lines = _comment(_explanation(field, known, WIDTH - len(indent) - 2), indent)
    shape = field.shape
    if field.path == "id":
        return [*lines, f"{indent}id: {object_id}"]
    if shape.model is not None and not shape.many and field.required:
        lines.append(f"{indent}{field.name}:")
        for sub in field.fields:
            lines += _field(sub, indent + "  ", known, object_id)
        return lines
    if shape.model is not None:
        empty = " []" if shape.many else ""
        how = ("To add entries, delete [] and copy the lines below once per entry"
               if shape.many else "To use it, copy the lines below")
        lines += _comment(_wrap(f'{how}, without their "# ".', WIDTH - len(indent) - 2),
                          indent)
        lines.append(f"{indent}{field.name}:{empty}")
        return lines + [f"{indent}# {line}" for line in _example(field, "  ")]
    return [*lines, f"{indent}{field.name}:{_placeholder(field)}"]


def _placeholder(field: FieldDoc) -> str:
    """` ""` for mandatory text and codes, ` []` for lists, the default, or nothing."""
    shape = field.shape
    if shape.many:
        return " []"
    if not field.required:
        default = field.default
        if isinstance(default, bool):
            return " true" if default else " false"
        return f" {default}" if default not in (None, "") else ""
    # References and numbers stay blank: `""` would also be reported as a dangling id.
    return "" if shape.kind in {"id", "number", "integer", "date", "boolean"} else ' ""'


def _example(field: FieldDoc, indent: str) -> list[str]:
    """Commented-out YAML for a group of optional fields, each line with its explanation."""
    if field.shape.many:
        entry: list[str] = []
        for index, sub in enumerate(field.fields):
            entry += _example_line(sub, indent + ("- " if index == 0 else "  "))
        return entry
    lines: list[str] = []
    for sub in field.fields:
        lines += _example_line(sub, indent)
    return lines


def _example_line(field: FieldDoc, indent: str) -> list[str]:
    """One field in a commented example, with a short explanation after it."""
    shape = field.shape
    deeper = " " * len(indent)
    if shape.model is not None:
        head = f"{indent}{field.name}:"
        nested = _example(field, deeper + "  ")
        return [*_aligned(head, short_help(field)), *nested]
    return _aligned(f"{indent}{field.name}:{_placeholder(field)}", short_help(field))


def _aligned(yaml: str, note: str) -> list[str]:
    """`yaml` with `note` as a comment beside it, wrapped onto comment-only lines if long."""
    column = max(len(yaml) + 2, 32)
    notes = _wrap(note, WIDTH - column - 4)
    return [f"{yaml.ljust(column)}# {notes[0]}",
            *(f"{'':<{column}}# {more}" for more in notes[1:])]


def short_help(field: FieldDoc) -> str:
    """`MANDATORY. First day, YYYY-MM-DD.` plus the allowed codes when they are few."""
    text = f"{'MANDATORY' if field.required else 'Optional'}. {field.description}"
    terms = field.terms
    if field.shape.kind == "either":
        text += f" Write {' or '.join(field.shape.choices)}, or the fields below."
    elif terms is not None and len(terms) <= 8:
        text += " One of: " + ", ".join(terms.codes()) + "."
    elif terms is not None:
        text += f" A code, e.g. {', '.join(EXAMPLES.get(terms.name, terms.codes()[:3]))}."
    return text


def _explanation(field: FieldDoc, known: Mapping[str, Sequence[str]],
                 width: int) -> list[str]:
    """The plain-words comment above a field: mandatory or not, meaning, allowed values."""
    status = "MANDATORY" if field.required else "Optional"
    lines = _wrap(f"{status}. {field.description}", width)
    terms = field.terms
    if terms is not None and len(terms) <= LONG_LIST:
        lines += _wrap(f"Value: {field.shape.words}:", width)
        for term in terms:
            about = f"{term.label}: {term.description}" if term.description else term.label
            lines += _wrap(f"{term.code} — {about}", width, lead="  ", hang="      ")
    elif terms is not None:
        lines += _wrap(f"Value: {'a list of codes' if field.shape.many else 'a code'}.", width)
    else:
        lines += _wrap(f"Value: {field.shape.words}.", width)
    if terms is not None and len(terms) > LONG_LIST:
        examples = ", ".join(f"{code} ({terms[code].label})"
                             for code in EXAMPLES.get(terms.name, terms.codes()[:3]))
        lines += _wrap(f"For example {examples}. All {len(terms)} codes are in the field "
                       "reference.", width)
    folder = REFERENCES.get(field.name)
    if folder is not None and field.shape.kind == "id":
        lines += _wrap(_known_hint(folder, known.get(folder, ())), width)
    return lines


def _known_hint(folder: str, ids: Sequence[str]) -> str:
    """Which ids exist (when few), and how to make a new one."""
    if ids and len(ids) <= LONG_LIST:
        listed = f"In this catalogue: {', '.join(sorted(ids))}."
    else:
        listed = f"Ids: the file names in content/{folder}/ without .yaml."
    kind = BY_FOLDER[folder].name
    return listed if kind == "unit" else f"{listed} A new one: microvet new {kind} ID"


def _wrap(text: str, width: int, lead: str = "", hang: str = "") -> list[str]:
    """Comment bodies no wider than `width`, continuation lines indented by `hang`."""
    return textwrap.wrap(text, width, initial_indent=lead, subsequent_indent=hang,
                         break_on_hyphens=False, break_long_words=False)


def _comment(lines: list[str], indent: str) -> list[str]:
    return [f"{indent}# {line}".rstrip() for line in lines]


def known_ids(content: Path) -> dict[str, list[str]]:
    """Ids of the files already in each content folder (file names; no validation)."""
    return {
        kind.folder: sorted(path.stem for path in (content / kind.folder).glob("*.yaml"))
        for kind in KINDS
    }


def create(kind: str, object_id: str, content: Path) -> Path:
    """Write `content/<kind>s/<object_id>.yaml`; refuse bad ids and existing files."""
    if kind not in BY_NAME or not BY_NAME[kind].scaffold:
        *others, last = [k.name for k in KINDS if k.scaffold]
        raise ScaffoldError(f"'{kind}' is not a kind of content: use {', '.join(others)} or {last}")
    try:
        check_id(object_id)
    except PydanticCustomError as error:
        raise ScaffoldError(str(error)) from None
    if not content.is_dir():
        raise ScaffoldError(
            f"there is no {content.as_posix()}/ folder here: run this in the catalogue's "
            "folder (the one with mkdocs.yml), or give --content")
    folder = content / BY_NAME[kind].folder
    target = folder / f"{object_id}.yaml"
    if target.exists():
        raise ScaffoldError(f"{target.as_posix()} already exists: choose another id, "
                            "or edit that file")
    text = scaffold(kind, object_id, known_ids(content))
    folder.mkdir(exist_ok=True)
    # "x" mode: never overwrite, even if the file appeared since the check above.
    with target.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return target
