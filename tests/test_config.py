"""Config discovery, precedence (default < file < env < flag), validation naming key and file."""

from pathlib import Path

import pytest

from scorer.config import find_config, load_config
from scorer.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_when_no_file(tmp_path):
    config = load_config(cwd=tmp_path, environ={})
    assert config.file is None
    assert config.settings.threshold == 0.5 and config.origin("threshold") == "default"
    assert config.rules["weak-sourcing"] == "error"
    assert config.include == ("*.md", "*.markdown", "*.txt")


def test_pyproject_found_walking_up(tmp_path):
    cfg = write(tmp_path / "pyproject.toml", "[tool.scorer]\nthreshold = 0.7\n[tool.scorer.rules]\nmisquote = 'error'\n")
    deep = tmp_path / "drafts" / "2015" / "feb"
    deep.mkdir(parents=True)
    assert find_config(deep) == cfg.resolve()
    config = load_config(cwd=deep, environ={})
    assert config.settings.threshold == 0.7
    assert config.origin("threshold") == str(cfg.resolve())
    assert config.rules["misquote"] == "error" and config.origin("rules.misquote") == str(cfg.resolve())
    assert config.origin("rules.weak-sourcing") == "default"
    assert config.root == tmp_path.resolve()


def test_pyproject_without_table_does_not_stop_the_walk(tmp_path):
    outer = write(tmp_path / ".scorer.toml", "threshold = 0.6\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(tmp_path / "sub") == outer.resolve()


def test_pyproject_whose_tool_is_not_a_table(tmp_path):
    # Someone else's pyproject.toml on the walk up: not ours, so the walk goes on; named, it is an error.
    outer = write(tmp_path / ".scorer.toml", "threshold = 0.6\n")
    odd = write(tmp_path / "sub" / "pyproject.toml", "tool = 'poetry'\n")
    assert find_config(tmp_path / "sub") == outer.resolve()
    with pytest.raises(ConfigError, match="pyproject.toml: 'tool' must be a table"):
        load_config(odd, cwd=tmp_path, environ={})


def test_dot_scorer_toml_wins_over_pyproject_in_same_dir(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.scorer]\nthreshold = 0.7\n")
    dot = write(tmp_path / ".scorer.toml", "threshold = 0.4\n")
    assert find_config(tmp_path) == dot.resolve()


def test_precedence_file_env_flag(tmp_path):
    cfg = write(tmp_path / ".scorer.toml", "threshold = 0.7\n[fetch]\noffline = false\nrate_limit = 2\n")
    env = {"SCORER_THRESHOLD": "0.6", "SCORER_OFFLINE": "yes"}
    config = load_config(cwd=tmp_path, environ=env)
    assert config.settings.threshold == 0.6 and config.origin("threshold") == "env SCORER_THRESHOLD"
    assert config.settings.fetch.offline is True and config.origin("fetch.offline") == "env SCORER_OFFLINE"
    assert config.settings.fetch.rate_limit == 2.0 and config.origin("fetch.rate_limit") == str(cfg.resolve())
    config = load_config(cwd=tmp_path, environ=env, flags={"threshold": (0.3, "flag --fail-under")})
    assert config.settings.threshold == 0.3 and config.origin("threshold") == "flag --fail-under"


def test_explicit_config_file_and_env_config(tmp_path):
    write(tmp_path / ".scorer.toml", "threshold = 0.7\n")
    other = write(tmp_path / "ci" / "strict.toml", "threshold = 0.9\n")
    assert load_config(other, cwd=tmp_path, environ={}).settings.threshold == 0.9
    assert load_config(cwd=tmp_path, environ={"SCORER_CONFIG": str(other)}).settings.threshold == 0.9
    with pytest.raises(ConfigError, match="config file not found: .*nope.toml"):
        load_config(tmp_path / "nope.toml", cwd=tmp_path, environ={})


def test_relative_cache_dir_is_relative_to_the_file(tmp_path):
    write(tmp_path / ".scorer.toml", "[fetch]\ncache_dir = '.cache/scorer'\n")
    (tmp_path / "sub").mkdir()
    config = load_config(cwd=tmp_path / "sub", environ={})
    assert config.settings.fetch.cache_dir == str(tmp_path.resolve() / ".cache" / "scorer")


def test_outlets_and_host_map(tmp_path):
    write(tmp_path / ".scorer.toml", """
[[outlets]]
key = "ledger"
name = "Example Ledger"
domains = ["ledger.test"]
reliability = 0.8
reason = "our own wire"

[fetch.host_map]
"www.dailynk.com" = "127.0.0.1:8080"
""")
    config = load_config(cwd=tmp_path, environ={})
    assert config.outlets[0]["key"] == "ledger"
    assert config.settings.fetch.host_map == (("www.dailynk.com", "127.0.0.1:8080"),)


@pytest.mark.parametrize("body, message", [
    ("threshhold = 0.5\n", "unknown key 'threshhold'"),
    ("[fetch]\ntimeout = 3\n", "unknown key 'fetch.timeout'"),
    ("[rules]\nweak-source = 'off'\n", "unknown rule 'rules.weak-source'"),
    ("[rules]\nmisquote = 'fatal'\n", "'rules.misquote' must be one of error, warning, note, off"),
    ("threshold = 1.5\n", "'threshold' must be a number between 0 and 1"),
    ("threshold = 'high'\n", "'threshold' must be a number between 0 and 1"),
    ("[fetch]\noffline = 'yes'\n", "'fetch.offline' must be true or false"),
    ("[fetch]\nrate_limit = 0\n", "'fetch.rate_limit' must be a number > 0"),
    ("include = 3\n", "'include' must be a list of glob patterns"),
    ("outlets = 'x'\n", "'outlets' must be an array of tables"),
    ("threshold = \n", "not valid TOML"),
])
def test_bad_config_names_key_and_file(tmp_path, body, message):
    cfg = write(tmp_path / ".scorer.toml", body)
    with pytest.raises(ConfigError) as info:
        load_config(cwd=tmp_path, environ={})
    assert str(cfg) in str(info.value) or str(cfg.resolve()) in str(info.value)
    assert message in str(info.value)


def test_unknown_key_in_pyproject_names_the_table(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.scorer]\nfail_under = 0.4\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml: unknown key 'tool.scorer.fail_under'"):
        load_config(cwd=tmp_path, environ={})


@pytest.mark.parametrize("env, message", [
    ({"SCORER_THRESHOLD": "lots"}, "SCORER_THRESHOLD must be a number between 0 and 1"),
    ({"SCORER_OFFLINE": "maybe"}, "SCORER_OFFLINE must be 1/true/yes/on or 0/false/no/off"),
])
def test_bad_environment(tmp_path, env, message):
    with pytest.raises(ConfigError, match=message):
        load_config(cwd=tmp_path, environ=env)


def test_no_fetch_env(tmp_path):
    config = load_config(cwd=tmp_path, environ={"SCORER_NO_FETCH": "1"})
    assert config.settings.fetch.enabled is False and config.origin("fetch.enabled") == "env SCORER_NO_FETCH"


def test_items_cover_every_setting(tmp_path):
    keys = [key for key, _, _ in load_config(cwd=tmp_path, environ={}).items()]
    assert keys[:3] == ["threshold", "include", "exclude"]
    assert "rules.weak-sourcing" in keys and "fetch.offline" in keys and "outlets" in keys


def test_model_path_relative_to_file_and_env(tmp_path):
    write(tmp_path / ".scorer.toml", "model = 'models/newsroom.json'\n")
    config = load_config(cwd=tmp_path, environ={})
    assert config.settings.model_path == str(tmp_path.resolve() / "models" / "newsroom.json")
    config = load_config(cwd=tmp_path, environ={"SCORER_MODEL": "/srv/m.json"})
    assert config.settings.model_path == "/srv/m.json" and config.origin("model") == "env SCORER_MODEL"
