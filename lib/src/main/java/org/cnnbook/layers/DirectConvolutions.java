package org.cnnbook.layers;

import java.util.HashMap;
import java.util.Map;
import org.cnnbook.onednn.ConvShape;
import org.cnnbook.onednn.Convolution;
import org.cnnbook.onednn.OneDnn;
import org.cnnbook.onednn.Precision;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One layer's convolutions on oneDNN called directly ({@link Convolution}): primitives built once per input shape
 * (the training batch, the last partial batch, an evaluation chunk) and kept, bias and ReLU fused into the forward
 * pass. libnd4j's own path rebuilds its primitives on every call. {@code CNNBOOK_CONVOLUTION=libnd4j} turns this off.
 */
final class DirectConvolutions {
    private static final boolean AVAILABLE = available();

    private final Map<ConvShape, Convolution> built = new HashMap<>();

    /** Whether this layer can run on the direct path: fp32, a bias, explicit padding, and the preset loaded. */
    static boolean usable(DataType dataType, boolean hasBias, Geometry g) {
        return AVAILABLE && dataType == DataType.FLOAT && hasBias && !g.same();
    }

    /** The convolution of NHWC {@code input} into {@code outChannels} channels, built the first time. */
    Convolution of(INDArray input, long outChannels, Geometry g, boolean relu) {
        ConvShape shape = new ConvShape(
                input.size(0),
                input.size(1),
                input.size(2),
                input.size(3),
                outChannels,
                g.outHeight(input.size(1)),
                g.outWidth(input.size(2)),
                g.kH(),
                g.kW(),
                g.sH(),
                g.sW(),
                g.pH(),
                g.pW(),
                g.dH(),
                g.dW(),
                relu,
                Precision.FP32);
        return built.computeIfAbsent(shape, Convolution::of);
    }

    /** How many shapes have primitives: one per input shape seen. */
    int shapesBuilt() {
        return built.size();
    }

    private static boolean available() {
        if ("libnd4j".equalsIgnoreCase(System.getenv("CNNBOOK_CONVOLUTION"))) return false;
        try {
            OneDnn.describe();
            return true;
        } catch (LinkageError | RuntimeException cannotLoad) {
            System.err.println("[cnnbook] oneDNN's preset did not load (" + cannotLoad
                    + "): convolutions run on libnd4j's path");
            return false;
        }
    }
}
