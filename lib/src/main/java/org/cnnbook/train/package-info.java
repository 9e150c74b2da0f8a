/** Training with a validation set and the best epoch kept, the training history, mini-batches, evaluation. */
package org.cnnbook.train;
