package org.cnnbook.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * DL4J's dense layer with its matrix products through BLAS directly (see {@link DenseMath}); with ReLU, the backward
 * pass reads the layer's output instead of recomputing the product.
 */
public class LibDenseLayer extends DenseLayer {
    private static final String W = DefaultParamInitializer.WEIGHT_KEY;
    private static final String B = DefaultParamInitializer.BIAS_KEY;

    /** This training step's ReLU output, kept from the forward pass for the backward pass. */
    private INDArray output;

    private final DirectOneDnn direct = new DirectOneDnn();

    public LibDenseLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private boolean plain() {
        return !hasLayerNorm()
                && layerConf().getIDropout() == null
                && maskArray == null
                && input != null
                && input.rank() == 2;
    }

    @Override
    protected Pair<INDArray, INDArray> preOutputWithPreNorm(
            boolean training, boolean forBackprop, LayerWorkspaceMgr workspaces) {
        if (!plain()) return super.preOutputWithPreNorm(training, forBackprop, workspaces);
        assertInputSet(forBackprop);
        INDArray z = DenseMath.forward(
                input,
                getParamWithNoise(W, training, workspaces),
                hasBias() ? getParamWithNoise(B, training, workspaces) : null,
                dataType,
                forBackprop ? ArrayType.BP_WORKING_MEM : ArrayType.ACTIVATIONS,
                workspaces);
        return new Pair<>(z, z);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        output = null;
        if (!plain() || !NativeOps.isRelu(layerConf().getActivationFn())) return super.activate(training, workspaces);
        INDArray out = preOutputWithPreNorm(training, false, workspaces).getFirst();
        Transforms.relu(out, false);
        if (training) output = out;
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        if (!plain()) return super.backpropGradient(epsilon, workspaces);
        INDArray delta;
        if (output != null) {
            delta = workspaces.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, output.shape(), 'c');
            direct.reluBackward(output, epsilon, delta);
            output = null;
        } else {
            INDArray z = preOutputWithPreNorm(true, true, workspaces).getFirst();
            delta = layerConf().getActivationFn().backprop(z, epsilon).getFirst();
        }
        INDArray weightGrad = gradientViews.get(W);
        INDArray biasGrad = hasBias() ? gradientViews.get(B) : null;
        Gradient gradient = DenseMath.parameterGradients(input, delta, weightGrad, biasGrad);
        INDArray inputGrad = DenseMath.inputGradient(delta, getParamWithNoise(W, true, workspaces), workspaces);
        weightNoiseParams.clear();
        return new Pair<>(gradient, inputGrad);
    }
}
