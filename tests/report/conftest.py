import pytest

from report_factory import make_report, sample_file


@pytest.fixture
def sample_report():
    return make_report(sample_file())
