/** lib's versions of DL4J's convolution, max-pooling, dense and output layers (channels-last, oneDNN and BLAS called directly), and the explicit choice between them and DL4J's own ({@link org.cnnbook.layers.LayerSet}). */
package org.cnnbook.layers;
