package org.cnnbook.kernel.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.aether.repository.RemoteRepository;

/** A dependency could not be resolved; the message says what, where it was looked for, and what to try. */
public class ResolutionFailure extends Exception {
    public ResolutionFailure(String message) {
        super(message);
    }

    static ResolutionFailure of(
            String what, List<RemoteRepository> repositories, Path localRepository, Exception cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String where = repositories.stream().map(RemoteRepository::getId).collect(Collectors.joining(", "));
        String message = "Could not resolve " + what + ".\n"
                + "  Reason: " + root.getMessage() + "\n"
                + "  Looked in: the local repository " + localRepository + " and the remote repositories [" + where
                + "].\n"
                + "  Check the spelling of group:artifact:version; if you are offline, only artifacts already in the "
                + "local repository can be used.";
        ResolutionFailure failure = new ResolutionFailure(message);
        failure.initCause(cause);
        return failure;
    }
}
