"""Build the checker's human-annotated cross-lingual data (evals/checker/data/mqm-*.jsonl).

The WMT21 TED-talk test suite as re-annotated with MQM by professional translators
(google/wmt-mqm-human-evaluation, `ted/ende`, `ted/zhen`): real translations, by MT systems
and by people (the references), with real errors marked by people. Stdlib only,
deterministic (fixed seed). The input is a git directory read with `git show COMMIT:PATH`,
or a plain directory holding the files at PATH.

    python evals/checker/build_mqm.py --mqm /path/to/google+wmt-mqm-human-evaluation/repo \
        --out evals/checker/data

Labels, per (system, talk, segment), over every rater's rows (one rater per segment here):
- 1 (a true translation): no Accuracy error of any severity and no Major error of any kind;
- 0 (a translation error): at least one Major Accuracy error;
- skipped: Minor-only Accuracy errors, or a Major error outside Accuracy (ambiguous).
See evals/checker/README.md and SOURCES.md.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import random
import re
import sys
from pathlib import Path

from build_data import read_text  # beside this script: one reader of the snapshots

SEED = 11
MQM_COMMIT = "7fadea281aff8db61cc72fc3d469a4dca78b82a6"  # google/wmt-mqm-human-evaluation
# (file direction, source lang, claim lang)
DIRECTIONS = (("ende", "en", "de"), ("zhen", "zh", "en"))
# The same five TED talks in both files under different names (matched by segment count and
# content): one talk goes wholly to fit or to test, in both directions.
TALKS = {  # ende name -> zhen name
    "talk.1": "talk.2",
    "talk.3": "talk.5",
    "talk.4": "talk.6",
    "talk.5": "talk.7",
    "talk.6": "talk.9",
}
TEST_TALKS = {"talk.1", "talk.3"}  # ende names: 171 of 529 segments
HUMAN_SYSTEMS = {"ref", "refB"}  # the references: translations by people
# Words counted on the English side (Chinese has no spaces).
MIN_WORDS, MAX_WORDS = 6, 60
# Pairs per direction and label.
PER_LABEL = {"fit": 90, "test": 60}
# At most this share of a label's pairs from the human references (they are few).
MAX_HUMAN_SHARE = 0.34
KIND = {"Accuracy/Addition": "addition"}  # other Accuracy categories: "other" (raw kept)
_MARK = re.compile(r"</?v>")


def stable_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def segments(repo: str, direction: str) -> list[dict]:
    """One item per (system, talk, segment): texts without the <v> marks and all errors."""
    text = read_text(repo, MQM_COMMIT, f"ted/{direction}/mqm_ted_{direction}.tsv")
    lines = text.splitlines()
    head = lines[0].split("\t")
    items: dict[tuple[str, str, str], dict] = {}
    for line in lines[1:]:
        if not line.strip():
            continue
        f = dict(zip(head, line.split("\t"), strict=False))
        key = (f["system"], f["doc"], f["doc_id"])
        item = items.setdefault(
            key,
            {
                "system": f["system"],
                "doc": f["doc"],
                "doc_id": int(f["doc_id"]),
                "seg_id": f["seg_id"],
                "source": _MARK.sub("", f["source"]).strip(),  # omissions mark the source
                "source_marked": f["source"].strip(),
                "target": _MARK.sub("", f["target"]).strip(),
                "errors": [],
            },
        )
        if f["category"] != "No-error":
            item["errors"].append((f["category"], f["severity"]))
    return list(items.values())


def label_of(errors: list[tuple[str, str]]) -> int | None:
    accuracy = [(c, s) for c, s in errors if c.startswith("Accuracy/")]
    if any(s == "Major" for _, s in accuracy):
        return 0
    if accuracy or any(s == "Major" for _, s in errors):
        return None
    return 1


def raw_category(errors: list[tuple[str, str]]) -> str:
    """The Major Accuracy categories of a segment, sorted and joined (for the record)."""
    return "+".join(sorted({c for c, s in errors if c.startswith("Accuracy/") and s == "Major"}))


def error_kind(errors: list[tuple[str, str]]) -> str:
    """Our kind: `addition` when every Major Accuracy error is an Addition, else `other`."""
    cats = {c for c, s in errors if c.startswith("Accuracy/") and s == "Major"}
    kinds = {KIND.get(c, "other") for c in cats}
    return kinds.pop() if len(kinds) == 1 else "other"


def choose(cands: list[dict], n: int, rng: random.Random) -> list[dict]:
    """n items, at most one per segment, human references capped at MAX_HUMAN_SHARE."""
    rng.shuffle(cands)
    cands.sort(key=lambda c: c["system"] not in HUMAN_SYSTEMS)  # stable: humans first
    out: list[dict] = []
    seen: set[tuple[str, int]] = set()
    humans = 0
    cap = int(n * MAX_HUMAN_SHARE)
    for c in cands:
        if len(out) >= n:
            break
        seg = (c["doc"], c["doc_id"])
        human = c["system"] in HUMAN_SYSTEMS
        if seg in seen or (human and humans >= cap):
            continue
        seen.add(seg)
        humans += human
        out.append(c)
    return out


def build(repo: str, out_dir: Path) -> None:
    parts: dict[str, list[dict]] = {"fit": [], "test": []}
    for direction, ls, lc in DIRECTIONS:
        zh_to_en = {v: k for k, v in TALKS.items()}
        items = segments(repo, direction)
        # The same target text from several systems: keep one (the first by system name),
        # and drop texts whose labels disagree across raters. (Grouped by the source as the
        # file writes it, an omission's span marked, which fixed the published selection;
        # the labels are compared over every system's copy of the unmarked pair.)
        by_text: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
        labels_of: dict[tuple[str, str], set] = collections.defaultdict(set)
        for it in sorted(items, key=lambda x: (x["doc"], x["doc_id"], x["system"])):
            by_text[(it["source_marked"], it["target"])].append(it)
            labels_of[(it["source"], it["target"])].add(label_of(it["errors"]))
        for group in by_text.values():
            labels = labels_of[(group[0]["source"], group[0]["target"])]
            label = labels.pop() if len(labels) == 1 else None
            it = group[0]
            english = it["source"] if ls == "en" else it["target"]
            if label is None or not MIN_WORDS <= len(english.split()) <= MAX_WORDS:
                continue
            talk = it["doc"] if direction == "ende" else zh_to_en[it["doc"]]
            split = "test" if talk in TEST_TALKS else "fit"
            it.update(label=label, split=split, talk=talk)
        for split in ("fit", "test"):
            rng = random.Random(f"{SEED}-{direction}-{split}")
            for label in (1, 0):
                cands = [
                    g[0]
                    for g in by_text.values()
                    if g[0].get("split") == split and g[0].get("label") == label
                ]
                cands.sort(key=lambda c: (c["doc"], c["doc_id"], c["system"]))
                chosen = choose(cands, PER_LABEL[split], rng)
                if len(chosen) < PER_LABEL[split]:
                    print(
                        f"warning: {direction} {split} label {label}: {len(chosen)}",
                        file=sys.stderr,
                    )
                for c in chosen:
                    kind = "human" if c["system"] in HUMAN_SYSTEMS else "mt"
                    origin = f"mqm-ted-{direction}:{c['doc']}:{c['doc_id']}:{c['system']}"
                    row = {
                        "id": f"mqm-{split}-{ls}{lc}-{stable_hash(origin)}",
                        "source": c["source"],
                        "claim": c["target"],
                        "label": label,
                        "error_kind": None if label else error_kind(c["errors"]),
                        "lang_source": ls,
                        "lang_claim": lc,
                        "dataset": f"mqm-ted-{ls}-{lc}-{kind}",
                        "origin_id": origin,
                        "mqm_category": None if label else raw_category(c["errors"]),
                        "system": c["system"],
                        "talk": c["talk"],
                    }
                    parts[split].append(row)
    for split, rows in parts.items():
        rows.sort(key=lambda r: r["id"])
        path = out_dir / f"mqm-{split}.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        counts = collections.Counter(
            (r["lang_source"] + "->" + r["lang_claim"], r["label"], r["dataset"].rsplit("-", 1)[1],
             r["error_kind"]) for r in rows
        )  # fmt: skip
        print(f"{path.name}: {len(rows)}")
        for k, v in sorted(counts.items(), key=str):
            print(f"  {k}: {v}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--mqm", required=True, help=f"google/wmt-mqm-human-evaluation ({MQM_COMMIT[:10]})"
    )
    ap.add_argument("--out", default=str(Path(__file__).parent / "data"))
    a = ap.parse_args(argv)
    build(a.mqm, Path(a.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
