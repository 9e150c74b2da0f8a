package org.cnnbook.speed.layers;

import java.util.Collection;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A DL4J {@link OutputLayer} configuration whose layer is {@link FastOutputLayer}. */
public class FastOutput extends OutputLayer {

    /** For JSON deserialisation. */
    public FastOutput() {
    }

    public FastOutput(OutputLayer.Builder builder) {
        super(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                             INDArray paramsView, boolean initializeParams, DataType dataType) {
        LayerValidation.assertNInNOutSet("FastOutput", getLayerName(), index, getNIn(), getNOut());
        return LayerWiring.wire(new FastOutputLayer(conf, dataType), this, conf, listeners, index, paramsView,
                initializeParams);
    }
}
