package org.cnnbook.kernel.eval;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell snippets inside the kernel's own JVM, as IJava does, so that cells produce live objects.
 * <p>
 * Each snippet runs on a pooled thread named {@code IJava-executor-N} whose context class loader is the
 * snippet class loader: ServiceLoader-based libraries such as ND4J then see jars added by the magics.
 * The snippet's value is kept as an object under a key that JShell reports as the value string.
 * <p>
 * An interrupt interrupts the running snippet's thread. Code that never checks
 * {@link Thread#interrupted()} (or blocks interruptibly) keeps running in the background even though the
 * cell already ended with "Evaluation interrupted."; only a kernel restart stops it.
 */
public final class InProcessExecutionControl extends DirectExecutionControl {
    static final String INTERRUPTED_MARKER = "Execution Interrupted";
    static final String TIMEOUT_MARKER = "Execution Timeout";
    static final String INTERRUPTED = "Evaluation interrupted.";
    private static final long STOP_GRACE_MS = 500;

    private final SnippetTimeout timeout;
    private final ExecutorService executor;
    private final Set<Future<?>> running = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private volatile boolean stopRequested;

    InProcessExecutionControl(SnippetTimeout timeout) {
        this.timeout = timeout;
        AtomicInteger threadCount = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "IJava-executor-" + threadCount.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        ClassLoader snippetLoader = doitMethod.getDeclaringClass().getClassLoader();
        try {
            return storeResult(runAsCell(() -> runWithContextLoader(doitMethod, snippetLoader)));
        } catch (CellInterrupted e) {
            throw new ExecutionControl.UserException(e.getMessage(), INTERRUPTED_MARKER, new StackTraceElement[0]);
        } catch (CellTimedOut e) {
            throw new ExecutionControl.UserException("Evaluation timed out.", TIMEOUT_MARKER, new StackTraceElement[0]);
        }
    }

    /**
     * Runs the user's code on a cell thread, where an interrupt and IJAVA_TIMEOUT reach it; the calling thread (the
     * kernel's shell thread) only waits. Throws what the code threw, or {@link CellInterrupted} / {@link
     * CellTimedOut}. An interrupt requested before the code starts (while JShell was still compiling) stops it too.
     */
    Object runAsCell(Callable<Object> code) throws Exception {
        if (stopRequested) throw new CellInterrupted(INTERRUPTED);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicReference<Thread> runner = new AtomicReference<>();
        Future<Object> task = executor.submit(() -> {
            runner.set(Thread.currentThread());
            try {
                return code.call();
            } finally {
                finished.countDown();
            }
        });
        running.add(task);
        try {
            if (stopRequested) task.cancel(true); // the interrupt came between the check and the submit
            return timeout.isUnlimited() ? task.get() : task.get(timeout.amount(), timeout.unit());
        } catch (CancellationException | InterruptedException e) {
            task.cancel(true);
            throw new CellInterrupted(stillRunningNote(finished, runner.get()));
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new CellTimedOut();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) throw exception;
            throw (Error) cause;
        } finally {
            running.remove(task);
        }
    }

    /** Code that ignores interrupts keeps running; the student should know that its thread is still busy. */
    private static String stillRunningNote(CountDownLatch finished, Thread runner) {
        try {
            if (runner == null || finished.await(STOP_GRACE_MS, TimeUnit.MILLISECONDS)) return INTERRUPTED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return INTERRUPTED + " The cell's code did not stop: its thread (" + runner.getName() + ") may still be "
                + "running in the background, using the CPU and changing variables, until the code checks "
                + "Thread.interrupted() or the kernel restarts.";
    }

    /** Marks the start of a cell: an interrupt requested while no cell ran is forgotten. */
    void beginCell() {
        stopRequested = false;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /** Thrown by {@link #runAsCell} when the code was interrupted; the message says whether it stopped. */
    static final class CellInterrupted extends Exception {
        CellInterrupted(String message) {
            super(message);
        }
    }

    /** Thrown by {@link #runAsCell} when the code ran longer than IJAVA_TIMEOUT. */
    static final class CellTimedOut extends Exception {
        CellTimedOut() {
            super("Evaluation timed out.");
        }
    }

    private static Object runWithContextLoader(Method doitMethod, ClassLoader snippetLoader) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(snippetLoader);
        try {
            return doitMethod.invoke(null);
        } finally {
            thread.setContextClassLoader(previous);
            Thread.interrupted(); // a pooled thread must not carry an interrupt into the next snippet
        }
    }

    private String storeResult(Object value) {
        if (value == null) return "";
        String key = UUID.randomUUID().toString();
        results.put(key, value);
        return key;
    }

    /** The live value JShell reported under {@code key}, or null; every stored value is dropped. */
    Object takeResult(String key) {
        Object value = key == null ? null : results.get(key);
        results.clear();
        return value;
    }

    /** Interrupts every running snippet thread; a snippet about to start does not start. */
    public void interruptRunning() {
        stopRequested = true;
        for (Future<?> task : running) task.cancel(true);
    }

    @Override
    public void stop() {
        interruptRunning();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        super.close();
    }

    SnippetTimeout timeout() {
        return timeout;
    }

    /** Hands JShell the one control instance the evaluator talks to. */
    static final class Provider implements ExecutionControlProvider {
        private final InProcessExecutionControl control;

        Provider(SnippetTimeout timeout) {
            this.control = new InProcessExecutionControl(timeout);
        }

        InProcessExecutionControl control() {
            return control;
        }

        @Override
        public String name() {
            return "IJava";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }

    /** Per-snippet timeout; {@code amount < 1} means none (IJAVA_TIMEOUT semantics). */
    public record SnippetTimeout(long amount, TimeUnit unit) {
        public static final SnippetTimeout NONE = new SnippetTimeout(-1, TimeUnit.MILLISECONDS);

        public boolean isUnlimited() {
            return amount < 1;
        }
    }
}
