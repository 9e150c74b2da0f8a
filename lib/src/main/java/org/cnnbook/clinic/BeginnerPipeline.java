package org.cnnbook.clinic;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The beginner's data steps exactly as written in the question, without any of lib's checks, so the clinic
 * can reproduce what they cause. Never use these for real work: use Pixels, Shapes and OneHot.
 */
public final class BeginnerPipeline {
    private BeginnerPipeline() {}

    /** {@code y_train = y_train / 255}: the typo that meant {@code x_test = x_test / 255}. */
    public static INDArray labelsDividedBy255(INDArray labels) {
        return labels.castTo(DataType.FLOAT).div(255);
    }

    /**
     * Keras' {@code to_categorical} on those fractions: it truncates them to whole numbers, so every label becomes
     * class 0 and the network learns to always answer 0.
     */
    public static INDArray toCategoricalUnchecked(INDArray labels, int classes) {
        float[] values = labels.castTo(DataType.FLOAT).toFloatVector();
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, values.length, classes);
        for (int i = 0; i < values.length; i++) oneHot.putScalar(i, (int) values[i], 1.0);
        return oneHot;
    }
}
