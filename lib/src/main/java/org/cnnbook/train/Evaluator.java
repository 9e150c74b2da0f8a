package org.cnnbook.train;

import org.cnnbook.prep.OneHot;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Measures a trained network on labelled images. */
public final class Evaluator {
    // images per forward pass: the network's workspaces keep the size of the largest pass, and 1,000 images held
    // ~150 MB more than 200 for the rest of the session (peak RSS after an epoch with validation 1.22 vs 1.38 GB)
    private static final int CHUNK = 200;

    private Evaluator() {}

    /** Accuracy, confusion matrix, per-class precision/recall and every prediction with its confidence. */
    public static EvaluationReport evaluate(MultiLayerNetwork model, INDArray images, INDArray labels) {
        boolean trained = ModelState.wasTrained(model);
        if (!trained)
            System.out.println("Warning: this model was never trained (fit was never called), so its answers are "
                    + "random: expect about 10 % accuracy. Train it first.");
        int[] truth = OneHot.indices(labels).toIntVector();
        float[] confidence = new float[truth.length];
        int[] predicted = predict(model, images, confidence);
        return new EvaluationReport(
                truth, predicted, confidence, (int) model.layerSize(model.getnLayers() - 1), trained);
    }

    /** Fraction of images whose most probable class is the label. */
    public static double accuracy(MultiLayerNetwork model, INDArray images, INDArray classIndices) {
        int[] truth = classIndices.toIntVector();
        int[] predicted = predict(model, images, new float[truth.length]);
        long correct = java.util.stream.IntStream.range(0, truth.length)
                .filter(i -> truth[i] == predicted[i])
                .count();
        return truth.length == 0 ? Double.NaN : (double) correct / truth.length;
    }

    /** The most probable class of every image, in chunks; its probability goes into {@code confidence}. */
    private static int[] predict(MultiLayerNetwork model, INDArray images, float[] confidence) {
        int n = (int) images.size(0);
        int[] predicted = new int[n];
        for (int start = 0; start < n; start += CHUNK) {
            int end = Math.min(n, start + CHUNK);
            INDArray probabilities = model.output(images.get(NDArrayIndex.interval(start, end)), false);
            int[] best = probabilities.argMax(1).toIntVector();
            for (int i = 0; i < best.length; i++) {
                predicted[start + i] = best[i];
                confidence[start + i] = probabilities.getFloat(i, best[i]);
            }
        }
        return predicted;
    }
}
