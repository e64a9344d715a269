"""`microvet diff`: what a change does to the catalogue, in catalogue terms, as Markdown.

Both sides are loaded as catalogues, so a reviewer sees "workload.hours: 25 → 30" instead of
YAML lines, and a change that only reformats a file shows no change at all.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel

from generator.content.catalogue import Catalogue, load_catalogue
from generator.content.errors import ContentError
from generator.content.serialise import plain_number
from generator.content.text import pick
from generator.kinds import KINDS, Kind

STATUSES = ("added", "changed", "removed")

MAX_VALUE = 80
"""Longer values (summaries, descriptions) are cut: the reviewer sees that they changed."""


class DiffError(Exception):
    """The comparison cannot be made; the message says why, for people."""


@dataclass(frozen=True)
class Change:
    """One object of any kind (unit, pathway, ...) that was added, removed or changed."""

    folder: str
    object_id: str
    title: str
    status: str
    fields: tuple[tuple[str, Any, Any], ...] = ()
    affects: tuple[str, ...] = ()
    """Units whose pages and metadata change with a changed outcome or provider."""


def diff_revisions(base: str, head: str | None, content: Path, cwd: Path) -> str:
    """Markdown summary of the catalogue changes from `base` to `head` (None: working tree)."""
    repo = _git(cwd, "rev-parse", "--show-toplevel").strip()
    prefix = (cwd / content).resolve().relative_to(Path(repo).resolve()).as_posix()
    head_label = f"`{head}`" if head else "the working tree"
    title = f"## Catalogue changes from `{base}` to {head_label}\n"
    with tempfile.TemporaryDirectory(prefix="microvet-diff-") as temporary:
        old = _load(f"`{base}`", *_extract(Path(repo), base, prefix, Path(temporary, "base")))
        if head is None:
            new = _load(head_label, cwd / content, cwd)
        else:
            new = _load(head_label, *_extract(Path(repo), head, prefix, Path(temporary, "head")))
    return title + "\n" + markdown(catalogue_changes(old, new))


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=True,
                                input=stdin, timeout=300)
    except FileNotFoundError:
        raise DiffError("git is not installed: microvet diff compares git revisions") from None
    except subprocess.CalledProcessError as error:
        message = error.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DiffError(f"git {args[0]} failed: {message[-1] if message else error}") from None
    return result.stdout.decode("utf-8", "surrogateescape")


def _extract(repo: Path, revision: str, prefix: str, target: Path) -> tuple[Path, Path]:
    """Write the content folder of `revision` under `target`; return (content, root)."""
    try:
        _git(repo, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except DiffError:
        raise DiffError(f"'{revision}' is not a commit, branch or tag of this repository"
                        ) from None
    listing = _git(repo, "ls-tree", "-r", "-z", revision, "--", prefix)
    blobs = []
    for entry in filter(None, listing.split("\0")):
        meta, path = entry.split("\t", 1)
        _mode, kind, sha = meta.split()
        if kind == "blob":
            blobs.append((sha, path))
    contents = _cat_files(repo, [sha for sha, _ in blobs])
    for (_sha, path), data in zip(blobs, contents, strict=True):
        destination = target.joinpath(*PurePosixPath(path).parts)
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)
    content = target.joinpath(*PurePosixPath(prefix).parts)
    content.mkdir(parents=True, exist_ok=True)
    return content, target


def _cat_files(repo: Path, shas: list[str]) -> list[bytes]:
    """Every blob's bytes from one `git cat-file --batch` (one process for any number)."""
    if not shas:
        return []
    output = subprocess.run(["git", "cat-file", "--batch"], cwd=repo, capture_output=True,
                            check=True, input="".join(f"{sha}\n" for sha in shas).encode(),
                            timeout=300).stdout
    blobs, position = [], 0
    for _ in shas:
        header_end = output.index(b"\n", position)
        size = int(output[position:header_end].split()[2])
        blobs.append(output[header_end + 1 : header_end + 1 + size])
        position = header_end + 1 + size + 1
    return blobs


def _load(label: str, content: Path, root: Path) -> Catalogue:
    try:
        return load_catalogue(content, root=root)
    except ContentError as error:
        listing = "\n".join(f"- {problem}" for problem in error.problems)
        raise DiffError(
            f"The catalogue in {label} is not valid, so it cannot be compared "
            f"({len(error.problems)} problem(s); `microvet check` lists them):\n\n{listing}"
        ) from None


