package org.cnnbook.updaters;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.cnnbook.engine.Nd4jSetup;
import org.cnnbook.layers.LibLayers;
import org.cnnbook.model.Models;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

class LibAdamTest {
    private static final int N = 10_001;

    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    /** Two updaters of the same settings, each on its own state view inside a larger array, as DL4J lays them out. */
    private record Pair(GradientUpdater dl4j, GradientUpdater lib, INDArray dl4jState, INDArray libState) {}

    private static Pair pair(Adam settings, DataType type) {
        INDArray dl4jState = Nd4j.zeros(type, 1, 2 * N + 7);
        INDArray libState = dl4jState.dup();
        var range = NDArrayIndex.interval(3, 3 + 2 * N); // a view that does not start at the buffer's start
        GradientUpdater dl4j = settings.instantiate(dl4jState.get(NDArrayIndex.point(0), range), true);
        GradientUpdater lib = new LibAdam(settings).instantiate(libState.get(NDArrayIndex.point(0), range), true);
        return new Pair(dl4j, lib, dl4jState, libState);
    }

    @Test
    void theOnePassComputesWhatDl4jsAdamOpComputesStepAfterStep() {
        Pair p = pair(new Adam(1e-3), DataType.FLOAT);
        assertInstanceOf(LibAdamUpdater.class, p.lib());
        INDArray flatGradient = Nd4j.zeros(DataType.FLOAT, 1, N + 5);
        for (int iteration = 0; iteration < 25; iteration++) {
            INDArray g = Nd4j.randn(DataType.FLOAT, 1, N).muli(iteration % 5 == 0 ? 1e-6 : 0.1);
            INDArray expected = g.dup();
            INDArray view = flatGradient
                    .get(NDArrayIndex.point(0), NDArrayIndex.interval(5, N + 5))
                    .assign(g);
            assertTrue(readsInPlace(p.lib(), view), "the one pass runs here, not DL4J's op");
            p.dl4j().applyUpdater(expected, iteration, 0);
            p.lib().applyUpdater(view, iteration, 0);
            assertClose(expected, view, "update at iteration " + iteration);
            assertClose(p.dl4jState(), p.libState(), "Adam's moments at iteration " + iteration);
        }
        assertEquals(0, flatGradient.getFloat(0, 4), "nothing written outside the gradient's view");
        assertEquals(0, p.libState().getFloat(0, 2), "nothing written outside the state's view");
        assertEquals(0, p.libState().getFloat(0, 2 * N + 3), "nothing written outside the state's view");
    }

    @Test
    void arraysItCannotReadInPlaceGoToDl4jsOpWithTheSameResult() {
        Pair doubles = pair(new Adam(1e-2), DataType.DOUBLE);
        assertSameUpdate(doubles, Nd4j.randn(DataType.DOUBLE, 1, N), 0, 0, "update in double precision");

        Pair floats = pair(new Adam(1e-2), DataType.FLOAT);
        INDArray everyOther =
                Nd4j.randn(DataType.FLOAT, 1, 2 * N).get(NDArrayIndex.point(0), NDArrayIndex.interval(0, 2, 2 * N));
        assertNotEquals(1, everyOther.elementWiseStride());
        assertSameUpdate(floats, everyOther, 0, 0, "update of a strided gradient");
    }

    @Test
    void followsTheLearningRateScheduleAsAdamDoes() {
        MapSchedule schedule = new MapSchedule(ScheduleType.EPOCH, Map.of(0, 1e-3, 1, 3e-4));
        Pair p = pair(new Adam(schedule), DataType.FLOAT);
        assertSameUpdate(p, Nd4j.randn(DataType.FLOAT, 1, N), 0, 1, "update in the second epoch");
        assertSameUpdate(p, Nd4j.randn(DataType.FLOAT, 1, N), 1700, 1, "update at iteration 1700, second epoch");
    }

