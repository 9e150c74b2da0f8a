/**
 * Showing things in whichever Java kernel runs the notebook: this project's, upstream IJava 1.3.0 or JJava. No
 * public type here needs a kernel class; the kernel's own API is reached only once it is known to be there.
 */
package org.cnnbook.display;
