"""Interlinea benchmarks: speed and memory of the real commands on the seed edition and larger ones.

Run with `python -m bench` (all benchmarks) or `python -m bench validation`. Speed and memory
targets live here, never in the unit tests: timings depend on the machine, and a test that fails
on a slow CI runner teaches people to ignore failures.

Each benchmark is a module `bench.<name>` listed in BENCHMARKS, exposing:
- TITLE: a heading for its table;
- TARGETS: sentences stating its targets (checked per row as PASS/MISS, never failing the run);
- run(options) -> list[bench.measure.Row]: the measurements, one row each.
"""

# Names of the benchmark modules, in the order `python -m bench` runs them.
BENCHMARKS = ("validation", "publishing", "scaling", "alignment", "open_schema", "real_tei", "web_edition")
