"""Small tools every layer may use: lazy imports, typed frames, the regex trie, bundled data
files and safe file writing. Imports nothing else from medialit."""
