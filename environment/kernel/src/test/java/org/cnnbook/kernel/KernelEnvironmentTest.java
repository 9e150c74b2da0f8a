package org.cnnbook.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cnnbook.kernel.eval.InProcessExecutionControl.SnippetTimeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelEnvironmentTest {
    @Test
    void compilerOptionsSplitOnBlanksWithQuotesAndEscapes() {
        assertEquals(
                List.of("-Xlint:all", "--enable-preview", "a b", "say \"hi\""),
                KernelEnvironment.splitOptions("-Xlint:all \t --enable-preview \"a b\" say\\ \\\"hi\\\""));
        assertEquals(List.of(), KernelEnvironment.splitOptions("   "));
    }

    @Test
    void timeoutIsMillisecondsOrNumberWithUnit() {
        assertEquals(new SnippetTimeout(1500, TimeUnit.MILLISECONDS), KernelEnvironment.parseTimeout("1500"));
        assertEquals(new SnippetTimeout(30, TimeUnit.SECONDS), KernelEnvironment.parseTimeout("30 SECONDS"));
        assertEquals(new SnippetTimeout(2, TimeUnit.MINUTES), KernelEnvironment.parseTimeout("2 minutes"));
        assertTrue(KernelEnvironment.parseTimeout("-1").isUnlimited());
        assertTrue(KernelEnvironment.parseTimeout("0").isUnlimited());
        assertTrue(KernelEnvironment.parseTimeout("NO_TIMEOUT").isUnlimited());
        assertTrue(KernelEnvironment.parseTimeout(null).isUnlimited());
    }

    @Test
    void badTimeoutsAreExplained() {
        IllegalArgumentException notANumber =
                assertThrows(IllegalArgumentException.class, () -> KernelEnvironment.parseTimeout("soon"));
        assertTrue(notANumber.getMessage().contains("30 SECONDS"), notANumber.getMessage());
        IllegalArgumentException badUnit =
                assertThrows(IllegalArgumentException.class, () -> KernelEnvironment.parseTimeout("5 fortnights"));
        assertTrue(badUnit.getMessage().contains("not a time unit"), badUnit.getMessage());
    }

    @Test
    void classpathGlobsMatchFilesAndDirectories(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("a.jar"));
        Files.createFile(dir.resolve("b.jar"));
        Files.createFile(dir.resolve("notes.txt"));
        Files.createDirectory(dir.resolve("classes"));
        String base = dir.toString().replace(File.separatorChar, '/');

        List<String> jars = KernelEnvironment.matchingPaths(base + "/*.jar", true);
        assertEquals(2, jars.size());
        assertTrue(jars.stream().allMatch(p -> p.endsWith(".jar")));

        List<String> everything = KernelEnvironment.matchingPaths(base + "/*", false);
        assertTrue(everything.contains(dir.resolve("classes").toString()), everything.toString());
        List<String> single =
                KernelEnvironment.matchingPaths(base + "/a.jar" + File.pathSeparator + base + "/?.txt", true);
        assertEquals(List.of(dir.resolve("a.jar").toString()), single, "a.jar matches; no .txt has one letter");
    }

    @Test
    void environmentVariablesAreReadWithIJavaNames(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("init.jsh"), "int fromFile = 1;");
        KernelEnvironment env = KernelEnvironment.from(Map.of(
                KernelEnvironment.COMPILER_OPTS, "-parameters",
                KernelEnvironment.STARTUP_SCRIPTS_PATH, script.toString().replace(File.separatorChar, '/'),
                KernelEnvironment.STARTUP_SCRIPT, "int inline = 2;",
                KernelEnvironment.TIMEOUT, "10 SECONDS"));
        assertEquals(List.of("-parameters"), env.compilerOptions());
        assertEquals(List.of("int fromFile = 1;", "int inline = 2;"), env.startupScripts());
        assertEquals(new SnippetTimeout(10, TimeUnit.SECONDS), env.timeout());
        assertTrue(env.classpath().isEmpty());
    }
}
