package org.cnnbook.prep;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Summary of pixel values, to show what normalization did. */
public record PixelStats(double min, double max, double mean, double std) {
    public static PixelStats of(INDArray values) {
        return new PixelStats(
                values.minNumber().doubleValue(),
                values.maxNumber().doubleValue(),
                values.meanNumber().doubleValue(),
                values.stdNumber().doubleValue());
    }

    @Override
    public String toString() {
        return String.format("min %.4f, max %.4f, mean %.4f, std %.4f", min, max, mean, std);
    }
}
