"""`microvet credential`: unsigned OB 3.0 and Europass credentials that embed the catalogue's
achievement, validated against 1EdTech's schema and the ELM shapes we have."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REFERENCE, ROOT

from generator.cli import main
from generator.content.catalogue import Catalogue, load_catalogue
from generator.kinds import SiteInfo
from generator.outputs import render_outputs
from generator.outputs.credentials import (
    Recipient,
    RecipientError,
    credential_id,
    europass_draft,
    open_badge,
)
from generator.tools.standards.elm import shacl_violations
from generator.tools.standards.jsonld import expand_strictly
from generator.tools.standards.ob3 import credential_errors

SITE = SiteInfo(url="https://microvet-catalogue.github.io/microvet/")
ANA = Recipient("Ana Andromeda", "mailto:ana@example.org")
DAY = dt.date(2027, 3, 1)
EU_SAMPLE = REFERENCE / "elm" / "examples" / "Sample-MC-Annex1-unsigned.jsonld"


@pytest.fixture(scope="module")
def sample() -> Catalogue:
    return load_catalogue(ROOT / "content")


@pytest.mark.parametrize("unit_id", ["barista-basics", "forklift-safety-basics",
                                     "integrated-renewable-systems-planning"])
def test_the_open_badge_is_valid_and_embeds_the_published_achievement(sample, unit_id):
    badge = open_badge(sample, sample.units[unit_id], SITE, ANA, DAY)
    assert credential_errors(badge) == []
    expand_strictly(badge)
    published = json.loads(render_outputs(sample, SITE)[f"units/{unit_id}/achievement.json"])
    published.pop("@context")
    assert badge["credentialSubject"]["achievement"] == published
    assert badge["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert badge["credentialSubject"]["id"] == "mailto:ana@example.org"
    assert badge["credentialSubject"]["identifier"] == [
        {"type": "IdentityObject", "identityType": "name", "hashed": False,
         "identityHash": "Ana Andromeda"}]
    assert badge["validFrom"] == "2027-03-01T00:00:00Z"
    assert "proof" not in badge


def test_the_schema_catches_a_broken_credential(sample):
    badge = open_badge(sample, sample.units["barista-basics"], SITE, ANA, DAY)
    del badge["issuer"]
    assert credential_errors(badge) == ["(root): 'issuer' is a required property"]


def test_the_europass_draft_points_to_the_stable_achievement_uri(sample):
    unit = sample.units["heat-pump-installation"]
    draft = europass_draft(sample, unit, SITE, ANA, DAY)
    expand_strictly(draft)
    assert shacl_violations(draft) == []
    claim = draft["credentialSubject"]["hasClaim"]
    assert claim["specifiedBy"]["@id"] == SITE.absolute(
        "units/heat-pump-installation/#learning-achievement-specification")
    published = json.loads(render_outputs(sample, SITE)["units/heat-pump-installation/elm.jsonld"])
    assert claim["specifiedBy"] == published["@graph"][0]["learningAchievementSpecification"]
    assert draft["credentialSubject"]["fullName"] == {"de": "Ana Andromeda"}


def test_the_europass_draft_has_the_shape_of_the_eu_sample(sample):
    official = json.loads(EU_SAMPLE.read_text(encoding="utf-8"))
    draft = europass_draft(sample, sample.units["barista-basics"], SITE, ANA, DAY)
    assert draft["@context"] == official["@context"]
    assert draft["type"] == official["type"]
    assert draft["credentialSchema"] == official["credentialSchema"]
    assert draft["credentialProfiles"] == official["credentialProfiles"]
    assert set(draft) <= set(official)
    assert draft["credentialSubject"]["type"] == official["credentialSubject"]["type"]
    assert draft["credentialSubject"]["hasClaim"]["type"] == "LearningAchievement"


def test_one_learner_one_unit_one_day_is_one_credential_id():
    page = SITE.absolute("units/barista-basics/")
    assert credential_id(page, ANA, DAY) == credential_id(page, ANA, DAY)
    assert credential_id(page, ANA, DAY) != credential_id(page, ANA, DAY + dt.timedelta(1))
    assert credential_id(page, ANA, DAY).startswith("urn:uuid:")


def test_a_recipient_is_named_by_a_uri():
    with pytest.raises(RecipientError) as raised:
        Recipient("Ana", "ana@example.org")
    assert str(raised.value) == ("'ana@example.org' is not a URI: use mailto:name@example.org, "
                                 "a did:..., or an https:// address that identifies the learner")
    with pytest.raises(RecipientError):
        Recipient("  ", "mailto:ana@example.org")
    assert Recipient("Ana", "did:example:123").id == "did:example:123"


def run(*args: str) -> object:
    return CliRunner().invoke(main, ["credential", *args], catch_exceptions=False)


def test_the_command_writes_both_formats(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("MICROVET_SITE_URL", SITE.url)
    target = tmp_path / "ana.json"
    result = run("barista-basics", "--recipient-name", "Ana Andromeda", "--recipient-id",
                 "mailto:ana@example.org", "--issued", "2027-03-01", "-o", str(target))
    assert result.exit_code == 0
    assert result.stderr == f"Wrote {target.as_posix()} (unsigned: sign it before you send it)\n"
    badge = json.loads(target.read_text(encoding="utf-8"))
    assert credential_errors(badge) == []
    assert badge["credentialSubject"]["achievement"]["id"] == SITE.absolute(
        "units/barista-basics/achievement.json")
    result = run("barista-basics", "--format", "elm", "--recipient-name", "Ana Andromeda",
                 "--recipient-id", "mailto:ana@example.org", "--issued", "2027-03-01")
    assert json.loads(result.stdout)["type"] == ["VerifiableCredential",
                                                 "EuropeanDigitalCredential"]


def test_the_site_address_comes_from_mkdocs_yml(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("MICROVET_SITE_URL", raising=False)
    result = run("barista-basics", "--recipient-name", "Ana", "--recipient-id",
                 "mailto:ana@example.org", "--issued", "2027-03-01")
    assert json.loads(result.stdout)["credentialSubject"]["achievement"]["id"] == (
        "https://microvet-catalogue.github.io/microvet/units/barista-basics/achievement.json")
    monkeypatch.setenv("MICROVET_SITE_URL", "https://catalogue.example.org/")
    result = run("barista-basics", "--recipient-name", "Ana", "--recipient-id",
                 "mailto:ana@example.org", "--issued", "2027-03-01")
    assert json.loads(result.stdout)["issuer"]["id"] == (
        "https://catalogue.example.org/providers/example-hospitality-school-bologna/")


def test_the_command_refuses_with_exact_messages(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("barista-basic", "--recipient-name", "Ana", "--recipient-id",
                 "mailto:ana@example.org")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: Invalid value for UNIT: there is no unit 'barista-basic' (no file "
        "content/units/barista-basic.yaml); did you mean 'barista-basics'?\n")
    result = run("barista-basics", "--recipient-name", "Ana", "--recipient-id", "ana")
    assert result.stderr.endswith(
        "Error: Invalid value for --recipient-id: 'ana' is not a URI: use "
        "mailto:name@example.org, a did:..., or an https:// address that identifies the "
        "learner\n")


def test_the_format_follows_what_the_unit_issues(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("MICROVET_SITE_URL", SITE.url)
    result = run("forklift-safety-basics", "--recipient-name", "Ana", "--recipient-id",
                 "mailto:ana@example.org")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: unit 'forklift-safety-basics' issues 'certificate' (its credential.type), not a "
        "digital credential: give --format ob3 or --format elm to write one anyway\n")
    edc_unit = next(path.stem for path in sorted((ROOT / "content" / "units").glob("*.yaml"))
                    if "type: europass-edc" in path.read_text(encoding="utf-8"))
    result = run(edc_unit, "--recipient-name", "Ana", "--recipient-id", "mailto:a@example.org")
    assert json.loads(result.stdout)["type"] == ["VerifiableCredential",
                                                 "EuropeanDigitalCredential"]


def test_the_issuer_is_who_the_unit_says_issues_it(sample):
    unit = next(u for u in sample.units.values() if u.credential.issued_by)
    badge = open_badge(sample, unit, SITE, ANA, DAY)
    assert badge["issuer"]["id"] == SITE.absolute(f"providers/{unit.credential.issued_by[0]}/")
