package org.cnnbook.layers;

import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The matrix products of a fully connected layer through BLAS directly ({@link Nd4j#gemm}). DL4J's dense and output
 * layers use {@code INDArray.mmul}, which goes through libnd4j's matmul op and costs several times more for these
 * small products.
 */
final class DenseMath {
    private DenseMath() {}

    /** {@code input · W + b} into a new [batch, out] array of the given workspace type. */
    static INDArray forward(
            INDArray input,
            INDArray weights,
            INDArray bias,
            DataType type,
            ArrayType arrayType,
            LayerWorkspaceMgr workspaces) {
        INDArray out =
                workspaces.createUninitialized(arrayType, type, new long[] {input.size(0), weights.size(1)}, 'c');
        Nd4j.gemm(input.castTo(type), weights, out, false, false, 1.0, 0.0);
        if (bias != null) out.addiRowVector(bias);
        return out;
    }

    /**
     * Weight and bias gradients of {@link #forward} for {@code delta}, the gradient of its output, written into the
     * layer's gradient views ({@code biasGrad} null without bias).
     */
    static Gradient parameterGradients(INDArray input, INDArray delta, INDArray weightGrad, INDArray biasGrad) {
        Nd4j.gemm(input.castTo(weightGrad.dataType()), delta, weightGrad, true, false, 1.0, 0.0);
        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(DefaultParamInitializer.WEIGHT_KEY, weightGrad);
        if (biasGrad != null) {
            delta.sum(biasGrad, 0);
            gradient.setGradientFor(DefaultParamInitializer.BIAS_KEY, biasGrad);
        }
        return gradient;
    }

    /** {@code delta · Wᵀ}: the gradient for the layer below. */
    static INDArray inputGradient(INDArray delta, INDArray weights, LayerWorkspaceMgr workspaces) {
        INDArray epsilon = workspaces.createUninitialized(
                ArrayType.ACTIVATION_GRAD, delta.dataType(), new long[] {delta.size(0), weights.size(0)}, 'c');
        Nd4j.gemm(delta, weights, epsilon, false, true, 1.0, 0.0);
        return epsilon;
    }
}
