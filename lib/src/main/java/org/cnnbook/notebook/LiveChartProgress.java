package org.cnnbook.notebook;

import org.cnnbook.plot.Charts;
import org.cnnbook.train.History;
import org.cnnbook.train.TrainingProgress;

/**
 * Training progress for a notebook: a training-curve chart shown once and redrawn in place (at most every two
 * seconds) as training goes, plus a line per epoch. Needs a Jupyter kernel with IJava's display functions.
 */
public final class LiveChartProgress implements TrainingProgress {
    private static final long MIN_MILLIS_BETWEEN_UPDATES = 2000;
    private String displayId;
    private long lastUpdate;
    private int epochs;

    @Override
    public void started(int epochs, int batchesPerEpoch) {
        this.epochs = epochs;
        displayId = NotebookDisplay.display(Charts.trainingCurves(new History(), "Training (starting...)"));
        lastUpdate = System.currentTimeMillis();
    }

    @Override
    public void batch(History history, History.BatchPoint point) {
        if (System.currentTimeMillis() - lastUpdate < MIN_MILLIS_BETWEEN_UPDATES) return;
        redraw(
                history,
                String.format("Training: epoch %.1f of %d, loss %.3f", point.epochProgress(), epochs, point.loss()));
    }

    @Override
    public void epoch(History history, History.EpochResult result) {
        redraw(
                history,
                String.format(
                        "Training: epoch %d of %d, validation accuracy %.2f %%",
                        result.epoch(), epochs, 100 * result.validationAccuracy()));
        System.out.println(result.summary());
    }

    @Override
    public void finished(History history) {
        redraw(
                history,
                history.interrupted() ? "Training interrupted (the model keeps what it learned)" : "Training finished");
        System.out.println(history.outcome());
    }

    private void redraw(History history, String title) {
        NotebookDisplay.update(displayId, Charts.trainingCurves(history, title));
        lastUpdate = System.currentTimeMillis();
    }
}
