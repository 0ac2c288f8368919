"""The resident's chat page, its accessibility statement and the embedding script."""
