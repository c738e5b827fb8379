"""Regenerate the checker's labelled data (evals/checker/data/*.jsonl) from public snapshots.

Stdlib only, deterministic (fixed seed). Each input is a git directory (a bare mirror or a
clone) read with `git show COMMIT:PATH`, or a plain directory holding the files at PATH.

    python evals/checker/build_data.py \
        --summac /path/to/tingofurro+summac/repo \
        --xsum-annotations /path/to/google-research-datasets+xsum_hallucination_annotations/repo \
        --wmt21 /path/to/wmt-conference+wmt21-news-systems/repo \
        --out evals/checker/data

See evals/checker/README.md and SOURCES.md for what each file holds and where it came from.
"""

from __future__ import annotations

import argparse
import collections
import csv
import hashlib
import io
import json
import random
import re
import subprocess
import sys
from pathlib import Path

SEED = 11
MAX_SOURCE_WORDS = 400

# Pinned origins (see SOURCES.md).
SUMMAC_COMMIT = "fbd18e22cc93e68179ae9264c9e12d82a65895f2"  # tingofurro/summac refs/pull/15 history
XSUM_ANN_COMMIT = "4abdbb2c807cb93c1df1188a1992d20a55cdcc34"
WMT21_COMMIT = "f41750dadbf2ba6ab01ca5380347d253298a3427"


def read_text(repo: str, commit: str, path: str) -> str:
    plain = Path(repo) / path
    if plain.is_file():
        return plain.read_text(encoding="utf-8")
    out = subprocess.run(
        ["git", "-C", repo, "show", f"{commit}:{path}"], capture_output=True, check=True
    )
    return out.stdout.decode("utf-8")


def stable_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------------------
# Part 1: human-labelled English summary claims (SummaC benchmark subsets)
# ---------------------------------------------------------------------------

STOP = set(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "with",
        "as",
        "by",
        "from",
        "he",
        "she",
        "they",
        "his",
        "her",
        "their",
        "them",
        "who",
        "which",
        "what",
        "will",
        "would",
        "not",
        "no",
        "s",
        "said",
        "says",
    ]
)
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
NUMBER_WORDS = set(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "thousand",
        "million",
        "billion",
        "first",
        "second",
        "third",
        "half",
        "dozen",
    ]
)


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP and len(w) > 1}


def split_sentences(text: str) -> list[str]:
    parts = []
    for para in re.split(r"\n+", text):
        parts.extend(s for s in re.split(r"(?<=[.!?'\"])\s+(?=[A-Z0-9\"'(])", para.strip()) if s)
    return parts


def trim_source(doc: str, claim: str) -> tuple[str, bool]:
    """Keep the article when short; else the contiguous sentence window of <= MAX_SOURCE_WORDS
    words that shares the most content words with the claim (earliest on ties)."""
    doc = re.sub(r"[ \t]+", " ", doc).strip()
    if len(doc.split()) <= MAX_SOURCE_WORDS:
        return doc, False
    sents = split_sentences(doc)
    lens = [len(s.split()) for s in sents]
    cw = content_words(claim)
    best, best_score = (0, 1), -1
    for i in range(len(sents)):
        total, j = 0, i
        while j < len(sents) and total + lens[j] <= MAX_SOURCE_WORDS:
            total += lens[j]
            j += 1
        if j == i:  # one over-long sentence: cut it by words
            j = i + 1
        window = " ".join(sents[i:j])
        score = len(cw & content_words(window))
        if score > best_score:
            best, best_score = (i, j), score
    text = " ".join(sents[best[0] : best[1]])
    words = text.split()
    if len(words) > MAX_SOURCE_WORDS:
        text = " ".join(words[:MAX_SOURCE_WORDS])
    return text, True


