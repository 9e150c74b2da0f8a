package org.cnnbook.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** DL4J's output layer with its matrix products on oneDNN products built once per shape (see {@link DenseMath}). */
public class LibOutputLayer extends OutputLayer {
    private static final String W = DefaultParamInitializer.WEIGHT_KEY;
    private static final String B = DefaultParamInitializer.BIAS_KEY;
    private final DirectOneDnn direct = new DirectOneDnn();

    public LibOutputLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private boolean plain() {
        return !hasLayerNorm() && layerConf().getIDropout() == null && input != null && input.rank() == 2;
    }

    @Override
    protected Pair<INDArray, INDArray> preOutputWithPreNorm(
            boolean training, boolean forBackprop, LayerWorkspaceMgr workspaces) {
        if (!plain()) return super.preOutputWithPreNorm(training, forBackprop, workspaces);
        assertInputSet(forBackprop);
        INDArray z = DenseMath.forward(
                direct,
                input,
                getParamWithNoise(W, training, workspaces),
                hasBias() ? getParamWithNoise(B, training, workspaces) : null,
                false,
                dataType,
                forBackprop ? ArrayType.BP_WORKING_MEM : ArrayType.ACTIVATIONS,
                workspaces);
        return new Pair<>(z, z);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        if (!plain()) return super.backpropGradient(epsilon, workspaces);
        assertInputSet(true);
        INDArray z = preOutput2d(true, workspaces);
        INDArray delta = layerConf()
                .getLossFn()
                .computeGradient(
                        getLabels2d(workspaces, ArrayType.BP_WORKING_MEM),
                        z,
                        layerConf().getActivationFn(),
                        maskArray);
        INDArray weightGrad = gradientViews.get(W);
        INDArray biasGrad = hasBias() ? gradientViews.get(B) : null;
        Gradient gradient = DenseMath.parameterGradients(direct, input, delta, weightGrad, biasGrad);
        INDArray inputGrad = DenseMath.inputGradient(direct, delta, getParamWithNoise(W, true, workspaces), workspaces);
        weightNoiseParams.clear();
        return new Pair<>(gradient, inputGrad);
    }
}
