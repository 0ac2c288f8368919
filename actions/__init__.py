"""Custom actions: they render the reviewed content in content/*.yml."""
