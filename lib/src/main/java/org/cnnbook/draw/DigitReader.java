package org.cnnbook.draw;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.cnnbook.prep.DataProblem;
import org.cnnbook.prep.GreyImage;
import org.cnnbook.prep.Pixels;
import org.cnnbook.prep.Shapes;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Reads a drawing with a trained network: the notebook's own preparation (a drawing in, a 28x28 picture out), then
 * the same scaling to 0..1 and NCHW shape as every image of the series, then {@code model.output}.
 */
public final class DigitReader {
    private final MultiLayerNetwork model;
    private final UnaryOperator<GreyImage> preparation;

    public DigitReader(MultiLayerNetwork model, UnaryOperator<GreyImage> preparation) {
        if (model == null) throw new DataProblem("There is no network to read with: load or train one first.");
        if (preparation == null)
            throw new DataProblem("Say how to prepare a drawing, e.g. drawing -> prepareLikeMnist(drawing).");
        this.model = model;
        this.preparation = preparation;
    }

    /**
     * Runs {@code work} with ND4J's OpenMP on one thread, then restores the count. For one 28x28 picture, threads
     * cost more than they give, and while the page redraws on the other core they wait for it: here 1.5 ms on one
     * thread against 6 ms (and 20-100 ms at times) on two. The pad reads between cells, never beside training.
     */
    static <T> T onOneThread(Supplier<T> work) {
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        int threads = ops.ompGetMaxThreads();
        ops.setOmpNumThreads(1);
        try {
            return work.get();
        } finally {
            ops.setOmpNumThreads(threads);
        }
    }

    /** Reads a drawing a few times, so that the student's first strokes are answered as fast as the later ones. */
    void warmUp(Drawing drawing, int times) {
        for (int i = 0; i < times; i++) read(drawing);
    }

    public Reading read(Drawing drawing) {
        return drawing.isEmpty() ? Reading.NOTHING : read(drawing.image());
    }

    public Reading read(GreyImage drawing) {
        GreyImage seen = preparation.apply(drawing);
        if (seen == null || seen.width() != 28 || seen.height() != 28)
            throw new DataProblem("The preparation must return a 28x28 picture, like MNIST's; it returned "
                    + (seen == null ? "nothing" : seen.width() + "x" + seen.height()) + ".");
        INDArray input = Shapes.toNchw(Pixels.normalize(Nd4j.stack(0, seen.toArray())));
        double[] probabilities = onOneThread(() -> model.output(input).toDoubleVector());
        int answer = 0;
        for (int digit = 1; digit < probabilities.length; digit++)
            if (probabilities[digit] > probabilities[answer]) answer = digit;
        return new Reading(seen, probabilities, answer);
    }
}
