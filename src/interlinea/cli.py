"""The `interlinea` command: thin wiring of the stages in `interlinea.stages`.

Messages go to stderr, results to stdout; exit codes are documented in `interlinea.errors`.
"""

from __future__ import annotations

import errno
import os
import functools
import sys
from collections.abc import Iterable
from pathlib import Path

import click

from interlinea import __version__, stages
from interlinea.diagnostics import Report
from interlinea.edition import Edition, Text, load_edition
from interlinea.errors import InterlineaError, ValidationFailed
from interlinea.lock import edition_lock
from interlinea.scaffold import init_edition

from interlinea.publish import FORMATS
from interlinea.citation.formats import DEFAULT_STYLE, FORMATS as CITATION_FORMATS, STYLES as CITATION_STYLES


class Context:
    def __init__(self, edition_dir: Path, quiet: bool):
        self.edition_dir = edition_dir
        self.quiet = quiet

    def edition(self) -> Edition:
        return load_edition(self.edition_dir)

    def say(self, message: str) -> None:
        if not self.quiet:
            click.echo(message, err=True)

    def progress(self, items: Iterable, label: str) -> Iterable:
        """A progress bar on an interactive terminal; nothing otherwise."""
        items = list(items)
        if self.quiet or not sys.stderr.isatty() or len(items) < 2:
            yield from items
            return
        with click.progressbar(items, label=label, file=sys.stderr, item_show_func=_item_name) as bar:
            yield from bar


def _item_name(item) -> str:
    """A text by its id, a file by its name, an output by its path, in the progress bar."""
    if isinstance(item, tuple):  # (output, fingerprint), (units, units, corrections)
        item = item[0] if item else None
    if item is None or isinstance(item, list):
        return ""
    return getattr(item, "id", None) or getattr(getattr(item, "path", None), "name", "") or str(item)


def common_options(command):
    """--edition and --quiet, accepted by every command."""

    @click.option(
        "--edition",
        "edition_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path("."),
        show_default=True,
        help="The edition's folder (holding seeds/edition.toml).",
    )
    @click.option("--quiet", "-q", is_flag=True, help="Print only errors.")
    @functools.wraps(command)
    def wrapper(*args, edition_dir: Path, quiet: bool, **kwargs):
        return command(Context(edition_dir, quiet), *args, **kwargs)

    return wrapper


