package org.cnnbook.prep;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Checks that catch the classic MNIST mistakes before they turn into a mysterious accuracy, each failing with a
 * {@link DataProblem} whose message explains the mistake in plain words and gives the fix.
 */
public final class DataChecks {
    private static final double ONE_OVER_255 = 1.0 / 255.0;

    private DataChecks() {}

    /** Images for training or evaluation must be scaled to [0, 1]. */
    public static void requireUnitRange(INDArray images, String name) {
        PixelStats stats = PixelStats.of(images);
        if (stats.min() < 0)
            throw new DataProblem(name + " have negative pixel values (min " + fmt(stats.min()) + "). MNIST pixels "
                    + "are 0..255; scale them with Pixels.normalize (divide by 255), which gives 0..1.");
        if (stats.max() > 1.0 + 1e-6)
            throw new DataProblem(name + " go up to " + fmt(stats.max()) + ": they were not scaled. The network "
                    + "learns on pixels in [0, 1]; divide by 255 (Pixels.normalize) - the training images AND the "
                    + "test images, the same way.");
        if (stats.max() > 0 && stats.max() <= ONE_OVER_255 + 1e-6)
            throw new DataProblem(name + " only go up to " + fmt(stats.max()) + " (= 1/255): they were divided by "
                    + "255 twice. Scale the raw 0..255 pixels once.");
    }

    /** Training and test images must be on the same scale (the same preprocessing). */
    public static void requireSameScale(INDArray train, INDArray test) {
        double trainMax = train.maxNumber().doubleValue();
        double testMax = test.maxNumber().doubleValue();
        double ratio = Math.max(trainMax, testMax) / Math.max(1e-12, Math.min(trainMax, testMax));
        if (ratio > 2)
            throw new DataProblem("The training images go up to " + fmt(trainMax) + " but the test images go up to "
                    + fmt(testMax) + ": they were preprocessed differently. A model only works on inputs prepared "
                    + "like its training data; apply the same normalization to both sets.");
    }

    /** Class indices: a rank-1 array of whole numbers 0..classes-1. */
    public static void requireClassIndices(INDArray labels, int classes) {
        if (labels.rank() == 2 && labels.size(1) == classes && labels.size(1) > 1)
            throw new DataProblem("These labels are one-hot rows " + Arrays.toString(labels.shape()) + ", but class "
                    + "indices (one number 0.." + (classes - 1) + " per image) are expected here. "
                    + "Use OneHot.decode(labels) to turn one-hot rows back into indices.");
        if (labels.rank() > 2 || (labels.rank() == 2 && labels.size(1) != 1))
            throw new DataProblem("Labels should be one class index per image, shape [n], but have shape "
                    + Arrays.toString(labels.shape()) + ".");
        INDArray values = labels.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        double max = values.maxNumber().doubleValue();
        double min = values.minNumber().doubleValue();
        boolean whole = values.sub(Transforms.floor(values, true)).maxNumber().doubleValue() < 1e-9;
        if (!whole && max <= 9.0 / 255.0 + 1e-6 && min >= 0)
            throw new DataProblem("The labels are fractions between 0 and " + fmt(max) + " = 9/255: they were "
                    + "divided by 255. Only the images are scaled; labels are class numbers 0..9 and must stay "
                    + "whole numbers. (The classic typo: y_train/255 where x_test/255 was meant.)");
        if (!whole)
            throw new DataProblem("The labels are not whole numbers (e.g. " + fmt(firstFraction(values)) + "). "
                    + "Labels are class numbers 0.." + (classes - 1) + ".");
        if (min < 0 || max > classes - 1)
            throw new DataProblem("Labels range from " + fmt(min) + " to " + fmt(max) + ", but there are " + classes
                    + " classes, numbered 0.." + (classes - 1) + ".");
        if (min == max && labels.length() > 100)
            throw new DataProblem("All " + labels.length() + " labels are " + fmt(min) + ": the network would learn "
                    + "to always answer " + fmt(min) + ". Check how the labels were prepared (divided by 255 and "
                    + "then rounded?).");
    }

    /** One-hot rows [n, classes] of 0s with a single 1. */
    public static void requireOneHot(INDArray labels, int classes) {
        if (labels.rank() == 1 || (labels.rank() == 2 && labels.size(1) == 1))
            throw new DataProblem("These labels are class indices (shape " + Arrays.toString(labels.shape()) + "), "
                    + "but the softmax output layer with MCXENT loss expects one-hot rows of " + classes
                    + " (shape [n, " + classes + "]). Use OneHot.encode(labels, " + classes + ").");
        if (labels.rank() != 2 || labels.size(1) != classes)
            throw new DataProblem(
                    "One-hot labels need shape [n, " + classes + "], not " + Arrays.toString(labels.shape()) + ".");
        INDArray rowSums = labels.sum(1);
        boolean rowsSumToOne = Transforms.abs(rowSums.sub(1.0)).maxNumber().doubleValue() < 1e-6;
        INDArray asDouble = labels.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        boolean zerosAndOnes =
                Transforms.abs(asDouble.mul(asDouble.sub(1.0))).maxNumber().doubleValue() < 1e-9;
        if (!rowsSumToOne || !zerosAndOnes)
            throw new DataProblem("One-hot rows must hold a single 1 and zeros elsewhere; these do not (row sums "
                    + "range " + fmt(rowSums.minNumber().doubleValue()) + ".."
                    + fmt(rowSums.maxNumber().doubleValue())
                    + "). Build them with OneHot.encode from class indices 0.." + (classes - 1) + ".");
    }

    /** Images for DL4J's convolution layers: [n, 1, 28, 28] (NCHW). */
    public static void requireNchw(INDArray images, long height, long width) {
        long[] s = images.shape();
        if (images.rank() == 4 && s[1] == 1 && s[2] == height && s[3] == width) return;
        String got = Arrays.toString(s);
        if (images.rank() == 4 && s[3] == 1 && s[1] == height)
            throw new DataProblem("The images are channels-last (NHWC) " + got + ", but DL4J's convolution layers "
                    + "expect channels-first (NCHW) [n, 1, " + height + ", " + width + "]. Use Shapes.toNchw(images).");
        if (images.rank() == 3)
            throw new DataProblem("The images " + got + " have no channel axis. A convolution layer expects "
                    + "[n, channels, height, width]; use Shapes.toNchw(images) to get [n, 1, " + height + ", " + width
                    + "].");
        if (images.rank() == 2)
            throw new DataProblem("The images are flat rows " + got + ". A convolution layer needs the 2-D picture "
                    + "back: Shapes.toNchw(images) gives [n, 1, " + height + ", " + width + "].");
        throw new DataProblem("Expected images of shape [n, 1, " + height + ", " + width + "], got " + got + ".");
    }

    private static double firstFraction(INDArray values) {
        double[] all = values.toDoubleVector();
        for (double v : all) if (Math.abs(v - Math.rint(v)) > 1e-9) return v;
        return all[0];
    }

    private static String fmt(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9
                ? Long.toString((long) value)
                : String.format("%.4f", value);
    }
}
