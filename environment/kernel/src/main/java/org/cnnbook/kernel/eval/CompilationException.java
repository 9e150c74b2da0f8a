package org.cnnbook.kernel.eval;

import jdk.jshell.SnippetEvent;

/** A snippet did not compile; the event carries the snippet whose diagnostics explain why. */
public class CompilationException extends Exception {
    private final transient SnippetEvent badSnippetCompilation;

    public CompilationException(SnippetEvent badSnippetCompilation) {
        this.badSnippetCompilation = badSnippetCompilation;
    }

    public SnippetEvent getBadSnippetCompilation() {
        return badSnippetCompilation;
    }
}
