package org.cnnbook.kernel.magic;

import io.github.spencerpark.jupyter.kernel.magic.registry.CellMagicFunction;
import io.github.spencerpark.jupyter.kernel.magic.registry.LineMagicFunction;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** basekernel's magic registry that also remembers the names, for Tab on {@code %cl} or {@code %%ti}. */
public final class MagicCatalog extends Magics {
    private final SortedSet<String> lineNames = new TreeSet<>();
    private final SortedSet<String> cellNames = new TreeSet<>();

    @Override
    public void registerLineMagic(String name, LineMagicFunction<?> magic) {
        super.registerLineMagic(name, magic);
        lineNames.add(name);
    }

    @Override
    public void registerCellMagic(String name, CellMagicFunction<?> magic) {
        super.registerCellMagic(name, magic);
        cellNames.add(name);
    }

    /**
     * The magics {@code typed} (a line's text up to the cursor, e.g. "%cl" or "%%") may complete to, with their
     * % or %%, sorted; empty when the text is not the start of a magic name.
     */
    public List<String> completions(String typed) {
        if (!typed.matches("%{1,2}[\\w-]*")) return List.of();
        boolean cell = typed.startsWith("%%");
        String prefix = typed.substring(cell ? 2 : 1);
        return (cell ? cellNames : lineNames)
                .stream()
                        .filter(name -> name.startsWith(prefix))
                        .map(name -> (cell ? "%%" : "%") + name)
                        .toList();
    }
}
