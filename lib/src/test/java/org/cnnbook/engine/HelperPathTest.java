package org.cnnbook.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Field;
import org.cnnbook.TestData;
import org.cnnbook.layers.LayerSet;
import org.cnnbook.model.Models;
import org.cnnbook.prep.OneHot;
import org.cnnbook.prep.Pixels;
import org.cnnbook.prep.Shapes;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** DL4J's own layers take the oneDNN helper path, and it computes the same gradients as DL4J's plain path. */
class HelperPathTest {
    @AfterEach
    void restore() {
        Nd4jSetup.useLayerHelpers(true);
    }

    private static MultiLayerNetwork dl4jCnn() {
        return LayerSet.DL4J.network(Models.correctedConfiguration());
    }

    private static Object helperOf(MultiLayerNetwork model, int layer) throws Exception {
        Field helper = ConvolutionLayer.class.getDeclaredField("helper");
        helper.setAccessible(true);
        return helper.get(model.getLayer(layer));
    }

    @Test
    void openBlasRunsOnOneThreadUntilAskedForMore() {
        Nd4jSetup.ensure();
        var blas = org.nd4j.linalg.factory.Nd4j.factory().blas();
        int before = blas.getMaxThreads();
        if (System.getenv("OPENBLAS_NUM_THREADS") == null) assertEquals(1, before, "lib's setting");
        try {
            Nd4jSetup.useBlasThreads(2);
            assertEquals(2, blas.getMaxThreads());
            Nd4jSetup.useBlasThreads(1);
            assertEquals(1, blas.getMaxThreads());
        } finally {
            Nd4jSetup.useBlasThreads(before);
        }
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Nd4jSetup.useBlasThreads(0));
        assertTrue(none.getMessage().contains("at least one thread"), none.getMessage());
    }

    @Test
    void libTurnsOnTheOneDnnLayerHelpers() throws Exception {
        assertTrue(Nd4jSetup.helpersActive(), Nd4jSetup.describe());
        Object helper = helperOf(dl4jCnn(), 0);
        assertNotNull(helper, "the convolution layer has no helper: DL4J's slow path would be used");
        assertTrue(
                helper.getClass().getSimpleName().startsWith("MKLDNN"),
                helper.getClass().getName());
        assertTrue(Nd4jSetup.describe().contains("helpers on"), Nd4jSetup.describe());
    }

    @Test
    void helperGradientsMatchThePlainPathOnASmallBatch() throws Exception {
        var data = TestData.slice();
        INDArray x = Shapes.toNchw(Pixels.normalize(data.trainImages()))
                .get(NDArrayIndex.interval(0, 16))
                .dup();
        INDArray y = OneHot.encode(data.trainLabels(), 10)
                .get(NDArrayIndex.interval(0, 16))
                .dup();

        MultiLayerNetwork fast = dl4jCnn();
        Nd4jSetup.useLayerHelpers(false);
        MultiLayerNetwork plain = dl4jCnn();
        assertNull(helperOf(plain, 0));
        assertNotNull(helperOf(fast, 0));
        assertEquals(fast.params(), plain.params(), "same seed, same initial weights");

        INDArray fastGradient = gradient(fast, x, y);
        INDArray plainGradient = gradient(plain, x, y);
        double relativeError =
                Transforms.abs(fastGradient.sub(plainGradient)).maxNumber().doubleValue()
                        / Math.max(
                                1e-12, Transforms.abs(plainGradient).maxNumber().doubleValue());
        assertTrue(relativeError < 1e-3, "max relative gradient difference " + relativeError);
        assertEquals(plain.score(), fast.score(), 1e-4);
    }

    private static INDArray gradient(MultiLayerNetwork model, INDArray x, INDArray y) {
        model.setInput(x);
        model.setLabels(y);
        model.computeGradientAndScore();
        return model.gradient().gradient().dup();
    }
}
