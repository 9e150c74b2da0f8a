package org.cnnbook.kernel.io;

import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The kernel's {@code System.out} and {@code System.err} for its whole life. Text goes, in batches
 * ({@link BatchedOutputStream}), to the cell that runs now or, once it has ended, to the last cell that ran: output
 * of a background thread a cell started (a training loop, a logger) reaches the notebook, not the server's terminal.
 * Before the first cell, text goes to the terminal.
 */
public final class CellStreams {
    private final PrintStream terminalOut;
    private final PrintStream terminalErr;
    private volatile ShellReplyEnvironment cell;

    public final PrintStream out;
    public final PrintStream err;

    public CellStreams(PrintStream terminalOut, PrintStream terminalErr) {
        this.terminalOut = terminalOut;
        this.terminalErr = terminalErr;
        this.out = new PrintStream(new BatchedOutputStream(this::toStdout), false, StandardCharsets.UTF_8);
        this.err = new PrintStream(new BatchedOutputStream(this::toStderr), false, StandardCharsets.UTF_8);
    }

    /** From now on output goes to the cell answered through {@code env}. */
    public void attach(ShellReplyEnvironment env) {
        flush(); // what an earlier cell's threads printed belongs to that cell
        this.cell = env;
    }

    public void flush() {
        out.flush();
        err.flush();
    }

    private void toStdout(String text) {
        ShellReplyEnvironment env = cell;
        if (env == null || !publish(() -> env.writeToStdOut(text))) terminalOut.print(text);
    }

    private void toStderr(String text) {
        ShellReplyEnvironment env = cell;
        if (env == null || !publish(() -> env.writeToStdErr(text))) terminalErr.print(text);
    }

    private static boolean publish(Runnable send) {
        try {
            send.run();
            return true;
        } catch (RuntimeException e) { // the connection is closing
            return false;
        }
    }
}
