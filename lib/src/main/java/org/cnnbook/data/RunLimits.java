package org.cnnbook.data;

/**
 * Limits that make a run quick (CI, trying things out): at most {@code datasetLimit} training images (and a sixth
 * of that, at least 500, test images) and at most {@code maxEpochs} epochs; 0 means no limit. The environment is
 * read once, at the edge: the notebooks' prelude calls {@link #fromEnvironment()} (the variables d2l-java uses,
 * {@code DATASET_LIMIT} and {@code MAX_EPOCH}) and hands the limits to whatever loads or trains.
 */
public final class RunLimits {
    public static final String DATASET_LIMIT = "DATASET_LIMIT";
    public static final String MAX_EPOCH = "MAX_EPOCH";
    private final int datasetLimit;
    private final int maxEpochs;

    private RunLimits(int datasetLimit, int maxEpochs) {
        this.datasetLimit = datasetLimit;
        this.maxEpochs = maxEpochs;
    }

    /** The full run: all of MNIST, every epoch asked for. */
    public static RunLimits none() {
        return new RunLimits(0, 0);
    }

    public static RunLimits of(int datasetLimit, int maxEpochs) {
        if (datasetLimit < 0 || maxEpochs < 0)
            throw new IllegalArgumentException(
                    "Limits are 0 (none) or positive, not " + datasetLimit + " and " + maxEpochs + ".");
        return new RunLimits(datasetLimit, maxEpochs);
    }

    /** From {@code DATASET_LIMIT} and {@code MAX_EPOCH}; unset or empty means no limit. */
    public static RunLimits fromEnvironment() {
        return of(variable(DATASET_LIMIT), variable(MAX_EPOCH));
    }

    public boolean limited() {
        return datasetLimit > 0 || maxEpochs > 0;
    }

    public int trainCount(int available) {
        return datasetLimit > 0 ? Math.min(datasetLimit, available) : available;
    }

    public int testCount(int available) {
        return datasetLimit > 0 ? Math.min(Math.max(500, datasetLimit / 6), available) : available;
    }

    public int epochs(int wanted) {
        return maxEpochs > 0 ? Math.min(maxEpochs, wanted) : wanted;
    }

    /** E.g. "DATASET_LIMIT=2000, MAX_EPOCH=1", or "full run". */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (datasetLimit > 0) text.append(DATASET_LIMIT).append('=').append(datasetLimit);
        if (maxEpochs > 0)
            text.append(text.length() > 0 ? ", " : "")
                    .append(MAX_EPOCH)
                    .append('=')
                    .append(maxEpochs);
        return text.length() > 0 ? text.toString() : "full run";
    }

    @Override
    public String toString() {
        return describe();
    }

    private static int variable(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) return 0;
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "='" + value + "' is not a whole number. "
                    + "Unset it for the full run, or set e.g. " + name + "=2000.");
        }
    }
}
