package org.cnnbook.notebook;

import org.cnnbook.display.NotebookDisplay;
import org.cnnbook.plot.Charts;
import org.cnnbook.train.History;
import org.cnnbook.train.TrainingProgress;

/**
 * Training progress for a notebook: a training-curve chart shown once and redrawn in place (at most every two
 * seconds) as training goes, plus a line per epoch. Needs a Java kernel: this project's, IJava or JJava.
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
        redraw(history, finalTitle(history));
        System.out.println(history.outcome());
    }

    /** What the finished chart says: how many epochs ran and which one's weights the model holds. */
    String finalTitle(History history) {
        if (history.interrupted())
            return String.format(
                    "Interrupted after %d of %d epochs: the model keeps the weights it had then",
                    history.epochs().size(), epochs);
        if (history.keptEpoch() == 0) return "No epoch finished";
        return String.format(
                "Trained %d epoch(s); the model keeps epoch %d (validation accuracy %.2f %%)",
                history.epochs().size(), history.keptEpoch(), 100 * history.keptValidationAccuracy());
    }

    private void redraw(History history, String title) {
        NotebookDisplay.update(displayId, Charts.trainingCurves(history, title));
        lastUpdate = System.currentTimeMillis();
    }
}