def xsum_error_kinds(repo: str) -> dict[tuple[str, str], str]:
    """(bbcid, system) -> our error kind, from the XSumFaith span annotations (majority over
    annotated spans; spans with a date/number word map to date/number, else extrinsic ->
    addition, intrinsic -> other)."""
    text = read_text(repo, XSUM_ANN_COMMIT, "hallucination_annotations_xsum_summaries.csv")
    votes: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    for row in csv.DictReader(io.StringIO(text)):
        htype, span = row["hallucination_type"], row["hallucinated_span"]
        if htype not in ("intrinsic", "extrinsic"):
            continue
        words = set(re.findall(r"[a-z]+", span.lower()))
        if words & set(MONTHS) or re.search(r"\b(19|20)\d\d\b", span):
            kind = "date"
        elif re.search(r"\d", span) or words & NUMBER_WORDS:
            kind = "number"
        elif htype == "extrinsic":
            kind = "addition"
        else:
            kind = "other"
        votes[(row["bbcid"], row["system"])][kind] += 1
    order = ["number", "date", "addition", "other"]
    return {k: max(order, key=lambda kind: (c[kind], -order.index(kind))) for k, c in votes.items()}


def build_english(summac: str, xsum_ann: str, out: Path, rng: random.Random) -> None:
    kinds = xsum_error_kinds(xsum_ann)
    items = []
    for name in ("factcc", "summeval", "xsumfaith"):
        data = json.loads(read_text(summac, SUMMAC_COMMIT, f"data/{name}.json"))
        for key in sorted(data, key=lambda k: int(k.rsplit("_", 1)[1])):
            v = data[key]
            label = int(v["label"])
            kind = None
            if name == "xsumfaith" and label == 0:
                kind = kinds.get((v["bbcid"], v["model_name"]), "other")
            origin = (
                v.get("id") or v.get("cnndm_id") or f"bbc-{v.get('bbcid')}-{v.get('model_name')}"
            )
            article = v.get("id") or v.get("cnndm_id") or f"bbc-{v.get('bbcid')}"
            items.append(
                {
                    "dataset": name,
                    "origin_id": origin,
                    "article": article,
                    "doc": v["document"],
                    "claim": re.sub(r"\s+", " ", v["claim"]).strip(),
                    "label": label,
                    "error_kind": kind,
                }
            )
    # Cap the label skew inside each dataset at 1:4 so that "which dataset" does not give the
    # label away, then balance the whole set.
    by_cell = collections.defaultdict(list)
    for it in items:
        by_cell[(it["dataset"], it["label"])].append(it)
    chosen = []
    for ds in ("factcc", "summeval", "xsumfaith"):
        pos, neg = by_cell[(ds, 1)], by_cell[(ds, 0)]
        rng.shuffle(pos)
        rng.shuffle(neg)
        cap = 4 * min(len(pos), len(neg))
        chosen += pos[:cap] + neg[:cap]
    n_pos = sum(it["label"] for it in chosen)
    n_neg = len(chosen) - n_pos
    # trim the larger class, taking from the dataset where it is most over-represented
    while n_pos != n_neg:
        lab = 1 if n_pos > n_neg else 0
        counts = collections.Counter((it["dataset"], it["label"]) for it in chosen)
        ds = max(
            ("factcc", "summeval", "xsumfaith"),
            key=lambda d: counts[(d, lab)] / max(1, counts[(d, 1 - lab)]),
        )
        victim = next(it for it in reversed(chosen) if it["dataset"] == ds and it["label"] == lab)
        chosen.remove(victim)
        n_pos, n_neg = (n_pos - 1, n_neg) if lab == 1 else (n_pos, n_neg - 1)

    # Split by article: test gets ~200 claims (100/100), proportional per dataset.
    test_total = 200
    cells = collections.Counter((it["dataset"], it["label"]) for it in chosen)
    quota = {c: round(n * test_total / len(chosen)) for c, n in cells.items()}
    for lab in (1, 0):  # fix rounding so each label has exactly test_total/2
        keys = sorted((c for c in quota if c[1] == lab), key=lambda c: -cells[c])
        diff = test_total // 2 - sum(quota[c] for c in keys)
        quota[keys[0]] += diff
    groups = collections.defaultdict(list)
    for it in chosen:
        # one group per article: FactCC and SummEval share some CNN/DM articles
        groups[it["article"]].append(it)
    gkeys = sorted(groups)
    rng.shuffle(gkeys)
    test, fit = [], []
    used = collections.Counter()
    for g in gkeys:
        need = collections.Counter((it["dataset"], it["label"]) for it in groups[g])
        if all(used[c] + n <= quota[c] for c, n in need.items()):
            test += groups[g]
            used.update(need)
        else:
            fit += groups[g]
    # balance fit exactly (drop from the larger label, most over-represented dataset first)
    fit_pos = [it for it in fit if it["label"] == 1]
    fit_neg = [it for it in fit if it["label"] == 0]
    k = min(len(fit_pos), len(fit_neg))
    fit = fit_pos[:k] + fit_neg[:k]

    def rows(part: list[dict], split: str) -> list[dict]:
        res = []
        for it in sorted(part, key=lambda x: (x["dataset"], x["origin_id"], x["claim"])):
            source, trimmed = trim_source(it["doc"], it["claim"])
            res.append(
                {
                    "id": f"en-{split}-{it['dataset']}-"
                    f"{stable_hash(it['origin_id'] + it['claim'])}",
                    "source": source,
                    "claim": it["claim"],
                    "label": it["label"],
                    "error_kind": it["error_kind"],
                    "dataset": it["dataset"],
                    "origin_id": it["origin_id"],
                    "source_trimmed": trimmed,
                    "lang_source": "en",
                    "lang_claim": "en",
                }
            )
        return res

    write_jsonl(out / "fit.jsonl", rows(fit, "fit"))
    write_jsonl(out / "test.jsonl", rows(test, "test"))


