package org.cnnbook.prep;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Scaling raw MNIST pixels (0..255) to [0, 1]. */
public final class Pixels {
    private Pixels() {}

    /** A new array with every pixel divided by 255. Refuses already-scaled input (dividing twice). */
    public static INDArray normalize(INDArray rawPixels) {
        PixelStats stats = PixelStats.of(rawPixels);
        if (stats.max() <= 1.0)
            throw new DataProblem("These pixels are already in [0, 1] (max " + stats.max() + "). Dividing by 255 "
                    + "again would squeeze them into [0, 0.0039] and the network would barely see the digits.");
        if (stats.min() < 0 || stats.max() > 255)
            throw new DataProblem("Raw MNIST pixels are 0..255, these range " + stats.min() + ".." + stats.max() + ".");
        return rawPixels.castTo(DataType.FLOAT).div(255.0);
    }

    public static PixelStats stats(INDArray pixels) {
        return PixelStats.of(pixels);
    }
}
