package org.cnnbook.kernel.eval;

/** The snippet was running when the user interrupted the kernel. */
public class EvaluationInterruptedException extends Exception {
    private final String source;

    public EvaluationInterruptedException(String source) {
        super(String.format("Evaluator was interrupted while executing: '%s'", source));
        this.source = source;
    }

    public String getSource() {
        return source;
    }
}
