package org.cnnbook.prep;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Training examples split in two: those the network learns from, and a validation set held out to choose the
 * epoch whose weights to keep. The test set stays untouched until the very end, so the accuracy measured on it
 * says how the network does on images nobody used to decide anything.
 */
public record ValidationSplit(
        INDArray trainImages, INDArray trainLabels, INDArray validationImages, INDArray validationLabels) {
    /** How many of MNIST's 60,000 training images the series holds out (the last ones, always the same). */
    public static final int MNIST_VALIDATION_IMAGES = 5_000;

    /**
     * Holds out the last {@code count} examples, as Keras' {@code validation_split} takes the last ones. A small
     * slice (a quick run) keeps at least nine tenths for training.
     */
    public static ValidationSplit holdOutLast(INDArray images, INDArray labels, int count) {
        long n = images.size(0);
        if (labels.size(0) != n)
            throw new DataProblem("There are " + n + " images but " + labels.size(0) + " labels: split the arrays "
                    + "that belong together (images and their labels, prepared the same way).");
        long held = Math.min(count, n / 10);
        if (held < 1)
            throw new DataProblem("Only " + n + " examples: too few to hold out a validation set. Use at least 10.");
        long cut = n - held;
        return new ValidationSplit(
                images.get(NDArrayIndex.interval(0, cut)),
                labels.get(NDArrayIndex.interval(0, cut)),
                images.get(NDArrayIndex.interval(cut, n)),
                labels.get(NDArrayIndex.interval(cut, n)));
    }

    /** E.g. "55,000 images to train on, 5,000 held out for validation". */
    public String describe() {
        return String.format(
                "%,d images to train on, %,d held out for validation", trainImages.size(0), validationImages.size(0));
    }
}
