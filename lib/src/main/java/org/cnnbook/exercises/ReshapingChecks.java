package org.cnnbook.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The check of notebook 3's exercise. */
public final class ReshapingChecks {
    private static final int ROW = 10;
    private static final int COLUMN = 14;

    private ReshapingChecks() {}

    /** {@code index} must be where pixel (10, 14) of a [n, 28, 28] picture lands in its flat row of {@code flat}. */
    public static void positionInTheFlatRow(int index, INDArray flat, INDArray pictures) {
        int width = (int) pictures.size(2);
        if (index < 0 || index >= flat.size(1))
            Check.fail(
                    "position " + index + " is outside a row of " + flat.size(1) + " values",
                    "positions go from 0 to " + (flat.size(1) - 1));
        if (index == COLUMN * width + ROW)
            Check.fail(
                    "position " + index + " holds the pixel of row " + COLUMN + ", column " + ROW,
                    "rows and columns are swapped: the rows of the picture are laid one after the other");
        if (index != ROW * width + COLUMN)
            Check.fail(
                    "position " + index + " holds the pixel of row " + index / width + ", column " + index % width,
                    "all of rows 0 to 9 come first, each " + width + " pixels long");
        for (int image = 0; image < Math.min(100, flat.size(0)); image++)
            if (flat.getDouble(image, index) != pictures.getDouble(image, ROW, COLUMN))
                Check.fail("image " + image + " has another value there", "count the positions from 0");
        Check.pass("pixel (" + ROW + ", " + COLUMN + ") is at position " + index + " of the flat row, in every image");
    }
}
