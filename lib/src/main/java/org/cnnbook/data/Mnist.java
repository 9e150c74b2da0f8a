package org.cnnbook.data;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.cnnbook.engine.Nd4jSetup;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Loads MNIST (fetching it on first use) the way Keras' {@code mnist.load_data()} does. */
public final class Mnist {
    private Mnist() {}

    /** All of MNIST: 60,000 training and 10,000 test images. */
    public static MnistData load() throws IOException {
        return load(RunLimits.none());
    }

    /** MNIST within {@code limits} (the first images of each set). */
    public static MnistData load(RunLimits limits) throws IOException {
        Path directory = MnistFiles.ensure(MnistLocation.directory(), System.out);
        return load(directory, limits.trainCount(60_000), limits.testCount(10_000));
    }

    /** The first {@code trainCount} training and {@code testCount} test examples from {@code directory}. */
    public static MnistData load(Path directory, int trainCount, int testCount) throws IOException {
        Nd4jSetup.ensure();
        return new MnistData(
                images(directory.resolve(MnistFiles.TRAIN_IMAGES), trainCount),
                labels(directory.resolve(MnistFiles.TRAIN_LABELS), trainCount),
                images(directory.resolve(MnistFiles.TEST_IMAGES), testCount),
                labels(directory.resolve(MnistFiles.TEST_LABELS), testCount));
    }

    /**
     * DL4J's own {@code MnistDataSetIterator} (flat rows of 784 pixels scaled to [0, 1], one-hot labels), reading
     * the same verified files, so it works offline instead of downloading its own copy.
     */
    public static org.deeplearning4j.datasets.iterator.impl.MnistDataSetIterator dl4jIterator(
            int batchSize, boolean train, long seed, RunLimits limits) throws IOException {
        Path directory = MnistFiles.ensure(MnistLocation.directory(), System.out);
        Nd4jSetup.ensure();
        int examples = train ? limits.trainCount(60_000) : limits.testCount(10_000);
        return new org.deeplearning4j.datasets.iterator.impl.MnistDataSetIterator(
                batchSize, examples, false, train, train, seed, directory.toFile());
    }

    /** Pixels 0..255 as a FLOAT array [n, rows, cols] (unscaled, like Keras' uint8 arrays). */
    static INDArray images(Path file, int count) throws IOException {
        IdxFile idx = IdxFile.read(file, 3);
        int n = Math.min(count, idx.dimensions()[0]);
        int rows = idx.dimensions()[1];
        int cols = idx.dimensions()[2];
        // written straight into ND4J's native buffer: a float[] of the same size would stay resident in the Java
        // heap for the rest of the session (188 MB for the training set)
        INDArray images = Nd4j.createUninitialized(DataType.FLOAT, n, rows, cols);
        FloatBuffer pixels = images.data().asNioFloat();
        for (int i = 0, length = n * rows * cols; i < length; i++) pixels.put(i, idx.unsigned(i));
        return images;
    }

    /** Class indices 0..9 as an INT array [n]. */
    static INDArray labels(Path file, int count) throws IOException {
        IdxFile idx = IdxFile.read(file, 1);
        int n = Math.min(count, idx.dimensions()[0]);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = idx.unsigned(i);
        return Nd4j.createFromArray(labels);
    }
}
