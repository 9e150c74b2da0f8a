package org.cnnbook.data;

/** {@code make data}: fetches and verifies MNIST into the cache directory, printing each step. */
public final class FetchMnist {
    private FetchMnist() {}

    public static void main(String[] args) {
        try {
            var directory = MnistLocation.directory();
            if (MnistFiles.allPresent(directory)) {
                System.out.println("[setup] MNIST already in " + directory + " (SHA-256 verified)");
                return;
            }
            MnistFiles.ensure(directory, System.out);
            System.out.println("[setup] MNIST ready in " + directory);
        } catch (Exception e) {
            System.err.println("[setup] Could not fetch MNIST: " + e.getMessage());
            System.exit(1);
        }
    }
}
