package org.cnnbook.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cnnbook.TestData;
import org.cnnbook.model.Models;
import org.cnnbook.prep.Pixels;
import org.cnnbook.train.EvaluationReport;
import org.cnnbook.train.History;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class ChartsTest {
    /** An image with real content: not one flat colour. */
    private static void assertDrawn(BufferedImage image, int minWidth, int minHeight) {
        assertTrue(
                image.getWidth() >= minWidth && image.getHeight() >= minHeight,
                image.getWidth() + "x" + image.getHeight());
        int first = image.getRGB(0, 0);
        long different = 0;
        for (int y = 0; y < image.getHeight(); y += 3)
            for (int x = 0; x < image.getWidth(); x += 3) if (image.getRGB(x, y) != first) different++;
        assertTrue(different > 100, "image is almost blank");
    }

    @Test
    void everyChartDraws() throws Exception {
        var data = TestData.slice();
        assertDrawn(Charts.digits(data.trainImages(), data.trainLabels(), 20), 400, 100);
        assertDrawn(Charts.pixelHistograms(data.trainImages(), Pixels.normalize(data.trainImages())), 600, 300);
        assertDrawn(Charts.labelDistribution(data.trainLabels(), "Labels"), 600, 300);
        int[][] confusion = new int[10][10];
        confusion[3][5] = 6;
        confusion[9][4] = 1;
        assertDrawn(Charts.confusionHeatmap(confusion, "Confusion"), 600, 500);
        assertEquals(
                Charts.WIDTH, Charts.confusionHeatmap(new int[10][10], "None").getWidth(), "a line, not an error");
        INDArray one = org.cnnbook.prep.Shapes.toNchw(Pixels.normalize(data.testImages()))
                .get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1));
        assertDrawn(Charts.featureMaps(Models.corrected(), one, "maps"), 600, 300);
        Map<String, org.deeplearning4j.nn.multilayer.MultiLayerNetwork> models = new LinkedHashMap<>();
        models.put("lib's layers", org.cnnbook.layers.LayerSet.LIB.network(Models.correctedConfiguration()));
        models.put("DL4J's layers", org.cnnbook.layers.LayerSet.DL4J.network(Models.correctedConfiguration()));
        assertDrawn(Charts.activations(one, models), 2 * 500, 500);
        assertDrawn(Charts.lossCurves("loss", Map.of("run", List.of(2.3, 1.0, 0.5, 0.4)), 2, 3), 600, 300);
        assertDrawn(Charts.accuracyCurves("runs", Map.of("none", new History())), 300, 300);
        Map<String, Double> bars = new LinkedHashMap<>();
        bars.put("as written", 0.098);
        bars.put("fixed", 0.99);
        assertDrawn(Charts.bars("Accuracy", "accuracy", bars), 600, 300);
        bars.put("ReLU", 0.9874);
        assertDrawn(Charts.accuracySteps("steps", bars), 600, 300);
        assertDrawn(Charts.trainingCurves(new History(), "empty"), 600, 300);
        assertDrawn(Charts.mistakes(data.testImages(), List.of(new EvaluationReport.Mistake(0, 7, 1, 0.9f))), 50, 50);
        assertDrawn(Charts.architecture(Models.correctedConfiguration(), Models.MNIST_INPUT), 9 * 100, 200);
        var digit = org.cnnbook.prep.GreyImage.of(Charts.digits(data.trainImages(), data.trainLabels(), 1));
        assertDrawn(Charts.pictures(List.of(digit, digit.inverted()), List.of("a", "b"), 84), 2 * 70, 84);
        assertThrows(IllegalArgumentException.class, () -> Charts.pictures(List.of(digit), List.of(), 84));
    }
}
