package org.cnnbook.model;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Model files from elsewhere: what DL4J's loader would trust blindly, ModelStore refuses with the reason. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelFileCheckTest {
    @TempDir
    static Path tmp;

    private Path good;

    @BeforeAll
    void saveAModel() throws Exception {
        good = ModelStore.save(Models.leNet(), tmp.resolve("good.zip"));
    }

    /** A copy of the good model, changed inside its zip. */
    private Path altered(String name, ZipChange change) throws Exception {
        Path copy = Files.copy(good, tmp.resolve(name));
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + copy.toUri()), Map.of())) {
            change.apply(zip);
        }
        return copy;
    }

    private interface ZipChange {
        void apply(FileSystem zip) throws Exception;
    }

    private static void assertRefused(Path file, String reason) {
        IOException refused = assertThrows(IOException.class, () -> ModelStore.load(file));
        assertTrue(refused.getMessage().contains("will not load"), refused.getMessage());
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    @Test
    void aModelSavedByModelStoreLoads() throws Exception {
        assertNotNull(ModelStore.load(good));
    }

    @Test
    void aJavaSerializedEntryIsRefusedBeforeDl4jCouldDeserializeIt() throws Exception {
        Path withPreprocessor = altered("preprocessor.zip", zip -> {
            try (ObjectOutputStream out =
                    new ObjectOutputStream(Files.newOutputStream(zip.getPath("preprocessor.bin")))) {
                out.writeObject(new java.util.HashMap<String, String>()); // harmless here; a gadget chain elsewhere
            }
        });
        assertRefused(withPreprocessor, "Java deserialization");
    }

    @Test
    void aConfigurationNamingForeignClassesIsRefused() throws Exception {
        Path foreign = altered("foreign.zip", zip -> {
            Path json = zip.getPath("configuration.json");
            String text = Files.readString(json);
            Files.writeString(
                    json,
                    text.replaceFirst(
                            "\"@class\"\\s*:\\s*\"org\\.nd4j[^\"]*\"", "\"@class\" : \"com.example.Gadget\""));
        });
        assertRefused(foreign, "com.example.Gadget");
    }

    @Test
    void anEntryThatDecompressesBeyondItsCapIsRefused() throws Exception {
        Path bomb = altered(
                "bomb.zip",
                zip -> Files.write(
                        zip.getPath("configuration.json"),
                        " "
                                .repeat((int) (ModelFileCheck.ALLOWED_ENTRIES.get("configuration.json") + 1))
                                .getBytes(StandardCharsets.US_ASCII)));
        assertTrue(Files.size(bomb) < Files.size(good) + (1 << 20), "4 MB of configuration take little room zipped");
        assertRefused(bomb, "decompresses to more than");
    }

    @Test
    void aFileThatIsNotAModelIsNamedAsSuch() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.zip"), "these are my notes");
        assertRefused(text, "not a zip file");
    }
}
