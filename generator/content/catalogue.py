"""Gather every content file, validate it, resolve references: one immutable `Catalogue`."""

from __future__ import annotations

import datetime as dt
import difflib
import multiprocessing
import os
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

from generator.collector import collecting_rarely
from generator.content.advice import unit_warnings
from generator.content.errors import CheckWarning, ContentError, Problem, display_path
from generator.content.history import FileDates, build_date, fallback_date, repository_dates
from generator.content.labour import GapRow, Labour, labour_index
from generator.content.models import Demand, EscoSkill, Outcome, Provider, Session, Unit
from generator.content.models.base import ID_PATTERN, ContentModel
from generator.content.sources import SourceFile, read_source
from generator.content.strict_yaml import Loc
from generator.content.validation import validate
from generator.content.vocabularies import vocabulary
from generator.content.vocabularies.suggest import normalise
from generator.kinds import BY_FOLDER, BY_NAME, EACH, KINDS, Kind

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
    `units`, `outcomes`, `providers` and `demands` are the same mappings by name.
    """

    objects: Mapping[str, Mapping[str, Any]]
    paths: Mapping[Key, str]
    dates: Mapping[str, UnitDates]
    _referrers: Mapping[Key, tuple[Key, ...]] = field(repr=False)
    _references: Mapping[Key, tuple[Key, ...]] = field(repr=False)
    warnings: tuple[CheckWarning, ...] = ()
    """Valid but probably unintended content (content/advice.py), sorted."""
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

    @property
    def demands(self) -> Mapping[str, Demand]:
        """Every labour-market demand by id, sorted by id."""
        return self.objects["demands"]

    @cached_property
    def labour(self) -> Labour:
        """ESCO skills and occupations: who teaches them, who asks for them, the gaps."""
        return labour_index(self.units, self.outcomes, self.demands)

    def skill_gaps(self, *, demand: str | None = None, country: str | None = None,
                   sector: str | None = None) -> list[GapRow]:
        """Demanded skills with the units teaching them, uncovered first; filters combine.

        `sector` is a NACE section letter (`F`) or an ISCED-F code (`0713`).
        """
        chosen = [d for d in self.demands.values()
                  if (demand is None or d.id == demand)
                  and (country is None or d.region.country == country)
                  and (sector is None or sector in (d.sector.nace, d.sector.isced_f))]
        return self.labour.gaps(chosen)

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
        ours = self.units.get(unit.id) is unit
        kept = self._unit_skills.get(unit.id) if ours else None
        if kept is None:
            seen: dict[str, EscoSkill] = {}
            for outcome in self.outcomes_of(unit):
                for skill in outcome.esco_skills:
                    seen.setdefault(skill.uri, skill)
            kept = tuple(seen.values())
            if ours:
                self._unit_skills[unit.id] = kept
        return list(kept)

    @cached_property
    def _unit_skills(self) -> dict[str, tuple[EscoSkill, ...]]:
        """`unit_skills` of the catalogue's units, kept once asked (the statistics, the search
        index and the metadata ask for every unit's, some once per language)."""
        return {}

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

    def references_of(self, folder: str, object_id: str) -> list[Key]:
        """The objects this object names in its references, sorted."""
        return list(self._references.get((folder, object_id), ()))

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
        """A unit's `updated` date; a dated kind's own date (a demand); for anything else, the
        newest of the units naming it (or, for an object that names units itself, such as a
        pathway, of those units)."""
        if folder == "units":
            return self.dates[object_id].updated
        if (dated := BY_FOLDER[folder].dated) is not None:
            return dated(self.objects[folder][object_id])
        units = self.referrers(folder, object_id) or [
            key for key in self.references_of(folder, object_id) if key[0] == "units"]
        dates = [d for _, uid in units if (d := self.dates[uid].updated) is not None]
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


def load_catalogue(content: Path, *, root: Path | None = None,
                   today: dt.date | None = None) -> Catalogue:
    """Read and check every file under `content`; raise `ContentError` listing all problems.

    `today` (default: the build date) decides which sessions are past, for the warnings.
    """
    return CatalogueReader(content, root=root).read(today=today)


