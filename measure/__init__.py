"""Measurement: triage quality (`make evaluate`) and speed and memory (`make bench`)."""
