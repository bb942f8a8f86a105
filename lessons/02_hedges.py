# %% [markdown]
# # Lesson 2: Hedges
#
# **Time:** about 30 minutes.
#
# **You will learn to:**
#
# - find *hedges*: words that show the writer is passing a claim on, is not sure, or does
#   not say who the source is;
# - sort hedges into kinds: reportive, epistemic, vague source (and the question headline);
# - tell a hedge from a look-alike, such as "literally", "might" or "roughly";
# - spot *hedge drift*: a claim that is hedged at first and treated as settled later.
#
# **The three questions** of a fact-checker:
#
# 1. Who is behind the information?
# 2. **What is the evidence?** ← this lesson
# 3. What do other sources say?
#
# Hedges are small words with a big job. They tell you how much the writer stands behind
# a claim, and so how much evidence the story really gives you.

# %%
import medialit as ml
from medialit.learn.activities import hedging

article = ml.load_article()
key = ml.load_key()

# %% [markdown]
# ## 1. What is a hedge?
#
# Compare two messages from a friend:
#
# - "The test is cancelled."
# - "Apparently the test is cancelled. Someone in the other class said so."
#
# The second one *hedges*. Your friend passes the news on but does not vouch for it. You
# would check before you skip revising!
#
# News writers hedge too. Here are the kinds, with examples that are **not** from our story:
#
# | Kind | What it does | Examples |
# |---|---|---|
# | **reportive** | passes a claim on from someone else | *allegedly*, *is said to*, *according to a report* |
# | **epistemic** | shows the writer is not sure | *may*, *could*, *probably*, *it appears that* |
# | **vague source** | says someone said it, but not who | *sources say*, *experts believe*, *some people* |
# | **question headline** | asks instead of telling | "Is chocolate the new superfood?" |
#
# A hedge is **not** a sign of bad reporting. Honest writers hedge when they cannot check
# something. A hedge is a **signal**: the writer did not see this. So ask who did.
#
# ### Look-alikes
#
# Some words look like hedges but are not:
#
# - a word that makes a claim **stronger**, not softer ("truly", "clearly");
# - a word that belongs to **the people in the story**, not to the writer ("the players
#   feared they *might* lose" is about their fear, not about the writer's doubt);
# - a word that only **rounds a number** ("about 20 minutes", "nearly 300 people").
#
# ## 2. Find the hedges
#
# Read the first three paragraphs of the story. Select every hedge. Leave out the
# look-alikes: picking one is a **false alarm**.

# %%
find_ex = hedging.select_hedges(article, key)
find_ex

# %% [markdown]
# *Prefer typing?* List the phrases you pick: `find_ex.check(["a phrase", "another phrase"])`.
#
# **A worked example, after your own try.** Omar picked every word that *sounds* unsure.
# Run the cell to compare his answer with yours:

# %%
find_ex.worked_example(
    ["reports have surfaced", "literally", "might", "roughly", "reportedly"], who="Omar",
    lesson="Sounding unsure is not enough: ask whose doubt the word shows, and whether it "
    "softens the claim or only describes it.",
)

# %% [markdown]
# ## 3. What the computer finds
#
# `ml.find_hedges` finds hedges with rules: lists of words and patterns, each with a reason.
# Here they are, marked in the story. Each mark ends in a small numbered tag. Tab to a tag
# or tap it to read why the mark was made; all the reasons are also listed under the story.

# %%
ml.highlight(article, kinds=["hedge"])

# %% [markdown]
# The same findings as a table:

# %%
hedges = ml.find_hedges(article)
hedges[["text", "category", "rule"]]

# %% [markdown]
# Compare the table with your own answer. A computer follows its rules; it does not
# understand the story. On another article it can miss a hedge or mark a look-alike. You
# are the judge, and the table is a helper.
#
# ### Your turn: which kind is most common?
#
# Use the `hedges` table. Which `category` appears most often? Replace `None` with code
# that finds it. (Hint: `value_counts()` counts each value of a column.)

# %% nbgrader={"grade":false,"grade_id":"02-most-common-category","locked":false,"schema_version":3,"solution":true,"task":false}
most_common = None  # YOUR ANSWER HERE
### BEGIN SOLUTION
most_common = hedges["category"].value_counts().idxmax()
### END SOLUTION
most_common

# %% [markdown]
# ## 4. Sort the hedges
#
# Now sort hedges and look-alikes from the whole story. Which kind is each one? Putting a
# look-alike into a hedge kind is a false alarm.

# %%
sort_ex = hedging.sort_hedges(article, key)
sort_ex

