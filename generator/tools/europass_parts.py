"""The pieces of a Europass import: ids, official concepts, organisations, outcomes, places.

`Parts` collects every object an import makes (units, outcomes, providers, by id) with the
source nodes each came from, so the nodes' unread properties can be named in its file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from generator.content.models.esco import ESCO_URI
from generator.content.vocabularies import vocabulary
from generator.tools.europass_source import Document, Node

OWN_ID = re.compile(r"/(units|outcomes|providers)/([a-z0-9][a-z0-9-]{1,62}[a-z0-9])/(?:#.*)?$")
"""An `@id` made by this catalogue: `https://.../units/barista-basics/#learning-opportunity`."""

CATEGORIES = {"knowledge": "knowledge", "skill": "skill"}
"""ELM skill type -> outcome category (ESCO files competences under "skill")."""


def slug(text: str) -> str:
    """`Digital micro-credential creation` -> `digital-micro-credential-creation`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return re.sub("-+", "-", words)[:64].rstrip("-")


@dataclass
class Parts:
    """Everything one import makes, by (kind, id), and the source nodes of each."""

    document: Document
    provider: str | None
    objects: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    sources: dict[tuple[str, str], list[Node]] = field(default_factory=dict)
    skipped: dict[int, list[str]] = field(default_factory=dict)
    by_node: dict[int, str] = field(default_factory=dict)

    def own_id(self, node_id: str, folder: str) -> str | None:
        """The id of an object of this catalogue, from the `@id` our outputs give it."""
        match = OWN_ID.search(node_id)
        return match.group(2) if match and match.group(1) == folder else None

    def new_id(self, kind: str, text: dict[str, str] | None) -> str:
        """A free id from a title (`kind-1`, `kind-2`... when the title gives none)."""
        base = slug(next(iter(text.values()))) if text else ""
        base = base if len(base) >= 3 else f"{kind}-{base}".rstrip("-")
        candidate, number = base, 2
        while (kind, candidate) in self.objects or not candidate[-1].isalnum():
            candidate = f"{base[:60]}-{number}"
            number += 1
        return candidate

    def add(self, kind: str, object_id: str, data: dict[str, Any], nodes: list[Node]) -> None:
        """Record an object made from `nodes`."""
        self.objects[(kind, object_id)] = data
        self.sources[(kind, object_id)] = nodes

    def unclaimed(self, before: set[int], types: set[str]) -> list[Node]:
        """Nodes of `types` read since `before` that no outcome or provider claims."""
        claimed = {id(node) for nodes in self.sources.values() for node in nodes}
        return [node for key, node in self.document.nodes.items()
                if key not in before and id(node) not in claimed and set(node.types()) & types]

    def skip(self, node: Node, key: str, why: str) -> None:
        """A property that was read but could not be mapped."""
        self.skipped.setdefault(id(node), []).append(f"{_name(node)}.{key}: {why}")

    def skipped_of(self, kind: str, object_id: str) -> list[str]:
        """What the object's source nodes held that was not mapped."""
        found: list[str] = []
        for node in self.sources.get((kind, object_id), []):
            found += self.skipped.get(id(node), [])
            found += [name for name in node.unread() if name not in found]
        return list(dict.fromkeys(found))

    def organisation(self, node: Node | None) -> str | None:
        """The provider id of an organisation, drafting the provider the first time."""
        if node is None:
            return None
        if id(node) in self.by_node:
            return self.by_node[id(node)]
        name = node.text("legalName") or node.text("prefLabel")
        provider_id = self.own_id(node.id, "providers") or self.new_id("provider", name)
        self.by_node[id(node)] = provider_id
        place = node.node("location")
        contact = node.node("contactPoint")
        own_page = node.id.partition("#")[0]
        pages = [page.string("contentURL") for page in node.nodes("homepage")]
        data: dict[str, Any] = {
            "id": provider_id, "default_language": next(iter(name)) if name else "en",
            "name": name, "short_name": _one(node.text("altLabel")),
            "homepage": next((page for page in pages if page and page != own_page), None),
        }
        data.update(_address(self, place) if place else {})
        data.update(_contact(contact) if contact else {})
        self.add("provider", provider_id, data, [n for n in (node, place, contact) if n])
        return provider_id

    def outcome(self, node: Node) -> str:
        """The id of a learning outcome, drafting it the first time."""
        if id(node) in self.by_node:
            return self.by_node[id(node)]
        statement = node.text("title")
        outcome_id = self.own_id(node.id, "outcomes") or self.new_id("outcome", statement)
        self.by_node[id(node)] = outcome_id
        category = concept_code(node, "dcType", "skill_types", self)
        data = {
            "id": outcome_id, "title": statement, "statement": statement,
            "category": CATEGORIES.get(category or ""),
            "reuse_level": concept_code(node, "reusabilityLevel", "reuse_levels", self),
            "esco_skills": [skill for skill in (_esco(self, node, concept)
                                                for concept in node.nodes("relatedESCOSkill"))
                            if skill],
            "other_skills": [_other_skill(skill) for skill in node.nodes("relatedSkill")],
            "assessment_criteria": [note.text("noteLiteral")
                                    for note in node.nodes("additionalNote")],
        }
        if statement:
            self.skip(node, "title", "copied into both `title` and `statement`: shorten "
                      "`title` to a label")
        self.add("outcome", outcome_id, data, [node])
        return outcome_id


