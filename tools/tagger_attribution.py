"""Experiment: an averaged structured perceptron (BIO tags, Viterbi) for attribution cues
and sources, stacked on the rules' own predictions, trained on the PolNeAR train split.

Usage::

    .venv/bin/python tools/tagger_attribution.py [--train DIR] [--folds 5] [--epochs 8]
        [--dev DIR]   # score once on dev (only after tuning on train is finished)

Each sentence of a train article (``scope="page"``) is a sequence of tokens
(``medialit``'s own tokenizer); each token gets one of five tags: ``O``, ``B-CUE``,
``I-CUE``, ``B-SRC``, ``I-SRC`` (a token that overlaps a gold Cue or Source span of the
first annotator). Features: the word lower-cased, its suffixes, shape, the words and
shapes two to each side, whether the word starts a form of ``reporting_verbs.csv`` (and
that form's rule), inside a quotation, the distance to the nearest quotation mark, and
the tag the rule-based detector gives the token and its neighbours (stacking). Cue and
source spans are read off the tags and scored with ``benchmarks/eval_attribution.py``'s
matching (overlap and exact), against the rules on the same articles.

The figures are five-fold cross-validated over the train articles (fixed seed); the dev
split is only read with ``--dev``, once, at the end. The texts stay in ``../shared``.

Result (6 epochs, seed 13; ``--folds 5`` then ``--dev ../shared/polnear-dev``), F1
by overlap / exact. "stacked" is what the detector would return: rule findings kept where
the tagger marks their cue, tagger-only cues added, sources paired with cues.

=================  ===========  ===========  ===========  ===========
                   cue overlap  cue exact    src overlap  src exact
=================  ===========  ===========  ===========  ===========
train, rules       0.718        0.644        0.721        0.642
train cv5, tagger  0.745        0.661        0.750        0.669
train cv5, stacked 0.745        0.661        0.716        0.642
dev, rules         0.802        0.718        0.787        0.724
dev, tagger        0.784        0.702        0.805        0.742
dev, stacked       0.784        0.702        0.762        0.707
=================  ===========  ===========  ===========  ===========

Cue precision on dev: rules 0.894, tagger 0.882. The gain on train does not carry over
to dev, so the tagger does not ship. It would also cost speed: building its features in
pure Python is about half as fast as the whole rule detector.
"""

from __future__ import annotations

import argparse
import bisect
import pickle
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_attribution import load_brat, match, prf  # noqa: E402

from medialit.detect.attribution import scan  # noqa: E402
from medialit.detect.attribution.lexicon import _cue_rules, _words  # noqa: E402
from medialit.detect.attribution.quotes import _all_quotation_spans, _Quotes  # noqa: E402
from medialit.detect.attribution.tokens import _is_name_tok, _sentence  # noqa: E402
from medialit.text.article import Article  # noqa: E402
from medialit.text.segmentation import split_sentences  # noqa: E402

SHARED = ROOT.parent / "shared"
TAGS = ("O", "B-CUE", "I-CUE", "B-SRC", "I-SRC")
SEED = 13
_QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``"})


class Sent(NamedTuple):
    """One sentence: token offsets, features per token, gold tags (ids)."""

    doc: int
    starts: list[int]
    ends: list[int]
    feats: list[list[str]]
    gold: list[int]


def _shape(tok: str) -> str:
    if not tok[:1].isalnum():
        return tok if tok in _QUOTE_MARKS or tok in ",.:;()-—" else "P"
    if tok.isdigit():
        return "D"
    if tok.isupper() and len(tok) > 1:
        return "XX"
    return "Xx" if tok[:1].isupper() else "x"


def _first_words() -> dict[str, str]:
    """First word of each lexicon cue form -> the rule of its one-word form (or 'multi')."""
    out: dict[str, str] = {}
    for form, rule in _cue_rules().items():
        first = form.split()[0]
        if form == first:
            out[first] = rule.rule
        else:
            out.setdefault(first, "multi")
    return out


def _tag_spans(starts: list[int], ends: list[int], spans: Sequence[tuple[int, int]]) -> list[int]:
    """0 outside, 1 for the first token of a span, 2 inside it."""
    out = [0] * len(starts)
    for s, e in spans:
        first = True
        for i in range(bisect.bisect_left(ends, s + 1), len(starts)):
            if starts[i] >= e:
                break
            out[i] = 1 if first else 2
            first = False
    return out


