package org.cnnbook.train;

import org.cnnbook.prep.Augmentation;

/**
 * How to train: epochs, batch size, the shuffling seed, whether to keep the best epoch's weights, data augmentation,
 * reporting, checks, progress display.
 */
public final class TrainingOptions {
    int epochs = 3;
    int batchSize = 32;
    int reportEvery = 100;
    int trainAccuracySamples = 5_000;
    long seed = 42;
    boolean checkInputs = true;
    boolean restoreBestEpoch = true;
    TrainingProgress progress;
    Augmentation augmentation;

    public static TrainingOptions defaults() {
        return new TrainingOptions();
    }

    public TrainingOptions epochs(int epochs) {
        this.epochs = epochs;
        return this;
    }

    public TrainingOptions batchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    /** Record (and show) the loss every this many batches. */
    public TrainingOptions reportEvery(int batches) {
        this.reportEvery = Math.max(1, batches);
        return this;
    }

    /** How many training images to measure training accuracy on after each epoch. */
    public TrainingOptions trainAccuracySamples(int samples) {
        this.trainAccuracySamples = samples;
        return this;
    }

    public TrainingOptions seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Skip the input checks, to reproduce what a pipeline with mistakes does (the clinic notebook). Everything
     * else should keep them on: they turn silent failures into explanations.
     */
    public TrainingOptions withoutInputChecks() {
        this.checkInputs = false;
        return this;
    }

    /** Keep the weights of the last epoch instead of those with the best validation accuracy. */
    public TrainingOptions keepLastEpoch() {
        this.restoreBestEpoch = false;
        return this;
    }

    /** Every training batch passes through {@code augmentation} (new random shifts and turns each time) before fit. */
    public TrainingOptions augmentation(Augmentation augmentation) {
        this.augmentation = augmentation;
        return this;
    }

    /** No progress lines at all: for runs whose result is shown afterwards, e.g. several runs compared in a chart. */
    public TrainingOptions silent() {
        this.progress = new SilentProgress();
        return this;
    }

    public TrainingOptions progress(TrainingProgress progress) {
        this.progress = progress;
        return this;
    }

    TrainingProgress effectiveProgress() {
        return progress != null ? progress : new ConsoleProgress();
    }
}
