package io.github.spencerpark.jupyter.channels;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.reply.InputReply;
import io.github.spencerpark.jupyter.messages.request.InputRequest;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Logger;
import org.cnnbook.kernel.protocol.RefusalLog;
import org.cnnbook.kernel.protocol.WireMessage;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Replaces basekernel 2.3.0's StdinChannel. A cell reading {@code System.in} asks the front end for a line; here
 * whatever arrived on the channel while nobody was asking (stale or hostile messages) is discarded first, only a
 * well-formed {@code input_reply} answers, and an interrupt of the cell ends the wait.
 */
public class StdinChannel extends JupyterSocket {
    private static final long POLL_TIMEOUT_MS = 100;

    private final RefusalLog refusals;

    public StdinChannel(ZMQ.Context context, HMACGenerator hmacGenerator) {
        super(context, SocketType.ROUTER, hmacGenerator, Logger.getLogger("StdinChannel"));
        this.refusals = new RefusalLog(logger);
        setMaxMsgSize(ShellChannel.MAX_MESSAGE_BYTES);
    }

    @Override
    public void bind(KernelConnectionProperties connProps) {
        super.bind(formatAddress(connProps.getTransport(), connProps.getIp(), connProps.getStdinPort()));
    }

    /** Asks the front end for a line of input and waits for it (the request's allow_stdin must be true). */
    public synchronized String getInput(MessageContext context, String prompt, boolean isPasswordRequest) {
        while (WireMessage.receive(this) != null) refusals.refused("arrived on stdin while no input was asked for");
        sendMessage(new Message<>(context, InputRequest.MESSAGE_TYPE, new InputRequest(prompt, isPasswordRequest)));
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        try {
            while (!closed) {
                if (Thread.currentThread().isInterrupted())
                    throw new UncheckedIOException(new InterruptedIOException("Waiting for input was interrupted."));
                if (poller.poll(POLL_TIMEOUT_MS) <= 0) continue;
                List<byte[]> frames = WireMessage.receive(this);
                if (frames == null) continue;
                WireMessage.Decoded decoded = WireMessage.decode(frames, hmacGenerator);
                if (!decoded.ok()) refusals.refused(decoded.refusal());
                else if (decoded.message().getHeader().getType() != MessageType.INPUT_REPLY)
                    refusals.refused(
                            "a " + decoded.message().getHeader().getType().getName() + " on stdin");
                else {
                    InputReply reply = (InputReply) decoded.message().getContent();
                    return (reply.getValue() == null ? "" : reply.getValue()) + System.lineSeparator();
                }
            }
            throw new UncheckedIOException(new InterruptedIOException("The kernel is shutting down."));
        } finally {
            poller.close();
        }
    }
}
