package org.cnnbook.kernel;

import io.github.spencerpark.jupyter.kernel.util.GlobFinder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cnnbook.kernel.eval.InProcessExecutionControl.SnippetTimeout;

/**
 * The kernel's settings, read from IJava's environment variables with IJava's exact parsing rules, and from JJava's
 * names for the same ({@code JJAVA_CLASSPATH}, ...; IJava's successor renamed them): lists take both, IJava's first;
 * a single value ({@code IJAVA_TIMEOUT}) is IJava's where it is set, else JJava's.
 */
public record KernelEnvironment(
        List<String> classpath, List<String> compilerOptions, List<String> startupScripts, SnippetTimeout timeout) {
    public static final String CLASSPATH = "IJAVA_CLASSPATH";
    public static final String COMPILER_OPTS = "IJAVA_COMPILER_OPTS";
    public static final String STARTUP_SCRIPTS_PATH = "IJAVA_STARTUP_SCRIPTS_PATH";
    public static final String STARTUP_SCRIPT = "IJAVA_STARTUP_SCRIPT";
    public static final String TIMEOUT = "IJAVA_TIMEOUT";

    private static final Pattern TIMEOUT_FORMAT = Pattern.compile("^(-?\\d+)\\W*([A-Za-z]+)?$");

    public static KernelEnvironment from(Map<String, String> env) throws IOException {
        List<String> classpath = new ArrayList<>(matchingPaths(env.get(CLASSPATH), false));
        classpath.addAll(matchingPaths(env.get(jjava(CLASSPATH)), false));
        List<String> options = new ArrayList<>(splitOptions(env.getOrDefault(COMPILER_OPTS, "")));
        options.addAll(splitOptions(env.getOrDefault(jjava(COMPILER_OPTS), "")));
        List<String> scripts = new ArrayList<>(startupScripts(env.get(STARTUP_SCRIPTS_PATH), env.get(STARTUP_SCRIPT)));
        scripts.addAll(startupScripts(env.get(jjava(STARTUP_SCRIPTS_PATH)), env.get(jjava(STARTUP_SCRIPT))));
        String timeout =
                env.get(TIMEOUT) != null && !env.get(TIMEOUT).isBlank() ? env.get(TIMEOUT) : env.get(jjava(TIMEOUT));
        return new KernelEnvironment(classpath, options, scripts, parseTimeout(timeout));
    }

    /** JJava's name for one of IJava's variables: IJAVA_CLASSPATH is JJAVA_CLASSPATH there. */
    public static String jjava(String ijavaName) {
        return "J" + ijavaName.substring(1);
    }

    /** Expands a path-separator list of simple globs ({@code *}, {@code ?}, trailing {@code /}). */
    public static List<String> matchingPaths(String globList, boolean filesOnly) throws IOException {
        List<String> paths = new ArrayList<>();
        if (globList == null || globList.isBlank()) return paths;
        for (String glob : globList.split(Pattern.quote(File.pathSeparator))) {
            if (glob.isBlank()) continue;
            GlobFinder finder = new GlobFinder(glob.trim());
            for (Path path : filesOnly ? finder.computeMatchingFiles() : finder.computeMatchingPaths())
                paths.add(path.toAbsolutePath().normalize().toString());
        }
        return paths;
    }

    private static List<String> startupScripts(String scriptPaths, String inlineScript) throws IOException {
        List<String> scripts = new ArrayList<>();
        for (String path : matchingPaths(scriptPaths, true)) {
            Path file = Path.of(path);
            if (Files.isRegularFile(file) && Files.isReadable(file)) scripts.add(Files.readString(file));
        }
        if (inlineScript != null && !inlineScript.isBlank()) scripts.add(inlineScript);
        return scripts;
    }

    /** Splits on spaces and tabs; double quotes group, a backslash escapes the next character. */
    public static List<String> splitOptions(String options) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean inToken = false;
        for (int i = 0; i < options.length(); i++) {
            char c = options.charAt(i);
            if (c == '\\' && i + 1 < options.length()) {
                current.append(options.charAt(++i));
                inToken = true;
            } else if (c == '"') {
                quoted = !quoted;
                inToken = true;
            } else if ((c == ' ' || c == '\t') && !quoted) {
                if (inToken) parts.add(current.toString());
                current.setLength(0);
                inToken = false;
            } else {
                current.append(c);
                inToken = true;
            }
        }
        if (inToken) parts.add(current.toString());
        return parts;
    }

    /** {@code <n> [TimeUnit]}; milliseconds without a unit; a value below 1 (or NO_TIMEOUT) means no timeout. */
    public static SnippetTimeout parseTimeout(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("NO_TIMEOUT")) return SnippetTimeout.NONE;
        Matcher matcher = TIMEOUT_FORMAT.matcher(value.trim());
        if (!matcher.matches())
            throw new IllegalArgumentException(TIMEOUT + "='" + value + "' is not a timeout. Write a number of "
                    + "milliseconds, or a number and a unit such as '30 SECONDS'; -1 means no timeout.");
        long amount = Long.parseLong(matcher.group(1));
        if (amount < 1) return SnippetTimeout.NONE;
        String unitName = matcher.group(2);
        if (unitName == null) return new SnippetTimeout(amount, TimeUnit.MILLISECONDS);
        try {
            return new SnippetTimeout(amount, TimeUnit.valueOf(unitName.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    TIMEOUT + "='" + value + "': '" + unitName + "' is not a time unit. "
                            + "Use one of NANOSECONDS, MICROSECONDS, MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS.",
                    e);
        }
    }
}
