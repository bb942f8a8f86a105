# %% [markdown]
# # Lesson 3: Who says so?
#
# **Time:** about 35 minutes.
#
# **You will learn to:**
#
# - find each *source* in a story: who gave the information;
# - tell a **named** source from an **unnamed** one;
# - judge whether a source has a **stake** in the story;
# - put the **source chain** in order: from the first person who told the claim to the
#   page you read.
#
# **The three questions** of a fact-checker:
#
# 1. **Who is behind the information?** ← this lesson
# 2. What is the evidence?
# 3. What do other sources say?
#
# In lesson 2 you saw that the story hedges its main claim: "according to reports", "the
# militia members say". A hedge tells you the writer did not see it. So who did?

# %%
import medialit as ml
from medialit.learn.activities import sourcing

article = ml.load_article()
key = ml.load_key()

# %% [markdown]
# ## 1. Source, cue, quote
#
# When a story passes on what someone said, it usually has three parts. Here is an example
# that is **not** from our story:
#
# > "The bridge will open again on Monday," said Maria Lopez, an engineer for the city.
#
# - the **source**: who said it (*Maria Lopez, an engineer for the city*);
# - the **cue**: the reporting word (*said*; also *says*, *according to*, *reported*);
# - the **quote** or the **content**: what was said. Words in quotation marks are a
#   *direct quote*: the source's own words. Without quotation marks, the writer retells it
#   in their own words.
#
# ### Exercise: find the sources
#
# In the first three paragraphs, select every phrase that says **who** gave the
# information, even when it gives no name. Careful: a reporting word with nobody behind it
# is not a source, and neither is a group of people the story only talks about.

# %%
find_ex = sourcing.select_sources(article, key)
find_ex

# %% [markdown]
# *Prefer typing?* `find_ex.check(["a phrase", "another phrase"])`.
#
# **A worked example, after your own try.** Kai thinks every reporting word is a source.
# Run the cell to compare his answer with yours:

# %%
find_ex.worked_example(
    ["reports have surfaced", "the militia members", "reportedly"], who="Kai",
    lesson='"Reports" and "reportedly" tell you that someone reported the claim. They do '
    "not say who. That is the whole problem with them.",
)

# %% [markdown]
# Here are the sources, cues and quotes that medialit finds in the whole story:

# %%
ml.highlight(article, kinds=["source", "cue", "quote"])

# %% [markdown]
# ## 2. Named or unnamed?
#
# A **named** source is one you can look up: a person with a name and a job, an
# organisation, a news outlet. An **unnamed** source ("officials", "others") cannot be
# checked by you.
#
# Named does not mean right, and unnamed does not mean wrong. Reporters sometimes keep a
# name secret to protect someone. But when a story names nobody, you have to trust the
# writer completely. Good stories say *why* a source is not named.
#
# ### Exercise: who is each source?
#
# Some of these are not sources at all. Calling them a source is a false alarm.

# %%
sort_ex = sourcing.sort_sources(article, key)
sort_ex

# %% [markdown]
# *Prefer typing?* Give a kind for every item, for example
# `sort_ex.check({"an item": "a kind", "another item": "a kind", ...})`.
#
# **After your try: what the computer says.** medialit sorts sources with rules, for
# example "a name with a title such as *Col.* is a named person". Here is its table, one
# row per attribution (an empty `source` means the story names nobody), and a chart of how
# many sources of each kind the story has. Do you agree with every `source_kind`?

# %%
attributions = ml.find_attributions(article)
attributions[["source", "cue", "source_kind"]]

# %%
ml.plot_sources(article)

# %% [markdown]
# ### Your turn: count in code
#
# Use the `attributions` table. How many of its rows have the `source_kind` `"unnamed"`?

# %% nbgrader={"grade":false,"grade_id":"03-count-unnamed","locked":false,"schema_version":3,"solution":true,"task":false}
unnamed = None  # YOUR ANSWER HERE
### BEGIN SOLUTION
unnamed = int((attributions["source_kind"] == "unnamed").sum())
### END SOLUTION
unnamed

# %% [markdown]
# ## 3. Who has a stake?
#
# A source has a **stake** when it gains or loses depending on what you believe. The claim
# here is that ISIS fighters are so scared that they fake illness. Who would like you to
# believe that?