@dataclass(frozen=True, slots=True)
class _FileResult:
    """What reading and validating one file gave, and the file's state when it was read."""

    stamp: tuple[int, int, int]
    source: SourceFile | None
    obj: ContentModel | None
    problems: tuple[Problem, ...]
    references: tuple[tuple[Loc, Any, str], ...]
    """(where, the id named, the kind named) for every reference the registry lists."""
    named: tuple[Key, ...]
    """The same references as (folder, id), for the catalogue's indexes."""


class CatalogueReader:
    """Reads a content folder into a `Catalogue`; each later `read` re-reads changed files only.

    A file is read again when its size, modification time or inode changed; everything across
    files (ids, references, the kinds' checks, the catalogue's indexes) is checked afresh on
    every read, from what each file's last reading kept. Git history is read once per reader:
    a preview started before a commit keeps the dates it started with.
    """

    def __init__(self, content: Path, *, root: Path | None = None) -> None:
        self.content = content
        self.root = root or content.parent
        self._files: dict[str, _FileResult] = {}
        self._history: dict[str, FileDates] | None = None

    def read(self, *, today: dt.date | None = None) -> Catalogue:
        """The catalogue as the files are now; `ContentError` lists every problem.

        Its warnings judge sessions against `today` (default: the build date).
        """
        with collecting_rarely():
            return self._read(today)

    def _read(self, today: dt.date | None) -> Catalogue:
        content, root = self.content, self.root
        if not content.is_dir():
            raise ContentError([Problem(display_path(content, root), 1, 1,
                                        "the content folder does not exist")])
        problems: list[Problem] = []
        objects: dict[str, dict[str, Any]] = {kind.folder: {} for kind in KINDS}
        sources: dict[Key, SourceFile] = {}
        raw: list[tuple[SourceFile, _FileResult]] = []
        named: dict[Key, tuple[Key, ...]] = {}
        known: dict[str, set[str]] = {}
        seen: dict[str, _FileResult] = {}
        listed: list[tuple[Kind, os.DirEntry[str], str]] = []
        for kind in KINDS:
            folder_display = display_path(content / kind.folder / "_", root)[:-1]  # once
            entries = _entries(content / kind.folder, folder_display, problems)
            known[kind.name] = {entry.name.removesuffix(".yaml") for entry in entries}
            listed += [(kind, entry, folder_display + entry.name) for entry in entries]
        for (kind, entry, _), result in zip(listed, self._results(listed), strict=True):
            seen[entry.path] = result
            problems += result.problems
            source, obj = result.source, result.obj
            if source is not None:
                raw.append((source, result))
            if obj is None or source is None:
                continue
            key = (kind.folder, obj.id)
            if obj.id in objects[kind.folder]:
                problems.append(source.problem(
                    ("id",), f"`id`: '{obj.id}' is already used by {sources[key].path}"))
                continue
            objects[kind.folder][obj.id] = obj
            sources[key] = source
            named[key] = result.named
        self._files = seen  # forget deleted files
        references = _check_references(known, _titles(objects), raw)
        spots = {(p.path, p.line, p.column) for p in references}  # say it once: the reference
        problems = [p for p in problems if (p.path, p.line, p.column) not in spots] + references
        for kind in KINDS:
            for check in kind.checks:
                problems += check(objects, sources)
        if problems:
            raise ContentError(problems)
        paths = {key: source.path for key, source in sources.items()}
        today = today or build_date()
        warnings = unit_warnings(objects["units"], objects["outcomes"], sources, today)
        return _assemble(objects, paths, named, _dates(self._dates_of, objects, paths),
                         warnings, today)

    def _results(self, listed: list[tuple[Kind, os.DirEntry[str], str]]) -> list[_FileResult]:
        """Each listed file read and validated, or the result of last time if unchanged."""
        kept: list[_FileResult | None] = []
        jobs: list[Job] = []
        for kind, entry, display in listed:
            try:
                status = entry.stat()
                stamp = (status.st_mtime_ns, status.st_size, status.st_ino)
            except OSError:
                stamp = (0, 0, 0)
            cached = self._files.get(entry.path)
            if cached is not None and cached.stamp == stamp and stamp != (0, 0, 0):
                kept.append(cached)
            else:
                kept.append(None)
                jobs.append((kind.name, entry.path, display, stamp))
        fresh = iter(_read_files_at_once(jobs))
        return [result if result is not None else next(fresh) for result in kept]

    def _dates_of(self, display: str) -> FileDates | None:
        """Git dates of a content file, by its display path (history read once)."""
        if self._history is None:
            top, dates = repository_dates(self.root, self.content)
            self._history = {}
            if top:
                # Display paths are from `root`; git's are from the repository's top.
                start = os.path.relpath(self.root.resolve(), Path(top).resolve())
                prefix = "" if start == "." else Path(start).as_posix() + "/"
                self._history = {path.removeprefix(prefix): known for path, known
                                 in dates.items() if path.startswith(prefix)}
        return self._history.get(display)


