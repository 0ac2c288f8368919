"""The assistant's own Python package: NLU checks, content rendering, storage."""
