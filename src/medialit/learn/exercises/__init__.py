"""Lesson exercises: widgets in JupyterLab, plain ``check()`` calls everywhere else.

Five kinds, each built from plain arguments (a lesson builds them from its answer key):

* :class:`SingleChoice`: pick one;
* :class:`MultipleChoice`: pick several;
* :class:`SelectPhrases`: pick the phrases in a passage (e.g. the hedges);
* :class:`SortItems`: put each item in a category;
* :class:`OrderSteps`: put steps in order (e.g. the source chain), leaving out
  the lines that are not steps.

Every exercise has an id (unique in its lesson, e.g. ``"02-hedges-find"``; the
lesson is the part before the first ``-`` unless given), a question, a hint, an
explanation for every choice, and instant feedback in words ("Right:",
"Not quite:", "False alarm:", "Missed:"), never colour alone.

**Discernment, not suspicion.** Research on "prebunking" games found that
learners can get better at flagging bad items while also flagging more good
ones (Modirrousta-Galian & Higham 2023); what counts is telling them apart
(Guess et al. 2020). So every exercise mixes in distractors, and every check
counts three things:

* **hits**: right decisions that matter (a hedge picked; an item in its category;
  a step in its place);
* **misses**: right answers not given (a hedge not picked; an item in a wrong
  category; a step out of place or left out);
* **false alarms**: distractors flagged (a non-hedge picked; an item that is *not*
  in an "alarm" category, such as "hedge", "state media" or "clutter", put into
  one; a line that is not a step put into the chain).

In :class:`SortItems` every item is exactly one of the three (a distractor put
into an alarm category is a false alarm, not also a miss). The **discernment
score** is ``hits / (hits + misses + false_alarms)``: 1 only when every right
answer is found and nothing wrong is flagged; picking everything scores no better
than picking well, and picking nothing scores 0.

Every check (widget button or ``ex.check(...)``) is saved at once by
:mod:`medialit.learn.progress`; a re-run lesson shows the learner's last answer again.
"Show answer" works only after a first try, and not at all in a student release
(``configure(show_answers=False)`` or the environment variable ``MEDIALIT_STUDENT=1``).

ipywidgets is imported only when a widget is drawn, and version 8 or newer is
required: ipywidgets 7 renders a checkbox's description as HTML, and choice texts
come from articles and answer keys (a ``<img onerror=...>`` in an article would run).
Under ipywidgets 7 the exercise shows its text form instead.
"""

from __future__ import annotations

from ...errors import ExerciseError as ExerciseError
from .base import (
    Exercise as Exercise,
)
from .feedback import (
    ANSWER as ANSWER,
)
from .feedback import (
    FALSE_ALARM as FALSE_ALARM,
)
from .feedback import (
    HINT as HINT,
)
from .feedback import (
    LESSON as LESSON,
)
from .feedback import (
    MISSED as MISSED,
)
from .feedback import (
    NO as NO,
)
from .feedback import (
    NOT_QUITE as NOT_QUITE,
)
from .feedback import (
    NOT_SAVED as NOT_SAVED,
)
from .feedback import (
    NOT_YET as NOT_YET,
)
from .feedback import (
    RIGHT as RIGHT,
)
from .feedback import (
    SAVED as SAVED,
)
from .feedback import (
    SCORE as SCORE,
)
from .feedback import (
    WORKED as WORKED,
)
from .feedback import (
    YES as YES,
)
from .feedback import (
    CheckResult as CheckResult,
)
from .feedback import (
    Choice as Choice,
)
from .feedback import (
    ExerciseControls as ExerciseControls,
)
from .feedback import (
    FeedbackLine as FeedbackLine,
)
from .feedback import (
    Item as Item,
)
from .feedback import (
    Phrase as Phrase,
)
from .feedback import (
    Step as Step,
)
from .feedback import (
    feedback_html as feedback_html,
)
from .order import (
    OrderSteps as OrderSteps,
)
from .pick import (
    MultipleChoice as MultipleChoice,
)
from .pick import (
    SelectPhrases as SelectPhrases,
)
from .pick import (
    SingleChoice as SingleChoice,
)
from .settings import (
    STUDENT_ENV as STUDENT_ENV,
)
from .settings import (
    answers_enabled as answers_enabled,
)
from .settings import (
    configure as configure,
)
from .sort import (
    SortItems as SortItems,
)

__all__ = [
    "CheckResult",
    "Choice",
    "Exercise",
    "ExerciseControls",
    "ExerciseError",
    "FeedbackLine",
    "Item",
    "MultipleChoice",
    "OrderSteps",
    "Phrase",
    "SelectPhrases",
    "SingleChoice",
    "SortItems",
    "Step",
    "answers_enabled",
    "configure",
    "feedback_html",
]
