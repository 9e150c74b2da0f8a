package org.cnnbook.prep;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.cnnbook.draw.Drawing;

/**
 * Draws the digits of notebooks/digits/ stroke by stroke with Java2D, the way a person writes them with a thick
 * pen: dark ink on white paper, on a 160x200 canvas, each digit at its own size, position and slant, unlike MNIST's
 * 20-pixel digits centred in 28x28. {@code make digits} runs {@link #main} to write them again;
 * {@code HandDrawnDigitsTest} checks that the committed files are these drawings.
 */
public final class HandDrawnDigits {
    static final int WIDTH = 160;
    static final int HEIGHT = 200;

    /** Per digit: scale, x and y offset of its 100x140 box on the canvas, slant (shear), pen width. */
    private static final double[][] PLACEMENT = {
        {0.70, 20, 30, 0.10, 11}, {1.10, 30, 25, -0.05, 14}, {0.80, 45, 60, 0.15, 9}, {1.00, 15, 10, 0.00, 16},
        {0.60, 70, 90, 0.20, 8}, {0.95, 20, 40, -0.10, 12}, {0.75, 60, 20, 0.05, 10}, {1.05, 10, 30, 0.12, 13},
        {0.85, 35, 55, -0.08, 15}, {0.65, 25, 95, 0.18, 9}
    };

    private HandDrawnDigits() {}

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "notebooks/digits");
        Files.createDirectories(directory);
        for (int digit = 0; digit <= 9; digit++)
            ImageIO.write(draw(digit), "png", directory.resolve(fileName(digit)).toFile());
        System.out.println("[digits] wrote 10 drawings to " + directory);
    }

    static String fileName(int digit) {
        return "digit-" + digit + ".png";
    }

    static BufferedImage draw(int digit) {
        return draw(digit, PLACEMENT[digit]);
    }

    /** A digit drawn with its strokes placed by {scale, x offset, y offset, slant, pen width}. */
    public static BufferedImage draw(int digit, double... p) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Drawing.penOnPaper(image, (float) p[4]);
        AffineTransform place = new AffineTransform();
        place.translate(p[1], p[2]);
        place.scale(p[0], p[0]);
        place.shear(-p[3], 0);
        place.translate(p[3] * 140, 0); // keep the slanted box's bottom where it was
        for (Shape stroke : strokes(digit)) g.draw(place.createTransformedShape(stroke));
        g.dispose();
        return image;
    }

    /** The pen strokes of a digit in a 100 x 140 box, y pointing down. */
    static List<Shape> strokes(int digit) {
        Path2D.Double s = new Path2D.Double();
        switch (digit) {
            case 0 -> {
                return List.of(new Ellipse2D.Double(12, 10, 76, 120));
            }
            case 1 -> {
                s.moveTo(35, 32);
                s.lineTo(58, 10);
                s.lineTo(58, 130);
            }
            case 2 -> {
                s.moveTo(15, 40);
                s.curveTo(20, 0, 90, 0, 85, 45);
                s.lineTo(15, 130);
                s.lineTo(92, 128);
            }
            case 3 -> {
                s.moveTo(15, 25);
                s.curveTo(40, 0, 95, 10, 80, 50);
                s.curveTo(72, 66, 52, 70, 40, 70);
                s.curveTo(100, 72, 100, 135, 50, 132);
                s.curveTo(30, 131, 15, 122, 12, 112);
            }
            case 4 -> {
                s.moveTo(65, 130);
                s.lineTo(65, 10);
                s.lineTo(10, 95);
                s.lineTo(95, 95);
            }
            case 5 -> {
                s.moveTo(85, 12);
                s.lineTo(25, 12);
                s.lineTo(20, 65);
                s.curveTo(50, 45, 95, 55, 90, 95);
                s.curveTo(85, 135, 35, 140, 15, 115);
            }
            case 6 -> {
                s.moveTo(80, 15);
                s.curveTo(40, 20, 15, 70, 20, 100);
                s.curveTo(25, 140, 85, 140, 85, 100);
                s.curveTo(85, 65, 30, 65, 22, 95);
            }
            case 7 -> {
                s.moveTo(10, 12);
                s.lineTo(90, 12);
                s.lineTo(40, 130);
            }
            case 8 -> {
                return List.of(new Ellipse2D.Double(22, 10, 56, 56), new Ellipse2D.Double(12, 64, 76, 68));
            }
            case 9 -> {
                s.moveTo(82, 45);
                s.curveTo(82, 5, 15, 0, 15, 42);
                s.curveTo(15, 80, 75, 80, 82, 45);
                s.curveTo(84, 80, 78, 110, 70, 132);
            }
            default -> throw new IllegalArgumentException("not a digit: " + digit);
        }
        return List.of(s);
    }
}
