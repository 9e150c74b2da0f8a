package org.cnnbook.draw;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.cnnbook.prep.DataProblem;
import org.cnnbook.prep.GreyImage;

/**
 * The digits a student kept from the pad: one PNG each in their own folder, named after the digit they meant
 * ({@code digit-3-20261202-191503-123.png}), dark ink on white like notebooks/digits. Nothing is ever overwritten.
 */
public final class KeptDigits {
    private static final Pattern NAME = Pattern.compile("digit-([0-9])-.*\\.png");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path folder;

    public KeptDigits(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** One kept digit: what the student meant, the drawing, and its file. */
    public record Kept(int label, GreyImage drawing, Path file) {}

    /** Saves the drawing as the digit {@code label}; returns the new file. */
    public Path keep(Drawing drawing, int label) throws IOException {
        if (label < 0 || label > 9)
            throw new DataProblem("Which digit did you mean? Choose 0 to 9, not " + label + ".");
        if (drawing.isEmpty()) throw new DataProblem("There is nothing to keep: draw a digit first.");
        Files.createDirectories(folder);
        String stamp = LocalDateTime.now().format(STAMP);
        Path file = folder.resolve("digit-" + label + "-" + stamp + ".png");
        for (int n = 2; Files.exists(file); n++)
            file = folder.resolve("digit-" + label + "-" + stamp + "-" + n + ".png");
        ImageIO.write(drawing.picture(), "png", file.toFile());
        return file;
    }

    /** Every kept digit, by file name (so by digit, then by time); none when the folder does not exist yet. */
    public List<Kept> all() throws IOException {
        List<Kept> kept = new ArrayList<>();
        for (Path file : files()) {
            Matcher name = NAME.matcher(file.getFileName().toString());
            if (!name.matches()) continue;
            kept.add(new Kept(Integer.parseInt(name.group(1)), GreyImage.read(file), file));
        }
        return kept;
    }

    /** The PNG files whose name says which digit they are; others in the folder are left alone. */
    private List<Path> files() throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        }
    }

    /** How many digits are kept. */
    public int count() throws IOException {
        return files().size();
    }
}
