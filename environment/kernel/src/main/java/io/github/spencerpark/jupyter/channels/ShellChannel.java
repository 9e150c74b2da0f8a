package io.github.spencerpark.jupyter.channels;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Replaces jupyter-jvm-basekernel 2.3.0's ShellChannel (same package, same public API; the original class is
 * left out of the kernel jar). Two defects are fixed:
 * <ul>
 *   <li>a message with a bad HMAC signature (or one that does not parse) threw out of the channel thread, so a
 *       single forged message killed the shell or control channel; now it is logged and dropped;</li>
 *   <li>the loop slept 50 ms between polls, adding up to 50 ms to every request; now it blocks in poll.</li>
 * </ul>
 */
public class ShellChannel extends JupyterSocket {
    private static final long POLL_TIMEOUT_MS = 50;
    private static final AtomicInteger SHELL_ID = new AtomicInteger();

    private final boolean isControl;
    private final JupyterConnection connection;
    private volatile Thread ioloop;
    private volatile boolean running;

    public ShellChannel(
            ZMQ.Context context,
            HMACGenerator hmacGenerator,
            boolean isControl,
            JupyterConnection connection,
            long ignoredSleep) {
        this(context, hmacGenerator, isControl, connection);
    }

    public ShellChannel(
            ZMQ.Context context, HMACGenerator hmacGenerator, boolean isControl, JupyterConnection connection) {
        super(
                context,
                SocketType.ROUTER,
                hmacGenerator,
                Logger.getLogger(isControl ? "ControlChannel" : "ShellChannel"));
        this.isControl = isControl;
        this.connection = connection;
    }

    @Override
    public void bind(KernelConnectionProperties connProps) {
        if (ioloop != null) throw new IllegalStateException("Shell channel already bound");
        String name = (isControl ? "Control-" : "Shell-") + SHELL_ID.getAndIncrement();
        super.bind(formatAddress(
                connProps.getTransport(),
                connProps.getIp(),
                isControl ? connProps.getControlPort() : connProps.getShellPort()));
        ZMQ.Poller poller = super.ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        ioloop = new Thread(
                () -> {
                    while (running) {
                        if (poller.poll(POLL_TIMEOUT_MS) > 0) handleNextMessage();
                    }
                    logger.log(Level.INFO, name + " shutdown.");
                },
                name);
        ioloop.start();
    }

    private void handleNextMessage() {
        Message<?> message;
        try {
            message = super.readMessage();
        } catch (RuntimeException e) {
            logger.log(Level.WARNING, "Dropped a message: " + e.getMessage());
            return;
        }
        @SuppressWarnings({"rawtypes", "unchecked"})
        ShellHandler handler = connection.getHandler((io.github.spencerpark.jupyter.messages.MessageType)
                message.getHeader().getType());
        if (handler == null) {
            logger.log(
                    Level.WARNING,
                    "Unhandled message: " + message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (Exception e) {
            logger.log(
                    Level.SEVERE,
                    "Unhandled exception handling "
                            + message.getHeader().getType().getName() + ". "
                            + e.getClass().getSimpleName() + " - " + e.getLocalizedMessage());
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) connection.close();
    }

    @Override
    public void close() {
        running = false;
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread loop = ioloop;
        if (loop != null && loop != Thread.currentThread()) {
            try {
                loop.join();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
