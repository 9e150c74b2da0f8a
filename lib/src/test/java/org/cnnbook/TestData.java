package org.cnnbook;

import org.cnnbook.data.Mnist;
import org.cnnbook.data.MnistData;
import org.cnnbook.data.MnistFiles;
import org.cnnbook.data.MnistLocation;

import java.io.IOException;
import java.nio.file.Path;

/** The real MNIST files (fetched once by make data, or here), and a small slice of them shared by tests. */
public final class TestData {
    private static MnistData slice;

    private TestData() {
    }

    public static Path directory() throws IOException {
        return MnistFiles.ensure(MnistLocation.directory(), System.out);
    }

    /** The first 2,000 training and 500 test images. */
    public static synchronized MnistData slice() throws IOException {
        if (slice == null) slice = Mnist.load(directory(), 2000, 500);
        return slice;
    }
}
