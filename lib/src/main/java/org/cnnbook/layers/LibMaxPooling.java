package org.cnnbook.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A DL4J {@link SubsamplingLayer} configuration, channels-last, whose layer is {@link LibMaxPoolingLayer}. */
public class LibMaxPooling extends SubsamplingLayer {

    /** For JSON deserialisation: {@link LibLayers#replace} makes these from DL4J's configurations. */
    public LibMaxPooling() {}

    @Override
    public Layer instantiate(
            NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners,
            int index,
            INDArray paramsView,
            boolean initializeParams,
            DataType dataType) {
        return LayerWiring.wire(
                new LibMaxPoolingLayer(conf, dataType), this, conf, listeners, index, paramsView, initializeParams);
    }
}
