package org.cnnbook.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What happened during training: the loss every few batches, the accuracies after every epoch, and which epoch's
 * weights the model kept (the one with the best validation accuracy).
 */
public final class History {
    /** The mean loss of the batches since the previous point. */
    public record BatchPoint(int iteration, double epochProgress, double loss) {}

    /** One epoch: its mean loss, the accuracy on a sample of the training images and on the validation images. */
    public record EpochResult(int epoch, double loss, double trainAccuracy, double validationAccuracy, double seconds) {
        /** E.g. "epoch 2: loss 0.0322, train accuracy 99.46 %, validation accuracy 99.34 % (24.2 s)". */
        public String summary() {
            return String.format(
                    "epoch %d: loss %.4f, train accuracy %.2f %%, validation accuracy %.2f %% (%.1f s)",
                    epoch, loss, 100 * trainAccuracy, 100 * validationAccuracy, seconds);
        }
    }

    private final List<BatchPoint> batches = new ArrayList<>();
    private final List<EpochResult> epochs = new ArrayList<>();
    private boolean interrupted;
    private int keptEpoch;

    void add(BatchPoint point) {
        batches.add(point);
    }

    void add(EpochResult result) {
        epochs.add(result);
    }

    void markInterrupted() {
        interrupted = true;
    }

    void keep(int epoch) {
        keptEpoch = epoch;
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

    /** The epoch whose weights the model holds after training (0 when no epoch finished). */
    public int keptEpoch() {
        return keptEpoch;
    }

    /** The epoch with the highest validation accuracy (the first of equals), or empty before the first epoch. */
    public java.util.Optional<EpochResult> bestEpoch() {
        EpochResult best = null;
        for (EpochResult e : epochs) if (best == null || e.validationAccuracy() > best.validationAccuracy()) best = e;
        return java.util.Optional.ofNullable(best);
    }

    /** The validation accuracy of the weights the model kept. */
    public double keptValidationAccuracy() {
        return epochs.stream()
                .filter(e -> e.epoch() == keptEpoch)
                .mapToDouble(EpochResult::validationAccuracy)
                .findFirst()
                .orElse(Double.NaN);
    }

    /** One sentence on how training ended and which weights the model holds. */
    public String outcome() {
        if (interrupted) return "Training interrupted: the model keeps the weights it had at that moment.";
        if (keptEpoch == 0) return "No epoch finished.";
        return String.format(
                "The model keeps the weights of epoch %d of %d (validation accuracy %.2f %%).",
                keptEpoch, epochs.size(), 100 * keptValidationAccuracy());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("epoch   loss     train acc  validation acc  seconds\n");
        for (EpochResult e : epochs)
            text.append(String.format(
                    "%5d   %.4f   %7.2f %%  %9.2f %%    %7.1f%s%n",
                    e.epoch(),
                    e.loss(),
                    100 * e.trainAccuracy(),
                    100 * e.validationAccuracy(),
                    e.seconds(),
                    e.epoch() == keptEpoch ? "  kept" : ""));
        return text.append(outcome()).append('\n').toString();
    }
}
