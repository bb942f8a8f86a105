"""Learn the numbers behind medialit's attribution detector from the PolNeAR train split.

Usage::

    .venv/bin/python tools/train_attribution.py [--train ../shared/polnear-train]

It writes two data files, both counts over the train split only:

``data/lexicons/cue_rule_overrides.csv``: lexicon forms whose rule the train split
shows too strict or too loose. A form whose rule turned down at least 6 occurrences,
half or more of them PolNeAR cues, counts on its own (``any_active``: "concluded",
"described"; the bar was 70% until issue 13 showed that half lifts cue recall on
train more than it costs precision); a form whose finds (8 or more) were right less
than 20% of the time is dropped ("attacks", "rules": nouns in news). Participles keep
their own speaker rule, and ``state`` cues ("is confident") their "be".

``data/lexicons/cue_boundaries.csv``: where a cue's span ends, learned from
how PolNeAR's annotators drew it. For each cue the rules find, the script looks at the
words right after it ("said" + ":", "called" + "for", "said" + "in a statement") and at
a cue that ends in "to" ("wants to"), and counts, over the train split only, how often
the gold cue takes those words in. A row is kept when at least ``--min-count``
examples back it and more than half of them agree. The counts ship as the data file
(with PolNeAR credited in ``data/CREDITS.md``); the article texts never leave
``../shared``. Run it again after a rule change; the dev split is never read here.

``--try-learned-cues`` repeats an experiment that did not make it into medialit: a
logistic regression (numpy) over a word, its neighbours and the source the rules
would give it, for words the rules do not know but PolNeAR often marks ("calling",
"referring", "appears"). It prints the five-fold cross-validated curve. At the
threshold where its held-out cues are right as often as the rules' (0.84), it adds
about 400 cues on train and 5 on dev (3 right); at its best-F1 threshold its cues are
right only about half the time, which would take cue precision below the 0.85 target.

``tools/tagger_attribution.py`` is a second experiment that did not make it either: an
averaged structured perceptron (BIO tags for cue and source, Viterbi) stacked on the
rules' own tags. Five-fold cross-validated on train it beats the rules (cue overlap F1
0.745 against 0.718, source 0.750 against 0.721), but on dev its cues fall below the
rules' (0.784 against 0.802) and, once its spans are paired into attributions, so do its
sources (0.762 against 0.787). Its docstring gives the figures and the command.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_attribution import load_brat  # noqa: E402

from medialit.detect.attribution import cues, lexicon, scan  # noqa: E402
from medialit.detect.attribution.lexicon import (  # noqa: E402
    CueRule,
    _Words,
    _words,
)
from medialit.detect.attribution.quotes import _all_quotation_spans, _Quotes  # noqa: E402
from medialit.detect.attribution.scan import _find_in_spans, _known_sentences  # noqa: E402
from medialit.detect.attribution.sources import _find_source  # noqa: E402
from medialit.detect.attribution.tokens import (  # noqa: E402
    _sentence,
    _token_regex,
)
from medialit.text.article import Article  # noqa: E402
from medialit.text.segmentation import split_sentences  # noqa: E402

DEFAULT_TRAIN = ROOT.parent / "shared" / "polnear-train"
OUT = ROOT / "data" / "lexicons" / "cue_boundaries.csv"
OVERRIDES_OUT = ROOT / "data" / "lexicons" / "cue_rule_overrides.csv"
MAX_WORDS = 4  # the longest run of words after a cue that may join it ("in a statement")
SOURCE = "PolNeAR train split (Newell, Margolin & Ruths 2018), counts by tools/train_attribution.py"


def _next_tokens(text: str, end: int, limit: int) -> list[tuple[str, int]]:
    """Up to MAX_WORDS tokens after ``end`` in the same line: (lower-cased text, end offset)."""
    out = []
    for m in _token_regex().finditer(text, end, limit):
        if "\n" in text[end : m.start()]:
            break
        out.append((m.group().lower(), m.end()))
        if len(out) == MAX_WORDS:
            break
    return out


def gather(folder: Path) -> tuple[Counter, Counter, Counter, Counter]:
    """(seen, taken) counts for (cue lemma, following words) and for a trailing "to"."""
    seen: Counter[tuple[str, str]] = Counter()
    taken: Counter[tuple[str, str]] = Counter()
    to_seen: Counter[str] = Counter()
    to_cut: Counter[str] = Counter()
    for doc in load_brat(folder):
        article = Article.from_text(doc.text)
        found = _find_in_spans(doc.text, article.spans("page"), _known_sentences(article))
        gold = doc.gold["Cue"]
        for f in found:
            ps, pe = f.cue_start, f.cue_end
            over = [(gs, ge) for gs, ge in gold if gs < pe and ps < ge]
            if not over:
                continue
            _, ge = max(over, key=lambda g: min(pe, g[1]) - max(ps, g[0]))
            words = doc.text[ps:pe].lower().split()
            if not words:
                continue
            last = f.rule.cue  # the cue's lemma in reporting_verbs.csv: "say" for "said"
            if words[-1] == "to" and len(words) > 1:
                key = " ".join(words[-2:])
                to_seen[key] += 1
                to_cut[key] += ge < pe
                continue
            line_end = doc.text.find("\n", pe)
            nxt = _next_tokens(doc.text, pe, len(doc.text) if line_end < 0 else line_end)
            for n in range(1, len(nxt) + 1):
                phrase = " ".join(t for t, _ in nxt[:n])
                seen[(last, phrase)] += 1
                taken[(last, phrase)] += ge == nxt[n - 1][1]
    return seen, taken, to_seen, to_cut


# ---------------------------------------------------------------- the learned cue finder (tried)
# A logistic regression over a word and its neighbours, for words the rules do not
# know. It did not help: see ``--try-learned-cues`` and the module docstring.

_ANY = CueRule("", "", "learned", "any", "either", "", "")


def features(toks: list[str], i: int, w: _Words) -> list[str]:
    """The word, its neighbours, their shapes, and the kind of source "said" would get."""
    word = toks[i].lower()
    prev = toks[i - 1] if i > 0 else "<s>"
    nxt = toks[i + 1] if i + 1 < len(toks) else "</s>"
    plow, nlow = prev.lower(), nxt.lower()
    source, _ = _find_source(toks, i, i + 1, _ANY, w)
    kind = source.kind if source is not None else "none"
    out = [f"w={word}", f"p={plow}", f"n={nlow}", f"w+n={word} {nlow}", f"p+w={plow} {word}"]
    out += [f"ps={_shape(prev, w)}", f"ns={_shape(nxt, w)}", f"src={kind}", f"w+src={word} {kind}"]
    if i > 1:
        out.append(f"p2={toks[i - 2].lower()}")
    if i + 2 < len(toks):
        out.append(f"n2={toks[i + 2].lower()}")
    return out


def _shape(tok: str, w: _Words) -> str:
    low = tok.lower()
    if low in w.pronoun or low in w.subject_pronoun:
        return "pron"
    if low in ("that", "to", "of", "for", "about", "on"):
        return low
    if not tok[:1].isalnum():
        return "punct"
    return "cap" if tok[:1].isupper() else "low"


class Example(NamedTuple):
    doc: int
    word: str
    feats: list[str]
    label: bool


def examples(folder: Path) -> tuple[list[Example], int, int, int]:
    """Every word outside quotations that no rule cue covers, with its features and
    whether PolNeAR marks it as (part of) a cue; and the rules' overlap counts
    (matched, predicted, gold) on the same articles."""
    w = _words()
    out: list[Example] = []
    tp = n_pred = n_gold = 0
    for k, doc in enumerate(load_brat(folder)):
        article = Article.from_text(doc.text)
        spans = article.spans("page")
        found = scan._find_in_spans(doc.text, spans, scan._known_sentences(article))
        pred = sorted((f.cue_start, f.cue_end) for f in found)
        gold = doc.gold["Cue"]
        n_pred += len(pred)
        n_gold += len(gold)
        tp += sum(any(gs < pe and ps < ge for ps, pe in pred) for gs, ge in gold)
        quotes = _Quotes(_all_quotation_spans(doc.text, spans))
        for start, end in spans:
            for s0, s1 in split_sentences(doc.text, start, end):
                sent = _sentence(doc.text, s0, s1)
                for i, tok in enumerate(sent.toks):
                    if not tok.isalpha() or len(tok) < 3:
                        continue
                    a, b = sent.starts[i], sent.ends[i]
                    if quotes.containing(a) is not None:
                        continue
                    if any(ps < b and a < pe for ps, pe in pred):
                        continue
                    label = any(gs < b and a < ge for gs, ge in gold)
                    out.append(Example(k, tok.lower(), features(sent.toks, i, w), label))
    return out, tp, n_pred, n_gold


_STOP_ROLES = ("determiner", "preposition", "clause_start", "relative", "pronoun", "cue_prefix")


def vocabulary(data: list[Example], min_cues: int, min_rate: float) -> set[str]:
    """Words that PolNeAR marks as cues often enough where the rules find nothing."""
    w = _words()
    stop: set[str] = set()
    for role in _STOP_ROLES:
        stop |= set(getattr(w, role))
    stop |= set(w.be_verb) | {"has", "have", "had", "not", "also", "was", "were"}
    seen = Counter(e.word for e in data)
    cue = Counter(e.word for e in data if e.label)
    return {
        word
        for word, n in cue.items()
        if n >= min_cues and n / seen[word] >= min_rate and word not in stop
    }


def fit(data: list[Example], index: dict[str, int], l2: float, epochs: int) -> np.ndarray:
    """Logistic regression by full-batch gradient descent with Adagrad steps (numpy)."""
    rows = np.repeat(np.arange(len(data)), [len(e.feats) for e in data])
    cols = np.array([index.get(f, 0) for e in data for f in e.feats])
    y = np.array([e.label for e in data], dtype=float)
    weights = np.zeros(len(index) + 1)  # the last one is the bias
    cache_ = np.full_like(weights, 1e-8)
    for _ in range(epochs):
        score = np.bincount(rows, weights=weights[cols], minlength=len(data)) + weights[-1]
        err = 1 / (1 + np.exp(-score)) - y
        grad = np.bincount(cols, weights=err[rows], minlength=len(weights)) / len(data)
        grad[-1] = err.mean()
        grad[:-1] += l2 * weights[:-1]
        cache_ += grad**2
        weights -= 0.5 * grad / np.sqrt(cache_)
    return weights


def predict(data: list[Example], index: dict[str, int], weights: np.ndarray) -> np.ndarray:
    score = np.array(
        [weights[-1] + sum(weights[index[f]] for f in e.feats if f in index) for e in data]
    )
    return 1 / (1 + np.exp(-score))


def learn_cues(folder: Path, folds: int = 5, verbose: bool = True) -> None:
    """The learned cue finder's cross-validated curve over the train articles (printed)."""
    data, tp, n_pred, n_gold = examples(folder)
    words = vocabulary(data, min_cues=5, min_rate=0.15)
    data = [e for e in data if e.word in words]
    print(f"rules on train: {tp} of {n_gold} gold cues overlapped by {n_pred} predictions")
    print(f"{len(words)} candidate words, {len(data)} examples, {sum(e.label for e in data)} cues")
    oof = np.zeros(len(data))
    docs = np.array([e.doc for e in data])
    for fold in range(folds):
        train = [e for e in data if e.doc % folds != fold]
        index = _index(train)
        weights = fit(train, index, l2=1e-4, epochs=300)
        held = [i for i, e in enumerate(data) if e.doc % folds == fold]
        oof[held] = predict([data[i] for i in held], index, weights)
    labels = np.array([e.label for e in data])
    best = (0.0, 0.5)
    for threshold in np.arange(0.2, 0.9, 0.025):
        chosen = oof >= threshold
        # each chosen word that PolNeAR marks adds one match (close enough: a cue of
        # several words is counted once per word, so this is a little optimistic)
        p = (tp + (chosen & labels).sum()) / max(1, n_pred + chosen.sum())
        r = (tp + (chosen & labels).sum()) / n_gold
        f1 = 2 * p * r / (p + r)
        if verbose:
            hits = (chosen & labels).sum()
            print(
                f"  {threshold:.3f}: {chosen.sum():5d} chosen, "
                f"{hits / max(1, chosen.sum()):.3f} right, F1 {f1:.3f}"
            )
        best = max(best, (f1, float(threshold)))
    # A learned cue must be as trustworthy as a rule cue: the threshold is the lowest at
    # which the held-out learned cues are right at least as often as the rules are.
    rules_precision = tp / max(1, n_pred)
    threshold = next(
        (
            float(t)
            for t in np.arange(0.2, 0.99, 0.025)
            if (oof >= t).sum()
            and (labels & (oof >= t)).sum() / (oof >= t).sum() >= rules_precision
        ),
        0.99,
    )
    print(
        f"best-F1 threshold {best[1]:.3f} (estimated train cue F1 {best[0]:.3f}); chosen "
        f"{threshold:.3f}, where held-out learned cues are right as often as the rules "
        f"({rules_precision:.3f})"
    )
    del docs


