package org.cnnbook.kernel.eval;

/** The snippet was running when the user interrupted the kernel. */
public class EvaluationInterruptedException extends Exception {
    private final String source;
    private final String note;

    public EvaluationInterruptedException(String source) {
        this(source, InProcessExecutionControl.INTERRUPTED);
    }

    /** {@code note}: "Evaluation interrupted." and, when the code did not stop, a word about its thread. */
    public EvaluationInterruptedException(String source, String note) {
        super(String.format("Evaluator was interrupted while executing: '%s'", source));
        this.source = source;
        this.note = note;
    }

    public String getNote() {
        return note;
    }

    public String getSource() {
        return source;
    }
}
