"""``python -m pingan.schemas``: write schemas/*.schema.json."""

import sys

from pingan.schemas import main

sys.exit(main())