def _name(node: Node) -> str:
    types = node.types()
    return types[0] if types else node.path


def _one(text: dict[str, str] | None) -> str | None:
    return next(iter(text.values())) if text else None


def _address(parts: Parts, place: Node) -> dict[str, Any]:
    address = place.node("address")
    full = address.node("fullAddress") if address else None
    return {
        "city": _one(place.text("geographicName")),
        "country": concept_code(address, "countryCode", "countries", parts) if address else None,
        "address": _one(full.text("noteLiteral")) if full else None,
    }


def _contact(contact: Node) -> dict[str, Any]:
    mailbox = contact.node("emailAddress")
    email = mailbox.id if mailbox else contact.string("emailAddress")
    phone = contact.node("phone")
    return {"email": email.removeprefix("mailto:") if email else None,
            "phone": phone.string("phoneNumber") if phone else None}


def _esco(parts: Parts, outcome: Node, skill: Node) -> dict[str, Any] | None:
    if not ESCO_URI["skill"].fullmatch(skill.id):
        parts.skip(outcome, "relatedESCOSkill", f"'{skill.id}' is not an ESCO skill URI")
        return None
    return {"uri": skill.id, "label": _one(skill.text("prefLabel"))}


def _other_skill(skill: Node) -> dict[str, Any]:
    scheme = skill.node("inScheme")
    framework = (_one(scheme.text("prefLabel")) or scheme.id) if scheme else None
    return {"framework": framework or skill.id or "unknown framework",
            "label": skill.text("prefLabel"), "code": skill.string("notation"),
            "url": skill.id if skill.id.startswith(("http://", "https://")) else None}


def place_of(parts: Parts, place: Node) -> dict[str, Any]:
    """A session's place: city and country; the full address line as `address`."""
    found = _address(parts, place)
    return {key: value for key, value in found.items() if value}


def concept_code(node: Node | None, key: str, vocab: str, parts: Parts) -> str | None:
    """Our code for the first official concept in `key` that we know."""
    codes = concept_codes(node, key, vocab, parts)
    if len(codes) > 1 and node is not None:
        parts.skip(node, key, f"only the first of {', '.join(codes)} is kept")
    return codes[0] if codes else None


def concept_codes(node: Node | None, key: str, vocab: str, parts: Parts) -> list[str]:
    """Our codes for the official concepts in `key`; unknown concepts are noted."""
    if node is None:
        return []
    terms = vocabulary(vocab)
    codes = []
    for value in node.values(key):
        uri = value.get("@id") if isinstance(value, dict) else value
        term = terms.by_uri(str(uri)) if uri else None
        if term is None:
            parts.skip(node, key, f"<{uri}> is not in the list of {terms.title}")
        elif term.code not in codes:
            codes.append(term.code)
    return codes
