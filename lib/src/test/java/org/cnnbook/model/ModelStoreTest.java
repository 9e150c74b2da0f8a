package org.cnnbook.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * A full disk (a 256 KiB tmpfs: the model needs more) while saving: a clear message, the model saved before
     * unchanged, no partial file left. Needs root to mount; skipped elsewhere.
     */
    @Test
    void aFullDiskKeepsThePreviousModelAndSaysWhatToDo(@TempDir Path dir) throws Exception {
        Path disk = Files.createDirectories(dir.resolve("disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk.toString()) == 0, "cannot mount");
        try {
            Path file = disk.resolve("mnist-cnn.zip");
            Files.write(file, new byte[100_000]); // the student's earlier model (a stand-in)
            IOException full = assertThrows(IOException.class, () -> ModelStore.save(Models.corrected(), file));
            assertTrue(full.getMessage().contains("full"), full.getMessage());
            assertTrue(full.getMessage().contains("unchanged"), full.getMessage());
            assertEquals(100_000, Files.size(file));
            try (var left = Files.list(disk)) {
                assertEquals(List.of(file), left.toList(), "no partial file left");
            }
        } finally {
            run("umount", disk.toString());
        }
    }

    private static int run(String... command) throws Exception {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
        } catch (java.io.IOException e) {
            return -1; // no such command
        }
    }
}
