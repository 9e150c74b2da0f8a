package org.dflib.jjava.jupyter.kernel.display.mime;

import java.util.Objects;

/** A MIME type such as {@code text/html}, with JJava's names for the common ones. */
public final class MIMEType {
    public static final MIMEType ANY = parse("*");
    public static final MIMEType APPLICATION_XML = parse("application/xml");
    public static final MIMEType APPLICATION_JSON = parse("application/json");
    public static final MIMEType APPLICATION_JAVASCRIPT = parse("application/javascript");
    public static final MIMEType APPLICATION_PDF = parse("application/pdf");
    public static final MIMEType APPLICATION_FASTINFOSET = parse("application/fastinfoset");
    public static final MIMEType APPLICATION_VND_WAP_WBXML = parse("application/vnd.wap.wbxml");
    public static final MIMEType APPLICATION_ZIP = parse("application/zip");
    public static final MIMEType APPLICATION_CBOR = parse("application/cbor");
    public static final MIMEType TEXT_HTML = parse("text/html");
    public static final MIMEType TEXT_MARKDOWN = parse("text/markdown");
    public static final MIMEType TEXT_LATEX = parse("text/latex");
    public static final MIMEType TEXT_PLAIN = parse("text/plain");
    public static final MIMEType TEXT_CSS = parse("text/css");
    public static final MIMEType IMAGE_PNG = parse("image/png");
    public static final MIMEType IMAGE_JPEG = parse("image/jpeg");
    public static final MIMEType IMAGE_GIF = parse("image/gif");
    public static final MIMEType IMAGE_SVG = parse("image/svg+xml");

    private final String name;

    private MIMEType(String name) {
        this.name = name;
    }

    public static MIMEType parse(String type) {
        return new MIMEType(Objects.requireNonNull(type, "a MIME type").trim());
    }

    /** basekernel's type of the same name. */
    public io.github.spencerpark.jupyter.kernel.display.mime.MIMEType basekernel() {
        return io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.parse(name);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MIMEType type && type.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
