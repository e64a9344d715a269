"""The `microvet` command: what providers and maintainers type."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import logging
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click
import yaml

from generator.content.catalogue import load_catalogue
from generator.content.errors import CheckWarning, ContentError, Problem
from generator.content.history import fallback_date
from generator.i18n import LANGUAGES, po_path
from generator.kinds import KINDS, SiteInfo

CORE_KINDS = ("unit", "outcome", "provider")
"""Counted by `microvet check` even when there are none; other kinds only when present."""

if TYPE_CHECKING:
    from generator.tools.importer import Draft

@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="microvet-catalogue")
def main() -> None:
    """microVET catalogue: check content, build and preview the site."""


@main.command()
@click.option("--content", "content_dir", default="content", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder with units/, outcomes/ and providers/.")
@click.option("--format", "output_format", type=click.Choice(["text", "github", "json"]),
              default="text", show_default=True,
              help="text: path:line:col: message; github: pull-request annotations; json.")
@click.option("--strict", is_flag=True, help="Treat warnings as problems (exit 1).")
@click.option("--completeness", "show_completeness", is_flag=True,
              help="Report which EU (Annex I) and benchmark elements each unit and provider "
                   "describe, instead of the warnings.")
def check(content_dir: Path, output_format: str, strict: bool, show_completeness: bool) -> None:
    """Check every content file and report all problems at once.

    Exits 0 when the content is valid (warnings are printed but do not fail, unless
    --strict), 1 when there are problems.

    \b
    Example:
        microvet check
        microvet check --strict --format github
        microvet check --completeness
    """
    try:
        catalogue = load_catalogue(content_dir, root=Path.cwd())
    except ContentError as error:
        _report(error.problems, output_format)
        sys.exit(1)
    warnings = list(catalogue.warnings)
    if strict and warnings:
        _report([Problem(w.path, w.line, w.column, w.message) for w in warnings], output_format)
        click.echo("--strict: the warnings above count as problems", err=True)
        sys.exit(1)
    if show_completeness:
        from generator.tools.completeness import as_json as completeness_json
        from generator.tools.completeness import as_text as completeness_text
        from generator.tools.completeness import completeness
        report = completeness(catalogue)
        click.echo(json.dumps(completeness_json(report), indent=2, ensure_ascii=False)
                   if output_format == "json" else completeness_text(report), nl=False)
        if output_format == "json":
            click.echo()
    else:
        _report(warnings, output_format, summary=False)
    noted = f", {len(warnings)} warning(s)" if warnings else ""
    counts = ", ".join(f"{len(catalogue.objects[kind.folder])} {kind.folder}" for kind in KINDS
                       if catalogue.objects[kind.folder] or kind.name in CORE_KINDS)
    click.echo(f"OK: {counts}{noted}", err=True)


def _report(findings: Sequence[Problem | CheckWarning], output_format: str, *,
            summary: bool = True) -> None:
    if output_format == "json":
        click.echo(json.dumps([f.as_dict() for f in findings], indent=2, ensure_ascii=False))
    elif output_format == "github":
        for f in findings:
            level = "warning" if isinstance(f, CheckWarning) else "error"
            click.echo(f"::{level} file={_github_property(f.path)},line={f.line},col={f.column}"
                       f"::{_github_escape(f.message)}")
    else:
        for f in findings:
            click.echo(str(f))
    if summary:
        files = len({f.path for f in findings})
        click.echo(f"{len(findings)} problem(s) in {files} file(s)", err=True)


def _github_escape(message: str) -> str:
    """Workflow-command escaping: %, CR and LF would end or garble the annotation."""
    return message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(value: str) -> str:
    """Escaping of an annotation property: `:` and `,` end it too (file names can be hostile)."""
    return _github_escape(value).replace(":", "%3A").replace(",", "%2C")


@main.command()
@click.option("-f", "--config-file", default="mkdocs.yml", show_default=True,
              type=click.Path(exists=True, dir_okay=False))
@click.option("--strict/--no-strict", default=True, show_default=True,
              help="Fail on any MkDocs warning.")
@click.option("-d", "--site-dir", default=None, help="Where to build (default: site/).")
def build(config_file: str, strict: bool, site_dir: str | None) -> None:
    """Build the website into site/ (the previous site stays until the new one is complete).

    \b
    Example:
        microvet build
    """
    from generator.content.advice import site_url_warnings
    for warning in site_url_warnings(Path(config_file), os.environ, Path(config_file).as_posix()):
        click.echo(str(warning), err=True)
    args = ["build", "-f", config_file, *(["--strict"] if strict else [])]
    args += ["-d", site_dir] if site_dir else []
    _mkdocs(args)


@main.command()
@click.option("-f", "--config-file", default="mkdocs.yml", show_default=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True,
              help="Address and port to serve on.")
def serve(config_file: Path, dev_addr: str) -> None:
    """Preview the site at http://127.0.0.1:8000/, following every save.

    After the first build, a save re-reads only the changed files and re-renders only the
    pages and files they affect; a content problem shows in the browser as a list of
    `path:line:col: message` lines until the file is fixed.

    \b
    Example:
        microvet serve
    """
    from generator.site import preview
    host, _, port = dev_addr.rpartition(":")
    if not host or not port.isdigit():
        raise click.BadParameter("use HOST:PORT, e.g. 127.0.0.1:8000", param_hint="--dev-addr")
    # The preview lives at the root of the local address, and its metadata points at it.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    signal.signal(signal.SIGTERM, _stop)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    try:
        preview.serve(config_file, host, int(port))
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)


def _stop(signum: int, frame: object) -> None:
    """SIGTERM ends the preview like Ctrl-C: the server stops and its folder is removed."""
    raise KeyboardInterrupt


@main.command()
@click.argument("kind", metavar="KIND",
                type=click.Choice([kind.name for kind in KINDS if kind.scaffold]))
@click.argument("object_id", metavar="ID")
@click.option("--content", "content_dir", default="content", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder with units/, outcomes/ and providers/.")
def new(kind: str, object_id: str, content_dir: Path) -> None:
    """Create content/<KIND>s/<ID>.yaml with every field present and explained.

    Fill in every field marked MANDATORY, then run `microvet check`. The ID becomes the
    page address: lowercase letters, digits and hyphens, e.g. barista-basics.

    \b
    Example:
        microvet new unit barista-basics
    """
    from generator.tools.scaffold import ScaffoldError, create
    try:
        path = create(kind, object_id, content_dir)
    except ScaffoldError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Created {path.as_posix()}: fill in every field marked MANDATORY, "
               "then run `microvet check`.")


@main.command()
@click.option("-o", "--output", "output_dir", default=".", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write schemas/ into (the repository's top folder).")
def schema(output_dir: Path) -> None:
    """Write the JSON Schemas of every kind of content file into schemas/.

    Editors use them to complete and check content files (VS Code's YAML extension reads the
    `# yaml-language-server: $schema=...` first line). Run after changing the models, and
    commit the result.

    \b
    Example:
        microvet schema
    """
    from generator.build.writer import write_outputs
    from generator.tools.schemas import schema_files
    files = schema_files()
    write_outputs(output_dir, files)
    for path in sorted(files):
        click.echo(f"Wrote {(output_dir / path).as_posix()}")


@main.command()
@click.argument("base")
@click.argument("head", required=False)
@click.option("--content", "content_dir", default="content", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder with units/, outcomes/ and providers/.")
def diff(base: str, head: str | None, content_dir: Path) -> None:
    """Summarise, in Markdown, what changed in the catalogue between two git revisions.

    Lists the units, pathways, outcomes and providers added, removed and changed, with each
    changed field's old and new value, and the units affected by each changed outcome or
    provider. HEAD defaults to the working tree (your uncommitted files).

    \b
    Examples:
        microvet diff main
        microvet diff origin/main HEAD
    """
    from generator.tools.diff import DiffError, diff_revisions
    try:
        click.echo(diff_revisions(base, head, content_dir, Path.cwd()), nl=False)
    except DiffError as error:
        raise click.ClickException(str(error)) from None


@main.command("export")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--template", is_flag=True,
              help="Write the sheets with no rows: a form to fill in and import.")
@click.option("--content", "content_dir", default="content", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder with units/, outcomes/ and providers/.")
def export_command(path: Path, template: bool, content_dir: Path) -> None:
    """Write every unit, outcome and provider to a spreadsheet (.xlsx or .csv).

    One row per object; texts one column per language (`title.en`); lists in one cell,
    separated by `;`; sessions and other lists of entries on sheets of their own (in .csv,
    files of their own beside PATH). CONTRIBUTING.md, "Bring your existing courses",
    describes the columns.

    \b
    Examples:
        microvet export catalogue.xlsx
        microvet export --template courses.xlsx
    """
    from generator.tools.spreadsheet import SpreadsheetError, export

    catalogue = None
    if not template:
        try:
            catalogue = load_catalogue(content_dir, root=Path.cwd())
        except ContentError as error:
            _report(error.problems, "text")
            raise click.ClickException("the catalogue has problems: fix them, then export"
                                       ) from None
    try:
        written = export(catalogue, path)
    except SpreadsheetError as error:
        raise click.ClickException(str(error)) from None
    for target in written:
        click.echo(f"Wrote {target.as_posix()}")


@main.command("import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--content", "content_dir", default="content", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder with units/, outcomes/ and providers/.")
@click.option("--provider", "provider_id", default=None, metavar="ID",
              help="Provider id for units that name none (and, from Europass, instead of a "
                   "provider draft made from the awarding body).")
@click.option("--dry-run", is_flag=True, help="Print what would change; write nothing.")
@click.option("--update", is_flag=True, help="Replace existing files that differ.")
def import_command(path: Path, content_dir: Path, provider_id: str | None, dry_run: bool,
                   update: bool) -> None:
    """Write content files from a spreadsheet, a Europass (ELM) document or a QDR loq.xml.

    A spreadsheet (.xlsx, .csv) is laid out as `microvet export` writes it; every problem
    is reported by cell, and nothing is written unless every cell is right. A Europass
    JSON-LD document (.jsonld, .json) or a QDR loq.xml (.xml) gives drafts: the fields it
    has are filled in, the rest is listed for you to fill in.

    \b
    Examples:
        microvet import courses.xlsx --dry-run
        microvet import courses.xlsx
        microvet import credential.jsonld --provider my-school
    """
    # Imported here, not on top: openpyxl alone adds half a second to every other command.
    from generator.tools.europass_source import EuropassError
    from generator.tools.importer import ImportFailed, import_drafts
    from generator.tools.spreadsheet import SpreadsheetError

    try:
        drafts = _drafts(path, content_dir, provider_id)
        click.echo(import_drafts(drafts, content_dir, update=update, dry_run=dry_run), nl=False)
    except (SpreadsheetError, EuropassError) as error:
        raise click.ClickException(str(error)) from None
    except ImportFailed as error:
        for problem in error.problems:
            click.echo(problem)
        click.echo(f"{len(error.problems)} problem(s): nothing was written", err=True)
        sys.exit(1)


def _drafts(path: Path, content: Path, provider_id: str | None) -> list[Draft]:
    """The objects a file gives, by its kind (file name extension)."""
    from generator.tools.europass_import import europass_drafts
    from generator.tools.spreadsheet import read_tables
    from generator.tools.spreadsheet_import import spreadsheet_drafts

    suffix = path.suffix.lower()
    if suffix in {".jsonld", ".json", ".xml"}:
        return europass_drafts(path, provider_id)
    return spreadsheet_drafts(read_tables(path), content, provider_id)


@main.command()
@click.argument("unit_id", metavar="UNIT")
@click.option("--recipient-name", required=True, help="The learner's full name.")
@click.option("--recipient-id", required=True,
              help="A URI for the learner: mailto:ana@example.org, a did:..., or an https:// "
                   "address.")
@click.option("--format", "credential_format", type=click.Choice(["ob3", "elm"]),
              default=None,
              help="ob3: Open Badges 3.0 OpenBadgeCredential; elm: Europass credential draft "
                   "(default: what the unit's credential.type says it issues).")
@click.option("--issued", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Date of issue, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the credential to this file instead of the screen.")
@click.option("--content", "content_dir", default="content", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="The content folder.")
@click.option("--site-url", envvar="MICROVET_SITE_URL", default=None,
              help="The catalogue's public address (default: MICROVET_SITE_URL, else "
                   "site_url in mkdocs.yml); the achievement's URIs start with it.")
def credential(unit_id: str, recipient_name: str, recipient_id: str,
               credential_format: str | None,
               issued: dt.datetime | None, output: Path | None, content_dir: Path,
               site_url: str | None) -> None:
    """Write an UNSIGNED credential for one learner who earned UNIT.

    The credential embeds the catalogue's own description of the achievement; sign it on
    your badge platform (OB 3.0) or with your e-seal in Europass (EDC): CONTRIBUTING.md,
    "Issuing the credential".

    \b
    Examples:
        microvet credential barista-basics --recipient-name "Ana" --recipient-id mailto:a@x.org
        microvet credential barista-basics --format elm --recipient-name Ana --recipient-id did:x:1
    """
    from generator.content.serialise import json_bytes
    from generator.outputs import credentials
    try:
        recipient = credentials.Recipient(recipient_name, recipient_id)
    except credentials.RecipientError as error:
        raise click.BadParameter(str(error), param_hint=error.option) from None
    try:
        catalogue = load_catalogue(content_dir, root=Path.cwd())
    except ContentError as error:
        _report(error.problems, "text")
        sys.exit(1)
    if unit_id not in catalogue.units:
        close = difflib.get_close_matches(unit_id, list(catalogue.units), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise click.BadParameter(f"there is no unit '{unit_id}' (no file "
                                 f"{content_dir.as_posix()}/units/{unit_id}.yaml){hint}",
                                 param_hint="UNIT")
    unit = catalogue.units[unit_id]
    credential_format = credential_format or credentials.FORMATS.get(unit.credential.type)
    if credential_format is None:
        raise click.UsageError(
            f"unit '{unit_id}' issues '{unit.credential.type}' (its credential.type), not a "
            "digital credential: give --format ob3 or --format elm to write one anyway")
    site = SiteInfo(url=site_url or _configured_site_url(Path("mkdocs.yml")))
    day = issued.date() if issued else (fallback_date() or dt.datetime.now(dt.UTC).date())
    make = credentials.open_badge if credential_format == "ob3" else credentials.europass_draft
    data = json_bytes(make(catalogue, unit, site, recipient, day))
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        output.write_bytes(data)
        click.echo(f"Wrote {output.as_posix()} (unsigned: sign it before you send it)", err=True)


def _configured_site_url(config: Path) -> str:
    """`site_url` of mkdocs.yml, with its `!ENV [NAME, default]` default."""
    class Loader(yaml.SafeLoader):
        """mkdocs.yml's own tag: `!ENV [NAME, default]`."""

    def env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        *names, default = loader.construct_sequence(node)  # type: ignore[arg-type]
        return next((os.environ[name] for name in names if os.environ.get(name)), default)

    Loader.add_constructor("!ENV", env)
    try:
        # A SafeLoader with one more tag: still no arbitrary objects.
        found = yaml.load(config.read_text(encoding="utf-8"), Loader=Loader)
    except OSError:
        found = None
    if not isinstance(found, dict) or not found.get("site_url"):
        raise click.UsageError("give --site-url (or set MICROVET_SITE_URL): no site_url in "
                               f"{config.as_posix()}")
    return str(found["site_url"])