# ---------------------------------------------------------------------------
# Part 2: cross-lingual pairs built from WMT21 news test sets + code perturbations
# ---------------------------------------------------------------------------

EN_MONTHS = [m.capitalize() for m in MONTHS]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
IS_MONTHS = [
    "janúar",
    "febrúar",
    "mars",
    "apríl",
    "maí",
    "júní",
    "júlí",
    "ágúst",
    "september",
    "október",
    "nóvember",
    "desember",
]
IS_DAYS = ["mánudag", "þriðjudag", "miðvikudag", "fimmtudag", "föstudag", "laugardag", "sunnudag"]
EN_ADDITIONS = [
    ", and 300 new jobs will be created",
    ", a decision that all the parties welcomed",
    ", after months of secret negotiations",
    ", and the costs will be shared equally",
    ", the first such case in a decade",
    ", despite strong objections from the opposition",
]
IS_ADDITIONS = [
    " og 300 ný störf verða til",
    " og fögnuðu allir aðilar þeirri niðurstöðu",
    " eftir margra mánaða leynilegar viðræður",
    " og kostnaðinum verður skipt jafnt",
]
EN_SPEAKERS = [
    "the police",
    "a government spokesperson",
    "the prime minister",
    "the opposition leader",
    "the United Nations",
    "the company's chief executive",
]
EN_AUX = r"is|are|was|were|will|would|can|could|should|must|has been|have been|had been"
EN_AUX_PERFECT = r"has|have|had"
IS_AUX = (
    r"er|eru|var|voru|hefur|hafa|hafði|höfðu|mun|munu|verður|verða"
    r"|getur|geta|gat|gátu|má|mega|skal|skulu|þarf|þurfa"
)
IS_PRONOUNS = {
    "hann",
    "hún",
    "það",
    "þeir",
    "þær",
    "þau",
    "ég",
    "við",
    "þið",
    "þú",
    "þetta",
    "þess",
}
CAP_SEQ = r"(?<![\w.])([A-ZÁÉÍÓÚÝÞÆÖÐ][\w'’-]+(?:\s+[A-ZÁÉÍÓÚÝÞÆÖÐ][\w'’-]+)*)"
NOT_NAMES = set(
    EN_MONTHS
    + EN_DAYS
    + [
        "I",
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "In",
        "On",
        "At",
        "But",
        "And",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "If",
        "When",
        "As",
        "For",
        "After",
        "Before",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
    ]
)
NUM_RE = re.compile(r"(?<![\w.,])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)(?![\w])")
YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")


