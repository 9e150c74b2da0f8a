package org.cnnbook.draw;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.cnnbook.prep.DataProblem;
import org.cnnbook.prep.GreyImage;

/**
 * What a student drew on the pad: strokes of points on a {@value #SIZE}x{@value #SIZE} canvas, drawn again here
 * with a round pen as dark ink on white paper, like the program-drawn digits of notebooks/digits. So the drawing
 * goes through exactly the preparation those digits go through.
 */
public final class Drawing {
    /** The canvas' side in the page's drawing units. */
    public static final int SIZE = 280;
    /** The pen's width: after preparation (longer side 20 of 28 pixels) a stroke is about 2 pixels wide, as in MNIST. */
    public static final float PEN = 22f;

    static final int MAX_STROKES = 200;
    static final int MAX_POINTS = 20_000;
    /** Farther off the canvas than any pointer reaches: such a coordinate is not a stroke's. */
    static final double FAR = 100.0 * SIZE;

    static final Color INK = new Color(25, 25, 40);

    private final List<double[]> strokes;

    private Drawing(List<double[]> strokes) {
        this.strokes = strokes;
    }

    public static Drawing empty() {
        return new Drawing(List.of());
    }

    /**
     * Strokes as flat coordinate lists {x0, y0, x1, y1, ...}. A stroke may leave the canvas (the page keeps
     * following the pointer): what lies outside is cut off when drawn, as the page's canvas cuts it off.
     */
    public static Drawing of(List<double[]> strokes) {
        List<double[]> kept = new ArrayList<>();
        int points = 0;
        for (double[] stroke : strokes) {
            if (stroke.length == 0) continue;
            if (stroke.length % 2 != 0)
                throw new DataProblem("A stroke has " + stroke.length + " coordinates: it needs x, y pairs.");
            double[] onCanvas = new double[stroke.length];
            for (int i = 0; i < stroke.length; i++) {
                if (!Double.isFinite(stroke[i]) || Math.abs(stroke[i]) > FAR)
                    throw new DataProblem(
                            "A stroke has the coordinate " + stroke[i] + ": the pad is " + SIZE + " wide.");
                onCanvas[i] = stroke[i];
            }
            points += stroke.length / 2;
            kept.add(onCanvas);
        }
        if (kept.size() > MAX_STROKES || points > MAX_POINTS)
            throw new DataProblem(
                    "The drawing has " + kept.size() + " strokes and " + points + " points; the pad takes " + "at most "
                            + MAX_STROKES + " strokes and " + MAX_POINTS + " points: press Clear and draw one digit.");
        return new Drawing(List.copyOf(kept));
    }

    /**
     * The pad's strokes as the page sends them: a list of strokes, each a list of numbers x0, y0, x1, y1, ...
     * Anything else is refused with a message saying what was wrong.
     */
    public static Drawing fromPage(Object value) {
        if (!(value instanceof List<?> list))
            throw new DataProblem("The pad's strokes must be a list, not " + describe(value) + ".");
        List<double[]> strokes = new ArrayList<>();
        for (Object stroke : list) {
            if (!(stroke instanceof List<?> numbers))
                throw new DataProblem("Each stroke must be a list of numbers, not " + describe(stroke) + ".");
            if (numbers.size() > 2 * MAX_POINTS)
                throw new DataProblem(
                        "A stroke has " + numbers.size() / 2 + " points; the pad takes at most " + MAX_POINTS + ".");
            double[] xy = new double[numbers.size()];
            for (int i = 0; i < xy.length; i++) {
                if (!(numbers.get(i) instanceof Number n))
                    throw new DataProblem(
                            "A stroke's coordinate must be a number, not " + describe(numbers.get(i)) + ".");
                xy[i] = n.doubleValue();
            }
            strokes.add(xy);
        }
        return of(strokes);
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : value.getClass().getSimpleName() + " " + abbreviated(String.valueOf(value));
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    public boolean isEmpty() {
        return strokes.isEmpty();
    }

    public int strokeCount() {
        return strokes.size();
    }

    /** The strokes (copies), as {@link #of} takes them. */
    public List<double[]> strokes() {
        return strokes.stream().map(double[]::clone).toList();
    }

    /** The drawing as a picture: dark ink, round pen of {@value #PEN}, on white paper of {@value #SIZE}x{@value #SIZE}. */
    public BufferedImage picture() {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = penOnPaper(image, PEN);
        for (double[] stroke : strokes) {
            Path2D.Double path = new Path2D.Double();
            path.moveTo(stroke[0], stroke[1]);
            if (stroke.length == 2) path.lineTo(stroke[0], stroke[1]); // a tap leaves a dot
            for (int i = 2; i < stroke.length; i += 2) path.lineTo(stroke[i], stroke[i + 1]);
            g.draw(path);
        }
        g.dispose();
        return image;
    }

    /**
     * Graphics that draw on {@code image} as a person writes: white paper, dark ink, a round anti-aliased pen
     * {@code pen} wide. The pad's drawings and the program-drawn digits of notebooks/digits share it.
     */
    public static Graphics2D penOnPaper(BufferedImage image, float pen) {
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(INK);
        g.setStroke(new BasicStroke(pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        return g;
    }

    public GreyImage image() {
        return GreyImage.of(picture());
    }

    @Override
    public String toString() {
        return "Drawing of " + strokes.size() + " stroke(s)";
    }
}
