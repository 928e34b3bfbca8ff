"""The outlet registry: domains, names, mentions in text, priors and their sources, overrides, the CLI."""

from __future__ import annotations

import json

import pytest

from scorer.errors import ConfigError
from scorer.outlets import Outlet, get_registry


@pytest.fixture(scope="module")
def registry():
    return get_registry()


def mentions(registry, text: str) -> list[tuple[str, str]]:
    return [(text[a:b], o.key) for a, b, o in registry.find_names(text)]


@pytest.mark.parametrize(
    ("where", "key"),
    [
        ("en.yna.co.kr", "yonhap"),
        ("https://en.yna.co.kr/view/AEN20150216000951315", "yonhap"),
        ("http://english.yonhapnews.co.kr/national/2015/01/26/x.html", "yonhap"),
        ("m.koreaherald.com", "koreaherald"),
        ("https://m.koreaherald.com/view.php?ud=20150216000944", "koreaherald"),
        ("https://www.dailynk.com/english/family-caught-for-attempting-to-de/", "dailynk"),
        ("http://www.hrw.org/news/2015/02/09/north-korea-harsher-punishments-contact-south", "hrw"),
        ("WWW.KOTRA.OR.KR", "kotra"),
        ("https://english.kyodonews.net/news/1", "kyodo"),
        ("cidrap.umn.edu", "cidrap"),
        ("https://abcnews.go.com/International/x", "abc"),
    ],
)
def test_by_domain_resolves_hosts_and_urls(registry, where, key):
    assert registry.by_domain(where).key == key


def test_by_domain_data_rows_and_misses(registry):
    assert registry.by_domain("https://www.9news.com/article/x").reliability_label == "reliable"
    assert registry.by_domain("news.example.test") is None
    assert registry.by_domain("http://127.0.0.1:8080/page") is None
    assert registry.by_domain("") is None
    # A blog on a shared host is not the host itself.
    assert registry.by_domain("someone.blogspot.com") is None


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Yonhap News Agency", "yonhap"),
        ("Yonhap", "yonhap"),
        ("HRW", "hrw"),
        ("Human Rights Watch", "hrw"),
        ("the Korea Herald", "koreaherald"),
        ("The Korea Herald", "koreaherald"),
        ("Daily NK's", "dailynk"),
        ("Korea Trade-Investment Promotion Agency", "kotra"),
        ("reuters.com", "reuters"),
    ],
)
def test_by_name(registry, name, key):
    assert registry.by_name(name).key == key


def test_by_name_unknown(registry):
    assert registry.by_name("The Pyongyang Gazette of Nowhere") is None


def test_priors_come_from_the_data_with_their_source(registry):
    dailynk = registry.get("dailynk")
    assert dailynk.reliability_label == "mixed"
    assert dailynk.prior_source.startswith("media-reliability (wikipedia): 0")
    assert registry.get("hrw").reliability_label == "reliable"
    assert registry.get("hrw").is_news is False
    assert registry.get("kcna").reliability_label == "unreliable"
    reuters = registry.get("reuters")
    assert "NewsGuard 100" in reuters.prior_source and reuters.reliability > registry.get("hrw").reliability
    assert registry.get("yonhap").wire and registry.get("yonhap").is_news


def test_kotra_has_a_written_project_prior(registry):
    kotra = registry.by_name("KOTRA")
    assert kotra.kind == "government agency"
    assert kotra.is_news is False
    assert kotra.prior_source.startswith("project: ")
    assert "trade agency" in kotra.prior_source
    assert kotra.reliability == 0.8 and kotra.reliability_label == "reliable"


def test_every_curated_profile_is_complete(registry):
    curated = registry.curated()
    assert len(curated) == 110  # as the README and scorer/data/outlets.README.md say
    aliases: dict[str, str] = {}
    for outlet in curated:
        assert isinstance(outlet, Outlet)
        assert outlet.aliases and outlet.prior_source
        assert outlet.reliability_label in {"reliable", "mixed", "unreliable", "blacklisted"}
        for alias in outlet.aliases:
            assert aliases.setdefault(alias, outlet.key) == outlet.key, f"alias {alias!r} used twice"
    assert len(registry) == 5359  # 110 curated profiles + 5,249 dataset domains no profile claims


def test_every_dataset_domain_resolves(registry):
    import csv
    from pathlib import Path

    import scorer

    data = Path(scorer.__file__).parent / "data" / "media-reliability" / "golden_truth_dataset.csv"
    with open(data, encoding="utf-8") as fh:
        domains = [row["domain"].strip().lower() for row in csv.DictReader(fh)]
    assert len(domains) == 5332
    # one row of the dataset has no domain; every other one is looked up
    assert [d for d in domains if registry.by_domain(d) is None] == [""]


def test_find_names_on_seed_sentences(registry):
    text = (
        "“A family of four from North Hamkyung Province attempted to escape with the help from a border guard "
        "and a smuggler near the end of last month; however, someone tipped off the proper officials, resulting "
        "in their arrest,” a source in Yangkang Province reported to Daily NK on February 4th."
    )
    assert mentions(registry, text) == [("Daily NK", "dailynk")]
    text = "The report cites Korea Trade and Investment Promotion Agency (KOTRA) figures, according to which,"
    assert mentions(registry, text) == [
        ("Korea Trade and Investment Promotion Agency", "kotra"),
        ("KOTRA", "kotra"),
    ]
    text = (
        "Kim’s charm offensive began just after December 19th, when FBI and President Obama announced that "
        "North Korea had hacked Sony Pictures and threatened audiences for “The Interview.”"
    )
    assert mentions(registry, text) == [("FBI", "fbi")]
    text = (
        "I’ll also express my hope that The Guardian and Al-Jazeera will refrain from getting them — and their "
        "entire families — killed, by printing their names."
    )
    assert mentions(registry, text) == [("The Guardian", "guardian"), ("Al-Jazeera", "aljazeera")]
    text = "That’s about all Pyongyang needs to undermine the effect of U.N. sanctions, and to sustain its ways."
    assert mentions(registry, text) == [("U.N.", "un")]
    text = "[[Yonhap, via the Korea Herald](https://www.koreaherald.com/view.php?ud=20150216000944)]"
    assert mentions(registry, text) == [("Yonhap", "yonhap"), ("the Korea Herald", "koreaherald")]


