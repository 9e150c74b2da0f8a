package org.cnnbook.exercises;

import org.cnnbook.prep.OneHot;
import org.cnnbook.train.Evaluator;
import org.cnnbook.train.History;
import org.cnnbook.train.ModelState;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The checks of notebook 5's exercises, each on a network the student changed and trained on the slice of 1,000
 * images: without activations (two linear layers are one), with a learning rate 100 times larger, with dropout
 * translated from Keras. Each checks what was built, that it was trained, and what the student should see.
 */
public final class LearningChecks {
    private static final String TRAIN = "train it with fitOnSlice(yourNetwork, TrainingOptions.defaults())";

    private LearningChecks() {}

    /** Exercise 1: {@code linear} has no activation between its layers, and {@code w}, {@code b} are its one layer. */
    public static void withoutActivation(
            MultiLayerNetwork linear,
            INDArray w,
            INDArray b,
            INDArray validationImages,
            INDArray validationLabels,
            MultiLayerNetwork withRelu) {
        Check.notNull("linear", linear, "build the network as hiddenLayer does, without the ReLU");
        requireTwoLayers(linear);
        IActivation hidden = activation(linear.getLayer(0).conf().getLayer());
        if (hidden instanceof ActivationSigmoid)
            Check.fail(
                    "your hidden layer computes a sigmoid: that is what DL4J gives a layer whose .activation(...) was "
                            + "left out",
                    "a layer with no activation at all is .activation(Activation.IDENTITY) in DL4J");
        if (!(hidden instanceof ActivationIdentity))
            Check.fail("your hidden layer still has an activation (" + hidden + ")", "use Activation.IDENTITY");
        requireTrained(linear);
        Check.notNull("oneLayerW", w, "multiply out (x·W₁ + b₁)·W₂ + b₂ and collect what multiplies x");
        Check.notNull("oneLayerB", b, "the terms of (x·W₁ + b₁)·W₂ + b₂ that do not multiply x");
        if (w.rank() != 2 || w.size(0) != 784 || w.size(1) != 10)
            Check.fail(
                    "oneLayerW has shape " + java.util.Arrays.toString(w.shape()) + ", not [784, 10]",
                    "W₁ is [784, 256] and W₂ [256, 10]: their product");
        if (b.length() != 10) Check.fail("oneLayerB has " + b.length() + " values, not 10", "b₁·W₂ is [1, 10]");
        INDArray some = validationImages.get(NDArrayIndex.interval(0, Math.min(200, validationImages.size(0))));
        INDArray flat = some.reshape('c', some.size(0), 784);
        INDArray scores = flat.mmul(w.castTo(flat.dataType()))
                .addRowVector(b.reshape(1, 10).castTo(flat.dataType()));
        INDArray mine = Transforms.softmax(scores, true);
        double gap =
                Transforms.abs(mine.sub(linear.output(some, false))).maxNumber().doubleValue();
        if (!(gap < 1e-4))
            Check.fail(
                    String.format("your one layer's probabilities differ from your network's by up to %.3f", gap),
                    "x·W + b must give the same scores as (x·W₁ + b₁)·W₂ + b₂ for every x: which terms multiply x, "
                            + "which do not?");
        INDArray classes = OneHot.indices(validationLabels);
        Check.pass(String.format(
                "your one layer gives the probabilities of your two (largest difference %.1e): two layers without "
                        + "an activation are one linear layer. On the validation images: %.1f %% right, with ReLU %.1f %%.",
                gap,
                100 * Evaluator.accuracy(linear, validationImages, classes),
                100 * Evaluator.accuracy(withRelu, validationImages, classes)));
    }

