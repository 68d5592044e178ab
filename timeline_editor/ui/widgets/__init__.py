"""Small widgets and helpers shared by every part of the window (fields, wording, column sizing)."""