def _index(data: list[Example]) -> dict[str, int]:
    counts = Counter(f for e in data for f in e.feats)
    return {f: i for i, f in enumerate(f for f, n in counts.items() if n >= 2)}


# Rules a count may not relax: they already count on their own or are look-alikes, or
# find their speaker in their own way (participles) or guard look-alikes ("calling in
# sick" is no naming), which a count over words cannot see. A ``state`` cue ("have been
# critical of", "is confident") follows a form of "be", which ``any_active`` would read as
# a passive with no one named and turn down.
_KEEP_RULE = frozenset({"any", "not_a_cue", "participle", "inference", "naming", "state"})


def rule_overrides(folder: Path, relax: float, drop: float) -> list[dict[str, object]]:
    """Per lexicon form, over the train split: how often the occurrences its rule turned
    down are PolNeAR cues (relax the rule to ``any`` when at least ``relax`` of them, and
    6 or more, are), and how often the cues it found are right (``drop`` the form when
    fewer than ``drop`` of 8 or more are)."""
    forms, rules = lexicon._cue_forms(), lexicon._cue_rules()
    kept_ok: Counter[str] = Counter()
    kept_bad: Counter[str] = Counter()
    turned_gold: Counter[str] = Counter()
    turned_not: Counter[str] = Counter()
    for doc in load_brat(folder):
        article = Article.from_text(doc.text)
        spans = article.spans("page")
        found = scan._find_in_spans(doc.text, spans, scan._known_sentences(article))
        quotes = _Quotes(_all_quotation_spans(doc.text, spans))
        gold = doc.gold["Cue"]
        for pos, word in lexicon._candidate_words(doc.text):
            m = forms[word].match(doc.text, pos)
            if m is None or quotes.containing(pos) is not None:
                continue
            form = " ".join(m.group().lower().split())
            a, b = m.span()
            is_gold = any(gs < b and a < ge for gs, ge in gold)
            if any(f.cue_start < b and a < f.cue_end for f in found):
                (kept_ok if is_gold else kept_bad)[form] += 1
            else:
                (turned_gold if is_gold else turned_not)[form] += 1
    out: list[dict[str, object]] = []
    for form in sorted(rules):
        rule = rules[form].rule
        turned = turned_gold[form] + turned_not[form]
        kept = kept_ok[form] + kept_bad[form]
        if rule not in _KEEP_RULE and turned >= 6 and turned_gold[form] >= relax * turned:
            out.append(
                {
                    "form": form,
                    "rule": "any_active",
                    "was": rule,
                    "gold": turned_gold[form],
                    "seen": turned,
                }
            )
        elif kept >= 8 and kept_ok[form] < drop * kept:
            out.append(
                {"form": form, "rule": "drop", "was": rule, "gold": kept_ok[form], "seen": kept}
            )
    return out


