package org.cnnbook.kernel.maven;

import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;

/**
 * Parses the coordinate forms IJava's {@code %maven} accepts: Maven's
 * {@code group:artifact[:packaging[:classifier]]:version} and Ivy's {@code org#name[#branch];rev}.
 */
public final class MavenCoordinate {
    private MavenCoordinate() {}

    public static Artifact parse(String coordinate) {
        String text = coordinate.trim();
        if (text.contains("#")) return parseIvy(text);
        String[] parts = text.split(":", -1);
        if (parts.length < 3
                || parts.length > 5
                || java.util.Arrays.stream(parts).anyMatch(String::isBlank))
            throw new IllegalArgumentException(
                    "'" + coordinate + "' is not a Maven coordinate. Write "
                            + "group:artifact:version, e.g. org.knowm.xchart:xchart:3.8.8, or "
                            + "group:artifact:packaging:classifier:version, e.g. org.nd4j:nd4j-native:jar:linux-x86_64:1.0.0-M2.1.");
        return switch (parts.length) {
            case 3 -> new DefaultArtifact(parts[0], parts[1], "jar", parts[2]);
            case 4 -> new DefaultArtifact(parts[0], parts[1], packagingToExtension(parts[2]), parts[3]);
            default -> new DefaultArtifact(parts[0], parts[1], parts[3], packagingToExtension(parts[2]), parts[4]);
        };
    }

    /**
     * Four parts are ambiguous: IJava reads them as {@code group:artifact:packaging:version}, but people often
     * mean a classifier ({@code org.nd4j:nd4j-native:1.0.0-M2.1:linux-x86_64}). A third part that is not a
     * known packaging is taken as the version, the fourth then as the classifier.
     */
    public static Artifact parseLenient(String coordinate) {
        String[] parts = coordinate.trim().split(":", -1);
        if (parts.length == 4 && !isPackaging(parts[2]) && !coordinate.contains("#"))
            return new DefaultArtifact(parts[0], parts[1], parts[3], "jar", parts[2]);
        return parse(coordinate);
    }

    private static Artifact parseIvy(String text) {
        int semicolon = text.indexOf(';');
        if (semicolon < 0)
            throw new IllegalArgumentException("'" + text + "' is not an Ivy coordinate; write org#name;revision.");
        String[] names = text.substring(0, semicolon).split("#");
        if (names.length < 2)
            throw new IllegalArgumentException("'" + text + "' is not an Ivy coordinate; write org#name;revision.");
        return new DefaultArtifact(names[0], names[1], "jar", text.substring(semicolon + 1));
    }

    private static boolean isPackaging(String value) {
        return switch (value) {
            case "jar", "pom", "bundle", "maven-plugin", "test-jar", "war", "aar", "zip", "ejb" -> true;
            default -> false;
        };
    }

    private static String packagingToExtension(String packaging) {
        return switch (packaging) {
            case "bundle", "maven-plugin", "ejb", "test-jar" -> "jar";
            default -> packaging;
        };
    }
}
