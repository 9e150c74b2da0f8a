package org.cnnbook.engine;

import org.bytedeco.javacpp.Loader;
import org.deeplearning4j.config.DL4JClassLoading;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Prepares ND4J before it first loads, so every user of lib gets the fast CPU path and a working backend in
 * any notebook kernel (upstream IJava included):
 * <ul>
 *   <li>ND4J and DL4J find their backend and helpers through lib's own class loader (inside notebook kernels
 *       the thread's context class loader often cannot see jars added with %jars: "Could not initialize class
 *       org.nd4j.linalg.factory.Nd4j");</li>
 *   <li>the oneDNN build of the natives is chosen when it is on the classpath;</li>
 *   <li>DL4J's layer helpers (off by default in M2.1) are switched on; see {@link org.nd4j.nativeblas.Nd4jCpu}
 *       for the repaired helper lookup;</li>
 *   <li>OpenBLAS runs single-threaded (unless {@code OPENBLAS_NUM_THREADS} says otherwise): its threads keep
 *       spinning after each small matrix product and steal the cores from libnd4j's OpenMP threads
 *       (bench/NOTES.md has the measurement);</li>
 *   <li>JavaCPP's physical-memory limit is lifted (its heap-sized limit on native allocations stays): checking it
 *       reads the process's resident size on every native allocation (a few per cent of a training step).</li>
 * </ul>
 * {@code CNNBOOK_ONEDNN=0} (or the system property {@code cnnbook.oneDnn=false}) keeps DL4J's defaults: the plain
 * natives, no helpers. Which layer classes a model uses is a separate, explicit choice ({@code LayerSet}).
 */
public final class Nd4jSetup {
    public static final String HELPERS_DISABLED_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";
    /** JavaCPP reads the process's resident size on every native allocation while this limit is set. */
    static final String PHYSICAL_BYTES_PROPERTY = "org.bytedeco.javacpp.maxPhysicalBytes";

    static final String PLATFORM_EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    private static volatile boolean done;
    private static volatile boolean oneDnnNatives;

    private Nd4jSetup() {}

    public static void ensure() {
        initialize(true);
    }

    private static synchronized void initialize(boolean announce) {
        if (done) {
            Thread.currentThread().setContextClassLoader(Nd4jSetup.class.getClassLoader());
            return;
        }
        if (oneDnnWanted() && System.getProperty(PHYSICAL_BYTES_PROPERTY) == null)
            System.setProperty(PHYSICAL_BYTES_PROPERTY, "0");
        ClassLoader lib = Nd4jSetup.class.getClassLoader();
        Thread.currentThread().setContextClassLoader(lib);
        ND4JClassLoading.setNd4jClassloader(lib);
        DL4JClassLoading.setDl4jClassloader(lib);
        if (oneDnnWanted()) {
            String oneDnn = Loader.getPlatform() + "-onednn";
            oneDnnNatives = lib.getResource("org/nd4j/linalg/cpu/nativecpu/bindings/" + oneDnn + "/") != null;
            if (oneDnnNatives && System.getProperty(PLATFORM_EXTENSION_PROPERTY) == null)
                System.setProperty(PLATFORM_EXTENSION_PROPERTY, "-onednn");
            if (System.getProperty(HELPERS_DISABLED_PROPERTY) == null)
                System.setProperty(HELPERS_DISABLED_PROPERTY, "false");
        }
        Nd4j.create(1); // load the backend now, under this setup
        if (oneDnnWanted() && System.getenv("OPENBLAS_NUM_THREADS") == null)
            Nd4j.factory().blas().setMaxThreads(1);
        done = true;
        if (announce) System.out.println(currentPath());
    }

    static boolean oneDnnWanted() {
        return !"0".equals(System.getenv("CNNBOOK_ONEDNN"))
                && !"false".equalsIgnoreCase(System.getProperty("cnnbook.oneDnn"));
    }

    /** Whether ND4J runs on the oneDNN build of its natives (which lib's own layers call directly). */
    public static boolean oneDnnActive() {
        ensure();
        return oneDnnNatives;
    }

    /** Whether DL4J layers will use the oneDNN helpers. */
    public static boolean helpersActive() {
        ensure();
        return !Boolean.parseBoolean(System.getProperty(HELPERS_DISABLED_PROPERTY, "true"))
                && org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper.mklDnnEnabled();
    }

    /** Switches DL4J's layer helpers on or off for models built from now on (to compare both paths). */
    public static void useLayerHelpers(boolean on) {
        ensure();
        System.setProperty(HELPERS_DISABLED_PROPERTY, Boolean.toString(!on));
    }

    /**
     * OpenBLAS's threads from now on ({@code threads} at least 1): lib keeps it on one (see above); DL4J's own default
     * is one per core. Notebook 9 switches it to time DL4J's paths as DL4J runs them.
     */
    public static void useBlasThreads(int threads) {
        ensure();
        if (threads < 1) throw new IllegalArgumentException("OpenBLAS needs at least one thread, not " + threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    /** One line saying which CPU path is active, e.g. for the top of a notebook. */
    public static String describe() {
        initialize(false);
        return currentPath();
    }

    private static String currentPath() {
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        boolean helpers = !Boolean.parseBoolean(System.getProperty(HELPERS_DISABLED_PROPERTY, "true"))
                && org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper.mklDnnEnabled();
        return String.format(
                "[cnnbook] ND4J %s on %s, natives %s, DL4J layer helpers %s%s",
                backend,
                Loader.getPlatform(),
                oneDnnNatives ? "with oneDNN" : "without oneDNN",
                helpers ? "on" : "off",
                helpers ? "" : ": DL4J's default (slow) path");
    }
}
