package org.cnnbook.kernel.magic;

import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import io.github.spencerpark.jupyter.kernel.magic.registry.MagicsArgs;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cnnbook.kernel.maven.MavenResolver;
import org.cnnbook.kernel.maven.PartialPom;

/** IJava's Maven magics: %maven (and aliases), %mavenRepo, %loadFromPOM and %%loadFromPOM. */
public final class MavenMagics {
    private static final MagicsArgs MAVEN_ARGS = MagicsArgs.builder()
            .varargs("coordinates")
            .keyword("from")
            .flag("verbose", 'v')
            .onlyKnownKeywords()
            .onlyKnownFlags()
            .build();
    private static final MagicsArgs REPO_ARGS = MagicsArgs.builder()
            .required("id")
            .required("url")
            .onlyKnownKeywords()
            .onlyKnownFlags()
            .build();
    private static final MagicsArgs POM_ARGS = MagicsArgs.builder()
            .required("pom")
            .varargs("scopes")
            .flag("verbose", 'v')
            .onlyKnownKeywords()
            .onlyKnownFlags()
            .build();
    private static final MagicsArgs POM_CELL_ARGS = MagicsArgs.builder()
            .varargs("scopes")
            .flag("verbose", 'v')
            .onlyKnownKeywords()
            .onlyKnownFlags()
            .build();

    private final MavenResolver resolver;
    private final MagicHost host;

    public MavenMagics(MavenResolver resolver, MagicHost host) {
        this.resolver = resolver;
        this.host = host;
    }

    public void registerIn(Magics magics) {
        for (String name : List.of("maven", "addMavenDependency", "addMavenDependencies"))
            magics.registerLineMagic(name, this::addDependencies);
        for (String name : List.of("mavenRepo", "addMavenRepo")) magics.registerLineMagic(name, this::addRepository);
        magics.registerLineMagic("loadFromPOM", this::loadFromPom);
        magics.registerCellMagic("loadFromPOM", this::loadFromPartialPom);
    }

    List<String> addDependencies(List<String> args) throws Exception {
        Map<String, List<String>> parsed = MAVEN_ARGS.parse(args);
        List<String> coordinates = parsed.getOrDefault("coordinates", List.of());
        if (coordinates.isEmpty())
            throw new IllegalArgumentException(
                    "Name at least one coordinate, e.g. %maven org.knowm.xchart:xchart:3.8.8");
        List<Path> files = resolver.resolve(coordinates, parsed.getOrDefault("from", List.of()));
        return addAll(files, verbose(parsed));
    }

    Void addRepository(List<String> args) throws Exception {
        Map<String, List<String>> parsed = REPO_ARGS.parse(args);
        resolver.addRepository(parsed.get("id").get(0), parsed.get("url").get(0));
        return null;
    }

    List<String> loadFromPom(List<String> args) throws Exception {
        Map<String, List<String>> parsed = POM_ARGS.parse(args);
        Path pom = Path.of(parsed.get("pom").get(0));
        if (!Files.isRegularFile(pom)) throw new FileNotFoundException("No POM at " + pom.toAbsolutePath() + ".");
        return addAll(resolver.resolvePom(pom, parsed.getOrDefault("scopes", List.of())), verbose(parsed));
    }

    List<String> loadFromPartialPom(List<String> args, String body) throws Exception {
        Map<String, List<String>> parsed = POM_CELL_ARGS.parse(args);
        Path pom = Files.createTempFile("ijava-maven-", ".pom");
        try {
            Files.writeString(pom, PartialPom.complete(body));
            return addAll(resolver.resolvePom(pom, parsed.getOrDefault("scopes", List.of())), verbose(parsed));
        } finally {
            Files.deleteIfExists(pom);
        }
    }

    private List<String> addAll(List<Path> files, boolean verbose) throws InterruptedException {
        // An interrupted cell must not change the class path afterwards, even if the resolution itself finished.
        if (Thread.currentThread().isInterrupted())
            throw new InterruptedException("Interrupted: nothing was added to the class path.");
        List<String> added = new ArrayList<>();
        for (Path file : files) {
            host.addToClasspath(file.toString());
            added.add(file.toString());
            if (verbose) System.out.println("Added " + file);
        }
        return added;
    }

    private static boolean verbose(Map<String, List<String>> parsed) {
        return !parsed.getOrDefault("verbose", List.of()).isEmpty();
    }
}