def sentence_features(
    text: str,
    starts: list[int],
    ends: list[int],
    toks: list[str],
    rule_cue: list[int],
    rule_src: list[int],
    in_quote: list[bool],
) -> list[list[str]]:
    """The features of every token of one sentence (see the module docstring)."""
    w = _words()
    first = _first_words()
    n = len(toks)
    low = [t.lower() for t in toks]
    shape = [_shape(t) for t in toks]
    rtag = [
        ("C" if c else "S" if s else "O") + ("b" if (c or s) == 1 else "i" if (c or s) else "")
        for c, s in zip(rule_cue, rule_src, strict=True)
    ]
    qpos = [i for i, t in enumerate(toks) if t in _QUOTE_MARKS]
    pad_low = ["<s2>", "<s1>", *low, "</s1>", "</s2>"]
    pad_shape = ["<s>", "<s>", *shape, "</s>", "</s>"]
    pad_r = ["<s>", "<s>", *rtag, "</s>", "</s>"]
    out = []
    for i in range(n):
        word = low[i]
        j = i + 2
        f = [
            "b",
            "w=" + word,
            "s3=" + word[-3:],
            "s2=" + word[-2:],
            "sh=" + shape[i],
            "p1=" + pad_low[j - 1],
            "p2=" + pad_low[j - 2],
            "n1=" + pad_low[j + 1],
            "n2=" + pad_low[j + 2],
            "psh=" + pad_shape[j - 1] + pad_shape[j - 2],
            "nsh=" + pad_shape[j + 1] + pad_shape[j + 2],
            "p1w=" + pad_low[j - 1] + "|" + word,
            "wn1=" + word + "|" + pad_low[j + 1],
            "r=" + rtag[i],
            "rp=" + pad_r[j - 1],
            "rn=" + pad_r[j + 1],
            "rpn=" + pad_r[j - 1] + pad_r[j] + pad_r[j + 1],
            "rw=" + rtag[i] + word,
            "q=" + str(in_quote[i]),
        ]
        lex = first.get(word)
        if lex is not None:
            f.append("lex=" + lex)
            f.append("lexq=" + lex + str(in_quote[i]))
        if _is_name_tok(toks[i], w):
            f.append("name")
        if word in w.pronoun or word in w.subject_pronoun:
            f.append("pron")
        if i == 0:
            f.append("first")
        if i == n - 1 or (i == n - 2 and shape[-1] in ".!?"):
            f.append("last")
        if qpos:
            k = bisect.bisect_left(qpos, i)
            before = i - qpos[k - 1] if k > 0 else 99
            after = qpos[k] - i if k < len(qpos) else 99
            if qpos and k < len(qpos) and qpos[k] == i:
                before = after = 0
            f.append("qb=" + _bucket(before))
            f.append("qa=" + _bucket(after))
        out.append(f)
    return out


def _bucket(d: int) -> str:
    return str(d) if d <= 3 else "4-6" if d <= 6 else "7-12" if d <= 12 else "far"


def prepare(folder: Path) -> tuple[list, list[Sent], list[dict[str, list]]]:
    """Docs, sentences with features, and the rules' spans per doc."""
    docs = load_brat(folder)
    sents: list[Sent] = []
    rules: list[dict[str, list]] = []
    for k, doc in enumerate(docs):
        text = doc.text
        article = Article.from_text(text)
        spans = article.spans("page")
        found = scan._find_in_spans(text, spans, scan._known_sentences(article))
        rc = sorted((f.cue_start, f.cue_end) for f in found)
        rs = sorted((f.source_start, f.source_end) for f in found if f.source_start >= 0)
        pairs = [((f.cue_start, f.cue_end), (f.source_start, f.source_end)) for f in found]
        rules.append({"Cue": rc, "Source": rs, "pairs": pairs})
        quotes = _Quotes(_all_quotation_spans(text, spans))
        for start, end in spans:
            for s0, s1 in split_sentences(text, start, end):
                sent = _sentence(text, s0, s1)
                if not sent.toks:
                    continue
                st, en = sent.starts, sent.ends
                gc = _tag_spans(st, en, doc.gold["Cue"])
                gs = _tag_spans(st, en, doc.gold["Source"])
                gold = [
                    (1 if c == 1 else 2) if c else (3 if s == 1 else 4) if s else 0
                    for c, s in zip(gc, gs, strict=True)
                ]
                inq = [quotes.containing(a) is not None for a in st]
                feats = sentence_features(
                    text, st, en, sent.toks, _tag_spans(st, en, rc), _tag_spans(st, en, rs), inq
                )
                sents.append(Sent(k, st, en, feats, gold))
    return docs, sents, rules


