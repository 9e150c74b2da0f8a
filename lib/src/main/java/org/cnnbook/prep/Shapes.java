package org.cnnbook.prep;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reshaping MNIST images between the layouts the series talks about: flat rows [n, 784], pictures [n, 28, 28],
 * channels-first NCHW [n, 1, 28, 28] (what DL4J's convolution layers expect) and channels-last NHWC
 * [n, 28, 28, 1] (what Keras/TensorFlow use).
 */
public final class Shapes {
    private Shapes() {}

    public static INDArray toNchw(INDArray images) {
        long n = images.size(0);
        return switch (images.rank()) {
            case 2 -> images.reshape('c', n, 1, side(images.size(1)), side(images.size(1)));
            case 3 -> images.reshape('c', n, 1, images.size(1), images.size(2));
            case 4 -> images.size(3) == 1 && images.size(1) != 1
                    ? images.permute(0, 3, 1, 2).dup('c')
                    : images;
            default -> throw new DataProblem("Cannot make NCHW images from shape " + Arrays.toString(images.shape()));
        };
    }

    public static INDArray toNhwc(INDArray images) {
        INDArray nchw = toNchw(images);
        return nchw.permute(0, 2, 3, 1).dup('c');
    }

    /** [n, ...] to [n, everything else]: what a dense layer needs after convolutions. */
    public static INDArray flatten(INDArray batch) {
        return batch.reshape('c', batch.size(0), batch.length() / batch.size(0));
    }

    public static String describe(INDArray array) {
        String layout =
                switch (array.rank()) {
                    case 1 -> "one value per example";
                    case 2 -> "[examples, features]";
                    case 3 -> "[examples, height, width]";
                    case 4 -> array.size(1) <= 4
                            ? "NCHW [examples, channels, height, width]"
                            : "NHWC [examples, height, width, channels]";
                    default -> "rank " + array.rank();
                };
        return Arrays.toString(array.shape()) + " " + array.dataType() + " - " + layout;
    }

    private static long side(long pixels) {
        long side = Math.round(Math.sqrt(pixels));
        if (side * side != pixels) throw new DataProblem(pixels + " pixels per row do not form a square image.");
        return side;
    }
}
