/** Preparing data: scaling, reshaping, one-hot encoding, holding out a validation set, preparing new pictures like MNIST, and checks that explain preprocessing mistakes. */
package org.cnnbook.prep;
