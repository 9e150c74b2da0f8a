package org.cnnbook.layers;

import org.cnnbook.engine.Nd4jSetup;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Which classes run a network's layers: DL4J's own, or lib's channels-last versions of them ({@link LibLayers}). */
public enum LayerSet {
    /** DL4J's own layer classes (with oneDNN helpers where {@link Nd4jSetup} turned them on). */
    DL4J,
    /** lib's subclasses: the same settings and parameters, computed channels-last with oneDNN and BLAS directly. */
    LIB;

    /** Read once: {@code CNNBOOK_LAYERS=dl4j} makes {@link #preferred()} choose DL4J's own layers. */
    private static final String CHOICE = System.getenv("CNNBOOK_LAYERS");

    /** lib's layers where they can run (oneDNN natives in use), unless {@code CNNBOOK_LAYERS=dl4j} says otherwise. */
    public static LayerSet preferred() {
        if ("dl4j".equalsIgnoreCase(CHOICE)) return DL4J;
        return Nd4jSetup.oneDnnActive() ? LIB : DL4J;
    }

    /** {@code conf} with this set's layer classes. */
    public MultiLayerConfiguration configuration(MultiLayerConfiguration conf) {
        return this == LIB ? LibLayers.replace(conf) : LibLayers.stock(conf);
    }

    /**
     * {@code trained} as a network of this set's classes: the same configuration, parameters, optimizer state and
     * epoch count, so the same predictions, and training could go on. {@code trained} itself when it already is one.
     */
    public MultiLayerNetwork copy(MultiLayerNetwork trained) {
        MultiLayerConfiguration conf = configuration(trained.getLayerWiseConfigurations());
        if (conf == trained.getLayerWiseConfigurations()) return trained;
        Nd4jSetup.ensure();
        MultiLayerNetwork copy = new MultiLayerNetwork(conf);
        copy.init(FlattenOrder.parameters(trained.params(), trained.getLayerWiseConfigurations(), conf), false);
        INDArray state = FlattenOrder.updaterState(trained, conf);
        if (state != null) copy.getUpdater().getStateViewArray().assign(state);
        return copy;
    }

    /** An initialised network of {@code conf} built from this set's layer classes. */
    public MultiLayerNetwork network(MultiLayerConfiguration conf) {
        Nd4jSetup.ensure();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(conf));
        network.init();
        return network;
    }
}
