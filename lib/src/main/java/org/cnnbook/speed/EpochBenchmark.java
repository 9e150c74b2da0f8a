package org.cnnbook.speed;

import org.cnnbook.data.Mnist;
import org.cnnbook.data.MnistData;
import org.cnnbook.data.MnistFiles;
import org.cnnbook.data.MnistLocation;
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
 * prints one JSON line with the time of each epoch and the test accuracy. Arguments: epochs (default 1).
 */
public final class EpochBenchmark {
    private EpochBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        MnistData data = Mnist.load(MnistFiles.ensure(MnistLocation.directory(), System.err), 60_000, 10_000);
        var x = Shapes.toNchw(Pixels.normalize(data.trainImages()));
        var y = OneHot.encode(data.trainLabels(), 10);
        var xTest = Shapes.toNchw(Pixels.normalize(data.testImages()));
        MultiLayerNetwork model = Models.corrected();
        System.err.println(Nd4jSetup.describe());
        History history = Trainer.fit(model, x, y, xTest, data.testLabels(), TrainingOptions.defaults()
                .epochs(epochs).batchSize(32).trainAccuracySamples(1000).reportEvery(500).progress(new ConsoleProgress()));
        StringBuilder seconds = new StringBuilder();
        for (History.EpochResult e : history.epochs())
            seconds.append(seconds.length() == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.2f", e.seconds()));
        System.out.printf(java.util.Locale.ROOT,
                "{\"framework\": \"DL4J %s through lib\", \"path\": \"%s\", \"epoch_seconds\": [%s], \"test_accuracy\": %.4f, \"images\": %d}%n",
                "1.0.0-M2.1", Nd4jSetup.describe().replace("\"", "'"), seconds, history.finalTestAccuracy(), x.size(0));
    }
}
