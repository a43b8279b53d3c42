"""``python -m disclosure_report`` is the ``disclosure-report`` command."""

import sys

from disclosure_report.cli import main

sys.exit(main())
