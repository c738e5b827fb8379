"""The pipeline: news articles in, a cited bilingual briefing out, one module a step.

In the order a run goes through them (`pipeline.generate`, then `build.build`):

    pipeline       the entry every caller uses; the run memo may serve a run whole
    options        what a run is asked (`Options`): read by the entry, the build, the memo
    run_memo       a finished run's briefing, remembered under all that determines it
    build          runs the steps below in this order and assembles the briefing
    reading        read: each sentence's English gloss, embedding and typed values
    align          link: sentences of two sources that report the same thing
    chunk          chunk: each source's sentences in token-budgeted chunks
    select         extract: which sentences of a chunk get a statement
    quoted         extract: lines of a quotation, their speaker found by code (read once)
    kinds          extract: each sentence's kind, by code where it is sure
    holders        extract: who holds a sentence (pronouns, titles, verbs of saying)
    descriptions   extract: a description ("der 61-Jährige") and the name it means
    article_names  extract: an article's names, read once for holders and descriptions
    speakers       extract: an Icelandic sentence's holder, from its parse
    answers        extract: the shape of the model's answer (`Point`)
    extract        extract: the model labels and states each sentence code selected
    found          the statement in flight (`Found`), which extract hands to every later step
    verify         verify: each statement checked against its cited sentences
    voice          voice: the briefing's own voice; whom a statement means is named
    crosscite      cross-cite: a statement cited in another language's source too
    actors         one label per actor: "Trump" and "Donald Trump" are one
    merge          merge: one item per fact across sources and languages
    disagree       disagree: where the sources give one value differently, or deny a deal
    originals      originals: facts no verified statement states, kept as their sentence
    translate      translate: English beside such a sentence of a language with no glosser
    write          write (--write-icelandic): an Icelandic line, published through the gate
    context        background: the few context items a reader most needs, the rest dropped
    localize       localize: each line in every output language, none written by the model
    lead           lead: what the briefing opens with

`briefing.render` then writes the briefing out. No step imports a step of a later phase
(read and link < extract < verify < voice < cross-cite < merge < write, localize and
lead < build < pipeline): a contract in pyproject.toml that `lint-imports` checks.

Beside the flow: `progress` (a bar per stage), `stories` and `daily` (a day's articles
grouped into stories, each briefed through `pipeline`), and `schema_export` (the JSON
Schemas in `schemas/`).
"""
