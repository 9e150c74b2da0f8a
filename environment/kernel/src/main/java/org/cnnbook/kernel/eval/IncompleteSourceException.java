package org.cnnbook.kernel.eval;

/** The cell ended in the middle of a statement (an unclosed brace, a missing semicolon after a declaration...). */
public class IncompleteSourceException extends Exception {
    private final String source;

    public IncompleteSourceException(String source) {
        super(source);
        this.source = source;
    }

    public String getSource() {
        return source;
    }
}
