"""A synthetic catalogue of any size, for benchmarks: valid, varied, deterministic YAML content.

`write_catalogue(content_dir, units=10_000, seed=1)` writes `units/`, `outcomes/` and
`providers/` under `content_dir`. The text is built from real ESCO 1.2.0 skills (labels and
descriptions from the bundled `skills.csv`), so the vocabulary a search index sees has the
spread of real vocational text rather than repeated lorem ipsum. About a third of the units,
and some outcomes and providers, carry translations (it, de, fr, es, pl); outcomes and
providers are shared by many units, as in a real catalogue.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import random
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

LANGUAGES = ("it", "de", "fr", "es", "pl")
"""Languages of translations, besides English."""

UNITS_PER_PROVIDER = 25
UNITS_PER_OUTCOME = 4  # each unit lists 2-5 outcomes, so each outcome serves several units


@dataclass(frozen=True, slots=True)
class Sector:
    """A field of vocational training, with its name in every language we write."""

    isced_f: str
    names: dict[str, str]


SECTORS = (
    Sector("1013", {"en": "hospitality", "it": "ospitalità", "de": "Gastgewerbe",
                    "fr": "hôtellerie", "es": "hostelería", "pl": "hotelarstwo"}),
    Sector("0713", {"en": "renewable energy", "it": "energie rinnovabili",
                    "de": "erneuerbare Energien", "fr": "énergies renouvelables",
                    "es": "energías renovables", "pl": "odnawialne źródła energii"}),
    Sector("0732", {"en": "building renovation", "it": "ristrutturazione edilizia",
                    "de": "Gebäudesanierung", "fr": "rénovation des bâtiments",
                    "es": "rehabilitación de edificios", "pl": "renowacja budynków"}),
    Sector("0613", {"en": "software development", "it": "sviluppo software",
                    "de": "Softwareentwicklung", "fr": "développement logiciel",
                    "es": "desarrollo de software", "pl": "tworzenie oprogramowania"}),
    Sector("0913", {"en": "nursing care", "it": "assistenza infermieristica",
                    "de": "Pflege", "fr": "soins infirmiers", "es": "enfermería",
                    "pl": "pielęgniarstwo"}),
    Sector("0922", {"en": "early childhood care", "it": "servizi per l'infanzia",
                    "de": "Kinderbetreuung", "fr": "petite enfance",
                    "es": "educación infantil", "pl": "opieka nad dziećmi"}),
    Sector("0715", {"en": "metalworking", "it": "lavorazione dei metalli",
                    "de": "Metallbearbeitung", "fr": "travail des métaux",
                    "es": "metalurgia", "pl": "obróbka metali"}),
    Sector("0721", {"en": "food processing", "it": "trasformazione alimentare",
                    "de": "Lebensmittelverarbeitung", "fr": "transformation alimentaire",
                    "es": "procesado de alimentos", "pl": "przetwórstwo żywności"}),
    Sector("1015", {"en": "sustainable tourism", "it": "turismo sostenibile",
                    "de": "nachhaltiger Tourismus", "fr": "tourisme durable",
                    "es": "turismo sostenible", "pl": "turystyka zrównoważona"}),
    Sector("0413", {"en": "small business management", "it": "gestione d'impresa",
                    "de": "Unternehmensführung", "fr": "gestion d'entreprise",
                    "es": "gestión empresarial", "pl": "zarządzanie firmą"}),
    Sector("0811", {"en": "organic farming", "it": "agricoltura biologica",
                    "de": "ökologischer Landbau", "fr": "agriculture biologique",
                    "es": "agricultura ecológica", "pl": "rolnictwo ekologiczne"}),
    Sector("0716", {"en": "electric vehicles", "it": "veicoli elettrici",
                    "de": "Elektrofahrzeuge", "fr": "véhicules électriques",
                    "es": "vehículos eléctricos", "pl": "pojazdy elektryczne"}),
    Sector("1012", {"en": "hairdressing", "it": "acconciatura", "de": "Friseurhandwerk",
                    "fr": "coiffure", "es": "peluquería", "pl": "fryzjerstwo"}),
    Sector("1041", {"en": "logistics", "it": "logistica", "de": "Logistik",
                    "fr": "logistique", "es": "logística", "pl": "logistyka"}),
    Sector("0712", {"en": "waste management", "it": "gestione dei rifiuti",
                    "de": "Abfallwirtschaft", "fr": "gestion des déchets",
                    "es": "gestión de residuos", "pl": "gospodarka odpadami"}),
    Sector("0414", {"en": "digital marketing", "it": "marketing digitale",
                    "de": "digitales Marketing", "fr": "marketing numérique",
                    "es": "marketing digital", "pl": "marketing cyfrowy"}),
    Sector("1022", {"en": "workplace safety", "it": "sicurezza sul lavoro",
                    "de": "Arbeitssicherheit", "fr": "sécurité au travail",
                    "es": "seguridad laboral", "pl": "bezpieczeństwo pracy"}),
    Sector("0723", {"en": "textile repair", "it": "riparazione tessile",
                    "de": "Textilreparatur", "fr": "réparation textile",
                    "es": "reparación textil", "pl": "naprawa tekstyliów"}),
    Sector("0411", {"en": "bookkeeping", "it": "contabilità", "de": "Buchhaltung",
                    "fr": "comptabilité", "es": "contabilidad", "pl": "księgowość"}),
    Sector("0231", {"en": "workplace languages", "it": "lingue per il lavoro",
                    "de": "Sprachen im Beruf", "fr": "langues au travail",
                    "es": "idiomas para el trabajo", "pl": "języki w pracy"}),
)

TITLE_PATTERNS = {
    "en": ["{skill} for {sector}", "Introduction to {skill}", "{skill} in practice",
           "Advanced {skill}", "{skill}: a hands-on course", "Applied {skill} in {sector}"],
    "it": ["{skill} per {sector}", "Introduzione: {skill}", "Corso pratico di {sector}: {skill}"],
    "de": ["{skill} im Bereich {sector}", "Einführung: {skill}", "Praxiskurs {sector}: {skill}"],
    "fr": ["{skill} pour {sector}", "Initiation : {skill}", "Atelier {sector} : {skill}"],
    "es": ["{skill} para {sector}", "Introducción: {skill}", "Taller de {sector}: {skill}"],
    "pl": ["{skill} w branży: {sector}", "Wprowadzenie: {skill}", "Warsztat {sector}: {skill}"],
}

SUMMARY_PATTERNS = {
    "en": "A short course in {sector} for {audience} who want to {verb} {skill}. "
          "You practise on real tasks and finish with an assessed piece of work.",
    "it": "Un breve corso di {sector} per chi vuole imparare {skill}, con esercitazioni "
          "pratiche e una prova finale.",
    "de": "Ein kurzer Kurs im Bereich {sector} für alle, die {skill} lernen wollen, mit "
          "praktischen Übungen und einer Abschlussprüfung.",
    "fr": "Une formation courte en {sector} pour apprendre {skill}, avec des exercices "
          "pratiques et une évaluation finale.",
    "es": "Un curso breve de {sector} para aprender {skill}, con prácticas reales y una "
          "evaluación final.",
    "pl": "Krótki kurs z zakresu {sector}, w którym uczysz się {skill}, z ćwiczeniami "
          "praktycznymi i egzaminem końcowym.",
}

AUDIENCES = ("new employees", "experienced technicians", "team leaders", "career changers",
             "apprentices", "self-employed professionals", "job seekers", "supervisors")
VERBS = ("apply", "learn", "master", "update their knowledge of", "get certified in",
         "improve")
COUNTRIES = ("IT", "DE", "FR", "ES", "PL", "AT", "NL", "BE", "PT", "SE", "FI", "IE", "CZ",
             "SI", "HR", "GR", "RO", "DK")
CITIES = ("Bologna", "Lyon", "Graz", "Gdańsk", "Porto", "Tampere", "Cork", "Brno", "Split",
          "Ljubljana", "Aarhus", "Utrecht", "Ghent", "Valencia", "Leipzig", "Cluj",
          "Thessaloniki", "Malmö")
INSTITUTIONS = ("Vocational College", "Training Centre", "Skills Academy", "Technical Institute",
                "Chamber of Crafts", "Adult Learning Centre", "Industry Campus")
LICENCES = ("CC-BY-4.0", "CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "CC-BY-NC-4.0",
            "CC-BY-NC-SA-4.0", "CC-BY-ND-4.0", "CC-BY-NC-ND-4.0")
MODES = ("online", "online", "blended", "onsite", "onsite", "work-based")
METHODS = ("practical", "project", "portfolio", "oral", "marked-assignment", "continuous")
CREDENTIAL_TYPES = ("certificate", "open-badge-3", "open-badge-3", "europass-edc", "other")
HOURS = (6, 8, 12, 16, 20, 25, 30, 40, 50, 60, 75, 90, 120, 150, 200, 250, 300)


@dataclass(frozen=True, slots=True)
class Skill:
    """An ESCO skill: URI, label and description."""

    uri: str
    label: str
    description: str


def esco_skills() -> list[Skill]:
    """The bundled ESCO skills that have a description (real English text)."""
    data = resources.files("generator.content.vocabularies") / "data" / "esco" / "skills.csv"
    rows = csv.DictReader(io.StringIO(data.read_text(encoding="utf-8")))
    return [Skill(row["conceptUri"], row["preferredLabel"].strip(), row["description"].strip())
            for row in rows if row["description"].strip()]


def write_catalogue(target_dir: Path, units: int = 10_000, seed: int = 1,
                    description_paragraphs: tuple[int, int] = (2, 3)) -> None:
    """Write a valid content folder with `units` units, their outcomes and providers.

    Each description has between `description_paragraphs` paragraphs (one per ESCO skill of
    the unit's outcomes, as many as there are): (2, 3) gives about 35 distinct words, (5, 8)
    about 72, near the sample content's 68.
    """
    rng = random.Random(seed)
    skills = esco_skills()
    provider_count = max(1, units // UNITS_PER_PROVIDER)
    outcome_count = max(5, units // UNITS_PER_OUTCOME)
    outcome_skills = [rng.sample(skills, rng.randint(1, 3)) for _ in range(outcome_count)]
    for kind in ("units", "outcomes", "providers"):
        (target_dir / kind).mkdir(parents=True, exist_ok=True)
    for number in range(provider_count):
        _dump(target_dir / "providers" / f"provider-{number:05d}.yaml",
              _provider(rng, number))
    for number, chosen in enumerate(outcome_skills):
        _dump(target_dir / "outcomes" / f"outcome-{number:05d}.yaml",
              _outcome(rng, number, chosen))
    occupations = rng.sample(esco_occupations(), OCCUPATION_POOL)
    for number in range(units):
        data = _unit(rng, number, provider_count, outcome_skills, description_paragraphs)
        if rng.random() < 0.5:
            data["occupations"] = rng.sample(occupations, rng.randint(1, 2))
        _dump(target_dir / "units" / f"unit-{number:05d}.yaml", data)
    write_demands(target_dir / "demands", rng, outcome_skills, occupations,
                  count=max(1, units * DEMANDS_PER_10000 // 10_000))


DEMANDS_PER_10000 = 50
"""Demand files per 10,000 units: issue 15's scale target (50 at 10,000 units)."""
DEMAND_SKILLS = (20, 20)
"""Skills per demand taught by some outcome, and skills no outcome names (the gap): with the
outcomes' skills, about 3,000 distinct skills at 10,000 units."""
OCCUPATION_POOL = 300
"""Distinct ESCO occupations that units and demands name."""


def esco_occupations() -> list[str]:
    """The URIs of the bundled ESCO occupations, in file order."""
    data = resources.files("generator.content.vocabularies") / "data" / "esco" / "occupations.csv"
    return [row["conceptUri"] for row in csv.DictReader(io.StringIO(data.read_text("utf-8")))]


def esco_uuids() -> list[str]:
    """Every ESCO 1.2 skill UUID (data/esco/skill-uuids.txt.gz), sorted."""
    data = resources.files("generator.content.vocabularies") / "data" / "esco"
    return gzip.decompress((data / "skill-uuids.txt.gz").read_bytes()).decode("ascii").split()


def write_demands(folder: Path, rng: random.Random, outcome_skills: list[list[Skill]],
                  occupations: list[str], count: int) -> None:
    """`count` fictional demands: half their skills taught somewhere, half nowhere."""
    folder.mkdir(parents=True, exist_ok=True)
    taught = sorted({skill.uri for chosen in outcome_skills for skill in chosen})
    untaught = [f"http://data.europa.eu/esco/skill/{uuid}" for uuid in esco_uuids()]
    untaught = [uri for uri in untaught if uri not in set(taught)]
    for number in range(count):
        skills = [{"uri": uri, "priority": rng.choice(("high", "medium", "low"))}
                  for uri in rng.sample(taught, DEMAND_SKILLS[0])]
        skills += [{"uri": uri, "label": f"synthetic skill {uri[-12:]}",
                    "priority": rng.choice(("high", "medium", "low"))}
                   for uri in rng.sample(untaught, DEMAND_SKILLS[1])]
        country = COUNTRIES[number % len(COUNTRIES)]
        _dump(folder / f"demand-{number:03d}.yaml", {
            "id": f"demand-{number:03d}", "example": True,
            "title": f"Synthetic skill need {number} (fictional example)",
            "summary": "A fictional labour-market demand used as benchmark data.",
            "actor": {"name": f"Example sector council {number} (fictional)",
                      "type": "sector-council"},
            "region": {"country": country}, "sector": {"nace": rng.choice("CFGHIJQ")},
            "occupations": rng.sample(occupations, 2), "skills": skills,
            "horizon": {"start": 2027, "end": 2030},
            "evidence": [{"title": "Synthetic survey (fictional example)",
                          "url": f"https://example.org/demand-{number:03d}"}],
            "published": dt.date(2026, 1, 1) + dt.timedelta(days=number),
        })


def _dump(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100),
                    encoding="utf-8")


