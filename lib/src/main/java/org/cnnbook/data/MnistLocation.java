package org.cnnbook.data;

import java.nio.file.Path;

/**
 * Where the MNIST files are kept: {@code $MNIST_DIR} if set, else {@code data/mnist} in this repository (found
 * by walking up from the working directory), else {@code ~/.cache/cnnbook/mnist}.
 */
public final class MnistLocation {
    public static final String ENV = "MNIST_DIR";

    private MnistLocation() {}

    public static Path directory() {
        String configured = System.getenv(ENV);
        if (configured != null && !configured.isBlank())
            return Path.of(configured).toAbsolutePath();
        return ProjectDirectory.root()
                .map(root -> root.resolve("data/mnist"))
                .orElse(Path.of(System.getProperty("user.home"), ".cache", "cnnbook", "mnist"));
    }
}
