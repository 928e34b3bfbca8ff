"""`scorer check` imports only what it uses: no fetching, training or numeric stack without need."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "drafts" / "kim-jong-un-seeks-friends.md"
HEAVY = ("requests", "sklearn", "numpy", "scipy", "trafilatura", "rapidfuzz", "bs4", "lxml", "matplotlib")

PROBE = """
import json, sys
from scorer.cli import app
sys.argv = ["scorer", "check", {path!r}, "--no-fetch", "--format", "json", "--exit-zero"]
try:
    app()
except SystemExit:
    pass
print("\\nMODULES " + json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r})))
"""


def test_check_without_fetching_loads_no_heavy_module():
    probe = PROBE.format(path=str(SEED), heavy=HEAVY)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    loaded = json.loads(out.rsplit("MODULES ", 1)[1])
    assert loaded == []
    report = json.loads(out.rsplit("MODULES ", 1)[0])
    assert report["summary"]["claims"] == 113