# --- the structured perceptron -------------------------------------------------------


class Model(NamedTuple):
    index: dict[str, int]
    emit: np.ndarray  # [features, tags]
    trans: np.ndarray  # [tags + 1 (start), tags]


def _ids(sents: Sequence[Sent], index: dict[str, int]) -> list[list[np.ndarray]]:
    return [
        [np.fromiter((index[f] for f in fs if f in index), dtype=np.int64) for fs in s.feats]
        for s in sents
    ]


def viterbi(scores: np.ndarray, trans: np.ndarray) -> list[int]:
    """Best tag sequence for emission ``scores`` [n, T] and transitions [T + 1, T]."""
    n, t = scores.shape
    back = np.zeros((n, t), dtype=np.int64)
    best = trans[-1] + scores[0]
    for i in range(1, n):
        cand = best[:, None] + trans[:-1]
        back[i] = cand.argmax(0)
        best = cand.max(0) + scores[i]
    path = [int(best.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i][path[-1]]))
    return path[::-1]


def _scores(ids: list[np.ndarray], emit: np.ndarray) -> np.ndarray:
    return np.stack([emit[x].sum(0) for x in ids])


def train(sents: Sequence[Sent], epochs: int, seed: int = SEED, min_count: int = 1) -> Model:
    """Averaged structured perceptron (Collins 2002), a fixed shuffle per epoch."""
    counts: dict[str, int] = {}
    for s in sents:
        for fs in s.feats:
            for f in fs:
                counts[f] = counts.get(f, 0) + 1
    index = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    ids = _ids(sents, index)
    t = len(TAGS)
    emit = np.zeros((len(index), t))
    trans = np.zeros((t + 1, t))
    emit_sum = np.zeros_like(emit)  # the lazy averaging trick: sum of c * update
    trans_sum = np.zeros_like(trans)
    rng = random.Random(seed)
    order = list(range(len(sents)))
    c = 1
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            gold = sents[k].gold
            pred = viterbi(_scores(ids[k], emit), trans)
            if pred != gold:
                prev_g = prev_p = t
                for i, (g, p) in enumerate(zip(gold, pred, strict=True)):
                    if g != p:
                        x = ids[k][i]
                        emit[x, g] += 1
                        emit[x, p] -= 1
                        emit_sum[x, g] += c
                        emit_sum[x, p] -= c
                    if g != p or prev_g != prev_p:
                        trans[prev_g, g] += 1
                        trans[prev_p, p] -= 1
                        trans_sum[prev_g, g] += c
                        trans_sum[prev_p, p] -= c
                    prev_g, prev_p = g, p
            c += 1
    return Model(index, emit - emit_sum / c, trans - trans_sum / c)


def spans_of(tags: list[int], starts: list[int], ends: list[int]) -> dict[str, list]:
    out: dict[str, list] = {"Cue": [], "Source": []}
    cur: list | None = None
    cur_label = ""
    for i, tag in enumerate(tags):
        label = "Cue" if tag in (1, 2) else "Source" if tag in (3, 4) else ""
        begin = tag in (1, 3)
        if label and cur is not None and cur_label == label and not begin:
            cur[1] = ends[i]
            continue
        if cur is not None:
            out[cur_label].append(tuple(cur))
            cur = None
        if label:
            cur, cur_label = [starts[i], ends[i]], label
    if cur is not None:
        out[cur_label].append(tuple(cur))
    return out


def predict(model: Model, sents: Sequence[Sent]) -> dict[int, dict[str, list]]:
    ids = _ids(sents, model.index)
    out: dict[int, dict[str, list]] = {}
    for s, x in zip(sents, ids, strict=True):
        tags = viterbi(_scores(x, model.emit), model.trans)
        d = out.setdefault(s.doc, {"Cue": [], "Source": []})
        for label, spans in spans_of(tags, s.starts, s.ends).items():
            d[label].extend(spans)
    return out


