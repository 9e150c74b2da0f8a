package org.cnnbook.kernel.protocol;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs refused messages without flooding the server's log: the first ones one by one, then every thousandth with
 * the running count (a misbehaving or hostile client can send thousands per second).
 */
public final class RefusalLog {
    private static final int LOGGED_ONE_BY_ONE = 10;

    private final Logger logger;
    private final AtomicLong count = new AtomicLong();

    public RefusalLog(Logger logger) {
        this.logger = logger;
    }

    public void refused(String what) {
        long n = count.incrementAndGet();
        if (n <= LOGGED_ONE_BY_ONE || n % 1000 == 0)
            logger.log(
                    Level.WARNING,
                    "Dropped a message (" + what + "); " + n + " dropped so far"
                            + (n == LOGGED_ONE_BY_ONE ? "; from now on only every 1000th is logged" : ""));
    }

    public long count() {
        return count.get();
    }
}
