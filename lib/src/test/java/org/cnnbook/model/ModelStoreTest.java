package org.cnnbook.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cnnbook.data.ProjectDirectory;
import org.cnnbook.data.RunLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
    @Test
    void inTheRepositoryTheModelGoesToBuildModels() {
        Path notebooks = ProjectDirectory.root().orElseThrow().resolve("notebooks");
        assertEquals(
                Path.of("..", "build", "models", "mnist-cnn.zip"), ModelStore.seriesModel(RunLimits.none(), notebooks));
        assertEquals(
                Path.of("..", "build", "models", "mnist-cnn-quick-run.zip"),
                ModelStore.seriesModel(RunLimits.of(2000, 1), notebooks));
    }

    @Test
    void elsewhereEachStudentKeepsTheModelInTheirOwnDirectory(@TempDir Path home) throws Exception {
        Path student = Files.createDirectories(home.resolve("homes").resolve("ann"));
        assertEquals(Path.of("models", "mnist-cnn.zip"), ModelStore.seriesModel(RunLimits.none(), student));
    }
}
