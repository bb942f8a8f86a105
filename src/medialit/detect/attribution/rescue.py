"""A second look at cue words the rules turned down, learned from the PolNeAR train split.

The rules in :mod:`.cues` are strict: "say" needs a subject they can find, "saying" needs
a speaker, "statement" needs a clause after it. PolNeAR's annotators mark many such
uses all the same ("About 4 in 10 say ...", "..., he said, referring to ..."). For a
lexicon cue the rules rejected, this module adds up the weights of a few plain facts
about its neighbours (the cue word, the word before it, the word after it, whether a
quotation or another cue is in the sentence) and keeps the cue when the sum passes a
threshold. The weights are a logistic regression trained on the PolNeAR train split only
(``tools/train_cue_rescue.py``), with the threshold picked by cross-validation on train;
they ship in ``data/models/cue_rescue.csv`` (PolNeAR credited in ``data/CREDITS.md``).

Every cue kept this way says why, in words: its word list's explanation, then the
neighbour facts that weighed most ("'say' right after 'experts'"), and how often such
uses were cues in the train split.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from ..._util.data import read_table
from .lexicon import CueRule, _Words
from .tokens import _QUOTE_TOKENS, _is_cap, _is_word, _Sent

RULE = "learned"
"""The ``rule`` of a cue kept by this module (its row in the word list had another)."""


class _Model(NamedTuple):
    weights: dict[str, float]
    bias: float
    threshold: float  # keep the cue when bias + weights reach this (a log-odds)
    precision: float  # cross-validated share of kept cues that were PolNeAR cues (train)


@cache
def _model() -> _Model | None:
    rows = read_table("models", "cue_rescue.csv", columns=("feature", "weight"))
    weights = {r["feature"]: float(r["weight"]) for r in rows}
    bias = weights.pop("_bias", 0.0)
    threshold = weights.pop("_threshold", 2.0)
    precision = weights.pop("_precision", 0.0)
    return _Model(weights, bias, threshold, precision) if weights else None


def _shape(tok: str, w: _Words) -> str:
    """What kind of token this is, in one short word (for the features)."""
    low = tok.lower()
    if not tok:
        return "none"
    if tok in _QUOTE_TOKENS or tok in ("”", "’"):
        return "quote"
    if not _is_word(tok):
        return "punct" + tok[:1]
    if low in w.subject_pronoun or low in w.pronoun:
        return "pron"
    if low in w.determiner:
        return "det"
    if low in w.preposition:
        return "prep"
    if low in w.head_kind:
        return "head"
    if tok[:1].isdigit():
        return "num"
    return "cap" if _is_cap(tok) else "low"


def features(
    sent: _Sent, ci: int, fi: int, cj: int, rule: CueRule, cue_before: bool, w: _Words
) -> list[str]:
    """The facts about the cue at tokens ``[ci, cj)`` (helper words ``[ci, fi)``) that the
    model weighs. ``cue_before``: another cue was already found earlier in the sentence."""
    toks = sent.toks
    form = rule.form
    p1 = toks[ci - 1] if ci > 0 else ""
    p2 = toks[ci - 2] if ci > 1 else ""
    n1 = toks[cj] if cj < len(toks) else ""
    n2 = toks[cj + 1] if cj + 1 < len(toks) else ""
    lp1, ln1 = p1.lower(), n1.lower()
    sp1, sn1 = _shape(p1, w), _shape(n1, w)
    helpers = [t.lower().replace("’", "'") for t in toks[ci:fi]]
    out = [
        f"f={form}",
        f"r={rule.rule}",
        f"c={rule.cue}",
        f"p1={lp1}",
        f"p2={p2.lower()}",
        f"n1={ln1}",
        f"n2={n2.lower()}",
        f"sp1={sp1}",
        f"sn1={sn1}",
        f"f|p1={form}|{lp1}",
        f"f|n1={form}|{ln1}",
        f"f|sp1={form}|{sp1}",
        f"f|sn1={form}|{sn1}",
        f"r|sp1={rule.rule}|{sp1}",
        f"r|sn1={rule.rule}|{sn1}",
        f"sp1|sn1={sp1}|{sn1}",
    ]
    out.extend(f"h={h}" for h in helpers)
    if ci == 0:
        out.append("start")
    if cue_before:
        out.append(f"cue_before|sp1={sp1}")
    if any(t in _QUOTE_TOKENS or t in ("”",) for t in toks):
        out.append("quote_in_sentence")
    return out


_WHY = {
    "p1": "right after '{}'",
    "n1": "right before '{}'",
    "p2": "two words after '{}'",
    "n2": "two words before '{}'",
    "h": "with '{}' in front",
}


def _reason(feature: str, form: str) -> str | None:
    """A feature in plain words ("'say' right after 'experts'"), or ``None``."""
    name, _, value = feature.partition("=")
    key = name.split("|")[-1]
    value = value.split("|")[-1]
    if key in _WHY and value:
        return f"'{form}' " + _WHY[key].format(value)
    if key in ("sp1", "sn1") and value:
        where = "right after" if key == "sp1" else "right before"
        what = {
            "pron": "a pronoun",
            "det": "a word like 'the'",
            "prep": "a preposition",
            "head": "a word for people or documents",
            "cap": "a name",
            "low": "a plain word",
            "num": "a number",
            "quote": "a quotation mark",
            "none": "nothing",
        }.get(value, f"'{value[5:]}'" if value.startswith("punct") else value)
        return f"'{form}' {where} {what}"
    if name == "cue_before":
        return f"'{form}' after another cue in the same sentence"
    if name == "quote_in_sentence":
        return "a quotation in the same sentence"
    return None


def rescue(
    sent: _Sent, ci: int, fi: int, cj: int, rule: CueRule, cue_before: bool, w: _Words
) -> CueRule | None:
    """The rule to keep a rejected cue with (``rule`` ``"learned"``, its explanation
    extended with the deciding facts), or ``None`` when the model says no."""
    model = _model()
    if model is None:
        return None
    feats = features(sent, ci, fi, cj, rule, cue_before, w)
    weights = model.weights
    z = model.bias + sum(weights.get(f, 0.0) for f in feats)
    if z < model.threshold:
        return None
    top = sorted(
        (weights.get(f, 0.0), f) for f in feats if weights.get(f, 0.0) > 0 and _reason(f, rule.form)
    )[-2:]
    why = " and ".join(r for _, f in reversed(top) if (r := _reason(f, rule.form)))
    share = round(100 * model.precision)
    explanation = (
        f"{rule.explanation}; kept by a model learned from news articles: "
        f"{why or rule.form}; in the PolNeAR train split about {share} in 100 uses like "
        "this were attributions"
    )
    return rule._replace(rule=RULE, explanation=explanation)

