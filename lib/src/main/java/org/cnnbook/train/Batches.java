package org.cnnbook.train;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Mini-batches cut once from whole arrays and reused every epoch (only their order is shuffled), so training
 * allocates nothing per batch.
 */
public final class Batches implements DataSetIterator {
    private final List<DataSet> batches;
    private final int batchSize;
    private final Random random;
    private final boolean shuffle;
    private List<DataSet> order;
    private int cursor;

    public Batches(org.nd4j.linalg.api.ndarray.INDArray features, org.nd4j.linalg.api.ndarray.INDArray labels,
                   int batchSize, boolean shuffle, long seed) {
        if (features.size(0) != labels.size(0))
            throw new IllegalArgumentException("features have " + features.size(0) + " examples but labels have "
                    + labels.size(0) + ": they must describe the same images.");
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.random = new Random(seed);
        this.batches = new ArrayList<>();
        long n = features.size(0);
        for (long start = 0; start < n; start += batchSize) {
            long end = Math.min(n, start + batchSize);
            batches.add(new DataSet(
                    features.get(NDArrayIndex.interval(start, end)).dup(),
                    labels.get(NDArrayIndex.interval(start, end)).dup()));
        }
        reset();
    }

    public int batchCount() {
        return batches.size();
    }

    @Override
    public DataSet next(int num) {
        return next();
    }

    @Override
    public int inputColumns() {
        return (int) batches.get(0).getFeatures().size(1);
    }

    @Override
    public int totalOutcomes() {
        return (int) batches.get(0).getLabels().size(1);
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
        order = new ArrayList<>(batches);
        if (shuffle) Collections.shuffle(order, random);
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
        return cursor < order.size();
    }

    @Override
    public DataSet next() {
        return order.get(cursor++);
    }
}
