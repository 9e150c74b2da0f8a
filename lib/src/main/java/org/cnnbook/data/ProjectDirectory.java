package org.cnnbook.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * This repository's root, found by walking up from the working directory (a notebook runs in notebooks/), or
 * empty where the notebooks run elsewhere, e.g. in a student's home on a classroom hub.
 */
public final class ProjectDirectory {
    private ProjectDirectory() {}

    public static Optional<Path> root() {
        return rootAbove(Path.of("").toAbsolutePath());
    }

    /** The repository that contains {@code start}, if any. */
    public static Optional<Path> rootAbove(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent())
            if (Files.isRegularFile(dir.resolve("lib/pom.xml")) && Files.isDirectory(dir.resolve("notebooks")))
                return Optional.of(dir);
        return Optional.empty();
    }
}
