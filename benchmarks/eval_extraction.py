"""How good is the article text the fetch layer extracts? (issue 10)

    python benchmarks/eval_extraction.py            # per-page table and the means
    python benchmarks/eval_extraction.py --pin      # also re-pin benchmarks/extraction_floors.json

Every page of the article-extraction benchmark (benchmarks/data/article-extraction-benchmark/, 181 real
pages with human-marked article text, MIT) goes through the real extraction path under its original URL,
exactly as `scorer cache import` stores a recorded page, and plain `trafilatura.extract` (its defaults) runs
on the same decoded HTML. Both are scored with word-level precision / recall / F1 against the marked text,
in the style of trafilatura's own evaluation. The floors file pins, beside the data hash, the mean F1 the
fetch layer must keep and plain trafilatura's F1 on every page (no page may fall more than `page_margin`
under it); tests/fetch/test_extraction_benchmark.py checks them.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scorer.fetch.benchmark import FLOORS_FILE, data_hash, load_pages, ours, plain_trafilatura, word_scores  # noqa: E402

# The targets: the floors file may raise them, never go under them.
MEAN_F1_TARGET = 0.95
PAGE_MARGIN = 0.05


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pin", action="store_true", help="write the floors file from this run")
    parser.add_argument("--json", type=Path, help="write every page's scores to this file")
    parser.add_argument("--quiet", action="store_true", help="only the summary")
    args = parser.parse_args()

    rows = []
    for page in load_pages():
        article = ours(page)
        mine = word_scores(page.truth, article.text)
        plain = word_scores(page.truth, plain_trafilatura(page))
        rows.append({
            "id": page.id, "url": page.url, "status": article.status, "partial": article.partial,
            "words": len(article.text.split()),
            "precision": mine.precision, "recall": mine.recall, "f1": mine.f1,
            "plain_precision": plain.precision, "plain_recall": plain.recall, "plain_f1": plain.f1,
        })
    if not args.quiet:
        print(f"{'page':12} {'host':28} {'P':>6} {'R':>6} {'F1':>6} {'plain':>6}  status")
        for r in sorted(rows, key=lambda r: r["f1"] - r["plain_f1"]):
            host = urlsplit(r["url"]).hostname or ""
            print(f"{r['id'][:12]} {host[:28]:28} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
                  f"{r['plain_f1']:6.3f}  {r['status']}{' (partial)' if r['partial'] else ''}")
    summary = summarize(rows)
    print()
    for who in ("ours", "plain"):
        s = summary[who]
        print(f"{'fetch layer' if who == 'ours' else 'plain trafilatura':18}: mean P {s['precision']:.4f}  "
              f"R {s['recall']:.4f}  F1 {s['f1']:.4f}  worst page F1 {s['worst']:.3f}")
    print(f"pages under plain trafilatura: {summary['under_plain']} at all, "
          f"{summary['under_plain_by_margin']} by more than {PAGE_MARGIN}; "
          f"empty text with status ok: {summary['empty_ok']}; pages {len(rows)}")
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "pages": rows}, indent=1), encoding="utf-8")
    if args.pin:
        pin(rows, summary)
        print(f"pinned {FLOORS_FILE.relative_to(Path.cwd()) if FLOORS_FILE.is_relative_to(Path.cwd()) else FLOORS_FILE}")
    ok = summary["ours"]["f1"] >= MEAN_F1_TARGET and summary["under_plain_by_margin"] == 0 and not summary["empty_ok"]
    return 0 if ok else 1


def summarize(rows: list[dict]) -> dict:
    def side(prefix: str) -> dict:
        return {
            "precision": statistics.mean(r[prefix + "precision"] for r in rows),
            "recall": statistics.mean(r[prefix + "recall"] for r in rows),
            "f1": statistics.mean(r[prefix + "f1"] for r in rows),
            "worst": min(r[prefix + "f1"] for r in rows),
        }

    return {
        "ours": side(""),
        "plain": side("plain_"),
        "under_plain": sum(1 for r in rows if r["f1"] < r["plain_f1"] - 1e-9),
        "under_plain_by_margin": sum(1 for r in rows if r["f1"] < r["plain_f1"] - PAGE_MARGIN),
        "empty_ok": sum(1 for r in rows if r["status"] == "ok" and not r["words"]),
    }


def pin(rows: list[dict], summary: dict) -> None:
    floor = max(MEAN_F1_TARGET, int(summary["ours"]["f1"] * 1000 - 5) / 1000)  # a little slack under today's
    FLOORS_FILE.write_text(json.dumps({
        "about": "Pinned by `python benchmarks/eval_extraction.py --pin`; checked by "
                 "tests/fetch/test_extraction_benchmark.py. plain_f1: trafilatura.extract (defaults) per page.",
        "data_hash": data_hash(),
        "floors": {"mean_f1": floor, "page_margin": PAGE_MARGIN},
        "measured": {"mean_f1": round(summary["ours"]["f1"], 4), "worst_f1": round(summary["ours"]["worst"], 4),
                     "plain_mean_f1": round(summary["plain"]["f1"], 4)},
        "plain_f1": {r["id"]: round(r["plain_f1"], 4) for r in rows},
    }, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