def _change_number(claim: str, rng: random.Random) -> str | None:
    cands = [m for m in NUM_RE.finditer(claim) if not YEAR_RE.fullmatch(m.group(1))]
    if not cands:
        return None
    m = cands[rng.randrange(len(cands))]
    tok = m.group(1)
    first = tok[0]
    if len(re.sub(r"\D", "", tok)) == 1:
        new = rng.choice([d for d in "23456789" if d != first])
    else:
        new = rng.choice([d for d in "123456789" if d != first])
    return claim[: m.start()] + new + tok[1:] + claim[m.end() :]


def _change_date(claim: str, rng: random.Random, months: list[str], days: list[str]) -> str | None:
    opts = []
    for m in YEAR_RE.finditer(claim):
        opts.append((m.start(), m.end(), str(int(m.group(1)) + rng.choice([-3, -2, -1, 1, 2, 3]))))
    for names in (months, days):
        for _i, w in enumerate(names):
            for m in re.finditer(rf"\b{re.escape(w)}", claim):
                if (
                    names is months
                    and w in ("May", "maí")
                    and not re.search(r"\d", claim[max(0, m.start() - 4) : m.end() + 4])
                ):
                    continue  # "may" the verb
                other = rng.choice([x for x in names if x != w])
                opts.append((m.start(), m.end(), other))
    if not opts:
        return None
    s, e, new = opts[rng.randrange(len(opts))]
    return claim[:s] + new + claim[e:]


def _names(text: str, must_appear_in: str | None = None) -> list[tuple[int, int, str]]:
    res = []
    for m in re.finditer(CAP_SEQ, text):
        name = m.group(1)
        if m.start() == 0 or name in NOT_NAMES or name.split()[0] in NOT_NAMES:
            continue
        if text[: m.start()].rstrip().endswith((".", "!", "?", '"', "“", "„", ":")):
            continue
        if must_appear_in is not None and name not in must_appear_in:
            continue
        res.append((m.start(), m.end(), name))
    return res


def _swap_name(
    claim: str, source: str, pool: list[str], rng: random.Random, same_form_in: str | None = None
) -> str | None:
    names = _names(claim, same_form_in)
    if not names:
        return None
    s, e, name = names[rng.randrange(len(names))]
    cands = [
        p
        for p in pool
        if p != name and p not in source and p not in claim and len(p.split()) == len(name.split())
    ]
    if not cands:
        return None
    return claim[:s] + rng.choice(cands) + claim[e:]


def _negate_en(claim: str) -> str | None:
    if re.search(r"\b(not|n't|never|no)\b", claim):
        return None
    m = re.search(rf"\b({EN_AUX})\b", claim)
    if m:
        w = m.group(1).split()
        return claim[: m.start()] + " ".join([w[0], "not", *w[1:]]) + claim[m.end() :]
    m = re.search(rf"\b({EN_AUX_PERFECT})\s+(\w+(?:ed|en|wn|ne|ld|ght|id|ade))\b", claim)
    if m:
        return claim[: m.end(1)] + " not" + claim[m.end(1) :]
    return None


def _negate_is(claim: str) -> str | None:
    if re.search(r"\b(ekki|aldrei|engin|enginn|ekkert)\b", claim):
        return None
    m = re.search(rf"(?<!\w)({IS_AUX})(?!\w)", claim)
    if not m:
        return None
    rest = claim[m.end() :]
    nxt = re.match(r"\s+(\w+)", rest)
    cut = m.end()
    if nxt and nxt.group(1).lower() in IS_PRONOUNS:
        cut = m.end() + nxt.end()
    return claim[:cut] + " ekki" + claim[cut:]


