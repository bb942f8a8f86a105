# %% [markdown]
# # Lesson 4: State media. Who is behind Fars?
#
# **Time:** about 30 minutes.
#
# **You will learn to:**
#
# - read an *outlet card* to find out who is behind a news outlet;
# - explain what "state-affiliated media" means, in plain words;
# - weigh a *conflict of interest*: who gains if you believe the claim?
# - compare what the story says about Fars with what the record says.
#
# **The three questions** of a fact-checker:
#
# 1. **Who is behind the information?** ← this lesson
# 2. What is the evidence?
# 3. What do other sources say?
#
# In lesson 3 you followed the sick-note claim back to where it started: Shiite militias
# near al-Shirqat, then the Iranian news agency Fars, then *U.S. News*, then *AOL*. Now we
# look closely at the second link: Fars.

# %%
import textwrap

import pandas as pd

import medialit as ml
from medialit.learn.activities import state_media

article = ml.load_article()
key = ml.load_key()

# %% [markdown]
# ## Which news outlets does the story name?
#
# A news *outlet* is an organisation that publishes news: an agency, a paper, a TV channel
# or a website. `ml.find_outlets` finds every outlet the story names and looks it up in a
# table of more than 700 outlets.

# %%
ml.find_outlets(article)[["text", "name", "country", "typology", "state_affiliated"]]

# %% [markdown]
# The story itself names one outlet. Here it is, marked in the text. Tab to or tap the mark's
# small tag, or read the numbered note under the story, to see why it was marked.

# %%
ml.highlight(article, kinds=["outlet"])

# %% [markdown]
# The whole page names more outlets. Most of them sit in the photo captions that AOL
# added, as photo credits ("REUTERS/...", "AFP/Getty Images"). A photo credit tells you
# who took a picture. It does not tell you who made the claim.

# %%
page_outlets = ml.find_outlets(article, scope="page")
page_outlets["name"].value_counts()

# %% [markdown]
# ## Lateral reading: leave the page to learn about the source
#
# Fact-checkers do not judge an outlet by its own "About us" page. They open new tabs and
# read what *others* say about it. This is called **lateral reading** (reading sideways).
#
# medialit has a shortcut for that: an **outlet card**. It collects facts about an outlet
# from other sources, and names each source, so you can check it yourself.

# %%
card = ml.outlet_card("Fars")
print(textwrap.fill(card["summary"], 80))

# %% [markdown]
# Each card also has its facts one by one. The `source` is where the class of the outlet
# comes from: a row of the State Media Profiles table.

# %%
{field: card[field] for field in ["name", "country", "kind", "typology", "state_affiliated", "source"]}

# %% [markdown]
# ## What "state-affiliated" means
#
# The **State Media Monitor** sorts public and state media into classes. The State Media
# Profiles project put those classes into a table; medialit's outlet table is built from it.
# Here is what each code means, in plain words:
#
# | Code | Name | In plain words | State-affiliated? |
# |---|---|---|---|
# | **SC** | state-controlled | The state pays for it, runs it and decides what it reports. | yes |
# | **CaPu** | captured public | It was meant to be public media, but the government took over its management and news. | yes |
# | **CaPr** | captured private | A company owns it, but the owners are tied to the government, which steers the news. | yes |
# | **ISFM** | independent, state-funded and state-managed | The state pays and picks the bosses, but the newsroom decides what to report. | no |
# | **ISF** | independent, state-funded | The state pays most of the bills, but does not run it. | no |
# | **ISM** | independent, state-managed | The state owns or manages it, but it does not depend on state money, and the newsroom is free. | no |
# | **IP** | independent public | Public media that is free in its money, its bosses and its news. | no |
# | *private* | not state media | A company, a family, a cooperative or a non-profit owns it. | no |
#
# The key idea: **who decides what gets reported?** Money from the state is not enough to
# make an outlet state media. Control over the news is what counts.
#
# Here is the same list from medialit's data:

