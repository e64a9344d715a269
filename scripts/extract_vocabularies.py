#!/usr/bin/env python3
"""Build the controlled vocabularies in generator/content/vocabularies/data/ from the standards.

Run from the repository root (dev-only dependency: pycountry, e.g. `pip install pycountry`):

    python scripts/extract_vocabularies.py            # write the JSON files
    python scripts/extract_vocabularies.py --check    # exit 1 if the files on disk are stale

Inputs and their versions
-------------------------
* ELM 3.1.0 code lists, ``<reference>/elm/xsd/cv/*.xsd`` (github european-commission-empl/
  European-Learning-Model, ELM 3.1.0, repository archived 2024; EUPL 1.2). ``<reference>`` is
  ``../shared/reference`` relative to the repository root unless ``--reference`` is given.
  Files read: eqf.xsd, isced-f.xsd, language.xsd, country.xsd, currency.xsd, europass-modes.xsd,
  europass-learning-setting-types.xsd, europass-learning-schedule-types.xsd,
  europass-learning-assessment-types.xsd, skill-reuse-levels.xsd, skill-types.xsd,
  credit-points.xsd, europass-target-groups.xsd, europass-learning-opportunity-types.xsd,
  nuts.xsd (NUTS regions, all versions ELM lists: the code is the part after /nuts/code/).
  The language, country and currency lists are the Publications Office authority tables
  (http://publications.europa.eu/resource/authority/...) as redistributed with ELM.
* pycountry (version recorded in the generated ``source`` fields; 26.2.16 when first run), which
  packages the Debian iso-codes data: ISO 639-1 -> ISO 639-3 and ISO 3166-1 alpha-2 -> alpha-3
  mappings, and ISO 639-3 reference names for languages whose ELM entry has no label. Used only
  here; the runtime package never imports it.
* Hand-written below:
  - EQF level descriptors: Annex II of the Council Recommendation of 22 May 2017 on the European
    Qualifications Framework for lifelong learning (2017/C 189/03, OJ C 189, 15.6.2017, p. 15),
    verbatim; the one-sentence summaries are ours.
  - Credential types (certificate, Open Badge 3.0, Europass digital credential, other), with
    the Open Badges 3.0 achievementType each maps to.
  - Outcome categories: the three EQF columns (Annex I definitions of the same Recommendation).
  - Supervision and verification: http://data.europa.eu/snb/supervision-verification/25831c2.
    No ELM 3.1.0 file lists it; the URIs were found in public material (see SUPERVISION_SOURCE).
  - Native language names: Unicode CLDR autonyms, for a curated set of languages.
  - Our slugs (the codes providers type in YAML) and plain-words labels and descriptions.
  - NACE Rev. 2 sections: Regulation (EC) No 1893/2006, Annex I (section letters and titles);
    URIs of the EU Vocabularies NACE Rev. 2 scheme (http://data.europa.eu/ux2/nace2/).
  - ISCO-08 major groups: ILO, International Standard Classification of Occupations 2008,
    volume 1, the ten major groups; URIs as ESCO publishes them (http://data.europa.eu/esco/isco/).
* Labels in the other interface languages (de, fr, it, es, pl, fi): scripts/vocabulary_labels.py
  (Unicode CLDR through Babel for languages, countries and currencies; the tables in
  scripts/vocabulary_translations/ for the rest).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pycountry
from vocabulary_labels import with_labels

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference"
OUT_DIR = ROOT / "generator" / "content" / "vocabularies" / "data"
XS = "{http://www.w3.org/2001/XMLSchema}"
ELM = "ELM 3.1.0 code list"
ELM_REPO = "github european-commission-empl/European-Learning-Model, EUPL 1.2"
PYCOUNTRY = f"pycountry {importlib.metadata.version('pycountry')} (Debian iso-codes)"

Term = dict[str, Any]
Vocab = dict[str, Any]

# --------------------------------------------------------------------------- hand-written data

EQF_DESCRIPTORS: dict[int, tuple[str, str, str, str]] = {
    # level: (plain-words summary, knowledge, skills, responsibility and autonomy)
    1: (
        "Basic general knowledge and simple tasks, carried out under direct supervision in a "
        "structured setting.",
        "Basic general knowledge",
        "Basic skills required to carry out simple tasks",
        "Work or study under direct supervision in a structured context",
    ),
    2: (
        "Basic knowledge of a field and routine tasks done with simple rules and tools, under "
        "supervision with some autonomy.",
        "Basic factual knowledge of a field of work or study",
        "Basic cognitive and practical skills required to use relevant information in order to "
        "carry out tasks and to solve routine problems using simple rules and tools",
        "Work or study under supervision with some autonomy",
    ),
    3: (
        "Knowledge of the facts, principles and general concepts of a field, choosing basic "
        "methods and tools to get tasks done and taking responsibility for finishing them.",
        "Knowledge of facts, principles, processes and general concepts, in a field of work or "
        "study",
        "A range of cognitive and practical skills required to accomplish tasks and solve "
        "problems by selecting and applying basic methods, tools, materials and information",
        "Take responsibility for completion of tasks in work or study; adapt own behaviour to "
        "circumstances in solving problems",
    ),
    4: (
        "Broad factual and theoretical knowledge of a field, solving specific problems and "
        "managing one's own work in usually predictable settings, possibly supervising the "
        "routine work of others.",
        "Factual and theoretical knowledge in broad contexts within a field of work or study",
        "A range of cognitive and practical skills required to generate solutions to specific "
        "problems in a field of work or study",
        "Exercise self-management within the guidelines of work or study contexts that are "
        "usually predictable, but are subject to change; supervise the routine work of others, "
        "taking some responsibility for the evaluation and improvement of work or study "
        "activities",
    ),
    5: (
        "Comprehensive, specialised knowledge of a field and of its limits, creative solutions "
        "to abstract problems, and managing and supervising work where change is unpredictable.",
        "Comprehensive, specialised, factual and theoretical knowledge within a field of work or "
        "study and an awareness of the boundaries of that knowledge",
        "A comprehensive range of cognitive and practical skills required to develop creative "
        "solutions to abstract problems",
        "Exercise management and supervision in contexts of work or study activities where "
        "there is unpredictable change; review and develop performance of self and others",
    ),
    6: (
        "Advanced knowledge with a critical understanding of theories, mastery in solving "
        "complex and unpredictable problems, and managing complex projects and people's "
        "professional development.",
        "Advanced knowledge of a field of work or study, involving a critical understanding of "
        "theories and principles",
        "Advanced skills, demonstrating mastery and innovation, required to solve complex and "
        "unpredictable problems in a specialised field of work or study",
        "Manage complex technical or professional activities or projects, taking responsibility "
        "for decision-making in unpredictable work or study contexts; take responsibility for "
        "managing professional development of individuals and groups",
    ),
    7: (
        "Highly specialised knowledge, partly at the forefront of a field, solving problems in "
        "research or innovation, and transforming complex settings that need new strategic "
        "approaches.",
        "Highly specialised knowledge, some of which is at the forefront of knowledge in a "
        "field of work or study, as the basis for original thinking and/or research; critical "
        "awareness of knowledge issues in a field and at the interface between different fields",
        "Specialised problem-solving skills required in research and/or innovation in order to "
        "develop new knowledge and procedures and to integrate knowledge from different fields",
        "Manage and transform work or study contexts that are complex, unpredictable and "
        "require new strategic approaches; take responsibility for contributing to professional "
        "knowledge and practice and/or for reviewing the strategic performance of teams",
    ),
    8: (
        "Knowledge at the most advanced frontier of a field, extending and redefining knowledge "
        "or practice through research or innovation, with substantial authority, autonomy and "
        "integrity.",
        "Knowledge at the most advanced frontier of a field of work or study and at the "
        "interface between fields",
        "The most advanced and specialised skills and techniques, including synthesis and "
        "evaluation, required to solve critical problems in research and/or innovation and to "
        "extend and redefine existing knowledge or professional practice",
        "Demonstrate substantial authority, innovation, autonomy, scholarly and professional "
        "integrity and sustained commitment to the development of new ideas or processes at the "
        "forefront of work or study contexts including research",
    ),
}

EQF_SOURCE = (
    f"{ELM} elm/xsd/cv/eqf.xsd ({ELM_REPO}) for the URIs; descriptors verbatim from Annex II of "
    "the Council Recommendation of 22 May 2017 on the European Qualifications Framework for "
    "lifelong learning (2017/C 189/03, OJ C 189, 15.6.2017, p. 15); summaries are ours"
)

# Slug -> (documentation text in the xsd, plain-words label, description or None).
MODES = {
    "blended": (
        "Blended",
        "Blended (online and on site)",
        "A mix of online and in-person learning.",
    ),
    "online": ("Online", "Online", "All learning and assessment take place online."),
    "onsite": (
        "Presential",
        "On site (in person)",
        "Learners attend in person, at the provider's premises or another venue.",
    ),
    "work-based": (
        "Workbased",
        "Work-based",
        "Learning takes place mainly at a workplace, for example on the job.",
    ),
}
LEARNING_SETTINGS = {
    "formal": (
        "formal learning",
        "Formal learning",
        "Organised, structured learning within education and training systems, usually leading "
        "to a recognised qualification.",
    ),
    "non-formal": (
        "non-formal learning",
        "Non-formal learning",
        "Planned, structured learning outside formal education and training, such as courses "
        "and workshops offered by employers, associations or training centres.",
    ),
}
SCHEDULES = {
    "full-time": (
        "Full time",
        "Full time",
        "Learning takes up most of the learner's week.",
    ),
    "part-time": (
        "Part time light",
        "Part time",
        "A light part-time timetable that fits alongside work or other commitments.",
    ),
    "part-time-intensive": (
        "Part time intensive",
        "Part time (intensive)",
        "A part-time timetable with a heavy weekly workload.",
    ),
}
ASSESSMENT_METHODS = {
    "artefact": ("artefact assessment", "Assessment of a product or artefact", None),
    "attendance": ("level of attendance", "Attendance", None),
    "continuous": ("continuous evaluation", "Continuous assessment", None),
    "group-performance": ("group performance", "Group performance", None),
    "marked-assignment": ("marked assignment", "Marked assignment", None),
    "oral": ("oral examination", "Oral exam", None),
    "peer-assessment": ("peer assessment", "Peer assessment", None),
    "peer-review": ("peer review", "Peer review", None),
    "portfolio": ("portfolio", "Portfolio", None),
    "practical": ("practical assessment", "Practical assessment", None),
    "problem-based": ("problem based learning", "Problem-based learning", None),
    "project": ("project work", "Project work", None),
    "quiz": ("quiz", "Quiz", None),
    "written": ("written examination", "Written exam", None),
}
REUSE_LEVELS = {  # natural order: broadest first
    "transversal": (
        "transversal skills and competences",
        "Transversal",
        "Useful in almost any job or sector, such as teamwork or digital literacy.",
    ),
    "cross-sector": (
        "cross-sector skills and competences",
        "Cross-sector",
        "Relevant to occupations in several economic sectors.",
    ),
    "sector-specific": (
        "sector specific skills and competences",
        "Sector-specific",
        "Specific to one economic sector, but used in more than one occupation there.",
    ),
    "occupation-specific": (
        "occupation specific skills and competences",
        "Occupation-specific",
        "Usually applied only within one occupation or specialism.",
    ),
}
SKILL_TYPES = {
    "knowledge": (
        "knowledge",
        "Knowledge",
        "Facts, principles, theories and practices that a person knows and understands.",
    ),
    "skill": (
        "skill",
        "Skill",
        "The ability to apply knowledge and know-how to complete tasks and solve problems.",
    ),
}
CREDIT_SYSTEMS = {
    "ects": (
        "European Credit Transfer System",
        "ECTS credits",
        "Credits of the European Credit Transfer and Accumulation System; one ECTS credit "
        "usually corresponds to 25 to 30 hours of learning.",
    ),
    "ecvet": (
        "European credit system for vocational education and training",
        "ECVET points",
        "Credit points of the European credit system for vocational education and training.",
    ),
}
TARGET_GROUPS = {
    "completed-primary-education": "Persons who have completed primary education",
    "completed-secondary-education": "Persons who have completed secondary/compulsory education",
    "completed-tertiary-education-eqf-6": "Persons who have completed tertiary education (EQF 6)",
    "completed-tertiary-education-eqf-7": "Persons who have completed tertiary education (EQF 7)",
    "completed-tertiary-education-eqf-8": "Persons who have completed tertiary education (EQF 8)",
    "employment-retraining": "Persons requiring employment retraining",
    "high-achievers": "High Achievers",
    "in-primary-education": "Persons in primary education",
    "in-secondary-education": "Persons in secondary/compulsory education",
    "in-tertiary-education-eqf-6": "Persons in tertiary education (EQF 6)",
    "in-tertiary-education-eqf-7": "Persons in tertiary education (EQF 7)",
    "in-tertiary-education-eqf-8": "Persons in tertiary education (EQF 8)",
    "learning-disability": "Persons with a learning disability",
    "low-achievers": "Low Achievers",
    "migrants": "Migrants",
    "native-speakers": "Native Speakers",
    "non-native-speakers": "Non-Native Speakers",
    "work-experience-0-3": "Persons with 0-3 years work experience",
    "work-experience-3-10": "Persons with 3-10 years work experience",
    "work-experience-10-plus": "Persons with 10+ years work experience",
}

TARGET_GROUP_LABELS = {
    # What learners read: "designed for ..." in words a learner would use of themselves. The
    # official label (ELM prefLabel, e.g. "Low Achievers") stays in extra.pref_label.
    "completed-primary-education": "People who have finished primary school",
    "completed-secondary-education": "People who have finished secondary school",
    "completed-tertiary-education-eqf-6": "People with a bachelor's degree or equivalent",
    "completed-tertiary-education-eqf-7": "People with a master's degree or equivalent",
    "completed-tertiary-education-eqf-8": "People with a doctorate",
    "employment-retraining": "People retraining for a new job",
    "high-achievers": "Learners looking for an extra challenge",
    "in-primary-education": "Primary school pupils",
    "in-secondary-education": "Secondary school students",
    "in-tertiary-education-eqf-6": "Bachelor's students",
    "in-tertiary-education-eqf-7": "Master's students",
    "in-tertiary-education-eqf-8": "Doctoral students",
    "learning-disability": "Learners with a learning disability (support available)",
    "low-achievers": "Learners who want a fresh start after school",
    "migrants": "People new to the country",
    "native-speakers": "Native speakers of the course language",
    "non-native-speakers": "Learners still improving the course language",
    "work-experience-0-3": "People with up to 3 years of work experience",
    "work-experience-3-10": "People with 3 to 10 years of work experience",
    "work-experience-10-plus": "People with more than 10 years of work experience",
}

SUPERVISION_SCHEME = "http://data.europa.eu/snb/supervision-verification/25831c2"
# code -> (official prefLabel, URI, plain-words label, description); natural order.
SUPERVISION = {
    "unsupervised": (
        "Unsupervised without ID Verification",
        "http://data.europa.eu/snb/supervision-verification/c598449d64",
        "Unsupervised, no ID check",
        "Nobody supervises the assessment and the learner's identity is not checked.",
    ),
    "supervised-without-id-check": (
        "Supervised without ID Verification",
        "http://data.europa.eu/snb/supervision-verification/44314532f9",
        "Supervised, no ID check",
        "The assessment is supervised, on site or online, but the learner's identity is not "
        "checked.",
    ),
    "supervised-with-id-check": (
        "Supervised with ID Verification",
        "http://data.europa.eu/snb/supervision-verification/70be69aaf9",
        "Supervised, with ID check",
        "The assessment is supervised and the learner's identity is checked, for example "
        "against an identity document.",
    ),
}
SUPERVISION_SOURCE = (
    "Europass supervision and verification list (scheme "
    f"{SUPERVISION_SCHEME}); not part of the ELM 3.1.0 xsd code lists. c598449d64 "
    "(Unsupervised without ID Verification): elm/examples/Sample-MC-Annex1-unsigned.jsonld "
    "(ELM 3.1.0). All four values of the list, with their prefLabels, in github "
    "MyNextID/credentials resources/vocabularies/supervision.json (generated from the EU "
    "Vocabularies SPARQL endpoint); 44314532f9 is also cited, without a label, as a value of "
    "this list in public C# ELM client code, and df2880c5cb (Unsupervised with ID "
    "verification, not used here) in github eduNEXT/platform-plugin-elm-credentials"
)

CREDENTIAL_TYPES: tuple[tuple[str, str, str | None, str, str], ...] = (
    # code, label, official page of the standard, description, OB3 achievementType
    (
        "certificate",
        "Certificate",
        None,
        "A certificate signed by the issuer, on paper or as a PDF.",
        "Certificate",
    ),
    (
        "open-badge-3",
        "Open Badge 3.0",
        "https://www.imsglobal.org/spec/ob/v3p0/",
        "A digital badge to the 1EdTech Open Badges 3.0 standard: a verifiable credential "
        "the learner keeps in a wallet and shares online.",
        "MicroCredential",
    ),
    (
        "europass-edc",
        "Europass digital credential",
        "https://europass.europa.eu/en/europass-digital-credentials",
        "A European Digital Credential for Learning, electronically sealed by the issuer: "
        "the learner stores it in Europass and anyone can check it online.",
        "MicroCredential",
    ),
    (
        "other",
        "Other record",
        None,
        "Another record of achievement; the verification text says what it is.",
        "Achievement",
    ),
)

OUTCOME_CATEGORIES = (
    (
        "knowledge",
        "Knowledge",
        "What the learner knows and understands: facts, principles, theories and practices.",
    ),
    (
        "skill",
        "Skills",
        "What the learner can do: applying knowledge and know-how to complete tasks and solve "
        "problems, with cognitive and practical skills.",
    ),
    (
        "responsibility-autonomy",
        "Responsibility and autonomy",
        "How independently and responsibly the learner applies knowledge and skills.",
    ),
)

# Unicode CLDR autonyms for a curated set of languages (EU/EEA, candidate and neighbouring
# countries, and the main languages of learners in Europe).
NATIVE_NAMES = {
    "af": "Afrikaans", "am": "አማርኛ", "ar": "العربية", "az": "azərbaycan", "be": "беларуская",
    "bg": "български", "bn": "বাংলা", "bs": "bosanski", "ca": "català", "cs": "čeština",
    "cy": "Cymraeg", "da": "dansk", "de": "Deutsch", "el": "Ελληνικά", "en": "English",
    "es": "español", "et": "eesti", "eu": "euskara", "fa": "فارسی", "fi": "suomi",
    "fo": "føroyskt", "fr": "français", "fy": "Frysk", "ga": "Gaeilge", "gl": "galego",
    "he": "עברית", "hi": "हिन्दी", "hr": "hrvatski", "hu": "magyar", "hy": "հայերեն",
    "is": "íslenska", "it": "italiano", "ja": "日本語", "ka": "ქართული", "kk": "қазақ тілі",
    "ko": "한국어", "lb": "Lëtzebuergesch", "lt": "lietuvių", "lv": "latviešu", "mk": "македонски",
    "mt": "Malti", "nb": "norsk bokmål", "nl": "Nederlands", "nn": "norsk nynorsk", "no": "norsk",
    "pa": "ਪੰਜਾਬੀ", "pl": "polski", "ps": "پښتو", "pt": "português", "rm": "rumantsch",
    "ro": "română", "ru": "русский", "se": "davvisámegiella", "sk": "slovenčina",
    "sl": "slovenščina", "so": "Soomaali", "sq": "shqip", "sr": "српски", "sv": "svenska",
    "sw": "Kiswahili", "ta": "தமிழ்", "th": "ไทย", "ti": "ትግርኛ", "tr": "Türkçe",
    "uk": "українська", "ur": "اردو", "vi": "Tiếng Việt", "zh": "中文", "zu": "isiZulu",
}  # fmt: skip

# ISO 3166-1 alpha-2 codes whose authority code is not their alpha-3 code. XK is the
# user-assigned code for Kosovo used by the EU; TF (French Southern Territories) is the
# authority's FQ0 (French Southern and Antarctic Lands).
COUNTRY_OVERRIDES = {"XK": "1A0", "TF": "FQ0"}
COUNTRY_UNMAPPED = {"CPT", "EUR", "OP_DATPRO"}  # Clipperton, European Union, provisional data

# --------------------------------------------------------------------------- helpers


def normalise(text: str | None) -> str:
    """Collapse runs of whitespace and strip."""
    return " ".join((text or "").split())


def slugify(text: str) -> str:
    """Lower-case ASCII slug with hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def read_code_list(path: Path) -> tuple[str, dict[str, str]]:
    """Return the target namespace and {uri: documentation} of an ELM code-list xsd."""
    root = ET.parse(path).getroot()
    values: dict[str, str] = {}
    for enum in root.iter(f"{XS}enumeration"):
        doc = enum.find(f"{XS}annotation/{XS}documentation")
        values[enum.attrib["value"]] = normalise(doc.text if doc is not None else "")
    return root.attrib["targetNamespace"], values