# %%
stake_ex = sourcing.who_has_a_stake(article, key)
stake_ex

# %% [markdown]
# *Prefer typing?* `stake_ex.check(["an option", "another option"])`.
#
# **After your try.**
#
# - The **PMUs** (Popular Mobilization Units) are militias fighting ISIS at al-Shirqat.
#   They are one side of the battle. A side gains when its enemy looks weak.
# - **U.S. Central Command** "oversees all conflicts in the Middle East", as the story
#   says, and the U.S. leads the coalition against ISIS. Its officers speak for another
#   side of the same war.
#
# A stake does not make a claim false. Sides in a war sometimes tell the truth. But it
# means you should look for someone **without** a stake who says the same thing.
#
# ## 4. The source chain
#
# A claim often passes through several hands before it reaches you: the first teller,
# the outlets that pass it on, and the page you read. Read the story again
# (`ml.page_view(article)`), from the first paragraph to the copyright line and the page's
# details, and put the links in order.
#
# ### Exercise: put the chain in order
#
# Some names below were never links in the chain. Leave them out. Hint: a photo agency
# sold pictures to AOL; did it pass on the claim?

# %%
chain_ex = sourcing.order_source_chain(article, key)
chain_ex

# %% [markdown]
# *Prefer typing?* List the links in order, and leave out the rest:
# `chain_ex.check(["first link", "second link", ...])`.
#
# **After your try: the chain in the story's own words.**
#
# 1. "Now **reports have surfaced** ..." (nobody named yet)
# 2. "... according to reports from **Shiite militias** fighting there, also known as the
#    Popular Mobilization Units or PMUs" and "**the militia members** say"
# 3. "The news was **first reported by** Iranian news service **Fars**"
# 4. The copyright line: *U.S. News & World Report* wrote this version.
# 5. The page's details: **AOL** republished it.
#
# `ml.source_chain` reads the same chain from the text, step 1 first:

# %%
ml.source_chain(article).set_index("step")[["who", "role"]]

# %% [markdown]
# The chain as a picture, from the first teller (left) to the page you read (right):

# %%
ml.plot_source_chain(article)

# %% [markdown]
# ### A name that got lost
#
# Fars published the story in English on 1 September 2016. That first report quoted a
# PMU commander **by name: Jabbar al-Ma'mouri**. When *U.S. News* retold it, the name
# disappeared: now it was only "the militia members say". You can only find this out by
# leaving the page and looking for the first report. Fact-checkers call this **tracing the
# claim to its origin**.

# %% [markdown] nbgrader={"grade":true,"grade_id":"03-dropped-name-written","locked":false,"points":2,"schema_version":3,"solution":true,"task":false}
# **Your turn (2 points).** The retelling dropped the name of the PMU commander whom Fars
# had quoted. Why does that matter? What could a reader do with the name that they cannot
# do with "the militia members say"?
#
# ### BEGIN SOLUTION
# With the name, a reader could search for the commander, learn his role and which side he
# fights on, and see whether others quote him and whether he was right before. Without the
# name the source turns into anonymous "militia members": it cannot be checked, and it is
# easy to forget that the claim comes from a commander of one side of the battle.
# ### END SOLUTION

# %% [markdown]
# ## Key points
#
# - An attribution has a **source** (who), a **cue** (says, according to) and **content**
#   (what). Words in quotation marks are the source's own.
# - **Named** sources can be checked; **unnamed** ones ("U.S. officials", "others",
#   "multiple columnists") cannot. Reporting words such as "reportedly" name no one at all.
# - Ask if a source has a **stake**. The PMUs and U.S. Central Command are both sides in
#   the fight against ISIS.
# - The **source chain**: PMU militia members → Fars → *U.S. News & World Report* → AOL.
#   Photo agencies such as Reuters are not links: they took pictures, not the claim.
# - A retelling can **drop a name**. Trace a claim back to its first report.
#
# **Think about it:** Think of something you heard recently "from someone who knows".
# How many hands did it pass through before it reached you? Who was the first teller, and
# did they have a stake?

# %%
ml.progress.summary_view("03")

# %% [markdown]
# ➡️ Next: [Lesson 4: State media. Who is behind Fars?](04_state_media.ipynb)
