"""Convert the Arabic UD files in /work/shared/ud into stanza training data.

PADT v1.3 (UD v1, vocalized, syntactic words only) is turned into UD v2-style
CoNLL-U that looks like unvocalized news text:

* relations: dobj->obj, nsubjpass->nsubj:pass, csubjpass->csubj:pass,
  auxpass->aux:pass, neg->advmod, mwe->fixed, name->flat, foreign->flat,
  nmod under a VERB head -> obl; a sentence-initial و/ف that PADT v1 makes
  the root is demoted to ``cc`` of its (parataxis) child, which becomes root;
* tags: CONJ->CCONJ (SCONJ when it is a ``mark``), VERB in aux/cop -> AUX;
  features: Foreign=Foreign -> Foreign=Yes;
* FORM and LEMMA: vocalization (U+064B-U+0652, U+0670) and tatweel stripped,
  alef wasla -> alef;
* clitic groups: proclitics (و ف ل ب ك س) and pronoun suffixes (ه ها هم ...)
  are glued back to their host as a multiword-token range whose surface form
  follows the spelling rules (ل + ال -> لل, ة -> ت and ى -> ي before a
  suffix), and a ``# text`` line is rebuilt, so the tokenizer and the MWT
  expander can learn to split them;
* augmentation for news text: in a third of the sentences Arabic-Indic digits
  become ASCII digits and straight double quotes become “ ”.

PUD (UD v2, Google conventions: PROPN, different XPOS, clitics without MWT
ranges) is not mixed into the training data; it is written out unchanged
(diacritics stripped) as an extra out-of-domain evaluation file.

The documents (AFP_ARB_... ids) are split 80/10/10 into train/dev/test by
document, so that no held-out sentence shares a story with a training one.

Usage: python train/convert.py [--ud /work/shared/ud] [--out /work/work-train/data]
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

VOWELS = re.compile("[\u064B-\u0652\u0670\u0640]")
INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")

PROCLITICS = {"و", "ف", "ل", "ب", "ك", "س"}
SUFFIXES = {"ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "ي", "ني", "نا"}
NO_SPACE_BEFORE = set(".,،:;؛?؟!)]}%»")
NO_SPACE_AFTER = set("([{«")

RELMAP = {
    "dobj": "obj",
    "nsubjpass": "nsubj:pass",
    "csubjpass": "csubj:pass",
    "auxpass": "aux:pass",
    "neg": "advmod",
    "mwe": "fixed",
    "name": "flat",
    "foreign": "flat",
}


def strip(form: str) -> str:
    out = VOWELS.sub("", form).replace("\u0671", "\u0627")
    return out or form  # a bare tatweel used as punctuation stays


def read_conllu(path: Path):
    sents, comments, rows = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if rows:
                sents.append((comments, rows))
            comments, rows = [], []
        elif line.startswith("#"):
            comments.append(line)
        else:
            rows.append(line.split("\t"))
    if rows:
        sents.append((comments, rows))
    return sents


def convert_tree(rows):
    """UD v1 -> v2 relations and tags on a list of 10-column rows (no ranges)."""
    rows = [list(r) for r in rows]
    for r in rows:
        r[1] = strip(r[1])
        r[2] = strip(r[2])
        r[5] = r[5].replace("Foreign=Foreign", "Foreign=Yes")
        r[8] = "_"
    # sentence-initial conjunction as root: make its main child the root
    root = next((r for r in rows if r[7] == "root"), None)
    if root is not None and root[3] == "CONJ" and root[1] in ("و", "ف"):
        kids = [r for r in rows if r[6] == root[0]]
        main = [r for r in kids if r[7] in ("parataxis", "ccomp", "xcomp", "conj")]
        main = main or [r for r in kids if r[3] in ("VERB", "NOUN", "ADJ")]
        if main:
            new = main[0]
            new[6], new[7] = "0", "root"
            root[6], root[7] = new[0], "cc"
            for r in kids:
                if r is not new:
                    r[6] = new[0]
    byid = {r[0]: r for r in rows}
    for r in rows:
        rel = r[7]
        base, _, sub = rel.partition(":")
        if base in RELMAP:
            rel = RELMAP[base] + (":" + sub if sub and base not in ("nsubjpass", "auxpass", "csubjpass") else "")
        head = byid.get(r[6])
        if rel == "nmod" and head is not None and head[3] == "VERB":
            rel = "obl"
        r[7] = rel
        if r[3] == "CONJ":
            r[3] = "SCONJ" if rel == "mark" else "CCONJ"
        if r[3] == "VERB" and rel in ("aux", "aux:pass", "cop"):
            r[3] = "AUX"
        if rel == "advmod" and base == "neg" and "Polarity" not in r[5]:
            r[5] = "Polarity=Neg" if r[5] == "_" else "|".join(sorted(r[5].split("|") + ["Polarity=Neg"]))
    return rows


def glue(parts: list[str], kinds: list[str]) -> str:
    """Surface spelling of a clitic group; kinds: 'pro', 'host', 'suf'."""
    out = ""
    for i, (p, k) in enumerate(zip(parts, kinds)):
        if k == "host" and i > 0 and parts[i - 1] == "ل" and p.startswith("ال"):
            p = p[1:]  # ل + الحكومة -> للحكومة
        if k == "suf" and out:
            if out.endswith("ة"):
                out = out[:-1] + "ت"
            elif out.endswith("ى"):
                out = out[:-1] + "ي"
            elif out.endswith("وا"):
                out = out[:-1]
        out += p
    return out


def is_proclitic(r) -> bool:
    return r[1] in PROCLITICS and r[3] in ("CCONJ", "SCONJ", "ADP", "PART", "AUX")


def is_suffix(r) -> bool:
    return (r[1] in SUFFIXES and r[3] == "PRON" and r[4].startswith("SP")
            and ("Case=Gen" in r[5] or "Case=Acc" in r[5]))


def group_tokens(rows):
    """Split a sentence's words into tokens: lists of row indices."""
    n = len(rows)
    groups, cur = [], []
    for i, r in enumerate(rows):
        cur.append(i)
        nxt = rows[i + 1] if i + 1 < n else None
        if nxt is None:
            break
        if is_proclitic(r) and nxt[3] != "PUNCT":
            continue
        if is_suffix(nxt) and r[3] != "PUNCT":
            continue
        groups.append(cur)
        cur = []
    if cur:
        groups.append(cur)
    return groups


