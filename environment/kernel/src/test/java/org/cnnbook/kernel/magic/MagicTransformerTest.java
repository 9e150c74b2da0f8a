package org.cnnbook.kernel.magic;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MagicTransformerTest {
    private final MagicTransformer transformer = new MagicTransformer();

    private static List<String> decodedStrings(String code) {
        Matcher m = Pattern.compile("decode\\(\"([A-Za-z0-9+/=]*)\"\\)").matcher(code);
        List<String> values = new ArrayList<>();
        while (m.find()) values.add(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
        return values;
    }

    @Test
    void lineMagicBecomesACallWhoseValueIsNotShown() {
        String out = transformer.transform("%jars lib/*.jar \"with space.jar\"");
        assertTrue(out.startsWith("lineMagic("), out);
        assertTrue(out.endsWith(";{};"), out);
        assertEquals(List.of("jars", "lib/*.jar", "with space.jar"), decodedStrings(out));
    }

    @Test
    void lineMagicAfterAssignmentKeepsTheAssignment() {
        String out = transformer.transform("List<String> added = %classpath target/classes");
        assertTrue(out.startsWith("List<String> added =lineMagic("), out); // IJava consumes the blank before %
        assertEquals(List.of("classpath", "target/classes"), decodedStrings(out));
    }

    @Test
    void magicsOnLaterLinesAreTransformedAndCodeAroundThemKept() {
        String out = transformer.transform("int a = 1;\n  %maven g:a:1\nint b = 2;");
        assertTrue(out.startsWith("int a = 1;\n"), out);
        assertTrue(out.endsWith("\nint b = 2;"), out);
        assertEquals(List.of("maven", "g:a:1"), decodedStrings(out));
    }

    @Test
    void percentInsideAStringIsNotAMagic() {
        assertEquals("String s = \"%x\";", transformer.transform("String s = \"%x\";"));
        assertFalse(transformer.transform("String s = \"=%x\";").contains("lineMagic"));
    }

    @Test
    void moduloIsNotAMagic() {
        assertEquals("int r = 7 % 3;", transformer.transform("int r = 7 % 3;"));
    }

    @Test
    void cellMagicNeedsABody() {
        String out = transformer.transform("%%loadFromPOM compile\n<dependency/>\n<dependency/>");
        assertTrue(out.startsWith("cellMagic("), out);
        assertEquals(List.of("loadFromPOM", "compile", "<dependency/>\n<dependency/>"), decodedStrings(out));
        assertFalse(transformer.transform("%%loadFromPOM").startsWith("cellMagic("));
    }

    @Test
    void ijavaEscapeRulesArePreserved() {
        // \" is a literal quote; \\ gives two backslashes; a backslash before anything else is dropped.
        assertEquals(
                List.of("x", "a\"b", "c\\\\d", "ef"), decodedStrings(transformer.transform("%x a\\\"b c\\\\d e\\f")));
    }

    @Test
    void stringDetectionCountsUnescapedQuotes() {
        assertTrue(MagicTransformer.insideStringLiteral("String s = \""));
        assertFalse(MagicTransformer.insideStringLiteral("String s = \"a\" + "));
        assertTrue(MagicTransformer.insideStringLiteral("String s = \"a\\\"b"));
    }

    @Test
    void timeGetsItsCodeAsWrittenAndItsValueStays() {
        String out = transformer.transform("%time String.join(\"-\", \"a b\")");
        assertEquals(List.of("time", "String.join(\"-\", \"a b\")"), decodedStrings(out));
        assertFalse(out.endsWith("{};"), "the timed value is the cell's value: " + out);
        String assigned = transformer.transform("int x = %time 6 * 7;");
        assertTrue(assigned.startsWith("int x =lineMagic("), assigned);
        assertTrue(assigned.endsWith(");"), "the statement keeps its semicolon: " + assigned);
        String cell = transformer.transform("%%time\nint a = 1;\na + 1");
        assertEquals(List.of("time", "int a = 1;\na + 1"), decodedStrings(cell));
        assertFalse(cell.endsWith("{};"), cell);
    }

    @Test
    void magicNamesCompleteFromTheCatalog() {
        MagicCatalog catalog = new MagicCatalog();
        catalog.registerLineMagic("classpath", args -> null);
        catalog.registerLineMagic("jars", args -> null);
        catalog.registerCellMagic("time", (args, body) -> null);
        assertEquals(List.of("%classpath"), catalog.completions("%cl"));
        assertEquals(List.of("%classpath", "%jars"), catalog.completions("%"));
        assertEquals(List.of("%%time"), catalog.completions("%%"));
        assertEquals(List.of(), catalog.completions(" %cl"), "only at the start of a line");
        assertEquals(List.of(), catalog.completions("int a = 7 %"));
    }
}
