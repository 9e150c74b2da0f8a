package org.cnnbook.kernel.maven;

import static org.junit.jupiter.api.Assertions.*;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cnnbook.kernel.TestJars;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Resolution against a real (file-based) Maven repository built here, with a fresh local repository. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MavenResolverTest {
    @TempDir
    static Path work;

    private Path remote;
    private MavenResolver resolver;

    @BeforeAll
    void createRepository() throws Exception {
        remote = work.resolve("remote");
        publish("leaf", "1.0", "", "");
        publish("leaf", "1.0", "natives", "");
        publish("leaf", "2.0", "", "");
        publish("app", "1.0", "", dependency("leaf", "1.0"));
        publish("other", "1.0", "", dependency("leaf", "2.0"));
        writePom(
                "bom",
                "1.0",
                "pom",
                """
                <dependencyManagement><dependencies>%s</dependencies></dependencyManagement>
                """
                        .formatted(dependency("leaf", "2.0")));
        resolver =
                new MavenResolver(work.resolve("local"), () -> new PrintStream(OutputStream.nullOutputStream()), false);
        resolver.addRepository("test", remote.toUri().toString());
    }

    private static String dependency(String artifact, String version) {
        return "<dependency><groupId>org.test</groupId><artifactId>" + artifact + "</artifactId><version>" + version
                + "</version></dependency>";
    }

    private void publish(String artifact, String version, String classifier, String dependencies) throws Exception {
        Path dir = remote.resolve("org/test/" + artifact + "/" + version);
        String suffix = classifier.isEmpty() ? "" : "-" + classifier;
        String pkg = artifact + version.replace(".", "") + classifier;
        TestJars.build(
                dir.resolve(artifact + "-" + version + suffix + ".jar"),
                Map.of(pkg + "/Marker.java", "package " + pkg + "; public class Marker {}"),
                Map.of());
        if (classifier.isEmpty())
            writePom(artifact, version, "jar", "<dependencies>" + dependencies + "</dependencies>");
    }

    private void writePom(String artifact, String version, String packaging, String body) throws Exception {
        Path dir = remote.resolve("org/test/" + artifact + "/" + version);
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve(artifact + "-" + version + ".pom"),
                """
                <project><modelVersion>4.0.0</modelVersion><groupId>org.test</groupId>
                <artifactId>%s</artifactId><version>%s</version><packaging>%s</packaging>%s</project>
                """
                        .formatted(artifact, version, packaging, body));
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).toList();
    }

    @Test
    void resolvesTransitivelyIntoTheLocalRepository() throws Exception {
        List<Path> files = resolver.resolve(List.of("org.test:app:1.0"), List.of());
        assertEquals(List.of("app-1.0.jar", "leaf-1.0.jar"), names(files));
        assertTrue(files.get(0).startsWith(work.resolve("local")), files.get(0).toString());
    }

    @Test
    void oneGraphPerCallMediatesVersionsAcrossCoordinates() throws Exception {
        List<String> files =
                names(resolver.resolve(List.of("org.test:app:1.0", "org.test:other:1.0"), List.of("test")));
        assertEquals(1, files.stream().filter(f -> f.startsWith("leaf-")).count(), files.toString());
    }

    @Test
    void classifiersWorkInBothOrders() throws Exception {
        assertEquals(
                List.of("leaf-1.0-natives.jar"),
                names(resolver.resolve(List.of("org.test:leaf:jar:natives:1.0"), List.of())));
        assertEquals(
                List.of("leaf-1.0-natives.jar"),
                names(resolver.resolve(List.of("org.test:leaf:1.0:natives"), List.of())));
    }

    @Test
    void ivyCoordinatesAreAccepted() throws Exception {
        assertEquals(List.of("leaf-2.0.jar"), names(resolver.resolve(List.of("org.test#leaf;2.0"), List.of())));
    }

    @Test
    void partialPomWithBomImportResolvesManagedVersions() throws Exception {
        String pom = PartialPom.complete(
                """
                <dependencyManagement><dependencies>
                  <dependency><groupId>org.test</groupId><artifactId>bom</artifactId><version>1.0</version>
                    <type>pom</type><scope>import</scope></dependency>
                </dependencies></dependencyManagement>
                <dependency><groupId>org.test</groupId><artifactId>leaf</artifactId></dependency>
                """);
        Path file = Files.writeString(work.resolve("cell.pom"), pom);
        assertEquals(List.of("leaf-2.0.jar"), names(resolver.resolvePom(file, List.of())));
    }

    @Test
    void unknownArtifactsFailWithAnExplanation() {
        ResolutionFailure failure =
                assertThrows(ResolutionFailure.class, () -> resolver.resolve(List.of("org.test:typo:1.0"), List.of()));
        assertTrue(failure.getMessage().contains("Could not resolve org.test:typo:1.0"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Check the spelling"), failure.getMessage());
        IllegalArgumentException unknownRepo = assertThrows(
                IllegalArgumentException.class,
                () -> resolver.resolve(List.of("org.test:app:1.0"), List.of("nowhere")));
        assertTrue(unknownRepo.getMessage().contains("%mavenRepo nowhere"), unknownRepo.getMessage());
    }

    @Test
    void centralComesFromMavensSuperPom() {
        assertEquals("central", MavenResolver.centralRepository().getId());
        assertTrue(MavenResolver.centralRepository().getUrl().startsWith("https://"));
    }
}
