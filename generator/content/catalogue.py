"""Gather every content file, validate it, resolve references: one immutable `Catalogue`."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel

from generator.content.advice import unit_warnings
from generator.content.errors import CheckWarning, ContentError, Problem, display_path
from generator.content.history import FileDates, build_date, fallback_date, git_dates
from generator.content.models import Outcome, Provider, Unit
from generator.content.models.base import ID_PATTERN
from generator.content.sources import SourceFile, read_source
from generator.content.validation import validate
from generator.content.vocabularies import vocabulary
from generator.content.vocabularies.suggest import normalise

MAX_DANGLING_PER_FILE = 20
"""Dangling references reported per file: each costs a fuzzy search over every known id."""

KINDS: dict[str, type[BaseModel]] = {"providers": Provider, "outcomes": Outcome, "units": Unit}
"""Content folder name -> model, in the order references point (units need the others)."""


@dataclass(frozen=True, slots=True)
class UnitDates:
    """When a unit was first published and last changed (None when nothing says)."""

    published: dt.date | None
    updated: dt.date | None


@dataclass(frozen=True)
class Catalogue:
    """Everything the outputs need, validated and cross-checked; read-only."""

    units: Mapping[str, Unit]
    outcomes: Mapping[str, Outcome]
    providers: Mapping[str, Provider]
    paths: Mapping[tuple[str, str], str]
    dates: Mapping[str, UnitDates]
    warnings: tuple[CheckWarning, ...]
    """Valid but probably unintended content (see advice.py), sorted."""
    _units_by_provider: Mapping[str, tuple[str, ...]] = field(repr=False)
    _units_by_outcome: Mapping[str, tuple[str, ...]] = field(repr=False)
    _units_stacking_into: Mapping[str, tuple[str, ...]] = field(repr=False)

    def provider_of(self, unit: Unit) -> Provider:
        """The provider offering `unit`."""
        return self.providers[unit.provider]

    def awarding_bodies_of(self, unit: Unit) -> list[Provider]:
        """The awarding bodies of `unit` (its provider unless listed)."""
        return [self.providers[pid] for pid in unit.bodies]

    def outcomes_of(self, unit: Unit) -> list[Outcome]:
        """The unit's learning outcomes, in the order the unit lists them."""
        return [self.outcomes[oid] for oid in unit.outcomes]

    def units_of_provider(self, provider_id: str) -> list[Unit]:
        """Units offered or awarded by a provider, sorted by id."""
        return [self.units[uid] for uid in self._units_by_provider.get(provider_id, ())]

    def units_with_outcome(self, outcome_id: str) -> list[Unit]:
        """Units that list an outcome, sorted by id."""
        return [self.units[uid] for uid in self._units_by_outcome.get(outcome_id, ())]

    def units_stacking_into(self, unit_id: str) -> list[Unit]:
        """Units whose stackability names `unit_id` (the inverse of `into`), sorted by id."""
        return [self.units[uid] for uid in self._units_stacking_into.get(unit_id, ())]

    def recently_updated(self, count: int) -> list[Unit]:
        """The `count` most recently changed units, newest first (ties by id)."""
        def key(unit: Unit) -> tuple[dt.date, str]:
            updated = self.dates[unit.id].updated or dt.date.min
            return (updated, unit.id)
        return sorted(self.units.values(), key=key, reverse=True)[:count]

    def source_path(self, kind: str, object_id: str) -> str:
        """Repository path of an object's YAML file, e.g. `content/units/x.yaml`."""
        return self.paths[(kind, object_id)]


def load_catalogue(content: Path, *, root: Path | None = None,
                   today: dt.date | None = None) -> Catalogue:
    """Read and check every file under `content`; raise `ContentError` listing all problems.

    `today` (default: the build date) decides which sessions are past, for the warnings.
    """
    root = root or content.parent
    problems: list[Problem] = []
    objects: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
    sources: dict[tuple[str, str], SourceFile] = {}
    paths: dict[tuple[str, str], str] = {}
    unit_sources: list[SourceFile] = []
    if not content.is_dir():
        raise ContentError([Problem(display_path(content, root), 1, 1,
                                    "the content folder does not exist")])
    for kind, model in KINDS.items():
        folder_display = display_path(content / kind / "_", root)[:-1]  # the folder resolved once
        for path in _files(content / kind, root, problems):
            display = folder_display + path.name
            source, found = read_source(path, display)
            problems += found
            if source is None:
                continue
            if kind == "units":
                unit_sources.append(source)
            reported = {(p.line, p.column) for p in found}  # say it once, in the reader's words
            obj, found = validate(model, source, {"default_language": _language_of(source)})
            problems += [p for p in found if (p.line, p.column) not in reported]
            problems += _check_id(source, path)
            if obj is None:
                continue
            if obj.id in objects[kind]:
                problems.append(source.problem(("id",), f"`id`: '{obj.id}' is already used by "
                                               f"{paths[(kind, obj.id)]}"))
                continue
            objects[kind][obj.id] = obj
            sources[(kind, obj.id)] = source
            paths[(kind, obj.id)] = display
    known = {kind: {path.stem for path in _files(content / kind, root, [])} for kind in KINDS}
    references = _check_references(known, _titles(objects), unit_sources)
    spots = {(p.path, p.line, p.column) for p in references}  # say it once: the reference
    problems = [p for p in problems if (p.path, p.line, p.column) not in spots] + references
    problems += _stacking_cycles(objects["units"], sources)
    if problems:
        raise ContentError(problems)
    warnings = unit_warnings(objects["units"], objects["outcomes"], sources,
                             today or build_date())
    return _assemble(objects, paths, _dates(content, root, objects, paths), warnings)