def _row(cue: str, action: str, words: str, taken: int, seen: int) -> dict[str, object]:
    return {"cue": cue, "action": action, "words": words, "taken": taken, "seen": seen}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--min-count", type=int, default=4)
    parser.add_argument(
        "--relax",
        type=float,
        default=0.5,
        help="share of a form's turned-down uses that must be PolNeAR cues to let it count alone",
    )
    parser.add_argument(
        "--try-learned-cues", action="store_true", help="repeat the learned cue finder experiment"
    )
    args = parser.parse_args(argv)
    if not (args.train / "attributions").is_dir():
        print(f"No PolNeAR train split at {args.train}.")
        return 2
    read_overrides = lexicon._rule_overrides
    lexicon._rule_overrides = dict  # measure the rules as written in reporting_verbs.csv
    lexicon._cue_rules.cache_clear()
    overrides = rule_overrides(args.train, relax=args.relax, drop=0.2)
    with OVERRIDES_OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, ["form", "rule", "was", "gold", "seen", "source"])
        writer.writeheader()
        for row in overrides:
            writer.writerow({**row, "source": SOURCE})
    print(f"wrote {len(overrides)} rows to {OVERRIDES_OUT.relative_to(ROOT)}")
    lexicon._rule_overrides = read_overrides  # read the new file from here on
    for cached in (
        lexicon._cue_rules,
        lexicon._cue_forms,
        lexicon._first_word_regex,
        lexicon._words,
    ):
        cached.cache_clear()
    if args.try_learned_cues:
        learn_cues(args.train)
    cues._cue_boundaries = lambda: ({}, frozenset())  # measure the rules without the table
    seen, taken, to_seen, to_cut = gather(args.train)
    rows = []
    for (lemma, phrase), n in sorted(seen.items()):
        k = taken[(lemma, phrase)]
        if k >= args.min_count and 2 * k > n:
            rows.append(_row(lemma, "extend", phrase, k, n))
    for key, n in sorted(to_seen.items()):
        k = to_cut[key]
        if k >= args.min_count and 2 * k > n:
            rows.append(_row(key, "drop_to", "to", k, n))
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, ["cue", "action", "words", "taken", "seen", "source"])
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "source": SOURCE})
    print(f"wrote {len(rows)} rows to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
