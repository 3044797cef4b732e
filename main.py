"""Run Hydreight Desktop: ``python main.py`` (see ``python main.py --help``)."""

import sys

from hydreight_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
