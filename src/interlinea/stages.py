"""The pipeline's stages, each a small function over the Edition; `build` is the recipe.

seeds/*.txt + seeds/edition.toml + tei/registers --convert--> tei/*.xml --validate--> --publish--> site/
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from interlinea.alignment_corrections import FILE_NAME as CORRECTIONS, load_corrections
from interlinea.alignment_stage import align_pairs, alignment_files
from interlinea.convert import convert_text
from interlinea.align_cache import AlignCache
from interlinea.convert_cache import ConvertCache
from interlinea.parallel_convert import convert_in_processes, workers_for
from interlinea.diagnostics import Report
from interlinea.edition import BUILD_STATE, Edition, Text, TextState
from interlinea.entities import Tagger
from interlinea.registers import load_registers
from interlinea.errors import InterlineaError, ManifestError, SeedError
from interlinea.manifest import unknown_refs
from interlinea.relations import outside_problems, relation_graph
from interlinea.seeds import read_seed
from interlinea.tei_store import State, TEIStore, WriteResult
from interlinea.validate import ValidationMemo, validate_files
from interlinea.workers import fork_map
from interlinea.xml_input import safe_parser
from interlinea.xmlio import remove_temporaries, serialize, write_atomic

if TYPE_CHECKING:
    from interlinea.publish import PublishReport
    from interlinea.publish.base import PublishOptions

# Shows a stage's progress over its items as they are iterated (the CLI's bar on a terminal).
Progress = Callable[[Iterable, str], Iterable]
VALIDATION_MEMO = Path(BUILD_STATE) / "validate.json"  # what each file's own checks found (validate/memo.py)


def _plain(items: Iterable, _label: str) -> Iterable:
    return items


def read_seeds(edition: Edition, texts: list[Text]) -> None:
    """Read every selected seed; report all unreadable seeds at once, before anything is written."""
    problems = []
    for text in texts:
        path = edition.seeds_dir / text.entry.source
        label = edition.relative(path)
        outside = edition.escapes(path)
        if outside is not None:
            problems.append(
                f"{label}: is a symbolic link to {outside}, outside the edition's folder; Interlinea reads "
                "no file outside the edition through a link: copy the file into seeds/ instead"
            )
            continue
        try:
            text.seed = read_seed(path, label=label)
        except SeedError as exc:
            problems.append(exc.message)
    if problems:
        raise SeedError("\n".join(problems))


def convert(
    edition: Edition,
    texts: list[Text],
    progress: Progress = _plain,
    cache: ConvertCache | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> None:
    """Convert the selected texts in memory (nothing is written here). A text imported as TEI
    (`canonical = "tei"`) has no seed: its TEI is read as it is in tei/. With a `cache` (an
    incremental build, convert_cache.py), a text whose inputs have not changed since its TEI was
    written is taken from tei/ as it is, and every text converted is recorded in it. With `jobs`
    above 1, enough texts are converted by that many processes (parallel_convert.py); with a Dask
    `scheduler` address, by the workers of that cluster (dask_convert.py)."""
    imported = [text for text in texts if text.entry.canonical_tei]
    if imported:
        read_tei(edition, imported)
    texts = [text for text in texts if not text.entry.canonical_tei]
    read_seeds(edition, texts)
    registers = edition.registers = load_registers(edition.registers_dir, edition.read_xml)
    folder = edition.relative(edition.registers_dir)
    unknown = unknown_refs(edition.manifest, registers, registers=folder)
    unknown += outside_problems(edition.manifest, registers.bibliography, registers=folder)
    if unknown:
        raise ManifestError(unknown)
    relations = edition.relations = relation_graph(edition.manifest, registers.bibliography)
    todo = []
    for text in texts:
        unchanged = cache.unchanged(text) if cache is not None else None
        if unchanged is not None:
            parsed = edition.read_xml(edition.tei_path(text.id))
            if parsed.tree is not None and parsed.data == unchanged:
                text.tree, text.tei_bytes, text.state = parsed.tree, parsed.data, TextState.CONVERTED
                continue
        if cache is not None:
            edition.explain("convert", text.id, cache.reason(text))
        todo.append(text)
    shared = (edition.manifest.meta, edition.manifest.languages(), registers, relations)
    if scheduler is not None and todo:
        from interlinea.dask_convert import convert_on_dask

        _take_converted(edition, todo, lambda work: convert_on_dask(scheduler, work, *shared), progress, cache)
        return
    workers = workers_for(jobs, len(todo))
    if workers > 1:
        _take_converted(edition, todo, lambda work: convert_in_processes(workers, work, *shared), progress, cache)
        return
    tagger = Tagger(registers)  # one automaton for the whole run
    for text in progress(todo, "convert"):
        assert text.seed is not None
        label = edition.relative(edition.seeds_dir / text.entry.source)
        converted = convert_text(
            text.entry,
            text.seed,
            edition.manifest.meta,
            label=label,
            edition_languages=edition.manifest.languages(),
            registers=registers,
            tagger=tagger,
            relations=relations,
        )
        text.tree = converted.tree
        text.state = TextState.CONVERTED
        text.languages = converted.languages
        text.placements = converted.placements
        text.tei_bytes = serialize(text.tree)
        if cache is not None:
            cache.remember(text)


def _take_converted(edition: Edition, texts: list[Text], converter: Callable[[list[tuple]], Iterable[bytes]], progress: Progress, cache: ConvertCache | None) -> None:
    """`convert` elsewhere (processes: parallel_convert.py, a cluster: dask_convert.py): the
    converter gives the same bytes in the order of the texts; each text's tree is read back from them."""
    work = [(text.entry, text.seed, edition.relative(edition.seeds_dir / text.entry.source)) for text in texts]
    for text, data in zip(progress(texts, "convert"), converter(work)):
        text.tree = etree.ElementTree(etree.fromstring(data, safe_parser()))
        text.tei_bytes = data
        text.state = TextState.CONVERTED
        if cache is not None:
            cache.remember(text)


