"""`python -m readout_browser` runs the same entry point as `readout-browser`."""

import sys

from readout_browser.cli import main

sys.exit(main())
