package org.cnnbook.train;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mini-batches of whole arrays. With shuffling, every epoch deals the examples into new batches in a new random
 * order, as PyTorch's DataLoader does with {@code shuffle=True}; each batch is gathered when it is asked for.
 */
public final class Batches implements DataSetIterator {
    private final INDArray features;
    private final INDArray labels;
    private final long[] featureShape;
    private final int batchSize;
    private final int examples;
    private final Random random;
    private final boolean shuffle;
    private final int[] order;
    private int cursor;

    public Batches(INDArray features, INDArray labels, int batchSize, boolean shuffle, long seed) {
        if (features.size(0) != labels.size(0))
            throw new IllegalArgumentException("features have " + features.size(0) + " examples but labels have "
                    + labels.size(0) + ": they must describe the same images.");
        this.examples = (int) features.size(0);
        this.featureShape = features.shape();
        this.features = features.reshape('c', examples, features.length() / examples);
        this.labels = labels.reshape('c', examples, labels.length() / examples);
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.random = new Random(seed);
        this.order = IntStream.range(0, examples).toArray();
        reset();
    }

    public int batchCount() {
        return (examples + batchSize - 1) / batchSize;
    }

    @Override
    public DataSet next(int num) {
        return next();
    }

    @Override
    public int inputColumns() {
        return (int) features.size(1);
    }

    @Override
    public int totalOutcomes() {
        return (int) labels.size(1);
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        if (shuffle) {
            for (int i = examples - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        cursor = 0;
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException("Batches are prepared once; preprocess the arrays before.");
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return null;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }

    @Override
    public boolean hasNext() {
        return cursor < examples;
    }

    @Override
    public DataSet next() {
        int size = Math.min(batchSize, examples - cursor);
        int[] rows = Arrays.copyOfRange(order, cursor, cursor + size);
        cursor += size;
        long[] shape = featureShape.clone();
        shape[0] = size;
        return new DataSet(Nd4j.pullRows(features, 1, rows).reshape('c', shape), Nd4j.pullRows(labels, 1, rows));
    }
}
