package org.cnnbook.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds real jars for tests: compiles Java sources and packs the classes plus extra resources. */
public final class TestJars {
    private TestJars() {}

    /** @param sources file path in the jar (e.g. "demo/Greeter.java") to source text */
    public static Path build(Path jar, Map<String, String> sources, Map<String, String> resources) throws IOException {
        Path work = Files.createTempDirectory("testjar");
        Path src = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        String[] files = new String[sources.size() + 2];
        files[0] = "-d";
        files[1] = classes.toString();
        int i = 2;
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files[i++] = file.toString();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler.run(null, null, null, files) != 0) throw new IOException("test sources did not compile");
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> walk = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator)
                put(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            for (Map.Entry<String, String> resource : resources.entrySet())
                put(out, resource.getKey(), resource.getValue().getBytes());
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream entry = out;
        entry.write(content);
        out.closeEntry();
    }
}
