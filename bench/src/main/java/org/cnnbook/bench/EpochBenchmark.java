package org.cnnbook.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.cnnbook.data.Mnist;
import org.cnnbook.data.MnistData;
import org.cnnbook.data.MnistFiles;
import org.cnnbook.data.MnistLocation;
import org.cnnbook.engine.Nd4jSetup;
import org.cnnbook.model.Models;
import org.cnnbook.prep.OneHot;
import org.cnnbook.prep.Pixels;
import org.cnnbook.prep.Shapes;
import org.cnnbook.train.ConsoleProgress;
import org.cnnbook.train.History;
import org.cnnbook.train.Trainer;
import org.cnnbook.train.TrainingOptions;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * {@code make bench}'s DL4J side: trains the corrected CNN (batch 32, Adam 1e-3) on all of MNIST through lib and
 * prints one JSON line per epoch with its time and the test accuracy after it.
 * <p>
 * Arguments: epochs (default 1), then {@code --paced}: before each epoch print {@code READY} and wait for a line
 * on standard input, so that the bench can alternate epochs with the reference framework's and both see the same
 * machine load.
 */
public final class EpochBenchmark {
    private EpochBenchmark() {}

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        boolean paced = args.length > 1 && args[1].equals("--paced");
        // BENCH_IMAGES: the first that many training images (all 60,000), for the contention measurement
        int images = Integer.parseInt(System.getenv().getOrDefault("BENCH_IMAGES", "60000"));
        MnistData data = Mnist.load(MnistFiles.ensure(MnistLocation.directory(), System.err), images, 10_000);
        var x = Shapes.toNchw(Pixels.normalize(data.trainImages()));
        var y = OneHot.encode(data.trainLabels(), 10);
        var xTest = Shapes.toNchw(Pixels.normalize(data.testImages()));
        var testLabels = data.testLabels();
        // the unscaled pixels are not needed any more: freed now, as the references drop theirs (a notebook keeps
        // both to show them, 219 MB more)
        data.trainImages().close();
        data.testImages().close();
        MultiLayerNetwork model = Models.corrected();
        String precision = org.cnnbook.layers.LibLayers.convolutionPrecision();
        String path = Nd4jSetup.describe() + ", convolutions in " + precision;
        System.err.println(path);
        BufferedReader control = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (int epoch = 1; epoch <= epochs; epoch++) {
            if (paced) {
                System.out.println("READY");
                System.out.flush();
                if (control.readLine() == null) return;
            }
            // the test images stand in as "validation" so that their accuracy is printed after every epoch
            TrainingOptions options = TrainingOptions.defaults()
                    .epochs(1)
                    .seed(42 + epoch)
                    .batchSize(32)
                    .trainAccuracySamples(1000)
                    .reportEvery(500)
                    .progress(new ConsoleProgress());
            if (epoch > 1) options.withoutInputChecks(); // the same arrays were checked before the first epoch
            History history = Trainer.fit(model, x, y, xTest, testLabels, options);
            System.out.printf(
                    Locale.ROOT,
                    "{\"framework\": \"DL4J 1.0.0-M2.1 through lib%s\", \"path\": \"%s\", "
                            + "\"epoch\": %d, \"seconds\": %.3f, \"test_accuracy\": %.4f, \"images\": %d, \"peak_rss_mb\": %d, "
                            + "\"java_heap_committed_mb\": %d}%n",
                    precision.equals("fp32") ? "" : ", " + precision + " convolutions",
                    path.replace("\"", "'"),
                    epoch,
                    history.epochs().get(0).seconds(),
                    history.epochs().get(0).validationAccuracy(),
                    x.size(0),
                    peakRssMegabytes(),
                    Runtime.getRuntime().totalMemory() >> 20);
            System.out.flush();
        }
    }

    /** VmHWM of this process (Linux), or -1 where /proc is not available. */
    static long peakRssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        } catch (IOException | RuntimeException e) {
            // not Linux: the bench prints n/a
        }
        return -1;
    }
}
