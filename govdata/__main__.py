"""Allow ``python -m govdata``."""

from govdata.cli import main

main()
