package org.cnnbook.kernel.magic;

import io.github.spencerpark.jupyter.kernel.magic.CellMagicParseContext;
import io.github.spencerpark.jupyter.kernel.magic.LineMagicParseContext;
import io.github.spencerpark.jupyter.kernel.magic.MagicParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * Rewrites IJava magic syntax into calls of the static {@code lineMagic}/{@code cellMagic} functions.
 * <p>
 * A cell magic is {@code %%name args} on the first line followed by a non-empty body. A line magic starts a
 * line or directly follows {@code =} ({@code List<String> added = %jars lib/*.jar}). Every string is passed
 * Base64-encoded so no quoting can break the generated Java, and the trailing {@code {};} keeps magic return
 * values out of Out, exactly as in IJava 1.3.0. The exception is {@code %time} / {@code %%time} (JJava's): it gets the
 * code it times as written, one string, and its value is the code's value, shown as the cell's Out when last.
 */
public class MagicTransformer {
    private final MagicParser parser = new MagicParser("(?<=(?:^|=))\\s*%", "%%");

    public String transform(String cell) {
        String transformed = parser.transformCellMagic(cell, this::cellMagicCall);
        if (!transformed.equals(cell)) return transformed;
        return parser.transformLineMagics(cell, this::lineMagicCall);
    }

    private String cellMagicCall(CellMagicParseContext ctx) {
        if (TimeMagic.NAME.equals(ctx.getMagicCall().getName()))
            return String.format(
                    "cellMagic(%s, java.util.List.of(), %s)",
                    encoded(TimeMagic.NAME), encoded(ctx.getMagicCall().getBody()));
        return String.format(
                "cellMagic(%s, %s, %s);{};",
                encoded(ctx.getMagicCall().getName()),
                encodedList(ctx.getMagicCall().getArgs()),
                encoded(ctx.getMagicCall().getBody()));
    }

    private String lineMagicCall(LineMagicParseContext ctx) {
        if (insideStringLiteral(ctx.getLinePrefix())) return Matcher.quoteReplacement(ctx.getRaw());
        if (TimeMagic.NAME.equals(ctx.getMagicCall().getName()))
            return Matcher.quoteReplacement(timeCall(ctx.getRaw()));
        String call = String.format(
                "lineMagic(%s, %s);{};",
                encoded(ctx.getMagicCall().getName()),
                encodedList(ctx.getMagicCall().getArgs()));
        return Matcher.quoteReplacement(call);
    }

    /** {@code %time code;}: the code after the name as one string; a trailing ; stays for the statement it ends. */
    private static String timeCall(String raw) {
        String code = raw.strip().substring(1 + TimeMagic.NAME.length()).strip();
        String call = String.format("lineMagic(%s, java.util.List.of(%s))", encoded(TimeMagic.NAME), encoded(code));
        return code.endsWith(";") ? call + ";" : call;
    }

    /** An odd number of unescaped double quotes before the {@code %} means it is inside a string. */
    static boolean insideStringLiteral(String linePrefix) {
        int quotes = 0;
        for (int i = 0; i < linePrefix.length(); i++) {
            char c = linePrefix.charAt(i);
            if (c == '\\') i++;
            else if (c == '"') quotes++;
        }
        return quotes % 2 == 1;
    }

    private static String encoded(String value) {
        String base64 = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
        return "new String(java.util.Base64.getDecoder().decode(\"" + base64
                + "\"), java.nio.charset.StandardCharsets.UTF_8)";
    }

    private static String encodedList(List<String> values) {
        return values.stream()
                .map(MagicTransformer::encoded)
                .collect(Collectors.joining(", ", "java.util.List.of(", ")"));
    }
}
