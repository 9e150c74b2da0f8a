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
 * values out of Out, exactly as in IJava 1.3.0.
 */
public class MagicTransformer {
    private final MagicParser parser = new MagicParser("(?<=(?:^|=))\\s*%", "%%");

    public String transform(String cell) {
        String transformed = parser.transformCellMagic(cell, this::cellMagicCall);
        if (!transformed.equals(cell)) return transformed;
        return parser.transformLineMagics(cell, this::lineMagicCall);
    }

    private String cellMagicCall(CellMagicParseContext ctx) {
        return String.format(
                "cellMagic(%s, %s, %s);{};",
                encoded(ctx.getMagicCall().getName()),
                encodedList(ctx.getMagicCall().getArgs()),
                encoded(ctx.getMagicCall().getBody()));
    }

    private String lineMagicCall(LineMagicParseContext ctx) {
        if (insideStringLiteral(ctx.getLinePrefix())) return Matcher.quoteReplacement(ctx.getRaw());
        String call = String.format(
                "lineMagic(%s, %s);{};",
                encoded(ctx.getMagicCall().getName()),
                encodedList(ctx.getMagicCall().getArgs()));
        return Matcher.quoteReplacement(call);
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
