"""Score the trained Arabic models on the held-out PADT test slice.

Two figures, both with the CoNLL 2018 shared-task scorer that stanza uses
(``stanza.models.common.utils.ud_scores``):

* ``end-to-end``: the full pipeline (tokenize, mwt, pos, lemma, depparse) on
  the raw test text, against the gold CoNLL-U: what the backend delivers;
* ``gold-tokens``: pos, lemma and depparse on the gold words (tokenizer and
  MWT errors excluded), for comparison with published figures.

A third line scores the gold-token parse of UD Arabic-PUD, out of domain and
annotated with other conventions (PROPN, Google XPOS): only a rough check.

Usage: python train/evaluate.py --models DIR --data DIR --out DIR
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

METRICS = ("Tokens", "Words", "UPOS", "Lemmas", "UAS", "LAS")


def pipeline(models: Path, pretokenized: bool = False):
    import stanza

    kwargs = dict(
        lang="ar",
        dir=str(models),
        download_method=None,
        allow_unknown_language=True,
        resources_filepath=str(models / "resources.json"),
        use_gpu=False,
        logging_level="ERROR",
        pos_model_path=str(models / "pos.pt"),
        lemma_model_path=str(models / "lemma.pt"),
        depparse_model_path=str(models / "depparse.pt"),
    )
    if pretokenized:
        kwargs.update(processors="tokenize,pos,lemma,depparse", tokenize_pretokenized=True)
    else:
        kwargs.update(
            processors="tokenize,mwt,pos,lemma,depparse",
            tokenize_model_path=str(models / "tokenize.pt"),
            mwt_model_path=str(models / "mwt.pt"),
        )
    return stanza.Pipeline(**kwargs)


def score(gold: Path, system: Path) -> dict[str, float]:
    from stanza.models.common.utils import ud_scores

    s = ud_scores(str(gold), str(system))
    return {m: round(100 * s[m].f1, 2) for m in METRICS if m in s}


def gold_words(gold: Path) -> list[list[str]]:
    """The gold syntactic words of each sentence (pretokenized input)."""
    from stanza.utils.conll import CoNLL

    doc = CoNLL.conll2doc(input_file=str(gold))
    return [[w.text for w in sent.words] for sent in doc.sentences]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", default="/work/work-train/models")
    ap.add_argument("--data", default="/work/work-train/data")
    ap.add_argument("--out", default="/work/work-train/pred")
    ap.add_argument("--split", default="test")
    args = ap.parse_args(argv)
    models, data, out = Path(args.models), Path(args.data), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if not (models / "resources.json").is_file():
        (models / "resources.json").write_text("{}\n", encoding="utf-8")
    from stanza.utils.conll import CoNLL

    results = {}
    gold = data / f"ar_padt.{args.split}.conllu"

    # end to end, from the raw text rebuilt by convert.py
    text = "\n\n".join(
        line[len("# text = "):] for line in gold.read_text(encoding="utf-8").splitlines()
        if line.startswith("# text = ")
    )
    doc = pipeline(models)(text)
    sys_file = out / f"e2e.{args.split}.conllu"
    CoNLL.write_doc2conll(doc, str(sys_file))
    results["padt end-to-end"] = score(gold, sys_file)

    # gold tokens
    nlp = pipeline(models, pretokenized=True)
    for name, g in (("padt gold-tokens", gold), ("pud gold-tokens", data / "ar_pud.test.conllu")):
        if not g.is_file():
            continue
        doc = nlp(gold_words(g))
        sys_file = out / f"gold-tok.{g.stem}.conllu"
        CoNLL.write_doc2conll(doc, str(sys_file))
        # the scorer aligns on tokens: drop the multiword-token lines of the
        # gold file too, so that both sides have the gold words as tokens
        words_only = out / f"gold-words.{g.stem}.conllu"
        words_only.write_text("".join(
            line for line in g.read_text(encoding="utf-8").splitlines(keepends=True)
            if not line.split("\t", 1)[0].replace("-", "", 1).isdigit() or "-" not in line.split("\t", 1)[0]
        ), encoding="utf-8")
        results[name] = score(words_only, sys_file)

    for name, r in results.items():
        print(f"{name:20s} " + "  ".join(f"{m} {v:6.2f}" for m, v in r.items()))
    (out / f"scores.{args.split}.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