class Group(click.Group):
    """Click's group, with operating-system errors (a folder where a file should be, a full disk, no
    permission) reported like every other error, naming the file, instead of as a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise  # the reader of our output went away (`| head`): click ends quietly
            where = f"{exc.filename}: " if exc.filename else ""
            raise InterlineaError(f"{where}{exc.strerror or exc}; check that the path is a writable file, not a folder, and that the disk has room") from None


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="interlinea")
def main() -> None:
    """Interlinea: plain-text sources to validated TEI P5 and published editions.

    Run a command with --help for its options. Exit codes: 0 success, 1 invalid input or failed
    validation, 2 usage error.
    """


def publish_options(command):
    """Options of the published editions, shared by `build` and `publish`."""

    @click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None, help="Output folder (default: site/ in the edition).")
    @click.option("--numbered", is_flag=True, help="Number the citable blocks ([12]) in the text edition.")
    @click.option("--wrap", type=click.IntRange(min=0), default=0, show_default=True, help="Wrap text lines at N characters (0: no wrapping; URLs are never broken).")
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        return command(*args, **kwargs)

    return wrapper


def edit_options(command):
    """What to do with TEI files edited by hand, shared by `build` and `convert`."""

    @click.option("--keep-edited", is_flag=True, help="Keep TEI files edited by hand as they are (and validate and publish them) instead of stopping.")
    @click.option("--force", is_flag=True, help="Regenerate TEI files even where they were edited by hand (the edits are lost).")
    @functools.wraps(command)
    def wrapper(*args, keep_edited: bool, force: bool, **kwargs):
        if keep_edited and force:
            raise click.UsageError("--keep-edited and --force contradict each other; give one of them")
        return command(*args, keep_edited=keep_edited, force=force, **kwargs)

    return wrapper


def _publish_plan(edition: Edition, out_dir: Path | None, numbered: bool, wrap: int, formats: tuple[str, ...] = (), **edits) -> stages.BuildPlan:
    from interlinea.publish import PublishOptions

    return stages.BuildPlan(
        out_dir=out_dir if out_dir is not None else edition.root / "site",
        formats=formats or tuple(FORMATS),
        options=PublishOptions(numbered=numbered, wrap=wrap, edition_url=edition.manifest.meta.url or ""),
        **edits,
    )


def _say_diagnostics(ctx: Context, edition: Edition) -> None:
    """The warnings the stages collected, one line each, as validation reports them."""
    for diagnostic in sorted(edition.diagnostics):
        ctx.say(diagnostic.format())


def _say_published(ctx: Context, plan: stages.BuildPlan, texts: list[Text], report) -> None:
    for path in report.written:
        ctx.say(f"wrote {path}")
    for path in report.removed:
        ctx.say(f"removed {path} (no longer produced)")
    ctx.say(f"published {len(texts)} texts ({', '.join(plan.formats)}) in {plan.out_dir}: {len(report.written)} files written, {report.up_to_date} up to date")


@main.command()
@edit_options
@publish_options
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Processes converting the texts (default: the number of cores); the result is the same whatever it is.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True, help="Where the texts are converted: processes of this machine, or the workers of a Dask cluster (needs --scheduler).")
@click.option("--scheduler", metavar="ADDRESS", default=None, help="The Dask scheduler's address (tcp://HOST:8786) for --executor dask.")
@click.option("--explain", is_flag=True, help="Say on standard output what the build made again and why (stage, subject, reason), one line each.")
@common_options
def build(ctx: Context, out_dir: Path | None, numbered: bool, wrap: int, jobs: int | None, executor: str, scheduler: str | None, explain: bool, keep_edited: bool, force: bool) -> None:
    """Convert every seed to TEI, validate it, and publish the editions (site/).

    Stops with exit code 1, naming the failing files, when validation fails: nothing is published
    then. A TEI file edited by hand is never overwritten: the build stops, naming it, unless
    --keep-edited (publish it as it is) or --force (regenerate it) says what to do.

    A build redoes only what changed since the last one (records in .interlinea/ and in the output
    folder); --explain says what it redid and why.
    """
    if (executor == "dask") != (scheduler is not None):
        raise click.UsageError("--executor dask needs --scheduler ADDRESS (tcp://HOST:8786), and --scheduler goes with --executor dask")
    edition = ctx.edition()
    from interlinea.workers import default_jobs

    plan = _publish_plan(edition, out_dir, numbered, wrap, force=force, keep_edited=keep_edited, jobs=jobs or default_jobs(), scheduler=scheduler)
    try:
        with edition_lock(edition.root):
            built = stages.build(edition, plan, progress=ctx.progress)
    finally:
        if explain:
            for item in edition.rebuilt:
                click.echo(f"{item.stage}: {item.subject}: {item.reason}")
            if not edition.rebuilt:
                click.echo("nothing was made again: every output is up to date")
    _say_diagnostics(ctx, edition)
    _finish_validation(ctx, built.validation, verb="build")
    ctx.say(f"built {len(edition.texts)} TEI files in {edition.relative(edition.tei_dir)}/ ({built.validation.summary()})")
    _say_published(ctx, plan, edition.texts, built.published)


@main.command()
@click.argument("text_ids", nargs=-1, metavar="[TEXT_ID | PATH]...")
@click.option("--format", "formats", type=click.Choice(list(FORMATS)), multiple=True, help="Output format (repeatable; default: all).")
@click.option("--skip-validation", is_flag=True, help="Publish even if the TEI does not validate (for work in progress).")
@publish_options
@common_options
def publish(ctx: Context, text_ids: tuple[str, ...], formats: tuple[str, ...], skip_validation: bool, out_dir: Path | None, numbered: bool, wrap: int) -> None:
    """Publish the editions from the TEI in tei/ as it is (hand edits included), without converting.

    The TEI is validated first (project schema and integrity rules) unless --skip-validation.

    With PATHs instead of text ids (TEI files, or folders of them, e.g. `interlinea publish
    corpus/`), publish TEI that has no manifest, as an edition of its own: titles, authors, languages
    and ids come from the TEI headers; the text edition goes to --out (default: site/ here).
    """
    paths = [Path(argument) for argument in text_ids if _names_a_path(argument)]
    if paths:
        if len(paths) != len(text_ids):
            raise click.UsageError("give either text ids of the edition or TEI files and folders, not both")
        _publish_foreign(ctx, paths, formats, out_dir, numbered, wrap)
        return
    edition = ctx.edition()
    texts = edition.select(text_ids)
    plan = _publish_plan(edition, out_dir, numbered, wrap, formats)
    with edition_lock(edition.root):
        if not skip_validation:
            _finish_validation(ctx, stages.validate(edition), verb="publish")
        stages.read_tei(edition, texts)
        report = stages.publish(edition, texts, plan.formats, plan.out_dir, plan.options, progress=ctx.progress)
    _say_diagnostics(ctx, edition)
    _say_published(ctx, plan, texts, report)


@main.command()
@click.argument("text_ids", nargs=-1, metavar="[TEXT_ID]...")
@common_options
def enrich(ctx: Context, text_ids: tuple[str, ...]) -> None:
    """Add the machine's work (links, names, dates, works cited, relations) to TEI files edited by
    hand and to texts imported as TEI, keeping every edit: the editor's elements stay, the text's
    characters do not change, and a name the editor un-tagged stays untagged (the decision is kept
    in tei/.interlinea-decisions.json). The files stay the editor's: `convert` and `build` still
    keep them as edited by hand.
    """
    edition = ctx.edition()
    texts = edition.select(text_ids)
    with edition_lock(edition.root):
        stages.convert(edition, texts, progress=ctx.progress)
        written = stages.enrich(edition, texts)
    for path in written:
        ctx.say(f"wrote {edition.relative(path)}")
    ctx.say(f"enriched {len([p for p in written if p.suffix == '.xml'])} files")


@main.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path), metavar="PATH...")
@common_options
def import_(ctx: Context, paths: tuple[Path, ...]) -> None:
    """Add TEI files written elsewhere (or folders of them) to the edition as texts whose TEI is
    canonical: each is copied unchanged to tei/<id>.xml and gets a [[text]] entry with
    canonical = "tei" in the manifest (id, language and title from its header). Nothing is
    written if any file cannot be taken.
    """
    from interlinea.importing import apply_import, plan_import

    edition = ctx.edition()
    with edition_lock(edition.root):
        plans = plan_import(edition, list(paths))
        apply_import(edition, plans)
    for plan in plans:
        ctx.say(f"imported {plan.source} as {edition.relative(plan.target)}")
    ctx.say(f"imported {len(plans)} texts; the manifest lists them with canonical = \"tei\"")


def _names_a_path(argument: str) -> bool:
    """A TEI file or a folder (text ids have no '/' and no '.xml')."""
    path = Path(argument)
    return path.is_dir() or argument.endswith(".xml") or "/" in argument or os.sep in argument


# The formats of TEI published without a manifest (the citations need the manifest's metadata).
FOREIGN_FORMATS = ("text", "html")


def _publish_foreign(ctx: Context, paths: list[Path], formats: tuple[str, ...], out_dir: Path | None, numbered: bool, wrap: int) -> None:
    from interlinea.publish import PublishOptions
    from interlinea.tei_sources import foreign_edition

    unsupported = sorted(set(formats) - set(FOREIGN_FORMATS))
    if unsupported:
        raise click.UsageError(f"--format {', '.join(unsupported)}: TEI without a manifest is published as {' and '.join(FOREIGN_FORMATS)}; the citations need an edition's manifest")
    root = Path.cwd()
    edition, problems = foreign_edition(paths, root)
    plan = stages.BuildPlan(out_dir=out_dir or root / "site", formats=formats or FOREIGN_FORMATS, options=PublishOptions(numbered=numbered, wrap=wrap, edition_url=""))
    report = stages.publish(edition, edition.texts, plan.formats, plan.out_dir, plan.options, progress=ctx.progress) if edition.texts else None
    _say_diagnostics(ctx, edition)
    if report is not None:
        _say_published(ctx, plan, edition.texts, report)
    if problems:
        raise InterlineaError("\n".join(problems) + f"\n{len(problems)} of {len(problems) + len(edition.texts)} files could not be published")


@main.command()
@click.argument("text_ids", nargs=-1, metavar="[TEXT_ID]...")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if tei/ differs from what the converter produces now.")
@click.option("--explain", is_flag=True, help="Write nothing; show for each block the kind chosen and the signals that chose it.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Format of the --explain report.")
@edit_options
@common_options
def convert(ctx: Context, text_ids: tuple[str, ...], check: bool, explain: bool, output_format: str, keep_edited: bool, force: bool) -> None:
    """Convert seeds to TEI in tei/ (all texts, or the TEXT_IDs given).

    Nothing is written if any selected seed cannot be read or converted. A TEI file edited by hand
    is never overwritten: it is kept and named, with exit code 1, unless --keep-edited (keep it,
    exit 0) or --force (regenerate it). With --explain, nothing is written either: the report says
    for each block what the converter made of it and why (to correct with [[text.passage]]).
    """
    edition = ctx.edition()
    texts = edition.select(text_ids)
    stages.convert(edition, texts, progress=ctx.progress)
    if explain:
        from interlinea.convert.explain import explain_texts

        click.echo(explain_texts(edition, texts, output_format), nl=False)
        return
    if check:
        stages.align(edition, texts)
        stale = stages.stale_tei(edition, texts)
        if stale:
            raise InterlineaError("\n".join(stale))
        ctx.say(f"tei/ is up to date ({len(texts)} texts, {len(edition.alignments or {})} alignments)")
        return
    with edition_lock(edition.root):
        stages.align(edition, texts, force=force)
        result = stages.write_tei(edition, texts, force=force, keep_edited=keep_edited)
    for path in result.written:
        ctx.say(f"wrote {edition.relative(path)}")
    _say_diagnostics(ctx, edition)
    ctx.say(f"converted {len(texts)} texts, aligned {len(edition.alignments or {})} pairs, {len(result.written)} files changed")


@main.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--tei-all", is_flag=True, help="Also validate against the official TEI P5 tei_all schema.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1 when there are any).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Report format.")
@common_options
def validate(ctx: Context, files: tuple[Path, ...], tei_all: bool, strict: bool, output_format: str) -> None:
    """Validate TEI files: well-formedness, the project schema, the integrity rules.

    Without FILES, every TEI file of the edition (texts and registers). With FILES inside an edition,
    the rest of the edition is read too, so that pointers into other files can be checked. Prints one
    line per problem, `file:line:column: rule: message`, sorted, then `N files, N errors, N warnings`.
    Exit code 0 when valid, 1 when not (with --strict, also on warnings), 2 for usage errors.
    """
    report = _validate_report(ctx, files, tei_all)
    failed = bool(report.errors or (strict and report.warnings))
    if output_format == "json":
        click.echo(report.as_json(), nl=False)
    else:
        click.echo(report.as_text(), nl=False)
    if failed:
        raise ValidationFailed("")


def _validate_report(ctx: Context, files: tuple[Path, ...], tei_all: bool) -> Report:
    edition_dir = _edition_of(ctx.edition_dir, files)
    if edition_dir is None:
        if not files:
            ctx.edition()  # raises: no edition here
        from interlinea.validate import validate_files

        return validate_files(list(files), label=str, tei_all=tei_all)
    edition = load_edition(edition_dir)
    return stages.validate(edition, list(files) if files else None, tei_all=tei_all)


def _edition_of(edition_dir: Path, files: tuple[Path, ...]) -> Path | None:
    """The edition to validate in: --edition (or the current folder) if it is one, else the nearest
    folder above the first FILE that is (so `interlinea validate path/to/tei/x.xml` checks pointers
    into the rest of that edition from anywhere)."""
    if (edition_dir / "seeds" / "edition.toml").is_file():
        return edition_dir
    if files:
        for folder in Path(files[0]).resolve().parents:
            if (folder / "seeds" / "edition.toml").is_file():
                return folder
    return None


def _finish_validation(ctx: Context, report: Report, verb: str) -> None:
    if report.errors:
        click.echo(report.as_text(), nl=False, err=True)
        failing = ", ".join(report.failing_files())
        raise ValidationFailed(f"{verb}: validation failed for {failing}; nothing was published")


@main.command()
@click.argument("text_ids", nargs=-1, metavar="[TEXT_ID]...")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Report format.")
@common_options
def languages(ctx: Context, text_ids: tuple[str, ...], output_format: str) -> None:
    """Show the language decision for every block, for an editor to review.

    For each block: its xml:id, its kind, what the identifier found and how sure it was, the
    language the block has in the TEI (with `*` where xml:lang is written on it), and why.
    Converts in memory; writes nothing.
    """
    from interlinea.report import language_report

    edition = ctx.edition()
    texts = edition.select(text_ids)
    stages.convert(edition, texts, progress=ctx.progress)
    click.echo(language_report(texts, output_format), nl=False)


@main.command()
@click.argument("text_ids", nargs=-1, metavar="[TEXT_ID]...")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Report format.")
@common_options
def entities(ctx: Context, text_ids: tuple[str, ...], output_format: str) -> None:
    """Show the persons, places and organisations found in each text.

    For each text: the mentions of each register entry, with the forms they take; then the
    capitalised words and phrases that no register knows, with counts (candidates for the editor:
    add them to a register, or ignore them). Converts in memory; writes nothing.
    """
    from interlinea.report import entity_report

    edition = ctx.edition()
    texts = edition.select(text_ids)
    stages.convert(edition, texts, progress=ctx.progress)
    click.echo(entity_report(texts, edition.registers, output_format), nl=False)


@main.command()
@click.argument("work_a", metavar="A")
@click.argument("work_b", metavar="B")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Report format.")
@common_options
def align(ctx: Context, work_a: str, work_b: str, output_format: str) -> None:
    """Align the paragraphs of two works of tei/ and show the groups side by side for review.

    A and B are works (`organise-it.1`) or texts (`organise-en`, its first work). Each group shows
    the block numbers and first words on both sides and how sure the aligner is; weak groups are
    flagged with "?", groups fixed in seeds/alignment.toml with "=". Writes nothing: `convert` and
    `build` store the same alignment in tei/alignment/.
    """
    from interlinea.alignment import align as align_works
    from interlinea.alignment_corrections import FILE_NAME as CORRECTIONS, align_around, corrections_for, load_corrections
    from interlinea.alignment_report import as_json, as_text
    from interlinea.alignment_stage import block_numbers_of
    from interlinea.alignment_units import work_units

    edition = ctx.edition()
    sides, numbered = [], []
    for reference in (work_a, work_b):
        text_id, _, number = reference.partition(".")
        edition.manifest.text(text_id)  # an unknown text is an error naming the known ones
        parsed = edition.read_xml(edition.tei_path(text_id))
        if parsed.tree is None:
            raise InterlineaError("\n".join(p.format() for p in parsed.problems))
        work_id = f"{text_id}.{number or 1}"
        try:
            units = work_units(parsed.tree, work_id)
            sides.append((work_id, units))
            numbered.append((work_id, units, block_numbers_of(parsed.tree, units)))
        except LookupError:
            raise InterlineaError(f"{edition.relative(edition.tei_path(text_id))}: no work '{work_id}'; give a text id and a work number that exists") from None
    (a_ref, a), (b_ref, b) = sides
    corrections_path = edition.seeds_dir / CORRECTIONS
    numbers = {ref: {n: unit.id for n, unit in zip(block_numbers, units)} for ref, units, block_numbers in numbered}
    fixed = [
        (tuple(numbers[a_ref].get(n, f"?{n}") for n in c.a), tuple(numbers[b_ref].get(n, f"?{n}") for n in c.b))
        for c in corrections_for(load_corrections(corrections_path, edition.relative(corrections_path)), (a_ref, b_ref))
    ]
    unknown = [i for group in fixed for side in group for i in side if i.startswith("?")]
    if unknown:
        raise InterlineaError(f"{edition.relative(corrections_path)}: a correction of {a_ref} ↔ {b_ref} names blocks the works do not have ({', '.join(i[1:] for i in unknown)}); `interlinea convert` lists each with its line")
    groups, corrected = align_around(a, b, fixed, align_works)
    units = {u.id: u for u in a + b}
    if output_format == "json":
        report = as_json(a_ref, b_ref, groups, units, corrected)
    else:
        report = as_text(a_ref, b_ref, groups, units, corrected)
    click.echo(report, nl=False)


@main.command()
@click.option("--format", "output_format", type=click.Choice(["text", "json", "dot"]), default="text", show_default=True, help="Report format (dot: Graphviz).")
@common_options
def relations(ctx: Context, output_format: str) -> None:
    """Show how the works of the edition are related: work, relation, work, with languages.

    Translations point to their original; siblings (translations of one original) are listed too,
    also where the manifest does not declare them ("derived"). Reads the manifest; writes nothing.
    """
    from interlinea.bibliography import load_bibliography
    from interlinea.relations import FORMATS as RELATION_FORMATS, relation_graph

    edition = ctx.edition()
    bibliography = load_bibliography(edition.registers_dir, edition.read_xml)
    click.echo(RELATION_FORMATS[output_format](relation_graph(edition.manifest, bibliography)), nl=False)


class ReferenceParam(click.ParamType):
    """A canonical reference, in either spelling (`organise-en.1.12`, `organise-en 1.12`)."""

    name = "reference"

    def convert(self, value, param, ctx):
        from interlinea.citation import FORMS, parse_reference

        reference = parse_reference(value)
        if reference is None:
            self.fail(f"'{value}' is not a reference; give {FORMS}", param, ctx)
        return reference


@main.command()
@click.argument("reference", metavar="REF", type=ReferenceParam())
@click.option("--style", type=click.Choice(CITATION_STYLES), default=DEFAULT_STYLE, show_default=True, help="CSL style of the text and html formats.")
@click.option("--format", "output_format", type=click.Choice(CITATION_FORMATS), default="text", show_default=True, help="text or html: the reference-list entry (and, for a block, the in-text citation with its paragraph); bibtex, ris, csl-json: the entry for reference managers.")
@common_options
def cite(ctx: Context, reference, style: str, output_format: str) -> None:
    """Cite a text, a work or a block of tei/: REF is organise-en, organise-en.1 or organise-en.1.12.

    The citation names the edition (title, editors, publisher, date; its URL when the manifest gives
    one, with the edition's date as access date), the authors and translators, the original, and for
    a block its paragraph. Reads tei/ as it is; writes nothing.
    """
    from interlinea.citation.formats import write
    from interlinea.citation.model import text_citations, text_of

    edition = ctx.edition()
    text = text_of(edition, reference)
    stages.read_tei(edition, [text])
    click.echo(write([text_citations(edition, text).get(reference)], output_format, style), nl=False)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--quiet", "-q", is_flag=True, help="Print only errors.")
def init(directory: Path, quiet: bool) -> None:
    """Create a new edition in DIRECTORY: a commented manifest, an empty seeds/, empty registers."""
    created = init_edition(directory)
    if not quiet:
        for path in created:
            click.echo(f"created {path}", err=True)
        click.echo(
            f"Next: put plain-text sources in {directory / 'seeds'}/, describe each in "
            f"{directory / 'seeds' / 'edition.toml'}, then run `interlinea build --edition {directory}`.",
            err=True,
        )

