"""Stage timings of a build (generator/build/timings.py)."""

from __future__ import annotations

import json

from generator.build.timings import StageClock


def test_a_disabled_clock_measures_and_reports_nothing():
    clock = StageClock(enabled=False)
    clock.lap("read and validate")
    assert clock.seconds == {} and clock.report() == []


def test_laps_add_up_per_stage_and_report_seconds_and_peak_memory():
    clock = StageClock(enabled=True)
    clock.lap("outputs: elm")
    clock.lap("outputs: elm")
    clock.lap("swap")
    seconds, memory = clock.report()
    assert seconds.startswith("microvet timings: ")
    assert list(json.loads(seconds.removeprefix("microvet timings: "))) == ["outputs: elm", "swap"]
    peaks = json.loads(memory.removeprefix("microvet peak memory: "))
    assert all(value > 0 for value in peaks.values())


def test_start_forgets_earlier_laps(monkeypatch):
    monkeypatch.setenv("MICROVET_TIMINGS", "1")
    clock = StageClock()
    clock.lap("first build")
    clock.start()
    assert clock.seconds == {}
