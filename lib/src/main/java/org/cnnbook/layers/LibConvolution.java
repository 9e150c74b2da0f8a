package org.cnnbook.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J {@link ConvolutionLayer} configuration, channels-last, whose layer is {@link LibConvolutionLayer}.
 * Same parameters, initialisation, updater and JSON as DL4J's layer; only the arithmetic path differs.
 */
public class LibConvolution extends ConvolutionLayer {

    /** For JSON deserialisation: {@link LibLayers#replace} makes these from DL4J's configurations. */
    public LibConvolution() {}

    @Override
    public Layer instantiate(
            NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners,
            int index,
            INDArray paramsView,
            boolean initializeParams,
            DataType dataType) {
        LayerValidation.assertNInNOutSet("LibConvolution", getLayerName(), index, getNIn(), getNOut());
        return LayerWiring.wire(
                new LibConvolutionLayer(conf, dataType), this, conf, listeners, index, paramsView, initializeParams);
    }
}
