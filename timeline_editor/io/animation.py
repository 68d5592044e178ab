"""An animated GIF from PNG frames (Pillow): the briefing animation of knowledge time.

Frames may differ in height (rows appear as entries become known); each is placed at
the top left of a white canvas the size of the largest, so the chart's scale and place
stay put. Each frame gets its own 256-colour palette without dithering, which keeps
text crisp. Nothing is written here: the caller writes the bytes atomically.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image

#: Frames times pixels above this would need gigabytes while the GIF is assembled.
MAX_GIF_PIXELS = 400_000_000
FRAME_MS = 800
LAST_FRAME_MS = 3000


class AnimationError(ValueError):
    """An animation that cannot be made (too large, no frames)."""


def check_gif_size(frames: int, width: int, height: int) -> None:
    """AnimationError when ``frames`` frames of ``width`` x ``height`` are too many pixels."""
    total = frames * width * height
    if total > MAX_GIF_PIXELS:
        raise AnimationError(
            f"{frames:,} frames of {width:,}x{height:,} pixels are too large for one GIF "
            f"(at most {MAX_GIF_PIXELS:,} pixels in all); use a longer step, fewer days, "
            "a smaller --width or --scale, or PNG frames in a folder"
        )


def gif_bytes(
    frames: Sequence[bytes], frame_ms: int = FRAME_MS, last_ms: int = LAST_FRAME_MS
) -> bytes:
    """A looping GIF of the PNG images ``frames``; the last frame is held ``last_ms``."""
    if not frames:
        raise AnimationError("no frames to animate")
    sizes = [_size(frame) for frame in frames]
    width, height = max(w for w, _ in sizes), max(h for _, h in sizes)
    check_gif_size(len(frames), width, height)
    images = [_paletted(frame, width, height) for frame in frames]
    durations = [frame_ms] * (len(images) - 1) + [last_ms]
    out = io.BytesIO()
    images[0].save(
        out,
        format="GIF",
        save_all=True,
        append_images=images[1:],
        duration=durations,
        loop=0,
        disposal=1,
    )
    return out.getvalue()


def _size(png: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(png)) as image:  # reads the header only
        return image.size


def _paletted(png: bytes, width: int, height: int) -> Image.Image:
    with Image.open(io.BytesIO(png)) as image:
        canvas = Image.new("RGB", (width, height), "white")
        canvas.paste(image.convert("RGB"), (0, 0))
    return canvas.convert("P", palette=Image.Palette.ADAPTIVE, colors=256, dither=Image.Dither.NONE)
