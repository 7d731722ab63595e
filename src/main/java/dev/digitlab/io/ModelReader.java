package dev.digitlab.io;

import com.google.gson.JsonParseException;
import com.google.gson.stream.MalformedJsonException;
import dev.digitlab.nn.cpu.NdStart;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.Parameter;
import dev.digitlab.train.TrainedModel;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads model files, checking everything before allocating anything large: the file's size
 * first, then that it is JSON, its format and version, the architecture (and its size, before any
 * weight is decoded or any network built), the weights' shapes and byte counts, their SHA-256
 * checksums, and that every value is finite. Each failure is a {@link ModelFileException} with one
 * sentence naming the file and the problem. Loading returns a new model or throws; it changes
 * nothing else.
 */
public final class ModelReader {

    /** Files larger than this are refused before reading: 300 MB, room for {@link #MAX_PARAMETERS} in base64. */
    public static final long MAX_FILE_BYTES = 300_000_000L;
    /** Architectures with more trainable values than this are refused from the spec alone. */
    public static final long MAX_PARAMETERS = 50_000_000L;

    private static final int SNIFF_BYTES = 4096;
    private static final Pattern WHERE = Pattern.compile("line (\\d+) column (\\d+)");

    private final long maxFileBytes;
    private final long maxParameters;

    /**
     * Whether DigitLab can load a model of {@code spec} again: at most {@link #MAX_PARAMETERS}
     * trainable values. Training checks this before it starts, so no run ends in a file that
     * cannot be opened.
     */
    public static boolean loadable(ModelSpec spec) {
        return spec.parameterCount() <= MAX_PARAMETERS;
    }

    /** A reader with the default limits. */
    public ModelReader() {
        this(MAX_FILE_BYTES, MAX_PARAMETERS);
    }

    /** A reader with other limits (tests use small ones). */
    public ModelReader(long maxFileBytes, long maxParameters) {
        this.maxFileBytes = maxFileBytes;
        this.maxParameters = maxParameters;
    }

