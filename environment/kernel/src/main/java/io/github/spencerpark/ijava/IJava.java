package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cnnbook.kernel.KernelEnvironment;
import org.cnnbook.kernel.lifecycle.KernelExit;
import org.cnnbook.kernel.lifecycle.KernelThreads;
import org.cnnbook.kernel.lifecycle.ParentWatch;

/** Entry point: {@code java -jar java-kernel.jar <connection file>}, as Jupyter starts it. */
public class IJava {
    private static volatile JavaKernel kernel;

    public static JavaKernel getKernelInstance() {
        return kernel;
    }

    /** Makes {@code kernel} the one the notebook functions (display, eval, magics) talk to. */
    public static void install(JavaKernel instance) {
        kernel = instance;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1)
            exit("Usage: java -jar java-kernel.jar <connection-file>. "
                    + "Jupyter passes the connection file itself; start the kernel from Jupyter (kernelspec 'java').");
        requireJShell();
        KernelConnectionProperties connection = readConnectionFile(Path.of(args[0]));
        KernelEnvironment environment;
        try {
            environment = KernelEnvironment.from(System.getenv());
        } catch (IllegalArgumentException e) {
            exit("The Java kernel cannot start: " + e.getMessage());
            return;
        }
        quietKernelInternals();
        KernelThreads.install();

        // The ports first: the longer a port Jupyter chose stays unbound, the likelier another program takes it.
        JupyterConnection jupyter = new JupyterConnection(connection);
        try {
            jupyter.connect();
        } catch (RuntimeException e) { // e.g. ZMQException "Address already in use"
            // Without this the sockets already bound would keep the JVM alive, deaf on the others, and Jupyter
            // would wait for it forever; exiting lets Jupyter start the kernel again with new ports.
            KernelExit.exit(
                    1,
                    "The Java kernel could not open the ports Jupyter gave it (" + e.getMessage() + "): another "
                            + "program took one of them between Jupyter choosing it and the kernel starting (likely "
                            + "when many kernels start at once). The kernel exits; Jupyter starts it again.");
            return;
        }
        JavaKernel javaKernel = new JavaKernel(environment);
        install(javaKernel);
        javaKernel.installStandardStreams();
        ParentWatch.start(System.getenv());
        javaKernel.becomeHandlerForConnection(jupyter);
        ShellChannel.openForRequests();
        jupyter.waitUntilClose();
        System.exit(0);
    }

    /** A JRE (or a jlink image without it) has no JShell; say what to install rather than fail on a missing class. */
    static void requireJShell() {
        if (ModuleLayer.boot().findModule("jdk.jshell").isEmpty())
            exit("The Java kernel runs cells with JShell, but the Java at " + System.getProperty("java.home")
                    + " (version " + Runtime.version() + ") has no jdk.jshell module: it is a JRE. Install a JDK 17 or "
                    + "newer (e.g. apt-get install openjdk-17-jdk-headless) or point IJAVA_JAVA_HOME at one.");
    }

    /** basekernel logs every socket loop at INFO under many logger names; only its problems belong in the log. */
    private static void quietKernelInternals() {
        Logger.getLogger("Jupyter").setLevel(Level.WARNING);
        for (Handler handler : Logger.getLogger("").getHandlers())
            handler.setFilter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()
                    || entry.getSourceClassName() == null
                    || !entry.getSourceClassName().startsWith("io.github.spencerpark.jupyter"));
    }

    static KernelConnectionProperties readConnectionFile(Path file) {
        if (!Files.isRegularFile(file))
            exit("The connection file " + file.toAbsolutePath() + " does not exist. Start the kernel from Jupyter, "
                    + "which writes that file and passes its path.");
        KernelConnectionProperties properties;
        try {
            properties = parse(file);
            properties.createHMACGenerator();
        } catch (Exception e) {
            exit("The connection file " + file.toAbsolutePath() + " is not a valid Jupyter connection file ("
                    + e.getMessage() + "). It must be JSON with transport, ip, shell_port, iopub_port, stdin_port, "
                    + "control_port, hb_port, signature_scheme and key.");
            return null;
        }
        if (!"tcp".equals(properties.getTransport()))
            // JeroMQ, the Java ZeroMQ, emulates ipc with loopback TCP ports that jupyter_client never connects to:
            // without this check the kernel would wait forever for a client that cannot reach it.
            exit("The Java kernel supports only the tcp transport, not '" + properties.getTransport() + "': the Java "
                    + "ZeroMQ library (JeroMQ) has no Unix domain sockets in any released version. Start it with "
                    + "transport tcp (Jupyter's default; e.g. remove --transport=ipc or KernelManager.transport).");
        return properties;
    }

    private static KernelConnectionProperties parse(Path file) throws Exception {
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(file));
        if (properties == null
                || properties.getIp() == null
                || properties.getTransport() == null
                || properties.getShellPort() <= 0
                || properties.getIopubPort() <= 0
                || properties.getControlPort() <= 0
                || properties.getHbPort() <= 0
                || properties.getStdinPort() <= 0)
            throw new IllegalArgumentException("it lacks ip, transport or one of the five ports");
        return properties;
    }

    private static void exit(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
