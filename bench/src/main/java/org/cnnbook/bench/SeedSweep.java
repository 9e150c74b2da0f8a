package org.cnnbook.bench;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cnnbook.data.Mnist;
import org.cnnbook.data.MnistData;
import org.cnnbook.data.MnistFiles;
import org.cnnbook.data.MnistLocation;
import org.cnnbook.data.RunLimits;
import org.cnnbook.engine.CpuInfo;
import org.cnnbook.layers.LayerSet;
import org.cnnbook.layers.LibLayers;
import org.cnnbook.model.Models;
import org.cnnbook.prep.OneHot;
import org.cnnbook.prep.Pixels;
import org.cnnbook.prep.Shapes;
import org.cnnbook.prep.ValidationSplit;
import org.cnnbook.train.ConsoleProgress;
import org.cnnbook.train.Evaluator;
import org.cnnbook.train.History;
import org.cnnbook.train.Trainer;
import org.cnnbook.train.TrainingOptions;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code make seeds}: trains notebook 6's model and protocol (55,000 images, 5,000 held out for validation, the
 * best epoch kept, the test set measured once at the end) with several seeds, once with lib's layers and once with
 * DL4J's own, and prints min / mean / max test accuracy with the CPU it ran on. A seed sets both the initial
 * weights and the order of the batches.
 * <p>
 * Arguments: {@code --seeds N} (default 5), {@code --epochs N} (default: notebook 6's), {@code --layers lib,dl4j},
 * {@code --images N} (the first N training images, default all 60,000; fewer for a smoke test).
 */
public final class SeedSweep {
    /** How many epochs notebook 6 trains. */
    public static final int NOTEBOOK_EPOCHS = 3;

    private SeedSweep() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arguments.parse(
                args, Map.of("seeds", "5", "epochs", "" + NOTEBOOK_EPOCHS, "layers", "lib,dl4j", "images", "60000"));
        int seeds = Integer.parseInt(options.get("seeds"));
        int epochs = Integer.parseInt(options.get("epochs"));
        List<String> layerSets = List.of(options.get("layers").split(","));
        CpuInfo cpu = CpuInfo.ofThisMachine();
        System.out.println("[seeds] CPU: " + cpu);
        System.out.println("[seeds] " + LibLayers.describePrecision());

        int imageCount = Integer.parseInt(options.get("images"));
        MnistData data = Mnist.load(
                MnistFiles.ensure(MnistLocation.directory(), System.out),
                imageCount,
                RunLimits.of(imageCount, 0).testCount(10_000));
        INDArray images = Shapes.toNchw(Pixels.normalize(data.trainImages()));
        ValidationSplit split = ValidationSplit.holdOutLast(
                images, OneHot.encode(data.trainLabels(), 10), ValidationSplit.MNIST_VALIDATION_IMAGES);
        INDArray testImages = Shapes.toNchw(Pixels.normalize(data.testImages()));
        System.out.println("[seeds] " + split.describe() + "; " + epochs + " epochs; seeds 1.." + seeds);

        Map<String, List<Double>> accuracies = new LinkedHashMap<>();
        for (String layers : layerSets) {
            LayerSet layerSet = LayerSet.valueOf(layers.toUpperCase(java.util.Locale.ROOT));
            List<Double> results = new ArrayList<>();
            for (int seed = 1; seed <= seeds; seed++) {
                MultiLayerNetwork model = layerSet.network(Models.correctedConfiguration(seed));
                History history = Trainer.fit(
                        model,
                        split.trainImages(),
                        split.trainLabels(),
                        split.validationImages(),
                        split.validationLabels(),
                        TrainingOptions.defaults()
                                .epochs(epochs)
                                .seed(seed)
                                .reportEvery(100_000)
                                .progress(new ConsoleProgress()));
                double test = Evaluator.accuracy(model, testImages, data.testLabels());
                results.add(test);
                System.out.printf(
                        Locale.ROOT,
                        "[seeds] layers=%s seed=%d kept epoch %d, validation %.2f %%, test %.2f %%%n",
                        layers,
                        seed,
                        history.keptEpoch(),
                        100 * history.keptValidationAccuracy(),
                        100 * test);
            }
            accuracies.put(layers, results);
        }
        System.out.println();
        System.out.println(
                "Test accuracy over " + seeds + " seeds (" + epochs + " epochs, best validation epoch kept)");
        System.out.println("CPU: " + cpu);
        System.out.println(LibLayers.describePrecision() + " (layers=lib)");
        System.out.println("layers   min       mean      max       each");
        for (var entry : accuracies.entrySet()) {
            DoubleSummaryStatistics s =
                    entry.getValue().stream().mapToDouble(d -> d).summaryStatistics();
            System.out.printf(
                    Locale.ROOT,
                    "%-7s %6.2f %%  %6.2f %%  %6.2f %%  %s%n",
                    entry.getKey(),
                    100 * s.getMin(),
                    100 * s.getAverage(),
                    100 * s.getMax(),
                    entry.getValue().stream()
                            .map(d -> String.format(Locale.ROOT, "%.2f", 100 * d))
                            .toList());
        }
    }
}
