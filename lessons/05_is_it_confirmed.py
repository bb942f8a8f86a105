# %% [markdown]
# # Lesson 5: Is it confirmed? Do the pictures belong?
#
# **Time:** about 30 minutes.
#
# **You will learn to:**
#
# - sort claims by how far someone else backs them up (*corroborates* them);
# - notice when a quote about something *nearby* stands in for confirmation;
# - check whether the pictures on a page show the story's place and time;
# - use the four moves of **SIFT** to check a claim.
#
# **The three questions** of a fact-checker:
#
# 1. Who is behind the information? (lesson 4)
# 2. **What is the evidence?** ← this lesson
# 3. **What do other sources say?** ← this lesson
#
# ## SIFT: four moves for any claim
#
# Mike Caulfield, who teaches fact-checking, sums up what checkers do in four moves:
#
# - **S**top. Notice how the story makes you feel. A strong feeling is a reason to slow down.
# - **I**nvestigate the source. Who is behind it? (You did this for Fars in lesson 4.)
# - **F**ind better coverage. Who else reports the claim, and do they have their own way
#   of knowing?
# - **T**race the claim to where it first appeared. (You traced the chain in lesson 3.)
#
# Today is about **F**: finding out whether anyone else confirms the claim.

# %%
import textwrap

import medialit as ml
from medialit.learn.activities import evidence

article = ml.load_article()
key = ml.load_key()

# %% [markdown]
# ## What "corroborated" means
#
# A claim is **corroborated** when someone else confirms it: someone who had their own way
# of knowing, and who is not simply repeating the first teller. The more independent that
# someone is, the stronger the confirmation.
#
# - **Corroborated:** an independent source confirms this very claim.
# - **Partly corroborated:** someone else backs part of it, or backs it but is not
#   independent (for example, they made the claim about their own actions).
# - **Not corroborated:** nobody but the first teller says it, or the "support" is about
#   something else.
#
# ## Who does the story quote?
#
# The story quotes U.S. officers after the sick-note claim. What do they actually talk
# about? Here are the named people it quotes, word for word:

# %%
quotes = ml.find_attributions(article)
for line in quotes.loc[quotes["source_kind"] == "named_person", "text"]:
    print(textwrap.fill(line, 80, initial_indent="- ", subsequent_indent="  "), "\n")

# %% [markdown]
# ### Exercise: does a nearby quote confirm the claim?
#
# Read the quotes above. Do any of them confirm that ISIS fighters at al-Shirqat filed
# fake sick notes?

# %%
nearby_ex = evidence.nearby_quotes(article, key)
nearby_ex

# %% [markdown]
# *Prefer typing?* `nearby_ex.check("the option you pick")`.
#
# **After your try: what the quotes are about.** Col. John Thomas talks about **morale** and about civilians **resisting** ISIS. Gen.
# Joseph Votel talks about fighters in **Manbij**, a town in Syria, who did not obey an
# order to fight to the death. The unnamed "U.S. officials" speak about **desertion in
# general**.
#
# None of them mentions sick notes, or al-Shirqat. Their quotes are about things *near*
# the claim: the same war, the same enemy, the same mood. Placed right after the claim,
# they make it *feel* confirmed. That is a common trick of news writing, often not even on
# purpose.
#
# A quick word search can be fooled the same way. Which sentences of the story contain
# the word "sick"?

# %%
sentences = article.sentences["text"]
for sentence in sentences[sentences.str.contains("sick")]:
    print(textwrap.fill(sentence, 80, initial_indent="- ", subsequent_indent="  "))

# %% [markdown]
# Most of them are the claim itself, told again and again: a claim cannot confirm itself.
# One is Col. Thomas, but look closer: "citizens who are **sick of** the oppression".
# Same word, different meaning. A matching word is not a matching claim.

# %% [markdown]
# ### Exercise: how far is each claim backed?
#
# Here are the story's main claims. Sort each one. Use what you found above, and read the
# story again if you need to (`ml.page_view(article)`).
#
# Being suspicious of everything is not the goal. If a claim does have some support and you
# call it "not corroborated", that counts as a **false alarm**.

# %%
claims_ex = evidence.claim_support(article, key)
claims_ex

# %% [markdown]
# *Prefer typing?* Give a category for every claim, for example
# `claims_ex.check({"a claim": "a category", "another claim": "a category", ...})`.
#
# **A worked example, after your own try.** Sam reasons: "The story quotes U.S. officers,
# so everything in it is at least partly backed." Run the cell to see his feedback:

# %%
sam = {claim.text: "partly corroborated" for claim in claims_ex.items}
claims_ex.worked_example(
    sam, who="Sam",
    lesson="Quotes about the same war are not support for every claim: check what each "
    "quote is really about.",
)

