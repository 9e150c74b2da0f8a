package org.cnnbook.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * Checks a model file before DL4J reads it. DL4J's {@code ModelSerializer} reads a {@code preprocessor.bin} entry with
 * Java deserialization, and the configuration's {@code "@class"} names choose which classes it instantiates: a model
 * file from somewhere else (a classmate, a forum) could run code. Only what {@link ModelStore#save} writes is
 * accepted: the configuration (DL4J, ND4J and lib classes only), the parameters, the optimizer state, each within a size
 * cap that the decompressed bytes are counted against (a zip bomb cannot pass).
 */
final class ModelFileCheck {
    static final long MAX_FILE_BYTES = 1L << 30;
    static final Map<String, Long> ALLOWED_ENTRIES = Map.of(
            "configuration.json", 4L << 20,
            "coefficients.bin", 2L << 30,
            "updaterState.bin", 4L << 30,
            "noParams.marker", 1024L);
    private static final List<String> TRUSTED_PACKAGES = List.of("org.deeplearning4j.", "org.nd4j.", "org.cnnbook.");

    private ModelFileCheck() {}

    static void check(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES)
            throw refused(
                    file,
                    "it is " + size / (1 << 20) + " MB, more than any model of this series (cap "
                            + MAX_FILE_BYTES / (1 << 20) + " MB)");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            boolean hasConfiguration = false;
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Long cap = ALLOWED_ENTRIES.get(entry.getName());
                if (cap == null)
                    throw refused(
                            file,
                            "it contains '" + entry.getName() + "', which ModelStore.save never writes"
                                    + (entry.getName().equals("preprocessor.bin")
                                                    || entry.getName().equals("normalizer.bin")
                                            ? " and DL4J would read with Java deserialization, which can run code"
                                            : ""));
                byte[] head = readCapped(zip, entry, cap, file);
                if (entry.getName().equals("configuration.json")) {
                    hasConfiguration = true;
                    checkClasses(file, new ObjectMapper().readTree(head));
                }
            }
            if (!hasConfiguration) throw refused(file, "it has no configuration.json");
        } catch (ZipException e) {
            throw refused(file, "it is not a zip file (" + e.getMessage() + ")");
        }
    }

    /** Reads the entry, counting the decompressed bytes against {@code cap}; returns them for the configuration. */
    private static byte[] readCapped(ZipFile zip, ZipEntry entry, long cap, Path file) throws IOException {
        boolean keep = entry.getName().equals("configuration.json");
        java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = zip.getInputStream(entry)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > cap)
                    throw refused(
                            file, "'" + entry.getName() + "' decompresses to more than " + cap / (1 << 20) + " MB");
                if (keep) kept.write(buffer, 0, n);
            }
        }
        return kept.toByteArray();
    }

    private static void checkClasses(Path file, JsonNode node) throws IOException {
        List<String> foreign = new ArrayList<>();
        collectForeignClasses(node, foreign);
        if (!foreign.isEmpty())
            throw refused(file, "its configuration names classes outside DL4J, ND4J and lib: " + foreign);
    }

    private static void collectForeignClasses(JsonNode node, List<String> foreign) {
        if (node.isObject())
            node.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if (field.getKey().equals("@class") && value.isTextual()) {
                    if (TRUSTED_PACKAGES.stream().noneMatch(value.asText()::startsWith)) foreign.add(value.asText());
                } else collectForeignClasses(value, foreign);
            });
        else if (node.isArray()) node.forEach(element -> collectForeignClasses(element, foreign));
    }

    private static IOException refused(Path file, String why) {
        return new IOException(
                "ModelStore will not load " + file + ": " + why + ". Load only models saved with "
                        + "ModelStore.save (notebook 6 does); train the model again rather than loading a file from elsewhere.");
    }
}
