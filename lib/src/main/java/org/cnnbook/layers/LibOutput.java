package org.cnnbook.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A DL4J {@link OutputLayer} configuration whose layer is {@link LibOutputLayer}. */
public class LibOutput extends OutputLayer {

    /** For JSON deserialisation: {@link LibLayers#replace} makes these from DL4J's configurations. */
    public LibOutput() {}

    @Override
    public Layer instantiate(
            NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners,
            int index,
            INDArray paramsView,
            boolean initializeParams,
            DataType dataType) {
        LayerValidation.assertNInNOutSet("LibOutput", getLayerName(), index, getNIn(), getNOut());
        return LayerWiring.wire(
                new LibOutputLayer(conf, dataType), this, conf, listeners, index, paramsView, initializeParams);
    }
}
