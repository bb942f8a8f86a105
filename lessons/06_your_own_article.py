# %% [markdown]
# # Lesson 6: Your own article
#
# **Time:** about 40 minutes.
#
# **You will learn to:**
#
# - load any news text: pasted in, or a web page saved from your browser;
# - run every medialit tool on it: the page view, highlights, charts, the source chain
#   and outlet cards (lessons 1 to 5 show the other charts, such as `ml.plot_sources`);
# - ask the same questions as in lessons 1 to 5, about a new article;
# - (for teachers) review what the tools found and save an *answer key*, so the exercises
#   work on the new article too.
#
# **The three questions** of a fact-checker, all together now:
#
# 1. **Who is behind the information?**
# 2. **What is the evidence?**
# 3. **What do other sources say?**
#
# This notebook uses two short example articles that come with medialit. Both are
# **invented** for practice: the town of Alder Falls, its people, its newspaper and the
# reports they quote are made up. Once you have worked through them, swap in an article
# of your own: the cells that say *"your own"* show how.

# %%
import textwrap

import medialit as ml
from medialit._util.resources import data_path
from medialit.learn.activities import evidence, hedging, page, sourcing, state_media

# %% [markdown]
# ## 1. Paste a text
#
# The quickest way in: copy an article from a web page and paste it between three quote
# marks. Copy the whole page if you like, buttons and captions too: medialit sorts them out.
# Here we read the pasted example from a file instead, so the notebook runs the same
# everywhere.

# %%
pasted = data_path("examples", "bridge-closure-pasted.txt").read_text(encoding="utf-8")
# Your own: pasted = """paste the article here"""
text_article = ml.Article.from_text(pasted)
text_article

# %% [markdown]
# When the story medialit found looks wrong (very short, mostly captions or lists, or not
# in English), it says so in plain words; `ml.highlight` and the handout show it too.

# %%
text_article.warning or "No warning: the story found looks like an article."

# %% [markdown]
# Which lines are the story, and which are page clutter?

# %%
ml.page_view(text_article)

# %% [markdown]
# And its hedges, sources and outlets, marked in the text (tab to or tap a mark's tag to see why):

# %%
ml.highlight(text_article)

# %% [markdown]
# ## 2. Load a saved web page
#
# In your browser, open a news article and choose *File → Save Page As…*, then
# *"Web Page, HTML only"*. Put the `.html` file next to this notebook and load it by its
# name. medialit finds the article's main text and keeps the rest of the page as clutter.

# %%
web_article = ml.load_article(data_path("examples", "battery-plant-page.html"))
# Your own: web_article = ml.load_article("my-page.html")
web_article

# %% [markdown]
# A saved page often tells you its headline, publisher, author and date:

# %%
{field: web_article.metadata.get(field) for field in ["headline", "publisher", "author", "date"]}

# %%
ml.page_view(web_article)

# %% [markdown]
# ## 3. Run every tool
#
# ### Hedges: how sure is the writer?

# %%
ml.highlight(web_article, kinds=["hedge"])

# %%
ml.plot_hedges(web_article)

# %% [markdown]
# ### Sources: who says so?

# %%
ml.find_attributions(web_article)[["source", "source_kind", "cue"]]

# %% [markdown]
# ### The source chain: how did the claim reach this page?

# %%
ml.source_chain(web_article).set_index("step")[["who", "role", "state_affiliated"]]

# %%
ml.plot_source_chain(web_article)

# %% [markdown]
# ### Outlets: who is behind them?
#
# Which outlets does the whole page name? Then read the card of each one. This is lateral
# reading with a shortcut.

# %%
outlets_named = ml.find_outlets(web_article, scope="page")
outlets_named[["text", "name", "typology", "state_affiliated"]]

# %%
for outlet_id in outlets_named["outlet_id"].unique():
    print(textwrap.fill(ml.outlet_card(outlet_id)["summary"], 80), "\n")

# %% [markdown]
# The tools are good, but not perfect. They can miss a hedge, or take a word for a source
# when it is not one. That is why a person checks their findings before a class uses them:
# the **answer key**.
#
# ## 4. The same questions, with an answer key
#
# An answer key holds the right answers for one article, each with an explanation. The
# example page comes with one:

