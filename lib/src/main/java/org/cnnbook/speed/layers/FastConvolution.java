package org.cnnbook.speed.layers;

import java.util.Collection;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J {@link ConvolutionLayer} configuration, channels-last, whose layer is {@link FastConvolutionLayer}.
 * Same parameters, initialisation, updater and JSON as DL4J's layer; only the arithmetic path differs.
 */
public class FastConvolution extends ConvolutionLayer {

    /** For JSON deserialisation. */
    public FastConvolution() {
    }

    public FastConvolution(ConvolutionLayer.Builder builder) {
        super(builder.dataFormat(CNN2DFormat.NHWC));
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                             INDArray paramsView, boolean initializeParams, DataType dataType) {
        LayerValidation.assertNInNOutSet("FastConvolution", getLayerName(), index, getNIn(), getNOut());
        return LayerWiring.wire(new FastConvolutionLayer(conf, dataType), this, conf, listeners, index, paramsView,
                initializeParams);
    }
}
