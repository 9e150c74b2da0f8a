package org.cnnbook.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.cnnbook.data.ProjectDirectory;
import org.cnnbook.data.RunLimits;
import org.cnnbook.layers.LayerSet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Saving a trained network (with its optimizer state, so training can go on) and loading it back, with DL4J's
 * {@link ModelSerializer}: a zip with the configuration as JSON and the parameters. Saving writes a temporary file
 * first and moves it in place, so an interrupted save never leaves half a model behind. Loading checks the file first
 * ({@link ModelFileCheck}): DL4J's own loader would run code hidden in a model file from elsewhere.
 * <p>
 * The file names DL4J's own layer classes even for a network trained with lib's ({@link LayerSet#DL4J}): DL4J alone
 * reads it, without lib. Loading builds it again with {@link LayerSet#preferred()}.
 */
public final class ModelStore {
    private ModelStore() {}

    /**
     * Where notebook 6 saves the series' trained CNN and notebook 8 finds it: {@code build/models/} of this repository,
     * or {@code models/} in the working directory outside it (a student's home on a hub); a separate file for a
     * limited run so that a quick test run never replaces the fully trained model.
     */
    public static Path seriesModel(RunLimits limits) {
        return seriesModel(limits, Path.of("").toAbsolutePath());
    }

    /**
     * In this repository: build/models beside the other outputs (relative to {@code workingDirectory}, as the
     * notebook shows it); elsewhere, e.g. a student's home on a hub: models/ in the working directory, so that no two
     * students ever share the file.
     */
    static Path seriesModel(RunLimits limits, Path workingDirectory) {
        String name = limits.limited() ? "mnist-cnn-quick-run.zip" : "mnist-cnn.zip";
        return ProjectDirectory.rootAbove(workingDirectory)
                .map(root -> workingDirectory.relativize(root.resolve("build").resolve("models")))
                .orElse(Path.of("models"))
                .resolve(name);
    }

    public static Path save(MultiLayerNetwork model, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = null;
        try {
            partial = Files.createTempFile(parent, file.getFileName().toString(), ".part");
            ModelSerializer.writeModel(LayerSet.DL4J.copy(model), partial.toFile(), true);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IOException(
                    "Could not save the model to " + file + " (" + e.getMessage() + "). Nothing was "
                            + "replaced" + (Files.exists(file) ? ": the model saved there before is unchanged" : "")
                            + ". Is the disk or your quota full? Free some space and save again.",
                    e);
        } finally {
            if (partial != null) Files.deleteIfExists(partial);
        }
        return file;
    }

    public static MultiLayerNetwork load(Path file) throws IOException {
        if (!Files.isRegularFile(file))
            throw new IOException("No saved model at " + file.toAbsolutePath() + ". Train and save one first "
                    + "(notebook 6 does, with ModelStore.save).");
        ModelFileCheck.check(file);
        try {
            return LayerSet.preferred().copy(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true));
        } catch (Exception e) {
            throw new IOException(
                    file + " is not a DL4J model saved with ModelStore.save (" + e.getMessage() + ").", e);
        }
    }
}