    /** Exercise 2: Adam with rate 0.1, trained; its loss stays far above and its accuracy far below the 0.001 run. */
    public static void largeLearningRate(MultiLayerNetwork fast, History fastHistory, History plainHistory) {
        Check.notNull("fast", fast, "the network of hiddenLayer, with new Adam(0.1)");
        requireTwoLayers(fast);
        IUpdater updater = updater(fast.getLayer(0).conf().getLayer());
        if (!(updater instanceof Adam adam))
            Check.fail(
                    "your network trains with " + updater.getClass().getSimpleName() + ", not Adam",
                    "keep the optimizer and change only its rate: new Adam(...)");
        else if (Math.abs(adam.getLearningRate() - 0.1) > 1e-12)
            Check.fail("Adam's learning rate is " + adam.getLearningRate() + ", not 0.1", "new Adam(0.1)");
        if (!(activation(fast.getLayer(0).conf().getLayer()) instanceof ActivationReLU))
            Check.fail("the hidden layer has no ReLU", "change only the learning rate of plain's network");
        requireTrained(fast);
        Check.notNull("fastHistory", fastHistory, "keep what fitOnSlice returns");
        History.EpochResult mine = last(fastHistory), reference = last(plainHistory);
        if (!(mine.loss() > 2 * reference.loss() && mine.validationAccuracy() < reference.validationAccuracy() - 0.03))
            Check.fail(
                    String.format(
                            "with your network the loss ends at %.3f and %.1f %% of the validation images are right; "
                                    + "with 0.001 %.3f and %.1f %%. That is not what a rate 100 times larger does",
                            mine.loss(),
                            100 * mine.validationAccuracy(),
                            reference.loss(),
                            100 * reference.validationAccuracy()),
                    "train `fast` itself with fitOnSlice, and keep that history in fastHistory");
        Check.pass(String.format(
                "with rate 0.1 the loss ends at %.3f instead of %.3f, and %.1f %% of the validation images are right "
                        + "instead of %.1f %%: every step overshoots, and the network never settles.",
                mine.loss(), reference.loss(), 100 * mine.validationAccuracy(), 100 * reference.validationAccuracy()));
    }

    /** Exercise 3: Keras' Dropout(0.25) after the hidden layer is DL4J's dropOut(0.75) on the output layer. */
    public static void dropoutFromKeras(MultiLayerNetwork keras, History kerasHistory, History plainHistory) {
        Check.notNull("keras", keras, "hiddenLayer's network with a dropout setting added");
        requireTwoLayers(keras);
        Layer hidden = keras.getLayer(0).conf().getLayer();
        Layer output = keras.getLayer(1).conf().getLayer();
        if (hidden.getIDropout() != null)
            Check.fail(
                    "your hidden layer drops some of its inputs, the pixels",
                    "DL4J's .dropOut(p) acts on the inputs of the layer it is set on; Keras' Dropout after the "
                            + "hidden layer drops the hidden layer's outputs: which layer receives those?");
        double keep = keepProbability(output.getIDropout());
        if (Double.isNaN(keep))
            Check.fail(
                    "your network has no dropout", "set .dropOut(...) on the layer that receives the hidden outputs");
        if (Math.abs(keep - 0.25) < 1e-9)
            Check.fail(
                    "your output layer keeps each hidden output with probability 0.25, so it drops 75 % of them",
                    "DL4J's p is the probability of keeping; Keras' rate is the share dropped");
        if (Math.abs(keep - 0.75) > 1e-9)
            Check.fail(
                    "your output layer keeps each hidden output with probability " + keep,
                    "Keras' Dropout(0.25) drops a quarter of them");
        if (!(activation(hidden) instanceof ActivationReLU)
                || !(updater(hidden) instanceof Adam adam && Math.abs(adam.getLearningRate() - 0.001) < 1e-12))
            Check.fail("the hidden layer or the optimizer differ from hiddenLayer's", "ReLU and new Adam(0.001)");
        requireTrained(keras);
        Check.notNull("kerasHistory", kerasHistory, "keep what fitOnSlice returns");
        History.EpochResult mine = last(kerasHistory), reference = last(plainHistory);
        Check.pass(String.format(
                "dropOut(0.75) on the output layer is Keras' Dropout(0.25) after the hidden layer. Your network: "
                        + "training images %.1f %%, validation images %.1f %% (without dropout %.1f and %.1f %%).",
                100 * mine.trainAccuracy(),
                100 * mine.validationAccuracy(),
                100 * reference.trainAccuracy(),
                100 * reference.validationAccuracy()));
    }

    private static void requireTwoLayers(MultiLayerNetwork network) {
        if (network.getnLayers() != 2)
            Check.fail(
                    "your network has " + network.getnLayers() + " layers, not 2",
                    "a DenseLayer of 256 and the OutputLayer, as in hiddenLayer");
    }

    private static void requireTrained(MultiLayerNetwork network) {
        if (!ModelState.wasTrained(network)) Check.fail("your network was never trained", TRAIN);
    }

    private static IActivation activation(Layer layer) {
        return layer instanceof BaseLayer base ? base.getActivationFn() : null;
    }

    private static IUpdater updater(Layer layer) {
        return layer instanceof BaseLayer base ? base.getIUpdater() : null;
    }

    private static double keepProbability(IDropout dropout) {
        return dropout instanceof Dropout d ? d.getP() : Double.NaN;
    }

    private static History.EpochResult last(History history) {
        if (history.epochs().isEmpty()) Check.fail("the history has no finished epoch", TRAIN);
        return history.epochs().get(history.epochs().size() - 1);
    }
}
