# %% [markdown]
# # Start here: reading the news like a fact-checker
#
# Welcome! In these lessons you work through one real news story, step by step:
# **"ISIS fighters calling in sick?"** It was written by *U.S. News & World Report* in
# September 2016, and then republished by *AOL*, with photo galleries and sign-up boxes
# around it.
#
# You will learn to ask three questions about any news text:
#
# 1. **Who is behind the information?**
# 2. **What is the evidence?**
# 3. **What do other sources say?**
#
# ## How to use a notebook
#
# A notebook is made of *cells*. Grey boxes hold code. To run a cell, click it and press
# **Shift + Enter**. The answer appears under the cell. Run the cells from top to bottom.
# If something looks wrong, choose *Kernel → Restart Kernel and Run All Cells*. Your
# answers to exercises are saved as you give them, so a restart never loses them.
#
# **Exercises** come *before* the explanation: try first, then read on. You get feedback
# in words, and a score: **hits** are right answers you found, **misses** are right answers
# you left out, **false alarms** are wrong ones you flagged. Flagging everything is no
# better than flagging nothing: the goal is to tell the two apart.
#
# **Written answers** go into a text cell that says *YOUR ANSWER HERE*. Double-click that
# cell to edit it, replace the words with your answer, then press **Shift + Enter** to
# show it as text again. Save with **Ctrl + S** (**Cmd + S** on a Mac).
#
# ## The lessons
#
# | Lesson | What you will do |
# |---|---|
# | [0. Start here](00_start_here.ipynb) | Meet the article and the page around it |
# | [1. Page or story?](01_page_or_story.ipynb) | Tell the story from the clutter around it |
# | [2. Hedges](02_hedges.ipynb) | Spot words like "reportedly" and what they signal |
# | [3. Who says so?](03_who_says_so.ipynb) | Trace each claim back to its source |
# | [4. State media](04_state_media.ipynb) | Find out who runs a news outlet |
# | [5. Is it confirmed?](05_is_it_confirmed.ipynb) | Check the evidence and the pictures |
# | [6. Your own article](06_your_own_article.ipynb) | Use every tool on a text you bring |

# %% [markdown]
# ## Load the article
#
# The first code cell loads the `medialit` helper library and the article.

# %%
import medialit as ml

article = ml.load_article()
article

# %% [markdown]
# The article has a headline, a publisher and a date. These facts are called *metadata*.

# %%
dict(article.metadata)

# %% [markdown]
# ## The story and the page around it
#
# A web page holds more than the story. Below, the **story** has a blue bar on the left.
# Everything else is *page clutter*: photo galleries, captions, buttons and sign-up boxes.
# It is dimmed and labelled. The `rule` column in the table below says why each line was
# sorted the way it was (with a mouse, you can also hover over a line).

# %%
ml.page_view(article)

# %% [markdown]
# Here is the same page as a table. Each line of the page is one row. The `kind` column
# says what the line is, and the `rule` column says why.

# %%
article.blocks[["kind", "rule", "text"]].head(12)

# %% [markdown]
# How many lines of each kind does the page have?

# %%
article.blocks["kind"].value_counts()

# %% [markdown]
# ## A first look at the tools
#
# In the next lessons you will look closely at the story's words. medialit can mark them
# for you. Each colour has a letter tag too, and a legend says what it means. Point at a
# highlight to see *why* it was marked. Don't worry about the details yet: that is what
# the lessons are for.

# %%
ml.highlight(article)

# %% [markdown]
# ## Key points
#
# - A news page mixes the story with things the website added around it.
# - Only the story's paragraphs are the journalist's work. Galleries and boxes come from the website.
#
# **Think about it:** Before the next lesson, look at the photo galleries. Do they show the
# place and the time the story is about?
#
# ➡️ Next: [Lesson 1: Page or story?](01_page_or_story.ipynb)