def assemble(tagged: dict[str, list], rules: dict[str, list]) -> dict[str, list]:
    """What the detector would return with the tagger as a second opinion: a rule finding
    is kept only where the tagger marks its cue, with the tagger's span boundaries (its
    source only where the tagger marks a source over the rules' one); a tagger cue with
    no rule finding takes the nearest tagger source before it (else after it) nearby;
    sources that no cue claims are not returned."""
    out: dict[str, list] = {"Cue": [], "Source": []}
    srcs = sorted(tagged["Source"])
    used_rule: set[int] = set()
    for cs, ce in sorted(tagged["Cue"]):
        hit = [k for k, ((a, b), _) in enumerate(rules["pairs"]) if a < ce and cs < b]
        out["Cue"].append((cs, ce))
        src = None
        if hit:
            used_rule.update(hit)
            ra, rb = rules["pairs"][hit[0]][1]
            if ra >= 0:  # the tagger's span of the rules' source; none if it sees none
                src = next(((a, b) for a, b in srcs if a < rb and ra < b), None)
        else:
            before = [(a, b) for a, b in srcs if b <= cs and cs - b < 150]
            after = [(a, b) for a, b in srcs if a >= ce and a - ce < 60]
            src = before[-1] if before else after[0] if after else None
        if src is not None:
            out["Source"].append(src)
    return out


def score(docs, preds: dict[int, dict[str, list]], which: Sequence[int]) -> dict:
    counts = {(lab, m): [0, 0, 0] for lab in ("Cue", "Source") for m in ("overlap", "exact")}
    for k in which:
        for (lab, mode), c in counts.items():
            p = sorted(preds.get(k, {}).get(lab, []))
            g = docs[k].gold[lab]
            tp, _, _ = match(p, g, exact=mode == "exact")
            c[0] += tp
            c[1] += len(p)
            c[2] += len(g)
    return counts


def report(name: str, counts: dict) -> None:
    parts = []
    for (lab, mode), c in counts.items():
        p, r, f = prf(*c)
        parts.append(f"{lab[:3]} {mode[:3]} P {p:.3f} R {r:.3f} F {f:.3f}")
    print(f"{name:10} " + " | ".join(parts), flush=True)


def _cached(folder: Path):
    cache = Path("/tmp") / f"tagger-{folder.name}.pkl"
    if cache.exists() and cache.stat().st_mtime > max(
        p.stat().st_mtime for p in (ROOT / "src").rglob("*.py")
    ):
        return pickle.loads(cache.read_bytes())
    data = prepare(folder)
    cache.write_bytes(pickle.dumps(data))
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", type=Path, default=SHARED / "polnear-train")
    parser.add_argument("--dev", type=Path, default=None, help="score once on this split")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--min-count", type=int, default=1)
    args = parser.parse_args(argv)
    t0 = time.time()
    docs, sents, rules = _cached(args.train)
    print(f"{len(docs)} train articles, {len(sents)} sentences ({time.time() - t0:.0f} s)")
    everything = range(len(docs))
    report("rules", score(docs, dict(enumerate(rules)), everything))
    if args.dev is None:
        order = list(everything)
        random.Random(SEED).shuffle(order)
        preds: dict[int, dict[str, list]] = {}
        for fold in range(args.folds):
            held = set(order[fold :: args.folds])
            model = train(
                [s for s in sents if s.doc not in held], args.epochs, SEED, args.min_count
            )
            preds.update(predict(model, [s for s in sents if s.doc in held]))
            print(f"  fold {fold + 1}/{args.folds} ({time.time() - t0:.0f} s)", flush=True)
        report(f"tagger cv{args.folds}", score(docs, preds, everything))
        empty = {"Cue": [], "Source": []}
        both = {k: assemble(preds.get(k, empty), rules[k]) for k in everything}
        report("stacked cv", score(docs, both, everything))
        return 0
    model = train(sents, args.epochs, SEED, args.min_count)
    ddocs, dsents, drules = _cached(args.dev)
    report("dev rules", score(ddocs, dict(enumerate(drules)), range(len(ddocs))))
    t1 = time.perf_counter()
    dpred = predict(model, dsents)
    took = time.perf_counter() - t1
    words = sum(len(d.text.split()) for d in ddocs)
    report("dev tagger", score(ddocs, dpred, range(len(ddocs))))
    both = {
        k: assemble(dpred.get(k, {"Cue": [], "Source": []}), drules[k]) for k in range(len(ddocs))
    }
    report("dev stacked", score(ddocs, both, range(len(ddocs))))
    print(f"tagging (features already built): {words / took:,.0f} words/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
