package org.cnnbook.layers;

import org.cnnbook.onednn.MaxPooling;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's max-pooling layer computed channels-last: on oneDNN directly, the training pass keeping where each maximum
 * was for the backward pass ({@link DirectOneDnn}), else with libnd4j's pooling ops. Other pooling types use DL4J's.
 */
public class LibMaxPoolingLayer extends SubsamplingLayer {
    private final DirectOneDnn direct = new DirectOneDnn();
    /** The pooling of this step's training forward pass (null: libnd4j's), whose workspace the backward pass reads. */
    private MaxPooling trained;

    public LibMaxPoolingLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        if (!isMax()) return super.activate(training, workspaces);
        assertInputSet(false);
        Geometry g = geometry();
        INDArray out = workspaces.createUninitialized(
                ArrayType.ACTIVATIONS,
                dataType,
                new long[] {input.size(0), g.outHeight(input.size(1)), g.outWidth(input.size(2)), input.size(3)},
                'c');
        INDArray x = DirectOneDnn.contiguous(input);
        MaxPooling pooling = direct.maxPooling(x, g);
        if (pooling != null) pooling.forward(x, out, training);
        else NativeOps.maxPool(input, g, out);
        trained = training ? pooling : null;
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        if (!isMax()) return super.backpropGradient(epsilon, workspaces);
        assertInputSet(true);
        INDArray inputGrad = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        if (trained != null) trained.backward(DirectOneDnn.contiguous(epsilon), inputGrad);
        else NativeOps.maxPoolBackprop(input, epsilon, geometry(), inputGrad);
        trained = null;
        return new Pair<>(new DefaultGradient(), inputGrad);
    }

    /** How many input shapes this layer has oneDNN primitives for (0 when it runs on libnd4j's path). */
    int directShapesBuilt() {
        return direct.shapesBuilt();
    }

    private boolean isMax() {
        return layerConf().getPoolingType() == PoolingType.MAX
                && layerConf().getCnn2dDataFormat() == org.deeplearning4j.nn.conf.CNN2DFormat.NHWC;
    }

    private Geometry geometry() {
        return Geometry.of(layerConf());
    }
}
