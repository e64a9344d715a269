"""The `microvet` command: what providers and maintainers type."""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
from pathlib import Path
from typing import NoReturn

import click

from generator.build.writer import write_outputs
from generator.content.catalogue import load_catalogue
from generator.content.errors import ContentError, Problem
from generator.kinds import KINDS
from generator.site import preview
from generator.tools.diff import DiffError, diff_revisions
from generator.tools.scaffold import ScaffoldError, create
from generator.tools.schemas import schema_files


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
def check(content_dir: Path, output_format: str) -> None:
    """Check every content file and report all problems at once.

    Exits 0 when the content is valid, 1 when there are problems.

    \b
    Example:
        microvet check
        microvet check --format github
    """
    try:
        catalogue = load_catalogue(content_dir, root=Path.cwd())
    except ContentError as error:
        _report(error.problems, output_format)
        sys.exit(1)
    if output_format == "json":
        click.echo("[]")
    click.echo(
        f"OK: {len(catalogue.units)} units, {len(catalogue.outcomes)} outcomes, "
        f"{len(catalogue.providers)} providers", err=True)


def _report(problems: list[Problem], output_format: str) -> None:
    if output_format == "json":
        click.echo(json.dumps([p.as_dict() for p in problems], indent=2, ensure_ascii=False))
    elif output_format == "github":
        for p in problems:
            click.echo(f"::error file={_github_property(p.path)},line={p.line},col={p.column}::"
                       f"{_github_escape(p.message)}")
    else:
        for p in problems:
            click.echo(str(p))
    files = len({p.path for p in problems})
    click.echo(f"{len(problems)} problem(s) in {files} file(s)", err=True)


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
    """Write the JSON Schemas of units, outcomes and providers into schemas/.

    Editors use them to complete and check content files (VS Code's YAML extension reads the
    `# yaml-language-server: $schema=...` first line). Run after changing the models, and
    commit the result.

    \b
    Example:
        microvet schema
    """
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

    Lists the units, outcomes and providers added, removed and changed, with each changed
    field's old and new value. HEAD defaults to the working tree (your uncommitted files).

    \b
    Examples:
        microvet diff main
        microvet diff origin/main HEAD
    """
    try:
        click.echo(diff_revisions(base, head, content_dir, Path.cwd()), nl=False)
    except DiffError as error:
        raise click.ClickException(str(error)) from None


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
