package org.cnnbook.display;

import java.util.Map;

/**
 * An object that shows itself in several formats at once, for the viewer to choose: MIME type to data (a String, a
 * base64 String for images, or a Map that becomes JSON). {@link Renderers#register} tells the kernel about its class.
 */
public interface MimeBundle {
    Map<String, Object> mimeBundle();
}
