package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.reply.CompleteReply;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;
import io.github.spencerpark.jupyter.messages.reply.ExecuteReply;
import io.github.spencerpark.jupyter.messages.request.CompleteRequest;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import io.github.spencerpark.jupyter.messages.request.ShutdownRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cnnbook.kernel.KernelEnvironment;
import org.cnnbook.kernel.assist.CodeAssistant;
import org.cnnbook.kernel.eval.CellError;
import org.cnnbook.kernel.eval.CodeEvaluator;
import org.cnnbook.kernel.eval.ErrorFormatter;
import org.cnnbook.kernel.eval.MemoryReserve;
import org.cnnbook.kernel.extension.Extensions;
import org.cnnbook.kernel.io.CellStreams;
import org.cnnbook.kernel.io.Uninterrupted;
import org.cnnbook.kernel.lifecycle.KernelExit;
import org.cnnbook.kernel.magic.ClasspathMagics;
import org.cnnbook.kernel.magic.LoadMagic;
import org.cnnbook.kernel.magic.MagicCatalog;
import org.cnnbook.kernel.magic.MagicHost;
import org.cnnbook.kernel.magic.MagicTransformer;
import org.cnnbook.kernel.magic.MavenMagics;
import org.cnnbook.kernel.magic.TimeMagic;
import org.cnnbook.kernel.maven.LocalRepositoryLocator;
import org.cnnbook.kernel.maven.MavenResolver;
import org.cnnbook.kernel.protocol.EmptyHistoryReply;
import org.cnnbook.kernel.protocol.OkKernelInfoReply;
import org.cnnbook.kernel.widget.WidgetComms;
import org.cnnbook.kernel.widget.WidgetView;

/**
 * The Java kernel: IJava 1.3.0's behaviour (same class name, magics, display functions and error format) on
 * jupyter-jvm-basekernel 2.3.0, with IJava's known defects fixed (see environment/README.md).
 */
public class JavaKernel extends BaseKernel implements MagicHost {
    static final String VERSION = "1.0";
    private static final String INIT_SCRIPT = "ijava-jshell-init.jshell";

    private final CodeEvaluator evaluator;
    private final MagicTransformer magicTransformer = new MagicTransformer();
    private final MagicCatalog magics = new MagicCatalog();
    private final MavenResolver mavenResolver;
    private final CodeAssistant assistant;
    private final ErrorFormatter errorFormatter;
    private final LanguageInfo languageInfo;
    private final CellStreams streams = new CellStreams(System.out, System.err);
    private volatile boolean lastCellFailed;
    private final Extensions extensions;
    private volatile int classpathChanges;
    private int extensionsScannedAt;

