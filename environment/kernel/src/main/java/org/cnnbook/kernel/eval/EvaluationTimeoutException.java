package org.cnnbook.kernel.eval;

import java.util.concurrent.TimeUnit;

/** The snippet ran longer than IJAVA_TIMEOUT allows. */
public class EvaluationTimeoutException extends Exception {
    private final long duration;
    private final TimeUnit unit;
    private final String source;

    public EvaluationTimeoutException(long duration, TimeUnit unit, String source) {
        super(String.format(
                "Evaluator timed out after %d %s while executing: '%s'",
                duration, unit.name().toLowerCase(), source));
        this.duration = duration;
        this.unit = unit;
        this.source = source;
    }

    public long getDuration() {
        return duration;
    }

    public TimeUnit getUnit() {
        return unit;
    }

    public String getSource() {
        return source;
    }
}
