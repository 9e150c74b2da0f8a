package org.cnnbook.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What happened during training: the loss every few batches and the accuracies after every epoch. */
public final class History {
    /** The mean loss of the batches since the previous point. */
    public record BatchPoint(int iteration, double epochProgress, double loss) {
    }

    public record EpochResult(int epoch, double loss, double trainAccuracy, double testAccuracy, double seconds) {
    }

    private final List<BatchPoint> batches = new ArrayList<>();
    private final List<EpochResult> epochs = new ArrayList<>();
    private boolean interrupted;

    void add(BatchPoint point) {
        batches.add(point);
    }

    void add(EpochResult result) {
        epochs.add(result);
    }

    void markInterrupted() {
        interrupted = true;
    }

    public List<BatchPoint> batches() {
        return Collections.unmodifiableList(batches);
    }

    public List<EpochResult> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** True when training stopped early because the cell was interrupted; the model keeps what it learned. */
    public boolean interrupted() {
        return interrupted;
    }

    public double finalTestAccuracy() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).testAccuracy();
    }

    public double secondsPerEpoch() {
        return epochs.stream().mapToDouble(EpochResult::seconds).average().orElse(Double.NaN);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("epoch   loss     train acc  test acc   seconds\n");
        for (EpochResult e : epochs)
            text.append(String.format("%5d   %.4f   %7.2f %%  %7.2f %%  %7.1f%n", e.epoch(), e.loss(),
                    100 * e.trainAccuracy(), 100 * e.testAccuracy(), e.seconds()));
        if (interrupted) text.append("(interrupted: training stopped early)\n");
        return text.toString();
    }
}
