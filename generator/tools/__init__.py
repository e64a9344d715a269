"""Provider tools: scaffolds, JSON Schemas, the field reference, catalogue diffs."""
