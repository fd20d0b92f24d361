"""Pydantic models of every file kind, and the ``Catalog`` of a whole instance."""