def _add_clause(claim: str, additions: list[str], rng: random.Random) -> str:
    body = claim.rstrip()
    end = ""
    if body and body[-1] in ".!?":
        body, end = body[:-1], body[-1]
    return body + rng.choice(additions) + end


def _swap_attribution(
    claim: str, source: str, speakers: list[str], rng: random.Random
) -> str | None:
    pats = [
        rf"{CAP_SEQ}\s+(?:said|says|told|added|stated|announced)\b",
        rf"\b(?:said|says|told|added)\s+{CAP_SEQ}",
        rf"\baccording to\s+(?:the\s+)?{CAP_SEQ}",
        r"\b([Hh]e|[Ss]he|[Tt]hey)\s+(?:said|says|told|added)\b",
        # a sentence-initial person name (two or more words) that later "says"/"said" something
        rf"^{CAP_SEQ}(?=[^.]*\b(?:says|said|told|added)\b)",
    ]
    for p in pats:
        for m in re.finditer(p, claim):
            name = m.group(1)
            if name in NOT_NAMES and name not in ("He", "She", "They"):
                continue
            if m.start(1) == 0 and p.startswith("^") and len(name.split()) < 2:
                continue
            cands = [s for s in speakers if s.lower() not in source.lower() and s != name]
            if not cands:
                return None
            new = rng.choice(cands)
            if m.start(1) == 0:
                new = new[0].upper() + new[1:]
            return claim[: m.start(1)] + new + claim[m.end(1) :]
    return None


KINDS_EN = ["number", "date", "name", "negation", "addition", "attribution"]
KINDS_IS = ["number", "date", "name", "negation", "addition"]


def _perturb(
    kind: str, claim: str, source: str, lang_claim: str, pools: dict, rng: random.Random
) -> str | None:
    en = lang_claim == "en"
    if kind == "number":
        return _change_number(claim, rng)
    if kind == "date":
        return _change_date(claim, rng, EN_MONTHS if en else IS_MONTHS, EN_DAYS if en else IS_DAYS)
    if kind == "name":
        # Only names that stand in the claim exactly as in the source (so real names, and for
        # Icelandic claims uninflected ones), swapped for another such name from the same split.
        return _swap_name(claim, source, pools["names"], rng, source)
    if kind == "negation":
        return _negate_en(claim) if en else _negate_is(claim)
    if kind == "addition":
        return _add_clause(claim, EN_ADDITIONS if en else IS_ADDITIONS, rng)
    if kind == "attribution":
        return _swap_attribution(claim, source, pools["speakers"], rng)
    raise ValueError(kind)


def load_pairs(wmt: str, pair: str) -> list[tuple[str, str, int]]:
    src_l, tgt_l = pair.split("-")
    src = read_text(wmt, WMT21_COMMIT, f"txt/sources/newstest2021.{pair}.src.{src_l}").splitlines()
    ref = read_text(
        wmt, WMT21_COMMIT, f"txt/references/newstest2021.{pair}.ref.A.{tgt_l}"
    ).splitlines()
    assert len(src) == len(ref), pair
    return [(s.strip(), r.strip(), i + 1) for i, (s, r) in enumerate(zip(src, ref, strict=False))]


