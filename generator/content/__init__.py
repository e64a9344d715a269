"""Reading content: YAML sources, strict models, vocabularies, validation, the catalogue."""
