"""Makes the hand-built Report factory beside the reporter tests importable from tests/cli.

(A conftest.py here would shadow the root tests/conftest.py that other tests import by name.)
"""

import sys
from pathlib import Path

_REPORT_TESTS = str(Path(__file__).resolve().parents[1] / "report")
if _REPORT_TESTS not in sys.path:
    sys.path.insert(0, _REPORT_TESTS)

from report_factory import *  # noqa: E402,F401,F403
from report_factory import OUTLET, make_draft, make_file, make_report, make_result  # noqa: E402,F401
