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
        assertDrawn(Charts.confusionHeatmap(new int[10][10], "Confusion"), 600, 500);
        assertDrawn(Charts.firstLayerFilters(Models.corrected()), 300, 100);
        Map<String, Double> bars = new LinkedHashMap<>();
        bars.put("as written", 0.098);
        bars.put("fixed", 0.99);
        assertDrawn(Charts.bars("Accuracy", "accuracy", bars), 600, 300);
        assertDrawn(Charts.trainingCurves(new History(), "empty"), 600, 300);
        assertDrawn(Charts.mistakes(data.testImages(), List.of(new EvaluationReport.Mistake(0, 7, 1, 0.9f))), 50, 50);
        assertDrawn(Charts.architecture(Models.correctedConfiguration(), Models.MNIST_INPUT), 9 * 100, 200);
        var digit = org.cnnbook.prep.GreyImage.of(Charts.digits(data.trainImages(), data.trainLabels(), 1));
        assertDrawn(Charts.pictures(List.of(digit, digit.inverted()), List.of("a", "b"), 84), 2 * 70, 84);
        assertThrows(IllegalArgumentException.class, () -> Charts.pictures(List.of(digit), List.of(), 84));
    }
}
