package org.cnnbook.prep;

import static org.junit.jupiter.api.Assertions.*;

import org.cnnbook.TestData;
import org.cnnbook.data.MnistData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PreprocessingTest {
    private static String problem(Runnable check) {
        return assertThrows(DataProblem.class, check::run).getMessage();
    }

    @Test
    void normalizeScalesToUnitRangeAndRefusesToScaleTwice() throws Exception {
        MnistData data = TestData.slice();
        INDArray scaled = Pixels.normalize(data.trainImages());
        PixelStats stats = Pixels.stats(scaled);
        assertEquals(0.0, stats.min());
        assertEquals(1.0, stats.max(), 1e-6);
        assertEquals(
                data.trainImages().meanNumber().doubleValue() / 255, stats.mean(), 1e-4, "every pixel divided by 255");
        assertTrue(problem(() -> Pixels.normalize(scaled)).contains("already in [0, 1]"));
        assertEquals(255.0, data.trainImages().maxNumber().doubleValue(), "the raw array is left unchanged");
    }

    @Test
    void labelsDividedBy255AreRecognisedAsTheClassicTypo() throws Exception {
        INDArray labels = TestData.slice()
                .trainLabels()
                .castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT)
                .div(255);
        String message = problem(() -> OneHot.encode(labels, 10));
        assertTrue(message.contains("divided by 255"), message);
        assertTrue(message.contains("x_test/255"), message);
    }

    @Test
    void labelsThatAllCollapsedToOneClassAreCaught() {
        assertTrue(problem(() ->
                        DataChecks.requireClassIndices(Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.INT, 500), 10))
                .contains("All 500 labels are 0"));
        assertTrue(problem(() -> DataChecks.requireClassIndices(Nd4j.createFromArray(1, 12), 10))
                .contains("0..9"));
    }

    @Test
    void imagesOnTheWrongScaleAreExplained() throws Exception {
        MnistData data = TestData.slice();
        assertTrue(problem(() -> DataChecks.requireUnitRange(data.testImages(), "The test images"))
                .contains("not scaled"));
        INDArray twice = Pixels.normalize(data.trainImages()).div(255);
        assertTrue(
                problem(() -> DataChecks.requireUnitRange(twice, "The images")).contains("divided by 255 twice"));
        INDArray scaled = Pixels.normalize(data.trainImages());
        assertTrue(problem(() -> DataChecks.requireSameScale(scaled, data.testImages()))
                .contains("preprocessed differently"));
        DataChecks.requireSameScale(scaled, Pixels.normalize(data.testImages()));
    }

    @Test
    void oneHotRoundTripsAndMixUpsAreExplained() throws Exception {
        INDArray labels = TestData.slice().trainLabels();
        INDArray oneHot = OneHot.encode(labels, 10);
        assertArrayEquals(new long[] {2000, 10}, oneHot.shape());
        assertEquals(1.0, oneHot.getDouble(0, labels.getInt(0)));
        assertEquals(1.0, oneHot.sumNumber().doubleValue() / 2000, 1e-9);
        assertArrayEquals(labels.toIntVector(), OneHot.decode(oneHot).toIntVector());
        DataChecks.requireOneHot(oneHot, 10);
        assertTrue(problem(() -> DataChecks.requireOneHot(labels, 10)).contains("OneHot.encode"));
        assertTrue(problem(() -> DataChecks.requireClassIndices(oneHot, 10)).contains("OneHot.decode"));
    }

    @Test
    void reshapingBetweenLayouts() throws Exception {
        INDArray images = Pixels.normalize(TestData.slice().testImages());
        INDArray nchw = Shapes.toNchw(images);
        assertArrayEquals(new long[] {500, 1, 28, 28}, nchw.shape());
        INDArray nhwc = Shapes.toNhwc(images);
        assertArrayEquals(new long[] {500, 28, 28, 1}, nhwc.shape());
        assertEquals(images.getDouble(3, 10, 14), nhwc.getDouble(3, 10, 14, 0));
        assertEquals(nchw, Shapes.toNchw(nhwc));
        INDArray flat = Shapes.flatten(images);
        assertArrayEquals(new long[] {500, 784}, flat.shape());
        assertEquals(nchw, Shapes.toNchw(flat));
        DataChecks.requireNchw(nchw, 28, 28);
        assertTrue(problem(() -> DataChecks.requireNchw(nhwc, 28, 28)).contains("channels-last (NHWC)"));
        assertTrue(problem(() -> DataChecks.requireNchw(images, 28, 28)).contains("no channel axis"));
        assertTrue(problem(() -> DataChecks.requireNchw(flat, 28, 28)).contains("flat rows"));
    }
}
