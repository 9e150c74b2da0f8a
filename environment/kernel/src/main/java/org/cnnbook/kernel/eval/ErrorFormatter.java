package org.cnnbook.kernel.eval;

import io.github.spencerpark.jupyter.kernel.util.StringStyler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * Formats errors as IJava 1.3.0 does (same text, same order), but with colours that stay readable on dark
 * themes: emphasis is bold in the terminal's own foreground colour instead of bold black.
 */
public class ErrorFormatter {
    private static final String BOLD = "\u001B[1m";
    private static final String RED = "\u001B[31m";
    private static final String RED_BACKGROUND = "\u001B[41m";
    private static final String RULE = "---------------------------------------------------------------------------";

    private final StringStyler styler = styles().build();
    private final StringStyler sourceStyler =
            styles().withLinePrefix(styler.primary("|   ")).build();
    private final JShell shell;
    private final Function<Snippet, List<String>> unresolvedDependencies;

    public ErrorFormatter(JShell shell, Function<Snippet, List<String>> unresolvedDependencies) {
        this.shell = shell;
        this.unresolvedDependencies = unresolvedDependencies;
    }

    private static StringStyler.Builder styles() {
        return new StringStyler.Builder()
                .addPrimaryStyle(BOLD)
                .addSecondaryStyle(BOLD + RED)
                .addHighlightStyle(BOLD)
                .addHighlightStyle(RED_BACKGROUND);
    }

    public List<String> format(Exception e) {
        if (e instanceof CompilationException compilation)
            return compilationError(compilation.getBadSnippetCompilation());
        if (e instanceof IncompleteSourceException incomplete) return incompleteSource(incomplete);
        if (e instanceof EvaluationTimeoutException timeout) return timedOut(timeout);
        if (e instanceof EvaluationInterruptedException interrupted) return interrupted(interrupted);
        if (e instanceof jdk.jshell.UnresolvedReferenceException unresolved) return unresolvedReference(unresolved);
        return stackTrace(e);
    }

    private List<String> stackTrace(Exception e) {
        List<String> lines = new ArrayList<>();
        lines.add(styler.secondary(RULE));
        StringWriter text = new StringWriter();
        try (PrintWriter writer = new PrintWriter(text)) {
            e.printStackTrace(writer);
        }
        String trace = text.toString();
        if (e instanceof EvalException eval)
            trace = trace.replace(EvalException.class.getName(), eval.getExceptionClassName());
        lines.addAll(styler.secondaryLines(trace));
        return lines;
    }

    private List<String> compilationError(SnippetEvent event) {
        List<String> lines = new ArrayList<>();
        Snippet snippet = event.snippet();
        String source = snippet.source();
        shell.diagnostics(snippet).forEach(diag -> {
            lines.addAll(sourceStyler.highlightSubstringLines(
                    source, (int) diag.getStartPosition(), (int) diag.getEndPosition()));
            for (String line : diag.getMessage(Locale.getDefault()).split("\\R")) {
                if (line.trim().startsWith("location:")) continue;
                lines.add(styler.secondary(line));
            }
            lines.add("");
        });
        List<String> unresolved = unresolvedDependencies.apply(snippet);
        if (!unresolved.isEmpty()) {
            lines.addAll(sourceStyler.primaryLines(source));
            lines.add(styler.secondary("Unresolved dependencies:"));
            unresolved.forEach(dependency -> lines.add(styler.secondary("   - " + dependency)));
        }
        return lines;
    }

    private List<String> unresolvedReference(jdk.jshell.UnresolvedReferenceException e) {
        List<String> lines =
                new ArrayList<>(sourceStyler.primaryLines(e.getSnippet().source()));
        lines.add(styler.secondary("Unresolved dependencies:"));
        unresolvedDependencies
                .apply(e.getSnippet())
                .forEach(dependency -> lines.add(styler.secondary("   - " + dependency)));
        return lines;
    }

    private List<String> incompleteSource(IncompleteSourceException e) {
        List<String> lines = new ArrayList<>();
        lines.add(styler.secondary("Incomplete input:"));
        lines.addAll(sourceStyler.primaryLines(e.getSource()));
        return lines;
    }

    private List<String> timedOut(EvaluationTimeoutException e) {
        List<String> lines = new ArrayList<>(sourceStyler.primaryLines(e.getSource()));
        lines.add(styler.secondary(String.format(
                "Evaluation timed out after %d %s.",
                e.getDuration(), e.getUnit().name().toLowerCase())));
        return lines;
    }

    private List<String> interrupted(EvaluationInterruptedException e) {
        List<String> lines = new ArrayList<>(sourceStyler.primaryLines(e.getSource()));
        lines.add(styler.secondary("Evaluation interrupted."));
        return lines;
    }
}
