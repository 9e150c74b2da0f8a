package org.cnnbook.kernel.maven;

import java.io.File;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.maven.model.Model;
import org.apache.maven.model.building.DefaultModelProcessor;
import org.apache.maven.model.io.DefaultModelReader;
import org.apache.maven.model.locator.DefaultModelLocator;
import org.apache.maven.model.superpom.DefaultSuperPomProvider;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.repository.WorkspaceRepository;
import org.eclipse.aether.resolution.ArtifactDescriptorRequest;
import org.eclipse.aether.resolution.ArtifactDescriptorResult;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves Maven coordinates and POMs with Maven's own resolver: transitively, as one dependency graph per
 * call (so versions are mediated across all coordinates of a call), with classifiers, BOM imports, and the
 * local repository shared with {@code mvn}.
 * <p>
 * Safe by default: a downloaded file whose checksum does not match is an error naming it; repositories a notebook
 * adds must be {@code https} (or local files) unless {@value #ALLOW_HTTP} is {@code true}; the mirrors, proxies,
 * credentials and offline mode of the user's Maven settings apply; a repository that does not answer fails the cell
 * within {@value #CONNECT_TIMEOUT_MS} ms (connecting) or {@value #REQUEST_TIMEOUT_MS} ms (silence), without retries.
 */
public class MavenResolver {
    /** The environment variable that allows plain-http repositories in %mavenRepo and --from. */
    public static final String ALLOW_HTTP = "IJAVA_MAVEN_ALLOW_HTTP";

    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int REQUEST_TIMEOUT_MS = 10_000;
    private static final Set<String> CLASSPATH_EXTENSIONS = Set.of("jar");

    /** Where the Maven settings come from (read again for every resolution, as mvn reads them for every build). */
    @FunctionalInterface
    interface SettingsSource {
        MavenSettings load() throws ResolutionFailure;
    }

    private final Path localRepository;
    private final Map<String, RemoteRepository> repositories = new LinkedHashMap<>();
    private final Supplier<PrintStream> progress;
    private final SettingsSource settings;
    private final boolean allowHttp;
    private RepositorySystem system;

    public MavenResolver(Path localRepository, Supplier<PrintStream> progress, Map<String, String> env) {
        this(
                localRepository,
                progress,
                true,
                () -> MavenSettings.load(env),
                "true".equalsIgnoreCase(env.get(ALLOW_HTTP)));
    }

    /** @param withCentral false only for tests that must not touch the network */
    MavenResolver(
            Path localRepository,
            Supplier<PrintStream> progress,
            boolean withCentral,
            SettingsSource settings,
            boolean allowHttp) {
        this.localRepository = localRepository;
        this.progress = progress;
        this.settings = settings;
        this.allowHttp = allowHttp;
        if (withCentral) {
            RemoteRepository central = centralRepository();
            repositories.put(central.getId(), central);
        }
    }

    /** Maven Central as Maven's own super POM defines it. */
    static RemoteRepository centralRepository() {
        Model superPom = new DefaultSuperPomProvider()
                .setModelProcessor(new DefaultModelProcessor()
                        .setModelReader(new DefaultModelReader())
                        .setModelLocator(new DefaultModelLocator()))
                .getSuperModel("4.0.0");
        org.apache.maven.model.Repository central = superPom.getRepositories().get(0);
        return new RemoteRepository.Builder(central.getId(), "default", central.getUrl()).build();
    }

    public Path getLocalRepository() {
        return localRepository;
    }

    public List<RemoteRepository> getRepositories() {
        return List.copyOf(repositories.values());
    }

    public void addRepository(String id, String url) {
        if ("default".equals(id))
            throw new IllegalArgumentException("The repository id 'default' is reserved; choose another id.");
        repositories.put(id, repository(id, url));
    }

    private RemoteRepository repository(String id, String url) {
        String location = url.contains("://") ? url : new File(url).toURI().toString();
        String scheme = URI.create(location).getScheme();
        if ("http".equalsIgnoreCase(scheme) && !allowHttp)
            throw new IllegalArgumentException("The repository " + location + " uses plain http: anyone on the way "
                    + "could change the jars it sends. Use its https address; if it has none and you trust the "
                    + "network, set " + ALLOW_HTTP + "=true in the kernel's environment and restart the kernel.");
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme) && !"file".equalsIgnoreCase(scheme))
            throw new IllegalArgumentException(
                    "The repository " + location + " is neither https nor a local folder; use an https URL.");
        return new RemoteRepository.Builder(id, "default", location)
                .setSnapshotPolicy(new RepositoryPolicy(
                        true, RepositoryPolicy.UPDATE_POLICY_ALWAYS, RepositoryPolicy.CHECKSUM_POLICY_FAIL))
                .setReleasePolicy(new RepositoryPolicy(
                        true, RepositoryPolicy.UPDATE_POLICY_DAILY, RepositoryPolicy.CHECKSUM_POLICY_FAIL))
                .build();
    }

    /**
     * Resolves all coordinates as one graph. {@code from} restricts the search to the named repositories
     * (an id added with %mavenRepo, or a URL, which becomes an ad-hoc repository).
     */
    public List<Path> resolve(List<String> coordinates, List<String> from) throws ResolutionFailure {
        List<Dependency> dependencies = new ArrayList<>();
        for (String coordinate : coordinates)
            dependencies.add(new Dependency(MavenCoordinate.parseLenient(coordinate), JavaScopes.RUNTIME));
        List<RemoteRepository> selected = selectRepositories(from);
        String what = String.join(", ", coordinates);
        try (RepositorySystemSession.CloseableSession session = newSession(null)) {
            CollectRequest collect = new CollectRequest(dependencies, null, reachable(session, selected));
            return resolveClasspath(session, collect, List.of(JavaScopes.COMPILE, JavaScopes.RUNTIME), what);
        }
    }

    /** Resolves the dependencies a POM declares (its parent, dependencyManagement and BOM imports applied). */
    public List<Path> resolvePom(Path pomFile, List<String> scopes) throws ResolutionFailure {
        Model model = readModel(pomFile);
        String groupId = model.getGroupId() != null
                ? model.getGroupId()
                : model.getParent().getGroupId();
        String version = model.getVersion() != null
                ? model.getVersion()
                : model.getParent().getVersion();
        Artifact pom = new DefaultArtifact(groupId, model.getArtifactId(), "pom", version);
        try (RepositorySystemSession.CloseableSession session = newSession(new SinglePomWorkspace(pom, pomFile))) {
            List<RemoteRepository> remotes = reachable(session, getRepositories());
            ArtifactDescriptorResult descriptor =
                    system().readArtifactDescriptor(session, new ArtifactDescriptorRequest(pom, remotes, null));
            List<RemoteRepository> all = new ArrayList<>(remotes);
            all.addAll(reachable(session, descriptor.getRepositories()));
            CollectRequest collect =
                    new CollectRequest(descriptor.getDependencies(), descriptor.getManagedDependencies(), all);
            collect.setRootArtifact(pom);
            List<String> wanted = scopes.isEmpty() ? List.of(JavaScopes.COMPILE, JavaScopes.RUNTIME) : scopes;
            return resolveClasspath(session, collect, wanted, pomFile.toString());
        } catch (ResolutionFailure e) {
            throw e;
        } catch (Exception e) {
            throw ResolutionFailure.of(pomFile.toString(), getRepositories(), localRepository, e);
        }
    }

    private static Model readModel(Path pomFile) throws ResolutionFailure {
        try {
            return new DefaultModelReader().read(pomFile.toFile(), Map.of());
        } catch (Exception e) {
            throw new ResolutionFailure("Could not read the POM " + pomFile + ": " + e.getMessage());
        }
    }

    private List<Path> resolveClasspath(
            RepositorySystemSession session, CollectRequest collect, List<String> scopes, String what)
            throws ResolutionFailure {
        try {
            DependencyRequest request = new DependencyRequest(
                    collect, DependencyFilterUtils.classpathFilter(scopes.toArray(String[]::new)));
            DependencyResult result = system().resolveDependencies(session, request);
            Set<Path> files = new LinkedHashSet<>();
            for (ArtifactResult artifactResult : result.getArtifactResults()) {
                Artifact artifact = artifactResult.getArtifact();
                if (artifact != null
                        && artifact.getPath() != null
                        && CLASSPATH_EXTENSIONS.contains(artifact.getExtension()))
                    files.add(artifact.getPath().toAbsolutePath());
            }
            return new ArrayList<>(files);
        } catch (Exception e) {
            throw ResolutionFailure.of(what, collect.getRepositories(), localRepository, e);
        }
    }

    private List<RemoteRepository> selectRepositories(List<String> from) {
        if (from == null || from.isEmpty()) return getRepositories();
        List<RemoteRepository> selected = new ArrayList<>();
        for (String name : from) {
            RemoteRepository known = repositories.get(name);
            if (known != null) selected.add(known);
            else if (name.contains("://"))
                selected.add(repository("from-" + URI.create(name).getHost(), name));
            else
                throw new IllegalArgumentException("Unknown repository '" + name + "' in --from. Add it first with "
                        + "%mavenRepo " + name + " <url>, or pass a URL. Known: " + repositories.keySet());
        }
        return selected;
    }

    private synchronized RepositorySystem system() {
        if (system == null) system = new RepositorySystemSupplier().get();
        return system;
    }

    private RepositorySystemSession.CloseableSession newSession(WorkspaceReader workspace) throws ResolutionFailure {
        RepositorySystemSession.SessionBuilder builder = new SessionBuilderSupplier(system())
                .get()
                .withLocalRepositoryBaseDirectories(localRepository)
                .setTransferListener(new DownloadReporter(progress))
                .setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_FAIL)
                .setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, CONNECT_TIMEOUT_MS)
                .setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, REQUEST_TIMEOUT_MS)
                .setConfigProperty(ConfigurationProperties.HTTP_RETRY_HANDLER_COUNT, 0);
        settings.load().applyTo(builder);
        if (workspace != null) builder.setWorkspaceReader(workspace);
        return builder.build();
    }

    /** The repositories as this session reaches them: through the settings' mirrors, proxies and credentials. */
    private List<RemoteRepository> reachable(RepositorySystemSession session, List<RemoteRepository> remotes) {
        return system().newResolutionRepositories(session, remotes);
    }

    /** Prints one line per downloaded artifact, so a long first download is visibly progressing. */
    private static final class DownloadReporter extends AbstractTransferListener {
        private final Supplier<PrintStream> out;

        DownloadReporter(Supplier<PrintStream> out) {
            this.out = out;
        }

        @Override
        public void transferSucceeded(TransferEvent event) {
            String name = event.getResource().getResourceName();
            if (event.getRequestType() == TransferEvent.RequestType.GET && name.endsWith(".jar"))
                out.get()
                        .printf(
                                "Downloaded %s (%,d kB)%n",
                                name.substring(name.lastIndexOf('/') + 1), event.getTransferredBytes() / 1024);
        }
    }

    /** Serves one POM file as if it were installed, so the resolver builds its model like any other. */
    private record SinglePomWorkspace(Artifact pom, Path file) implements WorkspaceReader {
        @Override
        public WorkspaceRepository getRepository() {
            return new WorkspaceRepository("notebook-pom");
        }

        @Override
        public File findArtifact(Artifact artifact) {
            boolean same = artifact.getGroupId().equals(pom.getGroupId())
                    && artifact.getArtifactId().equals(pom.getArtifactId())
                    && artifact.getVersion().equals(pom.getVersion())
                    && "pom".equals(artifact.getExtension());
            return same ? file.toFile() : null;
        }

        @Override
        public List<String> findVersions(Artifact artifact) {
            return findArtifact(artifact.setVersion(pom.getVersion())) != null ? List.of(pom.getVersion()) : List.of();
        }
    }
}
