"""Qt item models that adapt the readout's frozen dataclasses for the views; no parsing here."""
