"""Sharing grants: the lifecycle state machine, finding grant files, drafting and transitions."""
