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
        resolver = resolver(work.resolve("local"), noSettings(), false);
        resolver.addRepository("test", remote.toUri().toString());
    }

    private static MavenResolver resolver(Path local, MavenResolver.SettingsSource settings, boolean allowHttp) {
        return new MavenResolver(
                local, () -> new PrintStream(OutputStream.nullOutputStream()), false, settings, allowHttp);
    }

    private static MavenResolver.SettingsSource noSettings() {
        return () -> MavenSettings.load(work.resolve("no-user-settings.xml"), null);
    }

    /** Repositories publish a SHA-1 beside every file; the resolver refuses files whose checksum differs. */
    private static void writeChecksum(Path file) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file));
        Files.writeString(
                file.resolveSibling(file.getFileName() + ".sha1"),
                java.util.HexFormat.of().formatHex(digest));
    }

    private static String dependency(String artifact, String version) {
        return "<dependency><groupId>org.test</groupId><artifactId>" + artifact + "</artifactId><version>" + version
                + "</version></dependency>";
    }

    private void publish(String artifact, String version, String classifier, String dependencies) throws Exception {
        Path dir = remote.resolve("org/test/" + artifact + "/" + version);
        String suffix = classifier.isEmpty() ? "" : "-" + classifier;
        String pkg = artifact + version.replace(".", "") + classifier;
        Path jar = dir.resolve(artifact + "-" + version + suffix + ".jar");
        TestJars.build(jar, Map.of(pkg + "/Marker.java", "package " + pkg + "; public class Marker {}"), Map.of());
        writeChecksum(jar);
        if (classifier.isEmpty())
            writePom(artifact, version, "jar", "<dependencies>" + dependencies + "</dependencies>");
    }

    private void writePom(String artifact, String version, String packaging, String body) throws Exception {
        Path dir = remote.resolve("org/test/" + artifact + "/" + version);
        Files.createDirectories(dir);
        Path pom = dir.resolve(artifact + "-" + version + ".pom");
        Files.writeString(
                pom,
                """
                <project><modelVersion>4.0.0</modelVersion><groupId>org.test</groupId>
                <artifactId>%s</artifactId><version>%s</version><packaging>%s</packaging>%s</project>
                """
                        .formatted(artifact, version, packaging, body));
        writeChecksum(pom);
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

    @Test
    void aFileWhoseChecksumDiffersIsAnErrorNamingIt() throws Exception {
        publish("tampered", "1.0", "", "");
        Files.writeString(remote.resolve("org/test/tampered/1.0/tampered-1.0.jar.sha1"), "0".repeat(40));
        ResolutionFailure failure =
                assertThrows(ResolutionFailure.class, () -> resolver.resolve(List.of("org.test:tampered:1.0"), null));
        assertTrue(failure.getMessage().contains("org.test:tampered:jar:1.0"), failure.getMessage());
        assertTrue(failure.getMessage().toLowerCase().contains("checksum"), failure.getMessage());
    }

    @Test
    void plainHttpRepositoriesNeedAnExplicitYes() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> resolver.addRepository("insecure", "http://127.0.0.1:9/repo"));
        assertTrue(refused.getMessage().contains(MavenResolver.ALLOW_HTTP), refused.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> resolver.resolve(List.of("org.test:leaf:1.0"), List.of("http://127.0.0.1:9/repo")));
        resolver(work.resolve("local-http"), noSettings(), true).addRepository("insecure", "http://127.0.0.1:9/repo");
    }

    @Test
    void mirrorsAndOfflineModeFromTheUsersSettingsApply() throws Exception {
        Path settings = work.resolve("settings-mirror.xml");
        Files.writeString(
                settings,
                """
                <settings><mirrors><mirror><id>school</id><mirrorOf>*</mirrorOf><url>%s</url></mirror></mirrors>
                </settings>"""
                        .formatted(remote.toUri()));
        MavenResolver mirrored =
                resolver(work.resolve("local-mirror"), () -> MavenSettings.load(settings, null), false);
        mirrored.addRepository("unreachable", "https://127.0.0.1:9/never-asked");
        assertEquals(
                List.of("app-1.0.jar", "leaf-1.0.jar"), names(mirrored.resolve(List.of("org.test:app:1.0"), null)));

        Path offline = work.resolve("settings-offline.xml");
        Files.writeString(offline, "<settings><offline>true</offline></settings>");
        MavenResolver cut = resolver(work.resolve("local-offline"), () -> MavenSettings.load(offline, null), false);
        cut.addRepository("test", remote.toUri().toString());
        ResolutionFailure failure =
                assertThrows(ResolutionFailure.class, () -> cut.resolve(List.of("org.test:leaf:2.0"), null));
        assertTrue(failure.getMessage().toLowerCase().contains("offline"), failure.getMessage());
    }

    @Test
    void brokenSettingsAreNamed() throws Exception {
        Path broken = work.resolve("settings-broken.xml");
        Files.writeString(broken, "<settings><mirrors><mirror>");
        MavenResolver withBroken =
                resolver(work.resolve("local-broken"), () -> MavenSettings.load(broken, null), false);
        withBroken.addRepository("test", remote.toUri().toString());
        ResolutionFailure failure =
                assertThrows(ResolutionFailure.class, () -> withBroken.resolve(List.of("org.test:leaf:1.0"), null));
        assertTrue(failure.getMessage().contains("settings cannot be read"), failure.getMessage());
    }

    @Test
    void aRepositoryThatNeverAnswersFailsWithinAMinute() throws Exception {
        try (java.net.ServerSocket silent =
                new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            MavenResolver patient = resolver(work.resolve("local-silent"), noSettings(), false);
            patient.addRepository("silent", "https://127.0.0.1:" + silent.getLocalPort() + "/repo");
            long started = System.nanoTime();
            assertThrows(ResolutionFailure.class, () -> patient.resolve(List.of("org.test:leaf:1.0"), null));
            long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertTrue(seconds < 60, "took " + seconds + " s");
        }
    }
}