# %% [markdown]
# *Prefer typing?* Give a kind for every phrase, for example
# `sort_ex.check({"a phrase": "a kind", "another phrase": "a kind", ...})`.
#
# ## 5. One small word, one terrible claim
#
# Read this sentence from the third paragraph:
#
# > Deserters from al-Shirqat have reportedly been boiled alive by the group both as
# > punishment and a threat to others considering similar actions.
#
# This is one of the worst things a story can say about anyone. What does the word
# "reportedly" do here?

# %%
reportedly_ex = hedging.what_reportedly_does(article, key)
reportedly_ex

# %% [markdown]
# *Prefer typing?* `reportedly_ex.check("the answer you pick")`.
#
# **After your try.** The whole claim rests on a single word. Compare it with the second
# paragraph, which says the sick-note claim comes "according to reports from Shiite
# militias fighting there". That hedge at least **names who** the reports come from, so you
# can ask what they might gain from it (lesson 3). "Reportedly" names no one.
#
# ## 6. Hedge drift
#
# A claim can arrive wrapped in hedges at the start of a story and, a few paragraphs
# later, be told as if it were settled, with no new evidence in between. This is called
# **hedge drift**. Read the whole story (`ml.page_view(article)`) and find where it
# happens here.
#
# ### Exercise: where does the claim drift?

# %%
drift_ex = hedging.spot_hedge_drift(article, key)
drift_ex

# %% [markdown]
# *Prefer typing?* `drift_ex.check("the sentence you pick")`.
#
# **After your try: what happened.** At the start, the story is careful. The claim arrives
# wrapped in hedges: "reports have surfaced", "according to reports from Shiite militias",
# "the militia members say".
#
# Then come a gallery, quotes from U.S. officers about low morale, another gallery and a
# quote from a U.S. general about a battle in Syria. In the tenth paragraph the story says:
#
# > The reports of Islamic State group fighters filing formal sick notices also offers
# > another notable insight into the bureaucracy the extremist network has established ...
#
# Look at what changed. The sick notes are no longer something *reported*: they are used as
# a fact that proves something else (how organised ISIS is). At first the story kept the
# words at a distance: fake "sick notices", in quotation marks. Now it writes of "formal
# sick notices". Yet nothing in between confirmed them: the U.S. officers spoke about low
# morale and desertion, and never mentioned sick notes.
#
# This is **hedge drift**: a claim starts hedged and ends up treated as settled, without
# new evidence. A reader who only skims the end sees a fact.
#
# The chart shows where the story hedges, paragraph by paragraph:

# %%
ml.plot_hedges(article)

# %% [markdown]
# The hedges crowd into the headline and the first three paragraphs. Paragraph 10, where
# the sick notes come back as a fact, has none. (The hedges in paragraphs 4 and 11 are
# about other things: unnamed officials on desertion, and unnamed columnists.)

# %% [markdown] nbgrader={"grade":true,"grade_id":"02-hedge-drift-written","locked":false,"points":2,"schema_version":3,"solution":true,"task":false}
# **Your turn (2 points).** Explain hedge drift in your own words, using this story. What
# was the claim at the start, how is it told at the end, and why could this fool a reader?
#
# ### BEGIN SOLUTION
# At the start the story only says that reports from Shiite militias claim ISIS fighters
# file fake sick notes: it is hedged ("reports have surfaced", "according to reports",
# "the militia members say"). Near the end it speaks of "formal sick notices" and uses them
# as proof of ISIS's bureaucracy, as if they were a known fact. Nothing in between
# confirmed the claim, so a reader who remembers the end may believe it was checked.
# ### END SOLUTION

# %% [markdown]
# ## Key points
#
# - A **hedge** shows that the writer passes a claim on, is not sure, or does not say who
#   the source is. It is a signal to ask: who says so, and how do they know?
# - Kinds: **reportive** ("reportedly"), **epistemic** ("may"), **vague source**
#   ("officials say"), and the **question headline**.
# - **Look-alikes** are not hedges: words that make a claim stronger ("literally"), words
#   that belong to people in the story ("they might die"), and rounded numbers ("roughly").
# - One hedge word can carry a very grave claim. "According to" names someone;
#   "reportedly" names no one.
# - **Hedge drift:** a claim hedged at the start can be treated as settled later, with no
#   new evidence in between.
#
# **Think about it:** Find a news story about something you care about. Underline its
# hedges. Does the story still hedge the main claim at the end, or has the claim drifted?

# %%
ml.progress.summary_view("02")

# %% [markdown]
# ➡️ Next: [Lesson 3: Who says so?](03_who_says_so.ipynb)
