package org.cnnbook.layers;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The libnd4j ops lib's layers call, with their argument conventions in one place. Images are channels-last
 * (NHWC); convolution weights stay in DL4J's own [out, in, kH, kW] layout, so parameters, updaters and saved
 * models are unchanged.
 */
final class NativeOps {
    private static final int NHWC = 1;
    private static final int WEIGHTS_OIHW = 1;

    private NativeOps() {}

    static void conv2d(INDArray input, INDArray weights, INDArray bias, Geometry g, INDArray output) {
        Nd4j.exec(DynamicCustomOp.builder("conv2d")
                .addInputs(present(input, weights, bias))
                .addOutputs(output)
                .addIntegerArguments(g.opArgs(NHWC, WEIGHTS_OIHW))
                .build());
    }

    /** Input, weight and bias gradients of {@link #conv2d}; {@code biasGrad} is null when there is no bias. */
    static void conv2dBackprop(
            INDArray input,
            INDArray weights,
            INDArray bias,
            INDArray outputGrad,
            Geometry g,
            INDArray inputGrad,
            INDArray weightGrad,
            INDArray biasGrad) {
        INDArray[] inputs = bias == null
                ? new INDArray[] {input, weights, outputGrad}
                : new INDArray[] {input, weights, bias, outputGrad};
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp")
                .addInputs(inputs)
                .addOutputs(present(inputGrad, weightGrad, biasGrad))
                .addIntegerArguments(g.opArgs(NHWC, WEIGHTS_OIHW))
                .build());
    }

    private static INDArray[] present(INDArray... arrays) {
        return java.util.Arrays.stream(arrays)
                .filter(java.util.Objects::nonNull)
                .toArray(INDArray[]::new);
    }

    static void maxPool(INDArray input, Geometry g, INDArray output) {
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d")
                .addInputs(input)
                .addOutputs(output)
                .addIntegerArguments(g.opArgs(0, NHWC))
                .build());
    }

    static void maxPoolBackprop(INDArray input, INDArray outputGrad, Geometry g, INDArray inputGrad) {
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d_bp")
                .addInputs(input, outputGrad)
                .addOutputs(inputGrad)
                .addIntegerArguments(g.opArgs(0, NHWC))
                .build());
    }

    /** Plain ReLU (no threshold, cap or slope): its backward pass can use {@link #reluBackprop}. */
    static boolean isRelu(IActivation activation) {
        return activation instanceof ActivationReLU && activation.equals(new ActivationReLU());
    }

    /**
     * {@code grad = outputGrad where activation > 0, else 0}: ReLU's backward pass from its output. A step and a
     * product: four times faster than libnd4j's relu_bp, which runs a per-element std::function.
     */
    static void reluBackprop(INDArray activation, INDArray outputGrad, INDArray grad) {
        Nd4j.exec(new Step(activation, grad, 0.0));
        grad.muli(outputGrad);
    }
}
