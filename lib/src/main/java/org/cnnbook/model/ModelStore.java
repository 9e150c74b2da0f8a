package org.cnnbook.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Saving a trained network (with its optimizer state, so training can go on) and loading it back. */
public final class ModelStore {
    private ModelStore() {
    }

    public static Path save(MultiLayerNetwork model, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, file.getFileName().toString(), ".part");
        try {
            ModelSerializer.writeModel(model, partial.toFile(), true);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return file;
    }

    public static MultiLayerNetwork load(Path file) throws IOException {
        if (!Files.isRegularFile(file))
            throw new IOException("No saved model at " + file.toAbsolutePath() + ". Train and save one first (ModelStore.save).");
        try {
            return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        } catch (Exception e) {
            throw new IOException(file + " is not a DL4J model saved with ModelStore.save (" + e.getMessage() + ").", e);
        }
    }
}
