"""govdata: a government data catalog (政务数据目录) kept in git and checked against the regulation."""

__version__ = "0.1.0"