# %%
codes = pd.DataFrame(ml.outlets.typology_codes().values())
codes[["code", "label", "state_affiliated"]]

# %% [markdown]
# ### Exercise: read the card
#
# Use the outlet card above. Which class does the table give Fars?

# %%
typology_ex = state_media.outlet_typology(article, key)
typology_ex

# %% [markdown]
# *Prefer typing?* Answer in code, for example
# `typology_ex.check("the class you pick")`.

# %% [markdown]
# ## The outlet table
#
# `ml.load_outlets()` gives the whole table, one row per outlet. How many outlets does it
# know, and how many of them are state-affiliated?

# %%
outlets = ml.load_outlets()
len(outlets), int(outlets["state_affiliated"].sum())

# %% [markdown]
# Most outlets in this table are state or public media: that is what the State Media
# Monitor studies. A few dozen private outlets were added so that medialit can recognise
# them too. Here are the Iranian outlets the table knows:

# %%
outlets[outlets["country"] == "Iran"][["name", "typology", "state_affiliated"]]

# %% [markdown]
# ### Exercise: state media or not?
#
# Sort the outlets. The first six are named on the AOL page; the last three are not, but
# you will meet them in the news. Use `ml.outlet_card("...")` to look any of them up.
#
# Careful: some of them get money from a government and are still not state media.
# Flagging an outlet that is *not* state media is a **false alarm**, and it counts
# against you, just like a miss.

# %%
sort_ex = state_media.outlet_sort(article, key)
sort_ex

# %% [markdown]
# *Prefer typing?* Give a category for every outlet:
# `sort_ex.check({"an outlet": "a category", "another outlet": "a category", ...})`
#
# **A worked example, after your own try.** Maya thinks: "Any outlet that gets public
# money is state media." So she flags Fars, AFP, the BBC and Press TV. Run the cell to see
# her feedback, and read its "False alarm" lines.

# %%
maya = {item.text: "not state-affiliated" for item in sort_ex.items}
for name in ["Fars News Agency", "Agence France-Presse (AFP)", "BBC", "Press TV"]:
    maya[name] = "state-affiliated"
sort_ex.worked_example(maya, who="Maya",
                       lesson="Public money is not the same as control over the news.")

# %% [markdown]
# Try a look-up yourself: who is behind Xinhua? And the Associated Press?

# %%
print(textwrap.fill(ml.outlet_card("Xinhua")["summary"], 80))

# %% [markdown]
# ## "Run by the central government in Iran"?
#
# Here is how the story describes Fars:

# %%
fars_sentence = article.sentences["text"][article.sentences["text"].str.contains("Fars")]
print(textwrap.fill(fars_sentence.iloc[0], 80))

# %% [markdown]
# The story says something true and useful: it tells you the first report came from an
# Iranian outlet. To its credit, it does not hide that link. But the description is not
# exact. Here is what lateral reading finds:
#
# - Fars was founded in **2003**. It **calls itself independent**.
# - News outlets outside Iran usually call it **"semi-official"** and **close to the
#   Islamic Revolutionary Guard Corps (IRGC)**, Iran's powerful military force.
#   (Wikipedia, "Fars News Agency"; Iran Media Research.)
# - Reporters at Zamaneh and *Tehran Bureau* (2023) found in Iran's business register that
#   its founder was an IRGC commander and that, since 2008, its board has been led by the
#   deputy head of IRGC intelligence.
# - On **15 September 2023** the U.S. Treasury (its sanctions office, OFAC) named **Fars,
#   Tasnim and Press TV** as owned or controlled by the IRGC.
# - The State Media Monitor puts Fars in the class **state-controlled (SC)**.
#
# So "run by the central government" is not quite right. Iran's elected government and the
# IRGC are not the same thing. **"Semi-official and tied to the IRGC"** is closer to the record.
#
# Why does the difference matter? Because the IRGC is the part of Iran's state that arms,
# trains and pays some of the militias in Iraq. Keep that in mind for the next section.

