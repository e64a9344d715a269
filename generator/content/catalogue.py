"""Gather every content file, validate it, resolve references: one immutable `Catalogue`."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from generator.content.errors import ContentError, Problem, display_path
from generator.content.history import FileDates, build_date, fallback_date, git_dates
from generator.content.models import EscoSkill, Outcome, Provider, Session, Unit
from generator.content.sources import SourceFile, read_source
from generator.content.validation import validate
from generator.content.vocabularies import vocabulary
from generator.kinds import BY_NAME, EACH, KINDS, Kind

MAX_DANGLING_PER_FILE = 20
"""Dangling references reported per file: each costs a fuzzy search over every known id."""

Key = tuple[str, str]
"""An object's (folder, id), e.g. `("units", "barista-basics")`."""


@dataclass(frozen=True, slots=True)
class UnitDates:
    """When a unit was first published and last changed (None when nothing says)."""

    published: dt.date | None
    updated: dt.date | None


@dataclass(frozen=True)
class Catalogue:
    """Everything the outputs need, validated and cross-checked; read-only.

    `objects` holds every kind of the registry (`generator.kinds`) by folder, then id;
    `units`, `outcomes` and `providers` are the same mappings by name.
    """

    objects: Mapping[str, Mapping[str, Any]]
    paths: Mapping[Key, str]
    dates: Mapping[str, UnitDates]
    _referrers: Mapping[Key, tuple[Key, ...]] = field(repr=False)
    today: dt.date = field(default_factory=build_date)
    """The build date (`build_date()`): sessions before it are past."""

    @property
    def units(self) -> Mapping[str, Unit]:
        """Every unit by id, sorted by id."""
        return self.objects["units"]

    @property
    def outcomes(self) -> Mapping[str, Outcome]:
        """Every learning outcome by id, sorted by id."""
        return self.objects["outcomes"]

    @property
    def providers(self) -> Mapping[str, Provider]:
        """Every provider by id, sorted by id."""
        return self.objects["providers"]

    def provider_of(self, unit: Unit) -> Provider:
        """The provider offering `unit`."""
        return self.providers[unit.provider]

    def awarding_bodies_of(self, unit: Unit) -> list[Provider]:
        """The awarding bodies of `unit` (its provider unless listed)."""
        return [self.providers[pid] for pid in unit.bodies]

    def outcomes_of(self, unit: Unit) -> list[Outcome]:
        """The unit's learning outcomes, in the order the unit lists them."""
        return [self.outcomes[oid] for oid in unit.outcomes]

    def unit_skills(self, unit: Unit) -> list[EscoSkill]:
        """The ESCO skills of all the unit's outcomes, each once, in outcome order."""
        seen: dict[str, EscoSkill] = {}
        for outcome in self.outcomes_of(unit):
            for skill in outcome.esco_skills:
                seen.setdefault(skill.uri, skill)
        return list(seen.values())

    def upcoming_sessions(self, unit: Unit) -> list[Session]:
        """The unit's sessions still open at build time, by start date."""
        return sorted((s for s in unit.sessions if not s.is_past(self.today)),
                      key=lambda session: session.start)

    def past_sessions(self, unit: Unit) -> list[Session]:
        """The unit's sessions that started or closed before the build, newest first."""
        return sorted((s for s in unit.sessions if s.is_past(self.today)),
                      key=lambda session: session.start, reverse=True)

    def next_session(self, unit: Unit) -> Session | None:
        """The first upcoming session, or None: "No dates announced"."""
        upcoming = self.upcoming_sessions(unit)
        return upcoming[0] if upcoming else None

    def referrers(self, folder: str, object_id: str, kind: str = "units") -> list[Key]:
        """The objects of folder `kind` that name this object in a reference, sorted by id."""
        return [key for key in self._referrers.get((folder, object_id), ()) if key[0] == kind]

    def units_of_provider(self, provider_id: str) -> list[Unit]:
        """Units offered or awarded by a provider, sorted by id."""
        return [self.units[uid] for _, uid in self.referrers("providers", provider_id)]

    def units_with_outcome(self, outcome_id: str) -> list[Unit]:
        """Units that list an outcome, sorted by id."""
        return [self.units[uid] for _, uid in self.referrers("outcomes", outcome_id)]

    def units_stacking_into(self, unit_id: str) -> list[Unit]:
        """Units whose stackability names `unit_id` (the inverse of `into`), sorted by id."""
        return [self.units[uid] for _, uid in self.referrers("units", unit_id)]

    def last_changed(self, folder: str, object_id: str) -> dt.date | None:
        """A unit's `updated` date; for anything else, the newest of the units naming it."""
        if folder == "units":
            return self.dates[object_id].updated
        dates = [d for _, uid in self.referrers(folder, object_id)
                 if (d := self.dates[uid].updated) is not None]
        return max(dates) if dates else None

    def recently_updated(self, count: int) -> list[Unit]:
        """The `count` most recently changed units, newest first (ties by id)."""
        def key(unit: Unit) -> tuple[dt.date, str]:
            updated = self.dates[unit.id].updated or dt.date.min
            return (updated, unit.id)
        return sorted(self.units.values(), key=key, reverse=True)[:count]

    def source_path(self, folder: str, object_id: str) -> str:
        """Repository path of an object's YAML file, e.g. `content/units/x.yaml`."""
        return self.paths[(folder, object_id)]