def _provider(rng: random.Random, number: int) -> dict[str, Any]:
    country = COUNTRIES[number % len(COUNTRIES)]
    city = rng.choice(CITIES)
    name = f"Example {city} {rng.choice(INSTITUTIONS)} {number} (fictional)"
    data: dict[str, Any] = {
        "id": f"provider-{number:05d}", "example": True, "name": name, "country": country,
        "city": city, "homepage": f"https://example.org/provider-{number:05d}/",
    }
    if rng.random() < 0.3:
        data["description"] = (f"A fictional {rng.choice(INSTITUTIONS).lower()} in {city} "
                               "that offers short vocational courses, used as benchmark data.")
    return data


def _outcome(rng: random.Random, number: int, skills: list[Skill]) -> dict[str, Any]:
    main = skills[0]
    statement = f"The learner can {main.label}"
    if len(skills) > 1:
        statement += f" and apply {skills[1].label} in everyday work"
    data: dict[str, Any] = {
        "id": f"outcome-{number:05d}",
        "title": main.label[:1].upper() + main.label[1:],
        "statement": statement + ".",
        "category": rng.choice(("knowledge", "skill", "skill", "responsibility-autonomy")),
        "esco_skills": [skill.uri for skill in skills],
    }
    if rng.random() < 0.2:
        language = rng.choice(LANGUAGES)
        data["title"] = {"en": data["title"], language: f"{main.label} ({language})"}
    return data


