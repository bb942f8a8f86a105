# %% [markdown]
# # Lesson 1: Page or story?
#
# **Time:** about 25 minutes.
#
# **You will learn to:**
#
# - tell the story apart from the things a website puts around it;
# - say who wrote which part of the page: the outlet that wrote the story, or the website
#   that republished it;
# - explain why a headline that asks a question matters.
#
# **The three questions** of a fact-checker:
#
# 1. **Who is behind the information?** ← this lesson
# 2. What is the evidence?
# 3. What do other sources say?
#
# Why start here? A news page is more than its story. On this page, AOL put three photo
# galleries around a story written by *U.S. News & World Report*. If you read a gallery as
# part of the story, you may take its photos as proof. Before you judge what a story says,
# you need to know where it starts and where it ends.

# %%
import medialit as ml
from medialit.learn.activities import page

article = ml.load_article()
key = ml.load_key()

# %% [markdown]
# ## 1. The whole page
#
# Here is the page again. The story has a blue bar on its left. The lines the website added
# are dimmed, with a label in capitals such as **PAGE BUTTON**. Long runs of photo captions
# are shortened, so the page fits on your screen.

# %%
ml.page_view(article, max_caption_lines=2)

# %% [markdown]
# How much of this page is the story? The chart counts the letters (characters) in each
# kind of line.

# %%
ml.plot_page_composition(article)

# %% [markdown]
# Less than a fifth of the text on the page is the story. The photo captions alone take
# about three quarters. A quick reader who scrolls the page sees far more gallery than story.
#
# ### Your turn: count in code
#
# `article.blocks` is a table with one row per line of the page, and its `kind` column says
# what each line is. How many lines have the kind `"story"`? Replace `None` with code that
# counts them.

# %% nbgrader={"grade":false,"grade_id":"01-count-story-lines","locked":false,"schema_version":3,"solution":true,"task":false}
story_lines = None  # YOUR ANSWER HERE
### BEGIN SOLUTION
story_lines = int((article.blocks["kind"] == "story").sum())
### END SOLUTION
story_lines

# %% [markdown]
# ## 2. Sort the page
#
# Every line of the page is one of seven kinds:
#
# | Kind | What it is | Made by |
# |---|---|---|
# | **headline** | the title of the story | the writer (in the exercise it counts as **story**) |
# | **story** | the paragraphs of the article | the writer |
# | **gallery title** | the name of a set of photos | the website |
# | **photo caption** | a few words about one photo, often with a credit such as "REUTERS/..." | the photo agency, picked by the website |
# | **page button** | something you click: "See Gallery", "SHOW CAPTION +" | the website |
# | **promotion or link box** | a box that sends you to another page, a video or a sign-up form | the website |
# | **copyright line** | small print that says who owns the text above it | the writer's outlet |
#
# Watch out for **look-alikes**. A link to a video can sound like news. A paragraph of the
# story can come straight after a gallery's buttons, where it is easy to skip.
#
# ### Exercise: sort the lines
#
# Choose a kind for each line. Calling a story line clutter is a **false alarm**: you would
# throw away part of the story. Missing clutter is a **miss**: you would read a gallery as
# if it were news. Both count.

# %%
sort_ex = page.sort_page_blocks(article, key)
sort_ex

# %% [markdown]
# *Prefer typing?* Give a kind for every line, for example
# `sort_ex.check({"a line": "a kind", "another line": "a kind", ...})`.
#
# **After your try:** here is one of the look-alikes. Row 38 comes straight after the
# first gallery's buttons. Is it a button, or does the story go on there?

# %%
article.blocks[["kind", "text"]].iloc[33:40]

# %% [markdown]
# ## 3. Who wrote which part?
#
# Two organisations made this page. The page's own details (its *metadata*) name them:

# %%
{field: article.metadata[field] for field in ["publisher", "republished_by", "date"]}

# %% [markdown]
# **U.S. News & World Report** wrote the story. **AOL** *republished* it: AOL put the
# story on its own page. So which parts of the page did AOL add?
#
# ### Exercise: what did AOL add?

# %%
added_ex = page.who_added_what(article, key)
added_ex

# %% [markdown]
# *Prefer typing?* Copy the options you pick into a list: `added_ex.check(["an option", "another option"])`.
#
# ### Exercise: where does the story end?

# %%
ends_ex = page.where_story_ends(article, key)
ends_ex

# %% [markdown]
# *Prefer typing?* `ends_ex.check("the line you pick")`.
#
# **A worked example, after your own try.** Lena picks "Read Full Story": it has the word
# *Story* in it, and it comes near the end of the page. Run the cell to see her feedback:

# %%
ends_ex.worked_example(
    "Read Full Story", who="Lena",
    lesson="A line that talks about the story is not the same as a line that ends it.",
)

# %% [markdown]
# **What the page tells you.** The line "Copyright 2016 U.S. News & World Report" says who
# wrote the story, and marks where their text ends. Everything else was AOL's: a video
# link, three photo galleries, gallery buttons, a "Read Full Story" button, a newsletter
# sign-up and a box of links "From Our Partners". The photos in the galleries were taken by
# the agencies Reuters and AFP. AOL chose them and put them next to the story. Nobody at
# *U.S. News* said these photos show the events of the story (in lesson 5 you will check
# where and when they were taken).
#
# ## 4. A headline that asks
#
# The headline of the page is **"ISIS fighters calling in sick?"**
#
# Say it as a statement: "ISIS fighters are calling in sick." What changes?
#
# ### Exercise: why the question mark?

# %%
headline_ex = page.question_headline(article, key)
headline_ex

# %% [markdown]
# *Prefer typing?* `headline_ex.check("the answer you pick")`.
#
# **After your try.** As a statement, the page would have to show that it is true. With a
# question mark, the page puts the idea in your head, and still has promised nothing. If
# the claim turns out wrong, the headline was "only asking". Question headlines are common,
# and not always a trick. But they are a signal: read on and look for who says so, and how
# they know.

# %% [markdown] nbgrader={"grade":true,"grade_id":"01-rewrite-headline-written","locked":false,"points":2,"schema_version":3,"solution":true,"task":false}
# **Your turn (2 points).** Rewrite the headline as a statement that says only what the
# story can back up. Hint: say who makes the claim. Then explain in one sentence why your
# headline is fairer to the reader.
#
# ### BEGIN SOLUTION
# "Iraqi militias say ISIS fighters near al-Shirqat fake sick notes to avoid the front."
# It is fairer because it names who makes the claim (one side of the fight) instead of
# raising the idea as an open question that sounds like news.
# ### END SOLUTION

# %% [markdown]
# ## Key points
#
# - A news page mixes the **story** with what the **website** added around it: galleries,
#   captions, buttons, links and sign-up boxes.
# - The **copyright line** marks where the story ends and says who wrote it: here,
#   *U.S. News & World Report*. **AOL** republished the story and added the rest.
# - Watch for **look-alikes**: a video title can sound like news, and the story can go on
#   right after a gallery.
# - A **question headline** raises a claim without saying it is true. Read on to find out
#   who makes the claim.
#
# **Think about it:** Open a news page you read often. Scroll to the end of the story.
# How much of the page did the website add, and could you tell where the story stopped?

# %%
ml.progress.summary_view("01")

# %% [markdown]
# ➡️ Next: [Lesson 2: Hedges](02_hedges.ipynb)
