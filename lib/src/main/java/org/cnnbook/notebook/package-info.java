/** The live training chart of a notebook (shown and redrawn through org.cnnbook.display). */
package org.cnnbook.notebook;
