/**
 * The part of JJava's notebook API (IJava's successor, org.dflib.jjava) that a library uses to register its renderers
 * through JJava's extension mechanism, written for this kernel over basekernel's renderer: a jar with a
 * {@code META-INF/services/org.dflib.jjava.jupyter.Extension} file renders in this kernel as it does in JJava. The
 * same names and signatures as JJava 1.0's (so a library compiled against jjava-jupyter links here); nothing else of
 * JJava is offered. See environment/README.md, "JJava's extensions".
 */
package org.dflib.jjava.jupyter;
