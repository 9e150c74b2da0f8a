package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import io.github.spencerpark.jupyter.messages.MessageType;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cnnbook.kernel.KernelEnvironment;
import org.cnnbook.kernel.assist.CodeAssistant;
import org.cnnbook.kernel.eval.CodeEvaluator;
import org.cnnbook.kernel.eval.ErrorFormatter;
import org.cnnbook.kernel.io.LineBufferedOutputStream;
import org.cnnbook.kernel.magic.ClasspathMagics;
import org.cnnbook.kernel.magic.LoadMagic;
import org.cnnbook.kernel.magic.MagicHost;
import org.cnnbook.kernel.magic.MagicTransformer;
import org.cnnbook.kernel.magic.MavenMagics;
import org.cnnbook.kernel.maven.LocalRepositoryLocator;
import org.cnnbook.kernel.maven.MavenResolver;
import org.cnnbook.kernel.protocol.EmptyHistoryReply;
import org.cnnbook.kernel.protocol.OkKernelInfoReply;

/**
 * The Java kernel: IJava 1.3.0's behaviour (same class name, magics, display functions and error format) on
 * jupyter-jvm-basekernel 2.3.0, with IJava's known defects fixed (see environment/README.md).
 */
public class JavaKernel extends BaseKernel implements MagicHost {
    static final String VERSION = "1.0";
    private static final String INIT_SCRIPT = "ijava-jshell-init.jshell";

    private final CodeEvaluator evaluator;
    private final MagicTransformer magicTransformer = new MagicTransformer();
    private final Magics magics = new Magics();
    private final MavenResolver mavenResolver;
    private final CodeAssistant assistant;
    private final ErrorFormatter errorFormatter;
    private final LanguageInfo languageInfo;

    public JavaKernel(KernelEnvironment environment) throws IOException {
        List<String> startup = new ArrayList<>();
        startup.add(readResource(INIT_SCRIPT));
        startup.addAll(environment.startupScripts());
        this.evaluator = new CodeEvaluator(environment.compilerOptions(), startup, environment.timeout());
        environment.classpath().forEach(this::addToClasspath);
        this.mavenResolver = new MavenResolver(LocalRepositoryLocator.locate(System.getenv()), () -> System.out);
        this.assistant = new CodeAssistant(evaluator.getShell().sourceCodeAnalysis());
        this.errorFormatter = new ErrorFormatter(evaluator.getShell(), evaluator::unresolvedDependencies);
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
    public DisplayData eval(String code) throws Exception {
        PrintStream cellOut = System.out;
        PrintStream cellErr = System.err;
        PrintStream lineOut = new PrintStream(new LineBufferedOutputStream(cellOut), false, StandardCharsets.UTF_8);
        PrintStream lineErr = new PrintStream(new LineBufferedOutputStream(cellErr), false, StandardCharsets.UTF_8);
        System.setOut(lineOut);
        System.setErr(lineErr);
        try {
            Object value = evalRaw(code);
            if (value == null) return null;
            if (value instanceof DisplayData data) return data;
            return getRenderer().render(value);
        } finally {
            lineOut.flush();
            lineErr.flush();
            System.setOut(cellOut);
            System.setErr(cellErr);
        }
    }

    @Override
    public void display(DisplayData data) {
        System.out.flush(); // text printed before a picture appears before it
        super.display(data);
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

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return assistant.inspect(code, at);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return assistant.complete(code, at);
    }

    @Override
    public String isComplete(String code) {
        return assistant.isComplete(code);
    }

    @Override
    public void interrupt() {
        evaluator.interrupt();
    }

    @Override
    public void onShutdown(boolean restarting) {
        evaluator.shutdown();
    }

    @Override
    public List<String> formatError(Exception e) {
        return errorFormatter.format(e);
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
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
        connection.setHandler(MessageType.HISTORY_REQUEST, (env, request) -> {
            env.setBusyDeferIdle();
            env.reply(new EmptyHistoryReply());
        });
    }
}
