"""Write a corpus case into a folder and run the real `microvet check` on it, measured."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .corpus import BASE, Case, Link

MEMORY_CAP_BYTES = 2 * 1024**3
"""Address-space limit of the checked process, so a bomb fails instead of eating the machine."""


@dataclass(frozen=True)
class Run:
    """What one `microvet check` printed, and what it cost."""

    exit_code: int
    stdout: str
    stderr: str
    seconds: float
    """Wall time."""
    cpu_seconds: float
    """The child's own processor time (user and system): what a hostile input costs, whatever
    else the machine runs at the time."""
    peak_rss_mib: float


def write_case(root: Path, case: Case) -> Path:
    """The base tree with the case's files written over it; returns `root`."""
    files: dict[str, str | bytes | Link | None] = {**BASE, **case.files}
    for relative, data in files.items():
        path = root / "content" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if data is None:
            continue
        if isinstance(data, Link):
            target = root / data.target
            target.write_text("title: a secret of the build machine\n", encoding="utf-8")
            path.symlink_to(target)
        elif isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


def microvet_command() -> list[str]:
    """The installed `microvet` script of this interpreter's environment."""
    script = Path(sysconfig.get_path("scripts")) / "microvet"
    return [str(script)] if script.exists() else [sys.executable, "-m", "generator.cli"]


def _cap_memory() -> None:  # runs in the child before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP_BYTES, MEMORY_CAP_BYTES))


def run_check(root: Path, *args: str) -> Run:
    """`microvet check` in `root`, with its wall and processor time and its peak memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen([*microvet_command(), "check", *args], cwd=root,
                                   stdout=out, stderr=err, preexec_fn=_cap_memory)
        # wait4, not wait: it also returns this child's resource usage (peak RSS).
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(process.returncode, out.read().decode("utf-8", "replace"),
                   err.read().decode("utf-8", "replace"), seconds,
                   usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
