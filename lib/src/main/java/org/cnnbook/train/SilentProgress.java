package org.cnnbook.train;

/** Progress that shows nothing ({@link TrainingOptions#silent()}). */
final class SilentProgress implements TrainingProgress {
    @Override
    public void started(int epochs, int batchesPerEpoch) {}

    @Override
    public void batch(History history, History.BatchPoint point) {}

    @Override
    public void epoch(History history, History.EpochResult result) {}

    @Override
    public void finished(History history) {}
}
