package org.cnnbook.layers;

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

/** DL4J's max-pooling layer computed channels-last with libnd4j's pooling ops directly; other pooling types use DL4J's. */
public class LibMaxPoolingLayer extends SubsamplingLayer {

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
        NativeOps.maxPool(input, g, out);
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        if (!isMax()) return super.backpropGradient(epsilon, workspaces);
        assertInputSet(true);
        INDArray inputGrad = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        NativeOps.maxPoolBackprop(input, epsilon, geometry(), inputGrad);
        return new Pair<>(new DefaultGradient(), inputGrad);
    }

    private boolean isMax() {
        return layerConf().getPoolingType() == PoolingType.MAX
                && layerConf().getCnn2dDataFormat() == org.deeplearning4j.nn.conf.CNN2DFormat.NHWC;
    }

    private Geometry geometry() {
        return Geometry.of(layerConf());
    }
}
