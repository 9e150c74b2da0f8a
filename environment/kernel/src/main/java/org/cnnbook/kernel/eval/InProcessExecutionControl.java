package org.cnnbook.kernel.eval;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
    /** How long an interrupted cell gets to stop (e.g. a training epoch's evaluation) before the note says it did not. */
    private static final long STOP_GRACE_MS = 2000;

    private static final long REINTERRUPT_MS = 100;
    private static final long WAIT_STEP_MS = 250;

    private final SnippetTimeout timeout;
    private final ExecutorService executor;
    private final Set<Future<?>> running = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private volatile boolean stopRequested;
    private final List<Class<?>> cellClasses = new CopyOnWriteArrayList<>();
    private volatile ClassLoader lastSnippetLoader;
    private final Set<String> releasedVariables = new java.util.concurrent.ConcurrentSkipListSet<>();

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
        lastSnippetLoader = snippetLoader;
        cellClasses.add(doitMethod.getDeclaringClass());
        try {
            return storeResult(runAsCell(() -> runWithContextLoader(doitMethod, snippetLoader)));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof OutOfMemoryError outOfMemory) throw outOfMemory(outOfMemory);
            throw e;
        } catch (OutOfMemoryError e) {
            throw outOfMemory(e);
        } catch (Error e) { // JShell reports an Error from here as an internal failure and the cell as ok
            throw new ExecutionControl.UserException(
                    String.valueOf(e.getMessage()), e.getClass().getName(), e.getStackTrace());
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
            return awaitResult(task, runner);
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

    /**
     * The task's result. Waits in short steps: on a full heap the cell's thread can die outside the task (in the
     * pool's own code) and its future would then never complete; the kernel must notice and answer.
     */
    private Object awaitResult(Future<Object> task, AtomicReference<Thread> runner)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = timeout.isUnlimited()
                ? Long.MAX_VALUE
                : System.nanoTime() + timeout.unit().toNanos(timeout.amount());
        while (true) {
            try {
                return task.get(WAIT_STEP_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                if (System.nanoTime() - deadline > 0) throw notYet;
                Thread thread = runner.get();
                if (thread != null && !thread.isAlive() && !task.isDone())
                    throw new ExecutionException(new OutOfMemoryError("the cell's thread died (" + thread.getName()
                            + ") before it could report its result; most likely the heap is full"));
            }
        }
    }

    /**
     * Code that ignores interrupts keeps running; the student should know that its thread is still busy. While it
     * gets time to stop, it is interrupted again every {@value #REINTERRUPT_MS} ms: a library on the way may have
     * swallowed the first interrupt (caught an InterruptedException without restoring the flag).
     */
    private static String stillRunningNote(CountDownLatch finished, Thread runner) {
        try {
            if (runner == null) return INTERRUPTED;
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MS);
            while (!finished.await(REINTERRUPT_MS, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() - deadline > 0) return stillRunning(runner);
                runner.interrupt(); // the pool clears a worker's flag before its next task: a late one does no harm
            }
            return INTERRUPTED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return stillRunning(runner);
    }

    private static String stillRunning(Thread runner) {
        return INTERRUPTED + " The cell's code did not stop: its thread (" + runner.getName() + ") may still be "
                + "running in the background, using the CPU and changing variables, until the code checks "
                + "Thread.interrupted() or the kernel restarts.";
    }

    /** Marks the start of a cell: an interrupt requested while no cell ran is forgotten. */
    void beginCell() {
        stopRequested = false;
        cellClasses.clear();
        releasedVariables.clear();
    }

    /**
     * The cell ran out of memory. Before anything else allocates (JShell's own report of the exception would), the
     * memory goes back: the reserve, and this cell's variables, set to null by reflection (each JShell variable is a
     * static field of its snippet's class; no compiler needed, almost no memory). Earlier cells' variables stay.
     */
    private ExecutionControl.UserException outOfMemory(OutOfMemoryError error) {
        try {
            MemoryReserve.release();
            releaseCellVariables();
            results.clear();
        } catch (Throwable stillFull) {
            // JShell must get the user's OutOfMemoryError, not an error of this method (it would swallow that)
        }
        return new ExecutionControl.UserException(
                String.valueOf(error.getMessage()), OutOfMemoryError.class.getName(), error.getStackTrace());
    }

    private void releaseCellVariables() {
        for (Class<?> snippetClass : cellClasses)
            for (Field field : snippetClass.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) continue;
                try {
                    field.setAccessible(true);
                    if (field.get(null) == null) continue;
                    field.set(null, null);
                    if (!field.getName().startsWith("$")) releasedVariables.add(field.getName()); // $1: a temporary
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a final field keeps its value
                }
            }
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /** The variables of the current cell set to null because it ran out of memory. */
    List<String> releasedVariables() {
        return List.copyOf(releasedVariables);
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

    /** The class loader of the snippets that ran last (JShell's: it holds the jars added to the classpath), or null. */
    public ClassLoader snippetLoader() {
        return lastSnippetLoader;
    }

    /** Interrupts every running snippet thread; a snippet about to start does not start. */
    public void interruptRunning() {
        stopRequested = true;
        for (Future<?> task : running) task.cancel(true);
    }

    /** Snippet classes load with their System.exit / Runtime.exit / Runtime.halt calls redirected ({@link ExitGuard}). */
    @Override
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(ExitGuard.guard(classes));
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