    @Test
    void theStepItselfIsAdamsFormula() {
        float[] g = {0.5f, -2f, 0f};
        float[] m = {0.1f, 0f, 0f};
        float[] v = {0.04f, 0f, 0f};
        LibAdamUpdater.step(g, m, v, 0.01, 0.9, 0.999, 1e-8, 1); // the second step: bias correction with t = 2
        double alpha = 0.01 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.9 * 0.9);
        double m0 = 0.9 * 0.1 + 0.1 * 0.5, v0 = 0.999 * 0.04 + 0.001 * 0.25;
        assertEquals(m0, m[0], 1e-7);
        assertEquals(v0, v[0], 1e-7);
        assertEquals(alpha * m0 / (Math.sqrt(v0) + 1e-8), g[0], 1e-7);
        assertEquals(alpha * -0.2 / (Math.sqrt(0.004) + 1e-8), g[1], 1e-6);
        assertEquals(0, g[2], "no gradient, no moments: no update");
    }

    @Test
    void aZeroLearningRateGivesWhatDl4jsOpGives() {
        // the op then uses epsilon in place of the bias-corrected rate: so does the one pass
        assertSameUpdate(pair(new Adam(0), DataType.FLOAT), Nd4j.randn(DataType.FLOAT, 1, N), 0, 0, "zero rate");
    }

    @Test
    void isConfiguredComparedAndClonedAsDl4jsAdam() {
        Adam adam = new Adam(2e-3, 0.8, 0.99, 1e-7);
        LibAdam lib = new LibAdam(adam);
        assertEquals(adam, lib, "DL4J groups layers whose updaters are equal into one block");
        assertEquals(lib, adam);
        LibAdam clone = lib.clone();
        assertEquals(adam, clone);
        assertInstanceOf(LibAdam.class, clone);
        assertEquals(0.8, clone.getBeta1());
        assertEquals(1e-7, clone.getEpsilon());
    }

    @Test
    void libsLayersTrainWithItAndItLeavesWithThem() {
        MultiLayerConfiguration lib = LibLayers.replace(Models.correctedConfiguration());
        for (int i = 0; i < lib.getConfs().size(); i++) {
            if (lib.getConf(i).getLayer() instanceof BaseLayer layer)
                assertInstanceOf(LibAdam.class, layer.getIUpdater(), "layer " + i);
        }
        MultiLayerNetwork network = new MultiLayerNetwork(lib);
        network.init();
        var blocks = ((BaseMultiLayerUpdater<?>) network.getUpdater()).getUpdaterBlocks();
        assertEquals(1, blocks.size(), "every layer's parameters in one Adam block, as with DL4J's Adam");
        for (UpdaterBlock block : blocks) {
            assertInstanceOf(LibAdamUpdater.class, block.getGradientUpdater());
            assertTrue(
                    readsInPlace(block.getGradientUpdater(), block.getGradientView()),
                    "the network's gradient and Adam's state are read in place: the one pass runs");
        }

        MultiLayerConfiguration stock = LibLayers.stock(lib);
        assertFalse(stock.toJson().contains("org.cnnbook"), "DL4J's own Adam again");
        assertEquals(
                Adam.class, stock.getConf(0).getLayer().getUpdaterByParam("W").getClass());

        // DL4J's layers with lib's Adam (built by hand): stock gives DL4J's Adam too
        MultiLayerConfiguration dl4jLayersLibAdam = MultiLayerConfiguration.fromJson(
                stock.toJson().replace("\"" + Adam.class.getName() + "\"", "\"" + LibAdam.class.getName() + "\""));
        assertInstanceOf(LibAdam.class, dl4jLayersLibAdam.getConf(0).getLayer().getUpdaterByParam("W"));
        assertEquals(stock.toJson(), LibLayers.stock(dl4jLayersLibAdam).toJson());
    }

    private static boolean readsInPlace(GradientUpdater updater, INDArray gradient) {
        LibAdamUpdater lib = (LibAdamUpdater) updater;
        return LibAdamUpdater.inPlace(gradient, lib.getM(), lib.getV());
    }

    /** DL4J's updater on a copy of {@code gradient}, lib's on {@code gradient} itself: the same. */
    private static void assertSameUpdate(Pair p, INDArray gradient, int iteration, int epoch, String what) {
        INDArray expected = gradient.dup();
        p.dl4j().applyUpdater(expected, iteration, epoch);
        p.lib().applyUpdater(gradient, iteration, epoch);
        assertClose(expected, gradient, what);
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double scale = Math.max(1e-30, Transforms.abs(expected).maxNumber().doubleValue());
        double error = Transforms.abs(expected.sub(actual)).maxNumber().doubleValue() / scale;
        assertTrue(error < 1e-5, what + ": max relative difference " + error);
    }
}