def _mapper(jobs: int, label: str, progress: Progress, min_per_worker: int):
    """A stage's map over its items: on up to `jobs` processes (workers.fork_map), the progress
    shown as the results come back."""

    def mapper(function, items):
        items = list(items)
        return (result for _, result in zip(progress(items, label), fork_map(jobs, function, items, min_per_worker=min_per_worker)))

    return mapper


def align(edition: Edition, texts: list[Text], *, force: bool = False, cache: AlignCache | None = None, jobs: int = 1, progress: Progress = _plain) -> None:
    """Align the paragraphs of every pair of related works, in memory (`write_tei` writes them).

    Each text is taken as tei/ will hold it after writing: the converted tree, or the file on disk
    when it was edited by hand and will be kept (not `force`) or was not converted in this run.
    """
    store = TEIStore(edition.tei_dir)
    converted = {text.id: text for text in texts if text.tree is not None}
    trees = {}
    for entry in edition.manifest.texts:
        path, text = edition.tei_path(entry.id), converted.get(entry.id)
        if text is not None and (force or store.state(path, text.tei_bytes) is not State.EDITED):
            trees[entry.id] = text.tree
        elif path.is_file():
            # A text kept as edited by hand, or not converted in this run: aligned as it is on disk,
            # unless it cannot be read cleanly (validation reports why; its pairs wait).
            parsed = edition.read_xml(path)
            if parsed.tree is not None and not parsed.problems:
                trees[entry.id] = parsed.tree
    graph = edition.relations or relation_graph(edition.manifest, load_registers(edition.registers_dir, edition.read_xml).bibliography)
    corrections_path = edition.seeds_dir / CORRECTIONS
    label = edition.relative(corrections_path)
    corrections = load_corrections(corrections_path, label)
    tei_label = lambda text_id: edition.relative(edition.tei_path(text_id))  # noqa: E731
    mapper = _mapper(jobs, "align", progress, min_per_worker=4)
    results, skipped = align_pairs(graph, trees, corrections, tei_label, label, mapper=mapper, **({"pair_aligner": cache} if cache is not None else {}))
    for message in skipped:
        edition.warn(edition.alignment_dir, "alignment", message)
    files = alignment_files(results, graph, trees, edition.manifest.meta.publisher)
    edition.alignments = {edition.alignment_dir / name: data for name, data in files.items()}