# %% [markdown] nbgrader={"grade":true,"grade_id":"04-fars-written","locked":false,"points":2,"schema_version":3,"solution":true,"task":false}
# **Your turn (2 points).** Write one or two sentences that describe Fars more exactly than
# "run by the central government in Iran". Then name two facts your description rests on,
# and where each fact comes from.
#
# ### BEGIN SOLUTION
# Fars is a semi-official Iranian news agency, closely tied to the Islamic Revolutionary
# Guard Corps (IRGC), even though it calls itself independent. Two facts: the State Media
# Monitor classes it as state-controlled (SC), and in September 2023 the U.S. Treasury
# (OFAC) named it as owned or controlled by the IRGC.
# ### END SOLUTION

# %% [markdown]
# ## A conflict of interest
#
# A **conflict of interest** means that someone gains if you believe a claim. It does not
# prove the claim is false. It tells you to look for someone *without* that stake who says
# the same thing.
#
# Who are the militias in this story? The story calls them "Shiite militias ... also known
# as the Popular Mobilization Units or PMUs". What the record says (USIP *Iran Primer*,
# 26 April 2018):
#
# - The PMUs (also called PMF or *Hashd al-Shaabi*) formed in **June 2014**, after Iraq's
#   top Shia cleric, Grand Ayatollah Sistani, called on Iraqis to fight ISIS.
# - They are an **umbrella of about 40 to 60 groups**. Most are Shia, but some are Sunni,
#   Christian or Yazidi.
# - Iraq's parliament made them legal in **November 2016**, and the Iraqi state pays them.
# - **Only some** of the Shia groups were armed, trained and paid by Iran. The Badr
#   Organisation, for example, was founded in 1982 with IRGC support.
#
# So the story's "Iran ... backs most of the PMUs" makes things simpler than they are.
# "Iran backs some of the PMU groups" is closer.
#
# Now put the pieces together:
#
# 1. The claim comes from **militias fighting ISIS**: one side of the battle.
# 2. It was first published by **Fars**, an outlet tied to the IRGC, which backs some of
#    those militias.
# 3. The claim is about **their enemy**: it makes ISIS fighters look scared and weak.
#
# Every link so far sits on the same side of the fight. Here is the path as medialit's
# `source_chain` reads it from the text:

# %%
ml.source_chain(article).set_index("step")[["who", "role", "state_affiliated"]]

# %% [markdown]
# ### Exercise: where is the conflict of interest?
#
# Each statement is about one link of the path. Pick the true ones. Two questions help:
# does a government control this link? Does this link gain if you believe the claim?

# %%
stake_ex = state_media.conflict_of_interest(article, key)
stake_ex

# %% [markdown]
# *Prefer typing?* List every statement you pick:
# `stake_ex.check(["a statement", "another statement", ...])`

# %% [markdown]
# ## Key points
#
# - **Lateral reading:** to learn who is behind an outlet, read what others say about it.
#   An outlet card is a quick start; its sources let you check it.
# - **State-affiliated** means a government controls what the outlet reports (SC, CaPu,
#   CaPr). Public money alone (the BBC, AFP) does not make an outlet state media.
# - Fars is best described as **semi-official and tied to the IRGC**, not simply "run by the
#   central government".
# - The sick-note claim came from one side of a war, through an outlet tied to that side's
#   backer, about the enemy. That is a **conflict of interest**: a reason to look for
#   confirmation from someone without a stake. That is lesson 5.
#
# **Think about it:** Think of an outlet you read or watch often. Who owns it? Who pays
# for it? Would you know where to look it up?

# %%
ml.progress.summary_view("04")

# %% [markdown]
# ➡️ Next: [Lesson 5: Is it confirmed? Do the pictures belong?](05_is_it_confirmed.ipynb)
