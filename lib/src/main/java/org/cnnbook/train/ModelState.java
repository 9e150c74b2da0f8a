package org.cnnbook.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Facts about a network's state that the series checks. */
public final class ModelState {
    private ModelState() {}

    /** False for a freshly initialised network on which fit was never called. */
    public static boolean wasTrained(MultiLayerNetwork model) {
        return model.getIterationCount() > 0 || model.getEpochCount() > 0;
    }
}
