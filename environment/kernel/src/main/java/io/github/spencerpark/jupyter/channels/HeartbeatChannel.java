package io.github.spencerpark.jupyter.channels;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import java.util.logging.Logger;
import org.cnnbook.kernel.lifecycle.KernelThreads;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Replaces basekernel 2.3.0's HeartbeatChannel: echoes every ping on its own thread, blocks in poll instead of
 * sleeping between pings, and survives a moment of full heap (a cell filling memory must not stop the heartbeat,
 * or Jupyter would restart a kernel that is about to recover).
 */
public class HeartbeatChannel extends JupyterSocket {
    private static final long POLL_TIMEOUT_MS = 100;

    private volatile boolean running;
    private volatile Thread echo;

    public HeartbeatChannel(ZMQ.Context context, HMACGenerator hmacGenerator, long ignoredSleep) {
        this(context, hmacGenerator);
    }

    public HeartbeatChannel(ZMQ.Context context, HMACGenerator hmacGenerator) {
        super(context, SocketType.REP, hmacGenerator, Logger.getLogger("HeartbeatChannel"));
    }

    @Override
    public void bind(KernelConnectionProperties connProps) {
        if (echo != null) throw new IllegalStateException("Heartbeat channel already bound");
        super.bind(formatAddress(connProps.getTransport(), connProps.getIp(), connProps.getHbPort()));
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        echo = new Thread(
                () -> {
                    while (running) {
                        try {
                            if (poller.poll(POLL_TIMEOUT_MS) <= 0) continue;
                            byte[] ping = recv(ZMQ.DONTWAIT);
                            if (ping != null) send(ping);
                        } catch (OutOfMemoryError e) {
                            // a cell filled the heap for a moment: the next ping will find memory again
                        } catch (RuntimeException e) {
                            if (running) logger.warning("Heartbeat stopped: " + e); // Jupyter restarts the kernel
                            return;
                        }
                    }
                },
                "Heartbeat");
        echo.setDaemon(true);
        echo.start();
    }

    @Override
    public void close() {
        running = false;
        super.close();
    }

    @Override
    public void waitUntilClose() {
        KernelThreads.awaitEnd(echo);
    }
}
