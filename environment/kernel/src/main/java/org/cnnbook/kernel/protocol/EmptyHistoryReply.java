package org.cnnbook.kernel.protocol;

import io.github.spencerpark.jupyter.messages.reply.HistoryReply;
import java.util.List;

/** An empty history with {@code status: "ok"}: the kernel keeps no history, but clients get an answer. */
public class EmptyHistoryReply extends HistoryReply {
    @SuppressWarnings("unused") // serialised by gson
    private final String status = "ok";

    public EmptyHistoryReply() {
        super(List.of());
    }
}
