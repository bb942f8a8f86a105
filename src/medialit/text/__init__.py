"""Layer 1, text: the Article (text, page blocks, sentences) and how it is read from a file,
pasted text or a saved web page. Imports only _util, errors and vocab."""
