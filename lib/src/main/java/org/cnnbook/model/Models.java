package org.cnnbook.model;

import org.cnnbook.speed.Nd4jSetup;
import org.cnnbook.speed.layers.FastConvolution;
import org.cnnbook.speed.layers.FastDense;
import org.cnnbook.speed.layers.FastOutput;
import org.cnnbook.speed.layers.FastMaxPooling;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The three CNNs of the series, all for 28x28 grey images in NCHW layout and 10 classes.
 * <ul>
 *   <li>{@link #beginner}: the question's model as written: the same layers as the corrected one, but the
 *       convolutions have no activation (DL4J's default is identity, i.e. none).</li>
 *   <li>{@link #corrected}: the accepted answer: conv5x5x32, conv5x5x32, pool, conv3x3x64, conv3x3x64, pool,
 *       dense 256, softmax; ReLU everywhere; Adam 1e-3.</li>
 *   <li>{@link #leNet}: the classic LeNet-5 style baseline of DL4J's examples.</li>
 * </ul>
 * {@code setInputType} is DL4J's way to get the flatten between the last pooling layer and the dense layer:
 * it inserts a {@code CnnToFeedForwardPreProcessor}. {@link #withoutFlatten} shows what happens without it.
 */
public final class Models {
    public static final long SEED = 123;
    public static final InputType MNIST_INPUT = InputType.convolutional(28, 28, 1);

    private Models() {
    }

    public static MultiLayerNetwork beginner() {
        return build(cnn(Activation.IDENTITY, true));
    }

    public static MultiLayerNetwork corrected() {
        return build(cnn(Activation.RELU, true));
    }

    /** The corrected layers without {@code setInputType}: DL4J cannot wire the dense layer (no flatten). */
    public static MultiLayerConfiguration withoutFlatten() {
        return cnn(Activation.RELU, false);
    }

    public static MultiLayerNetwork leNet() {
        MultiLayerConfiguration conf = layers()
                .layer(conv(new ConvolutionLayer.Builder(5, 5).nOut(20).activation(Activation.RELU)))
                .layer(maxPool())
                .layer(conv(new ConvolutionLayer.Builder(5, 5).nOut(50).activation(Activation.RELU)))
                .layer(maxPool())
                .layer(dense(new DenseLayer.Builder().nOut(500).activation(Activation.RELU).build()))
                .layer(output(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX)))
                .setInputType(inputType())
                .build();
        return build(conf);
    }

    /** What all three models share: the seed, Xavier initialisation and Adam with learning rate 0.001. */
    private static NeuralNetConfiguration.ListBuilder layers() {
        Nd4jSetup.ensure();
        return new NeuralNetConfiguration.Builder()
                .seed(SEED)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(1e-3))
                .list();
    }

    /**
     * Every layer's input size is written out (576 = 64 maps of 3x3 before the dense layer), as a beginner would,
     * so that without {@code setInputType} the one thing missing is the flatten.
     */
    private static MultiLayerConfiguration cnn(Activation convActivation, boolean withInputType) {
        var list = layers()
                .layer(conv(new ConvolutionLayer.Builder(5, 5).nIn(1).nOut(32).activation(convActivation)))
                .layer(conv(new ConvolutionLayer.Builder(5, 5).nIn(32).nOut(32).activation(convActivation)))
                .layer(maxPool())
                .layer(conv(new ConvolutionLayer.Builder(3, 3).nIn(32).nOut(64).activation(convActivation)))
                .layer(conv(new ConvolutionLayer.Builder(3, 3).nIn(64).nOut(64).activation(convActivation)))
                .layer(maxPool())
                .layer(dense(new DenseLayer.Builder().nIn(576).nOut(256).activation(Activation.RELU).build()))
                .layer(output(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(256).nOut(10).activation(Activation.SOFTMAX)));
        if (withInputType) list.setInputType(inputType());
        return list.build();
    }

    /**
     * With lib's fast layers (see {@link Nd4jSetup#fastLayersActive()}) the images travel through the network
     * channels-last, [batch, 28, 28, 1]; for one channel that is the same memory as NCHW [batch, 1, 28, 28], which
     * the first layer accepts as well.
     */
    private static InputType inputType() {
        return Nd4jSetup.fastLayersActive() ? InputType.convolutional(28, 28, 1, CNN2DFormat.NHWC) : MNIST_INPUT;
    }

    private static Layer conv(ConvolutionLayer.Builder builder) {
        return Nd4jSetup.fastLayersActive() ? new FastConvolution(builder) : builder.build();
    }

    private static Layer maxPool() {
        var builder = new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2);
        return Nd4jSetup.fastLayersActive() ? new FastMaxPooling(builder) : builder.build();
    }

    private static Layer dense(DenseLayer layer) {
        return Nd4jSetup.fastLayersActive() ? FastDense.of(layer) : layer;
    }

    private static Layer output(OutputLayer.Builder builder) {
        return Nd4jSetup.fastLayersActive() ? new FastOutput(builder) : builder.build();
    }

    private static MultiLayerNetwork build(MultiLayerConfiguration conf) {
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }
}
