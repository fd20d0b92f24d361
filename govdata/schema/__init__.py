"""GB-style JSON Schemas: generated from the models, validated fast, errors told in Chinese."""
