package org.cnnbook.kernel.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes output on a line at a time. basekernel's notebook streams send one Jupyter message per write, so a single
 * {@code printf("%d items%n", n)} arrived as five stream outputs (and five lines in exported HTML). Complete lines
 * go out together; an unfinished line goes out on {@link #flush()} (e.g. at the end of the cell).
 */
public final class LineBufferedOutputStream extends OutputStream {
    private final OutputStream target;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public LineBufferedOutputStream(OutputStream target) {
        this.target = target;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        pending.write(b);
        if (b == '\n') sendPending();
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int lastNewline = -1;
        for (int i = offset + length - 1; i >= offset; i--)
            if (bytes[i] == '\n') {
                lastNewline = i;
                break;
            }
        if (lastNewline < 0) {
            pending.write(bytes, offset, length);
            return;
        }
        pending.write(bytes, offset, lastNewline + 1 - offset);
        sendPending();
        pending.write(bytes, lastNewline + 1, offset + length - lastNewline - 1);
    }

    @Override
    public synchronized void flush() throws IOException {
        sendPending();
        target.flush();
    }

    private void sendPending() throws IOException {
        if (pending.size() == 0) return;
        target.write(pending.toByteArray());
        pending.reset();
        target.flush();
    }
}
