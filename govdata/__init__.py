"""govdata: a government data catalog (政务数据目录) kept in git and checked against the regulation."""

__version__ = "0.1.0"
# The distribution on PyPI. The name ``govdata`` there belongs to an unrelated project: every CI
# file and guide installs this one (the command and the import name stay ``govdata``).
DISTRIBUTION = "govdata-catalog"
