/** Programs that measure: training speed against PyTorch ({@code make bench}) and accuracy over seeds ({@code make seeds}). */
package org.cnnbook.bench;