def _files(folder: Path, root: Path, problems: list[Problem]) -> list[Path]:
    if not folder.is_dir():
        return []
    files = []
    for path in sorted(folder.iterdir(), key=lambda path: path.name):  # as Paths sort, faster
        if path.name.startswith("."):
            continue
        if path.suffix == ".yaml" and path.is_file():
            files.append(path)
        else:
            problems.append(Problem(display_path(path, root), 1, 1,
                                    "only `.yaml` files belong in this folder: rename or move it"))
    return files


def _language_of(source: SourceFile) -> str:
    language = source.data.get("default_language", "en")
    return language if isinstance(language, str) and language in vocabulary("languages") else "en"


def _check_id(source: SourceFile, path: Path) -> list[Problem]:
    declared = source.data.get("id")
    if isinstance(declared, str) and declared != path.stem:
        return [source.problem(("id",), f"`id`: '{declared}' differs from the file name "
                               f"'{path.name}': they must be equal (rename one of them)")]
    return []


def _titles(objects: dict[str, dict[str, Any]]) -> dict[str, dict[str, str]]:
    """Normalised title or name, in every language -> id, for outcomes and providers."""
    titles: dict[str, dict[str, str]] = {"outcomes": {}, "providers": {}, "units": {}}
    for kind, attribute in (("outcomes", "title"), ("providers", "name"), ("units", "title")):
        for object_id, obj in objects[kind].items():
            for text in getattr(obj, attribute).values():
                titles[kind].setdefault(normalise(text), object_id)
    return titles


