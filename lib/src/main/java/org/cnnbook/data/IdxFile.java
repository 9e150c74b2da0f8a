package org.cnnbook.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One IDX file (the format MNIST is published in): a 4-byte magic number {@code 0 0 type rank}, then
 * {@code rank} big-endian int dimensions, then the values. MNIST uses unsigned bytes (type 0x08).
 */
public record IdxFile(int[] dimensions, byte[] values) {
    private static final int UNSIGNED_BYTE = 0x08;

    /** Reads and checks an IDX file of unsigned bytes with the expected rank. */
    public static IdxFile read(Path path, int expectedRank) throws IOException {
        long size = Files.size(path);
        try (InputStream raw = Files.newInputStream(path);
                DataInputStream in = new DataInputStream(raw)) {
            int magic = in.readInt();
            int type = (magic >> 8) & 0xFF;
            int rank = magic & 0xFF;
            if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || rank != expectedRank)
                throw new IOException(String.format(
                        "%s is not an IDX file of rank-%d unsigned bytes: magic number "
                                + "0x%08X (expected 0x%08X). Is it still gzip-compressed, or the wrong file?",
                        path, expectedRank, magic, (UNSIGNED_BYTE << 8) | expectedRank));
            int[] dimensions = new int[rank];
            long count = 1;
            for (int i = 0; i < rank; i++) {
                dimensions[i] = in.readInt();
                if (dimensions[i] <= 0) throw new IOException(path + ": dimension " + i + " is " + dimensions[i]);
                count *= dimensions[i];
            }
            long expectedSize = 4L + 4L * rank + count;
            if (size != expectedSize)
                throw new IOException(String.format(
                        "%s has %,d bytes, but its header %s announces %,d: the file is "
                                + "truncated or corrupt. Delete it and run make data again.",
                        path, size, Arrays.toString(dimensions), expectedSize));
            byte[] values = new byte[(int) count];
            in.readFully(values);
            return new IdxFile(dimensions, values);
        }
    }

    /** Value {@code i} as the unsigned number 0..255 it stands for. */
    public int unsigned(int i) {
        return values[i] & 0xFF;
    }
}
