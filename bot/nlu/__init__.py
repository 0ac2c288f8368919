"""Deterministic NLU components that run after the intent classifier.

Each one can only add to what the classifier found (an intent it must not
miss, or an entity); none of them is trained, and their rules are data files
in `bot/nlu/rules/`.
"""