def term(
    code: str,
    label: str,
    uri: str | None,
    description: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Term:
    """Build one term in the JSON shape."""
    return {
        "code": code,
        "label": label,
        "uri": uri,
        "description": description,
        "extra": dict(extra or {}),
    }


def vocab(name: str, title: str, scheme: str | None, source: str, terms: Iterable[Term]) -> Vocab:
    """Build one vocabulary in the JSON shape, checking that codes are unique."""
    items = list(terms)
    codes = [item["code"] for item in items]
    if len(set(codes)) != len(codes):
        raise ValueError(f"{name}: duplicate codes")
    return {"name": name, "title": title, "scheme": scheme, "source": source, "terms": items}


class Reference:
    """Access to the ELM code lists under a reference directory."""

    def __init__(self, root: Path) -> None:
        self.cv = root / "elm" / "xsd" / "cv"

    def load(self, filename: str) -> tuple[str, dict[str, str], str]:
        """Return (scheme, {uri: documentation}, source text) of one code list."""
        scheme, values = read_code_list(self.cv / filename)
        return scheme, values, f"{ELM} elm/xsd/cv/{filename} ({ELM_REPO})"

    def mapped(
        self,
        name: str,
        title: str,
        filename: str,
        table: Mapping[str, tuple[str, str, str | None]],
        *,
        complete: bool = True,
    ) -> Vocab:
        """Map our slugs onto code-list values by their documentation text."""
        scheme, values, source = self.load(filename)
        by_doc = {doc: uri for uri, doc in values.items()}
        if complete and {d for d, _, _ in table.values()} != set(by_doc):
            raise ValueError(f"{name}: slug table does not cover {filename} exactly")
        terms = [
            term(code, label, by_doc[doc], desc, {"pref_label": doc})
            for code, (doc, label, desc) in table.items()
        ]
        return vocab(name, title, scheme, source, terms)


# --------------------------------------------------------------------------- vocabularies


def eqf_levels(ref: Reference) -> Vocab:
    """EQF levels 1..8 with the Annex II descriptors."""
    scheme, values, _ = ref.load("eqf.xsd")
    terms = []
    for level, (summary, knowledge, skills, autonomy) in EQF_DESCRIPTORS.items():
        uri = f"http://data.europa.eu/snb/eqf/{level}"
        extra = {
            "knowledge": knowledge,
            "skills": skills,
            "responsibility_autonomy": autonomy,
            "pref_label": values[uri],
        }
        terms.append(term(str(level), f"EQF level {level}", uri, summary, extra))
    if len(values) != len(terms):
        raise ValueError("eqf.xsd does not have exactly 8 levels")
    return vocab(
        "eqf_levels", "European Qualifications Framework (EQF) levels", scheme, EQF_SOURCE, terms
    )


def isced_f(ref: Reference) -> Vocab:
    """Every ISCED-F 2013 code (broad, narrow, detailed), in hierarchical order."""
    scheme, values, source = ref.load("isced-f.xsd")
    levels = {2: "broad", 3: "narrow", 4: "detailed"}
    terms = []
    for uri, doc in values.items():
        code = uri.rsplit("/", 1)[1]
        extra = {
            "broad": code[:2],
            "narrow": code[:3] if len(code) >= 3 else None,
            "level": levels[len(code)],
            "pref_label": doc,
        }
        terms.append(term(code, doc, uri, None, extra))
    terms.sort(key=lambda t: t["code"])  # string order = broad, its narrow fields, their details
    return vocab("isced_f", "ISCED-F 2013 fields of education and training", scheme, source, terms)


def languages(ref: Reference) -> Vocab:
    """ISO 639-1 languages that have an EU authority URI."""
    scheme, values, source = ref.load("language.xsd")
    docs = {uri.rsplit("/", 1)[1]: doc for uri, doc in values.items()}
    terms = []
    for lang in pycountry.languages:
        alpha_2 = getattr(lang, "alpha_2", None)
        authority = lang.alpha_3.upper()
        if alpha_2 is None or authority not in docs:
            continue
        extra: dict[str, str] = {"authority_code": authority}
        if alpha_2 in NATIVE_NAMES:
            extra["native_name"] = NATIVE_NAMES[alpha_2]
        if docs[authority]:
            extra["pref_label"] = docs[authority]
        label = docs[authority] or lang.name.removesuffix(" (macrolanguage)")
        terms.append(term(alpha_2, label, f"{scheme}/{authority}", None, extra))
    terms.sort(key=lambda t: t["code"])
    source += (
        f"; ISO 639-1 -> ISO 639-3 mapping from {PYCOUNTRY}; labels from the xsd, or the "
        "ISO 639-3 reference name where the xsd has none (then extra.pref_label is absent); "
        "native names are Unicode CLDR autonyms"
    )
    return vocab("languages", "Languages", scheme, source, terms)


def countries(ref: Reference) -> Vocab:
    """ISO 3166-1 alpha-2 countries mapped to EU authority URIs."""
    scheme, values, source = ref.load("country.xsd")
    docs = {uri.rsplit("/", 1)[1]: doc for uri, doc in values.items()}
    mapping = {c.alpha_2: c.alpha_3 for c in pycountry.countries if c.alpha_3 in docs}
    mapping.update(COUNTRY_OVERRIDES)
    leftover = set(docs) - set(mapping.values()) - COUNTRY_UNMAPPED
    if leftover:
        raise ValueError(f"country.xsd codes without an alpha-2 code: {sorted(leftover)}")
    terms = [
        term(
            alpha_2,
            docs[auth],
            f"{scheme}/{auth}",
            None,
            {"authority_code": auth, "pref_label": docs[auth]},
        )
        for alpha_2, auth in sorted(mapping.items())
    ]
    source += (
        f"; ISO 3166-1 alpha-2 -> alpha-3 mapping from {PYCOUNTRY}, plus XK (Kosovo, "
        "user-assigned code) -> 1A0 and TF -> FQ0 (French Southern and Antarctic Lands); "
        "CPT (Clipperton), EUR (European Union) and OP_DATPRO are left out"
    )
    return vocab("countries", "Countries", scheme, source, terms)


def currencies(ref: Reference) -> Vocab:
    """ISO 4217 currencies of the EU authority table."""
    scheme, values, source = ref.load("currency.xsd")
    terms = []
    for uri, doc in values.items():
        code = uri.rsplit("/", 1)[1]
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise ValueError(f"unexpected currency code {code!r}")
        terms.append(term(code, doc, uri, None, {"pref_label": doc}))
    terms.sort(key=lambda t: t["code"])
    return vocab("currencies", "Currencies", scheme, source, terms)


def supervision() -> Vocab:
    """How the assessment is supervised and whether identity is checked."""
    terms = [
        term(code, label, uri, desc, {"pref_label": pref})
        for code, (pref, uri, label, desc) in SUPERVISION.items()
    ]
    return vocab(
        "supervision",
        "Supervision and identity verification of the assessment",
        SUPERVISION_SCHEME,
        SUPERVISION_SOURCE,
        terms,
    )


def target_groups(ref: Reference) -> Vocab:
    """Every Europass target group, with our slugs."""
    table = {code: (doc, TARGET_GROUP_LABELS[code], None) for code, doc in TARGET_GROUPS.items()}
    return ref.mapped("target_groups", "Target groups", "europass-target-groups.xsd", table)


def learning_opportunity_types(ref: Reference) -> Vocab:
    """Europass learning opportunity types, coded as slugs of their labels."""
    scheme, values, source = ref.load("europass-learning-opportunity-types.xsd")
    terms = [term(slugify(doc), doc, uri, None, {"pref_label": doc}) for uri, doc in values.items()]
    terms.sort(key=lambda t: t["code"])
    return vocab("learning_opportunity_types", "Learning opportunity types", scheme, source, terms)


def outcome_categories() -> Vocab:
    """The three EQF learning-outcome categories."""
    source = (
        "EQF columns and Annex I definitions of the Council Recommendation of 22 May 2017 "
        "(2017/C 189/03); no official concept URIs exist; descriptions are ours"
    )
    terms = [term(code, label, None, desc) for code, label, desc in OUTCOME_CATEGORIES]
    return vocab("outcome_categories", "Learning outcome categories (EQF)", None, source, terms)


NUTS_COUNTRIES = {"EL": "GR", "UK": "GB"}
"""NUTS writes Greece and the United Kingdom differently from ISO 3166."""


def nuts(ref: Reference) -> Vocab:
    """NUTS regions (every version ELM lists), each with the ISO country it lies in."""
    scheme, values, source = ref.load("nuts.xsd")
    terms = []
    for uri, label in sorted(values.items(), key=lambda item: item[0].rsplit("/", 1)[1]):
        code = uri.rsplit("/", 1)[1]
        country = NUTS_COUNTRIES.get(code[:2], code[:2])
        terms.append(term(code, label, uri, None, {"country": country, "level": len(code) - 2}))
    return vocab("nuts", "NUTS regions", scheme, source, terms)


NACE_SECTIONS = (
    ("A", "Agriculture, forestry and fishing"),
    ("B", "Mining and quarrying"),
    ("C", "Manufacturing"),
    ("D", "Electricity, gas, steam and air conditioning supply"),
    ("E", "Water supply; sewerage, waste management and remediation activities"),
    ("F", "Construction"),
    ("G", "Wholesale and retail trade; repair of motor vehicles and motorcycles"),
    ("H", "Transportation and storage"),
    ("I", "Accommodation and food service activities"),
    ("J", "Information and communication"),
    ("K", "Financial and insurance activities"),
    ("L", "Real estate activities"),
    ("M", "Professional, scientific and technical activities"),
    ("N", "Administrative and support service activities"),
    ("O", "Public administration and defence; compulsory social security"),
    ("P", "Education"),
    ("Q", "Human health and social work activities"),
    ("R", "Arts, entertainment and recreation"),
    ("S", "Other service activities"),
    ("T", "Activities of households as employers; undifferentiated goods- and "
          "services-producing activities of households for own use"),
    ("U", "Activities of extraterritorial organisations and bodies"),
)


def nace_sections() -> Vocab:
    """The 21 sections of NACE Rev. 2, the EU's classification of economic activities."""
    source = "NACE Rev. 2, Regulation (EC) No 1893/2006, Annex I (hand-written here)"
    terms = [term(code, label, f"http://data.europa.eu/ux2/nace2/{code}")
             for code, label in NACE_SECTIONS]
    return vocab("nace_sections", "NACE Rev. 2 sections", "http://data.europa.eu/ux2/nace2/",
                 source, terms)


ISCO_MAJOR_GROUPS = (
    ("0", "Armed forces occupations"),
    ("1", "Managers"),
    ("2", "Professionals"),
    ("3", "Technicians and associate professionals"),
    ("4", "Clerical support workers"),
    ("5", "Service and sales workers"),
    ("6", "Skilled agricultural, forestry and fishery workers"),
    ("7", "Craft and related trades workers"),
    ("8", "Plant and machine operators, and assemblers"),
    ("9", "Elementary occupations"),
)


def isco_major_groups() -> Vocab:
    """The ten major groups of ISCO-08, by which occupations are browsed."""
    source = "ISCO-08 (ILO 2012), volume 1, major groups (hand-written here)"
    terms = [term(code, label, f"http://data.europa.eu/esco/isco/C{code}")
             for code, label in ISCO_MAJOR_GROUPS]
    return vocab("isco_major_groups", "ISCO-08 major groups", "http://data.europa.eu/esco/isco",
                 source, terms)
def credential_types() -> Vocab:
    """What a learner receives on completion: the form of the credential."""
    source = (
        "hand-written: the forms of credential providers issue (Council Recommendation "
        "2022/C 243/02, element \"type of credential\"); Open Badges 3.0 achievement types "
        "(1EdTech, imsglobal.org/spec/ob/v3p0) in extra.ob3_achievement_type"
    )
    terms = [
        term(code, label, uri, desc, {"ob3_achievement_type": ob3})
        for code, label, uri, desc, ob3 in CREDENTIAL_TYPES
    ]
    return vocab("credential_types", "Types of credential", None, source, terms)


def build(reference: Path) -> list[Vocab]:
    """Build every vocabulary of NAMES but licences (scripts/extract_licences.py), in order."""
    ref = Reference(reference)
    return [with_labels(vocabulary) for vocabulary in [
        eqf_levels(ref),
        isced_f(ref),
        languages(ref),
        countries(ref),
        currencies(ref),
        ref.mapped(
            "modes", "Modes of learning and assessment", "europass-modes.xsd", MODES, complete=False
        ),
        ref.mapped(
            "learning_settings",
            "Learning settings",
            "europass-learning-setting-types.xsd",
            LEARNING_SETTINGS,
        ),
        ref.mapped(
            "schedules", "Learning schedules", "europass-learning-schedule-types.xsd", SCHEDULES
        ),
        ref.mapped(
            "assessment_methods",
            "Assessment methods",
            "europass-learning-assessment-types.xsd",
            ASSESSMENT_METHODS,
        ),
        supervision(),
        ref.mapped("reuse_levels", "Skill reuse levels", "skill-reuse-levels.xsd", REUSE_LEVELS),
        ref.mapped("skill_types", "Skill types", "skill-types.xsd", SKILL_TYPES),
        outcome_categories(),
        ref.mapped("credit_systems", "Credit systems", "credit-points.xsd", CREDIT_SYSTEMS),
        target_groups(ref),
        learning_opportunity_types(ref),
        credential_types(),
        nuts(ref),
        nace_sections(),
        isco_major_groups(),
    ]]


def render(vocabulary: Vocab) -> str:
    """Serialise one vocabulary as stable, human-readable JSON."""
    return json.dumps(vocabulary, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write (or, with --check, verify) the JSON files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    parser.add_argument("--check", action="store_true", help="compare with the files on disk")
    args = parser.parse_args(argv)
    stale = []
    for vocabulary in build(args.reference):
        path = args.out / f"{vocabulary['name']}.json"
        text = render(vocabulary)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
            f"{len(vocabulary['terms'])} terms"
        )
    if stale:
        print("stale vocabulary files: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
