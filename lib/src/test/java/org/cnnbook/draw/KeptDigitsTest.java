package org.cnnbook.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cnnbook.prep.DataProblem;
import org.cnnbook.prep.GreyImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptDigitsTest {
    @TempDir
    Path home;

    @Test
    void aKeptDrawingIsAPngNamedAfterTheDigitMeantAndReadsBackAsDrawn() throws IOException {
        KeptDigits kept = new KeptDigits(home.resolve("my-digits"));
        assertEquals(List.of(), kept.all(), "no folder yet: nothing kept");
        Drawing four = DrawingPad.sampleFour();
        Path first = kept.keep(four, 4);
        Path second = kept.keep(four, 4);
        assertNotEquals(first, second, "a second keep never overwrites the first");
        assertTrue(
                first.getFileName().toString().matches("digit-4-\\d{8}-\\d{6}-\\d{3}(-\\d+)?\\.png"), first.toString());
        List<KeptDigits.Kept> all = kept.all();
        assertEquals(2, all.size());
        assertEquals(2, kept.count());
        GreyImage drawn = four.image(), read = all.get(0).drawing();
        assertEquals(4, all.get(0).label());
        for (int y = 0; y < Drawing.SIZE; y += 7)
            for (int x = 0; x < Drawing.SIZE; x += 7) assertEquals(drawn.pixel(y, x), read.pixel(y, x), 1e-3);
    }

    @Test
    void otherFilesInTheFolderAreLeftAloneAndBadKeepsAreRefused() throws IOException {
        Path folder = Files.createDirectories(home.resolve("my-digits"));
        Files.writeString(folder.resolve("notes.txt"), "mine");
        Files.writeString(folder.resolve("digit-x-1.png"), "not a digit name");
        KeptDigits kept = new KeptDigits(folder);
        assertEquals(List.of(), kept.all());
        DataProblem label = org.junit.jupiter.api.Assertions.assertThrows(
                DataProblem.class, () -> kept.keep(DrawingPad.sampleFour(), 12));
        assertTrue(label.getMessage().contains("Choose 0 to 9"), label.getMessage());
        DataProblem empty =
                org.junit.jupiter.api.Assertions.assertThrows(DataProblem.class, () -> kept.keep(Drawing.empty(), 3));
        assertTrue(empty.getMessage().contains("draw a digit first"), empty.getMessage());
        assertEquals("mine", Files.readString(folder.resolve("notes.txt")));
        try (var files = Files.list(folder)) {
            assertEquals(2, files.count(), "nothing written by the refused keeps");
        }
    }
}
