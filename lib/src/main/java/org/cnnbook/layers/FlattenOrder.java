package org.cnnbook.layers;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What else changes when a network moves between channels-last (lib's layers) and channels-first (DL4J's default):
 * the dense layer after a flatten reads its inputs in the order (h, w, c) instead of (c, h, w), so the same model has
 * that layer's weight rows permuted. This moves a flat parameter vector, a gradient or an optimizer state from one form
 * to the other; everything else stays where it is.
 */
final class FlattenOrder {
    /** One dense layer's weights in the flat parameter vector, and how its inputs are ordered on either side. */
    private record Weights(long offset, long channels, long height, long width, long outputs, CNN2DFormat from) {
        long length() {
            return channels * height * width * outputs;
        }

        /** {@code segment} (this layer's weights) in the other order. */
        INDArray reordered(INDArray segment) {
            // DL4J keeps dense weights [in, out] in 'f' order: in the flat vector, one block of inputs per output
            INDArray moved = from == CNN2DFormat.NCHW
                    ? segment.reshape(outputs, channels, height, width).permute(0, 2, 3, 1)
                    : segment.reshape(outputs, height, width, channels).permute(0, 3, 1, 2);
            return moved.dup('c').reshape(length());
        }
    }

    private FlattenOrder() {}

    /** A copy of {@code flat} (parameters or gradients of a network of {@code from}) in the order of {@code to}. */
    static INDArray parameters(INDArray flat, MultiLayerConfiguration from, MultiLayerConfiguration to) {
        INDArray result = flat.dup().reshape(flat.length());
        INDArray source = flat.reshape(flat.length());
        for (Weights w : weightsToReorder(from, to)) {
            var range = NDArrayIndex.interval(w.offset(), w.offset() + w.length());
            result.get(range).assign(w.reordered(source.get(range)));
        }
        return result.reshape(flat.shape());
    }

    /**
     * A copy of {@code trained}'s optimizer state in the order of a network of {@code to}. Every DL4J updater keeps, per
     * block of parameters, its states (Adam: m, then v) one after the other, each as long as the block, element for
     * element with the parameters: each state moves as the weights do.
     */
    static INDArray updaterState(MultiLayerNetwork trained, MultiLayerConfiguration to) {
        var updater = (BaseMultiLayerUpdater<?>) trained.getUpdater();
        INDArray state = updater.getStateViewArray();
        if (state == null) return null;
        INDArray result = state.dup().reshape(state.length());
        INDArray source = state.reshape(state.length());
        for (Weights w : weightsToReorder(trained.getLayerWiseConfigurations(), to))
            for (UpdaterBlock block : updater.getUpdaterBlocks()) {
                long blockLength = block.getParamOffsetEnd() - block.getParamOffsetStart();
                if (w.offset() < block.getParamOffsetStart() || w.offset() + w.length() > block.getParamOffsetEnd())
                    continue;
                long states = (block.getUpdaterViewOffsetEnd() - block.getUpdaterViewOffsetStart()) / blockLength;
                for (long s = 0; s < states; s++) {
                    long start = block.getUpdaterViewOffsetStart()
                            + s * blockLength
                            + w.offset()
                            - block.getParamOffsetStart();
                    var range = NDArrayIndex.interval(start, start + w.length());
                    result.get(range).assign(w.reordered(source.get(range)));
                }
            }
        return result.reshape(state.shape());
    }

    private static List<Weights> weightsToReorder(MultiLayerConfiguration from, MultiLayerConfiguration to) {
        List<Weights> weights = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < from.getConfs().size(); i++) {
            NeuralNetConfiguration layer = from.getConf(i);
            if (from.getInputPreProcess(i) instanceof CnnToFeedForwardPreProcessor a
                    && to.getInputPreProcess(i) instanceof CnnToFeedForwardPreProcessor b
                    && a.getFormat() != b.getFormat()) {
                long outputs = ((org.deeplearning4j.nn.conf.layers.FeedForwardLayer) layer.getLayer()).getNOut();
                // the weights W come first among a dense layer's parameters, then the bias
                weights.add(new Weights(
                        offset, a.getNumChannels(), a.getInputHeight(), a.getInputWidth(), outputs, a.getFormat()));
            }
            offset += layer.getLayer().initializer().numParams(layer);
        }
        return weights;
    }
}
