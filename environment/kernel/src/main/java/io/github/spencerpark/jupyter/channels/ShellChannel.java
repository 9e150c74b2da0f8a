package io.github.spencerpark.jupyter.channels;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cnnbook.kernel.lifecycle.KernelThreads;
import org.cnnbook.kernel.protocol.AbortedExecuteReply;
import org.cnnbook.kernel.protocol.RefusalLog;
import org.cnnbook.kernel.protocol.WireMessage;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Replaces jupyter-jvm-basekernel 2.3.0's ShellChannel (same package, same public API; the original class is
 * left out of the kernel jar). What it does differently:
 * <ul>
 *   <li>a message that is not a well-formed, correctly signed Jupyter message (no delimiter, bad signature, bad
 *       JSON, missing header fields, too large) is dropped and logged ({@link WireMessage}), never fatal;</li>
 *   <li>nothing a handler throws, {@code Error}s included, ends the channel; if the channel's thread fails anyway,
 *       the kernel exits with a message instead of living on deaf behind a beating heart;</li>
 *   <li>after a cell fails with {@code stop_on_error}, the execute requests that were queued when it failed are
 *       answered {@code aborted} without running, as ipykernel does: {@link #holdQueuedRequests()} takes them off
 *       the socket before the error reply goes out, {@link #abortQueuedExecuteRequests()} then aborts those and
 *       only those, so a request sent after the client saw the error reply runs;</li>
 *   <li>it blocks in poll instead of sleeping 50 ms between polls.</li>
 * </ul>
 */
public class ShellChannel extends JupyterSocket {
    /** Larger messages are refused by ZeroMQ itself (it drops the connection that sent one). */
    public static final long MAX_MESSAGE_BYTES = 64L * 1024 * 1024;

    private static final long POLL_TIMEOUT_MS = 100;
    private static final AtomicInteger SHELL_ID = new AtomicInteger();
    private static final ThreadLocal<ShellChannel> HANDLING = new ThreadLocal<>();
    private static final CountDownLatch OPEN = new CountDownLatch(1);

    private final boolean isControl;
    private final JupyterConnection connection;
    private final RefusalLog refusals;
    private volatile Thread ioloop;
    private volatile boolean running;
    private boolean abortQueued;
    /** Requests read off the socket but not handled yet (held when a cell failed), handled before any newer one. */
    private final java.util.ArrayDeque<Message<?>> held = new java.util.ArrayDeque<>();

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
        this.refusals = new RefusalLog(logger);
        setMaxMsgSize(MAX_MESSAGE_BYTES);
    }

    /**
     * Lets the shell and control channels read their requests. The kernel binds its ports first thing, before the
     * slow part of its start (JShell): a port Jupyter chose is then not taken by another program in the meantime
     * (many kernels starting at once). Requests sent before the kernel is ready wait in ZeroMQ's queue.
     */
    public static void openForRequests() {
        OPEN.countDown();
    }

    /**
     * Called by a handler on this channel's thread: once the current request is answered, every execute request
     * held by {@link #holdQueuedRequests()} is answered {@code aborted}.
     */
    public static void abortQueuedExecuteRequests() {
        ShellChannel channel = HANDLING.get();
        if (channel != null && !channel.isControl) channel.abortQueued = true;
    }

    /**
     * Called by a handler on this channel's thread when a cell fails, before its reply is sent: the requests waiting
     * now are taken off the socket and held; they are the ones an abort may answer. Whatever arrives later, such as
     * a request the client sent after it saw the error reply, is not held and runs.
     */
    public static void holdQueuedRequests() {
        ShellChannel channel = HANDLING.get();
        if (channel == null || channel.isControl) return;
        Message<?> message;
        while ((message = channel.readMessage()) != null) channel.held.add(message);
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
        ioloop = new Thread(() -> loop(poller, name), name);
        ioloop.start();
    }

    private void loop(ZMQ.Poller poller, String name) {
        HANDLING.set(this);
        try {
            while (running && !OPEN.await(POLL_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                // bound early, before the kernel is built: requests wait in ZeroMQ's queue until it is
            }
            while (running) {
                try {
                    if (poller.poll(POLL_TIMEOUT_MS) > 0) handleWaitingMessages();
                } catch (OutOfMemoryError e) {
                    // a cell filled the heap for a moment; it gives the memory back as it fails (CodeEvaluator)
                }
            }
            logger.log(Level.INFO, name + " shutdown.");
        } catch (Throwable t) {
            if (!running) return; // the socket was closed under the poll: a normal shutdown
            KernelThreads.diedOf(name, t);
        }
    }

    private void handleWaitingMessages() {
        Message<?> message;
        while (running && (message = held.isEmpty() ? readMessage() : held.poll()) != null) {
            handle(message);
            if (abortQueued) {
                abortQueued = false;
                answerHeldExecuteRequestsAborted();
            }
        }
    }

    /** The next waiting message, or null when none is waiting; malformed ones are dropped and logged. */
    @Override
    public synchronized Message<?> readMessage() {
        while (!closed) {
            List<byte[]> frames = WireMessage.receive(this);
            if (frames == null) return null;
            WireMessage.Decoded decoded = WireMessage.decode(frames, hmacGenerator);
            if (decoded.ok()) return decoded.message();
            refusals.refused(decoded.refusal());
        }
        return null;
    }

    private void handle(Message<?> message) {
        MessageType<?> type = message.getHeader().getType();
        @SuppressWarnings({"rawtypes"})
        ShellHandler handler = type == MessageType.UNKNOWN ? null : connection.getHandler(type);
        if (handler == null) {
            refusals.refused("no handler for message type '" + type.getName() + "'");
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            invoke(handler, env, message);
        } catch (Throwable t) {
            logger.log(
                    Level.SEVERE,
                    "Unhandled " + t.getClass().getSimpleName() + " handling " + type.getName() + ": "
                            + t.getMessage());
        } finally {
            try {
                env.resolveDeferrals();
            } catch (Throwable t) {
                logger.log(Level.SEVERE, "Could not send the reply to " + type.getName() + ": " + t);
            }
        }
        if (env.isMarkedForShutdown()) connection.close();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void invoke(ShellHandler handler, ShellReplyEnvironment env, Message message) throws Exception {
        handler.handle(env, message);
    }

    /** ipykernel's abort: what was queued behind a failed cell is answered, busy and idle included, but not run. */
    private void answerHeldExecuteRequestsAborted() {
        Message<?> message;
        while (running && (message = held.poll()) != null) {
            if (message.getHeader().getType() != MessageType.EXECUTE_REQUEST) {
                handle(message);
                continue;
            }
            ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
            env.setStatusBusy();
            @SuppressWarnings({"unchecked", "rawtypes"})
            Message<ExecuteRequest> reply = new Message(
                    message, (MessageType) MessageType.EXECUTE_REPLY, new AbortedExecuteReply(), null, Map.of());
            env.reply(reply);
            env.setStatusIdle();
        }
    }

    @Override
    public void close() {
        running = false;
        super.close();
    }

    @Override
    public void waitUntilClose() {
        KernelThreads.awaitEnd(ioloop);
    }
}
