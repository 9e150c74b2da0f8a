package org.cnnbook.kernel.assist;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    /**
     * Suggestions whose type matches the context come first; duplicates are dropped. Each carries its type (a
     * method's return type, a field's or variable's type) and signature, looked up while {@link #TYPE_BUDGET_NANOS}
     * lasts: Tab must stay quick on a class with hundreds of members.
     */
    public Completion complete(String code, int cursor) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(code, cursor, anchor);
        if (suggestions.isEmpty()) return null;
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream()
                .filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        List<String> ordered = List.copyOf(matches);
        String before = code.substring(0, anchor[0]);
        long deadline = System.nanoTime() + TYPE_BUDGET_NANOS;
        List<String> signatures = new ArrayList<>();
        for (String match : ordered) signatures.add(System.nanoTime() - deadline < 0 ? signatureOf(before, match) : "");
        return new Completion(ordered, anchor[0], cursor, signatures);
    }

    static final long TYPE_BUDGET_NANOS = 300_000_000L;

    /** The signature JShell documents for {@code before + match} (for a method, its first overload), or "". */
    private String signatureOf(String before, String match) {
        String name = match.contains("(") ? match.substring(0, match.indexOf('(')) : match;
        String call = before + name + (match.contains("(") ? "(" : "");
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(call, call.length(), false);
        return docs.isEmpty() ? "" : docs.get(0).signature();
    }

    /**
     * What Tab offers: the replacements for {@code code[start, end)} and, index by index, their signatures (e.g.
     * {@code boolean String.isEmpty()}; "" where unknown).
     */
    public record Completion(List<String> matches, int start, int end, List<String> signatures) {
        /**
         * complete_reply's metadata as JupyterLab reads it: one {start, end, text, type, signature} per match. Lab
         * shows {@code type} beside the match (lower-cased), so it is the short part: the member's type.
         */
        public Map<String, Object> metadata() {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < matches.size(); i++)
                items.add(Map.of(
                        "start", start,
                        "end", end,
                        "text", matches.get(i),
                        "type", typeIn(signatures.get(i)),
                        "signature", signatures.get(i)));
            return Map.of("_jupyter_types_experimental", items);
        }

        /** "boolean String.isEmpty()" → "boolean"; "T Objects.<T>requireNonNullElse(T obj, T defaultObj)" → "T"; "java.lang.String" → "class". */
        static String typeIn(String signature) {
            if (signature.isEmpty()) return "<unknown>";
            int space = signature.indexOf(' ');
            return space < 0 ? "class" : signature.substring(0, space);
        }
    }

    /** Signature and javadoc of the identifier at the cursor (and its call, when a '(' follows). */
    public DisplayData inspect(String code, int cursor) {
        int end = Math.max(0, Math.min(cursor, code.length()));
        if (end >= 2 && code.startsWith("()", end - 2)) end--; // a chosen suggestion, "isEmpty()|": inside its call
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
