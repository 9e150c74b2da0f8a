package org.cnnbook.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationIdentity;

/** Reads a network's configuration for the beginner's mistakes and says, in words, what they cause. */
public final class ModelCheck {
    private ModelCheck() {}

    public static List<String> warnings(MultiLayerNetwork model) {
        List<String> warnings = new ArrayList<>();
        int linear = 0;
        for (int i = 0; i < model.getnLayers(); i++) {
            Layer layer = model.getLayer(i).conf().getLayer();
            if (layer instanceof ConvolutionLayer conv && conv.getActivationFn() instanceof ActivationIdentity) {
                linear++;
                warnings.add("layer " + i + " (" + layer.getClass().getSimpleName() + ") has no activation function "
                        + "(identity). Consecutive convolutions without a non-linearity such as ReLU collapse into one "
                        + "bigger linear filter: the extra layers add weights but no power, and the network learns "
                        + "slower and stops short. Add .activation(Activation.RELU).");
            }
        }
        if (linear > 1) warnings.add(linear + " convolution layers have no activation.");
        return warnings;
    }

    /** A student-friendly explanation of a DL4J error, or the error's own message if it is not a known mistake. */
    public static String explain(Throwable error) {
        String message = String.valueOf(error.getMessage());
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause())
            message += " | " + cause.getMessage();
        if (message.contains("nIn")
                || message.contains("rank 4")
                || message.contains("matrix (rank 2)")
                || message.contains("CnnToFeedForward")
                || message.contains("Invalid input: expect output columns"))
            return "The dense layer received the 4-D output of a convolution/pooling layer [batch, channels, "
                    + "height, width], but a dense layer works on flat rows [batch, features]: a flatten is missing. "
                    + "In DL4J, .setInputType(InputType.convolutional(28, 28, 1)) adds it for you (a "
                    + "CnnToFeedForwardPreProcessor) and also works out every layer's nIn.\n(DL4J said: "
                    + error.getMessage() + ")";
        return error.getMessage();
    }
}
