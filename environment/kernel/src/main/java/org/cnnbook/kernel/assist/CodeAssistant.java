package org.cnnbook.kernel.assist;

import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;

/** Completion (Tab), inspection (Shift-Tab) and is_complete answers from JShell's source analysis. */
public class CodeAssistant {
    public static final String COMPLETE = "complete";
    public static final String INVALID = "invalid";

    private final SourceCodeAnalysis analysis;

    public CodeAssistant(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /** Suggestions whose type matches the context come first; duplicates are dropped. */
    public ReplacementOptions complete(String code, int cursor) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(code, cursor, anchor);
        if (suggestions.isEmpty()) return null;
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream()
                .filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        return new ReplacementOptions(List.copyOf(matches), anchor[0], cursor);
    }

    /** Signature and javadoc of the identifier at the cursor (and its call, when a '(' follows). */
    public DisplayData inspect(String code, int cursor) {
        int end = Math.max(0, Math.min(cursor, code.length()));
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) end++;
        if (end < code.length() && code.charAt(end) == '(') end++;
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code, end, true);
        if (docs.isEmpty() && (end == code.length() || code.charAt(end) != '('))
            docs = analysis.documentation(code.substring(0, end) + "(", end + 1, true); // a method name alone
        if (docs.isEmpty()) return null;
        List<String> entries = docs.stream()
                .map(doc -> doc.signature() + (doc.javadoc() == null ? "" : "\n" + doc.javadoc()))
                .collect(Collectors.toList());
        DisplayData data = new DisplayData(String.join("\n\n", entries));
        data.putHTML(entries.stream()
                .map(CodeAssistant::escapeHtml)
                .map(entry -> entry.replace("\n", "<br/>"))
                .collect(Collectors.joining("<br/><br/>")));
        return data;
    }

    /** "complete", "invalid", or the indent for the next line when the code is unfinished. */
    public String isComplete(String code) {
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case UNKNOWN:
                    return INVALID;
                case CONSIDERED_INCOMPLETE:
                case DEFINITELY_INCOMPLETE:
                    return indentFor(code);
                case EMPTY:
                    return COMPLETE;
                default:
                    remaining = info.remaining();
            }
        }
        return COMPLETE;
    }

    private static String indentFor(String code) {
        String[] lines = code.split("\\R", -1);
        String last = lines[lines.length - 1];
        String indent = last.substring(0, last.length() - last.stripLeading().length());
        String trimmed = last.stripTrailing();
        if (trimmed.endsWith("{") || trimmed.endsWith("(")) indent += "  ";
        return indent;
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
