"""Settings in force: defaults, then a config file, then SCORER_* variables, then flags.

The file is `[tool.scorer]` in pyproject.toml or a `.scorer.toml`, found by walking up from
the working directory (a pyproject.toml without the table does not stop the walk), or the
one `--config`/SCORER_CONFIG names. Every value remembers where it came from, for
`scorer config`. A key we do not know, or a value of the wrong type, is a ConfigError naming
the key and the file: a typo must not silently leave the newsroom's bar at the default.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping

from scorer.discover import DEFAULT_INCLUDE
from scorer.errors import ConfigError
from scorer.rules import LEVELS, RULES
from scorer.settings import CheckSettings, FetchSettings

TOP_KEYS = ("threshold", "include", "exclude", "rules", "outlets", "fetch", "model", "max_draft_bytes")
FETCH_FIELDS = {f.name: f for f in fields(FetchSettings)}
_FETCH_DEFAULTS = FetchSettings()
_POSITIVE = frozenset({"connect_timeout", "read_timeout", "rate_limit", "page_timeout"})

# variable -> (dotted key, kind); kept short: what a CI job plausibly sets.
ENV_VARS: dict[str, tuple[str, str]] = {
    "SCORER_THRESHOLD": ("threshold", "float"),
    "SCORER_MODEL": ("model", "path"),
    "SCORER_NO_FETCH": ("fetch.enabled", "not-bool"),
    "SCORER_OFFLINE": ("fetch.offline", "bool"),
    "SCORER_CACHE_DIR": ("fetch.cache_dir", "path"),
    "SCORER_ALLOW_PRIVATE_HOSTS": ("fetch.allow_private_hosts", "bool"),
}
_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}


@dataclass(frozen=True)
class Config:
    settings: CheckSettings = field(default_factory=CheckSettings)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    rules: dict[str, str] = field(default_factory=lambda: {r.id: r.level for r in RULES.values()})
    outlets: tuple[dict, ...] = ()
    file: Path | None = None
    root: Path = field(default_factory=Path.cwd)  # include/exclude globs are relative to this
    origins: dict[str, str] = field(default_factory=dict)  # dotted key -> default | file path | env X | flag --x

    def items(self) -> list[tuple[str, Any, str]]:
        """(dotted key, value, origin) of every setting, for `scorer config`."""
        out: list[tuple[str, Any, str]] = [
            ("threshold", self.settings.threshold, self.origin("threshold")),
            ("include", list(self.include), self.origin("include")),
            ("exclude", list(self.exclude), self.origin("exclude")),
        ]
        out += [(f"rules.{k}", v, self.origin(f"rules.{k}")) for k, v in self.rules.items()]
        out.append(("outlets", list(self.outlets), self.origin("outlets")))
        out.append(("model", self.settings.model_path, self.origin("model")))
        out.append(("max_draft_bytes", self.settings.max_draft_bytes, self.origin("max_draft_bytes")))
        out += [(f"fetch.{name}", getattr(self.settings.fetch, name), self.origin(f"fetch.{name}"))
                for name in FETCH_FIELDS]
        return out

    def registry(self):
        """The outlet registry with this configuration's overrides (the shared default one if it has none)."""
        from scorer.outlets import get_registry

        if not self.outlets:
            return get_registry()
        try:
            return get_registry().with_overrides(self.outlets)
        except ConfigError as exc:
            raise ConfigError(f"{self.origin('outlets')}: outlets: {exc}") from None

    def origin(self, key: str) -> str:
        return self.origins.get(key, "default")


def find_config(start: Path | None = None) -> Path | None:
    """The nearest .scorer.toml, or pyproject.toml holding [tool.scorer], from `start` up to the root."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        candidate = directory / ".scorer.toml"
        if candidate.is_file():
            return candidate
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            tool = _read_toml(candidate).get("tool", {})
            if isinstance(tool, dict) and "scorer" in tool:  # `tool` may be anything in another project's file
                return candidate
    return None


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except IsADirectoryError:
        raise ConfigError(f"config file is a directory: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: nested too deeply to be a configuration") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None


def read_table(path: Path) -> tuple[dict, str]:
    """The scorer table of a config file, and the prefix its keys have in that file (for messages)."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{path}: 'tool' must be a table")
        table = tool.get("scorer", {})
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: 'tool.scorer' must be a table")
        return table, "tool.scorer."
    return data, ""


def _bad(path: Path | str, key: str, expected: str, value: Any) -> ConfigError:
    return ConfigError(f"{path}: '{key}' must be {expected}, not {value!r}")


