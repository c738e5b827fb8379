"""The embedded model's kind against the classifier's, where the classifier is unsure.

On the held-out (`test`) labelled articles, every sentence the classifier is not sure of
is asked of the model as extract asks a served model: the article's numbered sentences,
"Report sentence [n]", and the kind read from label probabilities after '{"kind": "'.
Prints, per language, how many of those sentences each gets right; `--out` keeps one
JSON line per sentence. Run it under the model lock:

    flock /tmp/briefing-model.lock python evals/sections/model_labels.py
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from briefing.core.languages import language_name
from briefing.eval.kinds_eval import read_rows
from briefing.ingest.read import load_sources
from briefing.lang.names import names_in
from briefing.llm.embedded import EmbeddedLLM
from briefing.llm.structured import AskOptions, rank
from briefing.prompts import PromptSet
from briefing.stages.extract import NO_ACTOR
from briefing.stages.kinds import KINDS, kinds_of

HERE = Path(__file__).parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE / "labels.jsonl")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    rows = read_rows(args.data, "test")
    wanted = {(r.article, r.n): r.kind for r in rows}
    llm, prompts = EmbeddedLLM(), PromptSet()
    system = prompts.render("extract.system", max_words=16)
    right: Counter[tuple[str, str]] = Counter()
    lines = []
    for article in sorted({r.article for r in rows}):
        source = load_sources([HERE / "articles" / f"{article}.md"])[0]
        kinds = kinds_of(source.sentences, source)
        texts = [(n, " ".join(s.text.split())) for n, s in enumerate(source.sentences, 1)]
        actors = [*names_in([t for _, t in texts]), NO_ACTOR]
        for n, text in texts:
            code = kinds[source.sentences[n - 1].id]
            if code.sure:
                continue
            user = prompts.render(
                "extract.user", source=source, language_name=language_name(source.language),
                glossed=False, actors=actors, sentences=texts, asked=(n, text), parsed=None,
            )  # fmt: skip
            messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
            options = AskOptions(max_tokens=1, stage="extract", label=f"{article} {n}")
            model = rank(llm, messages, KINDS, options, prefix='{"kind": "')[0]
            want = wanted[(article, n)]
            for who, kind in (("classifier", code.kind), ("model", model)):
                right[(source.language, who)] += kind == want
            right[(source.language, "n")] += 1
            lines.append({"article": article, "n": n, "kind": want, "classifier": code.kind,
                          "model": model, "text": text})  # fmt: skip
    print("language  unsure  classifier right  model right")
    for lang in [*sorted({lang for lang, _ in right}), "all"]:
        pick = [k for k in right if lang in (k[0], "all")]
        n, c, m = (sum(right[k] for k in pick if k[1] == w) for w in ("n", "classifier", "model"))
        print(f"{lang:<9} {n:>6}  {c:>16}  {m:>11}")
    if args.out:
        args.out.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))


if __name__ == "__main__":
    main()
