/** The pictures of the series: XChart charts and Java2D grids as images a notebook shows inline, plotly figures, HTML tables. */
package org.cnnbook.plot;
