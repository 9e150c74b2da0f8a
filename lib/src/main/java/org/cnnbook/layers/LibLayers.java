package org.cnnbook.layers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cnnbook.updaters.LibAdam;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * The one call that puts lib's layers into a network configured with DL4J's own classes: every convolution,
 * max-pooling, dense and output layer becomes its lib subclass ({@link LibConvolution}, {@link LibMaxPooling},
 * {@link LibDense}, {@link LibOutput}), which keeps the same hyperparameters, parameters, initialisation, updater
 * and saved format and computes the same numbers channels-last with oneDNN and BLAS directly, and DL4J's Adam
 * becomes {@link LibAdam} (the same settings and state, its step in one pass). Nothing else of the configuration
 * changes; the flatten before the dense layer reads channels-last too.
 * <p>
 * A configuration with any other kind of layer is returned unchanged: lib has no replacement for it, and mixing
 * channels-last and channels-first layers would only add conversions.
 * <p>
 * {@link #stock} goes the other way: DL4J's own classes, channels-first as DL4J builds them by default, so a saved
 * model is the network the student configured and needs nothing of lib to be loaded.
 */
public final class LibLayers {
    private static final Map<String, String> REPLACEMENTS = Map.of(
            ConvolutionLayer.class.getName(), LibConvolution.class.getName(),
            SubsamplingLayer.class.getName(), LibMaxPooling.class.getName(),
            DenseLayer.class.getName(), LibDense.class.getName(),
            OutputLayer.class.getName(), LibOutput.class.getName());
    private static final Map<String, String> STOCK = Map.of(
            LibConvolution.class.getName(), ConvolutionLayer.class.getName(),
            LibMaxPooling.class.getName(), SubsamplingLayer.class.getName(),
            LibDense.class.getName(), DenseLayer.class.getName(),
            LibOutput.class.getName(), OutputLayer.class.getName());
    /** lib's Adam (the same settings and state, its step in one pass) goes in and out with lib's layers. */
    private static final Map<String, String> UPDATER_REPLACEMENTS =
            Map.of(Adam.class.getName(), LibAdam.class.getName());

    private static final Map<String, String> UPDATER_STOCK = Map.of(LibAdam.class.getName(), Adam.class.getName());
    private static final List<String> UPDATER_FIELDS = List.of("iupdater", "biasUpdater");
    private static final String CHANNELS_LAST = "NHWC";
    private static final String CHANNELS_FIRST = "NCHW";

    private LibLayers() {}

    /**
     * What lib's convolutions after the first compute in: "bf16" (fp32 weights, arrays and every other layer) by
     * default where the CPU computes in bf16 (avx512_bf16 or AMX), else "fp32"; {@code CNNBOOK_PRECISION} or
     * {@link #computeConvolutionsIn} chooses.
     */
    public static String convolutionPrecision() {
        return DirectOneDnn.precision() == org.cnnbook.onednn.Precision.FP32 ? "fp32" : "bf16";
    }

    /**
     * From now on lib's convolutions after the first compute in {@code precision}: "fp32" or "bf16" (refused, with the
     * reason, where the CPU has no bf16 arithmetic). {@code CNNBOOK_PRECISION} sets it for a whole run.
     */
    public static void computeConvolutionsIn(String precision) {
        switch (precision.toLowerCase(java.util.Locale.ROOT)) {
            case "fp32" -> DirectOneDnn.computeIn(org.cnnbook.onednn.Precision.FP32);
            case "bf16" -> DirectOneDnn.computeIn(org.cnnbook.onednn.Precision.BF16_IN_FP32);
            default -> throw new IllegalArgumentException(
                    "\"" + precision + "\" is not a precision lib's convolutions know: use \"fp32\" or \"bf16\"");
        }
    }

    /** One line for a notebook: the precision lib's convolutions compute in, and why. */
    public static String describePrecision() {
        String now = convolutionPrecision();
        if (!DirectOneDnn.presetLoaded())
            return "lib's convolutions after the first compute in fp32 (oneDNN's preset did not load)";
        if (!bf16Available())
            return "lib's convolutions after the first compute in fp32: this CPU has no bf16 arithmetic (avx512_bf16 or AMX)";
        String other = now.equals("bf16") ? "fp32" : "bf16";
        return "lib's convolutions after the first compute in " + now
                + " (this CPU computes in bf16, lib's default where it can; "
                + "CNNBOOK_PRECISION=" + other + " or LibLayers.computeConvolutionsIn(\"" + other + "\") for " + other
                + ")";
    }

    /** Whether lib's convolutions can compute in bf16 on this machine (oneDNN's preset and avx512_bf16 or AMX). */
    public static boolean bf16Available() {
        return DirectOneDnn.bf16Available();
    }

    /**
     * Whether lib's layers call oneDNN 2.5.2 directly (primitives kept per shape, ReLU fused, pooling with its
     * workspace; the default where the preset loads) or libnd4j's ops, from now on; returns whether they now do. For
     * measuring what the direct path buys (notebook 9).
     */
    public static boolean callOneDnnDirectly(boolean on) {
        return DirectOneDnn.useDirectly(on);
    }

    /** Whether lib's layers call oneDNN directly now (see {@link #callOneDnnDirectly}). */
    public static boolean callsOneDnnDirectly() {
        return DirectOneDnn.usedDirectly();
    }

    /** An initialised network of {@code conf} built with lib's layers, ready to train. */
    public static MultiLayerNetwork network(MultiLayerConfiguration conf) {
        return LayerSet.LIB.network(conf);
    }

    /** {@code conf} with lib's layers in place of DL4J's, or {@code conf} itself when one of its layers has none. */
    public static MultiLayerConfiguration replace(MultiLayerConfiguration conf) {
        ObjectMapper json = NeuralNetConfiguration.mapper();
        ObjectNode tree = json.valueToTree(conf);
        List<ObjectNode> layers = layers(tree);
        if (!layers.stream().allMatch(LibLayers::replaceable)) return conf;
        boolean convolutions = false;
        for (ObjectNode layer : layers) {
            layer.put("@class", REPLACEMENTS.get(layer.get("@class").asText()));
            swapUpdaters(layer, UPDATER_REPLACEMENTS);
            if (layer.has("cnn2dDataFormat")) {
                layer.put("cnn2dDataFormat", CHANNELS_LAST);
                convolutions = true;
            }
        }
        // the flatten reads what lib's convolutions hand out, channels-last; without any it reads the input as given
        JsonNode preProcessors = tree.get("inputPreProcessors");
        if (preProcessors != null && convolutions)
            preProcessors.forEach(p -> {
                if (p.has("format")) ((ObjectNode) p).put("format", CHANNELS_LAST);
            });
        return configuration(json, tree);
    }

    /**
     * {@code conf} with DL4J's own classes in place of lib's (its Adam too) and channels-first (NCHW) again, every other setting as
     * it is: the same model, computed by DL4J (the dense layer after the flatten then reads its inputs in another order:
     * {@link LayerSet#copy} moves its weights). {@code conf} itself when it has none of lib's layers and no
     * {@link LibAdam}.
     */
    public static MultiLayerConfiguration stock(MultiLayerConfiguration conf) {
        ObjectMapper json = NeuralNetConfiguration.mapper();
        ObjectNode tree = json.valueToTree(conf);
        List<ObjectNode> layers = layers(tree);
        boolean libLayers = layers.stream()
                .anyMatch(layer -> STOCK.containsKey(layer.get("@class").asText()));
        boolean libUpdaters = false;
        for (ObjectNode layer : layers) libUpdaters |= swapUpdaters(layer, UPDATER_STOCK);
        if (!libLayers && !libUpdaters) return conf;
        for (ObjectNode layer : layers) {
            String stock = STOCK.get(layer.get("@class").asText());
            if (stock != null) layer.put("@class", stock);
            if (libLayers && layer.has("cnn2dDataFormat")) layer.put("cnn2dDataFormat", CHANNELS_FIRST);
        }
        JsonNode preProcessors = tree.get("inputPreProcessors");
        if (preProcessors != null && libLayers)
            preProcessors.forEach(p -> {
                if (p.has("format")) ((ObjectNode) p).put("format", CHANNELS_FIRST);
            });
        return configuration(json, tree);
    }

    /** Swaps the layer's updater classes found in {@code classes}; whether there was any. */
    private static boolean swapUpdaters(ObjectNode layer, Map<String, String> classes) {
        boolean swapped = false;
        for (String field : UPDATER_FIELDS) {
            if (!(layer.get(field) instanceof ObjectNode updater)) continue;
            String other = classes.get(updater.path("@class").asText());
            if (other != null) {
                updater.put("@class", other);
                swapped = true;
            }
        }
        return swapped;
    }

    private static List<ObjectNode> layers(ObjectNode tree) {
        List<ObjectNode> layers = new ArrayList<>();
        for (JsonNode layerConf : tree.withArray("confs")) layers.add((ObjectNode) layerConf.get("layer"));
        return layers;
    }

    private static MultiLayerConfiguration configuration(ObjectMapper json, ObjectNode tree) {
        try {
            return MultiLayerConfiguration.fromJson(json.writeValueAsString(tree));
        } catch (IOException e) {
            throw new IllegalStateException("Could not copy the configuration with other layer classes", e);
        }
    }

    private static boolean replaceable(ObjectNode layer) {
        String type = layer.get("@class").asText();
        if (!REPLACEMENTS.containsKey(type)) return false;
        return !type.equals(SubsamplingLayer.class.getName())
                || "MAX".equals(layer.path("poolingType").asText());
    }
}
