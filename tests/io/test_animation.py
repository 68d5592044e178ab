"""The GIF of PNG frames: one size for all, the last frame held, limits with messages."""

from __future__ import annotations

import io

import pytest
from PIL import GifImagePlugin, Image

from timeline_editor.io.animation import (
    LAST_FRAME_MS,
    AnimationError,
    check_gif_size,
    gif_bytes,
)


def png(width: int, height: int, colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, format="PNG")
    return out.getvalue()


def test_frames_of_different_heights_share_the_largest_size() -> None:
    data = gif_bytes([png(40, 20, "red"), png(40, 30, "blue")], frame_ms=100)
    with Image.open(io.BytesIO(data)) as gif:
        assert isinstance(gif, GifImagePlugin.GifImageFile)
        assert (gif.n_frames, gif.size) == (2, (40, 30))
        assert gif.convert("RGB").getpixel((5, 5)) == (255, 0, 0)
        assert gif.convert("RGB").getpixel((5, 25)) == (255, 255, 255)  # padding is white
        assert gif.info["duration"] == 100
        gif.seek(1)
        assert gif.info["duration"] == LAST_FRAME_MS
        assert gif.convert("RGB").getpixel((5, 25)) == (0, 0, 255)


def test_limits() -> None:
    with pytest.raises(AnimationError, match="no frames"):
        gif_bytes([])
    with pytest.raises(AnimationError, match="500 frames of 3,200x1,000 pixels are too large"):
        check_gif_size(500, 3200, 1000)
    check_gif_size(500, 1600, 500)
