package org.cnnbook.prep;

/** Input that would train or evaluate wrongly; the message says what is wrong and how to fix it. */
public class DataProblem extends IllegalArgumentException {
    public DataProblem(String message) {
        super(message);
    }
}
