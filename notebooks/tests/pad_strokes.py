"""Digits as a person draws them on notebook 8's drawing pad: strokes of points on its 280x280 canvas, drawn with
the mouse by Playwright (a test and the latency benchmark share them)."""
import math

SIZE = 280


def _ellipse(cx, cy, rx, ry, points=36, start=-math.pi / 2):
    return [(cx + rx * math.cos(start + 2 * math.pi * i / points), cy + ry * math.sin(start + 2 * math.pi * i / points))
            for i in range(points + 1)]


# digit -> strokes; each stroke a list of (x, y) on the canvas, y pointing down
DIGITS = {
    1: [[(140, 40), (140, 240)]],  # a vertical bar
    0: [_ellipse(140, 140, 65, 100)],  # a closed loop
    7: [[(60, 50), (215, 50), (120, 245)]],
    4: [[(150, 45), (60, 170), (215, 170)], [(165, 55), (165, 245)]],
    2: [[(70, 95), (85, 60), (125, 40), (170, 45), (200, 75), (200, 115), (170, 155), (75, 240), (220, 238)]],
    3: [[(70, 65), (110, 40), (165, 42), (195, 75), (180, 115), (130, 135), (185, 150), (205, 190), (185, 230),
         (130, 250), (75, 230)]],
}


def draw(page, canvas, strokes, steps=4):
    """Draws the strokes with the mouse on `canvas` (a Playwright locator), as a person would: press, move, release."""
    box = canvas.bounding_box()
    scale = box["width"] / SIZE
    for stroke in strokes:
        x, y = stroke[0]
        page.mouse.move(box["x"] + x * scale, box["y"] + y * scale)
        page.mouse.down()
        for x, y in stroke[1:]:
            page.mouse.move(box["x"] + x * scale, box["y"] + y * scale, steps=steps)
        page.mouse.up()
