"""Opt-in stage timings of a build, for benchmarks/build_benchmark.py.

With MICROVET_TIMINGS=1 in the environment the plugin logs, at INFO, one line
`microvet timings: {"stage": seconds, ...}` at the end of the build, and one line
`microvet peak memory: {"stage": MiB, ...}`: the process's peak RSS when each stage ended.
Otherwise every call here returns at once: nothing is measured.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

ENVIRONMENT_VARIABLE = "MICROVET_TIMINGS"


class StageClock:
    """Wall-clock seconds between laps, each lap named after the stage it ends."""

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = (os.environ.get(ENVIRONMENT_VARIABLE) == "1"
                        if enabled is None else enabled)
        self.seconds: dict[str, float] = {}
        self.peak_mib: dict[str, float] = {}
        self._last = time.perf_counter()

    def start(self) -> None:
        """Forget earlier laps (a new build of `mkdocs serve` starts here)."""
        if self.enabled:
            self.seconds = {}
            self.peak_mib = {}
            self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        """Add the time since the previous lap to `stage`."""
        if self.enabled:
            now = time.perf_counter()
            self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self._last
            self.peak_mib[stage] = _peak_rss_mib()
            self._last = now

    def report(self) -> list[str]:
        """The log lines with every stage (none when timings are off)."""
        if not self.enabled:
            return []
        seconds = {stage: round(value, 4) for stage, value in self.seconds.items()}
        memory = {stage: round(value, 1) for stage, value in self.peak_mib.items()}
        return ["microvet timings: " + json.dumps(seconds),
                "microvet peak memory: " + json.dumps(memory)]


def _peak_rss_mib() -> float:
    """The process's peak resident memory so far (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024
