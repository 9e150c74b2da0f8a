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
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
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
    void convolutionsAfterTheFirstAndPoolingsRunOnOneDnnDirectlyWithPrimitivesKeptPerBatchShape() {
        MultiLayerNetwork model = Models.corrected();
        LibConvolutionLayer second = (LibConvolutionLayer) model.getLayer(1);
        LibMaxPoolingLayer pooling = (LibMaxPoolingLayer) model.getLayer(2);
        assertEquals(0, ((LibConvolutionLayer) model.getLayer(0)).directShapesBuilt(), "the first layer: patches");
        model.output(x);
        model.output(x);
        assertEquals(1, second.directShapesBuilt(), "built once for a batch of " + x.size(0));
        assertEquals(1, pooling.directShapesBuilt(), "built once for a batch of " + x.size(0));
        model.output(x.get(NDArrayIndex.interval(0, 5)).dup());
        assertEquals(2, second.directShapesBuilt(), "a smaller last batch gets its own");
        assertEquals(2, pooling.directShapesBuilt(), "a smaller last batch gets its own");
    }

    @Test
    void theDenseLayersProductsRunOnOneDnnProductsKeptPerShape() {
        MultiLayerNetwork model = Models.corrected();
        LibDenseLayer dense = (LibDenseLayer) model.getLayer(6);
        model.output(x);
        model.output(x);
        assertEquals(1, dense.directProductsBuilt(), "the forward product, built once for a batch of " + x.size(0));
        model.fit(x, y);
        assertEquals(3, dense.directProductsBuilt(), "and the weight and input gradients' products");
        try {
            assertFalse(LibLayers.callOneDnnDirectly(false));
            model.output(x.get(NDArrayIndex.interval(0, 7)).dup());
            assertEquals(3, dense.directProductsBuilt(), "libnd4j's ops: no product for the batch of 7");
        } finally {
            assertTrue(LibLayers.callOneDnnDirectly(true));
        }
    }

    /** The switches notebook 9 measures with: libnd4j's ops instead of the direct path, and bf16 convolutions. */
    @Test
    void theDirectPathAndBf16CanBeSwitchedAtRunTimeAndComputeTheSame() {
        MultiLayerNetwork model = Models.corrected();
        LibConvolutionLayer second = (LibConvolutionLayer) model.getLayer(1);
        INDArray direct = model.output(x);
        try {
            assertTrue(LibLayers.callsOneDnnDirectly());
            assertFalse(LibLayers.callOneDnnDirectly(false));
            assertFalse(LibLayers.callsOneDnnDirectly(), "the switch reads back as set");
            INDArray libnd4j = model.output(x.get(NDArrayIndex.interval(0, 7)).dup());
            assertEquals(1, second.directShapesBuilt(), "libnd4j's ops: no primitives for the batch of 7");
            assertClose(direct.get(NDArrayIndex.interval(0, 7)), libnd4j, "libnd4j's ops against the direct path");
        } finally {
            assertTrue(LibLayers.callOneDnnDirectly(true));
        }
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> LibLayers.computeConvolutionsIn("fp16"));
        assertTrue(unknown.getMessage().contains("\"fp32\" or \"bf16\""), unknown.getMessage());
        if (!LibLayers.bf16Available()) {
            assertThrows(IllegalArgumentException.class, () -> LibLayers.computeConvolutionsIn("bf16"));
            return;
        }
        try {
            LibLayers.computeConvolutionsIn("bf16");
            assertEquals("bf16", LibLayers.convolutionPrecision());
            INDArray bf16 = model.output(x);
            assertEquals(2, second.directShapesBuilt(), "bf16 primitives of their own");
            double difference = Transforms.abs(bf16.sub(direct)).maxNumber().doubleValue();
            assertTrue(difference > 0 && difference < 2e-2, "bf16 probabilities within 0.02 of fp32's: " + difference);
        } finally {
            LibLayers.computeConvolutionsIn("fp32");
        }
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

    /**
     * ModelStore saves a lib-trained network as the student configured it, with DL4J's own classes, channels-first:
     * DL4J's loader alone reads it (no lib class in the file), answers the same, holds the same optimizer state and
     * epoch count and trains on like the original; ModelStore.load builds it with lib's layers again.
     */
    @Test
    void aSavedModelIsStockDl4jAndLoadsBackWithLibsLayers(@TempDir Path dir) throws Exception {
        MultiLayerNetwork model = Models.corrected();
        MultiLayerNetwork beside = LayerSet.DL4J.network(Models.correctedConfiguration()); // DL4J's, trained alike
        beside.setParams(FlattenOrder.parameters(
                model.params(), model.getLayerWiseConfigurations(), beside.getLayerWiseConfigurations()));
        for (MultiLayerNetwork network : new MultiLayerNetwork[] {model, beside}) {
            network.fit(new DataSet(x, y));
            network.fit(new DataSet(x, y));
        }
        model.getLayerWiseConfigurations().setEpochCount(3);
        Path file = ModelStore.save(model, dir.resolve("cnn.zip"));

        MultiLayerNetwork stock = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        MultiLayerConfiguration configured = Models.correctedConfiguration(),
                saved = stock.getLayerWiseConfigurations();
        assertFalse(saved.toJson().contains("org.cnnbook"), "no lib class in the file");
        for (int i = 0; i < configured.getConfs().size(); i++) {
            assertEquals(configured.getConf(i).getLayer(), saved.getConf(i).getLayer(), "layer " + i);
            assertEquals(configured.getInputPreProcess(i), saved.getInputPreProcess(i), "before layer " + i);
        }
        assertEquals(3, stock.getEpochCount());
        assertClose(model.output(x), stock.output(x), "DL4J's predictions from the saved file");
        assertClose(beside.params(), stock.params(), "parameters, as DL4J's layers trained them");
        assertClose(
                beside.getUpdater().getStateViewArray(),
                stock.getUpdater().getStateViewArray(),
                "Adam's state, as DL4J's layers left it");
        model.fit(new DataSet(x, y));
        stock.fit(new DataSet(x, y));
        assertClose(
                FlattenOrder.parameters(model.params(), model.getLayerWiseConfigurations(), saved),
                stock.params(),
                "parameters after one more step, in DL4J's layers and in lib's");

        MultiLayerNetwork loaded = ModelStore.load(file);
        assertInstanceOf(LibConvolutionLayer.class, loaded.getLayer(0));
        assertEquals(3, loaded.getEpochCount());
        MultiLayerNetwork again = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        assertClose(again.output(x), loaded.output(x), "lib's predictions from the loaded file");
    }

    private static void assertSameMaths(MultiLayerConfiguration conf) {
        MultiLayerNetwork fast = LayerSet.LIB.network(conf);
        Nd4jSetup.useLayerHelpers(false);
        MultiLayerNetwork reference = LayerSet.DL4J.network(conf);
        assertFalse(reference.getLayer(0) instanceof LibConvolutionLayer);
        MultiLayerConfiguration nchw = reference.getLayerWiseConfigurations(), nhwc = fast.getLayerWiseConfigurations();
        fast.setParams(FlattenOrder.parameters(reference.params(), nchw, nhwc));

        assertClose(reference.output(x), fast.output(x), "outputs");
        INDArray referenceGradient = gradient(reference);
        INDArray fastGradient = gradient(fast);
        assertEquals(reference.score(), fast.score(), 1e-4, "loss");
        assertClose(FlattenOrder.parameters(referenceGradient, nchw, nhwc), fastGradient, "gradients");
        for (int i = 0; i < fast.getnLayers(); i++)
            if (fast.getLayer(i) instanceof LibMaxPoolingLayer p)
                assertTrue(p.directShapesBuilt() > 0, "layer " + i + " pooled on oneDNN directly");
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
