package org.cnnbook.train;

/** Progress as plain lines: one every few batches (unless {@link #epochsOnly()}) and one per epoch. */
public final class ConsoleProgress implements TrainingProgress {
    private final boolean batchLines;
    private int batchesPerEpoch;

    public ConsoleProgress() {
        this(true);
    }

    private ConsoleProgress(boolean batchLines) {
        this.batchLines = batchLines;
    }

    /** A line when training starts, one per epoch and one at the end; the loss every few batches is still recorded. */
    public static ConsoleProgress epochsOnly() {
        return new ConsoleProgress(false);
    }

    @Override
    public void started(int epochs, int batchesPerEpoch) {
        this.batchesPerEpoch = batchesPerEpoch;
        System.out.printf("Training for %d epoch(s) of %d batches%n", epochs, batchesPerEpoch);
    }

    @Override
    public void batch(History history, History.BatchPoint point) {
        if (batchLines)
            System.out.printf(
                    "  epoch %.2f  iteration %d  loss %.4f%n", point.epochProgress(), point.iteration(), point.loss());
    }

    @Override
    public void epoch(History history, History.EpochResult r) {
        System.out.println(r.summary());
    }

    @Override
    public void finished(History history) {
        System.out.println(history.outcome());
    }
}
