package org.cnnbook.kernel.maven;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Completes the partial POM in a {@code %%loadFromPOM} cell into a full one, with IJava's rules: a single
 * {@code <project>} is used as it is; otherwise loose {@code <dependency>}/{@code <repository>} elements and the
 * children of {@code <dependencies>}/{@code <repositories>} are gathered, other elements are copied under
 * {@code <project>}, and the coordinates default to {@code ijava.notebook:cell:1}.
 */
public final class PartialPom {
    private PartialPom() {}

    public static String complete(String body) {
        Document partial = parse("<partial>" + body + "</partial>");
        List<Element> elements = childElements(partial.getDocumentElement());
        if (elements.size() == 1 && "project".equals(elements.get(0).getTagName())) return body;

        Document pom = newDocument();
        Element project = pom.createElement("project");
        pom.appendChild(project);
        Element dependencies = pom.createElement("dependencies");
        Element repositories = pom.createElement("repositories");
        boolean[] seen = new boolean[4]; // modelVersion, groupId, artifactId, version
        for (Element element : elements) {
            switch (element.getTagName()) {
                case "dependency" -> dependencies.appendChild(pom.importNode(element, true));
                case "repository" -> repositories.appendChild(pom.importNode(element, true));
                case "dependencies" -> childElements(element)
                        .forEach(e -> dependencies.appendChild(pom.importNode(e, true)));
                case "repositories" -> childElements(element)
                        .forEach(e -> repositories.appendChild(pom.importNode(e, true)));
                default -> {
                    int index = List.of("modelVersion", "groupId", "artifactId", "version")
                            .indexOf(element.getTagName());
                    if (index >= 0) seen[index] = true;
                    project.appendChild(pom.importNode(element, true));
                }
            }
        }
        String[][] defaults = {
            {"modelVersion", "4.0.0"}, {"groupId", "ijava.notebook"}, {"artifactId", "cell"}, {"version", "1"}
        };
        for (int i = defaults.length - 1; i >= 0; i--) {
            if (seen[i]) continue;
            Element value = pom.createElement(defaults[i][0]);
            value.setTextContent(defaults[i][1]);
            project.insertBefore(value, project.getFirstChild());
        }
        if (dependencies.hasChildNodes()) project.appendChild(dependencies);
        if (repositories.hasChildNodes()) project.appendChild(repositories);
        return serialize(pom);
    }

    private static List<Element> childElements(Element parent) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++)
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) children.add((Element) nodes.item(i));
        return children;
    }

    private static DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder();
    }

    private static Document parse(String xml) {
        try {
            return builder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalArgumentException(
                    "The %%loadFromPOM cell is not well-formed XML: " + e.getMessage()
                            + ". Write <dependency> elements (or a whole <project>) in the cell body.",
                    e);
        }
    }

    private static Document newDocument() {
        try {
            return builder().newDocument();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serialize(Document document) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
