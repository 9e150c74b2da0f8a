package org.cnnbook.kernel.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

/**
 * The user's Maven settings, read as {@code mvn} reads them ({@code ~/.m2/settings.xml} over
 * {@code $M2_HOME/conf/settings.xml}): mirrors, proxies, server credentials and offline mode apply to {@code %maven}
 * as they do to {@code mvn} (a school's proxy, a company's repository manager).
 */
public final class MavenSettings {
    private final Settings settings;

    private MavenSettings(Settings settings) {
        this.settings = settings;
    }

    public static MavenSettings load(Map<String, String> env) throws ResolutionFailure {
        Path user = Path.of(System.getProperty("user.home"), ".m2", "settings.xml");
        String mavenHome = env.get("M2_HOME") != null ? env.get("M2_HOME") : env.get("MAVEN_HOME");
        return load(user, mavenHome == null ? null : Path.of(mavenHome, "conf", "settings.xml"));
    }

    static MavenSettings load(Path userSettings, Path globalSettings) throws ResolutionFailure {
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
        if (Files.isRegularFile(userSettings)) request.setUserSettingsFile(userSettings.toFile());
        if (globalSettings != null && Files.isRegularFile(globalSettings))
            request.setGlobalSettingsFile(globalSettings.toFile());
        request.setSystemProperties(System.getProperties());
        try {
            return new MavenSettings(new DefaultSettingsBuilderFactory()
                    .newInstance()
                    .build(request)
                    .getEffectiveSettings());
        } catch (SettingsBuildingException e) {
            throw new ResolutionFailure(
                    "Your Maven settings cannot be read (" + e.getMessage().trim() + "). Fix " + userSettings
                            + " (mvn would fail on it too) and run the cell again.");
        }
    }

    public boolean offline() {
        return settings.isOffline();
    }

    /** Mirrors, proxies, credentials and offline mode of the settings, applied to a session being built. */
    public void applyTo(RepositorySystemSession.SessionBuilder session) {
        DefaultMirrorSelector mirrors = new DefaultMirrorSelector();
        for (Mirror mirror : settings.getMirrors())
            mirrors.add(
                    mirror.getId(),
                    mirror.getUrl(),
                    mirror.getLayout(),
                    false,
                    mirror.isBlocked(),
                    mirror.getMirrorOf(),
                    mirror.getMirrorOfLayouts());
        DefaultProxySelector proxies = new DefaultProxySelector();
        for (org.apache.maven.settings.Proxy proxy : settings.getProxies()) {
            if (!proxy.isActive()) continue;
            AuthenticationBuilder auth = new AuthenticationBuilder();
            if (proxy.getUsername() != null)
                auth.addUsername(proxy.getUsername()).addPassword(proxy.getPassword());
            proxies.add(
                    new Proxy(proxy.getProtocol(), proxy.getHost(), proxy.getPort(), auth.build()),
                    proxy.getNonProxyHosts());
        }
        DefaultAuthenticationSelector credentials = new DefaultAuthenticationSelector();
        for (Server server : settings.getServers())
            credentials.add(
                    server.getId(),
                    new AuthenticationBuilder()
                            .addUsername(server.getUsername())
                            .addPassword(server.getPassword())
                            .addPrivateKey(server.getPrivateKey(), server.getPassphrase())
                            .build());
        session.setMirrorSelector(mirrors)
                .setProxySelector(proxies)
                .setAuthenticationSelector(credentials)
                .setOffline(settings.isOffline());
    }
}
