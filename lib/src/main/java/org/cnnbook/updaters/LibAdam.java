package org.cnnbook.updaters;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * DL4J's {@link Adam} with the same settings, state and numbers, whose updater ({@link LibAdamUpdater}) applies
 * the step in one pass. Equal to an {@code Adam} of the same settings (DL4J groups layers by equal updaters).
 */
public class LibAdam extends Adam {
    /** For DL4J's JSON reader, which sets the fields afterwards. */
    public LibAdam() {}

    /** The same settings as {@code adam}, its learning-rate schedule included. */
    public LibAdam(Adam adam) {
        super(adam.getLearningRate(), adam.getBeta1(), adam.getBeta2(), adam.getEpsilon());
        setLrAndSchedule(adam.getLearningRate(), adam.getLearningRateSchedule());
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        return LibAdamUpdater.of((AdamUpdater) super.instantiate(viewArray, initializeViewArray));
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        return LibAdamUpdater.of((AdamUpdater) super.instantiate(updaterState, initializeStateArrays));
    }

    @Override
    public LibAdam clone() {
        return new LibAdam(super.clone());
    }
}
