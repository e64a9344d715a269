"""`microvet import`: new content files from a spreadsheet or a Europass document.

Whatever the source, the result is a list of `Draft`s, which this module writes as content
files that read as if written by hand (generator/tools/content_yaml.py). Nothing is written
unless everything can be: an existing file that differs is only replaced with `--update`, and
one that is already the same is left alone. `--dry-run` prints the changes in the Markdown
of `microvet diff` instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from generator.content.sources import read_source
from generator.content.validation import validate
from generator.kinds import BY_NAME, KINDS
from generator.tools.content_yaml import content_yaml
from generator.tools.diff import catalogue_changes, markdown


class ImportFailed(Exception):
    """Nothing was imported; `problems` says why, one line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Draft:
    """One unit, outcome or provider to write: checked (`obj`), or a draft with gaps."""

    kind: str
    object_id: str
    data: dict[str, Any]
    notes: tuple[str, ...] = ()
    obj: BaseModel | None = None
    gaps: tuple[str, ...] = field(default=())

    @property
    def relative(self) -> str:
        """`units/barista-basics.yaml`: where it goes in the content folder."""
        return f"{BY_NAME[self.kind].folder}/{self.object_id}.yaml"

    def text(self) -> str:
        """The content file."""
        return content_yaml(self.kind, self.data, self.notes)


@dataclass(frozen=True)
class _Side:
    """Objects by folder, then id: what `diff.catalogue_changes` compares of a catalogue."""

    objects: Mapping[str, Mapping[str, BaseModel]]


class _Loose(BaseModel):
    """A draft that is not valid yet, compared field by field all the same."""

    model_config = ConfigDict(extra="allow")


def gaps_of(kind: str, data: Mapping[str, Any]) -> tuple[str, ...]:
    """The mandatory fields a draft still lacks (`assessment.methods`), and other problems."""
    model = BY_NAME[kind].model
    language = data.get("default_language", "en")
    try:
        model.model_validate(data, context={"default_language": language})
    except ValidationError as error:
        found = []
        for detail in error.errors(include_url=False):
            where = ".".join(str(part) for part in detail["loc"])
            found.append(where if detail["type"] == "missing" else f"{where} ({detail['msg']})")
        return tuple(dict.fromkeys(found))
    return ()


def without_invalid(kind: str, data: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """`data` without empty values and without values the model refuses (missing mandatory
    fields stay missing); one note per value left out."""
    model = BY_NAME[kind].model
    clean = _pruned(dict(data))
    dropped: list[str] = []
    for _attempt in range(20):  # each round removes at least one value, or stops
        try:
            model.model_validate(clean, context={"default_language":
                                                 clean.get("default_language", "en")})
            break
        except ValidationError as error:
            removed = [_remove(clean, tuple(detail["loc"]), detail["msg"])
                       for detail in error.errors(include_url=False)
                       if detail["type"] != "missing"]
        if not any(removed):
            break
        dropped += [note for note in removed if note]
        clean = _pruned(clean)
    return clean, dropped


def _pruned(value: Any) -> Any:
    """Nested data without None, empty texts, lists and groups (0 and false stay)."""
    if isinstance(value, dict):
        pairs = ((key, _pruned(item)) for key, item in value.items())
        return {key: item for key, item in pairs if not _blank(item)}
    if isinstance(value, list):
        return [item for item in map(_pruned, value) if not _blank(item)]
    return value


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


def _remove(data: dict[str, Any], loc: tuple[Any, ...], why: str) -> str | None:
    """Delete the deepest part of `loc` present in `data`; a note saying what went."""
    parent: Any = None
    key: Any = None
    value: Any = data
    path = []
    for part in loc:
        inside = (part in value if isinstance(value, dict) else
                  isinstance(value, list) and isinstance(part, int) and part < len(value))
        if inside:
            parent, key, value = value, part, value[part]
            path.append(f"[{part}]" if isinstance(part, int) else f".{part}")
    if parent is None:
        return None
    shown = repr(value) if not isinstance(value, dict | list) else "the entry"
    parent[key] = None
    why = why.removeprefix("Value error, ")
    return f"{''.join(path).lstrip('.')}: {shown[:80]} left out ({why})"


def import_drafts(drafts: list[Draft], content: Path, *, update: bool, dry_run: bool) -> str:
    """Write the drafts under `content` (or, dry, describe what would change); the report."""
    _refuse_repeats(drafts)
    old: dict[str, dict[str, BaseModel]] = {kind.folder: {} for kind in KINDS}
    new: dict[str, dict[str, BaseModel]] = {kind.folder: {} for kind in KINDS}
    to_write, unchanged, conflicts = [], [], []
    for draft in drafts:
        target = content / draft.relative
        folder = BY_NAME[draft.kind].folder
        new[folder][draft.object_id] = draft.obj or _Loose(**draft.data)
        if target.is_file():
            existing = _existing(draft, target)
            if existing is not None:
                old[folder][draft.object_id] = existing
            if _same(draft, target, existing):
                unchanged.append(draft)
                continue
            if not update:
                conflicts.append(f"{target.as_posix()} already exists and differs from the "
                                 "imported one: use --update to replace it")
                continue
        to_write.append(draft)
    if dry_run:
        changes = catalogue_changes(_Side(old), _Side(new))  # type: ignore[arg-type]
        refused = "".join(f"\n- {conflict}" for conflict in conflicts)
        return ("## What the import would change\n\n" + markdown(changes)
                + (f"\nWithout --update the import would stop here:\n{refused}\n"
                   if refused else ""))
    if conflicts:
        raise ImportFailed(conflicts)
    for draft in to_write:
        target = content / draft.relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(draft.text(), encoding="utf-8", newline="\n")
    return _report(to_write, unchanged, content)


def _refuse_repeats(drafts: list[Draft]) -> None:
    seen: set[str] = set()
    repeated = []
    for draft in drafts:
        if draft.relative in seen:
            repeated.append(f"{draft.kind} '{draft.object_id}' is imported twice: "
                            "give the two different ids")
        seen.add(draft.relative)
    if repeated:
        raise ImportFailed(repeated)


def _existing(draft: Draft, target: Path) -> BaseModel | None:
    """The object in the file already there, if it is valid."""
    source, problems = read_source(target, target.as_posix())
    if source is None or problems:
        return None
    language = source.data.get("default_language", "en")
    obj, _problems = validate(BY_NAME[draft.kind].model, source,
                              {"default_language": language})
    return obj


def _same(draft: Draft, target: Path, existing: BaseModel | None) -> bool:
    if draft.obj is not None:
        return existing == draft.obj
    return target.read_text(encoding="utf-8") == draft.text()


def _report(written: list[Draft], unchanged: list[Draft], content: Path) -> str:
    lines = [f"Wrote {len(written)} file(s) in {content.as_posix()}/"
             + (f"; {len(unchanged)} already there unchanged." if unchanged else ".")]
    for draft in written:
        if draft.gaps:
            lines.append(f"- {content.as_posix()}/{draft.relative}: still to fill in: "
                         f"{', '.join(draft.gaps)}")
    if any(draft.gaps for draft in written):
        lines.append("Fill these in, then run `microvet check`: it lists what is still missing.")
    else:
        lines.append("Run `microvet check` to check the whole catalogue.")
    return "\n".join(lines) + "\n"
