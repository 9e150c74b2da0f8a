package org.cnnbook.train;

/**
 * Receives training events: {@link ConsoleProgress} prints lines; in a notebook,
 * {@code org.cnnbook.notebook.LiveChartProgress} redraws a chart.
 */
public interface TrainingProgress {
    void started(int epochs, int batchesPerEpoch);

    void batch(History history, History.BatchPoint point);

    void epoch(History history, History.EpochResult result);

    void finished(History history);
}
