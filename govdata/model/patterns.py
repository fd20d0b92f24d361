"""Text patterns shared by the models (hence the JSON Schemas) and by the code that checks
values before they reach a model (imports, command options). Plain strings, no pydantic."""

from __future__ import annotations

# White space inside a pattern's character class, as every engine that reads our patterns sees
# it: ECMA-262's ``\s`` (the JSON Schema, yaml-language-server) holds U+FEFF and not U+0085, the
# Rust regex crate's (pydantic) the other way round. Naming both keeps the schema and the model
# agreeing on every text (``[^{SPACE}]`` for "not white space").
SPACE = r"\s\u0085\uFEFF"
EMAIL_PATTERN = rf"^[^@{SPACE}]+@[^@{SPACE}]+\.[^@{SPACE}]+$"
URL_PATTERN = rf"^https?://[^{SPACE}]+$"
