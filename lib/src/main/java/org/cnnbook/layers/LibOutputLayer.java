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
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * DL4J's output layer with its matrix products on oneDNN products built once per shape (see {@link DenseMath}), and
 * softmax with cross-entropy computed once per training step for the gradient and the score ({@link
 * SoftmaxCrossEntropy}).
 */
public class LibOutputLayer extends OutputLayer {
    private static final String W = DefaultParamInitializer.WEIGHT_KEY;
    private static final String B = DefaultParamInitializer.BIAS_KEY;
    private final DirectOneDnn direct = new DirectOneDnn();
    private INDArray scoredInput, scoredLabels; // what the last backward pass computed the loss of, until scored
    private double summedLoss;
    private long scoresFromBackprop;

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
        INDArray labels2d = getLabels2d(workspaces, ArrayType.BP_WORKING_MEM);
        ILossFunction loss = layerConf().getLossFn();
        INDArray delta;
        if (SoftmaxCrossEntropy.replaces(loss, layerConf().getActivationFn(), maskArray)) {
            delta = workspaces.createUninitialized(ArrayType.BP_WORKING_MEM, z.dataType(), z.shape(), 'c');
            summedLoss =
                    SoftmaxCrossEntropy.gradientAndLoss(z, labels2d, ((LossMCXENT) loss).getSoftmaxClipEps(), delta);
            scoredInput = input;
            scoredLabels = labels;
        } else {
            delta = loss.computeGradient(labels2d, z, layerConf().getActivationFn(), maskArray);
            scoredInput = null;
        }
        INDArray weightGrad = gradientViews.get(W);
        INDArray biasGrad = hasBias() ? gradientViews.get(B) : null;
        Gradient gradient = DenseMath.parameterGradients(direct, input, delta, weightGrad, biasGrad);
        INDArray inputGrad = DenseMath.inputGradient(direct, delta, getParamWithNoise(W, true, workspaces), workspaces);
        weightNoiseParams.clear();
        return new Pair<>(gradient, inputGrad);
    }

    /**
     * The score of the batch the last backward pass saw, without computing the product and the softmax again: DL4J
     * asks for it right after that pass, before the parameters change. Once only; any other call is DL4J's own.
     */
    @Override
    public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaces) {
        boolean sameBatch = scoredInput != null && scoredInput == input && scoredLabels == labels;
        scoredInput = null;
        if (!sameBatch || !training) return super.computeScore(fullNetRegTerm, training, workspaces);
        scoresFromBackprop++;
        score = summedLoss / getInputMiniBatchSize() + fullNetRegTerm;
        return score;
    }

    /** How many scores came from the backward pass's softmax (for tests). */
    long scoresFromBackprop() {
        return scoresFromBackprop;
    }
}
