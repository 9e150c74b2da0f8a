package org.cnnbook.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/** A DL4J {@link DenseLayer} configuration whose layer is {@link LibDenseLayer}. */
public class LibDense extends DenseLayer {

    /** For JSON deserialisation; use {@link #of}. */
    public LibDense() {}

    /** The same configuration as {@code layer} (DL4J's builder for it is private: copied through DL4J's JSON). */
    public static LibDense of(DenseLayer layer) {
        return retype(layer, LibDense.class);
    }

    @Override
    public Layer instantiate(
            NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners,
            int index,
            INDArray paramsView,
            boolean initializeParams,
            DataType dataType) {
        LayerValidation.assertNInNOutSet("LibDense", getLayerName(), index, getNIn(), getNOut());
        return LayerWiring.wire(
                new LibDenseLayer(conf, dataType), this, conf, listeners, index, paramsView, initializeParams);
    }

    static <T extends org.deeplearning4j.nn.conf.layers.Layer> T retype(
            org.deeplearning4j.nn.conf.layers.Layer layer, Class<T> type) {
        ObjectMapper json = NeuralNetConfiguration.mapper();
        ObjectNode tree = json.valueToTree(layer);
        tree.put("@class", type.getName());
        try {
            return json.treeToValue(tree, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot copy " + layer + " as " + type.getSimpleName(), e);
        }
    }
}