    public JavaKernel(KernelEnvironment environment) throws IOException {
        List<String> startup = new ArrayList<>();
        startup.add(readResource(INIT_SCRIPT));
        startup.addAll(environment.startupScripts());
        this.evaluator = new CodeEvaluator(environment.compilerOptions(), startup, environment.timeout());
        this.extensions = new Extensions(getRenderer(), System.getenv());
        this.commManager = new WidgetComms(evaluator::snippetLoader);
        WidgetView.register(getRenderer());
        environment.classpath().forEach(this::addToClasspath);
        this.mavenResolver =
                new MavenResolver(LocalRepositoryLocator.locate(System.getenv()), () -> System.out, System.getenv());
        this.assistant = new CodeAssistant(evaluator.getShell().sourceCodeAnalysis());
        this.errorFormatter = new ErrorFormatter(
                evaluator.getShell(), evaluator::unresolvedDependencies, evaluator::releasedAfterOutOfMemory);
        this.languageInfo = new LanguageInfo.Builder("Java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
        new ClasspathMagics(this).registerIn(magics);
        new MavenMagics(mavenResolver, this).registerIn(magics);
        new LoadMagic(this).registerIn(magics);
        new TimeMagic(this).registerIn(magics);
    }

    private static String readResource(String name) throws IOException {
        try (InputStream in = JavaKernel.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("Kernel resource missing: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public Magics getMagics() {
        return magics;
    }

    public MavenResolver getMavenResolver() {
        return mavenResolver;
    }

    @Override
    public void addToClasspath(String path) {
        evaluator.addToClasspath(path);
        classpathChanges++;
    }

    /** Runs code through the whole pipeline (magics, then JShell) and returns the live value, or null. */
    public Object evalRaw(String code) throws Exception {
        return evaluator.eval(magicTransformer.transform(code));
    }

    @Override
    public void evalSilently(String code) throws Exception {
        evalRaw(code);
    }

    @Override
    public Object evalValue(String code) throws Exception {
        return evalRaw(code);
    }

    @Override
    public void displayText(String text) {
        display(new DisplayData(text));
    }

    /**
     * Makes the kernel's own streams ({@link CellStreams}) the process's {@code System.out}/{@code err} for good, and
     * {@code System.in} the notebook's input. Called once, by the entry point (tests keep the JVM's streams).
     */
    public void installStandardStreams() {
        setShouldReplaceStdStreams(false); // basekernel would swap them per cell and send later output to the terminal
        System.setOut(streams.out);
        System.setErr(streams.err);
        System.setIn(getIO().in);
    }

    /**
     * Runs a cell. Whatever it throws, {@code Error}s included and wherever they come from (the cell's code, JShell's
     * compiler, the {@code toString} that renders its value), becomes an exception basekernel answers with an error
     * reply; the kernel's own thread never dies of it.
     */
    @Override
    public DisplayData eval(String code) throws Exception {
        try {
            Object value = evalRaw(code);
            installNewExtensions();
            if (value == null) return null;
            if (value instanceof DisplayData data) return data;
            return (DisplayData) evaluator.callAsCell(() -> getRenderer().render(value), code);
        } catch (Exception e) {
            failed();
            throw e;
        } catch (Throwable t) {
            MemoryReserve.release(); // if the heap is full, formatting and sending the error needs a little of it
            failed();
            throw new CellError(t);
        } finally {
            System.out.flush();
            System.err.flush();
        }
    }

    /** The cell failed: what is queued now, before its error reply goes out, is what stop_on_error may abort. */
    private void failed() {
        lastCellFailed = true;
        ShellChannel.holdQueuedRequests();
    }

    /** JJava's extensions in jars the cell added, installed before its value is rendered (they may render it). */
    private void installNewExtensions() {
        if (classpathChanges == extensionsScannedAt) return;
        extensionsScannedAt = classpathChanges;
        extensions.installNew(evaluator.snippetLoader());
    }

    @Override
    public void display(DisplayData data) {
        System.out.flush(); // text printed before a picture appears before it
        Uninterrupted.run(() -> super.display(data));
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return String.format(
                "Java %s :: IJava-compatible kernel %s \nProtocol v%s implementation by %s %s",
                Runtime.version(), VERSION, "5.3", KERNEL_META.get("project"), KERNEL_META.get("version"));
    }

    @Override
    public List<LanguageInfo.Help> getHelpLinks() {
        return List.of(
                new LanguageInfo.Help(
                        "Java tutorial", "https://docs.oracle.com/javase/tutorial/java/nutsandbolts/index.html"),
                new LanguageInfo.Help("IJava homepage", "https://github.com/SpencerPark/IJava"));
    }

    // Completion and inspection run JShell's analysis on the kernel's thread: nothing they throw may end it.

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        try {
            return assistant.inspect(code, at);
        } catch (Throwable t) {
            return null;
        }
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        CodeAssistant.Completion completion = completeWithTypes(code, at);
        return completion == null
                ? null
                : new ReplacementOptions(completion.matches(), completion.start(), completion.end());
    }

    /**
     * Tab's suggestions with their signatures, or null when there are none (or JShell failed to analyse). A line that
     * is the start of a magic ({@code %cl}, {@code %%}) completes to the magics' names.
     */
    public CodeAssistant.Completion completeWithTypes(String code, int at) {
        try {
            int lineStart = code.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
            List<String> names = magics.completions(code.substring(lineStart, at));
            if (!names.isEmpty())
                return new CodeAssistant.Completion(
                        names, lineStart, at, java.util.Collections.nCopies(names.size(), ""));
            return assistant.complete(code, at);
        } catch (Throwable t) {
            return null;
        }
    }

    @Override
    public String isComplete(String code) {
        try {
            return assistant.isComplete(code);
        } catch (Throwable t) {
            return IS_COMPLETE_MAYBE;
        }
    }

    @Override
    public void interrupt() {
        evaluator.interrupt();
    }

    @Override
    public void onShutdown(boolean restarting) {
        extensions.uninstallAll();
        evaluator.shutdown();
    }

    @Override
    public List<String> formatError(Exception e) {
        try {
            return errorFormatter.format(e);
        } catch (Throwable t) { // e.g. a StackOverflowError again while printing a deep trace
            return List.of(String.valueOf(e), "(the full error could not be formatted: " + t + ")");
        }
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        ShellHandler<ExecuteRequest> execute = connection.getHandler(MessageType.EXECUTE_REQUEST);
        connection.setHandler(MessageType.EXECUTE_REQUEST, (env, request) -> {
            streams.attach(env);
            lastCellFailed = false;
            try {
                execute.handle(env, request);
            } catch (Throwable t) { // sending the result or the error failed: still answer
                failed();
                MemoryReserve.release();
                env.defer()
                        .replyError(
                                ExecuteReply.MESSAGE_TYPE.error(),
                                new ErrorReply(
                                        t.getClass().getSimpleName(), String.valueOf(t.getMessage()), List.of()));
            }
            MemoryReserve.restore();
            if (lastCellFailed && request.getContent().shouldStopOnError()) ShellChannel.abortQueuedExecuteRequests();
        });
        ShellHandler<ShutdownRequest> shutdown = connection.getHandler(MessageType.SHUTDOWN_REQUEST);
        connection.setHandler(MessageType.SHUTDOWN_REQUEST, (env, request) -> {
            shutdown.handle(env, request);
            KernelExit.haltLater(0, KernelExit.GRACE_MS); // even if a cell's thread ignores the interrupt
        });
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, request) -> {
            env.setBusyDeferIdle();
            env.reply(new OkKernelInfoReply(
                    "5.3",
                    KERNEL_META.get("project"),
                    KERNEL_META.get("version"),
                    getLanguageInfo(),
                    getBanner(),
                    getHelpLinks()));
        });
        connection.setHandler(MessageType.COMPLETE_REQUEST, (env, request) -> {
            env.setBusyDeferIdle();
            CompleteRequest asked = request.getContent();
            CodeAssistant.Completion completion = completeWithTypes(asked.getCode(), asked.getCursorPos());
            env.reply(
                    completion == null
                            ? new CompleteReply(List.of(), asked.getCursorPos(), asked.getCursorPos(), Map.of())
                            : new CompleteReply(
                                    completion.matches(), completion.start(), completion.end(), completion.metadata()));
        });
        connection.setHandler(MessageType.HISTORY_REQUEST, (env, request) -> {
            env.setBusyDeferIdle();
            env.reply(new EmptyHistoryReply());
        });
    }
}