def _unit(rng: random.Random, number: int, provider_count: int,
          outcome_skills: list[list[Skill]], paragraphs: tuple[int, int]) -> dict[str, Any]:
    sector = rng.choice(SECTORS)
    outcomes = rng.sample(range(len(outcome_skills)), rng.randint(2, 5))
    skill = outcome_skills[outcomes[0]][0]
    # 1.4 languages per unit on average, as issue 14 asks the build to scale to
    languages = ["en", *rng.sample(LANGUAGES, rng.choice((0, 0, 0, 0, 0, 1, 1, 1, 1, 1)))]
    hours = rng.choice(HOURS)
    published = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(1400))
    data: dict[str, Any] = {
        "id": f"unit-{number:05d}",
        "title": _texts(rng, TITLE_PATTERNS, languages, sector, skill),
        "summary": _texts(rng, SUMMARY_PATTERNS, languages, sector, skill),
        "description": _description(rng, outcome_skills, outcomes, paragraphs),
        "provider": f"provider-{rng.randrange(provider_count):05d}",
        "languages": languages,
        "eqf_level": rng.choice((2, 3, 3, 4, 4, 4, 5, 5, 6, 7)),
        "isced_f": sector.isced_f,
        "workload": {"hours": hours, **({"ects": max(1, round(hours / 25))}
                                        if rng.random() < 0.7 else {})},
        "mode": rng.choice(MODES),
        "outcomes": [f"outcome-{index:05d}" for index in outcomes],
        "assessment": {"methods": rng.sample(METHODS, rng.randint(1, 2)),
                       "description": "Learners complete a practical task that an assessor "
                                      "checks against the outcomes."},
        "quality_assurance": "Reviewed every year by the provider's quality board.",
        "credential": {"type": rng.choice(CREDENTIAL_TYPES),
                       "verification": "Signed by the provider; checked online.",
                       "recognition": "Recognised by the provider's employer partners."},
        "license": rng.choice(LICENCES),
        "price": ("free" if rng.random() < 0.35 else
                  {"amount": rng.choice((49, 90, 150, 240, 380, 600)), "currency": "EUR"}),
        "keywords": sorted({word.lower() for word in rng.sample(skill.label.split(), 1)}
                           | {sector.names["en"]}),
        "published": published,
    }
    return data


