"""Files ``govdata init`` copies into a new instance (read with importlib.resources)."""
