package org.cnnbook.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.cnnbook.kernel.maven.MavenResolver;
import org.junit.jupiter.api.Test;

class MavenMagicsTest {
    private final List<String> classpath = new ArrayList<>();
    private final MagicHost host = new MagicHost() {
        @Override
        public void addToClasspath(String path) {
            classpath.add(path);
        }

        @Override
        public void evalSilently(String code) {}

        @Override
        public Object evalValue(String code) {
            return null;
        }

        @Override
        public void displayText(String text) {}
    };

    /** A resolution that finishes (from the local repository, say) although the cell was interrupted meanwhile. */
    private final MavenResolver finishesAnyway =
            new MavenResolver(Path.of("unused-local-repository"), () -> System.out, Map.of()) {
                @Override
                public List<Path> resolve(List<String> coordinates, List<String> from) {
                    return List.of(Path.of("/resolved/late.jar"));
                }
            };

    @Test
    void anInterruptedResolutionAddsNothingToTheClassPath() throws Exception {
        MavenMagics magics = new MavenMagics(finishesAnyway, host);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread cell = new Thread(() -> {
            Thread.currentThread().interrupt(); // the student pressed interrupt while it was downloading
            try {
                magics.addDependencies(List.of("org.example:late:1.0"));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        cell.start();
        cell.join();
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
        assertTrue(thrown.get().getMessage().contains("nothing was added"));
        assertEquals(List.of(), classpath);
    }

    @Test
    void anUninterruptedResolutionAddsItsJars() throws Exception {
        assertEquals(
                List.of("/resolved/late.jar"), new MavenMagics(finishesAnyway, host).addDependencies(List.of("x:y:1")));
        assertEquals(List.of("/resolved/late.jar"), classpath);
    }
}