def render(sent_id, comments, rows, augment: bool) -> str:
    if augment:
        quote_open = True
        for r in rows:
            r[1] = r[1].translate(INDIC)
            r[2] = r[2].translate(INDIC)
            if r[1] == '"':
                r[1] = r[2] = "“" if quote_open else "”"
                quote_open = not quote_open
    groups = group_tokens(rows)
    tokens = []
    for g in groups:
        if len(g) == 1:
            tokens.append((rows[g[0]][1], g))
        else:
            kinds = []
            host_seen = False
            for i in g:
                if not host_seen and is_proclitic(rows[i]) and i != g[-1]:
                    kinds.append("pro")
                elif host_seen and is_suffix(rows[i]):
                    kinds.append("suf")
                else:
                    kinds.append("host")
                    host_seen = True
            tokens.append((glue([rows[i][1] for i in g], kinds), g))
    # rebuild the raw text and SpaceAfter
    text = ""
    space_after = []
    quote_open = True
    for k, (surf, g) in enumerate(tokens):
        nxt = tokens[k + 1][0] if k + 1 < len(tokens) else None
        sp = True
        if nxt is None:
            sp = False
        elif surf in NO_SPACE_AFTER or nxt in NO_SPACE_BEFORE:
            sp = False
        elif surf in ('"', "“") and quote_open:
            sp = False
        elif nxt in ('"', "”") and not (nxt == '"' and quote_open):
            sp = False
        if surf == '"':
            quote_open = not quote_open
        elif surf == "“":
            quote_open = False
        elif surf == "”":
            quote_open = True
        space_after.append(sp)
        text += surf + (" " if sp else "")
    lines = [f"# sent_id = {sent_id}"] + [c for c in comments if c.startswith("# orig_file")] + [f"# text = {text}"]
    for (surf, g), sp in zip(tokens, space_after):
        misc = "_" if sp else "SpaceAfter=No"
        if len(g) > 1:
            lines.append(f"{rows[g[0]][0]}-{rows[g[-1]][0]}\t{surf}\t_\t_\t_\t_\t_\t_\t_\t{misc}")
            for i in g:
                lines.append("\t".join(rows[i]))
        else:
            r = list(rows[g[0]])
            r[9] = misc
            lines.append("\t".join(r))
    return "\n".join(lines) + "\n\n"


def doc_of(comments, default):
    for c in comments:
        if c.startswith("# orig_file_sentence"):
            return c.split()[-1].split("#")[0]
    return default


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ud", default="/work/shared/ud")
    ap.add_argument("--out", default="/work/work-train/data")
    ap.add_argument("--seed", type=int, default=20261203)
    args = ap.parse_args(argv)
    ud, out = Path(args.ud), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    sents = []
    for name in ("padt-v1.3-dev.conllu", "padt-v1.3-test.conllu"):
        for k, (comments, rows) in enumerate(read_conllu(ud / name)):
            sents.append((doc_of(comments, f"{name}-{k}"), f"{name.split('.')[1]}-{k}", comments, rows))
    docs = sorted({d for d, *_ in sents})
    rng = random.Random(args.seed)
    rng.shuffle(docs)
    n = len(docs)
    test_docs = set(docs[: n // 10])
    dev_docs = set(docs[n // 10: n // 5])
    splits = {"train": [], "dev": [], "test": []}
    for k, (doc, sid, comments, rows) in enumerate(sents):
        split = "test" if doc in test_docs else "dev" if doc in dev_docs else "train"
        rows = convert_tree(rows)
        augment = split == "train" and k % 3 == 0
        splits[split].append(render(sid, comments, rows, augment))
    for split, items in splits.items():
        (out / f"ar_padt.{split}.conllu").write_text("".join(items), encoding="utf-8")
        words = sum(s.count("\n") for s in items)
        print(f"{split}: {len(items)} sentences, ~{words} lines")

    # PUD: v2 already; strip vocalization from FORM/LEMMA, keep as extra eval
    pud = []
    for comments, rows in read_conllu(ud / "pud-test.conllu"):
        lines = [c for c in comments if c.startswith(("# sent_id", "# text"))]
        for r in rows:
            if "-" not in r[0]:
                r[1], r[2] = strip(r[1]), strip(r[2])
            lines.append("\t".join(r))
        pud.append("\n".join(lines) + "\n\n")
    (out / "ar_pud.test.conllu").write_text("".join(pud), encoding="utf-8")
    print(f"pud: {len(pud)} sentences")


if __name__ == "__main__":
    main()
