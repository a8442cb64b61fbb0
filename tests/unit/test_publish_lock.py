"""Publishing under a lock: two builds never swap at once; a killed build's staging folder goes.

Runs ``python -m pingan.cli.publish`` as separate processes (as two ``make build`` would) on a
small project whose hook makes each build take a while, so that the builds do overlap.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT

from pingan.trust.publish_lock import BuildLocked, build_lock

HOOK = '''
import json, os, time
def on_pre_build(config):
    with open(os.environ["PA_TIMES"], "a") as f:
        f.write(json.dumps({"pid": os.getpid(), "start": time.time()}) + "\\n")
def on_post_build(config):
    time.sleep(float(os.environ.get("PA_SLOW", "0")))
    with open(os.environ["PA_TIMES"], "a") as f:
        f.write(json.dumps({"pid": os.getpid(), "end": time.time()}) + "\\n")
'''


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A tiny MkDocs project (the publish step is what is tested, not our plugins)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Hello\n\nA page.\n", encoding="utf-8")
    (tmp_path / "hooks.py").write_text(HOOK, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Lock test\nhooks: [hooks.py]\n", encoding="utf-8")
    return tmp_path


def _publish(project: Path, slow: float) -> subprocess.Popen[str]:
    env = {**os.environ, "PA_TIMES": str(project / "times.jsonl"), "PA_SLOW": str(slow), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "pingan.cli.publish", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def _leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith((".site.new-", ".site.old")))


def test_two_concurrent_builds_leave_one_complete_site(project: Path) -> None:
    first = _publish(project, slow=2.0)
    time.sleep(0.3)
    second = _publish(project, slow=2.0)
    out1, _ = first.communicate(timeout=120)
    out2, _ = second.communicate(timeout=120)
    assert first.returncode == 0, out1
    assert second.returncode == 0, out2
    assert "waiting for it to finish" in out1 + out2  # one of them waited, and said so
    assert (project / "site" / "index.html").is_file()
    assert "Hello" in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert _leftovers(project) == []
    # The builds ran one after the other: the second started after the first had finished.
    events = [json.loads(line) for line in (project / "times.jsonl").read_text().splitlines()]
    by_pid: dict[int, dict[str, float]] = {}
    for e in events:
        by_pid.setdefault(e["pid"], {}).update({k: v for k, v in e.items() if k != "pid"})
    (a, b) = sorted(by_pid.values(), key=lambda t: t["start"])
    assert a["end"] <= b["start"], "two builds ran at the same time"


def test_a_killed_builds_staging_folder_is_removed_by_the_next_build(project: Path) -> None:
    victim = _publish(project, slow=60)
    deadline = time.time() + 60
    while not (project / "times.jsonl").exists() and time.time() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=10)
    assert len([n for n in _leftovers(project) if n.startswith(".site.new-")]) == 1
    assert not (project / "site").exists()

    after = _publish(project, slow=0)
    out, _ = after.communicate(timeout=120)
    assert after.returncode == 0, out
    assert "left behind by a build that was stopped" in out
    assert _leftovers(project) == []
    assert (project / "site" / "index.html").is_file()


def test_a_build_told_not_to_wait_stops_with_a_clear_message(tmp_path: Path) -> None:
    site = tmp_path / "site"
    with build_lock(site):
        with pytest.raises(BuildLocked, match="another build of site/ is running"):
            with build_lock(site, wait=False):
                pass


def test_git_ignores_the_staging_folders() -> None:
    ignored = subprocess.run(
        ["git", "check-ignore", ".site.new-abc123/x", ".site.old/x", ".site.lock"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert ignored.stdout.split() == [".site.new-abc123/x", ".site.old/x", ".site.lock"]


def test_the_lock_file_is_removed_after_a_build(tmp_path: Path) -> None:
    site = tmp_path / "site"
    with build_lock(site):
        assert (tmp_path / ".site.lock").exists()
    assert not (tmp_path / ".site.lock").exists()
    with build_lock(site):  # and the next build takes the lock again
        pass
