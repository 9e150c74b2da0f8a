package org.cnnbook.speed.layers;

import java.util.Collection;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A DL4J {@link SubsamplingLayer} configuration, channels-last, whose layer is {@link FastMaxPoolingLayer}. */
public class FastMaxPooling extends SubsamplingLayer {

    /** For JSON deserialisation. */
    public FastMaxPooling() {
    }

    public FastMaxPooling(SubsamplingLayer.Builder builder) {
        super(builder.dataFormat(CNN2DFormat.NHWC));
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                             INDArray paramsView, boolean initializeParams, DataType dataType) {
        return LayerWiring.wire(new FastMaxPoolingLayer(conf, dataType), this, conf, listeners, index, paramsView,
                initializeParams);
    }
}
