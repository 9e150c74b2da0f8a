package io.github.spencerpark.ijava.runtime;

import io.github.spencerpark.jupyter.kernel.magic.registry.UndefinedMagicException;
import java.util.List;

/** {@code lineMagic}/{@code cellMagic}: what magic syntax compiles to, callable directly too (as in IJava). */
public final class Magics {
    private Magics() {}

    public static <T> T lineMagic(String name, List<String> args) {
        try {
            return Kernel.getKernelInstance().getMagics().applyLineMagic(name, args);
        } catch (UndefinedMagicException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeException(
                    String.format("Exception occurred while running line magic '%s': %s", name, e.getMessage()), e);
        }
    }

    public static <T> T cellMagic(String name, List<String> args, String body) {
        try {
            return Kernel.getKernelInstance().getMagics().applyCellMagic(name, args, body);
        } catch (UndefinedMagicException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeException(
                    String.format("Exception occurred while running cell magic '%s': %s", name, e.getMessage()), e);
        }
    }
}
