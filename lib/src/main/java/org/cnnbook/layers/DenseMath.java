package org.cnnbook.layers;

import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The matrix products of a fully connected layer, each on a oneDNN product built once per shape ({@link
 * DirectOneDnn#product}; the bias added by the forward product itself). DL4J's dense and output layers use {@code
 * INDArray.mmul}, which goes through libnd4j's matmul op: it builds a oneDNN primitive on every call, which costs
 * more than these small products (1.3 to 3x their time, bench/NOTES.md).
 */
final class DenseMath {
    private DenseMath() {}

    /** {@code [relu](input · W + b)} into a new [batch, out] array of the given workspace type. */
    static INDArray forward(
            DirectOneDnn direct,
            INDArray input,
            INDArray weights,
            INDArray bias,
            boolean relu,
            DataType type,
            ArrayType arrayType,
            LayerWorkspaceMgr workspaces) {
        INDArray out =
                workspaces.createUninitialized(arrayType, type, new long[] {input.size(0), weights.size(1)}, 'c');
        direct.product(input.castTo(type), weights, bias, relu, out, false, false);
        return out;
    }

    /**
     * Weight and bias gradients of {@link #forward} for {@code delta}, the gradient of its output, written into the
     * layer's gradient views ({@code biasGrad} null without bias).
     */
    static Gradient parameterGradients(
            DirectOneDnn direct, INDArray input, INDArray delta, INDArray weightGrad, INDArray biasGrad) {
        direct.product(input.castTo(weightGrad.dataType()), delta, null, false, weightGrad, true, false);
        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(DefaultParamInitializer.WEIGHT_KEY, weightGrad);
        if (biasGrad != null) {
            delta.sum(biasGrad, 0);
            gradient.setGradientFor(DefaultParamInitializer.BIAS_KEY, biasGrad);
        }
        return gradient;
    }

    /** {@code delta · Wᵀ}: the gradient for the layer below. */
    static INDArray inputGradient(DirectOneDnn direct, INDArray delta, INDArray weights, LayerWorkspaceMgr workspaces) {
        INDArray epsilon = workspaces.createUninitialized(
                ArrayType.ACTIVATION_GRAD, delta.dataType(), new long[] {delta.size(0), weights.size(0)}, 'c');
        direct.product(delta, weights, null, false, epsilon, false, true);
        return epsilon;
    }
}
