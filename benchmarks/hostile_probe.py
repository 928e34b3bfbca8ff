"""Hostile-input probe: many bad drafts, files, caches, servers and paths through the real CLI.

    PYTHONPATH=. python benchmarks/hostile_probe.py

Each case runs `python -m scorer ...` in a temporary folder, against misbehaving servers on 127.0.0.1 only.
A case fails when it prints a traceback, exits 3 (an internal error) or with an exit code it should not,
runs past its time limit (a hang), or leaves a file it must not touch changed. Prints a line per failure and
the totals; the figures in the report of issue #11 come from here.
"""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from hostile_servers import PAGE, RawServer, trickled_body, trickled_headers  # noqa: E402

GOOD = 'The ministry said "exports fell by 2.4 percent" in a statement.\n'
CASES: list[dict] = []


def case(name, files, args, ok=(0, 1, 2), limit=30.0, check=None):
    CASES.append({"name": name, "files": files, "args": args, "ok": ok, "limit": limit, "check": check})


def drafts() -> None:
    for value in ["2015-02-30", "2015-99-99", "0000-01-01", "2015-02-17 25:00", "2015-02-17T23:61", "2015-13-01",
                  "[1, 2]", "{a: 1}", "9" * 5000, "-1e999", ".nan", "2015-02-17", "null", "'2015-02-30'", "true",
                  "2015-02-17 10:00:00 +09:00", "Feb 17, 2015", "!!binary aGVsbG8=", "&a [*a, *a]", "!!python/name:os.system"]:
        case(f"front matter date: {value[:20]}", {"d.md": f"---\ndate: {value}\n---\n\n{GOOD}"}, ["check", "d.md", "--no-fetch"])
    for depth in (10, 100, 1000, 20000):
        case(f"front matter nested {depth}", {"d.md": f"---\nx: {'[' * depth}{']' * depth}\n---\n{GOOD}"}, ["check", "d.md", "--no-fetch"])
        case(f"front matter mapping nested {depth}", {"d.md": "---\n" + "".join(" " * i + f"k{i}:\n" for i in range(min(depth, 3000))) + f"---\n{GOOD}"},
             ["check", "d.md", "--no-fetch"])
    body = GOOD * 3
    for codec in ("utf-32", "utf-32-le", "utf-32-be", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252", "utf-8-sig",
                  "shift_jis", "euc-kr"):
        try:
            data = ("Café ministry said 12 percent. 北朝鮮 " + body).encode(codec)
        except UnicodeEncodeError:
            data = body.encode(codec)
        case(f"encoding {codec}", {"d.md": data}, ["check", "d.md", "--no-fetch"])
    for name, data in [("binary", bytes(range(256)) * 40), ("nul", b"a\x00b" * 100), ("empty", b""), ("bom only", b"\xef\xbb\xbf"),
                       ("utf-32 bom only", b"\xff\xfe\x00\x00"), ("bad utf-32", b"\xff\xfe\x00\x00abc"), ("cr only", b"One.\rTwo.\r"),
                       ("u2028", "One said it.\u2028Two said it.\u2029Three.\n".encode()), ("controls", b"\x1b[31m" + body.encode())]:
        case(f"bytes {name}", {"d.md": data, "d.txt": data}, ["check", "d.md", "d.txt", "--no-fetch"])
    for depth in (20, 30, 100, 1000, 5000):
        for name, text in [("quote", "> " * depth + GOOD), ("quote glued", ">" * depth + " " + GOOD),
                           ("list", "".join("  " * i + f"- Item {i} said it.\n" for i in range(depth))),
                           ("emphasis", "*" * depth + GOOD + "*" * depth), ("brackets", "[" * depth + GOOD + "]" * depth),
                           ("links", "[a](" * depth + GOOD + ")" * depth), ("images", "![" * depth + "x" + "](u)" * depth),
                           ("html", "<div>" * depth + GOOD + "</div>" * depth), ("backticks", "`" * depth + GOOD + "`" * depth)]:
            case(f"markdown {name} {depth}", {"d.md": text, "d.txt": text}, ["check", "d.md", "d.txt", "--no-fetch"])
    for name, text in [("entities", "Tom &amp; Jerry &quot;said&quot; it rose &#1234; 12 percent. " * 500),
                       ("escapes", "\\*Officials\\* said it rose\\. " * 500), ("tabs", "\tThe\tministry\tsaid\tit.\n" * 500),
                       ("many lines", "".join(f"Line {i} said 5 percent.\n\n" for i in range(10000))),
                       ("one long line", "The ministry said it. " * 5000), ("over the size limit", "The ministry said it. " * 50000),
                       ("links in one sentence",
                        'The ministry said "it rose 5 percent" ' + " ".join(f"http://s{i}.test/p" for i in range(20000)) + ".\n")]:
        case(f"draft {name}", {"d.md": text, "d.txt": text}, ["check", "d.md", "d.txt", "--offline"], limit=90,
             ok=(2,) if "limit" in name else (0, 1, 2))
    case("draft 20 MB refused", {"d.md": ("The ministry said it. " * 1_000_000)[:20_000_000]}, ["check", "d.md", "--no-fetch"], ok=(2,))