@main.command()
@click.option("--demand", "demand_id", metavar="ID", help="Only this demand (its id).")
@click.option("--country", metavar="CC", help="Only demands in this country, e.g. DE.")
@click.option("--format", "output_format", type=click.Choice(["md", "csv", "json"]),
              default="md", show_default=True, help="md: a table; csv and json: as in api/.")
@click.option("--content", "content_dir", default="content", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder with units/, outcomes/, providers/ and demands/.")
def gaps(demand_id: str | None, country: str | None, output_format: str,
         content_dir: Path) -> None:
    """List the skills that labour-market demands ask for, with the units teaching each.

    Skills that no unit teaches come first ("no offer yet"), the most demanded on top.

    \b
    Examples:
        microvet gaps
        microvet gaps --country DE --format csv
    """
    try:
        catalogue = load_catalogue(content_dir, root=Path.cwd())
    except ContentError as error:
        _report(error.problems, "text")
        sys.exit(1)
    if demand_id is not None and demand_id not in catalogue.demands:
        close = difflib.get_close_matches(demand_id, list(catalogue.demands), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise click.BadParameter(f"there is no demand '{demand_id}' in "
                                 f"{content_dir.as_posix()}/demands{hint}", param_hint="--demand")
    # Imported here: the renderers are not needed by `microvet check`, which must start fast.
    from generator.outputs.labour import DEFAULT_SITE_URL, gap_report

    rows = catalogue.skill_gaps(demand=demand_id, country=country.upper() if country else None)
    site = SiteInfo(os.environ.get("MICROVET_SITE_URL") or DEFAULT_SITE_URL)
    click.echo(gap_report(rows, output_format, site), nl=False)


@main.command()
@click.argument("site_dir", default="site", type=click.Path(file_okay=False, path_type=Path))
@click.option("--site-url", default=None,
              help="Where the site is published (default: the home page's canonical URL).")
@click.option("--summary", "summary_file", default=None, type=click.Path(path_type=Path),
              help="Append a Markdown summary to this file (e.g. $GITHUB_STEP_SUMMARY).")
def validate(site_dir: Path, site_url: str | None, summary_file: Path | None) -> None:
    """Run the aggregators' validators over a built site; one `path: message` per problem.

    ELM SHACL shapes and the QDR XSD, the AMB JSON Schema, the schema.org vocabulary, the
    Open Badges 3.0 schema, the Atom feed and the sitemap. Exits 0 when every document is
    valid, 1 when any is not. Needs `pip install -e ".[validate]"`.

    \b
    Example:
        microvet validate site
        microvet validate site --summary "$GITHUB_STEP_SUMMARY"
    """
    from generator.tools.standards import ValidatorsMissing
    from generator.tools.validate import validate_site

    if not (site_dir / "index.html").is_file():
        raise click.ClickException(
            f"{site_dir} is not a built site (no index.html): run `microvet build` first")
    try:
        report = validate_site(site_dir, site_url)
    except ValidatorsMissing as error:
        raise click.ClickException(str(error)) from None
    for problem in report.problems:
        click.echo(str(problem))
    if summary_file is not None:
        with summary_file.open("a", encoding="utf-8") as file:
            file.write(report.markdown())
    documents = sum(report.checked.values())
    click.echo(f"{documents} documents checked, {len(report.problems)} problem(s)", err=True)
    sys.exit(1 if report.problems else 0)


@main.group()
def translations() -> None:
    """Keep the interface translations (generator/locales/*.po) in step with the code.

    See docs/translating.md; Poedit, Weblate or any gettext editor edits the .po files.

    \b
    Examples:
        microvet translations extract
        microvet translations status
    """


@translations.command("extract")
@click.option("--root", default=".", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="The repository's top folder (theme/ and generator/ are read).")
def translations_extract(root: Path) -> None:
    """Collect the messages of theme/ and generator/ into messages.pot, then merge each .po.

    New messages appear untranslated in every language; messages no longer used are dropped.

    \b
    Example:
        microvet translations extract
    """
    from generator.tools.translations import extract, template_path, template_text, update
    template = extract(root)
    template_path().write_bytes(template_text(template))
    click.echo(f"Wrote {template_path().as_posix()}: {len(template)} messages")
    for language in LANGUAGES:
        path = po_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(update(language, template))
        click.echo(f"Updated {path.as_posix()}")


@translations.command("status")
def translations_status() -> None:
    """Say which messages each language still lacks; exit 1 if any is missing or fuzzy.

    \b
    Example:
        microvet translations status
    """
    from generator.tools.translations import progress
    complete = True
    for language in LANGUAGES:
        found = progress(language)
        missing = len(found.untranslated) + len(found.fuzzy)
        complete = complete and not missing
        click.echo(f"{language}: {found.total - missing} of {found.total} translated"
                   + (f"; to do: {', '.join(sorted({*found.untranslated, *found.fuzzy}))}"
                      if missing else ""))
    if not complete:
        sys.exit(1)


def _mkdocs(args: list[str]) -> NoReturn:
    """Become `mkdocs ARGS`: a signal to this process (Ctrl-C, a kill) reaches MkDocs itself,
    so no orphaned server or half-finished build outlives the command."""
    sys.stdout.flush()
    sys.stderr.flush()
    # Material's end-of-life banner (eight lines on every run) says nothing a provider can act
    # on; MkDocs' own warnings still show.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.execv(sys.executable, [sys.executable, "-m", "mkdocs", *args])


if __name__ == "__main__":
    main()
