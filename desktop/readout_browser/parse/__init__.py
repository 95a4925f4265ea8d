"""The parsing core: text in, `Readout` out. Imports no Qt, so it runs anywhere.

`readout_browser.parse.pipeline.parse_file` and `parse_text` are its entry points.
"""