def _check_threshold(value: Any, where: str, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= float(value) <= 1.0:
        raise _bad(where, key, "a number between 0 and 1", value)
    return float(value)


def _check_patterns(value: Any, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _bad(where, key, "a list of glob patterns", value)
    return tuple(value)


def check_fetch_value(name: str, value: Any, where: str, key: str, base: Path | None = None) -> Any:
    """A fetch setting validated against the type of its default."""
    default = getattr(_FETCH_DEFAULTS, name)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise _bad(where, key, "true or false", value)
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise _bad(where, key, "a whole number >= 0", value)
        return value
    if isinstance(default, float):
        positive = name in _POSITIVE
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or (positive and value == 0):
            raise _bad(where, key, "a number > 0" if positive else "a number >= 0", value)
        return float(value)
    if isinstance(default, tuple):  # host_map: a table of host = "address:port"
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise _bad(where, key, "a table of host = \"address:port\"", value)
        return tuple(value.items())
    if not isinstance(value, str) or not value:
        raise _bad(where, key, "a non-empty string", value)
    if name == "cache_dir":
        if "\x00" in value:
            raise _bad(where, key, "a directory path (it contains a NUL byte)", value)
        path = Path(value).expanduser()
        return str(path if path.is_absolute() or base is None else (base / path))
    return value


def _from_file(path: Path) -> tuple[dict[str, Any], Path]:
    """Dotted key -> validated value from one config file."""
    table, prefix = read_table(path)
    where, base = str(path), path.parent.resolve()
    values: dict[str, Any] = {}
    for key, value in table.items():
        full = prefix + key
        if key == "threshold":
            values["threshold"] = _check_threshold(value, where, full)
        elif key in ("include", "exclude"):
            values[key] = _check_patterns(value, where, full)
        elif key == "rules":
            if not isinstance(value, dict):
                raise _bad(where, full, "a table of rule = level", value)
            for rule, level in value.items():
                if rule not in RULES:
                    raise ConfigError(f"{where}: unknown rule '{full}.{rule}' (known: {', '.join(RULES)})")
                if level not in LEVELS:
                    raise _bad(where, f"{full}.{rule}", f"one of {', '.join(LEVELS)}", level)
                values[f"rules.{rule}"] = level
        elif key == "outlets":
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                raise _bad(where, full, "an array of tables ([[tool.scorer.outlets]])", value)
            values["outlets"] = tuple(value)
        elif key == "model":
            if not isinstance(value, str) or not value:
                raise _bad(where, full, "the path of a model file", value)
            model = Path(value).expanduser()
            values["model"] = str(model if model.is_absolute() else base / model)
        elif key == "max_draft_bytes":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise _bad(where, full, "a whole number of bytes >= 0 (0: no limit)", value)
            values["max_draft_bytes"] = value
        elif key == "fetch":
            if not isinstance(value, dict):
                raise _bad(where, full, "a table", value)
            for name, item in value.items():
                if name not in FETCH_FIELDS:
                    raise ConfigError(f"{where}: unknown key '{full}.{name}' (known: {', '.join(FETCH_FIELDS)})")
                values[f"fetch.{name}"] = check_fetch_value(name, item, where, f"{full}.{name}", base)
        else:
            raise ConfigError(f"{where}: unknown key '{full}' (known: {', '.join(TOP_KEYS)})")
    return values, base


def _from_env(environ: Mapping[str, str]) -> dict[str, tuple[Any, str]]:
    values: dict[str, tuple[Any, str]] = {}
    for var, (key, kind) in ENV_VARS.items():
        raw = environ.get(var)
        if raw is None:
            continue
        where = f"environment variable {var}"
        if kind == "float":
            try:
                value: Any = _check_threshold(float(raw), where, key)
            except ValueError:
                raise ConfigError(f"{where} must be a number between 0 and 1, not {raw!r}") from None
        elif kind in ("bool", "not-bool"):
            word = raw.strip().lower()
            if word not in _TRUE | _FALSE:
                raise ConfigError(f"{where} must be 1/true/yes/on or 0/false/no/off, not {raw!r}")
            value = (word in _TRUE) != (kind == "not-bool")
        else:
            if not raw:
                continue
            value = str(Path(raw).expanduser())
        values[key] = (value, f"env {var}")
    return values


def load_config(
    config_file: str | Path | None = None,
    *,
    cwd: Path | None = None,
    environ: Mapping[str, str] | None = None,
    flags: Mapping[str, tuple[Any, str]] | None = None,
) -> Config:
    """Settings in force. `flags`: dotted key -> (value, flag name), values already typed by the CLI."""
    environ = os.environ if environ is None else environ
    cwd = (cwd or Path.cwd()).resolve()
    origin_of_file = "flag --config"
    if config_file is None and environ.get("SCORER_CONFIG"):
        config_file, origin_of_file = environ["SCORER_CONFIG"], "env SCORER_CONFIG"
    path = Path(config_file) if config_file is not None else find_config(cwd)
    if config_file is not None and not path.is_file():
        raise ConfigError(f"config file not found: {config_file} (from {origin_of_file.split(' ', 1)[1]})")

    layered: dict[str, tuple[Any, str]] = {}
    root = cwd
    if path is not None:
        values, root = _from_file(path)
        layered.update({key: (value, str(path)) for key, value in values.items()})
    layered.update(_from_env(environ))
    layered.update(flags or {})
    if "threshold" in layered:
        _check_threshold(layered["threshold"][0], layered["threshold"][1], "threshold")

    fetch_changes = {k.split(".", 1)[1]: v for k, (v, _) in layered.items() if k.startswith("fetch.")}
    settings = CheckSettings(
        threshold=layered.get("threshold", (CheckSettings().threshold, ""))[0],
        fetch=replace(FetchSettings(), **fetch_changes),
    )
    if "model" in layered:
        settings = replace(settings, model_path=layered["model"][0])
    if "max_draft_bytes" in layered:
        settings = replace(settings, max_draft_bytes=layered["max_draft_bytes"][0])
    rules = {r.id: r.level for r in RULES.values()}
    rules.update({k.split(".", 1)[1]: v for k, (v, _) in layered.items() if k.startswith("rules.")})
    return Config(
        settings=settings,
        include=layered.get("include", (DEFAULT_INCLUDE, ""))[0],
        exclude=layered.get("exclude", ((), ""))[0],
        rules=rules,
        outlets=layered.get("outlets", ((), ""))[0],
        file=path.resolve() if path is not None else None,
        root=root,
        origins={key: origin for key, (_, origin) in layered.items()},
    )
