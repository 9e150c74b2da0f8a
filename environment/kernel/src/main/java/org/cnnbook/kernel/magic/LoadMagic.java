package org.cnnbook.kernel.magic;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code %load source}: runs a file of Java code, or the code cells of a notebook, through the kernel. Printed
 * output and {@code display} calls appear; values are not shown. Without an extension it tries {@code .jsh},
 * {@code .jshell}, {@code .java}, {@code .ijava} and then {@code .ipynb}, as IJava does.
 */
public final class LoadMagic {
    private static final List<String> EXTENSIONS = List.of("", ".jsh", ".jshell", ".java", ".ijava", ".ipynb");
    private final MagicHost host;

    public LoadMagic(MagicHost host) {
        this.host = host;
    }

    public void registerIn(Magics magics) {
        magics.registerLineMagic("load", this::load);
    }

    Void load(List<String> args) throws Exception {
        if (args.size() != 1)
            throw new IllegalArgumentException("%load takes exactly one file, e.g. %load helpers.jsh");
        Path file = find(args.get(0));
        if (file.getFileName().toString().endsWith(".ipynb")) {
            for (String cell : codeCells(Files.readString(file))) host.evalSilently(cell);
        } else {
            host.evalSilently(Files.readString(file));
        }
        return null;
    }

    private static Path find(String source) throws FileNotFoundException {
        for (String extension : EXTENSIONS) {
            Path candidate = Path.of(source + extension);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new FileNotFoundException("Could not find a file to load at '" + source + "' (also tried the extensions "
                + EXTENSIONS.subList(1, EXTENSIONS.size()) + ") from "
                + Path.of("").toAbsolutePath() + ".");
    }

    /** Code cell sources; a source may be a list of lines or one string (both occur in real notebooks). */
    static List<String> codeCells(String notebookJson) {
        JsonObject notebook = new JsonParser().parse(notebookJson).getAsJsonObject();
        JsonArray cells = notebook.getAsJsonArray("cells");
        java.util.ArrayList<String> sources = new java.util.ArrayList<>();
        for (JsonElement element : cells) {
            JsonObject cell = element.getAsJsonObject();
            if (!"code".equals(cell.get("cell_type").getAsString())) continue;
            JsonElement source = cell.get("source");
            if (source.isJsonArray()) {
                StringBuilder text = new StringBuilder();
                source.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
                sources.add(text.toString());
            } else {
                sources.add(source.getAsString());
            }
        }
        return sources;
    }
}
