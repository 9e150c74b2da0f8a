package org.cnnbook.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * MNIST as Keras' {@code mnist.load_data()} returns it: raw pixels 0..255 of shape [n, 28, 28] and labels 0..9
 * of shape [n]. Nothing is scaled or reshaped yet: the notebooks do those steps one at a time.
 */
public record MnistData(INDArray trainImages, INDArray trainLabels, INDArray testImages, INDArray testLabels) {
    public String describe() {
        return String.format(
                "train images %s, train labels %s, test images %s, test labels %s",
                java.util.Arrays.toString(trainImages.shape()),
                java.util.Arrays.toString(trainLabels.shape()),
                java.util.Arrays.toString(testImages.shape()),
                java.util.Arrays.toString(testLabels.shape()));
    }
}
