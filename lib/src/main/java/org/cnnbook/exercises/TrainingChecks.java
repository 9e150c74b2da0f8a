package org.cnnbook.exercises;

/** The check of notebook 6's exercise. */
public final class TrainingChecks {
    private TrainingChecks() {}

    /** The dense layer of 256 neurons on the last convolution's 6 x 6 x 64 maps: weights and biases. */
    public static void denseParametersWithoutTheSecondPooling(long parameters) {
        long inputs = 6L * 6 * 64;
        long weights = inputs * 256;
        if (parameters == weights) Check.fail("that counts the weights only", "every neuron also has a bias");
        if (parameters == 576L * 256 + 256)
            Check.fail(
                    "that is the dense layer with the second max-pooling (the summary's number)",
                    "without it the dense layer receives 6 × 6 × 64 numbers");
        Check.number(
                "the dense layer's parameters without the second max-pooling",
                parameters,
                weights + 256,
                0,
                "each of the 6 · 6 · 64 inputs has a weight to each of the 256 neurons, and each neuron a bias");
    }
}
