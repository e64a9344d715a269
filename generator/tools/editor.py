"""The web editor's configuration (Decap CMS `admin/config.yml`), made from the models.

Every kind of the registry that `microvet new` can make is a collection (folder
`content/<folder>/`, one file per object, the file name is the id); every field of its model
is a form field whose widget follows the field's shape in the field reference
(`generator.tools.reference`): codes become selects labelled from their vocabulary, texts
one input per language, fields that name other objects (the registry's `Reference`s)
relation widgets, and each field's description is its hint. Nothing here is written by
hand, so the form cannot drift from what `microvet check` accepts.

`field_layout` is the same tree for the editor's own script (`admin/microvet-editor.js`),
which reads and writes the YAML: keys in the models' order, empty values left out, the
`$schema` comment on the first line, as `microvet new` writes them.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import yaml

from generator.content.models.base import ID_PATTERN
from generator.content.vocabularies import vocabulary
from generator.kinds import BY_NAME, EACH, KINDS, Kind, SiteInfo
from generator.tools.reference import FieldDoc, model_docs

EDITOR_LANGUAGES: tuple[str, ...] = (
    "en", "bg", "cs", "da", "de", "el", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt",
    "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
)
"""One input per language for every text: English first, then the EU's other official
languages. A file's texts in other languages are kept when the editor saves it."""

SHORT_TEXTS = frozenset({"title", "name", "label", "accreditation", "framework", "city",
                         "venue", "short_name", "phone", "code", "body"})
"""Fields whose text fits on one line (a one-line input instead of a text area)."""

FORMAT_PREFIX = "microvet-"
"""Each collection's file format, registered by admin/microvet-editor.js: `microvet-unit`."""

MEDIA_FOLDER = "pages/assets/uploads"
"""Decap requires a media folder; no field of the catalogue takes an upload."""

LOCAL_BACKEND_PORT = 8081
"""Where `npx decap-server` listens (its default): the editor on localhost saves to disk."""

EITHER_KEY = "_choice"
"""In the editor only: which of a field's alternatives is chosen (`online`, or the fields)."""
FIELDS_CHOICE = "fields"


def editor_kinds() -> tuple[Kind, ...]:
    """The kinds a provider creates and edits (those `microvet new` makes)."""
    return tuple(kind for kind in KINDS if kind.scaffold)


def references(kind: Kind) -> dict[str, str]:
    """Field paths (`outcomes`, `stackability.into.unit`) -> the folder of the kind named."""
    return {".".join(part for part in reference.path if part != EACH):
            BY_NAME[reference.target].folder for reference in kind.references}


def editor_config(site: SiteInfo) -> dict[str, Any]:
    """The whole Decap CMS configuration, as data."""
    config: dict[str, Any] = {
        "backend": backend(site),
        "local_backend": {"url": f"http://localhost:{LOCAL_BACKEND_PORT}/api/v1"},
        "publish_mode": "editorial_workflow",
        "site_url": site.url,
        "display_url": site.url,
        "media_folder": MEDIA_FOLDER,
        "public_folder": "/assets/uploads",
        "collections": [collection(kind) for kind in editor_kinds()],
    }
    return config


def backend(site: SiteInfo) -> dict[str, Any]:
    """Where saves go: a pull request per save on GitHub, else through Git Gateway."""
    branch = _branch(site.edit_uri)
    parts = urlsplit(site.repo_url or "")
    path = parts.path.strip("/").removesuffix(".git")
    if parts.hostname == "github.com" and path.count("/") == 1:
        settings: dict[str, Any] = {"name": "github", "repo": path, "branch": branch,
                                    "open_authoring": True}
        if site.editor_auth_url:
            settings["base_url"] = site.editor_auth_url
        return settings
    return {"name": "git-gateway", "branch": branch}


def _branch(edit_uri: str | None) -> str:
    """`edit/main/` (GitHub's edit links) -> `main`."""
    parts = [part for part in (edit_uri or "").split("/") if part]
    return parts[1] if len(parts) >= 2 and parts[0] in {"edit", "blob"} else "main"


def collection(kind: Kind) -> dict[str, Any]:
    """One kind as a folder collection: one YAML file per object, named by its id."""
    doc = next(doc for doc in model_docs() if doc.kind == kind.name)
    named = references(kind)
    return {
        "name": kind.folder,
        "label": kind.heading,
        "label_singular": kind.name.capitalize(),
        "description": doc.description,
        "folder": f"content/{kind.folder}",
        "extension": "yaml",
        "format": FORMAT_PREFIX + kind.name,
        "create": True,
        "delete": False,  # ids are published URLs: removing a file is a reviewed change
        "identifier_field": "id",
        "slug": "{{fields.id}}",
        "summary": "{{fields.id}}",
        "fields": [editor_field(field, named) for field in doc.fields],
    }


def editor_field(field: FieldDoc, named: dict[str, str], *,
                 optional: bool = False) -> dict[str, Any]:
    """One form field for `field`, its widget chosen by the field's shape.

    `optional`: the field is inside a group the provider may leave out (stacking options),
    so the editor cannot demand it; `microvet check` does once the group is filled in.
    """
    base: dict[str, Any] = {"name": field.name, "label": _label(field.name),
                            "required": field.required and not optional}
    if field.description:
        base["hint"] = field.description
    shape = field.shape
    if field.path in named:
        return {**base, **_relation(named[field.path], shape.many)}
    if shape.model is not None and shape.kind == "either":
        return {**base, **_either(field, named)}
    if shape.model is not None:
        inner = optional or not (field.required or shape.many)
        fields = [editor_field(sub, named, optional=inner) for sub in field.fields]
        if shape.many:
            return {**base, "widget": "list", "fields": fields, "collapsed": False}
        return {**base, "widget": "object", "fields": fields}
    if shape.many and shape.kind not in {"code", "choice"}:
        item = _scalar(field)
        item.pop("required", None)
        return {**base, "widget": "list", "field": {"name": _singular(field.name),
                                                    "label": _label(_singular(field.name)),
                                                    **item}}
    return {**base, **_scalar(field)}


