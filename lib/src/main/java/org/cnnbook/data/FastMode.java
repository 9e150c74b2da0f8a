package org.cnnbook.data;

/**
 * Limits that make the series quick for CI and for trying things out, from environment variables (the names
 * d2l-java uses): {@code DATASET_LIMIT} caps the number of training examples (test examples: a sixth of it,
 * at least 500), {@code MAX_EPOCH} caps the number of epochs. Unset means full mode.
 */
public final class FastMode {
    public static final String DATASET_LIMIT = "DATASET_LIMIT";
    public static final String MAX_EPOCH = "MAX_EPOCH";

    private FastMode() {
    }

    /** E.g. "DATASET_LIMIT=2000, MAX_EPOCH=1", or "full mode". */
    public static String describe() {
        StringBuilder text = new StringBuilder();
        for (String variable : new String[]{DATASET_LIMIT, MAX_EPOCH})
            if (positive(variable) > 0) text.append(text.length() > 0 ? ", " : "").append(variable).append('=').append(positive(variable));
        return text.length() > 0 ? text.toString() : "full mode";
    }

    public static boolean isOn() {
        return positive(DATASET_LIMIT) > 0 || positive(MAX_EPOCH) > 0;
    }

    public static int trainLimit(int available) {
        int limit = positive(DATASET_LIMIT);
        return limit > 0 ? Math.min(limit, available) : available;
    }

    public static int testLimit(int available) {
        int limit = positive(DATASET_LIMIT);
        return limit > 0 ? Math.min(Math.max(500, limit / 6), available) : available;
    }

    public static int epochs(int wanted) {
        int cap = positive(MAX_EPOCH);
        return cap > 0 ? Math.min(cap, wanted) : wanted;
    }

    private static int positive(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) return 0;
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + "='" + value + "' is not a whole number. "
                    + "Unset it for the full run, or set e.g. " + variable + "=2000.");
        }
    }
}