def enrich(edition: Edition, texts: list[Text]) -> list[Path]:
    """Run the passes over the texts an editor changed (kept as edited by hand) and those imported as
    TEI, adding what is new and keeping what the editor did; returns the files rewritten. Call after
    `convert` (it gives the converter's trees, to learn what the editor un-tagged)."""
    from copy import deepcopy

    from interlinea.enrich import DECISIONS_NAME, Decisions, EnrichmentChangedText, enrich_tree, untagged_by_editor
    from interlinea.passes import PassContext

    store = TEIStore(edition.tei_dir)
    decisions = Decisions.load(edition.tei_dir / DECISIONS_NAME)
    tagger = Tagger(edition.registers) if edition.registers is not None else None
    written = []
    for text in texts:
        path = edition.tei_path(text.id)
        if text.entry.canonical_tei:
            machine = None
        elif path.is_file() and store.state(path, text.tei_bytes) is State.EDITED:
            machine = text.tree
        else:
            continue  # Interlinea's own output: `convert` regenerates it
        parsed = edition.read_xml(path)
        if parsed.tree is None or parsed.problems:
            raise InterlineaError("\n".join(problem.format() for problem in parsed.problems))
        tree = deepcopy(parsed.tree)
        if machine is not None:
            decisions.untagged.setdefault(text.id, set()).update(untagged_by_editor(machine, tree))
        context = PassContext(entry=text.entry, tagger=tagger, registers=edition.registers, relations=edition.relations)
        try:
            changed = enrich_tree(tree, context, decisions.untagged.get(text.id, set()))
        except EnrichmentChangedText:
            raise InterlineaError(f"{edition.relative(path)}: enriching it would change its text; nothing was written (please report this)") from None
        if changed:
            # The editor's layout is kept: the tree is written as it was read, plus the new elements.
            write_atomic(path, etree.tostring(tree, encoding="UTF-8", xml_declaration=True) + b"\n")
            written.append(path)
    data = decisions.to_bytes()
    target = edition.tei_dir / DECISIONS_NAME
    if decisions.untagged and (not target.is_file() or target.read_bytes() != data):
        write_atomic(target, data)
        written.append(target)
    edition.forget(written)
    return written


class HandEdited(InterlineaError):
    """TEI files edited by hand were kept, and the command was not told what to do with them."""


def write_tei(edition: Edition, texts: list[Text], *, force: bool = False, keep_edited: bool = False) -> WriteResult:
    """Write the converted TEI; files whose bytes would not change are left untouched.

    A file edited by hand since Interlinea wrote it is never overwritten unless `force`: it is kept,
    its text is marked `edited`, and unless `keep_edited` the run stops (HandEdited, exit code 1)
    once every other file is written.
    """
    remove_temporaries(edition.tei_dir)
    store = TEIStore(edition.tei_dir)
    files = {edition.tei_path(text.id): text.tei_bytes for text in texts if text.tei_bytes is not None and not text.entry.canonical_tei}
    if edition.alignments is not None:
        files.update(edition.alignments)
        edition.alignment_dir.mkdir(parents=True, exist_ok=True)
        remove_temporaries(edition.alignment_dir)
    result = store.write(files, force=force)
    if edition.alignments is not None:
        obsolete = [path for path in edition.alignment_paths() if path not in edition.alignments]
        for path in store.remove_obsolete(obsolete):
            edition.warn(path, "hand-edited", "the edition no longer aligns these two works, but the file was edited by hand: kept; delete it if it is no longer wanted")
    edition.forget(result.written)
    edited = set(result.edited)
    for text in texts:
        if edition.tei_path(text.id) in edited:
            text.state = TextState.EDITED
    for path in result.overwritten:
        edition.warn(path, "hand-edited", "had been edited by hand; regenerated from its seed, the edits discarded (--force)")
    if keep_edited:
        for path in result.edited:
            edition.warn(path, "hand-edited", "edited by hand; kept as it is, and validated and published as it is (--keep-edited)")
    if result.edited and not keep_edited:
        raise HandEdited("\n".join(_kept_message(edition, path) for path in result.edited))
    return result


def _kept_message(edition: Edition, path: Path) -> str:
    kept = f"{edition.relative(path)}: edited by hand since Interlinea wrote it; kept as it is and not regenerated. "
    if path.parent == edition.alignment_dir:
        return kept + (
            "Corrections to an alignment belong in seeds/alignment.toml, which every build keeps (see the "
            "README); to keep this file as it is, run the command again with --keep-edited; to recompute it "
            "and lose the edits, with --force"
        )
    return kept + (
        "To publish it as it is, run the command again with --keep-edited; to regenerate it from its "
        "seed and lose the edits, with --force"
    )


def stale_tei(edition: Edition, texts: list[Text]) -> list[str]:
    """The TEI files (texts, alignments) that differ from what the converter and the aligner produce
    now (for `convert --check`)."""
    store = TEIStore(edition.tei_dir)
    stale = []
    expected = {edition.tei_path(text.id): text.tei_bytes for text in texts if not text.entry.canonical_tei}
    expected.update(edition.alignments or {})
    if edition.alignments is not None:
        for path in edition.alignment_paths():
            if path not in expected:
                stale.append(f"{edition.relative(path)}: the edition no longer aligns these works; run `interlinea convert` to remove it")
    for path, data in expected.items():
        state = store.state(path, data)
        if state is State.NEW:
            stale.append(f"{edition.relative(path)}: missing; run `interlinea convert`")
        elif state is not State.SAME:
            how = "it was edited by hand since Interlinea wrote it" if state is State.EDITED else "run `interlinea convert`"
            stale.append(f"{edition.relative(path)}: differs from the converter's output; {how}")
    return stale


