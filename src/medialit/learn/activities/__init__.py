"""Ready-made exercises for the lessons, built from an article and its answer key.

Each module serves one lesson's concept. Every builder takes ``(article, key)``,
so the same exercises work on the seed article and on any article a teacher has
reviewed and saved a key for (see lesson 6).
"""
