"""The Qt layer: item models over the parsed readout, the views, and the main window."""