Stamp = tuple[int, int, int]
"""A file's modification time, size and inode: when any changes, the file is read again."""

Job = tuple[str, str, str, Stamp]
"""A file to read: (kind name, path, display path, stamp)."""

PARALLEL_FROM = 2_000
"""Files to read at once from which a second process reads half of them."""


def _read_files_at_once(jobs: list[Job]) -> list[_FileResult]:
    """Read and validate the files; many of them with a second process reading half.

    Reading is Python from end to end (YAML events, validation), so one process uses one
    core: at 10,000 units `microvet check` spends 4 of its 5 s here. The second process is
    forked (no start-up, no imports) only from a process without other threads, and its
    results are exactly what this process would have made; if it fails, its half is read
    here.
    """
    if (len(jobs) < PARALLEL_FROM or (os.cpu_count() or 1) < 2
            or threading.active_count() > 1
            or "fork" not in multiprocessing.get_all_start_methods()):
        return _read_files(jobs)
    half = len(jobs) // 2
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        theirs = pool.submit(_read_files, jobs[half:])
        mine = _read_files(jobs[:half])
        try:
            return mine + theirs.result()
        except BrokenProcessPool:  # the second process died (killed, out of memory)
            return mine + _read_files(jobs[half:])


def _read_files(jobs: list[Job]) -> list[_FileResult]:
    return [_read_file(BY_NAME[kind], Path(path), display, stamp)
            for kind, path, display, stamp in jobs]


def _read_file(kind: Kind, path: Path, display: str, stamp: Stamp) -> _FileResult:
    """One file read and validated: what it is, its problems and the references it makes."""
    source, found = read_source(path, display)
    obj: ContentModel | None = None
    references: tuple[tuple[Loc, Any, str], ...] = ()
    if source is not None:
        reported = {(p.line, p.column) for p in found}  # say it once, in the reader's words
        obj, more = validate(kind.model, source, {"default_language": _language_of(source)})
        found += [p for p in more if (p.line, p.column) not in reported]
        found += _check_id(source, path)
        references = tuple((loc, ref, reference.target) for reference in kind.references
                           for loc, ref in _named(source.data, reference.path))
    named = tuple((BY_NAME[target].folder, ref) for _, ref, target in references
                  if isinstance(ref, str))
    return _FileResult(stamp, source, obj, tuple(found), references, named)


def _entries(folder: Path, folder_display: str,
             problems: list[Problem]) -> list[os.DirEntry[str]]:
    """The `.yaml` files of a content folder, by name; anything else is a problem."""
    if not folder.is_dir():
        return []
    entries = []
    with os.scandir(folder) as scan:
        for entry in sorted(scan, key=lambda entry: entry.name):
            if entry.name.startswith("."):
                continue
            if entry.name.endswith(".yaml") and entry.is_file():
                entries.append(entry)
            else:
                problems.append(Problem(folder_display + entry.name, 1, 1,
                                        "only `.yaml` files belong in this folder: rename "
                                        "or move it"))
    return entries


def _language_of(source: SourceFile) -> str:
    language = source.data.get("default_language", "en")
    return language if isinstance(language, str) and language in vocabulary("languages") else "en"


def _check_id(source: SourceFile, path: Path) -> list[Problem]:
    declared = source.data.get("id")
    if isinstance(declared, str) and declared != path.stem:
        return [source.problem(("id",), f"`id`: '{declared}' differs from the file name "
                               f"'{path.name}': they must be equal (rename one of them)")]
    return []


