"""Reading and writing files: the only layer that touches YAML libraries."""
