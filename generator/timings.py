"""Opt-in stage timings of a build, for benchmarks/build_benchmark.py.

With MICROVET_TIMINGS=1 in the environment the plugin logs, at INFO, one line
`microvet timings: {"stage": seconds, ...}` at the end of the build. Otherwise every call
here returns at once: nothing is measured.
"""

from __future__ import annotations

import json
import os
import time

ENVIRONMENT_VARIABLE = "MICROVET_TIMINGS"


class StageClock:
    """Wall-clock seconds between laps, each lap named after the stage it ends."""

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = (os.environ.get(ENVIRONMENT_VARIABLE) == "1"
                        if enabled is None else enabled)
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def start(self) -> None:
        """Forget earlier laps (a new build of `mkdocs serve` starts here)."""
        if self.enabled:
            self.seconds = {}
            self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        """Add the time since the previous lap to `stage`."""
        if self.enabled:
            now = time.perf_counter()
            self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self._last
            self._last = now

    def report(self) -> str | None:
        """The log line with every stage, or None when timings are off."""
        if not self.enabled:
            return None
        rounded = {stage: round(seconds, 4) for stage, seconds in self.seconds.items()}
        return "microvet timings: " + json.dumps(rounded)