def catalogue_changes(old: Catalogue, new: Catalogue) -> list[Change]:
    """Every object added, removed or changed, by section, status and id."""
    changes = []
    for kind in KINDS:
        folder = kind.folder
        before: Mapping[str, BaseModel] = old.objects[folder]
        after: Mapping[str, BaseModel] = new.objects[folder]
        for object_id in sorted(after.keys() - before.keys()):
            changes.append(Change(folder, object_id, _title(kind, after[object_id]), "added"))
        for object_id in sorted(before.keys() & after.keys()):
            fields = field_changes(before[object_id], after[object_id])
            if fields:
                changes.append(Change(folder, object_id, _title(kind, after[object_id]),
                                      "changed", fields, _affected(new, folder, object_id)))
        for object_id in sorted(before.keys() - after.keys()):
            changes.append(Change(folder, object_id, _title(kind, before[object_id]), "removed"))
    return changes


def _affected(catalogue: Catalogue, folder: str, object_id: str) -> tuple[str, ...]:
    """Units that show an outcome or a provider (as offerer or awarding body), by id."""
    if folder in {"outcomes", "providers"}:
        return tuple(uid for _, uid in catalogue.referrers(folder, object_id))
    return ()


def _title(kind: Kind, obj: BaseModel) -> str:
    return pick(kind.title(obj))


def field_changes(old: BaseModel, new: BaseModel) -> tuple[tuple[str, Any, Any], ...]:
    """(`workload.hours`, 25, 30) for every field whose value differs; absent is None."""
    before, after = flatten(old), flatten(new)
    keys = [*after, *(key for key in before if key not in after)]
    return tuple((key, before.get(key), after.get(key)) for key in keys
                 if before.get(key) != after.get(key))


def flatten(obj: BaseModel) -> dict[str, Any]:
    """Field path -> plain value; lists of values stay whole, empty values are left out."""
    flat: dict[str, Any] = {}
    _flatten_into(flat, "", obj.model_dump(mode="python"))
    return flat


def _flatten_into(flat: dict[str, Any], path: str, value: Any) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten_into(flat, f"{path}.{key}" if path else str(key), item)
    elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
        for index, item in enumerate(value):
            _flatten_into(flat, f"{path}[{index}]", item)
    elif value not in (None, [], ""):
        flat[path] = _plain(value)


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def markdown(changes: list[Change]) -> str:
    """The summary line, then one section per kind with its added, changed, removed objects."""
    if not changes:
        *others, last = [kind.folder for kind in KINDS]
        return f"No changes to {', '.join(others)} or {last}.\n"
    counts = []
    sections = []
    for kind in KINDS:
        heading, word = kind.heading, kind.name
        mine = [change for change in changes if change.folder == kind.folder]
        if not mine:
            continue
        tally = [f"{sum(c.status == status for c in mine)} {status}" for status in STATUSES
                 if any(c.status == status for c in mine)]
        counts.append(f"**{heading}:** {', '.join(tally)}.")
        lines = [f"### {heading}", ""]
        for status in STATUSES:
            for change in (c for c in mine if c.status == status):
                lines.append(f"- {status.capitalize()} {word} `{change.object_id}`: "
                             f"{_escape(change.title)}")
                lines += [f"  - `{path}`: {show(old)} → {show(new)}"
                          for path, old, new in change.fields]
                if change.affects:
                    lines.append(f"  - Affects {len(change.affects)} unit(s): "
                                 + ", ".join(f"`{uid}`" for uid in change.affects))
        sections.append("\n".join(lines) + "\n")
    return " ".join(counts) + "\n\n" + "\n".join(sections)


def show(value: Any) -> str:
    """A value as inline code, cut to `MAX_VALUE` characters; absent as *(none)*."""
    if value is None:
        return "*(none)*"
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, list):
        text = ", ".join(str(item) for item in value)
    else:
        text = str(value)
    text = " ".join(text.split()).replace("`", "'")
    if len(text) > MAX_VALUE:
        text = text[: MAX_VALUE - 1] + "…"
    return f"`{text}`"


def _escape(text: str) -> str:
    """Content titles as plain Markdown text: no accidental emphasis, links or HTML."""
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text
