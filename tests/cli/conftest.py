import sys
from pathlib import Path

# The hand-built Report factory lives beside the reporter tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "report"))