def validate(edition: Edition, paths: list[Path] | None = None, tei_all: bool = False, memo: ValidationMemo | None = None, jobs: int = 1, progress: Progress = _plain) -> Report:
    """Validate files of the edition (all by default), with the whole edition as context. With a
    `memo` (a build's), a file unchanged since it was last checked is not checked by itself again."""
    everything = edition.tei_files()
    report = validate_files(
        everything if paths is None else paths,
        label=edition.relative,
        context=everything,
        seeds_dir=edition.seeds_dir,
        tei_all=tei_all,
        reader=edition.read_xml,
        foreign=[edition.tei_path(t.id) for t in edition.texts if t.entry.canonical_tei],
        memo=memo,
        mapper=_mapper(jobs, "validate", progress, min_per_worker=8),
    )
    if paths is None:
        edition.validation = report
    return report


def read_tei(edition: Edition, texts: list[Text]) -> None:
    """Take the TEI of texts from tei/ as parsed for this run (validation parsed it already)."""
    problems = []
    for text in texts:
        parsed = edition.read_xml(edition.tei_path(text.id))
        if parsed.tree is None:
            problems.extend(problem.format() for problem in parsed.problems)
            continue
        text.tree, text.tei_bytes = parsed.tree, parsed.data
        if text.state is not TextState.EDITED:
            text.state = TextState.READ
    if problems:
        raise InterlineaError("\n".join(problems))


def publish(edition: Edition, texts: list[Text], formats, out_dir: Path, options, progress: Progress = _plain, jobs: int = 1):
    """Publish the texts' TEI (as read by `read_tei`) in each format into `out_dir`, by up to `jobs`
    processes."""
    from interlinea.publish import FORMATS, publish as run_publishers

    for name in formats:
        remove_temporaries(out_dir / (FORMATS[name].folder if FORMATS[name].folder is not None else name))
    return run_publishers(edition, texts, formats, out_dir, options, progress, jobs)


@dataclass
class Built:
    """What a build did: the TEI it wrote, the validation report, and what it published (None when
    validation failed, so nothing was published)."""

    written: WriteResult
    validation: Report
    published: "PublishReport | None"


def build(edition: Edition, plan: BuildPlan, progress: Progress = _plain) -> Built:
    """The recipe: convert every text, write tei/, validate, publish what tei/ holds.

    What is published is tei/ read back once: the converter's output, or a hand-edited file kept
    with `plan.keep_edited`. Nothing is published when validation finds errors.
    """
    texts = edition.select()
    remove_temporaries(edition.root / BUILD_STATE)  # what a killed build left of its records
    cache = ConvertCache(edition)
    convert(edition, texts, progress, cache, jobs=plan.jobs, scheduler=plan.scheduler)
    alignments = AlignCache(edition)
    align(edition, texts, force=plan.force, cache=alignments, jobs=plan.jobs, progress=progress)
    try:
        written = write_tei(edition, texts, force=plan.force, keep_edited=plan.keep_edited)
    finally:
        cache.save()  # an entry whose TEI did not reach the disk is never used (its digest differs)
        alignments.save()
    memo = ValidationMemo(edition.root / VALIDATION_MEMO)
    for text in texts:
        text.tree = None  # tei/ as written is what is validated and published (read_tei), parsed once
    report = validate(edition, memo=memo, jobs=plan.jobs, progress=progress)
    memo.save()
    for label in report.checked:
        edition.explain("validate", label, "its own checks ran: the file changed since they last ran, or they never ran")
    if report.errors:
        return Built(written, report, None)
    read_tei(edition, texts)
    return Built(written, report, publish(edition, texts, plan.formats, plan.out_dir, plan.options, progress, plan.jobs))


@dataclass(frozen=True)
class BuildPlan:
    """What `build` is asked to do: where to publish, in which formats, with which options, and what
    to do with TEI edited by hand."""

    out_dir: Path
    formats: tuple[str, ...]
    options: "PublishOptions"
    force: bool = False
    keep_edited: bool = False
    jobs: int = 1  # processes converting the texts (parallel_convert.py)
    scheduler: str | None = None  # a Dask scheduler's address: its workers convert (dask_convert.py)
