"""Who says what: find attribution cues, their sources and what the sources say.

An *attribution* links a claim to whoever it comes from. It has three parts, as
in the PolNeAR corpus (Newell, Margolin & Ruths, LREC 2018):

- the **cue**: the words that signal a report ("said", "according to", "told",
  "first reported by", "wants", "a poll shows"...);
- the **source**: who or what the claim comes from ("Gen. Joseph Votel",
  "U.S. officials", "he", "Iranian news service Fars");
- the **content**: what they said, thought or showed, in quotation marks
  (a direct quote) or retold in the writer's words.

The rules are plain and visible, so a teacher can explain each finding:

1. A cue is a word or phrase from ``data/lexicons/reporting_verbs.csv``, with up
   to three helper words in front of it ("has also said", "did not immediately
   respond"). Cues inside quotation marks are skipped: they belong to the quoted
   speaker, not to the article. A cue word with a capital in the middle of a
   sentence is part of a name ("Drudge Report").
2. Each cue row has a *rule*:

   - ``any`` ("said", "told", "according to"): counts on its own;
   - ``subject`` ("asked", "announced"): counts only with a source right next to it;
   - ``person`` ("wants", "believes") and ``state`` ("is afraid", "was sure"):
     the source must be a person, group, organisation or pronoun;
   - ``evidence`` ("shows", "found"): the source must be a document (a poll, a
     study, a video, "it"), an organisation or a group; a long subject whose
     head is a document counts too ("A GAO report released last year found");
   - ``naming`` ("called", "calls"): a source, then a name or a quotation
     ("called it a hoax", what Thomas calls "open defiance") -- not a phone call,
     not "called an emergency meeting", and not "a member of the battalion called
     the 'Female Protection Forces'" (a name: "called" means "named" there);
   - ``participle`` (", saying ...", "by saying", "with Russia backing ..."): the
     speaker is the subject of the sentence, of the attribution just before it, or
     the name right before the participle;
   - ``passive`` ("first reported by X") and every cue after "is/was/been"
     ("has been called a charlatan by ..."): the source is the name after "by";
     the subject of a passive cue was spoken to or about, so it is not the source.
     A passive of a reporting verb with no "by" ("is expected to", "was accused
     of", listed as ``hearsay_passive`` in ``source_words.csv``) is an attribution
     with no source, and so is a clause that opens with one ("Asked about X,");
   - ``nosource`` ("reportedly", "allegedly", "reports have surfaced", "it is
     clear that"): the text passes a claim on and names no one;
   - ``noun`` ("announcement", "statement", "assertion"): a speech noun followed
     by what was said ("the U.S. announcement it had killed ...", "a New York Times
     report that ..."); its owner, if the text names one, is the source;
   - ``quote`` ("continued"): needs a quotation (or a colon) next to it;
   - ``inference`` ("suggesting"): only with the speaker of an attribution earlier
     in the sentence ('..., he said, suggesting ...'); on its own it is the writer's
     own inference ("Prices rose, suggesting ...") and is no attribution;
   - ``not_a_cue`` ("did not want to be named", "did not mention"): a look-alike that
     reports nothing; the cue word inside it does not count either;
   - ``any_active``: set by ``cue_rule_overrides.csv`` for forms the PolNeAR train
     split shows count on their own ("concluded", "described"), except as a passive
     with no one named ("He was asked to leave").

   A cue after "will", "would", "might" or "may" ("will announce", "would
   assume") is skipped: nothing has been said yet. ``cue_rule_overrides.csv`` also
   drops forms that were nearly never cues in the train split ("attacks", "rules").
   A cue's span ends where PolNeAR's annotators end it (``cue_boundaries.csv``:
   "said:", "called for", "wants" without its "to").
3. The source is looked for before the cue ("X said", "X, a spokesman for Y,
   said", "Clinton, at Monday's debate, cited", "rival Donald Trump attacked", "The
   general who oversees ... said", "the AP, which first reported", "A poll released
   in August found", "Trump's claim that", "his claim that", "Civil rights
   activists say"), and for speech verbs after it when the cue follows a quotation
   or a comma ("...," said X). "And said" and "to say" take the subject of the
   sentence. A source is a noun phrase that can speak: never a lone preposition or
   conjunction ("Unlike"), a relative word that points to nothing, "no-one" or
   "nobody", or a byline ("By Jane Smith"); it does not run on into a time phrase
   ("... (KCNA) on Tuesday"); a source with an appositive keeps its closing comma
   ("Jane Doe, a spokeswoman for the city,"), as PolNeAR draws it. "State media",
   "state-run media" and "the news agency" are ``media_outlet`` sources.
4. A short name before a colon at the start of a line ("Pence: ...", a
   transcript's "WALLACE: ..."), a name, a colon and a quotation ("Loretta Lynch:
   'Be the voice ...'") and a dash after a quotation ("..." ― Name) are cues too.
5. A ``person``/``evidence``/``naming`` cue inside the content of another
   attribution is part of that content ("Smith said Jones wants ..."), and so is a
   clause that another cue reports ("Shelby said he refused ...", "He noted that
   the panel announced ..."): only the outer attribution is kept, as PolNeAR gives
   each word one attribution. A clause that stands on its own is kept: one that
   opens with "because", "which", "while" or "(", a verb that shares the subject
   ("... and despised them"), and the main clause after a comma ("If the I.R.S.
   has questions about X, voters should know ..."). A cue inside another
   attribution's source ("the senators who wrote the bill said") is part of that
   source. A naming cue with its own quotation is kept, and an attribution with no
   source hides nothing.
6. "he", "she", "who", "which" and "that" keep the pronoun as the source span;
   ``resolved_source`` names who they point to (for "he"/"she": the nearest earlier
   named person who was a source; for "who", "which" and "that": the noun phrase
   right before it). For every other source, ``resolved_source`` is its name or
   head without the appositive ("Air Force Col. John Thomas"), and a bare surname
   ("Thomas") is resolved to the full name of an earlier source with that surname.
   "Which" after "a report by Jane Doe" points to the report, not the person. A news
   outlet named only as "state media" or "the news agency" is resolved to the
   nearest outlet the article names (the ``medialit.detect.outlets`` table).

The content is the quotation next to the attribution (a quotation that runs over
several sentences, and one that goes on right after "he said."), else the rest of
the sentence on the side away from the cue. ``direct_quote`` is true when at least
half of the content is inside quotation marks (scare quotes do not count).

Source kinds: ``named_person``, ``named_organization``, ``unnamed`` (officials,
members, critics, "reports", a person described by job but not named, such as
"The U.S. general who oversees ..."), ``media_outlet``, ``document`` (a poll,
study, statement or video), and ``pronoun`` (only when a pronoun's antecedent is
not found; a resolved pronoun takes its antecedent's kind, and ``resolved_source``
is then ``""``). When the text names
no source, ``source`` is ``""``, ``source_start``/``source_end`` are ``-1`` and
``source_kind`` is ``""``; the same ``""``/``-1`` convention holds for content.

Word lists: ``reporting_verbs.csv`` (cues, from textacy's ``REPORTING_VERBS``,
Apache-2.0, widened with the PolNeAR guidelines) and ``source_words.csv``
(pronouns, titles, heads such as "officials" or "poll", organisation and outlet
name endings). Media outlets are also recognised by the names in
``medialit.detect.outlets`` (see :func:`_outlet_names`). Counts learned on the
PolNeAR train split only (``tools/train_attribution.py``) set the span ends and a few
rules: ``cue_boundaries.csv`` and ``cue_rule_overrides.csv``. Measured with
``benchmarks/eval_attribution.py`` on the PolNeAR dev split, which is not tuned on: it
finds nearly three in four of the attribution cues PolNeAR marks, and about nine in
ten of the cues it finds are marked there too; on the train split about two in three
and five in six.

Where each part lives (imports only go down this list):

- ``lexicon``: the word lists (cue forms and rules, source word classes, outlet names);
- ``tokens``: sentences as token lists, and what a token looks like;
- ``quotes``: quotation marks paired into quotation spans;
- ``records``: the shapes of a finding (``Attribution``, the internal ``_Found``);
- ``phrases``: noun phrases that can be sources, and their kinds;
- ``sources``: which noun phrase is a cue's source (rules 3 and 6);
- ``cues``: one cue in its sentence; ``RULE_HANDLERS`` gives each ``rule`` its meaning
  (rule 2);
- ``structural``: punctuation cues (rule 4), ``STRUCTURAL_HANDLERS``;
- ``nesting``: one attribution per word (rule 5);
- ``resolve``: who a pronoun or surname stands for (rule 6);
- ``explain``: rows, plain-words explanations and the table;
- ``scan``: reading a whole article with all of the above.
"""