def files() -> None:
    for name, content in [("deep list", "[" * 100000 + "]" * 100000), ("deep object", '{"a":' * 100000 + "1" + "}" * 100000),
                          ("garbage", "not json"), ("wrong types", json.dumps({"version": 1, "findings": [1, "x", None]})),
                          ("version", json.dumps({"version": "1", "findings": []})), ("empty", "")]:
        case(f"baseline {name}", {"d.md": GOOD, "b.json": content}, ["check", "d.md", "--no-fetch", "--baseline", "b.json"], ok=(2,))
    for name, content in [("deep", "x = " + "[" * 100000 + "]" * 100000), ("deep table", "x = " + "{a = " * 2000 + "1" + "}" * 2000),
                          ("wrong types", "threshold = 'high'\n[fetch]\nretries = -1\n"), ("nul cache", '[fetch]\ncache_dir = "a\\u0000b"\n'),
                          ("bad page_timeout", "[fetch]\npage_timeout = 0\n"), ("max bytes", "max_draft_bytes = -5\n"),
                          ("outlets junk", "[[outlets]]\nkey = 5\n"), ("not toml", "= = =")]:
        case(f"config {name}", {"d.md": GOOD, "c.toml": content}, ["check", "d.md", "--offline", "--config", "c.toml"], ok=(2,))
    for name, entry in [("status", {"url": "https://a.test/", "file": "p.html", "status": "x"}), ("headers", {"url": "https://a.test/", "file": "p.html", "headers": [1]}),
                        ("url", {"url": 5, "file": "p.html"}), ("file", {"url": "https://a.test/", "file": ["p"]}), ("missing", {"url": "https://a.test/", "file": "nope.html"}),
                        ("loop", {"url": "https://a.test/", "file": "loop"}), ("deep", None)]:
        manifest = json.dumps({"pages": [entry]}) if entry else "[" * 100000 + "]" * 100000
        case(f"manifest {name}", {"m.json": manifest, "p.html": "<p>Synthetic.</p>", "loop": ("symlink", "loop")},
             ["cache", "import", "m.json", "--cache-dir", "c"], ok=(2,))
    broken = {"garbage": b"garbage" * 1000, "header only": b"SQLite format 3\x00" + b"\x00" * 100}
    for name, data in broken.items():
        for command in (["fetch", "https://a.test/x", "--offline", "--cache-dir", "c"], ["check", "d.md", "--offline", "--cache-dir", "c"]):
            case(f"cache {name} {command[0]}", {"d.md": GOOD + "[x](https://a.test/x)\n", "c/fetch.sqlite3": data}, command)
    for name, schema in [("older", "CREATE TABLE articles (key TEXT, data TEXT)"), ("foreign", "CREATE TABLE t (x)"),
                         ("newer", "PRAGMA user_version = 7"), ("wrong rows", "CREATE TABLE articles (key TEXT PRIMARY KEY, outlet TEXT, fetched_at REAL NOT NULL, data TEXT NOT NULL); INSERT INTO articles VALUES ('https://a.test/x', 5, 'x', 7)")]:
        case(f"cache {name}", {"d.md": GOOD, "c/fetch.sqlite3": ("sql", schema)}, ["fetch", "https://a.test/x", "--offline", "--cache-dir", "c"])
    for name, where in [("a file", "afile"), ("under a file", "afile/c"), ("/dev/null", "/dev/null"), ("proc", "/proc/x/y")]:
        for command in (["fetch", "https://a.test/x", "--offline", "--cache-dir", where], ["check", "d.md", "--cache-dir", where]):
            case(f"cache location {name} {command[0]}", {"d.md": GOOD, "afile": "x"}, command, ok=(2,))
    keep = lambda p: (p / "b.json").read_text() == "{}"  # noqa: E731
    for name, args in [("output is baseline", ["-o", "b.json", "--write-baseline", "b.json"]), ("output via link", ["-o", "lnk", "--write-baseline", "b.json"]),
                       ("output is draft", ["-o", "d.md"]), ("output is config", ["-o", "c.toml", "--config", "c.toml"]),
                       ("write-baseline is draft", ["--write-baseline", "d.md"]), ("symlink loop", ["-o", "loop"]),
                       ("output dir", ["-o", "adir"]), ("output /dev/full", ["-o", "/dev/full"]), ("output under file", ["-o", "afile/x"])]:
        case(name, {"d.md": GOOD, "b.json": "{}", "c.toml": "", "lnk": ("symlink", "b.json"), "loop": ("symlink", "loop"),
                    "adir/.keep": "", "afile": "x"}, ["check", "d.md", "--no-fetch", *args], ok=(2,),
             check=keep if name != "output is config" else None)