# %%
web_key = ml.load_key("battery-plant-page", article=web_article)
web_key

# %% [markdown]
# With the article and its key, the exercises of lessons 1 to 5 work on the new article.
# Their ids start with `06-`, so your progress is saved under this lesson.
#
# ### Page or story? (lesson 1)

# %%
blocks_ex = page.sort_page_blocks(web_article, web_key, exercise_id="06-sort-blocks")
blocks_ex

# %% [markdown]
# *Prefer typing?* `blocks_ex.check({"a line": "a kind", ...})`
#
# ### Hedges (lesson 2)
#
# This story is short, so we ask about its first seven paragraphs.

# %%
hedges_ex = hedging.select_hedges(web_article, web_key, paragraphs=7,
                                  exercise_id="06-find-hedges")
hedges_ex

# %% [markdown]
# *Prefer typing?* `hedges_ex.check(["a phrase", "another phrase"])`
#
# **A worked example, after your own try.** Leo picks the short hedge words he remembers
# from lesson 2, and "would" too. Run the cell to see his feedback:

# %%
hedges_ex.worked_example(
    ["may build", "reportedly", "would"], who="Leo",
    lesson="A word you remember from a list is a start; read what it does in this sentence.",
)

# %%
drift_ex = hedging.spot_hedge_drift(web_article, web_key, exercise_id="06-hedge-drift")
drift_ex

# %% [markdown]
# *Prefer typing?* `drift_ex.check("the sentence you pick")`
#
# ### Who says so? (lesson 3)

# %%
sources_ex = sourcing.sort_sources(web_article, web_key, exercise_id="06-named-or-unnamed")
sources_ex

# %% [markdown]
# *Prefer typing?* `sources_ex.check({"a source": "a kind", ...})`
#
# ### State media (lesson 4)

# %%
outlets_ex = state_media.outlet_sort(web_article, web_key, exercise_id="06-sort-outlets")
outlets_ex

# %% [markdown]
# *Prefer typing?* `outlets_ex.check({"an outlet": "a category", ...})`

# %%
conflict_ex = state_media.conflict_of_interest(
    web_article, web_key, exercise_id="06-conflict-of-interest"
)
conflict_ex

# %% [markdown]
# *Prefer typing?* `conflict_ex.check(["a statement", "another statement", ...])`
#
# ### Is it confirmed? (lesson 5)

# %%
claims_ex = evidence.claim_support(web_article, web_key, exercise_id="06-sort-claims")
claims_ex

# %% [markdown]
# *Prefer typing?* `claims_ex.check({"a claim": "a category", ...})`

# %%
nearby_ex = evidence.nearby_quotes(web_article, web_key, exercise_id="06-nearby-quotes")
nearby_ex

# %% [markdown]
# *Prefer typing?* `nearby_ex.check("the option you pick")`

# %%
gallery_ex = evidence.gallery_match(web_article, web_key, exercise_id="06-gallery-match")
gallery_ex

# %% [markdown]
# *Prefer typing?* `gallery_ex.check(["an option", "another option"])`.
#
# ### Not every exercise fits every article
#
# Lesson 1 asked about a headline that is a question. This headline is not a question, so
# that exercise cannot be built, and medialit says why instead of making up an answer:

# %%
try:
    page.question_headline(web_article, web_key, exercise_id="06-question-headline")
except ml.exercises.ExerciseError as reason:
    print(textwrap.fill(str(reason), 80))

# %% [markdown]
# ## 5. Check the checker
#
# How well did the hedge finder do on this page? Here is what it found, and then the
# hedges in the answer key, which a person checked:

# %%
found = ml.find_hedges(web_article)
found[["text", "category"]]

# %%
web_key.hedges[["text", "category"]]

# %% [markdown]
# ### Your turn: count in code
#
# How many hedges did the finder find, and how many are in the key? Replace each `None`
# with code that counts the rows of a table. (Hint: `len(table)` counts its rows.)