# %% [markdown]
# ## A claim told as plain fact: "one of its top leaders was killed"
#
# The story's second sentence says, with no hedge at all, that "one of its top leaders
# was killed in a coalition airstrike". AOL even put a video called "Top ISIS Commander
# Killed" on the page. What does the record say?
#
# - The leader was **Abu Mohammed al-Adnani**, ISIS's spokesman. He was killed on
#   **30 August 2016**.
# - **Two** countries claimed the strike: the **United States** and **Russia**.
# - The **Pentagon confirmed** that its strike killed him only on **12 September 2016**,
#   ten days after this page was published (2 September).
#
# So on the day of the story, the "fact" was a claim from the side that made the strike,
# and another country claimed it too. It turned out to be true that he died; *who* killed
# him was contested. Telling a claim as a fact, before it is confirmed, is a risk even when
# it turns out right.

# %% [markdown]
# ## Find better coverage: what do other sources say?
#
# If ISIS fighters really faked illness to escape the front, others might have seen signs
# of it. Fact-checkers who searched found this:
#
# - **West Point's Combating Terrorism Center** (a research centre of the U.S. Military
#   Academy), in a report of **April 2016**, cites an ISIS document about members trying to
#   get *false medical reports*.
# - The **Washington Post** reported in **February 2017** on ISIS files found in Mosul that
#   list fighters with sick notes.
# - The first report, by **Fars** on 1 September 2016, quoted a named PMU commander, **Jabbar
#   al-Ma'mouri**. The *U.S. News* retelling left the name out.
# - Iraqi forces **retook al-Shirqat on 22 September 2016**, three weeks after the story.
#
# No independent confirmation of the **specific** claim, about sick notes at **al-Shirqat**
# in **September 2016**, was found.

# %% [markdown] nbgrader={"grade":true,"grade_id":"05-pattern-vs-claim-written","locked":false,"points":2,"schema_version":3,"solution":true,"task":false}
# **Your turn (2 points).** The West Point report and the *Washington Post* show that some
# ISIS fighters did try to get out of fighting with medical excuses. Does that confirm the
# story's claim about al-Shirqat? Explain in two or three sentences, and say what *would*
# confirm it.
#
# ### BEGIN SOLUTION
# No. They show that the trick happened elsewhere (a general pattern), which makes the claim
# believable, but not that it happened at al-Shirqat in September 2016. The claim would be
# confirmed by an independent source with its own way of knowing: for example, reporters on
# the ground, documents found in al-Shirqat after it was retaken, or fighters who left ISIS
# there, reported by an outlet with no stake in the fight.
# ### END SOLUTION

# %% [markdown]
# ## Do the pictures belong?
#
# AOL put three photo galleries on the page. Pictures feel like proof: "here it is, I can
# see it". So check them like any other claim. The story is about **al-Shirqat, in
# northern Iraq**, in **early September 2016**.
#
# Where were the photos taken? The captions tell us. First, how many captions are there,
# and how many mention al-Shirqat?

# %%
captions = article.blocks.loc[article.blocks["kind"] == "photo_caption", "text"]
len(captions), int(captions.str.contains("Shirqat").sum())

# %% [markdown]
# Which places do the captions name? (The search takes the first place named in each
# caption.)

# %%
captions.str.extract(r"(al-Shirqat|Mosul|Najaf|Falluja|Syria)")[0].value_counts()

# %% [markdown]
# And in which years were the photos taken?

# %%
captions.str.extract(r"(20\d\d)")[0].value_counts()

# %% [markdown]
# ### Exercise: which galleries show the story?
#
# Compare each gallery's place and dates with the story's: al-Shirqat, early September 2016.

# %%
gallery_ex = evidence.gallery_match(article, key)
gallery_ex

# %% [markdown]
# *Prefer typing?* List the options you pick: `gallery_ex.check(["an option", "another option"])`.
#
# Photos from another place or time are not fake. Each caption here is honest about where
# and when. The problem is the page: it puts them next to a story they do not show, so they
# *look* like evidence. A reader who skips the captions may think they saw the story's events.

# %% [markdown]
# ## Put it together: SIFT on this story
#
# ### Exercise: which move is it?
#
# Sort each check into the SIFT move it belongs to. Two of them are not good checks at all:
# they feel like checking, but they prove nothing.

# %%
sift_ex = evidence.sift_moves(article, key)
sift_ex

# %% [markdown]
# *Prefer typing?* `sift_ex.check({"a check": "a move", "another check": "a move", ...})`

# %% [markdown]
# ## Key points
#
# - **Corroborated** means confirmed by someone else who had their own way of knowing.
#   Many copies of one report are still one report.
# - A quote about something **nearby** (the same war, the same enemy) can make a claim
#   *feel* confirmed without confirming it. Check what each quote is really about.
# - Evidence of a **general pattern** (ISIS files elsewhere) makes a claim believable; it
#   does not confirm the **specific** claim (al-Shirqat, September 2016).
# - **Pictures** need checking too: compare their place and date with the story's.
# - Doubt is not the goal. Telling supported claims from unsupported ones is.
#
# **Think about it:** Think of a photo or video you saw online this month that seemed to
# prove something. Did you know where and when it was taken? How could you find out?

# %%
ml.progress.summary_view("05")

# %% [markdown]
# ➡️ Next: [Lesson 6: Your own article](06_your_own_article.ipynb)
