"""CI files for an instance: the shipped templates with the install step and version filled in."""
