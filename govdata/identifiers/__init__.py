"""Validators for Chinese official identifiers (统一社会信用代码 and friends)."""
