/** Glue for Jupyter kernels with IJava's display functions: showing and updating outputs, the live training chart. */
package org.cnnbook.notebook;
