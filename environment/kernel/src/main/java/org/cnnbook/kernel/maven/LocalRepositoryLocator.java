package org.cnnbook.kernel.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Finds the Maven local repository the way mvn does, so downloads are shared with Maven builds. */
public final class LocalRepositoryLocator {
    private LocalRepositoryLocator() {}

    public static Path locate(Map<String, String> env) {
        String property = System.getProperty("maven.repo.local");
        if (property != null && !property.isBlank()) return Path.of(property);
        Path home = Path.of(System.getProperty("user.home"));
        Path fromUserSettings = fromSettings(home.resolve(".m2").resolve("settings.xml"));
        if (fromUserSettings != null) return fromUserSettings;
        String mavenHome = env.get("M2_HOME");
        if (mavenHome != null) {
            Path fromGlobal = fromSettings(Path.of(mavenHome, "conf", "settings.xml"));
            if (fromGlobal != null) return fromGlobal;
        }
        return home.resolve(".m2").resolve("repository");
    }

    static Path fromSettings(Path settings) {
        if (!Files.isRegularFile(settings)) return null;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(settings.toFile());
            NodeList nodes = document.getElementsByTagName("localRepository");
            if (nodes.getLength() == 0) return null;
            String value =
                    nodes.item(0).getTextContent().trim().replace("${user.home}", System.getProperty("user.home"));
            return value.isEmpty() ? null : Path.of(value);
        } catch (Exception e) {
            return null;
        }
    }
}