def _scalar(field: FieldDoc) -> dict[str, Any]:
    """The widget of a field holding one value (or a list of codes)."""
    shape = field.shape
    if shape.kind == "text":
        return _text(field.name)
    if shape.vocabulary is not None:
        return _select(shape.vocabulary, shape.many, field.default)
    if shape.kind == "choice":
        return {"widget": "select", "multiple": shape.many,
                "options": [{"label": choice, "value": choice} for choice in shape.choices]}
    if shape.kind in {"number", "integer"}:
        return {"widget": "number", "value_type": "int" if shape.kind == "integer" else "float"}
    if shape.kind == "boolean":
        return {"widget": "boolean"}
    if shape.kind == "date":
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD",
                "time_format": False, "picker_utc": True}
    if shape.kind == "id":
        return {"widget": "string", "pattern": [ID_PATTERN.pattern, _ID_RULE]}
    if shape.kind == "url":
        return {"widget": "string", "pattern": ["^https?://", "a web address starting "
                                                "with https://"]}
    if shape.kind == "email":
        return {"widget": "string", "pattern": [r"^[^@\s]+@[^@\s]+$", "an e-mail address"]}
    return {"widget": "string" if field.name in SHORT_TEXTS else "text"}


_ID_RULE = ("3-64 characters: lowercase letters a-z, digits and single hyphens, "
            "starting and ending with a letter or digit")


def _text(name: str) -> dict[str, Any]:
    """A text in several languages: one input per language, in one group."""
    widget = "string" if name in SHORT_TEXTS else "text"
    return {
        "widget": "object",
        "collapsed": False,
        "summary": "{{fields.en}}",
        "fields": [{"name": code, "label": vocabulary("languages")[code].label,
                    "widget": widget, "required": False} for code in EDITOR_LANGUAGES],
    }


def _select(name: str, many: bool, default: Any) -> dict[str, Any]:
    """Allowed codes as a select, each shown with its label."""
    terms = vocabulary(name).terms
    widget: dict[str, Any] = {
        "widget": "select", "multiple": many,
        "options": [{"label": f"{term.label} ({term.code})" if term.label != term.code
                     else term.code, "value": term.code} for term in terms],
    }
    if isinstance(default, str) and default:
        widget["default"] = default
    return widget


def _relation(folder: str, many: bool) -> dict[str, Any]:
    """A field that names objects of another kind: pick them by id or title."""
    title = _title_field(BY_NAME[next(k.name for k in KINDS if k.folder == folder)])
    return {"widget": "relation", "collection": folder, "value_field": "{{fields.id}}",
            "search_fields": ["id", f"{title}.en"], "display_fields": ["id", f"{title}.en"],
            "multiple": many, "options_length": 50}


def _title_field(kind: Kind) -> str:
    """The text field that names an object of `kind` (`title`, or `name` for providers)."""
    return "title" if "title" in kind.model.model_fields else "name"


def _either(field: FieldDoc, named: dict[str, str]) -> dict[str, Any]:
    """A value listed (`online`) or a group of fields: a choice, then the fields."""
    choices = [*field.shape.choices, FIELDS_CHOICE]
    fields = [{**editor_field(sub, named), "required": False} for sub in field.fields]
    what = " or ".join(field.shape.choices)
    return {"widget": "object", "fields": [
        {"name": EITHER_KEY, "label": f"{what} or the fields below", "widget": "select",
         # No default: Decap would make a list item (a session) out of it on every new file.
         "options": [{"label": choice, "value": choice} for choice in choices],
         "required": False},
        *fields]}


def _label(name: str) -> str:
    """`eqf_level` -> `Eqf level`; the hint says what it means."""
    words = name.replace("_", " ")
    return words[0].upper() + words[1:]


def _singular(name: str) -> str:
    """`keywords` -> `keyword`, `assessment_criteria` -> `assessment criterion`."""
    if name.endswith("criteria"):
        return name.removesuffix("criteria") + "criterion"
    return name.removesuffix("s")


def field_layout() -> dict[str, Any]:
    """What the editor's script needs to read and write each kind's files like a person."""
    return {kind.name: {"schema": f"../../schemas/{kind.name}.schema.json",
                        "fields": _layout(next(d for d in model_docs()
                                               if d.kind == kind.name).fields)}
            for kind in editor_kinds()}


def _layout(fields: tuple[FieldDoc, ...]) -> list[dict[str, Any]]:
    layout = []
    for field in fields:
        entry: dict[str, Any] = {"name": field.name, "shape": field.shape.kind,
                                 "many": field.shape.many}
        if field.shape.kind == "either":
            entry["choices"] = list(field.shape.choices)
        if field.fields:
            entry["fields"] = _layout(field.fields)
        layout.append(entry)
    return layout


def config_yaml(site: SiteInfo) -> str:
    """`admin/config.yml`: the configuration, with a line saying where it comes from."""
    head = ("# Made by generator/tools/editor.py from the content models and the kind registry;\n"
            "# do not edit: `microvet build` writes it into the site as admin/config.yml.\n")
    return head + yaml.safe_dump(editor_config(site), sort_keys=False, allow_unicode=True,
                                 default_flow_style=None,
                                 width=100)