def _texts(rng: random.Random, patterns: dict[str, Any], languages: list[str],
           sector: Sector, skill: Skill) -> dict[str, str] | str:
    """English text, plus a translation for each other language of instruction."""
    values = {}
    for language in languages:
        pattern = patterns[language]
        template = rng.choice(pattern) if isinstance(pattern, list) else pattern
        text = template.format(skill=skill.label, sector=sector.names[language],
                               audience=rng.choice(AUDIENCES), verb=rng.choice(VERBS))
        values[language] = text[:1].upper() + text[1:]
    return values if len(values) > 1 else values["en"]


def _description(rng: random.Random, outcome_skills: list[list[Skill]], outcomes: list[int],
                 paragraphs: tuple[int, int]) -> str:
    """Paragraphs of real ESCO skill descriptions about what the unit covers."""
    skills = [skill for index in outcomes for skill in outcome_skills[index]]
    texts = [f"**{skill.label[:1].upper() + skill.label[1:]}.** {skill.description}"
             for skill in skills[: rng.randint(*paragraphs)]]
    return "\n\n".join(texts)


PROJECT_ROOT = Path(__file__).resolve().parent.parent
SITE_FILES = ("mkdocs.yml", "pages", "theme")
"""What a catalogue project needs besides its content."""


def fresh_project(project: Path) -> Path:
    """An empty `project` folder holding a copy of the repository's mkdocs.yml, pages and theme."""
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
    for name in SITE_FILES:
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        else:
            shutil.copy2(source, project / name)
    return project
