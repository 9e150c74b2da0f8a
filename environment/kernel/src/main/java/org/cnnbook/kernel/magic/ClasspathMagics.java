package org.cnnbook.kernel.magic;

import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.io.File;
import java.io.FileNotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.cnnbook.kernel.KernelEnvironment;

/** {@code %jars glob...} (files only) and {@code %classpath glob...} (files and directories). */
public final class ClasspathMagics {
    private final MagicHost host;

    public ClasspathMagics(MagicHost host) {
        this.host = host;
    }

    public void registerIn(Magics magics) {
        magics.registerLineMagic("jars", args -> add(args, true));
        magics.registerLineMagic("classpath", args -> add(args, false));
    }

    List<String> add(List<String> globs, boolean filesOnly) throws Exception {
        if (globs.isEmpty())
            throw new IllegalArgumentException("Name at least one path or glob, e.g. %jars lib/target/*.jar");
        List<String> added = new ArrayList<>();
        for (String glob : globs) {
            List<String> matches;
            try {
                matches = KernelEnvironment.matchingPaths(glob, filesOnly);
            } catch (java.io.IOException e) {
                matches = List.of(); // a missing directory in the glob: reported as "nothing matches" below
            }
            if (matches.isEmpty())
                throw new FileNotFoundException("Nothing matches '" + glob + "' (looked from "
                        + new File("").getAbsolutePath()
                        + "). Check the path; use / as separator and * or ? as wildcards."
                        + (filesOnly ? " %jars adds files only; use %classpath for class directories." : ""));
            added.addAll(matches);
        }
        host.addAllToClasspath(added);
        return added;
    }
}
