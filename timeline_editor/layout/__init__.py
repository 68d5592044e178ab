"""Pure geometry: time scale, axis ticks, lane packing, level-of-detail index (no Qt)."""
