"""Digits written by pen into a slot, read by a classifier trained on handwritten digits.

Tesseract is trained on print: it reads pen figures as letters and signs
(``23§ÿÿ``, ``|D``) or as other digits, sometimes the same wrong digit every
time (a written 2388 read 2385). This reader sees a slot's ink the way a
handwritten-digit classifier does:

* the ink: blue or violet pen when the slot holds coloured ink (print is
  black), else every dark pixel; specks, dotted leaders and rules dropped;
* the digits: connected strokes, strokes standing over each other joined (the
  bar of a ``5``, the cross of a ``7``), two figures that touch split at the
  thinnest column (:func:`digit_boxes`);
* each digit normalised to scikit-learn's handwritten-digits set's features
  (slant sheared out, height fitted to 32 pixels keeping its proportions, ink
  counted in 4 × 4 cells → 8 × 8 grey levels 0–16) and classified by an SVM
  trained on that set (:func:`sklearn.datasets.load_digits`, 1,797 digits
  shipped inside scikit-learn: nothing is downloaded). The set's images go
  through the same normalisation, drawn thinner, thicker, narrower and wider
  too (pens vary more than the set's writers). The model trains in about a
  second, once: it is kept beside the OCR cache.

Each digit comes with its confidence, the least of its one-against-one SVM
decision values against the nine other classes (:attr:`PenDigit.margin`).
The reader is sure of wrong figures too often to be heard alone: :mod:`.slots`
takes a value from it only where another reader read it too.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from functools import lru_cache

from .ocr_cache import cache_dir

# A pixel is pen ink of colour when its channels spread at least this much and blue leads red
# (blue and violet ballpoint); print and black pen stay gray.
PEN_MIN_SPREAD = 40
PEN_BLUE_OVER_RED = 15
# The slot is written in colour when coloured ink covers this share of it (else black pen).
COLOUR_SHARE = 0.004
DARK_GRAY = 140  # darker than this is ink, in a slot written in black
# A digit is at least this share of the slot's tallest stroke group high (a comma, a dot, a
# dotted leader's dots are lower).
DIGIT_MIN_HEIGHT = 0.55
# … and at least this many pixels (at 300 dpi) high: specks are smaller.
DIGIT_MIN_PIXELS = 14
# Strokes standing over each other by this share of the narrower one's width are one figure.
JOIN_OVERLAP = 0.5
# A figure wider than this share of its height is two (or more) figures touching.
SPLIT_WIDTH = 1.15
DIGIT_WIDTH = 0.7  # a figure's usual width against its height, to count touching figures
# A rule (underline, a table's line) is this many times wider than high.
RULE_ASPECT = 4.0
SET_WIDTHS = (0.7, 1.3)  # the set's figures drawn this much narrower and wider too
SET_INK = 100  # a digits-set cell drawn again at 32 × 32 is ink from this grey (0–255)
SCALED_INK = 96  # a pixel of the scaled figure is ink from this grey (0–255)
SIDE = 32  # the digits set was drawn on 32 × 32 pixels …
CELL = 4  # … and counted in 4 × 4 cells: 8 × 8 features of 0–16
MODEL_FORMAT = "pen-digits-2"  # bump when the features or the model change


@dataclass(frozen=True)
class PenDigit:
    """One figure read: its class and how sure the classifier was of it."""

    digit: str
    votes: float  # share of the one-against-one contests the class won (1.0: all nine)
    margin: float  # its least one-against-one decision value (negative: another class beat it)


@dataclass(frozen=True)
class PenReading:
    """The figures of a slot, left to right; ``text`` their digits."""

    digits: tuple[PenDigit, ...]
    coloured: bool  # read from coloured pen ink (print ignored), not from every dark pixel

    @property
    def text(self) -> str:
        return "".join(d.digit for d in self.digits)

    @property
    def weakest(self) -> float:
        """The least margin of any of its figures (0 when there is none)."""
        return min((d.margin for d in self.digits), default=0.0)


def read_pen_digits(colour, band: tuple[int, int] | None = None, model=None) -> PenReading:
    """The figures written in ``colour`` (a PIL image of the slot, pen reach included); ``band``, the
    rows of the printed line in it: a figure crosses it, what lies wholly above or below does not.
    ``model`` is the classifier (:func:`digit_model`, trained on the whole set, by default)."""
    import numpy as np

    ink, coloured = pen_ink(colour)
    boxes = digit_boxes(ink, band)
    if not boxes:
        return PenReading((), coloured)
    features = np.array([digit_features(ink, box) for box in boxes])
    return PenReading(tuple(_classified(features, model or digit_model())), coloured)


def pen_ink(colour):
    """(ink mask, whether it is coloured pen): coloured pen when the slot holds enough of it, else
    every dark pixel."""
    import numpy as np

    rgb = np.asarray(colour.convert("RGB")).astype(np.int16)
    red, green, blue = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    spread = rgb.max(axis=2) - rgb.min(axis=2)
    pen = (spread >= PEN_MIN_SPREAD) & (blue >= red + PEN_BLUE_OVER_RED) & (blue >= green)
    if pen.sum() >= COLOUR_SHARE * pen.size:
        return pen, True
    gray = rgb.mean(axis=2)
    return gray < DARK_GRAY, False


Box = tuple[int, int, int, int]  # left, top, right, bottom (pixels, right and bottom excluded)


def digit_boxes(ink, band: tuple[int, int] | None = None) -> list[Box]:
    """Boxes of the figures in ``ink``, left to right: strokes joined and split as the module says;
    with ``band``, only strokes that reach into those rows (not the line above's or below's)."""
    from scipy import ndimage

    labels, _count = ndimage.label(ink, structure=[[1, 1, 1], [1, 1, 1], [1, 1, 1]])
    strokes = []
    for found in ndimage.find_objects(labels):
        if found is None:
            continue
        rows, columns = found
        box = (columns.start, rows.start, columns.stop, rows.stop)
        width, height = box[2] - box[0], box[3] - box[1]
        if width >= RULE_ASPECT * height and height < DIGIT_MIN_PIXELS:
            continue  # an underline or a rule
        if band is not None and (box[3] <= band[0] or box[1] >= band[1]):
            continue  # the line above's descenders, the line below's tone marks
        strokes.append(box)
    figures = _joined(sorted(strokes))
    tallest = max((b[3] - b[1] for b in figures), default=0)
    figures = [b for b in figures if b[3] - b[1] >= max(DIGIT_MIN_PIXELS, DIGIT_MIN_HEIGHT * tallest)]
    out: list[Box] = []
    for box in figures:
        out += _split(ink, box)
    return out


def _joined(strokes: list[Box]) -> list[Box]:
    """Strokes standing over each other (sorted by their left edge) joined into figures."""
    figures: list[Box] = []
    for box in strokes:
        for index, other in enumerate(figures):
            overlap = min(box[2], other[2]) - max(box[0], other[0])
            narrower = min(box[2] - box[0], other[2] - other[0])
            if overlap >= JOIN_OVERLAP * max(1, narrower):
                figures[index] = (
                    min(box[0], other[0]),
                    min(box[1], other[1]),
                    max(box[2], other[2]),
                    max(box[3], other[3]),
                )
                break
        else:
            figures.append(box)
    return sorted(figures)


def _split(ink, box: Box) -> list[Box]:
    """``box`` as one figure, or cut into touching figures at the columns with least ink."""
    left, top, right, bottom = box
    width, height = right - left, bottom - top
    if width <= SPLIT_WIDTH * height:
        return [box]
    parts = max(2, round(width / (DIGIT_WIDTH * height)))
    columns = ink[top:bottom, left:right].sum(axis=0)
    cuts, start = [], 0
    for part in range(1, parts):
        guess = round(part * width / parts)
        reach = max(1, width // (3 * parts))
        window = columns[max(start + 1, guess - reach) : min(width - 1, guess + reach) + 1]
        cut = max(start + 1, guess - reach) + int(window.argmin()) if len(window) else guess
        cuts.append(cut)
        start = cut
    edges = [0, *cuts, width]
    return [_tight(ink, (left + a, top, left + b, bottom)) for a, b in zip(edges, edges[1:]) if b > a]


def _tight(ink, box: Box) -> Box:
    """``box`` shrunk to the ink inside it."""
    import numpy as np

    left, top, right, bottom = box
    piece = ink[top:bottom, left:right]
    rows, columns = np.flatnonzero(piece.any(axis=1)), np.flatnonzero(piece.any(axis=0))
    if not len(rows):
        return box
    return left + int(columns[0]), top + int(rows[0]), left + int(columns[-1]) + 1, top + int(rows[-1]) + 1


def digit_features(ink, box: Box):
    """The figure in ``box`` as the digits set's 64 features: upright, its height fitted to 32
    pixels keeping its proportions, centred in 32 × 32, ink counted in 4 × 4 cells (0–16)."""
    import numpy as np
    from PIL import Image

    left, top, right, bottom = box
    piece = upright(ink[top:bottom, left:right])
    height, width = piece.shape
    scale = SIDE / height
    size = (max(1, min(SIDE, round(width * scale))), SIDE)
    image = Image.fromarray((piece * 255).astype(np.uint8)).resize(size, Image.BILINEAR)
    square = np.zeros((SIDE, SIDE), dtype=bool)
    x = (SIDE - size[0]) // 2
    square[:, x : x + size[0]] = np.asarray(image) >= SCALED_INK
    return square.reshape(SIDE // CELL, CELL, SIDE // CELL, CELL).sum(axis=(1, 3)).reshape(-1).astype(float)


def upright(piece):
    """The figure with its slant taken out: sheared so that its strokes' mean lean is vertical
    (a pen figure leans right; the set's figures stand upright)."""
    import numpy as np

    rows, columns = np.nonzero(piece)
    if len(rows) < 2:
        return piece
    y, x = rows - rows.mean(), columns - columns.mean()
    lean = float((x * y).sum() / max(1e-9, (y * y).sum()))  # columns moved per row down
    height = piece.shape[0]
    shift = np.round(-lean * (np.arange(height) - (height - 1) / 2)).astype(int)
    pad = int(np.abs(shift).max()) if len(shift) else 0
    out = np.zeros((height, piece.shape[1] + 2 * pad), dtype=bool)
    for row in range(height):
        out[row, pad + shift[row] : pad + shift[row] + piece.shape[1]] = piece[row]
    kept = np.flatnonzero(out.any(axis=0))
    return out[:, kept[0] : kept[-1] + 1]


def _classified(features, model) -> list[PenDigit]:
    """Each row of 64 features as a digit with its share of votes and its margin: the least of its
    one-against-one decision values against the nine other classes (negative when one beats it)."""
    import numpy as np

    pairs = np.atleast_2d(model.decision_function(features))  # one value per pair of classes (i < j)
    classes = len(model.classes_)
    out = []
    for row in pairs:
        against = np.zeros((classes, classes))
        index = 0
        for first in range(classes):
            for second in range(first + 1, classes):
                against[first, second], against[second, first] = row[index], -row[index]
                index += 1
        wins = (against > 0).sum(axis=1)
        best = int(np.argmax(wins + 1e-3 * against.sum(axis=1)))
        margin = float(np.delete(against[best], best).min())
        out.append(PenDigit(str(model.classes_[best]), wins[best] / (classes - 1), margin))
    return out


@lru_cache(maxsize=1)
def digit_model():
    """The SVM trained on scikit-learn's handwritten digits: from the cache, else trained and kept."""
    import sklearn

    path = cache_dir() / f"{MODEL_FORMAT}-sklearn-{sklearn.__version__}.pickle"
    try:
        with path.open("rb") as stored:
            return pickle.load(stored)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    model = train_digit_model()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as stored:
            pickle.dump(model, stored)
        partial.replace(path)
    except OSError:
        pass  # a read-only cache only costs training again (well under a second)
    return model


def train_digit_model(images=None, target=None):
    """An RBF SVM on the digits set's images (or ``images``, 8 × 8 grey levels 0–16, with ``target``),
    each drawn again at 32 × 32 with thinner, thicker, narrower and wider strokes (pens differ
    more than the set's writers did) and normalised as a pen figure is."""
    import numpy as np
    from sklearn.datasets import load_digits
    from sklearn.svm import SVC

    if images is None:
        digits = load_digits()
        images, target = digits.images, digits.target
    data, labels = [], []
    for image, label in zip(images, target):
        for variant in set_variants(image):
            data.append(mask_features(variant))
            labels.append(label)
    return SVC(gamma=0.001, C=10, decision_function_shape="ovo").fit(np.array(data), np.array(labels))


def set_variants(image) -> list:
    """A digits-set image (8 × 8, 0–16) as ink at 32 × 32, then thinned, thickened, narrowed, widened."""
    import numpy as np
    from PIL import Image
    from scipy import ndimage

    grey = Image.fromarray((np.asarray(image, dtype=float) * 255 / 16).astype(np.uint8))
    ink = np.pad(np.asarray(grey.resize((SIDE, SIDE), Image.BILINEAR)) >= SET_INK, CELL)
    variants = [ink, ndimage.binary_erosion(ink), ndimage.binary_dilation(ink)]
    for factor in SET_WIDTHS:
        variants.append(ndimage.zoom(ink.astype(float), (1, factor), order=1) > 0.5)
    return variants


def mask_features(ink):
    """The 64 features of the whole of ``ink`` (zeros when it holds none)."""
    import numpy as np

    rows, columns = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if not len(rows):
        return np.zeros((SIDE // CELL) ** 2)
    return digit_features(ink, (int(columns[0]), int(rows[0]), int(columns[-1]) + 1, int(rows[-1]) + 1))
