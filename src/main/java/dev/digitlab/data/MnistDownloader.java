package dev.digitlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Downloads data files from a list of mirrors, trying them in order. Each file goes into a
 * temporary file in the target folder and is renamed to its real name only once it is complete
 * and its SHA-256 matches, so the folder never holds a partial or wrong file.
 */
public final class MnistDownloader {

    /** The Keras mirror, then the torchvision one. */
    public static final List<URI> MNIST_MIRRORS = List.of(
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"),
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"));

    private static final int BUFFER = 1 << 16;

    private final List<URI> mirrors;
    private final Map<String, String> sha256ByFile;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    /**
     * @param mirrors base addresses, each ending in "/", that the file names are appended to
     * @param sha256ByFile the expected lower-case hex SHA-256 of every file that may be downloaded
     * @param connectTimeout how long to wait for a mirror to accept the connection
     * @param readTimeout how long to wait for the next bytes before giving up on a mirror
     */
    public MnistDownloader(List<URI> mirrors, Map<String, String> sha256ByFile,
                           Duration connectTimeout, Duration readTimeout) {
        if (mirrors.isEmpty()) {
            throw new IllegalArgumentException("at least one mirror is needed");
        }
        this.mirrors = List.copyOf(mirrors);
        this.sha256ByFile = Map.copyOf(sha256ByFile);
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** The downloader for the real MNIST files from the public mirrors. */
    public static MnistDownloader mnist() {
        return new MnistDownloader(MNIST_MIRRORS, MnistFiles.MNIST_GZ_SHA256,
                Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    /** Names of the files this downloader can fetch. */
    public Collection<String> files() {
        return sha256ByFile.keySet();
    }

    /** Downloads each of {@code fileNames} into {@code dir}, creating the folder if needed. */
    public void download(Path dir, Collection<String> fileNames, ProgressListener listener) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DataException("cannot create the folder " + dir + " (" + describe(e) + ")", e);
        }
        for (String fileName : fileNames) {
            download(dir, fileName, listener);
        }
    }

    /**
     * Downloads one file into {@code dir}, trying each mirror until one delivers the right bytes.
     *
     * @return the downloaded file
     */
    public Path download(Path dir, String fileName, ProgressListener listener) {
        String expected = sha256ByFile.get(fileName);
        if (expected == null) {
            throw new IllegalArgumentException("no checksum known for " + fileName);
        }
        Path target = dir.resolve(fileName);
        List<String> failures = new ArrayList<>();
        for (URI mirror : mirrors) {
            URI url = mirror.resolve(fileName);
            try {
                fetchVerified(url, dir, target, expected, listener);
                return target;
            } catch (IOException e) {
                failures.add(url.getHost() + ": " + describe(e));
            }
        }
        throw new DataException("could not download " + fileName + " (" + String.join("; ", failures) + ")");
    }

    /** Fetches {@code url} into a temporary file beside {@code target}, then moves it into place. */
    private void fetchVerified(URI url, Path dir, Path target, String expected, ProgressListener listener)
            throws IOException {
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        try {
            String actual = fetch(url, temp, target.getFileName().toString(), listener);
            if (!actual.equals(expected)) {
                throw new IOException("checksum mismatch (SHA-256 " + actual + ", expected " + expected + ")");
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Streams {@code url} into {@code file}; returns the SHA-256 of what arrived. */
    private String fetch(URI url, Path file, String name, ProgressListener listener) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        try {
            connection.setConnectTimeout((int) connectTimeout.toMillis());
            connection.setReadTimeout((int) readTimeout.toMillis());
            connection.setInstanceFollowRedirects(true);
            connection.setRequestProperty("User-Agent", "DigitLab");
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("HTTP " + status);
            }
            long total = connection.getContentLengthLong();
            MessageDigest digest = IdxReader.sha256();
            long done = 0;
            try (InputStream in = connection.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[BUFFER];
                listener.progress(name, 0, total);
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    digest.update(buffer, 0, n);
                    done += n;
                    listener.progress(name, done, total);
                }
            }
            if (total >= 0 && done != total) {
                throw new IOException("transfer cut off after " + IdxReader.number(done) + " of "
                        + IdxReader.number(total) + " bytes");
            }
            return HexFormat.of().formatHex(digest.digest());
        } finally {
            connection.disconnect();
        }
    }

    private static String describe(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return "timed out";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
