/**
 * oneDNN 2.5 called directly (JavaCPP's {@code dnnl} preset), beside the oneDNN 2.3 that libnd4j links in: engine
 * and stream, memory bound to ND4J's buffers without copies, and primitives built once per shape.
 */
package org.cnnbook.onednn;
