package org.cnnbook.model;

import org.cnnbook.engine.Nd4jSetup;
import org.cnnbook.layers.LayerSet;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The three CNNs of the series, all for 28x28 grey images in NCHW layout and 10 classes.
 * <ul>
 *   <li>{@link #beginner}: the question's model as written: the same layers as the corrected one, but the
 *       convolutions have no activation. Keras' default is none; DL4J's default would be sigmoid, so the replay
 *       says {@code Activation.IDENTITY} explicitly (as it gives the pooling layers Keras' 2x2 window, where DL4J's
 *       default would be 1x1).</li>
 *   <li>{@link #corrected}: the accepted answer: conv5x5x32, conv5x5x32, pool, conv3x3x64, conv3x3x64, pool,
 *       dense 256, softmax; ReLU everywhere; Adam with {@link #LEARNING_RATE}.</li>
 *   <li>{@link #leNet}: the classic LeNet-5 style baseline of DL4J's examples.</li>
 * </ul>
 * {@code setInputType} is DL4J's way to get the flatten between the last pooling layer and the dense layer:
 * it inserts a {@code CnnToFeedForwardPreProcessor}. {@link #withoutFlatten} shows what happens without it.
 */
public final class Models {
    public static final long SEED = 123;
    /**
     * Adam's learning rate: 0.001 in the first epoch, 0.0003 in the second, 0.0001 from the third on. A rate that
     * settles lets the last epoch refine instead of jumping around a minimum, so the result no longer depends on where
     * the last batch happened to leave the weights. With it, three epochs reach what five reached with the rate halved
     * every epoch: test accuracy 99.28-99.45 % over five seeds (bench/NOTES.md, "Accuracy").
     */
    public static final ISchedule LEARNING_RATE =
            new MapSchedule(ScheduleType.EPOCH, java.util.Map.of(0, 1e-3, 1, 3e-4, 2, 1e-4));

    public static final InputType MNIST_INPUT = InputType.convolutional(28, 28, 1);

    private Models() {}

    /** The beginner's model, built with {@link LayerSet#preferred()}. */
    public static MultiLayerNetwork beginner() {
        return LayerSet.preferred().network(beginnerConfiguration());
    }

    /** The corrected model, built with {@link LayerSet#preferred()}. */
    public static MultiLayerNetwork corrected() {
        return LayerSet.preferred().network(correctedConfiguration());
    }

    /** LeNet, built with {@link LayerSet#preferred()}. */
    public static MultiLayerNetwork leNet() {
        return LayerSet.preferred().network(leNetConfiguration());
    }

    public static MultiLayerConfiguration beginnerConfiguration() {
        return cnn(SEED, Activation.IDENTITY, true);
    }

    /** The corrected model's configuration with DL4J's own layer classes, as notebook 6 writes it. */
    public static MultiLayerConfiguration correctedConfiguration() {
        return correctedConfiguration(SEED);
    }

    /** The same with its weights drawn from another seed (to measure how much results vary). */
    public static MultiLayerConfiguration correctedConfiguration(long seed) {
        return cnn(seed, Activation.RELU, true);
    }

    /** The corrected layers without {@code setInputType}: DL4J cannot wire the dense layer (no flatten). */
    public static MultiLayerConfiguration withoutFlatten() {
        return cnn(SEED, Activation.RELU, false);
    }

    public static MultiLayerConfiguration leNetConfiguration() {
        return layers(SEED)
                .layer(new ConvolutionLayer.Builder(5, 5)
                        .nOut(20)
                        .activation(Activation.RELU)
                        .build())
                .layer(maxPool())
                .layer(new ConvolutionLayer.Builder(5, 5)
                        .nOut(50)
                        .activation(Activation.RELU)
                        .build())
                .layer(maxPool())
                .layer(new DenseLayer.Builder()
                        .nOut(500)
                        .activation(Activation.RELU)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(10)
                        .activation(Activation.SOFTMAX)
                        .build())
                .setInputType(MNIST_INPUT)
                .build();
    }

    /** What all three models share: the seed, Xavier initialisation and Adam with {@link #LEARNING_RATE}. */
    private static NeuralNetConfiguration.ListBuilder layers(long seed) {
        Nd4jSetup.ensure();
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(LEARNING_RATE))
                .list();
    }

    /**
     * Every layer's input size is written out (576 = 64 maps of 3x3 before the dense layer), as a beginner would,
     * so that without {@code setInputType} the one thing missing is the flatten.
     */
    private static MultiLayerConfiguration cnn(long seed, Activation convActivation, boolean withInputType) {
        var list = layers(seed)
                .layer(new ConvolutionLayer.Builder(5, 5)
                        .nIn(1)
                        .nOut(32)
                        .activation(convActivation)
                        .build())
                .layer(new ConvolutionLayer.Builder(5, 5)
                        .nIn(32)
                        .nOut(32)
                        .activation(convActivation)
                        .build())
                .layer(maxPool())
                .layer(new ConvolutionLayer.Builder(3, 3)
                        .nIn(32)
                        .nOut(64)
                        .activation(convActivation)
                        .build())
                .layer(new ConvolutionLayer.Builder(3, 3)
                        .nIn(64)
                        .nOut(64)
                        .activation(convActivation)
                        .build())
                .layer(maxPool())
                .layer(new DenseLayer.Builder()
                        .nIn(576)
                        .nOut(256)
                        .activation(Activation.RELU)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(256)
                        .nOut(10)
                        .activation(Activation.SOFTMAX)
                        .build());
        if (withInputType) list.setInputType(MNIST_INPUT);
        return list.build();
    }

    private static SubsamplingLayer maxPool() {
        return new SubsamplingLayer.Builder(PoolingType.MAX)
                .kernelSize(2, 2)
                .stride(2, 2)
                .build();
    }
}