def servers(base: dict) -> None:
    for name in ("headers", "body"):
        for extra in ([], ["--timeout", "2"], ["--deadline", "3"]):
            case(f"trickled {name} {' '.join(extra)}", {}, ["fetch", f"{base[name]}/x", "--allow-private-hosts", "--cache-dir", "c", *extra],
                 limit=40)
        case(f"trickled {name} check", {"d.md": f'He said "it rose 5 percent" [here]({base[name]}/x).\n'},
             ["check", "d.md", "--allow-private-hosts", "--cache-dir", "c", "--deadline", "5"], limit=40)
    for path in ("/half-gzip", "/short", "/bomb", "/dense", "/title", "/loop", "/huge-length", "/bad-encoding"):
        case(f"server {path}", {"d.md": f'He said "it rose 5 percent" [here]({base["misc"]}{path}).\n'},
             ["check", "d.md", "--allow-private-hosts", "--cache-dir", "c", "--format", "json"], limit=60)
        case(f"server {path} fetch", {}, ["fetch", base["misc"] + path, "--allow-private-hosts", "--cache-dir", "c"], limit=60)


def misc(path, conn, server):
    head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n"
    if path == "/half-gzip":
        body = gzip.compress(PAGE * 50)
        conn.sendall((head + "Content-Encoding: gzip\r\n\r\n").encode() + body[: len(body) // 2])
    elif path == "/short":
        conn.sendall((head + "Content-Length: 9999\r\n\r\n").encode() + PAGE)
    elif path == "/bomb":
        conn.sendall((head + "Content-Encoding: gzip\r\n\r\n").encode() + gzip.compress(b"\x00" * 50_000_000))
    elif path == "/dense":
        figures = " ".join(f"{i:,} and {i % 97}.5 percent" for i in range(160_000)).encode()
        conn.sendall((head + "\r\n").encode() + b"<html><body><article><p>" + figures[:4_800_000] + b"</p></article></body></html>")
    elif path == "/title":
        conn.sendall((head + "\r\n").encode() + b"<html><head><title>\x1b]0;owned\x07\x1b[2J</title></head><body><p>" + PAGE + b"</p></body></html>")
    elif path == "/loop":
        conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: /loop\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    elif path == "/huge-length":
        conn.sendall((head + "Content-Length: 99999999999\r\n\r\n").encode() + PAGE)
    elif path == "/bad-encoding":
        conn.sendall((head + "Content-Encoding: br\r\n\r\n").encode() + PAGE)


def run(spec: dict) -> tuple[str, str | None]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for rel, content in spec["files"].items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, tuple) and content[0] == "symlink":
                target.symlink_to(root / content[1])
            elif isinstance(content, tuple) and content[0] == "sql":
                db = sqlite3.connect(target)
                db.executescript(content[1])
                db.close()
            elif isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        env = {**os.environ, "SCORER_CACHE_DIR": str(root / "default-cache")}
        started = time.monotonic()
        try:
            done = subprocess.run([sys.executable, "-m", "scorer", *spec["args"]], cwd=root, capture_output=True,
                                  timeout=spec["limit"], env=env)
        except subprocess.TimeoutExpired:
            return spec["name"], "hang"
        err = done.stderr.decode("utf-8", "replace")
        if "Traceback" in err or done.returncode == 3:
            return spec["name"], f"traceback/internal error (exit {done.returncode}): {err.strip()[-300:]}"
        if done.returncode not in spec["ok"]:
            return spec["name"], f"exit {done.returncode}, expected {spec['ok']}: {err.strip()[-200:]}"
        if b"\x1b" in done.stdout:
            return spec["name"], "a control sequence reached the output"
        if spec["check"] and not spec["check"](root):
            return spec["name"], "a file it must not touch was changed"
        return spec["name"], None if time.monotonic() - started < spec["limit"] else "slow"


def main() -> None:
    handlers = {"headers": RawServer(trickled_headers), "body": RawServer(trickled_body), "misc": RawServer(misc)}
    drafts()
    files()
    servers({key: server.base for key, server in handlers.items()})
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(run, CASES))
    failures = [(name, why) for name, why in results if why]
    for name, why in failures:
        print(f"FAIL {name}: {why}")
    kinds = {"hang": sum(1 for _, w in failures if w == "hang"),
             "traceback": sum(1 for _, w in failures if w.startswith("traceback")),
             "control": sum(1 for _, w in failures if "control" in w),
             "data": sum(1 for _, w in failures if "must not touch" in w)}
    print(f"{len(CASES)} cases in {time.monotonic() - started:.0f} s: {len(failures)} failed "
          f"(hangs {kinds['hang']}, tracebacks {kinds['traceback']}, control sequences {kinds['control']}, "
          f"data lost {kinds['data']})")
    for server in handlers.values():
        server.close()


if __name__ == "__main__":
    main()
