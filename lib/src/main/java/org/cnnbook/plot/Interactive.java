package org.cnnbook.plot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import tech.tablesaw.plotly.components.Figure;

/**
 * Interactive Plotly figures (from Tablesaw) as self-contained HTML for a notebook output: plotly.js comes from
 * the WebJar {@code org.webjars.npm:plotly.js-dist} and is inlined in a plain {@code <script>}, so the figure
 * works offline, in the classic Notebook, in JupyterLab (no RequireJS needed) and in exported HTML.
 * The library (about 10 MB) is inlined with the first figure of a kernel session only; later figures reuse it.
 */
public final class Interactive {
    /** The version of the plotly.js webjar on the classpath (lib's pom pins it). */
    static final String PLOTLY_VERSION = webjarVersion();

    private static final String PLOTLY = "META-INF/resources/webjars/plotly.js-dist/" + PLOTLY_VERSION + "/plotly.js";
    private static boolean libraryShown;

    private Interactive() {}

    /** HTML for {@code figure}; show it with {@code display(html, "text/html")} or {@code render(html, "text/html")}. */
    public static synchronized String html(Figure figure) {
        // Tablesaw names a JavaScript variable after the div id: keep it a valid identifier.
        String id = "plot_" + UUID.randomUUID().toString().replace("-", "");
        StringBuilder html = new StringBuilder();
        if (!libraryShown) {
            // The classic Notebook loads RequireJS; plotly.js would then register as an AMD module instead of
            // defining window.Plotly. Hide `define` while it loads.
            html.append(
                            "<script type=\"text/javascript\">window.cnnbookDefine = window.define; window.define = undefined;</script>\n")
                    .append("<script type=\"text/javascript\">")
                    .append(scriptSafe(plotlyJs()))
                    .append("</script>\n")
                    .append("<script type=\"text/javascript\">window.define = window.cnnbookDefine;</script>\n");
            libraryShown = true;
        }
        html.append("<div id=\"")
                .append(id)
                .append("\" class=\"cnnbook-plotly\"></div>\n")
                .append("<script type=\"text/javascript\">(function () {\n")
                .append("  function draw() {\n")
                .append(withoutScriptTags(figure.asJavascript(id)))
                .append("\n  }\n")
                .append("  if (window.Plotly) { draw(); } else { window.addEventListener('load', draw); }\n")
                .append("})();</script>");
        return html.toString();
    }

    /** Inline the library again with the next figure (e.g. for a page that will be viewed on its own). */
    public static synchronized void includeLibraryAgain() {
        libraryShown = false;
    }

    static String plotlyJs() {
        try (InputStream in = Interactive.class.getClassLoader().getResourceAsStream(PLOTLY)) {
            if (in == null)
                throw new IllegalStateException("plotly.js is not on the classpath: add the jar of "
                        + "org.webjars.npm:plotly.js-dist (make setup puts it into lib/target/lib).");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read plotly.js", e);
        }
    }

    /** Tablesaw wraps its code in script tags; here it goes inside a function of our own script. */
    static String withoutScriptTags(String html) {
        return html.replaceAll("(?i)</?script[^>]*>", "");
    }

    /** A script element ends at the first "</script" whatever the quotes; "<\/" means the same to JavaScript. */
    static String scriptSafe(String javascript) {
        return javascript.replace("</", "<\\/");
    }

    private static String webjarVersion() {
        java.util.Properties webjar = new java.util.Properties();
        try (InputStream in = Interactive.class
                .getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/plotly.js-dist/pom.properties")) {
            if (in == null) return "(not on the classpath)";
            webjar.load(in);
            return webjar.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the plotly.js webjar's version", e);
        }
    }
}
