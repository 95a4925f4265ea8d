"""Readout Browser: read diplomatic readouts through their structure."""

__version__ = "0.1.0"
APP_NAME = "Readout Browser"
APP_ID = "org.readoutbrowser.ReadoutBrowser"
