package org.cnnbook.kernel.maven;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class PartialPomTest {
    @Test
    void looseDependenciesAndRepositoriesAreGatheredWithDefaults() {
        String pom = PartialPom.complete(
                """
                <dependency><groupId>g</groupId><artifactId>a</artifactId><version>1</version></dependency>
                <repositories><repository><id>r</id><url>file:///tmp/r</url></repository></repositories>
                <dependencies><dependency><groupId>g</groupId><artifactId>b</artifactId><version>2</version></dependency></dependencies>
                <properties><x>1</x></properties>
                """);
        assertTrue(pom.contains("<modelVersion>4.0.0</modelVersion>"), pom);
        assertTrue(pom.contains("<groupId>ijava.notebook</groupId>"), pom);
        assertTrue(pom.contains("<artifactId>cell</artifactId>"), pom);
        assertTrue(pom.contains("<properties>"), pom);
        assertEquals(1, pom.split("<dependencies>", -1).length - 1, pom);
        assertTrue(pom.indexOf("<artifactId>a</artifactId>") < pom.indexOf("<artifactId>b</artifactId>"), pom);
        assertTrue(pom.contains("<id>r</id>"), pom);
    }

    @Test
    void aWholeProjectIsUsedAsItIs() {
        String project =
                "<project><modelVersion>4.0.0</modelVersion><groupId>x</groupId><artifactId>y</artifactId><version>3</version></project>";
        assertEquals(project, PartialPom.complete(project));
    }

    @Test
    void brokenXmlIsExplained() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PartialPom.complete("<dependency>"));
        assertTrue(e.getMessage().contains("not well-formed XML"), e.getMessage());
    }
}
