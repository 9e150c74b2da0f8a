/**
 * lib's version of DL4J's Adam: {@link org.cnnbook.updaters.LibAdam} is configured, saved and compared exactly as
 * DL4J's {@code Adam} is (the same fields, state layout and numbers) and applies its step in one vectorised pass.
 * lib's layer set puts it in with lib's layers and takes it out again when a model goes back to DL4J's own classes.
 */
package org.cnnbook.updaters;
