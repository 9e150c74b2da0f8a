package org.cnnbook.train;

import org.cnnbook.prep.OneHot;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Measures a trained network on labelled images. */
public final class Evaluator {
    private static final int CHUNK = 1000;

    private Evaluator() {
    }

    /** Accuracy, confusion matrix, per-class precision/recall and every prediction with its confidence. */
    public static EvaluationReport evaluate(MultiLayerNetwork model, INDArray images, INDArray labels) {
        boolean trained = ModelState.wasTrained(model);
        if (!trained)
            System.out.println("Warning: this model was never trained (fit was never called), so its answers are "
                    + "random: expect about 10 % accuracy. Train it first.");
        INDArray indices = labels.rank() == 2 ? OneHot.decode(labels) : labels;
        int n = (int) images.size(0);
        int[] truth = indices.toIntVector();
        int[] predicted = new int[n];
        float[] confidence = new float[n];
        for (int start = 0; start < n; start += CHUNK) {
            int end = Math.min(n, start + CHUNK);
            INDArray probabilities = model.output(images.get(NDArrayIndex.interval(start, end)), false);
            int[] best = probabilities.argMax(1).toIntVector();
            for (int i = 0; i < best.length; i++) {
                predicted[start + i] = best[i];
                confidence[start + i] = probabilities.getFloat(i, best[i]);
            }
        }
        return new EvaluationReport(truth, predicted, confidence, (int) model.layerSize(model.getnLayers() - 1), trained);
    }

    /** Fraction of images whose most probable class is the label. */
    public static double accuracy(MultiLayerNetwork model, INDArray images, INDArray classIndices) {
        long n = images.size(0);
        long correct = 0;
        for (long start = 0; start < n; start += CHUNK) {
            long end = Math.min(n, start + CHUNK);
            INDArray predicted = model.output(images.get(NDArrayIndex.interval(start, end)), false).argMax(1);
            INDArray truth = classIndices.get(NDArrayIndex.interval(start, end)).castTo(predicted.dataType());
            correct += predicted.eq(truth).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue();
        }
        return n == 0 ? Double.NaN : (double) correct / n;
    }
}
