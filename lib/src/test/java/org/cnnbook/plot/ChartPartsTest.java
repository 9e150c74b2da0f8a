package org.cnnbook.plot;

import static org.junit.jupiter.api.Assertions.*;

import org.cnnbook.layers.LayerSet;
import org.cnnbook.model.Models;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ChartPartsTest {
    @Test
    void pixelCountsCoverEveryValueOnceInItsBin() {
        INDArray values = Nd4j.createFromArray(new float[] {0, 0, 0, 15, 16, 128, 255, 255});
        long[] counts = PixelHistogram.counts(values, 256);
        assertEquals(8, java.util.Arrays.stream(counts).sum());
        assertEquals(4, counts[0], "0..15 are the first of 16 bins of 16 values");
        assertEquals(1, counts[1]);
        assertEquals(1, counts[8]);
        assertEquals(2, counts[15], "255 lands in the last bin, 240-255");
        assertEquals(1, PixelHistogram.counts(Nd4j.createFromArray(new float[] {1f}), 1.0)[15], "1.0 in the last bin");
    }

    @Test
    void activationMapsComeBackChannelsFirstFromBothLayerSets() {
        INDArray image = Nd4j.rand(DataType.FLOAT, 1, 1, 28, 28);
        for (var layers : LayerSet.values()) {
            var model = layers.network(Models.correctedConfiguration());
            INDArray maps = LayerActivations.channelsFirst(
                    model.feedForward(image, false).get(1), model, 0);
            assertArrayEquals(new long[] {1, 32, 24, 24}, maps.shape(), layers.name());
        }
        var lib = LayerSet.LIB.network(Models.correctedConfiguration());
        var dl4j = LayerSet.DL4J.network(Models.correctedConfiguration());
        assertEquals(
                LayerActivations.channelsFirst(dl4j.feedForward(image, false).get(2), dl4j, 1)
                        .getDouble(0, 5, 3, 7),
                LayerActivations.channelsFirst(lib.feedForward(image, false).get(2), lib, 1)
                        .getDouble(0, 5, 3, 7),
                1e-4,
                "the same weights give the same map, pixel for pixel, whichever layers computed it");
    }
}
