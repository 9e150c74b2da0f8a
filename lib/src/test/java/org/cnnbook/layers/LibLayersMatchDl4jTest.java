package org.cnnbook.layers;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.cnnbook.TestData;
import org.cnnbook.engine.Nd4jSetup;
import org.cnnbook.model.ModelStore;
import org.cnnbook.model.Models;
import org.cnnbook.prep.OneHot;
import org.cnnbook.prep.Pixels;
import org.cnnbook.prep.Shapes;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * lib's layers compute what DL4J's own layers compute: same outputs, same loss, same gradients for every
 * parameter, from the same weights. The reference is DL4J's plain path (no helpers, NCHW).
 */
class LibLayersMatchDl4jTest {
    private static INDArray x;
    private static INDArray y;

    @BeforeAll
    static void data() throws Exception {
        var data = TestData.slice();
        x = Shapes.toNchw(Pixels.normalize(data.trainImages()))
                .get(NDArrayIndex.interval(0, 24))
                .dup();
        y = OneHot.encode(data.trainLabels(), 10)
                .get(NDArrayIndex.interval(0, 24))
                .dup();
    }

    @AfterEach
    void restore() {
        Nd4jSetup.useLayerHelpers(true);
    }

    @Test
    void modelsUseLibsLayersWhereOneDnnRuns() {
        assertEquals(LayerSet.LIB, LayerSet.preferred());
        MultiLayerNetwork model = Models.corrected();
        assertInstanceOf(LibConvolutionLayer.class, model.getLayer(0));
        assertInstanceOf(LibMaxPoolingLayer.class, model.getLayer(2));
        assertInstanceOf(LibDenseLayer.class, model.getLayer(6));
        assertInstanceOf(LibOutputLayer.class, model.getLayer(7));
    }

    @Test
    void convolutionsAfterTheFirstRunOnOneDnnDirectlyWithPrimitivesKeptPerBatchShape() {
        MultiLayerNetwork model = Models.corrected();
        LibConvolutionLayer second = (LibConvolutionLayer) model.getLayer(1);
        assertEquals(0, ((LibConvolutionLayer) model.getLayer(0)).directShapesBuilt(), "the first layer: patches");
        model.output(x);
        model.output(x);
        assertEquals(1, second.directShapesBuilt(), "built once for a batch of " + x.size(0));
        model.output(x.get(NDArrayIndex.interval(0, 5)).dup());
        assertEquals(2, second.directShapesBuilt(), "a smaller last batch gets its own");
    }

    @Test
    void correctedCnnMatchesDl4jOutputsLossAndGradients() {
        assertSameMaths(Models.correctedConfiguration());
    }

    @Test
    void convolutionsWithoutActivationMatchToo() {
        assertSameMaths(Models.beginnerConfiguration());
    }

    @Test
    void leNetWithItsOwnSizesMatches() {
        assertSameMaths(Models.leNetConfiguration());
    }

    @Test
    void acceptsChannelsLastInputAsWellAsNchw() {
        MultiLayerNetwork model = Models.corrected();
        INDArray nhwc = x.permute(0, 2, 3, 1).dup('c');
        assertEquals(model.output(x), model.output(nhwc));
    }

    @Test
    void rejectsImagesWithTheWrongNumberOfChannelsWithAClearMessage() {
        MultiLayerNetwork model = Models.corrected();
        Exception e = assertThrows(
                Exception.class, () -> model.output(x.reshape(24, 1, 28, 28).repeat(1, 3)));
        assertTrue(
                String.valueOf(e.getMessage()).startsWith("Layer 0 expects images with 1 channel(s), NHWC"),
                e.getMessage());
    }

    @Test
    void savedAndLoadedModelKeepsLibsLayersAndItsAnswers(@TempDir Path dir) throws Exception {
        MultiLayerNetwork model = Models.corrected();
        model.fit(new org.nd4j.linalg.dataset.DataSet(x, y));
        MultiLayerNetwork loaded = ModelStore.load(ModelStore.save(model, dir.resolve("cnn.zip")));
        assertInstanceOf(LibConvolutionLayer.class, loaded.getLayer(0));
        assertEquals(model.output(x), loaded.output(x));
        MultiLayerConfiguration conf = MultiLayerConfiguration.fromJson(
                model.getLayerWiseConfigurations().toJson());
        assertInstanceOf(LibConvolution.class, conf.getConf(1).getLayer());
    }

    private static void assertSameMaths(MultiLayerConfiguration conf) {
        MultiLayerNetwork fast = LayerSet.LIB.network(conf);
        Nd4jSetup.useLayerHelpers(false);
        MultiLayerNetwork reference = LayerSet.DL4J.network(conf);
        assertFalse(reference.getLayer(0) instanceof LibConvolutionLayer);
        int dense = firstDenseLayer(reference);
        fast.setParams(toChannelsLastOrder(reference, reference.params(), dense));

        assertClose(reference.output(x), fast.output(x), "outputs");
        INDArray referenceGradient = gradient(reference);
        INDArray fastGradient = gradient(fast);
        assertEquals(reference.score(), fast.score(), 1e-4, "loss");
        assertClose(toChannelsLastOrder(reference, referenceGradient, dense), fastGradient, "gradients");
    }

    private static int firstDenseLayer(MultiLayerNetwork model) {
        for (int i = 0; i < model.getnLayers(); i++)
            if (model.getLayer(i).conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.DenseLayer) return i;
        throw new AssertionError("no dense layer");
    }

    /**
     * Flattening NHWC maps orders the dense layer's inputs (h, w, c) instead of (c, h, w): the same model, with that
     * layer's weight rows permuted. Returns a copy of the flat parameter (or gradient) vector in the fast order.
     */
    private static INDArray toChannelsLastOrder(MultiLayerNetwork reference, INDArray flat, int dense) {
        INDArray result = flat.dup();
        INDArray source = flat.reshape(flat.length()), target = result.reshape(result.length());
        long offset = 0;
        for (int i = 0; i < dense; i++) offset += reference.getLayer(i).numParams();
        var pool = reference.getLayerWiseConfigurations().getInputPreProcess(dense);
        var flatten = (org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor) pool;
        long c = flatten.getNumChannels(), h = flatten.getInputHeight(), w = flatten.getInputWidth();
        long out = reference.getLayer(dense).getParam("W").size(1);
        // DL4J keeps dense weights [in, out] in 'f' order: in the flat vector, one block of inputs per output
        INDArray weights = source.get(NDArrayIndex.interval(offset, offset + c * h * w * out))
                .reshape(out, c, h, w);
        target.get(NDArrayIndex.interval(offset, offset + c * h * w * out))
                .assign(weights.permute(0, 2, 3, 1).dup('c').reshape(c * h * w * out));
        return result;
    }

    private static INDArray gradient(MultiLayerNetwork model) {
        model.setInput(x);
        model.setLabels(y);
        model.computeGradientAndScore();
        return model.gradient().gradient().dup();
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
        double scale = Math.max(1e-12, Transforms.abs(expected).maxNumber().doubleValue());
        double error = Transforms.abs(expected.sub(actual)).maxNumber().doubleValue() / scale;
        assertTrue(error < 1e-3, what + ": max relative difference " + error);
    }
}
