"""Files: project load/save/migrate, importers, non-drawing exporters, settings (no Qt)."""