def test_find_names_longest_first_and_case_rules(registry):
    text = "The UN Security Council met; HRW and AP said so, as did Human Rights\nWatch’s staff."
    assert mentions(registry, text) == [
        ("UN Security Council", "unsc"),
        ("HRW", "hrw"),
        ("AP", "ap"),
        ("Human Rights\nWatch", "hrw"),
    ]
    # Short all-caps names and common words match only as written.
    assert mentions(registry, "an ap and un hrw who; the sun rose over the guardian post at the time") == []
    # Domains in running text are not names.
    assert mentions(registry, "see reuters.com for details") == []


def test_search(registry):
    keys = [o.key for o in registry.search("korea herald")]
    assert keys == ["koreaherald"]
    assert "yonhap" in [o.key for o in registry.search("yna.co.kr")]
    assert registry.search("zzzz-nothing") == []


def test_overrides_change_a_prior_and_add_an_outlet(registry):
    changed = registry.with_overrides(
        [
            {"key": "dailynk", "reliability": 0.7, "reason": "our desk's record with Daily NK"},
            {"domain": "https://www.koreaherald.com/x", "reliability": 0.3, "reason": "test"},
            {
                "key": "pyongyangpost",
                "name": "Pyongyang Post",
                "aliases": ["Pyongyang Post"],
                "domains": ["pyongyang-post.test"],
                "kind": "online news",
                "reliability": 0.4,
                "reason": "new in 2024",
            },
            {"domain": "example-news.test", "reliability": 0.9, "reason": "house outlet"},
        ]
    )
    assert changed.get("dailynk").reliability == 0.7
    assert changed.get("dailynk").prior_source == "config: our desk's record with Daily NK"
    assert changed.get("dailynk").reliability_label == "reliable"
    assert changed.by_domain("m.koreaherald.com").reliability_label == "unreliable"
    added = changed.by_name("Pyongyang Post")
    assert added.key == "pyongyangpost" and added.is_news
    assert changed.by_domain("www.pyongyang-post.test") is added
    assert [o.key for _, _, o in changed.find_names("The Pyongyang Post said so.")] == ["pyongyangpost"]
    assert changed.by_domain("example-news.test").reliability == 0.9
    # The shared registry is untouched.
    assert registry.get("dailynk").reliability != 0.7


@pytest.mark.parametrize(
    "bad",
    [
        {"reliability": 0.5},
        {"key": "dailynk", "reliability": 1.5},
        {"key": "dailynk", "reliability": "high"},
        {"key": "no-such-outlet", "name": "X"},
        {"key": "x", "name": "X", "kind": "tabloid", "reliability": 0.5},
        "dailynk",
    ],
)
def test_bad_overrides_are_config_errors(registry, bad):
    with pytest.raises(ConfigError):
        registry.with_overrides([bad])


def test_loading_does_not_pull_heavy_modules():
    import subprocess
    import sys

    code = (
        "import sys; from scorer.outlets import get_registry; get_registry().find_names('Yonhap said');"
        "print(sorted(m for m in ('requests', 'sklearn', 'rich', 'rapidfuzz') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_cli_lists_searches_and_fails_on_no_match():
    from typer.testing import CliRunner

    from scorer.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["outlets", "kotra"])
    assert result.exit_code == 0
    assert "KOTRA" in result.output and "government agency" in result.output
    result = runner.invoke(app, ["outlets", "yonhap", "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert rows[0]["key"] == "yonhap" and rows[0]["wire"] is True
    assert rows[0]["prior_source"].startswith("media-reliability")
    result = runner.invoke(app, ["outlets", "https://m.koreaherald.com/view.php?ud=1", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.output)[0]["key"] == "koreaherald"
    result = runner.invoke(app, ["outlets", "--format", "json"])
    assert result.exit_code == 0 and len(json.loads(result.output)) >= 100
    result = runner.invoke(app, ["outlets", "zzzz-no-such-outlet"])
    assert result.exit_code == 1
    assert "no outlet matches" in result.stderr


def test_outlets_command_shows_the_configured_overrides(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from scorer.cli import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SCORER_CONFIG", raising=False)
    (tmp_path / ".scorer.toml").write_text(
        "[[outlets]]\nkey = 'ledger'\nname = 'Example Ledger'\ndomains = ['ledger.test']\nkind = 'newspaper'\n"
        "reliability = 0.8\nreason = 'our own fact-checked paper'\n")
    shown = CliRunner().invoke(app, ["outlets", "ledger.test", "--format", "json"])
    assert shown.exit_code == 0, shown.output
    (profile,) = json.loads(shown.stdout)
    assert profile["name"] == "Example Ledger" and "our own fact-checked paper" in profile["prior_source"]
    (tmp_path / ".scorer.toml").write_text("[[outlets]]\nname = 'No key or domain'\n")
    bad = CliRunner().invoke(app, ["config"])
    assert bad.exit_code == 2 and "outlets" in bad.stderr and ".scorer.toml" in bad.stderr
