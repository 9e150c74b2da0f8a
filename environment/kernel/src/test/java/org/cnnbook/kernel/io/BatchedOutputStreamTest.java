package org.cnnbook.kernel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class BatchedOutputStreamTest {
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final BatchedOutputStream stream = new BatchedOutputStream(sent::add);
    private final PrintStream out = new PrintStream(stream, false, StandardCharsets.UTF_8);

    @Test
    void theFirstLineGoesOutAtOnceAndAFormattedLineIsOneMessage() {
        out.printf("epoch %d: loss %.2f, accuracy %.1f %%%n", 1, 0.25, 97.5);
        assertEquals(List.of("epoch 1: loss 0.25, accuracy 97.5 %\n"), sent);
    }

    @Test
    void linesThatFollowQuicklyAreJoinedAndArriveWithinTheInterval() throws Exception {
        out.print("first\n");
        for (int i = 0; i < 100; i++) out.print("line " + i + "\n");
        out.print("partial");
        assertEquals(1, sent.size());
        Thread.sleep(BatchedOutputStream.INTERVAL_MS * 5);
        assertEquals(2, sent.size(), "the rest, unfinished line included, arrives as one batch by time");
        assertTrue(sent.get(1).startsWith("line 0\n") && sent.get(1).endsWith("line 99\npartial"));
    }

    @Test
    void aProgressLineEndingInCarriageReturnIsShownWithoutWaitingForANewline() throws Exception {
        out.print("10 %\r");
        assertEquals(List.of("10 %\r"), sent);
        Thread.sleep(BatchedOutputStream.INTERVAL_MS + 50);
        out.print("20 %\r");
        assertEquals(List.of("10 %\r", "20 %\r"), sent);
    }

    @Test
    void aFloodIsSentInBoundedBatchesAndNothingIsLost() {
        int lines = 200_000;
        for (int i = 0; i < lines; i++) out.print("line " + i + "\n");
        out.flush();
        String all = String.join("", sent);
        assertEquals(lines, all.split("\n").length);
        assertTrue(sent.size() < lines / 100, sent.size() + " messages for " + lines + " lines");
        for (String batch : sent)
            assertTrue(batch.getBytes(StandardCharsets.UTF_8).length <= 2 * BatchedOutputStream.MAX_PENDING);
    }

    @Test
    void aCharacterIsNeverSplitBetweenBatches() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        assertEquals(1, BatchedOutputStream.completeUtf8Length(new byte[] {'a', euro[0], euro[1]}));
        assertEquals(4, BatchedOutputStream.completeUtf8Length(new byte[] {'a', euro[0], euro[1], euro[2]}));
        String text = "ä€😀".repeat(BatchedOutputStream.MAX_PENDING / 3);
        out.print(text);
        out.flush();
        assertTrue(sent.size() > 1);
        assertEquals(text, String.join("", sent));
        sent.forEach(batch -> assertTrue(!batch.contains("\uFFFD"), "a batch with a broken character"));
    }
}
