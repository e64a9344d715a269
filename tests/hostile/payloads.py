"""Content that is valid but odd: script, markup and template syntax in every free-text field.

The build must accept it and publish it as plain text. Each field gets its own marked payload
(`payload("unit-title")`), so a failure names the field that leaked.
"""

from __future__ import annotations

import json
from pathlib import Path

UNKNOWN_SKILL = "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000000"
UNKNOWN_OCCUPATION = "http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-000000000001"


def payload(field: str) -> str:
    """Everything that would run or break out somewhere, ending in the field's name."""
    return (f"<script>alert('{field}')</script><img src=x onerror=alert('{field}')>"
            f"</script><xss-{field}></xss-{field}>\"'><svg onload=alert('{field}')>"
            f"<!-- ]]> {{{{ 7*7 }}}} {{% raw %}} javascript:alert('{field}') &amp; \u2028 {field}")


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(text)


MARKDOWN = [
    ("<script>alert('md-raw')</script>", "<p>&lt;script&gt;alert('md-raw')&lt;/script&gt;</p>"),
    ("<img src=x onerror=alert('md-img')>", "<p>&lt;img src=x onerror=alert('md-img')&gt;</p>"),
    ("[click](javascript:alert('md-js'))", "<p>[click](javascript:alert('md-js'))</p>"),
    ("[click](JaVaScRiPt:alert('md-js-case'))", "<p>[click](JaVaScRiPt:alert('md-js-case'))</p>"),
    ("[click](&#106;avascript:alert('md-entity'))",
     "<p>[click](javascript:alert('md-entity'))</p>"),
    ("<javascript:alert('md-autolink')>", "<p>&lt;javascript:alert('md-autolink')&gt;</p>"),
    ("[data](data:text/html;base64,PHNjcmlwdD4=)",
     "<p>[data](data:text/html;base64,PHNjcmlwdD4=)</p>"),
    ("[vb](vbscript:msgbox('md-vb'))", "<p>[vb](vbscript:msgbox('md-vb'))</p>"),
    ("[relative](../../404.html)", "<p>[relative](../../404.html)</p>"),
    ("[quote](https://example.org/\"onmouseover=\"alert('md-quote'))",
     '<p><a href="https://example.org/%22onmouseover=%22alert(\'md-quote\')" '
     'rel="nofollow noopener">quote</a></p>'),
    ("<a href=\"javascript:alert('md-a')\">a</a>",
     "<p>&lt;a href=\"javascript:alert('md-a')\"&gt;a&lt;/a&gt;</p>"),
    ("`</script><script>alert('md-code')</script>`",
     "<p><code>&lt;/script&gt;&lt;script&gt;alert('md-code')&lt;/script&gt;</code></p>"),
    ("![image](https://example.org/x.png)", "<p></p>"),
    ("| a |\n|---|\n| <b onclick=alert('md-table')>x</b> |",
     "<td>&lt;b onclick=alert('md-table')&gt;x&lt;/b&gt;</td>"),
    ("{{ config.repo_url }} {% include 'base.html' %}",
     "<p>{{ config.repo_url }} {% include 'base.html' %}</p>"),
]
"""Markdown in a description, and the exact HTML the unit page must show for it."""


SHOWN = {
    "units/evil-unit/": [
        "unit-title", "unit-title-it", "unit-title-de", "unit-summary", "assessment-description",
        "qa-description", "qa-accreditation", "prerequisites", "stack-title",
        "stack-description", "session-venue", "session-city", "material-title",
        "occupation-label", "provider-name", "outcome-title", "outcome-statement", "esco-label",
        "credential-verification", "credential-recognition",
    ],
    "providers/evil-provider/": [
        "provider-name", "provider-name-fr", "provider-short-name", "provider-description",
        "provider-city", "provider-address", "provider-phone", "provider-qa",
        "accreditation-name", "accreditation-body", "unit-title", "unit-summary",
    ],
    "outcomes/evil-outcome/": [
        "outcome-title", "outcome-statement", "outcome-statement-de", "other-framework",
        "other-code", "other-label", "criterion", "esco-label", "unit-title",
    ],
    "catalogue/": ["unit-title", "unit-summary", "provider-name"],
    "": ["unit-title"],
}
"""Pages, and the payloads each must show as plain text."""

KEYWORDS = ["<script>alert('kw')</script>", "</script><!--", "{{ 7*7 }}"]


