package org.cnnbook.kernel.io;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Collects a cell's printed output and passes it on as text in batches, as ipykernel does (one stream message per
 * 0.2 s at most while output keeps coming):
 * <ul>
 *   <li>a line (ended by {@code \n}) or a progress update (ended by {@code \r}) goes out at once when nothing was
 *       sent in the last 0.2 s; otherwise it waits at most 0.2 s, joined with what follows;</li>
 *   <li>an unfinished line goes out after 0.2 s, or on {@link #flush()};</li>
 *   <li>at most {@value #MAX_PENDING} bytes wait: beyond that the writing thread sends them itself, so a flood of
 *       output (a million lines) slows the cell down instead of filling memory or the socket's queue.</li>
 * </ul>
 * A multi-byte UTF-8 character is never split between two batches.
 */
public final class BatchedOutputStream extends OutputStream {
    static final long INTERVAL_MS = 200;
    static final int MAX_PENDING = 64 * 1024;
    private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "IJava-output-flusher");
        thread.setDaemon(true);
        return thread;
    });

    private final Consumer<String> sink;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long lastSentNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS);
    private ScheduledFuture<?> scheduled;

    /** {@code sink} receives each batch as text (e.g. publishes a stream message). */
    public BatchedOutputStream(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        pending.write(bytes, offset, length);
        if (pending.size() >= MAX_PENDING) send();
        else if (endsALine(bytes, offset, length) && sinceLastSendMs() >= INTERVAL_MS) send();
        else if (scheduled == null) scheduled = FLUSHER.schedule(this::flush, INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void flush() {
        send();
    }

    private static boolean endsALine(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) if (bytes[i] == '\n' || bytes[i] == '\r') return true;
        return false;
    }

    private long sinceLastSendMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastSentNanos);
    }

    private void send() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
        byte[] bytes = pending.toByteArray();
        int complete = completeUtf8Length(bytes);
        pending.reset();
        pending.write(bytes, complete, bytes.length - complete);
        if (complete == 0) return;
        lastSentNanos = System.nanoTime();
        String text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
        Uninterrupted.run(() -> sink.accept(text));
    }

    /** The length of the longest prefix that does not end inside a multi-byte UTF-8 character. */
    static int completeUtf8Length(byte[] bytes) {
        int n = bytes.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int b = bytes[n - back] & 0xFF;
            if (b < 0x80) return n; // ASCII: everything before it is complete
            if (b >= 0xC0) { // the lead byte of the last character: is the character all there?
                int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return back >= needed ? n : n - back;
            }
        }
        return n; // not valid UTF-8 anyway: pass it on as it is
    }
}
