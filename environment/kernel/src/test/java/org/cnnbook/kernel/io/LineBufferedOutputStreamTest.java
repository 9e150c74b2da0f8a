package org.cnnbook.kernel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineBufferedOutputStreamTest {
    /** Records what arrives in each flush, as a notebook stream message would. */
    private static final class Messages extends OutputStream {
        final List<String> sent = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();

        @Override
        public void write(int b) {
            current.append((char) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            current.append(new String(b, off, len, StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            if (current.length() > 0) sent.add(current.toString());
            current.setLength(0);
        }
    }

    @Test
    void aFormattedLineIsOneMessageAndAnUnfinishedLineWaitsForFlush() {
        Messages messages = new Messages();
        PrintStream out = new PrintStream(new LineBufferedOutputStream(messages), false, StandardCharsets.UTF_8);
        out.printf("epoch %d: loss %.2f, accuracy %.1f %%%n", 1, 0.25, 97.5);
        out.print("two\nlines\npartial");
        assertEquals(
                List.of("epoch 1: loss 0.25, accuracy 97.5 %" + System.lineSeparator(), "two\nlines\n"), messages.sent);
        out.flush();
        assertEquals("partial", messages.sent.get(2));
        out.println("é ünïcode ✓");
        assertEquals("é ünïcode ✓" + System.lineSeparator(), messages.sent.get(3));
    }
}
