/** ND4J and DL4J start-up (class loaders, the oneDNN natives, layer helpers, BLAS threads): the one package every other may depend on. */
package org.cnnbook.engine;
