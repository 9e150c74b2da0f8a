package org.cnnbook;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.cnnbook.data.MnistFiles;
import org.cnnbook.prep.GreyImage;
import org.cnnbook.prep.HandDrawnDigits;

/**
 * A small MNIST look-alike written by the tests themselves, so that they run offline: hand-drawn digits (the strokes
 * of {@link HandDrawnDigits}, each drawn at a random size, place, slant and pen width), prepared the way MNIST's were
 * (inverted, cropped, 20 pixels, centred by mass in 28x28, brightest pixel 255) and written as the four IDX files
 * under MNIST's names. Like MNIST's, a few labels (3 % of the test set) are wrong, so that even a perfect network
 * makes mistakes there.
 */
public final class SyntheticMnist {
    private SyntheticMnist() {}

    /** Writes {@code train} and {@code test} examples (labels cycling through 0..9 in a random order) into {@code directory}. */
    public static Path write(Path directory, int train, int test, long seed) throws IOException {
        Files.createDirectories(directory);
        Random random = new Random(seed);
        write(directory, MnistFiles.TRAIN_IMAGES, MnistFiles.TRAIN_LABELS, train, 0, random);
        write(directory, MnistFiles.TEST_IMAGES, MnistFiles.TEST_LABELS, test, 0.03, random);
        return directory;
    }

    private static void write(
            Path directory, String imagesName, String labelsName, int count, double wrongLabels, Random random)
            throws IOException {
        try (DataOutputStream images = idx(directory.resolve(imagesName), 0x0803, count, 28, 28);
                DataOutputStream labels = idx(directory.resolve(labelsName), 0x0801, count)) {
            for (int i = 0; i < count; i++) {
                int digit = random.nextInt(10);
                GreyImage drawn = GreyImage.of(HandDrawnDigits.draw(
                        digit,
                        0.6 + 0.5 * random.nextDouble(),
                        10 + 50 * random.nextDouble(),
                        10 + 40 * random.nextDouble(),
                        0.3 * random.nextDouble() - 0.15,
                        8 + 8 * random.nextDouble()));
                GreyImage prepared =
                        drawn.inverted().croppedToInk().scaledToFit(20).centredByMassIn(28);
                float brightest = 1;
                for (int y = 0; y < 28; y++)
                    for (int x = 0; x < 28; x++) brightest = Math.max(brightest, prepared.pixel(y, x));
                for (int y = 0; y < 28; y++)
                    for (int x = 0; x < 28; x++)
                        images.writeByte(
                                Math.round(Math.max(0, Math.min(255, prepared.pixel(y, x) * 255 / brightest))));
                labels.writeByte(random.nextDouble() < wrongLabels ? (digit + 1 + random.nextInt(9)) % 10 : digit);
            }
        }
    }

    private static DataOutputStream idx(Path file, int magic, int... dimensions) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(out));
        data.writeInt(magic);
        for (int d : dimensions) data.writeInt(d);
        return data;
    }
}