from __future__ import annotations

from ..._util.lazy import pd
from ...text.article import Article, as_article
from .explain import _records, attribution_frame
from .lexicon import CueRule, load_reporting_verbs
from .quotes import quotation_spans
from .records import COLUMNS, NO_SPAN, Attribution
from .scan import _find_in_spans, _known_sentences

__all__ = [
    "COLUMNS",
    "NO_SPAN",
    "Attribution",
    "CueRule",
    "attribution_frame",
    "attribution_records",
    "find_attributions",
    "load_reporting_verbs",
    "quotation_spans",
]


def find_attributions(article: Article | str, *, scope: str = "story") -> pd.DataFrame:
    """Find every attribution (cue, source, content) in ``article``, in document order.

    ``scope="story"`` reads the headline and story; ``"page"`` reads every block.
    A plain string is read as ``Article.from_text(text)``. Columns: see
    :data:`COLUMNS`; a missing source or content is ``""`` with offsets ``-1``.

    >>> import medialit as ml
    >>> table = find_attributions(ml.load_article())
    >>> table.loc[table.source_kind == "media_outlet", "source"].tolist()
    ['Iranian news service Fars']
    """
    return attribution_frame(attribution_records(article, scope=scope))


def attribution_records(article: Article | str, *, scope: str = "story") -> list[Attribution]:
    """The rows of :func:`find_attributions` as small records (no DataFrame), for ``analyze``."""
    article = as_article(article, caller="find_attributions")
    spans = article.spans(scope)
    found = _find_in_spans(article.text, spans, _known_sentences(article))
    return _records(article.text, found)