def load_catalogue(content: Path, *, root: Path | None = None) -> Catalogue:
    """Read and check every file under `content`; raise `ContentError` listing all problems."""
    root = root or content.parent
    if not content.is_dir():
        raise ContentError([Problem(display_path(content, root), 1, 1,
                                    "the content folder does not exist")])
    problems: list[Problem] = []
    objects: dict[str, dict[str, Any]] = {kind.folder: {} for kind in KINDS}
    sources: dict[Key, SourceFile] = {}
    raw: list[tuple[Kind, SourceFile]] = []
    paths: dict[Key, str] = {}
    for kind in KINDS:
        folder_display = display_path(content / kind.folder / "_", root)[:-1]  # resolved once
        for path in _files(content / kind.folder, root, problems):
            display = folder_display + path.name
            source, found = read_source(path, display)
            problems += found
            if source is None:
                continue
            raw.append((kind, source))
            reported = {(p.line, p.column) for p in found}  # say it once, in the reader's words
            obj, found = validate(kind.model, source,
                                  {"default_language": _language_of(source)})
            problems += [p for p in found if (p.line, p.column) not in reported]
            problems += _check_id(source, path)
            if obj is None:
                continue
            if obj.id in objects[kind.folder]:
                problems.append(source.problem(
                    ("id",), f"`id`: '{obj.id}' is already used by "
                             f"{paths[(kind.folder, obj.id)]}"))
                continue
            objects[kind.folder][obj.id] = obj
            sources[(kind.folder, obj.id)] = source
            paths[(kind.folder, obj.id)] = display
    known = {kind.name: {path.stem for path in _files(content / kind.folder, root, [])}
             for kind in KINDS}
    problems += _check_references(known, raw)
    for kind in KINDS:
        for check in kind.checks:
            problems += check(objects, sources)
    if problems:
        raise ContentError(problems)
    return _assemble(objects, paths, _dates(content, root, objects, paths))


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


def _check_references(known: Mapping[str, set[str]],
                      raw: list[tuple[Kind, SourceFile]]) -> list[Problem]:
    """Every id a file names must exist.

    Checked on the raw data of every file, valid or not, so that one run reports a dangling
    reference together with the file's other mistakes.
    """
    problems = []
    for kind, source in raw:
        dangling = [(loc, ref, reference.target)
                    for reference in kind.references
                    for loc, ref in _named(source.data, reference.path)
                    if isinstance(ref, str) and ref not in known[reference.target]]
        for loc, ref, target in dangling[:MAX_DANGLING_PER_FILE]:
            problems.append(source.problem(loc, _dangling(ref, target, known[target])))
        if len(dangling) > MAX_DANGLING_PER_FILE:
            problems.append(source.problem(
                dangling[MAX_DANGLING_PER_FILE][0],
                f"{len(dangling) - MAX_DANGLING_PER_FILE:,} more references from here on do "
                "not resolve either: fix the ones above first"))
    return problems


def _named(data: Any, path: tuple[str, ...],
           loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """The values at `path` in raw YAML data or a model, with their locations.

    `EACH` walks every item of a list; a missing key or attribute yields nothing.
    """
    if not path:
        yield loc, data
    elif path[0] == EACH:
        for index, item in enumerate(data if isinstance(data, list) else []):
            yield from _named(item, path[1:], (*loc, index))
    elif isinstance(data, dict):
        if path[0] in data:
            yield from _named(data[path[0]], path[1:], (*loc, path[0]))
    elif (value := getattr(data, path[0], None)) is not None:
        yield from _named(value, path[1:], (*loc, path[0]))


def _dangling(ref: str, kind: str, known: set[str]) -> str:
    close = difflib.get_close_matches(ref, sorted(known), n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    ref = ref if len(ref) <= 80 else ref[:77] + "..."  # ids have at most 64 characters
    folder = BY_NAME[kind].folder
    return f"no {kind} '{ref}': there is no file content/{folder}/{ref}.yaml{hint}"


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


def _assemble(objects: dict[str, dict[str, Any]], paths: dict[Key, str],
              dates: dict[str, UnitDates]) -> Catalogue:
    referrers: dict[Key, list[Key]] = {}  # each page asks: one pass here, not N there
    for kind in KINDS:
        for object_id in sorted(objects[kind.folder]):
            data = objects[kind.folder][object_id]
            for reference in kind.references:
                target = BY_NAME[reference.target].folder
                for _, ref in _named(data, reference.path):
                    if not isinstance(ref, str):
                        continue
                    named = referrers.setdefault((target, ref), [])
                    if not named or named[-1] != (kind.folder, object_id):
                        named.append((kind.folder, object_id))
    frozen = MappingProxyType
    return Catalogue(
        objects=frozen({folder: frozen(dict(sorted(found.items())))
                        for folder, found in objects.items()}),
        paths=frozen(dict(sorted(paths.items()))),
        dates=frozen(dates),
        _referrers=frozen({key: tuple(sorted(set(value))) for key, value in referrers.items()}),
    )
