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

/**
 * DL4J's dense layer with its matrix products on oneDNN products built once per shape (see {@link DenseMath}); with ReLU, the backward
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
        INDArray z =
                forward(training, false, forBackprop ? ArrayType.BP_WORKING_MEM : ArrayType.ACTIVATIONS, workspaces);
        return new Pair<>(z, z);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        output = null;
        if (!plain() || !NativeOps.isRelu(layerConf().getActivationFn())) return super.activate(training, workspaces);
        assertInputSet(false);
        INDArray out = forward(training, true, ArrayType.ACTIVATIONS, workspaces); // ReLU fused into the product
        if (training) output = out;
        return out;
    }

    private INDArray forward(boolean training, boolean relu, ArrayType arrayType, LayerWorkspaceMgr workspaces) {
        return DenseMath.forward(
                direct,
                input,
                getParamWithNoise(W, training, workspaces),
                hasBias() ? getParamWithNoise(B, training, workspaces) : null,
                relu,
                dataType,
                arrayType,
                workspaces);
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
        Gradient gradient = DenseMath.parameterGradients(direct, input, delta, weightGrad, biasGrad);
        INDArray inputGrad = DenseMath.inputGradient(direct, delta, getParamWithNoise(W, true, workspaces), workspaces);
        weightNoiseParams.clear();
        return new Pair<>(gradient, inputGrad);
    }

    /** How many matrix products this layer has oneDNN primitives for (0 when it runs on libnd4j's path). */
    int directProductsBuilt() {
        return direct.productsBuilt();
    }
}
