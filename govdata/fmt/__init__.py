"""``govdata fmt``: canonical form of instance files (``canonical``), the cheap proof that a file
already is canonical (``fast_check``), and formatting many files with a cache (``run``)."""
