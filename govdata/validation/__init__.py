"""Validation of an instance: per-file jobs (read, parse, schema, model, per-file rules, facts),
a cache of their results keyed by content, and the cross-file rules over a compact index."""
