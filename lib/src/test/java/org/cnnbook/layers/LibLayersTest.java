package org.cnnbook.layers;

import static org.junit.jupiter.api.Assertions.*;

import org.cnnbook.model.Models;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

class LibLayersTest {
    @Test
    void everyLayerOfTheCnnBecomesItsLibSubclassWithTheSameSettings() {
        MultiLayerConfiguration dl4j = Models.correctedConfiguration();
        MultiLayerConfiguration lib = LibLayers.replace(dl4j);
        Class<?>[] expected = {
            LibConvolution.class,
            LibConvolution.class,
            LibMaxPooling.class,
            LibConvolution.class,
            LibConvolution.class,
            LibMaxPooling.class,
            LibDense.class,
            LibOutput.class
        };
        for (int i = 0; i < expected.length; i++) {
            var replaced = lib.getConf(i).getLayer();
            var original = dl4j.getConf(i).getLayer();
            assertEquals(expected[i], replaced.getClass(), "layer " + i);
            assertTrue(original.getClass().isInstance(replaced), "a subclass of DL4J's " + original.getClass());
            if (!(original instanceof SubsamplingLayer))
                assertEquals(original.getUpdaterByParam("W"), replaced.getUpdaterByParam("W"), "layer " + i);
        }
        assertEquals(CNN2DFormat.NHWC, ((ConvolutionLayer) lib.getConf(0).getLayer()).getCnn2dDataFormat());
        assertEquals(
                CNN2DFormat.NCHW,
                ((ConvolutionLayer) dl4j.getConf(0).getLayer()).getCnn2dDataFormat(),
                "the student's configuration is not changed");
        var flatten = (CnnToFeedForwardPreProcessor) lib.getInputPreProcess(6);
        assertEquals(CNN2DFormat.NHWC, flatten.getFormat(), "the flatten reads what the layers before it write");
    }

    @Test
    void aConfigurationWithALayerLibCannotReplaceStaysAsItIs() {
        MultiLayerConfiguration averagePooling = new NeuralNetConfiguration.Builder()
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3)
                        .nOut(4)
                        .activation(Activation.RELU)
                        .build())
                .layer(new SubsamplingLayer.Builder(PoolingType.AVG)
                        .kernelSize(2, 2)
                        .stride(2, 2)
                        .build())
                .layer(new OutputLayer.Builder()
                        .nOut(10)
                        .activation(Activation.SOFTMAX)
                        .build())
                .setInputType(Models.MNIST_INPUT)
                .build();
        assertSame(averagePooling, LibLayers.replace(averagePooling));
    }

    @Test
    void aDenseNetworkOnImagesTakesTheImagesAsDl4jsDoes() {
        MultiLayerConfiguration dense = new NeuralNetConfiguration.Builder()
                .seed(3)
                .list()
                .layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder()
                        .nOut(16)
                        .activation(Activation.RELU)
                        .build())
                .layer(new OutputLayer.Builder()
                        .nOut(10)
                        .activation(Activation.SOFTMAX)
                        .build())
                .setInputType(Models.MNIST_INPUT)
                .build();
        var images = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 4, 1, 28, 28);
        var lib = LayerSet.LIB.network(dense);
        var dl4j = LayerSet.DL4J.network(dense);
        assertEquals(
                LibDense.class,
                lib.getLayerWiseConfigurations().getConf(0).getLayer().getClass());
        assertTrue(
                dl4j.output(images).equalsWithEps(lib.output(images), 1e-5),
                "no convolution before it: the flatten reads the images as they are (NCHW)");
    }
}