# %% nbgrader={"grade":false,"grade_id":"06-check-the-checker","locked":false,"schema_version":3,"solution":true,"task":false}
finder_count = None  # YOUR ANSWER HERE
key_count = None  # YOUR ANSWER HERE
### BEGIN SOLUTION
finder_count = len(found)
key_count = len(web_key.hedges)
### END SOLUTION
finder_count, key_count

# %% [markdown] nbgrader={"grade":true,"grade_id":"06-check-the-checker-written","locked":false,"points":2,"schema_version":3,"solution":true,"task":false}
# **Your turn (2 points).** Compare the two tables above (you do not need the code
# answer for this). Pick one hedge that is in one table and not in the other, and explain
# who is right and why. What does this tell you about using a tool like medialit on your
# own article?
#
# ### BEGIN SOLUTION
# The finder missed "a company official it did not name". The key is right: Xinhua's source
# has no name, so nobody can check it, which is exactly what a vague-source hedge warns
# about. The finder knows common phrasings ("who asked not to be named"), not every way of
# hiding a name. So a tool like medialit gives a fast first reading, but a person must check
# its findings before trusting the results or grading a class with them.
# ### END SOLUTION

# %% [markdown]
# ## 6. Review the findings and save a key
#
# Teachers: this is how you make the answer key that lets lessons 2-5 work on your own
# article. The review below lists every finding of the tools. Tick **accept** or
# **reject** for each one, add a phrase the tools missed, then save.

# %%
from medialit.teach.review import Review

review = Review(web_article)
review.table[["kind", "text", "label"]].head(8)

# %% [markdown]
# The same review as a widget: click to accept or reject, type a missed phrase, save.

# %%
review.widget()

# %% [markdown]
# In code, the same steps are `review.reject(3)`, `review.add("phrase", "hedge", "reportive")`
# and `review.save("my-key.json")`.
#
# A key is a JSON file. `medialit.learn.keys.save_key` checks every entry against the article
# before it writes anything: each span must point at the right words, each list must be in
# reading order, and no phrase may be recorded twice. If something is off, it names every
# problem, so you can fix them all at once.
#
# Say you want to add a look-alike to the example key: "still" in the mayor's words looks
# like a hedge, but it only says the talks go on. Here is a first try, with a typo in the
# text:

# %%
import tempfile
from pathlib import Path

from medialit.learn.keys import save_key

my_folder = Path(tempfile.mkdtemp())
start = web_article.text.index("still talking")
draft = web_key.raw
draft["distractors"].append({
    "start": start, "end": start + 5, "text": "stil", "looks_like": "hedge",
    "explanation": "'Still' tells you the talks go on. It does not make any claim less sure.",
})
try:
    save_key(draft, my_folder / "battery-plant-page.json", article=web_article)
except ml.keys.AnswerKeyError as problems:
    for line in str(problems).splitlines():
        print(textwrap.fill(line, 80, subsequent_indent="    "))

# %% [markdown]
# The check found the typo and named the spot. Fix the text, put the list back in reading
# order (the check looks at that too), save, and load the key again:

# %%
draft["distractors"][-1]["text"] = "still"
draft["distractors"].sort(key=lambda entry: entry["start"])
saved = save_key(draft, my_folder / "battery-plant-page.json", article=web_article)
ml.load_key(saved, article=web_article)

# %% [markdown]
# For your own article, start the review from what the tools found, then add the things a
# tool cannot know: which claims are confirmed and by whom, whether the photos belong, and
# which look-alikes will test your class's judgement. Save the key next to your article and
# load it with `ml.load_key("my-key.json", article=my_article)`.

# %% [markdown]
# ## Key points
#
# - medialit works on **any** news text: paste it, or save the web page and load it.
# - The tools give you a fast **first reading**: hedges, sources, outlets, the chain. They
#   can be wrong, so check them, as you would check any source.
# - The questions stay the same for every article: **Who is behind it? What is the
#   evidence? What do other sources say?**
# - An **answer key** turns your own article into exercises for a whole class.
#
# **Think about it:** Choose a news story you saw this week. Which of the tools would you
# run first, and what do you expect to find? Then try it.

# %%
ml.progress.summary_view("06")

# %% [markdown]
# ⬅️ Back to the start: [Start here](00_start_here.ipynb). Well done: you have finished
# the lessons!