    /**
     * Loads the model in {@code file}; its name is the file name without extension.
     *
     * @throws ModelFileException naming the file and what is wrong with it
     */
    public TrainedModel load(Path file) {
        String source = file.toString();
        try (InputStream in = open(file, source)) {
            return load(in, source, nameOf(file));
        } catch (IOException e) {
            throw new ModelFileException(source + " could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads everything but the weight values of {@code file}, without decoding the weights or
     * starting ND4J: what {@code digitlab info} shows.
     */
    public ModelHeader readHeader(Path file) {
        String source = file.toString();
        try (InputStream in = open(file, source)) {
            return readHeader(in, source);
        } catch (IOException e) {
            throw new ModelFileException(source + " could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Loads a model from a stream (e.g. a resource inside the jar). The caller closes {@code in}.
     *
     * @param source what the messages call the stream, e.g. a file name
     * @param name   the name the model gets
     */
    public TrainedModel load(InputStream in, String source, String name) {
        // ND4J starts while the file is read and checked; build() is the first step that needs it.
        NdStart.begin();
        ModelFileParser.RawModel raw = parse(in, source, true);
        ModelJson.checkFormat(raw.header(), source);
        ModelHeader header = ModelJson.header(raw, source, maxParameters);
        List<float[]> values = WeightCodec.decodeAll(header, raw, source);
        Network network = build(header, values);
        return new TrainedModel(name, network, header.config(), header.datasetName(), header.datasetChecksum(),
                header.history(), header.testAccuracy(), header.created(), header.preprocessing(), null,
                header.adaptation());
    }

    /** Reads the header from a stream; see {@link #readHeader(Path)}. The caller closes {@code in}. */
    public ModelHeader readHeader(InputStream in, String source) {
        ModelFileParser.RawModel raw = parse(in, source, false);
        ModelJson.checkFormat(raw.header(), source);
        return ModelJson.header(raw, source, maxParameters);
    }

    /** The model's name for a file: its name without the extension. */
    public static String nameOf(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private InputStream open(Path file, String source) {
        if (Files.isDirectory(file)) {
            throw new ModelFileException(source + " is a folder, not a model file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // A pipe or a device: reading it could wait for ever, or never end.
            throw new ModelFileException(source + " is not a regular file (a pipe or a device), not a model file");
        }
        try {
            long size = Files.size(file);
            if (size > maxFileBytes) {
                throw new ModelFileException(source + " is " + megabytes(size)
                        + ", larger than any model file DigitLab loads (at most " + megabytes(maxFileBytes) + ")");
            }
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(source + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new ModelFileException(source + " cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new ModelFileException(source + " could not be read: " + e.getMessage(), e);
        }
    }

    private ModelFileParser.RawModel parse(InputStream raw, String source, boolean withValues) {
        LimitedInputStream limited = new LimitedInputStream(raw, maxFileBytes);
        try {
            BufferedInputStream in = new BufferedInputStream(limited, 1 << 16);
            sniff(in, source);
            return ModelFileParser.parse(in, withValues, source);
        } catch (LimitedInputStream.TooLargeException e) {
            throw new ModelFileException(source + " is larger than any model file DigitLab loads (at most "
                    + megabytes(maxFileBytes) + ")", e);
        } catch (CharacterCodingException e) {
            throw new ModelFileException(source + " is not a DigitLab model file (it is not UTF-8 text)", e);
        } catch (EOFException e) {
            throw truncated(source, e);
        } catch (MalformedJsonException | IllegalStateException | JsonParseException e) {
            if (limited.ended() && limited.lastNonBlank() != '}') {
                throw truncated(source, e);
            }
            throw new ModelFileException(source + " is not valid JSON" + where(e.getMessage())
                    + "; it may have been edited or damaged", e);
        } catch (IOException e) {
            throw new ModelFileException(source + " could not be read: " + e.getMessage(), e);
        }
    }

    private static ModelFileException truncated(String source, Exception e) {
        return new ModelFileException(source + " ends too early: it is cut off, perhaps by an interrupted copy, "
                + "download or save", e);
    }

    /** Looks at the first bytes to name the common wrong files (empty, HTML, binary) plainly. */
    private static void sniff(BufferedInputStream in, String source) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3; // UTF-8 byte order mark
        }
        while (i < head.length && LimitedInputStream.isBlank(head[i])) {
            i++;
        }
        if (i == head.length) {
            if (head.length < SNIFF_BYTES) {
                throw new ModelFileException(source + " is empty, not a DigitLab model file");
            }
            throw new ModelFileException(source + " is not a DigitLab model file (it starts with "
                    + SNIFF_BYTES + " blank characters)");
        }
        char first = (char) (head[i] & 0xff);
        if (first == '{') {
            return;
        }
        if (first == '<') {
            throw new ModelFileException(source + " is a web page (HTML), not a DigitLab model file; perhaps a "
                    + "page was saved instead of the file itself");
        }
        if (first == '[' || first == '"' || first == '-' || Character.isDigit(first)) {
            throw new ModelFileException(source + " is not a DigitLab model file (its JSON is not an object)");
        }
        throw new ModelFileException(source + " is not a DigitLab model file (it is not JSON; it starts with "
                + startOf(head, i) + ")");
    }

    /** The first bytes, as text when they are printable ASCII, else in hex. */
    private static String startOf(byte[] head, int from) {
        int n = Math.min(head.length - from, 8);
        StringBuilder text = new StringBuilder();
        StringBuilder hex = new StringBuilder();
        boolean printable = true;
        for (int i = from; i < from + n; i++) {
            int b = head[i] & 0xff;
            printable &= b >= 0x20 && b < 0x7f;
            text.append((char) b);
            hex.append(hex.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02x", b));
        }
        return printable ? "'" + text + "'" : "the bytes " + hex;
    }

    private static String where(String message) {
        Matcher m = WHERE.matcher(message == null ? "" : message);
        return m.find() ? " (at line " + m.group(1) + ", column " + m.group(2) + ")" : "";
    }

    /** The network, built only now that every check has passed. */
    private static Network build(ModelHeader header, List<float[]> values) {
        NdStart.await();
        Network network = Network.create(header.spec(), header.initSeed());
        Set<String> layout = new HashSet<>();
        for (Parameter p : network.parameters()) {
            layout.add(p.toString());
        }
        Set<String> stored = new HashSet<>();
        for (ModelHeader.WeightInfo w : header.weights()) {
            stored.add(w.toString());
        }
        if (!layout.equals(stored)) {
            // ModelJson.expectedWeights and nn.Network disagree: a programming error, not a bad file.
            throw new IllegalStateException("model files expect the weights " + stored + " but the network has "
                    + layout);
        }
        for (int i = 0; i < values.size(); i++) {
            network.setParameterValues(header.weights().get(i).name(), values.get(i));
        }
        return network;
    }

    private static String megabytes(long bytes) {
        return bytes >= 1_000_000 ? String.format(Locale.ROOT, "%,.0f MB", bytes / 1e6)
                : String.format(Locale.ROOT, "%,d bytes", bytes);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