def _titles(objects: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, str]]:
    """Normalised title or name, in every language -> id, by kind name."""
    titles: dict[str, dict[str, str]] = {}
    for kind in KINDS:
        found = titles.setdefault(kind.name, {})
        for object_id, obj in objects[kind.folder].items():
            text = getattr(obj, "title", None) or getattr(obj, "name", None)
            for words in (text.values() if isinstance(text, Mapping) else ()):
                found.setdefault(normalise(words), object_id)
    return titles


def _check_references(known: Mapping[str, set[str]], titles: Mapping[str, dict[str, str]],
                      raw: list[tuple[SourceFile, _FileResult]]) -> list[Problem]:
    """Every id a file names must exist.

    Checked on the raw data of every file, valid or not, so that one run reports a dangling
    reference together with the file's other mistakes.
    """
    problems = []
    for source, result in raw:
        dangling = [(loc, ref, target) for loc, ref, target in result.references
                    if isinstance(ref, str) and ref not in known[target]]
        for loc, ref, target in dangling[:MAX_DANGLING_PER_FILE]:
            message = (_dangling(ref, target, known[target]) if ID_PATTERN.fullmatch(ref) else
                       _not_an_id(ref, target, titles.get(target, {}), known[target]))
            if message:
                problems.append(source.problem(loc, message))
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


def _not_an_id(ref: str, kind: str, titles: dict[str, str], known: set[str]) -> str | None:
    """A reference that is not an id: say what to write instead, once, and invent no path.

    None leaves the model's own words (what an id looks like) when nothing better is known.
    """
    folder = BY_NAME[kind].folder
    shown = ref if len(ref) <= 80 else ref[:77] + "..."
    where = f"the {kind}'s id, the name of its file in content/{folder}/ without .yaml"
    slug = re.sub(r"[^a-z0-9]+", "-", ref.casefold()).strip("-")
    if normalise(ref) in titles:
        article = "an" if kind[0] in "aeiou" else "a"
        return (f"'{shown}' is the title of {article} {kind}, not its id: write "
                f"'{titles[normalise(ref)]}' (the name of its file without .yaml)")
    if slug in known:
        return (f"'{shown}' is not written as an id: write '{slug}' (ids use lowercase "
                "letters, digits and hyphens)")
    last = re.split(r"[/\\]", ref)[-1].removesuffix(".yaml")
    if last != ref and last in known:
        return f"'{shown}' is a path, not an id: write '{last}' (the file name without .yaml)"
    close = difflib.get_close_matches(slug, sorted(known), n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    if any(ch.isspace() for ch in ref.strip()) or any(ch.isupper() for ch in ref):
        return f"'{shown}' looks like a title, not an id: write {where}{hint}"
    return f"'{shown}' is not an id: write {where}{hint}" if hint else None


def _dates(dates_of: Callable[[str], FileDates | None], objects: dict[str, dict[str, Any]],
           paths: Mapping[Key, str]) -> dict[str, UnitDates]:
    """Each unit's dates: its own, else its file's (and its outcomes') git history."""
    fallback = fallback_date()
    dates = {}
    for unit_id, unit in objects["units"].items():
        own = dates_of(paths[("units", unit_id)])
        changes = [d.last for d in [own, *(dates_of(paths[("outcomes", o)])
                                           for o in unit.outcomes)] if d]
        published = unit.published or (own.first if own else fallback)
        updated = unit.updated or (max(changes) if changes else None) or published
        dates[unit_id] = UnitDates(published=published, updated=updated)
    return dates


def _assemble(objects: dict[str, dict[str, Any]], paths: dict[Key, str],
              named: Mapping[Key, tuple[Key, ...]], dates: dict[str, UnitDates],
              warnings: list[CheckWarning], today: dt.date) -> Catalogue:
    referrers: dict[Key, set[Key]] = {}  # each page asks: one pass here, not N there
    for key, targets in named.items():
        for target in targets:
            referrers.setdefault(target, set()).add(key)
    frozen = MappingProxyType
    return Catalogue(
        objects=frozen({folder: frozen(dict(sorted(found.items())))
                        for folder, found in objects.items()}),
        paths=frozen(dict(sorted(paths.items()))),
        dates=frozen(dates),
        _referrers=frozen({key: tuple(sorted(value)) for key, value in referrers.items()}),
        _references=frozen({key: tuple(sorted(set(value))) for key, value in named.items()
                            if value}),
        warnings=tuple(warnings),
        today=today,
    )
