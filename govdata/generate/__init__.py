"""Derived files, each generator returning ``{path: content}``; writing them is the CLI's job."""
