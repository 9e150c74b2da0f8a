package org.cnnbook.layers;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * Softmax and DL4J's multi-class cross-entropy ({@link LossMCXENT}) in one pass over the output layer's
 * pre-activations: the gradient DL4J's loss computes (softmax minus labels) and the summed loss DL4J would score from
 * the same numbers (the softmax clipped to [eps, 1 - eps] before the log, as LossMCXENT does). DL4J computes the
 * product and the softmax once for the gradient and again for the score, in about ten small native calls; the
 * output is batch × classes numbers, few enough to read once on the Java side.
 */
final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {}

    /** Whether this pass computes what {@code loss} would: unweighted MCXENT after a softmax, without a mask. */
    static boolean replaces(ILossFunction loss, IActivation activation, INDArray mask) {
        return loss instanceof LossMCXENT mcxent
                && mcxent.getWeights() == null
                && activation instanceof ActivationSoftmax
                && mask == null;
    }

    /**
     * Writes {@code softmax(z) - labels} into {@code gradient} (contiguous, z's shape) and returns the cross-entropy
     * summed over the batch: {@code -Σ labels · log(clip(softmax(z)))}.
     */
    static double gradientAndLoss(INDArray z, INDArray labels, double clipEps, INDArray gradient) {
        int rows = (int) z.size(0), classes = (int) z.size(1);
        if (gradient.length() != (long) rows * classes || gradient.isView() || gradient.ordering() != 'c')
            throw new IllegalArgumentException("the gradient must be a new contiguous [" + rows + ", " + classes
                    + "] array, got " + gradient.shapeInfoToString().replace('\n', ' '));
        float[] logits = floats(z), targets = floats(labels), out = new float[rows * classes];
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            int row = r * classes;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) max = Math.max(max, logits[row + c]);
            float sum = 0;
            for (int c = 0; c < classes; c++) {
                out[row + c] = (float) Math.exp(logits[row + c] - max);
                sum += out[row + c];
            }
            for (int c = 0; c < classes; c++) {
                float p = out[row + c] / sum, y = targets[row + c];
                if (y != 0) loss -= y * Math.log(Math.min(Math.max(p, clipEps), 1 - clipEps));
                out[row + c] = p - y;
            }
        }
        gradient.data().setData(out);
        return loss;
    }

    /** The array's numbers in C order, as fp32. */
    private static float[] floats(INDArray a) {
        INDArray plain = a.dataType() == DataType.FLOAT ? a : a.castTo(DataType.FLOAT);
        if (plain.isView() || plain.ordering() != 'c' || plain.data().length() != plain.length())
            plain = plain.dup('c');
        return plain.data().asFloat();
    }
}
