package org.cnnbook.kernel.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.eclipse.aether.transfer.ChecksumFailureException;

/** A dependency could not be resolved; the message says what, where it was looked for, and what to try. */
public class ResolutionFailure extends Exception {
    public ResolutionFailure(String message) {
        super(message);
    }

    static ResolutionFailure of(
            String what, List<RemoteRepository> repositories, Path localRepository, Exception cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        ArtifactTransferException transfer = null;
        for (Throwable t = cause; t != null && transfer == null; t = t.getCause() == t ? null : t.getCause())
            if (t instanceof ArtifactTransferException e) transfer = e;
        if (root instanceof ChecksumFailureException && transfer != null) {
            ResolutionFailure failure = new ResolutionFailure("The file downloaded for " + transfer.getArtifact()
                    + " from " + transfer.getRepository().getUrl() + " does not match its published checksum ("
                    + root.getMessage() + "): it was damaged or changed on the way, and nothing was added.\n"
                    + "  Run the cell again; if it fails again, the repository itself serves a bad file.");
            failure.initCause(cause);
            return failure;
        }
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
