package org.cnnbook.kernel.eval;

import io.github.spencerpark.jupyter.kernel.util.StringStyler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * Formats errors as IJava 1.3.0 does (same text, same order), but readable on light and dark themes alike: IJava's
 * bold black disappears on dark themes, and red text or a red background on JupyterLab's red-tinted error area
 * has a contrast of about 1.7 in its dark theme (WCAG asks for 4.5). Messages are bold in the theme's own text
 * colour, and the position of a compile error is underlined.
 */
public class ErrorFormatter {
    private static final String BOLD = "\u001B[1m";
    private static final String UNDERLINE = "\u001B[4m";
    private static final int REPEATS_SHOWN = 3;
    private static final String RULE = "---------------------------------------------------------------------------";

    private final StringStyler styler = styles().build();
    private final StringStyler sourceStyler =
            styles().withLinePrefix(styler.primary("|   ")).build();
    private final JShell shell;
    private final Function<Snippet, List<String>> unresolvedDependencies;

    private final Supplier<List<String>> releasedVariables;

    public ErrorFormatter(
            JShell shell,
            Function<Snippet, List<String>> unresolvedDependencies,
            Supplier<List<String>> releasedVariables) {
        this.shell = shell;
        this.unresolvedDependencies = unresolvedDependencies;
        this.releasedVariables = releasedVariables;
    }

    private static StringStyler.Builder styles() {
        return new StringStyler.Builder()
                .addPrimaryStyle(BOLD)
                .addSecondaryStyle(BOLD)
                .addHighlightStyle(BOLD)
                .addHighlightStyle(UNDERLINE);
    }

    public List<String> format(Exception e) {
        List<String> lines = new ArrayList<>(formatWithoutAdvice(e));
        if (OutOfMemoryAdvice.applies(e))
            lines.addAll(styler.secondaryLines(String.join("\n", OutOfMemoryAdvice.lines(releasedVariables.get()))));
        return lines;
    }

    private List<String> formatWithoutAdvice(Exception e) {
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
            (e instanceof CellError ? e.getCause() : e).printStackTrace(writer);
        }
        String trace = withoutRepeats(text.toString());
        if (e instanceof EvalException eval)
            trace = trace.replace(EvalException.class.getName(), eval.getExceptionClassName());
        lines.addAll(styler.secondaryLines(trace));
        return lines;
    }

    /** A StackOverflowError's 1024 identical frames become three and a count. */
    static String withoutRepeats(String trace) {
        StringBuilder out = new StringBuilder();
        String[] lines = trace.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            int run = 1;
            while (i + run < lines.length && lines[i + run].equals(lines[i])) run++;
            int shown = run > REPEATS_SHOWN + 1 ? REPEATS_SHOWN : run;
            for (int k = 0; k < shown; k++) out.append(lines[i]).append('\n');
            if (shown < run)
                out.append("\t... the same line ").append(run - shown).append(" more times\n");
            i += run;
        }
        return out.substring(0, Math.max(0, out.length() - 1));
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
        lines.add(styler.secondary(e.getNote()));
        return lines;
    }
}
