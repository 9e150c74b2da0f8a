/**
 * The drawing pad of notebook 8: a student writes a digit with mouse, pen or finger and sees, after each stroke, the
 * 28x28 picture the network reads and its ten probabilities. {@link org.cnnbook.draw.DrawingPad} is the notebook's
 * call; {@link org.cnnbook.draw.Drawing} turns the page's strokes into a picture, {@link org.cnnbook.draw.DigitReader}
 * prepares and reads it with the notebook's own preparation, {@link org.cnnbook.draw.KeptDigits} keeps the digits a
 * student saves. Where no page draws widgets (nbconvert, IJava, JJava) the pad is a still picture
 * ({@link org.cnnbook.draw.PadPicture}); the widget itself ({@code PadWidget}, pad.js) exists only in this project's
 * kernel.
 */
package org.cnnbook.draw;
