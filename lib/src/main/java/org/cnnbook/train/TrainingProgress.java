package org.cnnbook.train;

/** Receives training events; a notebook shows a live chart, a terminal prints lines. */
public interface TrainingProgress {
    void started(int epochs, int batchesPerEpoch);

    void batch(History history, History.BatchPoint point);

    void epoch(History history, History.EpochResult result);

    void finished(History history);

    /** The live chart in a Jupyter kernel with IJava's display functions, else lines on standard output. */
    static TrainingProgress automatic() {
        return NotebookDisplay.available() ? new LiveChartProgress() : new ConsoleProgress();
    }
}