def provider_yaml() -> str:
    """A provider with a payload in every text field."""
    return f"""\
id: evil-provider
example: true
name: {{en: {_q(payload("provider-name"))}, fr: {_q(payload("provider-name-fr"))}}}
short_name: {_q(payload("provider-short-name"))}
description: {_q(payload("provider-description"))}
country: IT
city: {_q(payload("provider-city"))}
address: {_q(payload("provider-address"))}
homepage: "https://example.org/provider?a=\\"><script>alert('homepage')</script>"
email: office@example.org
phone: {_q(payload("provider-phone"))}
quality_assurance: {_q(payload("provider-qa"))}
accreditations:
  - name: {_q(payload("accreditation-name"))}
    body: {_q(payload("accreditation-body"))}
    url: "https://example.org/accreditation?'onmouseover='alert(1)"
"""


def outcome_yaml() -> str:
    """An outcome with a payload in every text field and an unknown, labelled ESCO skill."""
    return f"""\
id: evil-outcome
title: {_q(payload("outcome-title"))}
statement: {{en: {_q(payload("outcome-statement"))}, de: {_q(payload("outcome-statement-de"))}}}
category: skill
esco_skills:
  - uri: {UNKNOWN_SKILL}
    label: {_q(payload("esco-label"))}
other_skills:
  - framework: {_q(payload("other-framework"))}
    code: {_q(payload("other-code"))}
    label: {_q(payload("other-label"))}
    url: https://example.org/skill#"><script>alert(1)</script>
assessment_criteria:
  - {_q(payload("criterion"))}
"""


def unit_yaml() -> str:
    """A unit with a payload in every text field, Markdown attacks in its description."""
    description = "\n\n".join(source for source, _ in MARKDOWN)
    return f"""\
id: evil-unit
title:
  en: {_q(payload("unit-title"))}
  it: {_q(payload("unit-title-it"))}
  de: {_q(payload("unit-title-de"))}
summary: {_q(payload("unit-summary"))}
description: {_q(description)}
provider: evil-provider
languages: [en, it]
eqf_level: 4
isced_f: "1013"
workload: {{hours: 40, ects: 1.5}}
mode: blended
outcomes: [evil-outcome]
assessment:
  methods: [practical]
  description: {_q(payload("assessment-description"))}
quality_assurance:
  description: {_q(payload("qa-description"))}
  accreditation: {_q(payload("qa-accreditation"))}
  url: https://example.org/qa
credential:
  type: open-badge-3
  issued_by: [evil-provider]
  verification: {_q(payload("credential-verification"))}
  recognition: {_q(payload("credential-recognition"))}
prerequisites: {_q(payload("prerequisites"))}
stackability:
  kind: stackable
  into:
    - unit: plain-unit
    - title: {_q(payload("stack-title"))}
      url: https://example.org/diploma
  description: {_q(payload("stack-description"))}
license: CC-BY-4.0
price: {{amount: 99.5, currency: EUR}}
sessions:
  - start: 2027-03-01
    end: 2027-03-05
    location:
      city: {_q(payload("session-city"))}
      country: IT
      venue: {_q(payload("session-venue"))}
      address: {_q(payload("session-address"))}
    enrol_url: "https://example.org/enrol?a=\\"><script>alert('enrol')</script>"
occupations:
  - uri: {UNKNOWN_OCCUPATION}
    label: {_q(payload("occupation-label"))}
keywords: {json.dumps(KEYWORDS)}
materials:
  - title: {_q(payload("material-title"))}
    url: https://example.org/material
    license: CC-BY-SA-4.0
homepage: https://example.org/unit
published: 2026-01-15
updated: 2026-02-01
"""


PLAIN_UNIT = """\
id: plain-unit
title: Barista diploma
summary: The whole barista programme.
provider: evil-provider
languages: [en]
eqf_level: 4
isced_f: "1013"
workload: {hours: 200}
mode: onsite
outcomes: [evil-outcome]
assessment: {methods: [practical], description: A practical test.}
quality_assurance: Reviewed each year.
license: CC-BY-4.0
price: free
credential: {type: certificate, verification: Numbered., recognition: None formal.}
published: 2026-01-10
"""


def write_hostile_content(content: Path) -> Path:
    """The hostile content tree under `content`; returns it."""
    files = {
        "providers/evil-provider.yaml": provider_yaml(),
        "outcomes/evil-outcome.yaml": outcome_yaml(),
        "units/evil-unit.yaml": unit_yaml(),
        "units/plain-unit.yaml": PLAIN_UNIT,
    }
    for relative, text in files.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return content
