package org.cnnbook.draw;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.cnnbook.display.Widgets;
import org.cnnbook.prep.GreyImage;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Notebook 8's drawing pad: the student draws a digit, and after each stroke the network reads the drawing, prepared
 * by the notebook's own preparation; Keep saves it in the student's folder with the digit they meant.
 *
 * <pre>{@code
 * DrawingPad pad = new DrawingPad(model, drawing -> prepareLikeMnist(drawing), Path.of("my-digits"));
 * pad.show()
 * }</pre>
 *
 * In JupyterLab 4 or Jupyter Notebook 7 with this project's kernel {@link #show} is the live pad; elsewhere (nbconvert,
 * nbgrader, IJava, JJava) it prints one line saying why and shows the pad as a still picture reading a sample digit.
 */
public final class DrawingPad {
    /** Reads of a sample before the pad shows (~0.3 s): Java compiles the path a stroke takes before the first one. */
    static final int WARM_UP_READS = 30;

    private final DigitReader reader;
    private final KeptDigits kept;
    private volatile Drawing drawing = Drawing.empty();

    public DrawingPad(MultiLayerNetwork model, UnaryOperator<GreyImage> preparation, Path folder) {
        this.reader = new DigitReader(model, preparation);
        this.kept = new KeptDigits(folder);
    }

    /** The live pad, or (where widgets cannot run) a still picture of it. The last expression of a cell shows it. */
    public Object show() {
        String whyNot = Widgets.whyNot();
        if (whyNot == null) {
            reader.warmUp(sampleFour(), WARM_UP_READS);
            return new PadWidget(this);
        }
        System.out.println(
                "To draw, open this notebook in JupyterLab 4 or Jupyter Notebook 7 with this project's kernel "
                        + "(make lab): here " + whyNot + ". Below, the pad as a picture, reading a sample 4.");
        return stillPicture();
    }

    /** The pad as a picture: a sample 4 drawn in strokes, as the network reads it. */
    public BufferedImage stillPicture() {
        Drawing sample = sampleFour();
        return PadPicture.draw(sample, reader.read(sample), "The drawing pad, reading a sample 4 drawn in strokes");
    }

    /** A 4 in two strokes, as a person draws it on the pad. */
    static Drawing sampleFour() {
        return Drawing.of(List.of(new double[] {150, 50, 60, 170, 215, 170}, new double[] {165, 60, 165, 240}));
    }

    /** The page's strokes changed: the drawing now, read by the network. */
    Reading drawn(Drawing now) {
        drawing = now;
        return reader.read(now);
    }

    /** Saves the current drawing as the digit {@code label}. */
    Path keep(int label) throws IOException {
        return kept.keep(drawing, label);
    }

    public KeptDigits kept() {
        return kept;
    }
}
