"""Demand lists (需求清单, Art. 16): matching demands to the catalog, the gap list, drafting grants."""
