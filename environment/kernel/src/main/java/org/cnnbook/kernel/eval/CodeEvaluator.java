package org.cnnbook.kernel.eval;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Evaluates cells with one JShell whose snippets run in this JVM.
 * <p>
 * A cell is split into snippets with {@link SourceCodeAnalysis#analyzeCompletion}; they run in order and the
 * cell stops at the first failing one. Only the last snippet's value is the cell's value, and only when that
 * snippet is an expression or a bare variable name (IJava's last-value rule).
 */
public class CodeEvaluator {
    private final JShell shell;
    private final InProcessExecutionControl control;
    private final List<String> startupScripts;
    private boolean startupDone;

    public CodeEvaluator(
            List<String> compilerOptions,
            List<String> startupScripts,
            InProcessExecutionControl.SnippetTimeout timeout) {
        InProcessExecutionControl.Provider provider = new InProcessExecutionControl.Provider(timeout);
        this.shell = JShell.builder()
                .out(new PrintStream(forwardTo(() -> System.out), true))
                .err(new PrintStream(forwardTo(() -> System.err), true))
                .in(new InputStream() {
                    @Override
                    public int read() throws java.io.IOException {
                        return System.in.read();
                    }
                })
                .executionEngine(provider, Map.of())
                .compilerOptions(compilerOptions.toArray(String[]::new))
                .build();
        this.control = provider.control();
        MemoryReserve.take();
        this.startupScripts = List.copyOf(startupScripts);
    }

    private static OutputStream forwardTo(Supplier<PrintStream> target) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                target.get().write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                target.get().write(b, off, len);
            }

            @Override
            public void flush() {
                target.get().flush();
            }
        };
    }

    public JShell getShell() {
        return shell;
    }

    /** Evaluates a cell (already free of magics) and returns the live value of its last snippet, or null. */
    public Object eval(String code) throws Exception {
        control.beginCell();
        runStartupScriptsOnce();
        return evalSnippets(code);
    }

    /**
     * Runs more of the cell's own code (e.g. the {@code toString} that renders its value) where an interrupt and the
     * timeout reach it, like a snippet: never on the kernel's own thread, where an endless loop would deafen the
     * kernel.
     */
    public Object callAsCell(Callable<Object> code, String source) throws Exception {
        try {
            return control.runAsCell(code);
        } catch (InProcessExecutionControl.CellInterrupted e) {
            throw new EvaluationInterruptedException(source, e.getMessage());
        } catch (InProcessExecutionControl.CellTimedOut e) {
            InProcessExecutionControl.SnippetTimeout timeout = control.timeout();
            throw new EvaluationTimeoutException(timeout.amount(), timeout.unit(), source);
        }
    }

    private synchronized void runStartupScriptsOnce() throws Exception {
        if (startupDone) return;
        startupDone = true;
        for (String script : startupScripts) evalSnippets(script);
    }

    /**
     * The variables set to null because the last cell ran out of memory (empty when it did not): a cell that filled
     * a variable it declared ({@code var images = new ArrayList<>(); while (...) images.add(...)}) would otherwise
     * keep the heap full, and every later allocation of the kernel would fail too.
     */
    public List<String> releasedAfterOutOfMemory() {
        return control.releasedVariables();
    }

    private Object evalSnippets(String code) throws Exception {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        Object lastValue = null;
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
        while (info.completeness().isComplete()) {
            if (control.stopRequested()) throw new EvaluationInterruptedException(info.source());
            lastValue = evalSnippet(info.source());
            remaining = info.remaining();
            info = analysis.analyzeCompletion(remaining);
        }
        if (info.completeness() != SourceCodeAnalysis.Completeness.EMPTY)
            throw new IncompleteSourceException(info.remaining().trim());
        return lastValue;
    }

    private Object evalSnippet(String source) throws Exception {
        List<SnippetEvent> events = shell.eval(source);
        Object value = null;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) continue;
            JShellException thrown = event.exception();
            if (thrown != null) {
                control.takeResult(null);
                throw translate(thrown, source);
            }
            if (!event.status().isDefined()) throw new CompilationException(event);
            value = isValueProducing(event.snippet()) ? control.takeResult(event.value()) : control.takeResult(null);
        }
        return value;
    }

    private Exception translate(JShellException thrown, String source) {
        if (thrown instanceof EvalException evalException) {
            String className = evalException.getExceptionClassName();
            if (InProcessExecutionControl.INTERRUPTED_MARKER.equals(className))
                return new EvaluationInterruptedException(source, evalException.getMessage());
            if (InProcessExecutionControl.TIMEOUT_MARKER.equals(className)) {
                InProcessExecutionControl.SnippetTimeout timeout = control.timeout();
                return new EvaluationTimeoutException(timeout.amount(), timeout.unit(), source);
            }
        }
        return thrown;
    }

    private static boolean isValueProducing(Snippet snippet) {
        return switch (snippet.subKind()) {
            case VAR_VALUE_SUBKIND, TEMP_VAR_EXPRESSION_SUBKIND, OTHER_EXPRESSION_SUBKIND -> true;
            default -> false;
        };
    }

    /** Interrupts the running cell's threads (the cell ends with "Evaluation interrupted."). */
    public void interrupt() {
        control.interruptRunning();
    }

    /** JShell's class loader, as the last snippet ran in it (null before the first), for libraries' service files. */
    public ClassLoader snippetLoader() {
        return control.snippetLoader();
    }

    public void addToClasspath(String path) {
        shell.addToClasspath(path);
        String current = System.getProperty("java.class.path", "");
        System.setProperty("java.class.path", current.isEmpty() ? path : current + java.io.File.pathSeparator + path);
    }

    /** Unresolved dependencies of a declaration, for error messages. */
    public List<String> unresolvedDependencies(Snippet snippet) {
        if (snippet instanceof jdk.jshell.DeclarationSnippet declaration)
            return shell.unresolvedDependencies(declaration).toList();
        return new ArrayList<>();
    }

    public void shutdown() {
        control.interruptRunning();
        shell.close();
    }
}