def build_xling(wmt: str, out: Path, rng: random.Random) -> None:
    # (wmt pair, source side, claim side, n sentences for fit, n for test). Source and claim
    # may be either side of a pair: is-en gives Icelandic originals with English references.
    plans = [
        ("is-en", "is", "en", 100, 50),
        ("en-is", "en", "is", 50, 25),
        ("de-en", "de", "en", 50, 25),
    ]
    fit_rows, test_rows = [], []
    for pair, ls, lc, n_fit, n_test in plans:
        rows = load_pairs(wmt, pair)
        side = {pair.split("-")[0]: 0, pair.split("-")[1]: 1}
        # Split by position in the file: documents are contiguous, so the first 60 % of lines go
        # to fit and the last 35 % to test, with a 5 % gap between so no document straddles.
        n = len(rows)
        halves = {"fit": rows[: int(n * 0.60)], "test": rows[int(n * 0.65) :]}
        for split, part, want in (("fit", halves["fit"], n_fit), ("test", halves["test"], n_test)):
            cand = [
                (r[side[ls]], r[side[lc]], r[2])
                for r in part
                if 8 <= len(r[side[lc]].split()) <= 45 and r[0] and r[1]
            ]
            # name/speaker pools come from the same split only
            names = sorted({nm for s, c, _ in cand for _, _, nm in _names(c, s)})
            # speakers: fixed roles plus two-word person-like names (verbatim in source and claim)
            orgish = re.compile(
                r"(ic|ese|an|ish|Board|Association|University|Ministry|Council|News|Party"
                r"|Union|Court|Office|Bank|Police|Agency|Group|League)$"
            )
            speakers = (
                EN_SPEAKERS
                + sorted(
                    {
                        nm
                        for s, c, _ in cand
                        for _, _, nm in _names(c, s)
                        if len(nm.split()) == 2 and not any(orgish.search(w) for w in nm.split())
                    }
                )[:60]
            )
            pools = {"names": names, "speakers": speakers}
            kinds = KINDS_EN if lc == "en" else KINDS_IS
            local = random.Random(f"{SEED}-{pair}-{split}")
            local.shuffle(cand)
            counts = collections.Counter()
            made = []
            for s, c, line in cand:
                if len(made) >= 2 * want:
                    break
                options = []
                for k in kinds:
                    p = _perturb(k, c, s, lc, pools, random.Random(f"{SEED}-{pair}-{line}-{k}"))
                    if p and p != c:
                        options.append((k, p))
                if not options:
                    continue
                k, p = min(options, key=lambda kp: (counts[kp[0]], kinds.index(kp[0])))
                counts[k] += 1
                base = f"x-{split}-{ls}{lc}-{line:04d}"
                common = {
                    "lang_source": ls,
                    "lang_claim": lc,
                    "dataset": f"wmt21-newstest-{pair}",
                    "origin_id": f"newstest2021.{pair}:{line}",
                }
                made.append(
                    {
                        "id": base + "-true",
                        "source": s,
                        "claim": c,
                        "label": 1,
                        "error_kind": None,
                        **common,
                    }
                )
                made.append(
                    {
                        "id": f"{base}-{k}",
                        "source": s,
                        "claim": p,
                        "label": 0,
                        "error_kind": k,
                        **common,
                    }
                )
            (fit_rows if split == "fit" else test_rows).extend(made)
    write_jsonl(out / "xling-fit.jsonl", fit_rows)
    write_jsonl(out / "xling-test.jsonl", test_rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--summac",
        required=True,
        help=f"tingofurro/summac snapshot (git dir with commit {SUMMAC_COMMIT[:10]})",
    )
    ap.add_argument(
        "--xsum-annotations",
        required=True,
        help="google-research-datasets/xsum_hallucination_annotations snapshot",
    )
    ap.add_argument("--wmt21", required=True, help="wmt-conference/wmt21-news-systems snapshot")
    ap.add_argument("--out", default=str(Path(__file__).parent / "data"))
    a = ap.parse_args(argv)
    out = Path(a.out)
    build_english(a.summac, a.xsum_annotations, out, random.Random(SEED))
    build_xling(a.wmt21, out, random.Random(SEED))
    for f in sorted(out.glob("*.jsonl")):
        rows = [json.loads(x) for x in f.read_text(encoding="utf-8").splitlines()]
        lab = collections.Counter(r["label"] for r in rows)
        kinds = collections.Counter(r["error_kind"] for r in rows if r["label"] == 0)
        print(
            f"{f.name}: {len(rows)} ({lab[1]} supported / {lab[0]} not) "
            f"kinds={dict(sorted(kinds.items(), key=str))}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