def _check_references(known: dict[str, set[str]], titles: dict[str, dict[str, str]],
                      unit_sources: list[SourceFile]) -> list[Problem]:
    """Every id a unit names must exist; stacking must not loop.

    Checked on the raw data of every unit file, valid or not, so that one run reports a
    dangling reference together with the unit's other mistakes.
    """
    problems = []
    for source in unit_sources:
        data = source.data
        checks: list[tuple[tuple[str | int, ...], Any, str]] = [
            (("provider",), data.get("provider"), "providers")]
        checks += [(("awarding_bodies", i), ref, "providers")
                   for i, ref in enumerate(_list(data.get("awarding_bodies")))]
        checks += [(("outcomes", i), ref, "outcomes")
                   for i, ref in enumerate(_list(data.get("outcomes")))]
        stack = data.get("stackability")
        into = _list(stack.get("into")) if isinstance(stack, dict) else []
        checks += [(("stackability", "into", i, "unit"), target.get("unit"), "units")
                   for i, target in enumerate(into) if isinstance(target, dict)]
        dangling = [(loc, ref, kind) for loc, ref, kind in checks
                    if isinstance(ref, str) and ref not in known[kind]]
        for loc, ref, kind in dangling[:MAX_DANGLING_PER_FILE]:
            message = (_dangling(ref, kind, known[kind]) if ID_PATTERN.fullmatch(ref) else
                       _not_an_id(ref, kind, titles[kind], known[kind]))
            if message:
                problems.append(source.problem(loc, message))
        if len(dangling) > MAX_DANGLING_PER_FILE:
            problems.append(source.problem(
                dangling[MAX_DANGLING_PER_FILE][0],
                f"{len(dangling) - MAX_DANGLING_PER_FILE:,} more references from here on do "
                "not resolve either: fix the ones above first"))
    return problems


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _dangling(ref: str, kind: str, known: set[str]) -> str:
    close = difflib.get_close_matches(ref, sorted(known), n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    ref = ref if len(ref) <= 80 else ref[:77] + "..."  # ids have at most 64 characters
    return f"no {kind[:-1]} '{ref}': there is no file content/{kind}/{ref}.yaml{hint}"


def _not_an_id(ref: str, kind: str, titles: dict[str, str], known: set[str]) -> str | None:
    """A reference that is not an id: say what to write instead, once, and invent no path.

    None leaves the model's own words (what an id looks like) when nothing better is known.
    """
    noun = kind[:-1]
    shown = ref if len(ref) <= 80 else ref[:77] + "..."
    where = f"the {noun}'s id, the name of its file in content/{kind}/ without .yaml"
    slug = re.sub(r"[^a-z0-9]+", "-", ref.casefold()).strip("-")
    if normalise(ref) in titles:
        article = "an" if noun[0] in "aeiou" else "a"
        return (f"'{shown}' is the title of {article} {noun}, not its id: write "
                f"'{titles[normalise(ref)]}' (the name of its file without .yaml)")
    if slug in known:
        return (f"'{shown}' is not written as an id: write '{slug}' (ids use lowercase "
                "letters, digits and hyphens)")
    close = difflib.get_close_matches(slug, sorted(known), n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    if any(ch.isspace() for ch in ref.strip()) or any(ch.isupper() for ch in ref):
        return f"'{shown}' looks like a title, not an id: write {where}{hint}"
    return f"'{shown}' is not an id: write {where}{hint}" if hint else None


def _stacking_cycles(units: dict[str, Unit],
                     sources: dict[tuple[str, str], SourceFile]) -> list[Problem]:
    """A unit cannot stack into itself, directly or through other units."""
    edges = {uid: [t.unit for t in u.stackability.into if t.unit in units]
             for uid, u in units.items() if u.stackability}
    problems = []
    for start in sorted(edges):
        for index, target in enumerate(units[start].stackability.into):  # type: ignore[union-attr]
            if target.unit in units and _reaches(edges, target.unit, start):
                problems.append(sources[("units", start)].problem(
                    ("stackability", "into", index, "unit"),
                    f"stacking goes round in a circle: '{start}' stacks into '{target.unit}', "
                    f"which leads back to '{start}'"))
    return problems


def _reaches(edges: Mapping[str, list[str]], origin: str, goal: str) -> bool:
    """True when `goal` is `origin` or can be reached from it."""
    seen, todo = set(), [origin]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            todo.extend(edges.get(node, []))
    return False


def _dates(content: Path, root: Path, objects: dict[str, dict[str, Any]],
           paths: Mapping[tuple[str, str], str]) -> dict[str, UnitDates]:
    history = git_dates(root, content)
    fallback = fallback_date()
    folders: dict[Path, Path] = {}
    found: dict[tuple[str, str], FileDates | None] = {}

    def of(kind: str, object_id: str) -> FileDates | None:
        if (kind, object_id) not in found:
            # Content files are never symbolic links: resolving their folder (once) suffices.
            path = root / paths[(kind, object_id)]
            if path.parent not in folders:
                folders[path.parent] = path.parent.resolve()
            found[(kind, object_id)] = history.get(folders[path.parent] / path.name)
        return found[(kind, object_id)]

    dates = {}
    for unit_id, unit in objects["units"].items():
        own = of("units", unit_id)
        changes = [d.last for d in [own, *(of("outcomes", o) for o in unit.outcomes)] if d]
        published = unit.published or (own.first if own else fallback)
        updated = unit.updated or (max(changes) if changes else None) or published
        dates[unit_id] = UnitDates(published=published, updated=updated)
    return dates


def _assemble(objects: dict[str, dict[str, Any]], paths: dict[tuple[str, str], str],
              dates: dict[str, UnitDates], warnings: list[CheckWarning]) -> Catalogue:
    units = dict(sorted(objects["units"].items()))
    by_provider: dict[str, list[str]] = {}
    by_outcome: dict[str, list[str]] = {}
    stacking_into: dict[str, list[str]] = {}  # each unit page asks: one pass here, not N there
    for unit_id, unit in units.items():
        for pid in dict.fromkeys([unit.provider, *unit.bodies]):
            by_provider.setdefault(pid, []).append(unit_id)
        for oid in unit.outcomes:
            by_outcome.setdefault(oid, []).append(unit_id)
        targets = unit.stackability.into if unit.stackability else []
        for target in dict.fromkeys(t.unit for t in targets if t.unit):
            stacking_into.setdefault(target, []).append(unit_id)
    frozen = MappingProxyType
    return Catalogue(
        units=frozen(units),
        outcomes=frozen(dict(sorted(objects["outcomes"].items()))),
        providers=frozen(dict(sorted(objects["providers"].items()))),
        paths=frozen(dict(sorted(paths.items()))),
        dates=frozen(dates),
        warnings=tuple(warnings),
        _units_by_provider=frozen({k: tuple(v) for k, v in by_provider.items()}),
        _units_by_outcome=frozen({k: tuple(v) for k, v in by_outcome.items()}),
        _units_stacking_into=frozen({k: tuple(v) for k, v in stacking_into.items()}),
    )
