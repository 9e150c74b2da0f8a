package org.cnnbook.kernel.protocol;

/** The reply to an execute request that was not run because an earlier cell failed ({@code stop_on_error}). */
public final class AbortedExecuteReply {
    @SuppressWarnings("unused") // serialised by gson
    private final String status = "aborted";
}
